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
    key = texts_key(encoder.name, texts)
    data = library.cached_derived(article_id, f"vectors:{kind}", key)
    if data is not None and len(data) == 2 * DIMENSIONS * len(texts):
        return (
            np.frombuffer(data, dtype=np.float16).reshape(len(texts), DIMENSIONS).astype(np.float32)
        )
    vectors = encoder.encode(texts)
    if store:
        library.store_derived(
            article_id, f"vectors:{kind}", key, vectors.astype(np.float16).tobytes()
        )
    return vectors
