"""UI test hygiene: no test may leave worker threads behind."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from duizhao.ui.search.panel import close_finished_indexes


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    left = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and t.name.startswith("duizhao-")
    ]
    for thread in left:
        thread.join(timeout=2)
    still = [t.name for t in left if t.is_alive()]
    assert not still, f"test left worker threads running: {still}"
    close_finished_indexes()  # a panel's searchers: closed now, not by a later GC
