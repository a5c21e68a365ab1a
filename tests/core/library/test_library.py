"""The SQLite library: opening, schema, articles in and out, trash, locking, re-cleaning.

Every sentence here was written for these tests (a district library's new
opening hours, a harbour's fishing season, a hill road's repairs); none comes
from the seed articles.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from documents import plain_document
from duizhao.core.ingest import parse
from duizhao.core.ingest import reclean as ingest_reclean
from duizhao.core.ingest.cleaning import parse_rules
from duizhao.core.library import (
    FILE_NAME,
    ArticleNotFound,
    Library,
    LibraryError,
    ParsedDocument,
    Removed,
)
from duizhao.core.library.store import SCHEMA_VERSION, LibraryBusy, content_hash
from duizhao.core.text import Script

LIBRARY_TEXT = (
    "区图书馆从本周起把周末闭馆时间推迟到晚上九点，方便上班的读者借书。\n"
    "馆长说，阅览室新添了两百个座位，还开辟了一个儿童绘本区。"
)
HARBOUR_TEXT = (
    "东港今年的休渔期比往年提前十天结束，渔船陆续出海。\n"
    "渔民们说，开海第一天的收获不错，码头上一片忙碌。"
)
ROAD_TEXT = (
    "通往山顶村的公路经过三个月的修补，昨天重新通车。\n村里的水果从此可以当天运到城里的市场。"
)


document = plain_document


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path) as opened:
        yield opened


def raw_connection(directory: Path) -> sqlite3.Connection:
    return sqlite3.connect(directory / FILE_NAME, isolation_level=None)


# -- opening ----------------------------------------------------------------------------


def test_open_creates_a_versioned_wal_library(library: Library, library_path: Path) -> None:
    assert (library_path / FILE_NAME).is_file()
    db = raw_connection(library_path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        db.close()
    assert {"articles", "raw_inputs", "removed_parts"} <= tables
    # foreign keys are a setting of the connection: ask the library's own
    assert library._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_foreign_keys_are_enforced(library: Library) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        library._db.execute(
            "INSERT INTO raw_inputs (article_id, raw, raw_hash, source_text) "
            "VALUES (12345, x'00', 'h', 't')"
        )


def test_reopening_keeps_articles_and_version(library_path: Path) -> None:
    with Library.open(library_path) as first:
        _, article_id = first.add(document(LIBRARY_TEXT), "library.txt")
    with Library.open(library_path) as second:
        assert second.get(article_id).text == LIBRARY_TEXT
        assert second.count() == 1
    db = raw_connection(library_path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        db.close()


def test_library_from_a_newer_duizhao_is_refused(library_path: Path) -> None:
    Library.open(library_path).close()
    db = raw_connection(library_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    db.close()
    with pytest.raises(LibraryError, match="newer") as info:
        Library.open(library_path)
    assert "\n" not in str(info.value)
    db = raw_connection(library_path)
    try:  # refused, not "upgraded" downwards
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 7
    finally:
        db.close()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("这不是数据库，只是一段放错地方的文字。\n".encode() * 200, id="text"),
        pytest.param(bytes(range(256)) * 64, id="binary"),
    ],
)
def test_a_file_that_is_not_sqlite_is_refused(library_path: Path, content: bytes) -> None:
    library_path.mkdir()
    path = library_path / FILE_NAME
    path.write_bytes(content)
    with pytest.raises(LibraryError) as info:
        Library.open(library_path)
    message = str(info.value)
    assert "\n" not in message
    assert "not a Duizhao library" in message
    assert path.read_bytes() == content  # left untouched


def test_library_directory_that_is_a_file_is_refused(tmp_path: Path) -> None:
    occupied = tmp_path / "occupied"
    occupied.write_text("x", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot create library directory"):
        Library.open(occupied)


# -- adding and reading ---------------------------------------------------------------------


def test_add_and_get(library: Library) -> None:
    doc = document(
        LIBRARY_TEXT,
        title="区图书馆周末延长开放",
        published="2025-09-06",
        source="城西周报",
        raw=b"\xef\xbb\xbfraw bytes as read",
    )
    status, article_id = library.add(doc, "library.txt", "/somewhere/library.txt")
    assert status == "imported"
    article = library.get(article_id)
    assert article.id == article_id
    assert article.text == LIBRARY_TEXT
    assert article.title == "区图书馆周末延长开放"
    assert article.metadata.source == "城西周报"
    assert article.metadata.published == "2025-09-06"
    assert article.script is Script.SIMPLIFIED
    assert article.fmt == "text"
    assert article.encoding == "UTF-8"
    assert article.original_name == "library.txt"
    assert article.content_hash == content_hash(LIBRARY_TEXT)
    assert article.imported_at
    assert library.raw(article_id) == b"\xef\xbb\xbfraw bytes as read"
    assert library.find_raw(b"\xef\xbb\xbfraw bytes as read") == article_id
    assert library.find_raw(b"other bytes") is None


def test_title_falls_back_to_the_file_name(library: Library) -> None:
    _, article_id = library.add(document(HARBOUR_TEXT, title=None), "dong-gang.txt")
    article = library.get(article_id)
    assert article.title == "dong-gang"
    assert article.metadata.title_estimated


def test_get_unknown_article(library: Library) -> None:
    with pytest.raises(ArticleNotFound) as info:
        library.get(404)
    assert str(info.value) == "no article with id 404"
    with pytest.raises(ArticleNotFound):
        library.raw(404)


def test_summaries(library: Library) -> None:
    _, old = library.add(document(LIBRARY_TEXT, title="旧", published="2024-01-02"), "a.txt")
    _, undated = library.add(document(HARBOUR_TEXT, title="无日期"), "b.txt")
    _, new = library.add(
        document(
            ROAD_TEXT,
            title="新",
            published="2025-11-30T08:00:00+08:00",
            source="山报",
            script=Script.TRADITIONAL,
        ),
        "c.txt",
    )
    summaries = library.summaries()
    assert [s.id for s in summaries] == [new, old, undated]  # newest first, undated last
    first = summaries[0]
    assert first.to_json() == {
        "id": new,
        "title": "新",
        "source": "山报",
        "published": "2025-11-30T08:00:00+08:00",
        "script": "traditional",
        "chars": len(ROAD_TEXT),
        "url": None,
        "outlet": "山报",  # the source as written (the command line names known outlets)
        "author": None,
        "outlet_key": None,
        "relayed_by": None,
        "region": None,
        "region_source": None,
    }
    assert library.count() == 3
    assert library.ids() == sorted([old, undated, new])


def test_removed_parts_are_kept_in_order(library: Library) -> None:
    removed = [
        Removed("metadata:title", "标题行", 1),
        Removed("image-placeholder", "![]()", 3),
        Removed("follow-cta", "欢迎关注，下期再见！", 9),
    ]
    _, article_id = library.add(document(LIBRARY_TEXT, removed=removed), "a.txt")
    assert library.removed_parts(article_id) == removed
    assert library.removed_parts(9999) == []


def test_parsed_file_keeps_raw_and_removed_parts(library: Library) -> None:
    text = f"山路修好了\n来源：山区晚报 2025年10月8日\n![]()\n{ROAD_TEXT}\n"
    raw = text.encode("gb18030")
    doc = parse(raw, "road.txt")
    _, article_id = library.add(doc, "road.txt")
    article = library.get(article_id)
    assert article.title == "山路修好了"
    assert article.metadata.source == "山区晚报"
    assert article.encoding == "GB18030"
    assert article.text == ROAD_TEXT
    assert library.raw(article_id) == raw
    rules = {part.rule for part in library.removed_parts(article_id)}
    assert {"metadata:title", "metadata:source", "image-placeholder"} <= rules


def test_a_failed_add_leaves_nothing_behind(
    library: Library, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(self: Library, article_id: int, removed: list[Removed]) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Library, "_store_removed", explode)
    with pytest.raises(RuntimeError):
        library.add(document(LIBRARY_TEXT), "a.txt")
    monkeypatch.undo()
    assert library.count() == 0
    db = raw_connection(library_path)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert db.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == 0
    finally:
        db.close()
    # and the library is still usable: the transaction was rolled back, not left open
    status, _ = library.add(document(LIBRARY_TEXT), "a.txt")
    assert status == "imported"


# -- duplicates --------------------------------------------------------------------------


def test_duplicate_content_ignores_whitespace(library: Library) -> None:
    status, first = library.add(document(LIBRARY_TEXT), "a.txt")
    assert status == "imported"
    spaced = "  " + LIBRARY_TEXT.replace("\n", "\n\n\t ") + "\n\n"
    squeezed = LIBRARY_TEXT.replace("\n", "")
    for variant in (spaced, squeezed, LIBRARY_TEXT):
        status, again = library.add(document(variant, title="另一个标题"), "b.md")
        assert status == "duplicate"
        assert again == first
    assert library.count() == 1
    assert library.get(first).title == "测试标题"  # the first one stays as it was
    status, other = library.add(document(LIBRARY_TEXT + "补充一句。"), "c.txt")
    assert status == "imported"
    assert other != first


def test_content_hash_ignores_all_whitespace() -> None:
    assert content_hash("甲 乙\n丙\t丁") == content_hash("甲乙丙丁")
    assert content_hash("甲乙丙丁") != content_hash("甲乙丙丁。")


def test_adding_content_that_is_in_the_trash_restores_it(library: Library) -> None:
    _, article_id = library.add(document(HARBOUR_TEXT), "harbour.txt")
    library.remove(article_id)
    assert library.count() == 0
    assert library.find_raw(HARBOUR_TEXT.encode()) is None  # the trash is not searched
    status, again = library.add(document(HARBOUR_TEXT.replace("\n", "\n\n")), "harbour.md")
    assert status == "imported"
    assert again == article_id
    assert library.ids() == [article_id]
    assert library.ids(trashed=True) == []


# -- trash ----------------------------------------------------------------------------------


def test_remove_restore_purge(library: Library, library_path: Path) -> None:
    removed = [Removed("follow-cta", "欢迎关注！", 4)]
    _, keep = library.add(document(LIBRARY_TEXT), "keep.txt")
    _, drop = library.add(document(HARBOUR_TEXT, removed=removed), "drop.txt")

    gone = library.remove(drop)
    assert gone.id == drop
    assert gone.text == HARBOUR_TEXT
    assert library.ids() == [keep]
    assert library.ids(trashed=True) == [drop]
    assert [s.id for s in library.summaries()] == [keep]
    with pytest.raises(ArticleNotFound):
        library.get(drop)
    assert library.get(drop, include_trashed=True).text == HARBOUR_TEXT
    with pytest.raises(ArticleNotFound):
        library.remove(drop)  # already in the trash

    back = library.restore(drop)
    assert back.id == drop
    assert library.ids() == [keep, drop]
    with pytest.raises(ArticleNotFound):
        library.restore(999)

    library.remove(drop)
    assert library.purge() == 1
    assert library.purge() == 0
    assert library.ids() == [keep]
    assert library.ids(trashed=True) == []
    with pytest.raises(ArticleNotFound):
        library.get(drop, include_trashed=True)
    with pytest.raises(ArticleNotFound):
        library.raw(drop)
    assert library.removed_parts(drop) == []
    db = raw_connection(library_path)
    try:  # the raw input and removed parts went with the article (ON DELETE CASCADE)
        assert db.execute("SELECT article_id FROM raw_inputs").fetchall() == [(keep,)]
        assert db.execute("SELECT count(*) FROM removed_parts").fetchone()[0] == 0
    finally:
        db.close()
    assert library.integrity_check() == "ok"


# -- two writers ------------------------------------------------------------------------------

_HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE articles SET title = title")
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
db.close()
"""


@contextmanager
def write_lock_held_by_another_process(directory: Path) -> Iterator[Callable[[], None]]:
    """Another process takes the library's write lock; call the yielded function to
    make it commit and let go."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(directory / FILE_NAME)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None
    assert proc.stdout is not None
    released = threading.Event()

    def release() -> None:
        if not released.is_set():
            released.set()
            proc.stdin.write("go\n")
            proc.stdin.flush()

    try:
        assert proc.stdout.readline().strip() == "locked"
        yield release
    finally:
        release()
        proc.wait(timeout=10)
        proc.stdin.close()
        proc.stdout.close()
    assert proc.returncode == 0


def test_busy_library_fails_after_a_short_timeout(library_path: Path) -> None:
    Library.open(library_path).close()
    with (
        Library.open(library_path, timeout=0.5) as library,
        write_lock_held_by_another_process(library_path) as release,
    ):
        started = time.monotonic()
        with pytest.raises(LibraryBusy) as info:
            library.add(document(LIBRARY_TEXT), "a.txt")
        waited = time.monotonic() - started
        message = str(info.value)
        assert "busy" in message
        assert "another Duizhao is writing" in message
        assert str(library_path) in message
        assert "\n" not in message
        assert 0.4 <= waited < 5
        assert library.count() == 0  # reading still works while another writes
        release()
    # once the other process is done, the same library writes again
    with Library.open(library_path, timeout=0.5) as library:
        status, _ = library.add(document(LIBRARY_TEXT), "a.txt")
        assert status == "imported"


def test_busy_library_waits_with_a_long_timeout(library_path: Path) -> None:
    Library.open(library_path).close()
    with (
        Library.open(library_path, timeout=20) as library,
        write_lock_held_by_another_process(library_path) as release,
    ):
        timer = threading.Timer(0.3, release)
        timer.start()
        try:
            started = time.monotonic()
            status, article_id = library.add(document(HARBOUR_TEXT), "b.txt")
            waited = time.monotonic() - started
        finally:
            timer.cancel()
            timer.join()
    assert status == "imported"
    assert waited >= 0.25
    with Library.open(library_path) as library:
        assert library.get(article_id).text == HARBOUR_TEXT


def test_busy_library_in_the_same_process(library_path: Path) -> None:
    """A second connection of this process counts as another writer too."""
    with Library.open(library_path, timeout=0.3) as library:
        other = raw_connection(library_path)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(LibraryBusy):
                library.add(document(ROAD_TEXT), "c.txt")
            other.execute("COMMIT")
        finally:
            other.close()
        status, article_id = library.add(document(ROAD_TEXT), "c.txt")
        assert status == "imported"
        assert library.get(article_id).text == ROAD_TEXT


def test_opening_while_another_process_creates_the_library_is_busy(library_path: Path) -> None:
    """An empty database file that another process holds the write lock of is being
    made: busy. Once it is left empty, it is refused, never taken for a new library."""
    library_path.mkdir()
    db = raw_connection(library_path)
    db.execute("BEGIN IMMEDIATE")
    db.execute("CREATE TABLE placeholder (x)")
    try:
        with pytest.raises(LibraryBusy) as info:
            Library.open(library_path, timeout=0.3)
        assert "busy" in str(info.value)
    finally:
        db.execute("ROLLBACK")
        db.close()
    assert (library_path / FILE_NAME).stat().st_size == 0
    with pytest.raises(LibraryError, match="empty"):
        Library.open(library_path)
    assert (library_path / FILE_NAME).stat().st_size == 0


# -- re-cleaning ----------------------------------------------------------------------------

RULES_V1 = """
version: 1
rules:
  - id: sponsor
    kind: line
    pattern: '^本文由.{1,20}赞助$'
"""
RULES_V2 = """
version: 2
rules:
  - id: editor
    kind: line
    pattern: '^责任编辑[:：]'
"""
HOURS_FILE = f"区图书馆周末延长开放\n{LIBRARY_TEXT}\n本文由城西读书会赞助\n责任编辑：周明\n"


def test_reclean_redoes_cleaning_from_the_kept_source(library: Library, library_path: Path) -> None:
    v1, v2 = parse_rules(RULES_V1), parse_rules(RULES_V2)
    doc = parse(HOURS_FILE.encode(), "hours.txt", v1)
    _, hours = library.add(doc, "hours.txt")
    _, plain = library.add(
        parse(f"港口开海\n{HARBOUR_TEXT}\n".encode(), "harbour.txt", v1), "harbour.txt"
    )
    assert library.get(hours).text == f"{LIBRARY_TEXT}\n责任编辑：周明"
    assert [p.rule for p in library.removed_parts(hours)] == ["metadata:title", "sponsor"]

    calls: list[int] = []

    def clean(document: ParsedDocument) -> ParsedDocument:
        calls.append(len(calls))
        return ingest_reclean(document, v2)

    changed = library.reclean(clean, v2.version)
    assert changed == [hours]  # the harbour article was cleaned again but did not change
    assert len(calls) == 2
    article = library.get(hours)
    # the sponsor line, removed by v1 only, is back: cleaning started from the source text
    assert article.text == f"{LIBRARY_TEXT}\n本文由城西读书会赞助"
    assert article.title == "区图书馆周末延长开放"
    assert article.content_hash == content_hash(article.text)
    assert [p.rule for p in library.removed_parts(hours)] == ["metadata:title", "editor"]
    assert library.raw(hours) == HOURS_FILE.encode()  # the raw input is never changed
    assert library.get(plain).text == HARBOUR_TEXT

    db = raw_connection(library_path)
    try:
        rows = db.execute("SELECT id, cleaner_version, chars, length(text) FROM articles")
        for _, version, chars, length in rows:
            assert version == 2
            assert chars == length
    finally:
        db.close()

    # everything is now cleaned by version 2: nothing to do
    calls.clear()
    assert library.reclean(clean, v2.version) == []
    assert calls == []
    # unless forced; the text does not change, so nothing is reported
    assert library.reclean(clean, v2.version, force=True) == []
    assert len(calls) == 2

    # and back to version 1 restores the first cleaning
    assert library.reclean(lambda d: ingest_reclean(d, v1), v1.version) == [hours]
    assert library.get(hours).text == f"{LIBRARY_TEXT}\n责任编辑：周明"


def test_reclean_includes_articles_in_the_trash(library: Library) -> None:
    v1, v2 = parse_rules(RULES_V1), parse_rules(RULES_V2)
    _, hours = library.add(parse(HOURS_FILE.encode(), "hours.txt", v1), "hours.txt")
    library.remove(hours)
    assert library.reclean(lambda d: ingest_reclean(d, v2), v2.version) == [hours]
    assert library.restore(hours).text.endswith("本文由城西读书会赞助")


def test_reclean_never_merges_two_articles(library: Library) -> None:
    """When cleaning again would make an article equal to another, it is left as it was."""
    v1, v2 = parse_rules(RULES_V1), parse_rules(RULES_V2)
    _, first = library.add(parse(f"港口开海\n{HARBOUR_TEXT}\n".encode(), "a.txt", v1), "a.txt")
    _, second = library.add(
        parse(f"港口开海\n{HARBOUR_TEXT}\n责任编辑：王东\n".encode(), "b.txt", v1), "b.txt"
    )
    assert library.get(second).text == f"{HARBOUR_TEXT}\n责任编辑：王东"
    kept: list[tuple[int, str]] = []
    changed = library.reclean(
        lambda d: ingest_reclean(d, v2), v2.version, on_kept=lambda i, r: kept.append((i, r))
    )
    assert changed == []
    assert kept == [(second, f"cleaned, it would equal article {first}")]
    assert library.get(first).text == HARBOUR_TEXT
    assert library.get(second).text == f"{HARBOUR_TEXT}\n责任编辑：王东"
    assert library.count() == 2


def test_reclean_keeps_an_article_the_new_rules_would_empty(library: Library) -> None:
    v1 = parse_rules(RULES_V1)
    greedy = parse_rules(
        "version: 9\nrules:\n  - id: everything\n    kind: line\n    pattern: '.'\n"
    )
    _, harbour = library.add(parse(f"港口开海\n{HARBOUR_TEXT}\n".encode(), "a.txt", v1), "a.txt")
    kept: list[tuple[int, str]] = []
    changed = library.reclean(
        lambda d: ingest_reclean(d, greedy),
        greedy.version,
        on_kept=lambda i, r: kept.append((i, r)),
    )
    assert changed == []
    assert [article_id for article_id, _ in kept] == [harbour]
    assert "no article text left" in kept[0][1]
    assert library.get(harbour).text == HARBOUR_TEXT
