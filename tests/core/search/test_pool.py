"""Index analysis in a helper process: same fields as here, a fallback, and a cancel."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from duizhao.core.ingest import parse
from duizhao.core.library import Library
from duizhao.core.search import SearchIndex
from duizhao.core.search import pool as analysis_pool
from duizhao.core.search.pool import analysed

TOPICS = ["港口扩建", "稻米收成", "地铁票价", "海上风电", "图书馆夜间开放", "軟體出口"]


pytestmark = pytest.mark.usefixtures("cached_segmenter")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "lib")
    for n in range(40):
        topic = TOPICS[n % len(TOPICS)]
        text = (
            f"---\ntitle: {topic}（{n}）\nsource: 测试日报\ndate: 2026-05-01\n---\n\n"
            f"第{n}篇报道：{topic}的计划昨天公布，市民对{topic}议论纷纷。\n"
        )
        lib.add(parse(text.encode("utf-8"), f"article-{n}.md"), f"article-{n}.md")
    yield lib
    lib.close()


def _plain(items: list[tuple[int, dict[str, object]]]) -> list[tuple[int, dict[str, object]]]:
    return [
        (article_id, {k: (v, getattr(v, "terms", None)) for k, v in fields.items()})
        for article_id, fields in items
    ]


def test_the_helper_returns_what_analysis_here_returns(library: Library) -> None:
    ids = library.ids()
    here = list(analysed(library, ids, helper=False))
    there = list(analysed(library, ids, helper=True))
    assert [i for i, _ in there] == ids
    assert _plain(there) == _plain(here)
    assert there[0][1]["body"].terms  # type: ignore[attr-defined]


def test_an_index_built_through_the_helper_finds_the_same(library: Library, tmp_path: Path) -> None:
    found = {}
    for helper in (False, True):
        index = SearchIndex(library.directory, helper=helper)
        index.rebuild(library)
        found[helper] = [
            sorted(hit.id for hit in index.search(library, query, limit=50).hits)
            for query in ("港口", "軟件", '"地铁票价"', "稻米 -收成")
        ]
        index.close()
    assert found[True] == found[False]
    assert all(found[True][:3])


def test_a_helper_that_fails_leaves_the_rest_to_this_process(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = library.ids()

    def first_batch_then_die(lib: Library, wanted: list[int], cancelled: object) -> Iterator:
        yield list(analysis_pool._here(lib, wanted[:16])), 16
        raise analysis_pool._HelperFailed("gone")

    monkeypatch.setattr(analysis_pool, "_in_helper", first_batch_then_die)
    assert [i for i, _ in analysed(library, ids, helper=True)] == ids  # none twice, none lost


def test_a_helper_that_fails_for_real_leaves_everything_to_this_process(
    library: Library,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "not-a-library"
    blocker.write_text("a file where the helper looks for the library")
    monkeypatch.setattr(library, "directory", blocker)  # the helper cannot open it
    items = list(analysed(library, library.ids(), helper=True))
    assert [i for i, _ in items] == library.ids()
    assert "index analysis continues in this process" in caplog.text


def test_a_helper_that_cannot_start_is_not_needed(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(analysis_pool, "ProcessPoolExecutor", refuse)
    assert [i for i, _ in analysed(library, library.ids(), helper=True)] == library.ids()


def test_small_syncs_stay_in_this_process(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object) -> Iterator:
        raise AssertionError("the helper was started for a small sync")

    monkeypatch.setattr(analysis_pool, "_in_helper", never)
    assert len(list(analysed(library, library.ids()))) == 40
    monkeypatch.setattr(analysis_pool, "PARALLEL_MIN", 10)
    monkeypatch.setattr(analysis_pool.os, "cpu_count", lambda: 1)
    assert len(list(analysed(library, library.ids()))) == 40  # one core: no helper either


def test_cancelling_stops_handing_out_batches(library: Library) -> None:
    seen: list[int] = []
    items = analysed(library, library.ids(), helper=True, cancelled=lambda: len(seen) >= 16)
    for article_id, _ in items:
        seen.append(article_id)
    assert len(seen) == 16  # the first batch, then the cancel is seen


HELPER_PARENT = """
import sys, time
from pathlib import Path
from duizhao.core.library import Library
from duizhao.core.search.pool import analysed
from duizhao.core.text import Segmenter, use_shared_segmenter

if __name__ == "__main__":
    use_shared_segmenter(Segmenter(Path(sys.argv[2])))
    library = Library.open(Path(sys.argv[1]), readonly=True)
    for article_id, fields in analysed(library, library.ids(), helper=True):
        print("analysing", flush=True)
        time.sleep(600)
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _end_of_file_within(stream: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([stream.fileno()], [], [], 0.1)
        if ready and not os.read(stream.fileno(), 65536):
            return True
    return False


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_helpers_die_with_a_killed_parent_and_never_hold_its_output(
    library: Library, tmp_path: Path
) -> None:
    script = tmp_path / "parent.py"
    script.write_text(HELPER_PARENT, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(library.directory), str(tmp_path / "jieba")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    helpers: list[int] = []
    try:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.readline() == b"analysing\n", proc.stderr.read()
        helpers = _children(proc.pid)  # the analysis helper and the resource tracker
        assert helpers
        for pid in helpers:
            for fd in (0, 1, 2):
                assert os.readlink(f"/proc/{pid}/fd/{fd}") == os.devnull
        os.kill(proc.pid, signal.SIGKILL)
        started = time.monotonic()
        assert _end_of_file_within(proc.stdout, 20)  # only once no process holds the pipe
        assert _end_of_file_within(proc.stderr, 20)
        proc.wait(timeout=10)
        while any(_running(pid) for pid in helpers) and time.monotonic() - started < 20:
            time.sleep(0.05)
        assert not [pid for pid in helpers if _running(pid)]
    finally:
        for pid in helpers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
