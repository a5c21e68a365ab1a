"""Index analysis in a helper process: same fields as here, a fallback, and a cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
