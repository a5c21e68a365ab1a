"""A damaged row is kept apart: reported, readable as raw bytes, removable,
rebuilt from its raw input -- and everything else keeps working.

The damage is what a bit flip leaves: bytes that are not UTF-8 in a text
column, which SQLite's own ``integrity_check`` does not see. The articles are
written for these tests (a bridge inspection, a book fair, a rainstorm).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from duizhao.core.ingest import parse, reclean
from duizhao.core.library import (
    FILE_NAME,
    ArticleDamaged,
    Library,
    check_library,
)
from faults import flip_text_byte, set_column_bytes

BRIDGE = "江心大桥今天进行年度检测，\n上午九点到下午四点禁止货车通行。\n检测人员会检查桥墩。\n"
FAIR = "市图书馆举办春季书展，\n两百多家出版社带来了新书。\n书展持续五天，每天早上九点开门。\n"
STORM = "气象台发布暴雨预警，\n预计今晚到明天有大到暴雨。\n市民出行请注意安全，远离低洼地段。\n"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    directory = tmp_path / "lib"
    with Library.open(directory) as made:
        for name, text in (("bridge.txt", BRIDGE), ("fair.txt", FAIR), ("storm.txt", STORM)):
            made.add(parse(text.encode("utf-8"), name), name)
    flip_text_byte(directory / FILE_NAME, 1)
    opened = Library.open(directory)
    yield opened
    opened.close()


def test_reading_a_damaged_article_says_so_in_one_line(library: Library) -> None:
    with pytest.raises(ArticleDamaged) as info:
        library.get(1)
    message = str(info.value)
    assert "\n" not in message
    assert "#1 is damaged" in message
    assert "not valid UTF-8" in message
    assert "duizhao check" in message
    assert library.damaged == {1: info.value.problem}


def test_everything_else_keeps_working(library: Library) -> None:
    assert [a.id for a in library.articles()] == [2, 3]
    assert sorted(library.fingerprints()) == [1, 2, 3]  # the checksum column is intact
    assert library.get(2).title.startswith("市图书馆")
    assert len(library.summaries()) == 3  # the title is intact, so it is listed
    assert 1 in library.damaged


def test_a_damaged_title_leaves_the_article_out_of_the_list(library: Library) -> None:
    flip_text_byte(library.directory / FILE_NAME, 2, "title")
    assert sorted(s.id for s in library.summaries()) == [1, 3]
    assert 2 in library.damaged


def test_a_damaged_article_is_readable_as_raw_bytes_and_removable(library: Library) -> None:
    assert library.raw(1) == BRIDGE.encode("utf-8")
    removed = library.remove(1)
    assert removed.id == 1
    assert "江心大桥" in removed.title
    assert library.ids() == [2, 3]
    assert library.ids(trashed=True) == [1]
    assert library.purge() == 1


def test_reclean_rebuilds_it_from_its_raw_input(library: Library) -> None:
    repaired: list[int] = []
    kept: list[tuple[int, str]] = []
    changed = library.reclean(
        reclean, 0, on_kept=lambda i, r: kept.append((i, r)), on_repaired=repaired.append
    )
    assert repaired == [1]
    assert 1 in changed
    assert library.get(1).text == parse(BRIDGE.encode("utf-8"), "bridge.txt").text
    assert 1 not in library.damaged
    assert check_library(library) == []


def test_reclean_keeps_an_article_whose_raw_input_is_damaged_too(library: Library) -> None:
    set_column_bytes(
        library.directory / FILE_NAME,
        "UPDATE raw_inputs SET raw = x'00ff' WHERE article_id = 1",
    )
    kept: list[tuple[int, str]] = []
    library.reclean(reclean, 0, on_kept=lambda i, r: kept.append((i, r)))
    assert (1, "its raw input is damaged (its checksum differs): kept as it was") in kept
    with pytest.raises(ArticleDamaged):
        library.get(1)


def test_check_finds_every_kind_of_damage_and_says_how_to_repair(library: Library) -> None:
    database = library.directory / FILE_NAME
    set_column_bytes(database, "UPDATE articles SET chars = 1 WHERE id = 2")
    set_column_bytes(database, "UPDATE raw_inputs SET raw = x'00' WHERE article_id = 3")
    set_column_bytes(
        database,
        "INSERT INTO entities (article_id, recogniser, content_hash, data) "
        "VALUES (3, 'r', 'h', CAST(x'5bff' AS TEXT))",
    )
    found = check_library(library)
    assert all(f.where == "article" for f in found)
    assert [f.article for f in found] == [1, 2, 3, 3]
    first, second, third, cache = found
    assert "not valid UTF-8" in first.problem
    assert "reclean" in first.repair
    assert "length is recorded as 1" in second.problem
    assert "raw input does not match" in third.problem
    assert "remove" in third.repair
    assert "cached entities" in cache.problem
    assert all("\n" not in f.problem + f.repair for f in found)
    # the damaged entity cache is made again when next needed, not a crash
    assert library.cached_entities(3, "r", "h") is None


def test_check_of_a_whole_library_finds_nothing(tmp_path: Path) -> None:
    with Library.open(tmp_path / "whole") as library:
        library.add(parse(FAIR.encode("utf-8"), "fair.txt"), "fair.txt")
        assert check_library(library) == []


def test_check_reports_what_sqlite_itself_finds(library: Library) -> None:
    db = sqlite3.connect(library.directory / FILE_NAME)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM articles WHERE id = 3")
    db.commit()
    db.close()
    findings = check_library(library)
    assert any(f.where == "database" and "belong to no article" in f.problem for f in findings)
