"""The library's schema: its migrations, and how a Duizhao library is told apart.

- :data:`MIGRATIONS` lists the schema changes in order; ``PRAGMA user_version``
  says how many a file has had. :func:`migrate` runs the missing ones, each
  in its own transaction, and never goes downwards.
- :data:`APPLICATION_ID` is written into the SQLite header
  (``PRAGMA application_id``) of every library, so the file says what it is.
- :func:`recognise` decides from the header and the tables whether a file is
  a Duizhao library (libraries made before the application id are known by
  their tables), an empty SQLite database or another program's, without
  writing anything: a foreign file is refused, never migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from duizhao.core.library.errors import LibraryDamaged, LibraryError

#: "DZLB" -- Duizhao library
APPLICATION_ID = 0x445A4C42
#: The tables every Duizhao library has had since the first schema version.
CORE_TABLES = frozenset({"articles", "raw_inputs", "removed_parts"})

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, raw inputs, removed parts
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        title_estimated INTEGER NOT NULL DEFAULT 0,
        source TEXT,
        author TEXT,
        translator TEXT,
        url TEXT,
        published TEXT,
        published_estimated INTEGER NOT NULL DEFAULT 0,
        original INTEGER NOT NULL DEFAULT 0,
        script TEXT NOT NULL,
        text TEXT NOT NULL,
        chars INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        fmt TEXT NOT NULL,
        encoding TEXT NOT NULL,
        original_name TEXT NOT NULL,
        original_path TEXT,
        imported_at TEXT NOT NULL,
        cleaner_version INTEGER NOT NULL,
        deleted_at TEXT
    );
    CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE raw_inputs (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        raw BLOB NOT NULL,
        raw_hash TEXT NOT NULL,
        source_text TEXT NOT NULL
    );
    CREATE INDEX raw_inputs_hash ON raw_inputs(raw_hash);
    CREATE TABLE removed_parts (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        rule TEXT NOT NULL,
        line INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    """,
    # 2: a generation counter that every change to the articles moves, so
    # derived data (the search index) can tell cheaply whether it is current
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO meta (key, value) VALUES ('generation', 0);
    CREATE TRIGGER articles_insert_generation AFTER INSERT ON articles
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
    CREATE TRIGGER articles_delete_generation AFTER DELETE ON articles
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
    CREATE TRIGGER articles_update_generation AFTER UPDATE ON articles
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
    """,
    # 3: recognised entities per article (duizhao.core.entities.recognition), valid while
    # the recogniser version and the article's content hash are the same
    """
    CREATE TABLE entities (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        recogniser TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
    # 4: saved comparison workspaces, and the notes and pins on comparison
    # rows (duizhao.core.library.workspaces); article ids are kept as JSON, not as
    # foreign keys, so a workspace outlives a purged article and says so
    """
    CREATE TABLE workspaces (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        articles TEXT NOT NULL,
        topic TEXT,
        state TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE row_notes (
        article_set TEXT NOT NULL,
        topic_key TEXT NOT NULL,
        row_key TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        pinned INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (article_set, topic_key, row_key)
    );
    """,
    # 5: other data derived from an article (sentence embeddings …), each kind
    # valid while its key (a hash of what it was made from) is the same
    """
    CREATE TABLE derived (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (article_id, kind)
    );
    """,
    # 6: where an article comes from: its outlet (a key of resources/outlets,
    # NULL if unknown), the portal or site that relayed it, its region
    # (taiwan, hongkong, macau, mainland, other; NULL if not known) and what
    # said so (region_source: outlet, text, user, or none when nothing did;
    # NULL until it is looked for). A region the user set survives reclean.
    """
    ALTER TABLE articles ADD COLUMN outlet TEXT;
    ALTER TABLE articles ADD COLUMN relayed_by TEXT;
    ALTER TABLE articles ADD COLUMN region TEXT;
    ALTER TABLE articles ADD COLUMN region_source TEXT;
    """,
    # 7: stories (duizhao.core.stories): each article's story, the copies among
    # them, and the user's corrections, kept apart so that a regrouping never
    # loses them: an article pinned to a story, a story merged into another
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL DEFAULT '',
        made_at TEXT NOT NULL
    );
    CREATE TABLE story_members (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        copy_of INTEGER
    );
    CREATE INDEX story_members_story ON story_members(story_id);
    CREATE TABLE story_pins (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        made_at TEXT NOT NULL
    );
    CREATE TABLE story_merges (
        story_id INTEGER PRIMARY KEY,
        into_id INTEGER NOT NULL,
        made_at TEXT NOT NULL
    );
    """,
    # 8: who else a page credits (监制, 编辑 …), as the cleaner read them from
    # its credit lines: a JSON list of [role, name] (duizhao.core.ingest.metadata)
    """
    ALTER TABLE articles ADD COLUMN credits TEXT NOT NULL DEFAULT '[]';
    """,
    # 9: news feeds the user subscribed to (duizhao.core.library.feeds), and every
    # item already taken from one, so each is imported once; an item is known by
    # its GUID (or link), and its link is kept to tell the same page in two feeds
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_at TEXT NOT NULL,
        fetched_at TEXT,
        error TEXT
    );
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        url TEXT,
        article_id INTEGER,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, key)
    );
    CREATE INDEX feed_items_url ON feed_items(url);
    CREATE INDEX articles_url ON articles(url);
    """,
    # 10: outlets the user described (duizhao.core.library.described): one with no
    # profile, by its name as articles write it, with its region and kind
    """
    CREATE TABLE described_outlets (
        name TEXT PRIMARY KEY,
        region TEXT NOT NULL,
        kind TEXT,
        described_at TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
#: Migrations that main once shipped as a reserved no-op ("SELECT 1;") before
#: their branch was merged, by number, with a column of ``articles`` that they
#: add: a library that ran the no-op lacks it, and gets the real step when it
#: is next opened for writing.
ONCE_RESERVED = {6: "region_source"}


def recognise(db: sqlite3.Connection, label: str) -> int:
    """The schema version of the Duizhao library open on ``db``; raises
    :class:`LibraryDamaged` for an empty or foreign SQLite database and
    :class:`LibraryError` for one written by a newer Duizhao. Reads only."""
    application_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    tables = {str(r[0]) for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    ours = application_id == APPLICATION_ID or (
        application_id == 0 and version >= 1 and tables >= CORE_TABLES
    )
    if not ours:
        if not tables and version == 0 and application_id == 0:
            raise LibraryDamaged(
                f"{label} is an empty SQLite database, not a Duizhao library: refused, "
                "nothing changed"
            )
        shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise LibraryDamaged(
            f"{label} is another program's SQLite database ({shown or 'no tables'}), "
            "not a Duizhao library: refused, nothing changed"
        )
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"library {label} was written by a newer Duizhao "
            f"(schema {version}, this one knows {SCHEMA_VERSION})"
        )
    return version


def migrate(db: sqlite3.Connection, write: Callable[[], AbstractContextManager[None]]) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one transaction per step
    (``write`` opens one), and mark the file with :data:`APPLICATION_ID`."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    for number in range(version, SCHEMA_VERSION):
        with write():
            if db.execute("PRAGMA user_version").fetchone()[0] != number:
                continue  # another process migrated while we waited
            for statement in _statements(MIGRATIONS[number]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
    for number, column in sorted(ONCE_RESERVED.items()):
        if column not in _columns(db):
            with write():
                if column in _columns(db):
                    continue  # another process did it while we waited
                for statement in _statements(MIGRATIONS[number - 1]):
                    db.execute(statement)
    if int(db.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        with write():
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _columns(db: sqlite3.Connection) -> set[str]:
    return {str(r[1]) for r in db.execute("PRAGMA table_info(articles)")}


def _statements(script: str) -> list[str]:
    """Split a migration into statements; a trigger's body keeps its own ``;``."""
    statements: list[str] = []
    current: list[str] = []
    for part in script.split(";"):
        current.append(part)
        text = ";".join(current).strip()
        if not text:
            current = []
            continue
        if text.upper().startswith("CREATE TRIGGER") and not text.upper().endswith("END"):
            continue
        statements.append(text)
        current = []
    return statements
