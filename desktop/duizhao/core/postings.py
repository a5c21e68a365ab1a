"""Whoosh's posting pool, sorted in chunks and written in blocks, so indexing shares the GIL.

Whoosh (frozen at 2.7.5) collects postings in a pool and sorts the whole
pool — up to ``limitmb`` of tuples — with one ``list.sort()``, then drops the
list at once. Each is a single C call that holds the GIL for as long as a
second, so a window whose import runs in a worker thread freezes meanwhile
(measured by ``tests/benchmarks/ui_stall.py``: longest event-loop gap 1.0-4.3 s
during the indexing of 1,000 articles).

:func:`install` replaces the pool's ``save`` and ``items`` with versions that
sort chunks of :data:`SORT_CHUNK` postings and merge them lazily, freeing
each posting as it is written. The order, and so the index, is the same;
only the shape of the work changes.

It also makes Whoosh write its files through :data:`WRITE_BUFFER`-sized
buffers (and read its sorted runs through :data:`READ_BUFFER`), and breathe
(:func:`duizhao.core.yielding.breathe`) while it writes and merges runs: with
Python's 8 KB buffers every flush is a GIL hand-over the worker wins back at
once, which starved the GUI thread for 130-350 ms at a time. The files are
byte for byte the same. :mod:`duizhao.core.search` installs all this once at
import.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator
from typing import Any

from duizhao.core.yielding import breathe

SORT_CHUNK = 20_000  # postings sorted by one C call: a few milliseconds
WRITE_BUFFER = 1 << 20  # bytes; one system call (one GIL hand-over) per megabyte
READ_BUFFER = 1 << 18  # bytes per run being merged; up to 128 runs are open at once
BREATH_ITEMS = 512  # postings between two calls of breathe()

_installed = False


def _drain(part: list[Any]) -> Iterator[Any]:
    """Yield a reverse-sorted list's items in order, letting each go once used."""
    while part:
        yield part.pop()


def chunk_sorted(items: list[Any]) -> Iterator[Any] | list[Any]:
    """``items`` in order, sorted in chunks and merged; ``items`` is emptied."""
    if len(items) <= SORT_CHUNK:
        items.sort()
        return items
    parts = []
    while items:
        part = items[-SORT_CHUNK:]
        del items[-SORT_CHUNK:]
        part.sort(reverse=True)
        parts.append(part)
    return heapq.merge(*(_drain(part) for part in parts))


def breathing(items: Iterable[Any]) -> Iterator[Any]:
    """``items`` unchanged, with a :func:`breathe` every :data:`BREATH_ITEMS`."""
    for count, item in enumerate(items):
        if not count % BREATH_ITEMS:
            breathe()
        yield item


def _write_run(self: Any, f: Any, items: Iterable[Any]) -> None:
    from whoosh.compat import dump  # pickle's, which the pool's reader expects

    for item in breathing(items):
        dump(item, f, 2)
    f.close()


def _open_run(self: Any, path: str) -> Any:
    folder = getattr(self.tempstore, "folder", None)
    if folder is None:  # an in-memory storage: nothing to buffer
        return self.tempstore.open_file(path).raw_file()
    return open(os.path.join(folder, path), "rb", buffering=READ_BUFFER)  # noqa: SIM115


def _create_file(self: Any, name: str, excl: bool = False, mode: str = "wb", **kwargs: Any) -> Any:
    """``FileStorage.create_file`` with a :data:`WRITE_BUFFER`-sized buffer."""
    from whoosh.filedb.filestore import ReadOnlyError
    from whoosh.filedb.structfile import StructFile

    if self.readonly:
        raise ReadOnlyError
    path = self._fpath(name)
    if excl:
        flags = os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0)
        fileobj = os.fdopen(os.open(path, flags), mode, buffering=WRITE_BUFFER)
    else:
        fileobj = open(path, mode, buffering=WRITE_BUFFER)  # noqa: SIM115
    return StructFile(fileobj, name=name, **kwargs)


def install() -> None:
    """Make Whoosh's sorting pools sort in chunks (idempotent)."""
    global _installed
    if _installed:
        return
    from whoosh import externalsort, writing
    from whoosh.filedb.filestore import FileStorage

    pool = externalsort.SortingPool
    original_items = pool.items

    def save(self: Any) -> None:
        if self.current:
            path, f = self._new_run()
            self._write_run(f, chunk_sorted(self.current))
            self._add_run(path)
            self.current = []
        self.currentsize = 0

    def items(self: Any, maxfiles: int = 128) -> Any:
        if not self.runs:
            return breathing(chunk_sorted(self.current))
        return breathing(original_items(self, maxfiles))

    pool.save = save
    pool.items = items
    pool._write_run = _write_run
    writing.PostingPool.save = save
    writing.PostingPool._open_run = _open_run
    FileStorage.create_file = _create_file
    _installed = True
