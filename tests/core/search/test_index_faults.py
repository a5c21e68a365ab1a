"""The search index under faults: a file in its place, read-only media, a full
disk, a damaged article -- and ``duizhao check``'s look at it.

The articles are written for these tests (a tea harvest, a night train, a
river clean-up, a chess club).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from duizhao.core.ingest import parse, reclean
from duizhao.core.library import FILE_NAME, Library, LibraryFull
from duizhao.core.search import SearchError, SearchIndex, check_index
from duizhao.core.search.index import INDEX_DIR
from faults import fill_up, flip_text_byte, read_only_media, tmpfs

TEXTS = {
    "tea.txt": "春茶开采\n山上的茶园今天开始采摘春茶，茶农说今年的芽头比去年饱满。\n",
    "train.txt": "夜班列车恢复\n停运两年的夜班列车下周恢复运行，每晚十点从北站发车。\n",
    "river.txt": "清理河道\n两百名志愿者周六清理了城南的河道，捞出十多吨垃圾。\n",
}
CHESS = "象棋社招新\n社区象棋社开始招收新会员，每周三晚上在活动中心下棋。\n"


pytestmark = pytest.mark.usefixtures("cached_segmenter")


def fill(directory: Path, names: dict[str, str] = TEXTS) -> None:
    with Library.open(directory) as library:
        for name, text in names.items():
            library.add(parse(text.encode("utf-8"), name), name)


def found(directory: Path, query: str, *, readonly: bool = False) -> tuple[set[int], list[str]]:
    with Library.open(directory, readonly=readonly) as library:
        index = SearchIndex(directory, timeout=1)
        try:
            results = index.search(library, query)
        finally:
            index.close()
    return {hit.id for hit in results.hits}, results.warnings


def test_a_file_where_the_index_folder_goes_is_one_line_and_left_alone(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    fill(directory)
    (directory / INDEX_DIR).write_text("not an index", encoding="utf-8")
    with pytest.raises(SearchError) as info:
        found(directory, "春茶")
    assert "is a file, not a folder" in str(info.value)
    assert "\n" not in str(info.value)
    assert (directory / INDEX_DIR).read_text(encoding="utf-8") == "not an index"
    with Library.open(directory, readonly=True) as library:
        health = check_index(library)
    assert health.state == "damaged"
    assert "move the file away" in health.findings[0].repair


@pytest.fixture
def media(tmp_path: Path) -> Iterator:
    with read_only_media(tmp_path / "media") as media:
        yield media


def test_read_only_media_searches_the_index_it_has(media) -> None:
    directory = media.folder / "lib"
    fill(directory)
    assert found(directory, "春茶") == ({1}, [])
    media.lock()
    assert found(directory, "夜班列车", readonly=True) == ({2}, [])


def test_read_only_media_without_an_index_builds_one_in_memory(media) -> None:
    directory = media.folder / "lib"
    fill(directory)
    media.lock()
    ids, notes = found(directory, "河道", readonly=True)
    assert ids == {3}
    assert len(notes) == 1
    assert "built in memory" in notes[0]
    assert not (directory / INDEX_DIR).exists()


def test_a_full_disk_searches_the_old_index_with_a_note_and_catches_up(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "small", "6m") as disk:
        directory = disk / "lib"
        fill(directory)
        assert found(directory, "春茶") == ({1}, [])
        fill(directory, {"chess.txt": CHESS})
        filler = fill_up(disk)
        with pytest.raises(LibraryFull):
            Library.open(directory)
        ids, notes = found(directory, "春茶", readonly=True)
        assert ids == {1}
        assert len(notes) == 1
        assert "not updated" in notes[0]
        assert "No space left" in notes[0]
        os.unlink(filler)
        assert found(directory, "象棋") == ({4}, [])


def test_a_damaged_article_stays_out_of_the_index_until_repaired(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    fill(directory)
    flip_text_byte(directory / FILE_NAME, 2)
    ids, notes = found(directory, "列车 OR 春茶")
    assert ids == {1}
    assert any("damaged article(s) cannot be searched (#2)" in note for note in notes)
    with Library.open(directory, readonly=True) as library:
        assert check_index(library).state == "current"
    with Library.open(directory) as library:
        library.reclean(reclean, 0)
    assert found(directory, "列车") == ({2}, [])


def test_check_index_tells_its_state_without_changing_it(tmp_path: Path) -> None:
    directory = tmp_path / "lib"
    fill(directory)
    with Library.open(directory, readonly=True) as library:
        assert check_index(library).state == "missing"
    found(directory, "春茶")
    with Library.open(directory, readonly=True) as library:
        health = check_index(library)
        assert (health.state, health.documents, health.findings) == ("current", 3, [])
    fill(directory, {"chess.txt": CHESS})
    with Library.open(directory, readonly=True) as library:
        assert check_index(library).state == "out of date"
    found(directory, "象棋")
    before = sorted(p.name for p in (directory / INDEX_DIR).iterdir())
    segment = max((directory / INDEX_DIR).glob("*.trm"), key=lambda p: p.stat().st_size)
    segment.write_bytes(b"\0" * segment.stat().st_size)
    with Library.open(directory, readonly=True) as library:
        health = check_index(library)
    assert health.state == "damaged"
    assert "reindex" in health.findings[0].repair
    assert sorted(p.name for p in (directory / INDEX_DIR).iterdir()) == before
