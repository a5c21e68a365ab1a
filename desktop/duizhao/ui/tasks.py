"""One task runner for everything slow: a single writer, a reader pool.

Work is a plain function ``fn(context) -> result`` that runs in a worker
thread and never touches a widget. It gets a :class:`TaskContext` with that
thread's own :class:`~duizhao.core.library.store.Library` (SQLite connections are
not shared between threads), a throttled ``progress`` and a ``cancelled``
check. The :class:`Task` handle lives in the GUI thread; its signals deliver
progress, the result, a one-line failure or the cancellation there.

- :meth:`TaskRunner.write` — one thread, in submission order: import,
  removal, indexing, anything that writes the library or the index.
- :meth:`TaskRunner.read` — a small pool for read-only work: search,
  entity recognition of one article, comparison.

:meth:`TaskRunner.shutdown` cancels what is queued or running and joins the
threads; the window calls it on close, tests call it in teardown.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from duizhao.core.library import Library

PROGRESS_INTERVAL = 0.05  # seconds between progress signals of one task


class Cancelled(Exception):
    """Raised by :meth:`TaskContext.check` when the task was cancelled."""


class TaskContext:
    """What a work function sees: its thread's library, progress and cancel."""

    def __init__(self, task: Task, library_dir: Path, report: Callable[..., None]) -> None:
        self._task = task
        self._report = report
        self._library_dir = library_dir
        self._library: Library | None = None
        self._last = 0.0

    @property
    def library(self) -> Library:
        """This worker's own connection, opened on first use, closed after the task."""
        if self._library is None:
            self._library = Library.open(self._library_dir)
        return self._library

    @property
    def library_dir(self) -> Path:
        return self._library_dir

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress; throttled, except that the last step always goes out."""
        now = time.monotonic()
        if done < total and now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        self._report(self._task, "progress", (done, total, message))

    def cancelled(self) -> bool:
        return self._task.is_cancelled()

    def check(self) -> None:
        if self._task.is_cancelled():
            raise Cancelled

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


class Task(QObject):
    """A handle on submitted work, living in the GUI thread.

    Exactly one of ``finished(result)``, ``failed(message)`` or ``cancelled()``
    is emitted, after which ``ended()``."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self.future: Future[Any] | None = None
        self.writes = False
        self.keep = False  # a short write the user made: finished even on shutdown
        self.done = False

    def cancel(self) -> None:
        """Ask the work to stop; queued work never starts."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskRunner(QObject):
    """The application's single writer and reader pool over one library directory."""

    task_started = Signal(object)  # Task
    task_ended = Signal(object)  # Task
    # Workers report here; the slot runs in the GUI thread and re-emits on the
    # Task, so connections made right after submitting never miss a signal.
    _reported = Signal(object, str, object)

    def __init__(
        self, library_dir: Path, *, readers: int = 2, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.library_dir = Path(library_dir)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="duizhao-writer")
        self._readers = ThreadPoolExecutor(readers, thread_name_prefix="duizhao-reader")
        self._tasks: list[Task] = []
        self._closed = False
        self._reported.connect(self._deliver)

    def write(self, name: str, fn: Callable[[TaskContext], Any], *, keep: bool = False) -> Task:
        """Run ``fn`` on the writer thread, after every write submitted before it.

        ``keep``: a short write of something the user typed or chose (a note, a
        pin, a workspace): :meth:`shutdown` lets it finish instead of cancelling it."""
        task = self._submit(self._writer, name, fn)
        task.keep = keep
        return task

    def read(self, name: str, fn: Callable[[TaskContext], Any]) -> Task:
        """Run read-only ``fn`` on the reader pool."""
        return self._submit(self._readers, name, fn)

    def active(self) -> list[Task]:
        """Tasks submitted and not yet ended, oldest first."""
        return list(self._tasks)

    def busy_writing(self) -> bool:
        return any(t.writes for t in self._tasks)

    def shutdown(self) -> None:
        """Cancel everything but kept writes and wait for the threads (idempotent).

        Cancelled work that has not started returns at once when its turn comes,
        so kept writes queued behind it still run."""
        self._closed = True
        for task in self._tasks:
            if not task.keep:
                task.cancel()
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True, cancel_futures=False)
        for task in list(self._tasks):
            if not task.done:
                task.cancelled.emit()
            self._end(task)

    def _submit(
        self, executor: ThreadPoolExecutor, name: str, fn: Callable[[TaskContext], Any]
    ) -> Task:
        task = Task(name, self)
        task.writes = executor is self._writer
        if self._closed:
            task.cancel()
            task.done = True
            return task
        self._tasks.append(task)
        self.task_started.emit(task)
        task.future = executor.submit(self._run, task, fn)
        return task

    def _run(self, task: Task, fn: Callable[[TaskContext], Any]) -> None:
        """Worker thread: run ``fn`` and report by signal (queued to the GUI thread)."""
        report = self._reported.emit
        if task.is_cancelled():
            report(task, "cancelled", None)
            return
        context = TaskContext(task, self.library_dir, report)
        try:
            result = fn(context)
        except Cancelled:
            report(task, "cancelled", None)
        except Exception as exc:  # delivered as one line, never a traceback dialog
            report(task, "failed", _one_line(exc))
        else:
            report(task, "cancelled" if task.is_cancelled() else "finished", result)
        finally:
            context.close()

    def _deliver(self, task: Task, kind: str, payload: object) -> None:
        """GUI thread: pass a worker's report on to the task's own signals."""
        if task.done:
            return  # shut down meanwhile: the task already said it ended
        if kind == "progress":
            done, total, message = payload  # type: ignore[misc]
            task.progressed.emit(done, total, message)
            return
        if kind == "finished":
            task.finished.emit(payload)
        elif kind == "failed":
            task.failed.emit(payload)
        else:
            task.cancelled.emit()
        self._end(task)

    def _end(self, task: Task) -> None:
        if task.done:
            return
        task.done = True
        if task in self._tasks:
            self._tasks.remove(task)
        task.ended.emit()
        self.task_ended.emit(task)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    message = text[0] if text else ""
    return message or type(exc).__name__
