"""Letting other threads in: how a long job in a worker thread shares the GIL.

The window runs imports and indexing in a worker thread that shares the GIL
with the GUI thread. CPython hands the GIL over on request: a thread that
wants it waits one switch interval (5 ms), then asks the holder to drop it.
But it only asks if nobody else took the GIL in the meantime, and a worker
that drops the GIL around short system calls and takes it straight back — a
buffered file flushed every 8 KB, an SQLite row fetched — counts as somebody.
So a busy worker doing frequent small I/O can keep the GUI thread waiting
for hundreds of milliseconds without ever holding the GIL for long
(``tests/benchmarks/ui_stall.py`` measured 130-350 ms while Whoosh wrote its
posting runs; a watchdog thread starved the same way).

Two remedies, both used by the search index: write in large blocks (fewer
hand-overs to race for, :mod:`duizhao.core.search.postings`), and :func:`breathe`
— a real sleep of a fraction of a millisecond once per :data:`EVERY` seconds
of work, which the waiting thread always wins. Its cost is about 1% of the
worker's time; the GUI thread, when it wants nothing, costs nothing.

A third, for jobs that build many objects: :func:`collector_paused`, which
keeps the cyclic garbage collector's full passes (each a GIL-holding walk of
every tracked object) out of the job's way until it ends, and :func:`let_go`,
which frees the job's objects a block at a time when it is done.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

EVERY = 0.015  # seconds of work between two breaths
PAUSE = 0.0002  # seconds the worker lets go of the GIL for

_state = threading.local()


def breathe() -> None:
    """Let a waiting thread take the GIL if this one has worked for :data:`EVERY`."""
    now = time.perf_counter()
    last = getattr(_state, "last", None)
    if last is None:
        _state.last = now
    elif now - last >= EVERY:
        time.sleep(PAUSE)
        _state.last = time.perf_counter()


_pausing = threading.Lock()
_paused = {"jobs": 0, "was_enabled": True}


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector out of a job that makes many objects
    that live until it ends (a regrouping of 10,000 articles: their features,
    candidates and scores). A full collection walks every tracked object while
    holding the GIL, so in a worker it freezes the window for as long as it
    runs; reference counting still frees what the job drops. Nested and
    concurrent uses are counted: the collector comes back when the last ends."""
    with _pausing:
        if _paused["jobs"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["jobs"] += 1
    try:
        yield
    finally:
        with _pausing:
            _paused["jobs"] -= 1
            if _paused["jobs"] == 0 and _paused["was_enabled"]:
                gc.enable()


#: items freed between two breaths by :func:`let_go`
RELEASE_BLOCK = 2000


def let_go(*containers: list[Any] | dict[Any, Any]) -> None:
    """Empty large lists and dicts a block at a time, breathing in between:
    a job that drops millions of objects at once (its locals, at return) holds
    the GIL for as long as freeing them takes (~0.1 s after a regrouping of
    10,000 articles). Give the containers in the order their items should go."""
    for container in containers:
        if isinstance(container, dict):
            keys = list(container)
            for start in range(0, len(keys), RELEASE_BLOCK):
                for key in keys[start : start + RELEASE_BLOCK]:
                    del container[key]
                breathe()
            keys.clear()
        else:
            while container:
                del container[-RELEASE_BLOCK:]
                breathe()
