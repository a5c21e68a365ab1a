"""Whoosh's posting pool, sorted in chunks so indexing never holds the GIL for long.

Whoosh (frozen at 2.7.5) collects postings in a pool and sorts the whole
pool — up to ``limitmb`` of tuples — with one ``list.sort()``, then drops the
list at once. Each is a single C call that holds the GIL for as long as a
second, so a window whose import runs in a worker thread freezes meanwhile
(measured by ``tests/benchmarks/ui_stall.py``: longest event-loop gap 1.0-4.3 s
during the indexing of 1,000 articles).

:func:`install` replaces the pool's ``save`` and ``items`` with versions that
sort chunks of :data:`SORT_CHUNK` postings and merge them lazily, freeing
each posting as it is written. The order, and so the index, is the same;
only the shape of the work changes. :mod:`duizhao.core.search` installs it
once at import.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import Any

SORT_CHUNK = 20_000  # postings sorted by one C call: a few milliseconds

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


def install() -> None:
    """Make Whoosh's sorting pools sort in chunks (idempotent)."""
    global _installed
    if _installed:
        return
    from whoosh import externalsort, writing

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
            return chunk_sorted(self.current)
        return original_items(self, maxfiles)

    pool.save = save
    pool.items = items
    writing.PostingPool.save = save
    _installed = True
