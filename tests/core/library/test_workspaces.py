"""duizhao.core.library.workspaces: saved workspaces, row notes and pins, bad input.

Every sentence here was written for these tests (an invented desalination
plant in an invented city); none comes from the seed articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from documents import plain_document
from duizhao.core.compare import compare
from duizhao.core.library import (
    FILE_NAME,
    Library,
    ParsedDocument,
    list_workspaces,
    load_workspace,
    notes_for,
    save_workspace,
    set_note,
    set_pinned,
)
from duizhao.core.library.store import SCHEMA_VERSION
from duizhao.core.library.workspaces import (
    MAX_NAME,
    MAX_NOTE,
    WorkspaceError,
    WorkspaceNotFound,
    article_set_key,
    delete_workspace,
)

PLANT_A = (
    "青禾市海水淡化厂昨天正式投产，市水务局表示，新厂将满足全市60%的居民用水。\n"
    "环保团体认为，淡化厂排放的浓盐水对近海渔业的影响有限。\n"
    "工厂已经获得省政府批准，将按计划在夏季前全面运转。\n"
)
PLANT_B = (
    "青禾市海水淡化厂昨日投产，据市议会的报告，新厂可满足全市71%的居民用水。\n"
    "渔民代表认为，浓盐水排放将对近海渔业造成严重冲击。\n"
    "工厂尚未获得省政府批准，全面运转的时间仍不确定。\n"
)
OTHER = "山后村的果园今年迎来丰收，村民把苹果运到镇上的集市出售。\n"


def document(text: str, title: str) -> ParsedDocument:
    return plain_document(text, title=title)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library") as opened:
        yield opened


@pytest.fixture
def ids(library: Library) -> list[int]:
    out = []
    for text, title in ((PLANT_A, "淡化厂投产"), (PLANT_B, "淡化厂争议"), (OTHER, "果园")):
        _status, article_id = library.add(document(text, title), f"{title}.txt")
        out.append(article_id)
    return out


def test_migration_creates_the_tables(tmp_path: Path) -> None:
    Library.open(tmp_path / "lib").close()
    db = sqlite3.connect(tmp_path / "lib" / FILE_NAME)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()
    assert {"workspaces", "row_notes"} <= tables


def test_a_library_of_schema_3_gains_the_tables(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        _status, article_id = library.add(document(PLANT_A, "淡化厂投产"), "a.txt")
    db = sqlite3.connect(tmp_path / "lib" / FILE_NAME, isolation_level=None)
    db.execute("DROP TABLE workspaces")
    db.execute("DROP TABLE row_notes")
    db.execute("DROP TABLE derived")  # migration 5 comes after the workspaces' 4
    for column in ("outlet", "relayed_by", "region", "region_source"):  # migration 6
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    db.execute("ALTER TABLE articles DROP COLUMN credits")  # and 8 too
    for statement in ("DROP TABLE feed_items", "DROP TABLE feeds", "DROP INDEX articles_url"):
        db.execute(statement)  # migration 9 (feeds) too
    for later in ("story_merges", "story_pins", "story_members", "stories"):  # migration 7
        db.execute(f"DROP TABLE {later}")
    db.execute("DROP TABLE described_outlets")  # and 10
    db.execute("PRAGMA user_version = 3")
    db.close()
    with Library.open(tmp_path / "lib") as library:
        assert library.get(article_id).text == PLANT_A
        assert list_workspaces(library) == []
        set_pinned(library, [article_id], "t", "r", True)
        assert notes_for(library, [article_id])[("t", "r")].pinned


# -- workspaces ------------------------------------------------------------------


def test_save_list_load_round_trip(library: Library, ids: list[int]) -> None:
    a, b, _c = ids
    workspace_id = save_workspace(
        library, "  淡化厂  对照 ", [b, a, b], "供水比例", {"topic": "t1", "filter": "differs"}
    )
    loaded = load_workspace(library, "淡化厂 对照")
    assert loaded.id == workspace_id
    assert loaded.name == "淡化厂 对照"  # whitespace tidied
    assert loaded.article_ids == (b, a)  # distinct, in the chosen order
    assert loaded.topic == "供水比例"
    assert loaded.state == {"topic": "t1", "filter": "differs"}
    assert loaded.missing == ()
    assert load_workspace(library, workspace_id) == loaded
    assert [w.name for w in list_workspaces(library)] == ["淡化厂 对照"]


def test_saving_under_an_existing_name_replaces_it(library: Library, ids: list[int]) -> None:
    a, b, c = ids
    first = save_workspace(library, "Plant", [a, b])
    save_workspace(library, "Other", [a, c])
    second = save_workspace(library, "plant", [a, b, c], "  ")  # names are case-insensitive
    assert second == first
    loaded = load_workspace(library, "PLANT")
    assert loaded.article_ids == (a, b, c)
    assert loaded.topic is None
    assert loaded.name == "plant"
    assert sorted(w.name for w in list_workspaces(library)) == ["Other", "plant"]


def test_delete_and_unknown_workspaces(library: Library, ids: list[int]) -> None:
    save_workspace(library, "Plant", ids[:2])
    delete_workspace(library, "plant")
    assert list_workspaces(library) == []
    with pytest.raises(WorkspaceNotFound, match="no workspace named"):
        load_workspace(library, "Plant")
    with pytest.raises(WorkspaceNotFound, match="no workspace with id 99"):
        load_workspace(library, 99)
    with pytest.raises(WorkspaceNotFound):
        delete_workspace(library, "never saved")


@pytest.mark.parametrize(
    ("name", "article_ids", "message"),
    [
        ("", None, "needs a name"),
        ("   \n ", None, "needs a name"),
        ("x" * (MAX_NAME + 1), None, "too long"),
        ("ok", [], "at least two"),
        ("ok", "one", "at least two"),
        ("ok", [999, 998], "no articles with id 999, 998"),
        ("ok", [-1, 2], "not an article id"),
    ],
)
def test_bad_workspaces_are_refused_in_one_line(
    library: Library,
    ids: list[int],
    name: str,
    article_ids: list[int] | str | None,
    message: str,
) -> None:
    chosen = ids[:2] if article_ids is None else ([ids[0]] if article_ids == "one" else article_ids)
    with pytest.raises(WorkspaceError, match=message) as info:
        save_workspace(library, name, chosen)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)
    assert list_workspaces(library) == []


def test_a_purged_article_is_reported_missing(library: Library, ids: list[int]) -> None:
    a, b, c = ids
    save_workspace(library, "three", [a, b, c])
    library.remove(c)
    library.purge()
    assert load_workspace(library, "three").missing == (c,)


# -- notes and pins ----------------------------------------------------------------


def test_article_set_key_ignores_order_and_repeats() -> None:
    assert article_set_key([3, 1, 3, 2]) == "1,2,3" == article_set_key((2, 3, 1))
    with pytest.raises(WorkspaceError):
        article_set_key([])


def test_notes_and_pins_round_trip(library: Library, ids: list[int]) -> None:
    a, b, _c = ids
    set_note(library, [a, b], "t1", "r1", "  核对数字  ")
    set_pinned(library, [b, a], "t1", "r1", True)
    set_pinned(library, [a, b], "t1", "r2", True)
    found = notes_for(library, [b, a])
    assert found[("t1", "r1")].note == "核对数字"
    assert found[("t1", "r1")].pinned
    assert found[("t1", "r2")].note == ""
    assert notes_for(library, [a, b, ids[2]]) == {}  # another article set
    # clearing both removes the row's record
    set_pinned(library, [a, b], "t1", "r2", False)
    assert set_note(library, [a, b], "t1", "r1", "") is not None  # still pinned
    set_pinned(library, [a, b], "t1", "r1", False)
    assert notes_for(library, [a, b]) == {}


def test_bad_notes_are_refused(library: Library, ids: list[int]) -> None:
    with pytest.raises(WorkspaceError, match="too long"):
        set_note(library, ids[:2], "t", "r", "字" * (MAX_NOTE + 1))
    with pytest.raises(WorkspaceError, match="row key"):
        set_note(library, ids[:2], "t", "", "note")
    with pytest.raises(WorkspaceError, match="no articles"):
        set_pinned(library, [], "t", "r", True)
    with pytest.raises(WorkspaceError, match="no article with id 404 in the library"):
        set_pinned(library, [ids[0], 404], "t", "r", True)
    assert notes_for(library, ids[:2]) == {}


def test_notes_are_found_again_after_recomputing(library: Library, ids: list[int]) -> None:
    a, b, _c = ids
    first = compare(library, [a, b], entities=False)
    assert first.topics
    for topic in first.topics:
        for n, row in enumerate(topic.rows):
            set_note(library, [a, b], topic.key, row.key, f"{topic.label} {n}")
    again = compare(library, [b, a], entities=False)
    notes = notes_for(library, [a, b])
    seen = [
        notes[(topic.key, row.key)].note
        for topic in again.topics
        for row in topic.rows
        if (topic.key, row.key) in notes
    ]
    assert len(seen) == sum(len(t.rows) for t in first.topics)
