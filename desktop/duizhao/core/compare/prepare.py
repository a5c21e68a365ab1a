"""Articles made ready for alignment: their entities, claims and claim vectors,
with the native work of one article overlapping the Python work of another.

Recognising names (onnxruntime) and encoding sentences (numpy) release the GIL
while they compute; extracting claims is Python. So a cold comparison
recognises entities on one worker thread and encodes vectors on another,
while the caller's thread extracts each article's claims as soon as its
entities are there: on two cores it takes about as long as its Python work
alone. The library is read and written only on the caller's thread (a SQLite
connection stays on its own), and the result is assembled in the order the
articles were given, so threads never change what comes out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from duizhao.core.compare.claims import Claim, Document, extract_claims
from duizhao.core.meaning import Encoder, cached_vectors, store_vectors

#: the kind of vectors kept per article in the library: one per claim
KIND = "claims"

#: make a comparison's Document from an article and its entities
MakeDocument = Callable[[Any, tuple[Any, ...]], Document]


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article, ready: its document, its claims and one vector per claim."""

    doc: Document
    claims: list[Claim]
    vectors: np.ndarray


class _Stop:
    """Tells the worker threads to stop early (the caller was cancelled or failed)."""

    def __init__(self, cancelled: Callable[[], bool] | None) -> None:
        self._event = threading.Event()
        self._cancelled = cancelled

    def set(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set() or bool(self._cancelled and self._cancelled())


def prepare_articles(
    library: Any,
    articles: Sequence[Any],
    known: Sequence[Any | None],
    make_document: MakeDocument,
    encoder: Encoder,
    *,
    recogniser: Any | None,
    store: bool,
    step: Callable[[str], None],
    cancelled: Callable[[], bool] | None = None,
) -> list[Prepared]:
    """Entities (``known`` from the library's cache, else recognised by ``recogniser``;
    none without one), claims and vectors (from the cache, else encoded) of
    ``articles``, in their order. ``step(message)`` is called three times per
    article, on the caller's thread; it may raise to stop."""
    from duizhao.core.entities import recognise_found, remember_entities

    stop = _Stop(cancelled)
    # one thread each, so the model and the encoder each run one call at a time
    with (
        ThreadPoolExecutor(1, thread_name_prefix="duizhao-names") as names,
        ThreadPoolExecutor(1, thread_name_prefix="duizhao-meaning") as meaning,
    ):
        try:
            found: list[Any] = []
            for article, entry in zip(articles, known, strict=True):
                if recogniser is None or entry is not None:
                    done: Future[Any] = Future()
                    done.set_result(entry)
                    found.append(done)
                else:
                    found.append(names.submit(recognise_found, article, recogniser, stop))
            docs: list[Document] = []
            claims: list[list[Claim]] = []
            vectors: list[Future[np.ndarray] | np.ndarray] = []
            for article, future in zip(articles, found, strict=True):
                result = future.result()
                if store and result is not None:
                    remember_entities(library, article, result)
                doc = make_document(article, tuple(result.entities) if result else ())
                docs.append(doc)
                step(f"Entities of {doc.title or doc.id}")
                mine = extract_claims(doc)
                claims.append(mine)
                step(f"Claims of {doc.title or doc.id}")
                texts = [c.meaning for c in mine]
                kept = cached_vectors(library, doc.id, KIND, texts, encoder.name)
                vectors.append(kept if kept is not None else meaning.submit(encoder.encode, texts))
            out = []
            for doc, mine, made in zip(docs, claims, vectors, strict=True):
                if isinstance(made, Future):
                    made = made.result()
                    if store:
                        texts = [c.meaning for c in mine]
                        store_vectors(library, doc.id, KIND, texts, encoder.name, made)
                out.append(Prepared(doc, mine, made))
                step(f"Meaning of {doc.title or doc.id}")
            return out
        except BaseException:
            stop.set()
            for future in found:
                future.cancel()
            raise


def prepare_documents(docs: Sequence[Document], encoder: Encoder) -> list[Prepared]:
    """Documents given whole (no library): claims and vectors made now."""
    out = []
    for doc in docs:
        claims = extract_claims(doc)
        out.append(Prepared(doc, claims, encoder.encode([c.meaning for c in claims])))
    return out
