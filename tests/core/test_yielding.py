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
