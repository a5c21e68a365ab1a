"""The library: articles and everything kept about them, in one SQLite file.

``<library dir>/library.sqlite3``, in WAL mode with foreign keys on. The
schema has a version (``PRAGMA user_version``) and a list of migrations, each
run in its own transaction; a library written by a newer Duizhao is refused,
never "upgraded" downwards.

Writes take the write lock up front (``BEGIN IMMEDIATE``) and wait up to
``timeout`` seconds for another process that holds it; after that they fail
with :class:`LibraryBusy`. Each imported file is one transaction, so a crash
or a kill leaves every committed article whole and no partial one.

Removal moves an article to the trash (``deleted_at``); :meth:`Library.restore`
brings it back and :meth:`Library.purge` deletes it for good. The raw input
of every article is kept (``raw_inputs``), with the reader's text before
cleaning, so cleaning can be re-run (:meth:`Library.reclean`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from duizhao.core.library.article import (
    Article,
    ArticleSummary,
    ImportStatus,
    Metadata,
    ParsedDocument,
    Removed,
    Script,
)

FILE_NAME = "library.sqlite3"
DEFAULT_TIMEOUT = 10.0


class LibraryError(Exception):
    """A library that cannot be used; the message is one line for the user."""


class LibraryBusy(LibraryError):
    pass


class ArticleNotFound(LibraryError, KeyError):
    def __str__(self) -> str:
        return f"no article with id {self.args[0]}"


_MIGRATIONS: tuple[str, ...] = (
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
)
SCHEMA_VERSION = len(_MIGRATIONS)


def content_hash(text: str) -> str:
    """Identity of an article's content: its text with all whitespace removed."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Library:
    """An open library. Not shared between threads: open one per thread."""

    def __init__(self, connection: sqlite3.Connection, directory: Path) -> None:
        self._db = connection
        self.directory = directory

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(cls, directory: str | Path, *, timeout: float = DEFAULT_TIMEOUT) -> Library:
        directory = Path(directory)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"cannot create library directory {directory}: {exc.strerror}"
            ) from None
        path = directory / FILE_NAME
        try:
            connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot open library {path}: {exc}") from None
        library = cls(connection, directory)
        try:
            library._setup()
        except sqlite3.DatabaseError as exc:
            connection.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise LibraryBusy(
                    f"library {directory} is busy: another Duizhao is writing to it "
                    f"(waited {timeout:g} s)"
                ) from None
            raise LibraryError(f"{path} is not a Duizhao library: {exc}") from None
        except LibraryError:
            connection.close()
            raise
        return library

    def _setup(self) -> None:
        self._db.execute("PRAGMA foreign_keys = ON")
        mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(f"library {self.directory} cannot use WAL journaling ({mode})")
        self._db.execute("PRAGMA synchronous = NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"library {self.directory} was written by a newer Duizhao "
                f"(schema {version}, this one knows {SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            with self._write():
                if self._db.execute("PRAGMA user_version").fetchone()[0] != number:
                    continue  # another process migrated while we waited
                for statement in _statements(_MIGRATIONS[number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[None]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise LibraryBusy(
                f"library {self.directory} is busy: another Duizhao is writing to it ({exc})"
            ) from None
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on this library's connection, for core modules
        that keep their own tables (:mod:`duizhao.core.library.workspaces`); rolled back
        if the block raises, :class:`LibraryBusy` if the lock cannot be had."""
        with self._write():
            yield self._db

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one read-only statement (outside any write transaction)."""
        return [tuple(r) for r in self._db.execute(sql, parameters).fetchall()]

    # -- reading ------------------------------------------------------------

    def summaries(self) -> list[ArticleSummary]:
        rows = self._db.execute(
            "SELECT id, title, source, published, script, chars FROM articles "
            "WHERE deleted_at IS NULL "
            "ORDER BY published IS NULL, published DESC, id"
        )
        return [ArticleSummary(r[0], r[1], r[2], r[3], Script(r[4]), r[5]) for r in rows]

    def count(self) -> int:
        return int(
            self._db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]
        )

    def ids(self, *, trashed: bool = False) -> list[int]:
        condition = "IS NOT NULL" if trashed else "IS NULL"
        rows = self._db.execute(f"SELECT id FROM articles WHERE deleted_at {condition} ORDER BY id")
        return [r[0] for r in rows]

    def get(self, article_id: int, *, include_trashed: bool = False) -> Article:
        row = self._db.execute(
            "SELECT id, text, title, title_estimated, source, author, translator, url, "
            "published, published_estimated, original, script, fmt, encoding, original_name, "
            "imported_at, content_hash, deleted_at FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None or (row[17] is not None and not include_trashed):
            raise ArticleNotFound(article_id)
        metadata = Metadata(
            title=row[2],
            title_estimated=bool(row[3]),
            source=row[4],
            author=row[5],
            translator=row[6],
            url=row[7],
            published=row[8],
            published_estimated=bool(row[9]),
            original=bool(row[10]),
        )
        return Article(
            id=row[0],
            text=row[1],
            metadata=metadata,
            script=Script(row[11]),
            fmt=row[12],
            encoding=row[13],
            original_name=row[14],
            imported_at=row[15],
            content_hash=row[16],
        )

    def generation(self) -> int:
        """A number that changes whenever any article is added, changed or removed."""
        return int(
            self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        )

    def fingerprints(self) -> dict[int, str]:
        """Content hash of every article not in the trash, by id."""
        rows = self._db.execute("SELECT id, content_hash FROM articles WHERE deleted_at IS NULL")
        return {int(r[0]): str(r[1]) for r in rows}

    def articles(self, ids: list[int] | None = None) -> Iterator[Article]:
        """The articles with these ids (default: all not in the trash), one at a time."""
        for article_id in self.ids() if ids is None else ids:
            try:
                yield self.get(article_id)
            except ArticleNotFound:
                continue

    def removed_parts(self, article_id: int) -> list[Removed]:
        rows = self._db.execute(
            "SELECT rule, text, line FROM removed_parts WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return [Removed(r[0], r[1], r[2]) for r in rows]

    def raw(self, article_id: int) -> bytes:
        row = self._db.execute(
            "SELECT raw FROM raw_inputs WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        return bytes(row[0])

    def find_raw(self, data: bytes) -> int | None:
        """The article (not in the trash) imported from exactly these bytes, if any."""
        row = self._db.execute(
            "SELECT r.article_id FROM raw_inputs r JOIN articles a ON a.id = r.article_id "
            "WHERE r.raw_hash = ? AND a.deleted_at IS NULL",
            (raw_hash(data),),
        ).fetchone()
        return None if row is None else int(row[0])

    # -- writing ------------------------------------------------------------

    def add(
        self, document: ParsedDocument, name: str, path: str | None = None
    ) -> tuple[ImportStatus, int]:
        """Store a parsed document in one transaction.

        Content already in the library is a duplicate; if that article is in
        the trash, it is restored and reported as imported.
        """
        digest = content_hash(document.text)
        with self._write():
            row = self._db.execute(
                "SELECT id, deleted_at FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
            if row is not None:
                if row[1] is None:
                    return ImportStatus.DUPLICATE, int(row[0])
                self._db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (row[0],))
                return ImportStatus.IMPORTED, int(row[0])
            meta = document.metadata
            cursor = self._db.execute(
                f"INSERT INTO articles ({_DESCRIBED}, url, fmt, encoding, original_name, "
                "original_path, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    *_described(document, meta.title or Path(name).stem, digest),
                    meta.url,
                    document.fmt,
                    document.encoding,
                    name,
                    path,
                    _now(),
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            self._db.execute(
                "INSERT INTO raw_inputs (article_id, raw, raw_hash, source_text) "
                "VALUES (?, ?, ?, ?)",
                (article_id, document.raw, raw_hash(document.raw), document.source_text),
            )
            self._store_removed(article_id, document.removed)
        return ImportStatus.IMPORTED, article_id

    def _store_removed(self, article_id: int, removed: list[Removed]) -> None:
        self._db.execute("DELETE FROM removed_parts WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT INTO removed_parts (article_id, seq, rule, line, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, r.rule, r.line, r.text) for i, r in enumerate(removed)],
        )

    def remove(self, article_id: int) -> Article:
        """Move an article to the trash; :meth:`restore` undoes it."""
        article = self.get(article_id)
        with self._write():
            self._db.execute(
                "UPDATE articles SET deleted_at = ? WHERE id = ?", (_now(), article_id)
            )
        return article

    def restore(self, article_id: int) -> Article:
        self.get(article_id, include_trashed=True)
        with self._write():
            self._db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (article_id,))
        return self.get(article_id)

    def purge(self) -> int:
        """Delete every article in the trash for good. Returns how many."""
        with self._write():
            cursor = self._db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL")
        return cursor.rowcount

    def reclean(
        self,
        clean: Callable[[ParsedDocument], ParsedDocument],
        version: int,
        *,
        force: bool = False,
        on_kept: Callable[[int, str], None] | None = None,
    ) -> list[int]:
        """Clean again, from the kept source text, every article cleaned by another
        rules version (all of them with ``force``). Returns the ids whose text changed.

        An article the new rules would empty, or make equal to another one, is
        kept as it is and reported to ``on_kept(id, reason)``."""
        rows = self._db.execute(
            "SELECT a.id, r.raw, r.source_text, a.fmt, a.encoding, a.cleaner_version, a.text "
            "FROM articles a JOIN raw_inputs r ON r.article_id = a.id ORDER BY a.id"
        ).fetchall()
        changed: list[int] = []
        for row in rows:
            if row[5] == version and not force:
                continue
            article = self.get(row[0], include_trashed=True)
            document = ParsedDocument(
                raw=bytes(row[1]),
                encoding=row[4],
                fmt=row[3],
                source_text=row[2],
                text=row[6],
                metadata=article.metadata,
                script=article.script,
            )
            try:
                document = clean(document)
            except ValueError as exc:  # e.g. ImportRefused: nothing would be left
                if on_kept is not None:
                    on_kept(row[0], str(exc))
                continue
            meta = document.metadata
            digest = content_hash(document.text)
            clash = self._db.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND id != ?", (digest, row[0])
            ).fetchone()
            if clash is not None:
                if on_kept is not None:
                    on_kept(row[0], f"cleaned, it would equal article {clash[0]}")
                continue
            with self._write():
                self._db.execute(
                    f"UPDATE articles SET ({_DESCRIBED}) = "
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
                    (*_described(document, meta.title or article.original_name, digest), row[0]),
                )
                self._store_removed(row[0], document.removed)
            if document.text != row[6]:
                changed.append(row[0])
        return changed

    # -- derived data: entities -------------------------------------------------

    def cached_entities(self, article_id: int, recogniser: str, digest: str) -> str | None:
        """The stored entities (JSON, as :mod:`duizhao.core.entities.recognition` wrote them)
        of an article, if made by ``recogniser`` from content ``digest``."""
        row = self._db.execute(
            "SELECT data FROM entities WHERE article_id = ? AND recogniser = ? "
            "AND content_hash = ?",
            (article_id, recogniser, digest),
        ).fetchone()
        return None if row is None else str(row[0])

    def store_entities(self, article_id: int, recogniser: str, digest: str, data: str) -> None:
        """Keep an article's entities (replacing older ones); an article deleted
        meanwhile is skipped."""
        with self._write():
            self._db.execute(
                "INSERT INTO entities (article_id, recogniser, content_hash, data) "
                "SELECT id, ?, ?, ? FROM articles WHERE id = ? "
                "ON CONFLICT(article_id) DO UPDATE SET recogniser = excluded.recogniser, "
                "content_hash = excluded.content_hash, data = excluded.data",
                (recogniser, digest, data, article_id),
            )

    def stale_entities(self, recogniser: str) -> list[int]:
        """Articles (not in the trash) whose entities are missing, made by
        another recogniser, or made from other content."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN entities e ON e.article_id = a.id "
            "WHERE a.deleted_at IS NULL AND (e.article_id IS NULL OR e.recogniser != ? "
            "OR e.content_hash != a.content_hash) ORDER BY a.id",
            (recogniser,),
        )
        return [int(r[0]) for r in rows]

    # -- derived data: anything else made from an article ---------------------------

    def cached_derived(self, article_id: int, kind: str, key: str) -> bytes | None:
        """Data of ``kind`` derived from an article, if it was made from ``key``."""
        row = self._db.execute(
            "SELECT data FROM derived WHERE article_id = ? AND kind = ? AND key = ?",
            (article_id, kind, key),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def store_derived(self, article_id: int, kind: str, key: str, data: bytes) -> None:
        """Keep data of ``kind`` derived from an article (replacing older data of
        that kind); an article deleted meanwhile is skipped."""
        with self._write():
            self._db.execute(
                "INSERT INTO derived (article_id, kind, key, data) "
                "SELECT id, ?, ?, ? FROM articles WHERE id = ? "
                "ON CONFLICT(article_id, kind) DO UPDATE SET key = excluded.key, "
                "data = excluded.data",
                (kind, key, data, article_id),
            )

    def integrity_check(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


#: The article columns a parsed document describes, in the order of :func:`_described`.
_DESCRIBED = (
    "title, title_estimated, source, author, translator, published, published_estimated, "
    "original, script, text, chars, content_hash, cleaner_version"
)


def _described(document: ParsedDocument, title: str, digest: str) -> tuple[object, ...]:
    meta = document.metadata
    return (
        title,
        int(meta.title_estimated or not meta.title),
        meta.source,
        meta.author,
        meta.translator,
        meta.published,
        int(meta.published_estimated),
        int(meta.original),
        str(document.script),
        document.text,
        len(document.text),
        digest,
        document.cleaner_version,
    )


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
