"""Whoosh's posting pool and files, patched to index faster and to share the GIL.

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

A pool that outgrows ``limitmb`` spills sorted runs to disk; Whoosh pickles
each posting on its own there and reads them back one by one, which took a
third of a 1,000-article import. Runs are pickled in blocks of
:data:`RUN_BLOCK` postings instead (the runs are temporary files of one
writer, so their format is nobody else's business). Asked for the field
length of a document once per posting, the per-document reader answers from
a table made once per field (:func:`_field_lengths`).

It also makes Whoosh write its files through :data:`WRITE_BUFFER`-sized
buffers (and read its sorted runs through :data:`READ_BUFFER`), and breathe
(:func:`duizhao.core.yielding.breathe`) while it writes and merges runs: with
Python's 8 KB buffers every flush is a GIL hand-over the worker wins back at
once, which starved the GUI thread for 130-350 ms at a time. The files are
byte for byte the same. :mod:`duizhao.core.search.index` installs all this once at
import.
"""

from __future__ import annotations

import heapq
import os
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from duizhao.core.yielding import breathe

SORT_CHUNK = 20_000  # postings sorted by one C call: a few milliseconds
WRITE_BUFFER = 1 << 20  # bytes; one system call (one GIL hand-over) per megabyte
READ_BUFFER = 1 << 18  # bytes per run being merged; up to 128 runs are open at once
BREATH_ITEMS = 512  # postings between two calls of breathe()
RUN_BLOCK = 4096  # postings pickled by one call when a pool spills to disk

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
    """Write a sorted run as pickled blocks of :data:`RUN_BLOCK` postings (Whoosh
    pickles each posting on its own: a third of the time of a large import)."""
    block: list[Any] = []
    for item in items:
        block.append(item)
        if len(block) >= RUN_BLOCK:
            pickle.dump(block, f, pickle.HIGHEST_PROTOCOL)
            block = []
            breathe()
    if block:
        pickle.dump(block, f, pickle.HIGHEST_PROTOCOL)
    f.close()


def _read_run(self: Any, path: str) -> Iterator[Any]:
    """The postings of a run written by :func:`_write_run`, in order; the run is removed."""
    f = self._open_run(path)
    try:
        while True:
            try:
                block = pickle.load(f)
            except EOFError:
                return
            breathe()
            yield from block
    finally:
        f.close()
        self._remove_run(path)


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


def _field_lengths(original: Any) -> Any:
    """``W3PerDocReader.doc_field_length`` answered from a table made once per
    field: writing a segment asks it for every posting (5-8% of indexing)."""

    def doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> int:
        tables = self.__dict__.setdefault("_duizhao_lengths", {})
        table = tables.get((fieldname, default))
        if table is None:
            count = self._doccount
            table = tables[(fieldname, default)] = [
                original(self, n, fieldname, default) for n in range(count)
            ]
        if 0 <= docnum < len(table):
            return int(table[docnum])
        return int(original(self, docnum, fieldname, default))

    return doc_field_length


def install() -> None:
    """Patch Whoosh as the module docstring says: chunked sorts, blocked runs,
    large buffers, breathing, field-length tables (idempotent)."""
    global _installed
    if _installed:
        return
    from whoosh import externalsort, writing
    from whoosh.codec.whoosh3 import W3PerDocReader
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
    pool._read_run = _read_run
    writing.PostingPool.save = save
    writing.PostingPool._open_run = _open_run
    FileStorage.create_file = _create_file
    W3PerDocReader.doc_field_length = _field_lengths(W3PerDocReader.doc_field_length)
    _installed = True
