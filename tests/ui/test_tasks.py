"""The task runner: results, failures and cancellation arrive in the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from duizhao.core.library import Library
from duizhao.ui.tasks import TaskContext, TaskRunner


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[TaskRunner]:
    Library.open(tmp_path).close()
    runner = TaskRunner(tmp_path)
    yield runner
    runner.shutdown()


def test_result_is_delivered_in_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen: list[tuple[object, bool]] = []

    def work(context: TaskContext) -> tuple[int, int]:
        return threading.get_ident(), context.library.count()

    task = runner.read("count", work)
    task.finished.connect(lambda r: seen.append((r, threading.get_ident() == gui)))
    with qtbot.wait_signal(task.ended, timeout=5000):
        pass
    (worker, count), in_gui = seen[0]
    assert worker != gui
    assert count == 0
    assert in_gui
    assert runner.active() == []


def test_a_failure_is_one_line(qtbot, runner: TaskRunner) -> None:
    def work(_context: TaskContext) -> None:
        raise ValueError("first line\nsecond line")

    task = runner.write("boom", work)
    with qtbot.wait_signal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["first line"]


def test_an_exception_without_text_is_named(qtbot, runner: TaskRunner) -> None:
    def work(_context: TaskContext) -> None:
        raise KeyError

    task = runner.write("boom", work)
    with qtbot.wait_signal(task.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["KeyError"]


def test_writes_run_one_at_a_time_in_order(qtbot, runner: TaskRunner) -> None:
    order: list[int] = []
    running = []

    def work(n: int):
        def fn(_context: TaskContext) -> int:
            running.append(n)
            assert len(running) == 1, "two writers at once"
            time.sleep(0.02)
            order.append(n)
            running.remove(n)
            return n

        return fn

    tasks = [runner.write(f"w{n}", work(n)) for n in range(5)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_cancel_stops_work_and_says_so(qtbot, runner: TaskRunner) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(context: TaskContext) -> int:
        started.set()
        for n in range(1000):
            context.check()
            steps.append(n)
            time.sleep(0.005)
        return len(steps)

    task = runner.write("long", work)
    assert started.wait(5)
    with qtbot.wait_signal(task.cancelled, timeout=5000):
        task.cancel()
    assert len(steps) < 1000


def test_queued_work_never_starts_once_cancelled(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()
    ran: list[str] = []

    first = runner.write("gate", lambda _c: gate.wait(5))
    second = runner.write("queued", lambda _c: ran.append("queued"))
    second.cancel()
    gate.set()
    qtbot.waitUntil(lambda: first.done and second.done, timeout=5000)
    assert ran == []


def test_progress_is_throttled_but_the_last_step_arrives(qtbot, runner: TaskRunner) -> None:
    seen: list[tuple[int, int, str]] = []

    def work(context: TaskContext) -> None:
        for n in range(1, 2001):
            context.progress(n, 2000, f"step {n}")

    task = runner.write("steps", work)
    task.progressed.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.wait_signal(task.ended, timeout=5000):
        pass
    assert seen[-1] == (2000, 2000, "step 2000")
    assert len(seen) < 200


def test_shutdown_cancels_running_work_and_joins(qtbot, tmp_path: Path) -> None:
    runner = TaskRunner(tmp_path)
    started = threading.Event()

    def work(context: TaskContext) -> None:
        started.set()
        while True:
            context.check()
            time.sleep(0.005)

    task = runner.write("forever", work)
    assert started.wait(5)
    runner.shutdown()
    assert task.future is not None
    assert task.future.done()
    assert task.done
    late = runner.read("late", lambda _c: 1)
    assert late.done
    assert late.is_cancelled()


def test_each_worker_has_its_own_library_connection(qtbot, runner: TaskRunner) -> None:
    libraries: list[int] = []
    barrier = threading.Barrier(2, timeout=5)

    def work(context: TaskContext) -> None:
        libraries.append(id(context.library))
        barrier.wait()

    tasks = [runner.read(f"r{n}", work) for n in range(2)]
    qtbot.waitUntil(lambda: all(t.done for t in tasks), timeout=5000)
    assert len(set(libraries)) == 2


def test_shutdown_lets_a_kept_write_finish_behind_a_cancelled_one(qtbot, tmp_path: Path) -> None:
    runner = TaskRunner(tmp_path)
    started = threading.Event()
    saved: list[str] = []

    def long_import(context: TaskContext) -> None:
        started.set()
        while True:
            context.check()
            time.sleep(0.005)

    runner.write("import", long_import)
    assert started.wait(5)
    note = runner.write("save note", lambda _c: saved.append("note"), keep=True)
    skipped = runner.write("reindex", lambda _c: saved.append("reindex"))
    runner.shutdown()
    assert saved == ["note"]
    assert note.done
    assert skipped.is_cancelled()
