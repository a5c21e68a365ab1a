"""Articles analysed for the search index in a helper process while this one writes.

Indexing an article is two pieces of pure-Python work of about the same size:
analysis (OpenCC, jieba, sub-words; :func:`duizhao.core.search.analysis.document_fields`)
and Whoosh turning the terms into postings. One process can only do one at a
time, whatever the cores. :func:`analysed` hands the analysis of a large sync
to one helper process and yields its results in order while the caller
writes, so on two cores the two run side by side; the window's GUI thread
also shares the GIL with one busy thread less.

- The helper is *spawned* (never forked: the window's process has threads),
  reads the articles from the library itself (SQLite in WAL mode lets it read
  while this process writes), and gets :data:`BATCH` ids per call, with at most
  :data:`AHEAD` batches in flight so memory stays bounded.
- Starting it costs 1-1.5 s (imports and the dictionary), so a sync of fewer
  than :data:`PARALLEL_MIN` articles, or a one-core machine, analyses here.
- The helper runs at a lower priority (:data:`NICE`), so the window's GUI
  thread never waits for a core behind it.
- If the helper cannot start or dies, whatever it has not returned is analysed
  here: slower, nothing lost. Cancelling stops handing out batches.
- The helper dies with this process: a thread in it waits on the parent's
  sentinel and ends it the moment the parent is gone (killed, crashed), so it
  never outlives an import holding the library open. It is started with
  stdin, stdout and stderr pointed at the null device (as is multiprocessing's
  resource tracker, started with it), so a caller reading this process's
  output (``out=$(duizhao import …)``) gets its end of file when this process
  ends, not when a helper does.

A packaged (frozen) build spawns its own binary, which is why ``__main__``
calls :func:`multiprocessing.freeze_support` first.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from duizhao.core.search.analysis import document_fields, segmenter, use_segmenter

if TYPE_CHECKING:
    from duizhao.core.library import Library

PARALLEL_MIN = 200  # articles; below this the helper's start costs more than it saves
BATCH = 16  # articles per call to the helper
AHEAD = 4  # batches in flight
NICE = 10  # the helper's scheduling priority, lower than the window's

Fields = dict[str, Any]
_log = logging.getLogger(__name__)


def analysed(
    library: Library,
    ids: list[int],
    *,
    cancelled: Callable[[], bool] | None = None,
    helper: bool | None = None,
) -> Iterator[tuple[int, Fields]]:
    """(id, index fields) of each article of ``ids`` that exists, in order.

    ``helper`` forces the helper process on (True) or off (False); by default
    it is used for :data:`PARALLEL_MIN` articles or more on two cores or more.
    """
    if helper is None:
        helper = len(ids) >= PARALLEL_MIN and (os.cpu_count() or 1) >= 2
    if not helper:
        yield from _here(library, ids)
        return
    done = 0  # ids whose batch came back and was passed on
    try:
        for results, size in _in_helper(library, ids, cancelled):
            yield from results
            done += size
    except _HelperFailed as exc:
        _log.warning("index analysis continues in this process: %s", exc)
        yield from _here(library, ids[done:])


def _here(library: Library, ids: list[int]) -> Iterator[tuple[int, Fields]]:
    for article in library.articles(ids):
        yield article.id, document_fields(article)


class _HelperFailed(Exception):
    pass


def _in_helper(
    library: Library, ids: list[int], cancelled: Callable[[], bool] | None
) -> Iterator[tuple[list[tuple[int, Fields]], int]]:
    """(results, size of the batch) for each batch, in order, as the helper returns them."""
    batches = [ids[i : i + BATCH] for i in range(0, len(ids), BATCH)]
    cache_dir = segmenter().cache_dir
    args = (str(library.directory), None if cache_dir is None else str(cache_dir))
    try:
        with _std_streams_unshared():  # the resource tracker starts here
            pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_in_background,
            )
    except (OSError, ValueError) as exc:
        raise _HelperFailed(f"cannot start a helper process ({exc})") from None
    pending: deque[Future[list[tuple[int, Fields]]]] = deque()

    def submit(batch: list[int]) -> None:
        try:
            with _std_streams_unshared():  # the helper starts with the first batch
                pending.append(pool.submit(_analyse_batch, *args, batch))
        except Exception as exc:  # noqa: BLE001 - a broken pool, a process that cannot start
            raise _HelperFailed(f"the helper process cannot take work ({exc})") from None

    try:
        for batch in batches[:AHEAD]:
            submit(batch)
        for number in range(len(batches)):
            if cancelled is not None and cancelled():
                return
            try:
                results = pending.popleft().result()
            except Exception as exc:  # noqa: BLE001 - a dead helper, its error, a pickling error
                raise _HelperFailed(f"the helper process failed ({exc})") from None
            if number + AHEAD < len(batches):
                submit(batches[number + AHEAD])
            yield results, len(batches[number])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _std_streams_unshared() -> Iterator[None]:
    """While processes are started: file descriptors 0-2 point at the null
    device, so children inherit that instead of the caller's terminal or pipe."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    saved: list[tuple[int, int]] = []
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        yield
        return
    try:
        for fd in (0, 1, 2):
            try:
                saved.append((fd, os.dup(fd)))
            except OSError:
                continue  # not open in this process (a GUI started without a console)
            os.dup2(null, fd)
        yield
    finally:
        for fd, copy in saved:
            os.dup2(copy, fd)
            os.close(copy)
        os.close(null)


# -- in the helper process ------------------------------------------------------------


def _in_background() -> None:
    """Die with the parent, and yield the CPU to the window: on two busy cores
    the GUI thread otherwise waits its turn behind the helper (gaps of ~100 ms
    between event-loop ticks)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    with contextlib.suppress(AttributeError, OSError):  # no os.nice on Windows
        os.nice(NICE)


def _exit_with(parent: Any) -> None:
    """Wait for the parent process to end, then end this one at once."""
    parent.join()  # returns when the parent's sentinel says it is gone
    os._exit(0)


_opened: dict[str, Library] = {}


def _analyse_batch(
    library_dir: str, cache_dir: str | None, ids: list[int]
) -> list[tuple[int, Fields]]:
    from duizhao.core.library import Library
    from duizhao.core.text import Segmenter

    library = _opened.get(library_dir)
    if library is None:
        if cache_dir is not None:
            use_segmenter(Segmenter(Path(cache_dir)))
        library = _opened[library_dir] = Library.open(library_dir)
    return list(_here(library, ids))
