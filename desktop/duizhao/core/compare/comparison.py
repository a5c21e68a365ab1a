"""Compare articles: claims as frames, aligned by meaning, related pair by pair,
grouped into the questions the story raises.

The flow, one module per stage:

1. :mod:`.claims` — each article's check-worthy sentences, each with a frame
   (:mod:`.frames`: figures with what they measure and when, dates of events,
   predicates with their polarity and modality, verdicts, who asserts it);
2. :mod:`duizhao.core.meaning` — a sentence vector per claim, kept in the
   library once made;
3. :mod:`.align` — facts of different articles scored against each other and
   matched optimally per pair of articles, then joined into rows (one fact
   per article per row);
4. :mod:`.relations` — every pair in a row gets a relation, its reasons and a
   confidence; the row's badge is its strongest pair;
5. :mod:`.questions` — rows grouped into topics, labelled and ranked.

:func:`compare` (articles of a library) and :func:`compare_documents` are the
entry points, with progress (``progress(done, total, message)``) and
cancellation (``cancelled() -> bool``, raising :class:`CompareCancelled`).
Articles are put in publication order (then id) whatever order they come in,
and nothing depends on hash order, so the same articles always give the same
comparison; the last :data:`RESULTS_KEPT` comparisons are kept, by their
articles' text, entities, dates and the topic, and given again when asked for.
``Row.key`` and ``Topic.key`` are stable: notes and pins find the
same row of a recomputed comparison.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from duizhao.core.compare.align import align
from duizhao.core.compare.claims import Document
from duizhao.core.compare.placed import place
from duizhao.core.compare.prepare import Prepared, prepare_articles, prepare_documents
from duizhao.core.compare.questions import Row, Topic, build_topics, make_row, user_topic
from duizhao.core.compare.relations import RELATIONS
from duizhao.core.compare.scores import Scores
from duizhao.core.meaning import Encoder, one_blas_thread, shared_encoder

__all__ = [
    "RELATIONS",
    "Cancelled",
    "CompareCancelled",
    "CompareError",
    "Comparison",
    "Progress",
    "compare",
    "compare_documents",
]

#: progress(done, total, message)
Progress = Callable[[int, int, str], None]
#: cancelled() -> True to stop the comparison (raises CompareCancelled)
Cancelled = Callable[[], bool]
#: a comparison of more articles than this is refused (the window offers a story's
#: largest outlets instead); alignment grows with the square of the articles
MAX_ARTICLES = 60


class CompareError(ValueError):
    """Bad input for a comparison (fewer than two distinct articles …)."""


class CompareCancelled(Exception):  # noqa: N818 - the name says what happened
    """Raised when the ``cancelled`` callback of a comparison answers True."""


@dataclass(slots=True)
class Comparison:
    """The compared articles (in publication order) and their topics, best first."""

    articles: list[tuple[int, str]]
    topics: list[Topic]
    details: dict[int, dict[str, object]]  # per article: outlet, date

    def to_json(self) -> dict[str, object]:
        return {
            "articles": [
                {"id": i, "title": t, **self.details.get(i, {})} for i, t in self.articles
            ],
            "topics": [t.to_json() for t in self.topics],
        }


class _Steps:
    """Counts steps for ``progress`` and checks ``cancelled`` before each."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.done = 0
        self.total = total
        self._progress = progress
        self._cancelled = cancelled

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise CompareCancelled("comparison cancelled")

    def finish(self, message: str) -> None:
        """The last step, whatever was counted before (a comparison reused)."""
        self.total = self.done + 1
        self.step(message)
        self.check()  # a cancel that came during the last step still counts

    def step(self, message: str) -> None:
        self.check()
        self.done += 1
        self.total = max(self.total, self.done)
        if self._progress is not None:
            self._progress(self.done, self.total, message)


def _ordered(docs: Sequence[Document]) -> list[Document]:
    unique: dict[int, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    if len(unique) < 2:
        raise CompareError("compare needs at least two different articles")
    if len(unique) > MAX_ARTICLES:
        raise CompareError(
            f"compare takes at most {MAX_ARTICLES} articles at once ({len(unique)} given)"
        )
    return sorted(unique.values(), key=lambda d: (d.published is None, d.published or 0, d.id))


#: the last comparisons made, by what they were made from (oldest first): the
#: window compares the same articles again when a workspace or filter changes
_RESULTS: OrderedDict[tuple[object, ...], Comparison] = OrderedDict()
RESULTS_KEPT = 8
_RESULTS_LOCK = threading.Lock()


def _fingerprint(docs: list[Document], topic: str | None, encoder: str) -> tuple[object, ...]:
    return (
        topic.strip() if topic else "",
        encoder,
        tuple(
            (
                d.id,
                hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
                d.script,
                d.region,
                d.published,
                d.published_last,
                d.outlet,
                d.url,
                d.author,
                d.title,
                tuple((e.start, e.end, e.entity_id, getattr(e, "type", "")) for e in d.entities),
            )
            for d in docs
        ),
    )


def _kept(key: tuple[object, ...]) -> Comparison | None:
    with _RESULTS_LOCK:
        kept = _RESULTS.get(key)
        if kept is not None:
            _RESULTS.move_to_end(key)
    return kept


def _keep(key: tuple[object, ...], result: Comparison) -> Comparison:
    with _RESULTS_LOCK:
        _RESULTS[key] = result
        while len(_RESULTS) > RESULTS_KEPT:
            _RESULTS.popitem(last=False)
    return result


def _made(prepared: list[Prepared], topic: str | None, steps: _Steps) -> Comparison:
    """The comparison of articles made ready (in publication order)."""
    claims = [c for p in prepared for c in p.claims]
    placed = place(claims)
    by_claim = np.vstack([p.vectors for p in prepared]) if claims else np.zeros((0, 1))
    row_of = {id(c): i for i, c in enumerate(claims)}
    fact_vectors = by_claim[[row_of[id(p.claim)] for p in placed]] if placed else by_claim
    with one_blas_thread():  # thousands of small products: threads cost more than they bring
        aligned = align(placed, Scores(placed, fact_vectors))
        rows: list[Row] = [make_row(a.cells, a.beside) for a in aligned]
    steps.step("Aligning claims")
    topics = user_topic(rows, topic) if topic and topic.strip() else build_topics(rows)
    steps.step("Questions")
    docs = [p.doc for p in prepared]
    details: dict[int, dict[str, object]] = {
        d.id: {
            "outlet": d.outlet,
            "published": d.published.isoformat() if d.published else None,
            "url": d.url or None,
            "author": d.author or None,
        }
        for d in docs
    }
    return Comparison([(d.id, d.title) for d in docs], topics, details)


def compare_documents(
    docs: Sequence[Document],
    topic: str | None = None,
    *,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Compare documents (two or more distinct ids; repeated ids count once)."""
    ordered = _ordered(docs)
    encoder = encoder or shared_encoder()
    steps = _Steps(len(ordered) + 2, progress, cancelled)
    key = _fingerprint(ordered, topic, encoder.name)
    kept = _kept(key)
    if kept is not None:
        steps.finish("Comparison of the same articles reused")
        return kept
    prepared = []
    for doc in ordered:
        steps.check()
        prepared.extend(prepare_documents([doc], encoder))
        steps.step(f"Claims of {doc.title or doc.id}")
    return _keep(key, _made(prepared, topic, steps))


def compare(
    library: Any,
    ids: Sequence[int],
    topic: str | None = None,
    *,
    entities: bool = True,
    store: bool = True,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    """Compare articles of ``library`` by id.

    Entities come from the library's cache (recognised when missing) and the
    claims' sentence vectors too; with ``store`` (the default) what was made
    is kept in the library. Fewer than two distinct ids raise
    :class:`CompareError`; an unknown id the library's ``ArticleNotFound``.
    """
    from duizhao.core.entities import cached_found, default_recogniser

    wanted = sorted(set(ids))
    if len(wanted) < 2:
        raise CompareError("compare needs at least two different articles")
    if len(wanted) > MAX_ARTICLES:
        raise CompareError(
            f"compare takes at most {MAX_ARTICLES} articles at once ({len(wanted)} given)"
        )
    steps = _Steps(3 * len(wanted) + 2, progress, cancelled)
    encoder = shared_encoder()
    articles = []
    for article_id in wanted:
        steps.check()
        articles.append(library.get(article_id))
    by_date = _ordered([_document(a, ()) for a in articles])  # publication order
    position = {d.id: n for n, d in enumerate(by_date)}
    articles.sort(key=lambda a: position[a.id])
    # everything already known (the usual case in the window): the kept comparison
    recogniser = default_recogniser() if entities else None
    known = [cached_found(library, a, recogniser) if recogniser else None for a in articles]
    if recogniser is None or all(k is not None for k in known):
        entities_of = [tuple(k.entities) if k else () for k in known]
        docs = [_document(a, e) for a, e in zip(articles, entities_of, strict=True)]
        kept = _kept(_fingerprint(docs, topic, encoder.name))
        if kept is not None:
            steps.finish("Comparison of the same articles reused")
            return kept
    prepared = prepare_articles(
        library,
        articles,
        known,
        _document,
        encoder,
        recogniser=recogniser,
        store=store,
        step=steps.step,
        cancelled=cancelled,
    )
    key = _fingerprint([p.doc for p in prepared], topic, encoder.name)
    return _kept(key) or _keep(key, _made(prepared, topic, steps))


def _document(article: Any, entities: tuple[Any, ...]) -> Document:
    import datetime as dt

    published = last = None
    stamp = article.metadata.published or ""
    try:
        published = dt.date.fromisoformat(stamp[:10])
    except ValueError:
        if len(stamp) == 7:  # 2024-07: a date known only to the month
            try:
                published = dt.date.fromisoformat(stamp + "-01")
            except ValueError:
                published = None
            else:
                following = (published.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                last = following - dt.timedelta(days=1)
    from duizhao.core.ingest import outlet_name

    meta = article.metadata
    outlet = outlet_name(article.origin.outlet, meta.source) or ""
    return Document(article.id, article.title, article.text, article.script, entities,
                    published, outlet, meta.url or "", meta.author or "", last,
                    article.region)  # fmt: skip
