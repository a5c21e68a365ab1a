"""Sentence vectors kept with the library, so an article is embedded once.

An article's vectors of one kind (its claims, its title and lead …) are
stored together as float16 in the library's ``derived`` table, under a key
that hashes the encoder's name and the exact texts embedded: new texts or a
new model make new vectors, and removing the article removes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from duizhao.core.meaning.encoder import DIMENSIONS, Encoder


def texts_key(encoder_name: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(encoder_name.encode())
    for text in texts:
        digest.update(b"\x00" + text.encode("utf-8"))
    return digest.hexdigest()


def article_vectors(
    library: Any,
    article_id: int,
    kind: str,
    texts: Sequence[str],
    encoder: Encoder,
    *,
    store: bool = True,
) -> np.ndarray:
    """Vectors of ``texts`` for an article: from the library when current, else
    encoded now (and stored unless ``store`` is False)."""
    kept = cached_vectors(library, article_id, kind, texts, encoder.name)
    if kept is not None:
        return kept
    vectors = encoder.encode(texts)
    if store:
        store_vectors(library, article_id, kind, texts, encoder.name, vectors)
    return vectors


def cached_vectors(
    library: Any, article_id: int, kind: str, texts: Sequence[str], encoder_name: str
) -> np.ndarray | None:
    """The stored vectors of exactly ``texts`` by this encoder, else None."""
    data = library.cached_derived(article_id, f"vectors:{kind}", texts_key(encoder_name, texts))
    if data is None or len(data) != 2 * DIMENSIONS * len(texts):
        return None
    shape = (len(texts), DIMENSIONS)
    return np.frombuffer(data, dtype=np.float16).reshape(shape).astype(np.float32)


def store_vectors(
    library: Any,
    article_id: int,
    kind: str,
    texts: Sequence[str],
    encoder_name: str,
    vectors: np.ndarray,
) -> None:
    """Keep ``vectors`` of ``texts`` with the article (as float16)."""
    key = texts_key(encoder_name, texts)
    library.store_derived(article_id, f"vectors:{kind}", key, vectors.astype(np.float16).tobytes())
