"""Opening a library: what is created, what is refused, read-only access, a full disk.

The articles are written for these tests (a ferry timetable, a night market,
a reservoir); none comes from the seed articles.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from documents import plain_document
from duizhao.core.library import (
    FILE_NAME,
    Library,
    LibraryDamaged,
    LibraryError,
    LibraryFull,
    LibraryMissing,
    LibraryReadOnly,
)
from duizhao.core.library.schema import APPLICATION_ID
from faults import read_only_media, smash_page

FERRY = "轮渡公司调整了冬季时刻表，早班船提前到六点半开出。\n乘客可以在码头领取新时刻表。"
MARKET = "老街夜市重新开张，摊位从四十个增加到六十个。\n管理处说，摊位都要登记并分类垃圾。"
RESERVOIR = "今年雨水充足，水库的蓄水量比去年同期多了三成。\n水务局提醒市民不要到库区游泳。"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A library holding two articles."""
    directory = tmp_path / "made"
    with Library.open(directory) as library:
        library.add(plain_document(FERRY), "ferry.txt")
        library.add(plain_document(MARKET), "market.txt")
    return directory


# -- where -------------------------------------------------------------------------------


def test_a_missing_library_is_not_made_unless_asked(tmp_path: Path) -> None:
    where = tmp_path / "typo"
    for readonly in (False, True):
        with pytest.raises(LibraryMissing) as info:
            Library.open(where, create=False, readonly=readonly)
        assert "no Duizhao library" in one_line(info)
    assert not where.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LibraryMissing):
        Library.open(empty, readonly=True)
    assert list(empty.iterdir()) == []


def test_a_folder_holding_other_files_does_not_become_a_library(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("购物清单", encoding="utf-8")
    (home / "photos").mkdir()
    with pytest.raises(LibraryError) as info:
        Library.open(home)
    assert "holds other files" in one_line(info)
    assert sorted(p.name for p in home.iterdir()) == ["notes.txt", "photos"]


def test_a_new_library_is_said_to_be_new_and_marked_as_duizhao(tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    folder.mkdir()
    (folder / ".hidden-by-the-desktop").write_text("", encoding="utf-8")
    with Library.open(folder) as library:
        assert library.created
    with Library.open(folder) as library:
        assert not library.created
    db = sqlite3.connect(folder / FILE_NAME)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        db.close()
    assert not [p for p in folder.iterdir() if p.name.startswith(".library-new-")]


def test_a_library_from_before_the_application_id_is_still_known(made: Path) -> None:
    db = sqlite3.connect(made / FILE_NAME)
    db.execute("PRAGMA application_id = 0")
    db.close()
    with Library.open(made, readonly=True) as library:
        assert library.count() == 2
    with Library.open(made, verify=True) as library:
        assert library.count() == 2
    db = sqlite3.connect(made / FILE_NAME)
    try:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        db.close()


# -- what ----------------------------------------------------------------------------------


@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
def test_another_programs_database_is_refused_untouched(tmp_path: Path, readonly: bool) -> None:
    folder = tmp_path / "other"
    folder.mkdir()
    db = sqlite3.connect(folder / FILE_NAME)
    db.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    db.execute("INSERT INTO recipes VALUES ('红烧肉', 90)")
    db.commit()
    db.close()
    before = digest(folder / FILE_NAME)
    with pytest.raises(LibraryDamaged) as info:
        Library.open(folder, readonly=readonly)
    message = one_line(info)
    assert "another program's SQLite database (recipes)" in message
    assert "not a Duizhao library" in message
    assert digest(folder / FILE_NAME) == before
    assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME]  # no -wal, no index


def test_an_empty_sqlite_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "blank"
    folder.mkdir()
    db = sqlite3.connect(folder / FILE_NAME)
    db.execute("VACUUM")  # writes a header and nothing else
    db.close()
    with pytest.raises(LibraryDamaged) as info:
        Library.open(folder)
    assert "empty SQLite database" in one_line(info)


def test_a_library_cut_to_zero_bytes_is_refused_and_its_index_kept(made: Path) -> None:
    (made / "index").mkdir()
    (made / "index" / "kept.seg").write_bytes(b"segment")
    (made / FILE_NAME).write_bytes(b"")
    for readonly in (False, True):
        with pytest.raises(LibraryDamaged) as info:
            Library.open(made, readonly=readonly)
        assert "empty (0 bytes)" in one_line(info)
    assert (made / FILE_NAME).stat().st_size == 0
    assert (made / "index" / "kept.seg").read_bytes() == b"segment"


def test_corruption_found_at_open_is_reported_and_never_written_over(made: Path) -> None:
    smash_page(made / FILE_NAME, "articles_content_hash")
    before = digest(made / FILE_NAME)
    with pytest.raises(LibraryDamaged) as info:
        Library.open(made, verify=True)
    message = one_line(info)
    assert "integrity check" in message
    assert "duizhao check" in message
    assert digest(made / FILE_NAME) == before


# -- how: read-only ------------------------------------------------------------------------


def test_a_library_opened_read_only_refuses_changes_in_one_line(made: Path) -> None:
    before = digest(made / FILE_NAME)
    with Library.open(made, readonly=True) as library:
        assert library.readonly
        assert [s.title for s in library.summaries()]
        with pytest.raises(LibraryReadOnly) as info:
            library.add(plain_document(RESERVOIR), "reservoir.txt")
        assert "read-only" in one_line(info)
        with pytest.raises(LibraryReadOnly):
            library.remove(library.ids()[0])
    assert digest(made / FILE_NAME) == before


@pytest.fixture
def media(tmp_path: Path) -> Iterator:
    with read_only_media(tmp_path / "media") as media:
        yield media


@pytest.mark.parametrize("wal", [False, True], ids=["closed", "with-wal"])
def test_a_library_on_read_only_media_is_read(media, tmp_path: Path, wal: bool) -> None:
    directory = media.folder / "lib"
    with Library.open(directory) as library:
        library.add(plain_document(FERRY), "ferry.txt")
        if wal:  # as a crash leaves it: the last change only in the -wal file
            library._db.execute("PRAGMA wal_autocheckpoint = 0")
            library.add(plain_document(MARKET), "market.txt")
            snapshot = {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}
        else:
            library.add(plain_document(MARKET), "market.txt")
    if wal:
        for name, data in snapshot.items():
            (directory / name).write_bytes(data)
        assert (directory / f"{FILE_NAME}-wal").stat().st_size > 0
    media.lock()
    with Library.open(directory, readonly=True) as library:
        assert library.count() == 2
        assert {library.get(i).text for i in library.ids()} == {FERRY, MARKET}
        assert library.store_entities(library.ids()[0], "test", "x", "[]") is False
    with pytest.raises(LibraryReadOnly) as info:
        Library.open(directory, verify=True)
    assert "read-only" in one_line(info)


# -- how: a full disk ---------------------------------------------------------------------


def test_a_full_database_fails_the_change_in_one_line_and_loses_nothing(made: Path) -> None:
    with Library.open(made) as library:
        pages = library.query("PRAGMA page_count")[0][0]
        library._db.execute(f"PRAGMA max_page_count = {pages}")
        big = plain_document("水库" * 40_000)
        with pytest.raises(LibraryFull) as info:
            library.add(big, "big.txt")
        assert "disk full" in one_line(info)
        assert library.count() == 2
        library._db.execute("PRAGMA max_page_count = 1073741823")
        status, _ = library.add(plain_document(RESERVOIR), "reservoir.txt")
        assert status == "imported"
    with Library.open(made, verify=True) as library:
        assert library.count() == 3
