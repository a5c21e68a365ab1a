"""The collector pause of duizhao.core.yielding: nested and concurrent jobs."""

from __future__ import annotations

import gc
import threading

from duizhao.core.yielding import collector_paused


def test_the_collector_comes_back_when_the_last_job_ends() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer job still runs
    assert gc.isenabled()


def test_a_collector_the_program_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_jobs_on_two_threads_and_a_failure_leave_it_on() -> None:
    inside, release = threading.Barrier(2), threading.Event()

    def job() -> None:
        with collector_paused():
            inside.wait()
            release.wait(5)

    worker = threading.Thread(target=job)
    worker.start()
    try:
        with collector_paused():
            inside.wait()
            raise RuntimeError("the job failed")
    except RuntimeError:
        pass
    assert not gc.isenabled()  # the other thread's job is not over
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_let_go_empties_lists_and_dicts_in_the_order_given() -> None:
    from duizhao.core.yielding import RELEASE_BLOCK, let_go

    freed: list[str] = []

    class Tracked:
        def __init__(self, name: str) -> None:
            self.name = name

        def __del__(self) -> None:
            freed.append(self.name)

    held = [Tracked(f"l{i}") for i in range(RELEASE_BLOCK * 2 + 5)]
    by_key = {i: Tracked(f"d{i}") for i in range(RELEASE_BLOCK + 3)}
    let_go(by_key, held)
    assert held == []
    assert by_key == {}
    assert len(freed) == 3 * RELEASE_BLOCK + 8
    assert freed[0].startswith("d")
    assert freed[-1].startswith("l")
