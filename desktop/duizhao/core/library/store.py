"""The library: articles and everything kept about them, in one SQLite file.

``<library dir>/library.sqlite3``, in WAL mode with foreign keys on; opening
(what is created, what is refused, read-only access) is :mod:`.opening`'s,
the schema and its migrations :mod:`.schema`'s, the errors :mod:`.errors`'.

Writes take the write lock up front (``BEGIN IMMEDIATE``) and wait up to
``timeout`` seconds for another process that holds it; after that they fail
with :class:`LibraryBusy`. Each imported file is one transaction, so a crash
or a kill leaves every committed article whole and no partial one. A full
disk or a read-only file fails the change with one line and rolls it back.

Removal moves an article to the trash (``deleted_at``); :meth:`Library.restore`
brings it back and :meth:`Library.purge` deletes it for good. The raw input
of every article is kept (``raw_inputs``), so cleaning can be re-run from it
(:meth:`Library.reclean`).

A row that cannot be read back (text that is not valid UTF-8, as a bit flip
leaves it) is *quarantined*: reads leave it out and record it in
:attr:`Library.damaged`, :meth:`Library.get` raises :class:`ArticleDamaged`,
the row stays on disk byte for byte, its raw input can still be read
(:meth:`Library.raw`), it can be removed, and :meth:`Library.reclean`
rebuilds it from its raw input. :mod:`.check` finds every such row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from duizhao.core.library import rows as table
from duizhao.core.library.article import (
    Article,
    ArticleSummary,
    ImportStatus,
    Metadata,
    Origin,
    ParsedDocument,
    Removed,
    Script,
    fingerprint,
)
from duizhao.core.library.errors import (
    ArticleDamaged,
    ArticleNotFound,
    LibraryBusy,
    LibraryError,
    LibraryReadOnly,
    from_sqlite,
)
from duizhao.core.library.opening import FILE_NAME, connect, not_writable, transaction
from duizhao.core.library.rows import Row
from duizhao.core.library.schema import SCHEMA_VERSION
from duizhao.core.yielding import breathe

#: rows fetched at a time by a read (see :meth:`Library._read`)
FETCH_BLOCK = 512

__all__ = [
    "DEFAULT_TIMEOUT",
    "FILE_NAME",
    "SCHEMA_VERSION",
    "ArticleNotFound",
    "Library",
    "LibraryBusy",
    "LibraryError",
    "content_hash",
    "raw_hash",
]

DEFAULT_TIMEOUT = 10.0
log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """Identity of an article's content: its text with all whitespace removed."""
    return hashlib.sha256(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Library:
    """An open library. Not shared between threads: open one per thread."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        directory: Path,
        *,
        readonly: bool = False,
        created: bool = False,
    ) -> None:
        self._db = connection
        self.directory = directory
        #: opened read-only: every change raises :class:`LibraryReadOnly`
        self.readonly = readonly
        #: this open made a new, empty library
        self.created = created
        #: articles found damaged by the reads so far: id -> what is wrong
        self.damaged: dict[int, str] = {}
        self._cache_db: sqlite3.Connection | None | bool = None

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        directory: str | Path,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        create: bool = True,
        readonly: bool = False,
        verify: bool = False,
    ) -> Library:
        """Open the library in ``directory``.

        ``create`` makes a missing library (never in a folder holding other
        files); without it a missing one raises :class:`LibraryMissing`.
        ``readonly`` never writes (and works on read-only media). ``verify``
        runs ``PRAGMA integrity_check`` first and refuses a damaged library
        before anything is written to it. See :mod:`.opening`.
        """
        directory = Path(directory)
        opened = connect(
            directory, timeout=timeout, create=create, readonly=readonly, verify=verify
        )
        return cls(opened.connection, directory, readonly=opened.readonly, created=opened.created)

    def close(self) -> None:
        if isinstance(self._cache_db, sqlite3.Connection):
            self._cache_db.close()
        self._cache_db = None
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
        if self.readonly:
            raise LibraryReadOnly(
                f"library {self.directory} was opened read-only: it cannot be changed"
            )
        with transaction(self._db, self.directory):
            yield

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on this library's connection, for core modules
        that keep their own tables (:mod:`duizhao.core.library.workspaces`); rolled back
        if the block raises, :class:`LibraryBusy` if the lock cannot be had."""
        with self._write():
            yield self._db

    def query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one read-only statement (outside any write transaction)."""
        return list(self._read(sql, parameters))

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Row]:
        try:
            cursor = self._db.execute(sql, parameters)
            out: list[Row] = []
            # in blocks: fetching thousands of rows at once drops and retakes the
            # GIL at every row, which keeps a waiting window out (core.yielding)
            while batch := cursor.fetchmany(FETCH_BLOCK):
                out.extend(tuple(r) for r in batch)
                breathe()
            return out
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.directory, "read") from None

    def _rows(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Row]:
        """The rows of a read whose first column is an article id; a row that
        cannot be decoded is left out and its article recorded in :attr:`damaged`."""
        try:
            found, damaged = table.decoded(self._db, sql, parameters)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.directory, "read") from None
        for article_id, problem in damaged.items():
            self.damaged.setdefault(article_id, problem)
            log.info("article %s is damaged: %s", article_id, problem)
        return found

    def stored_rows(self, sql: str, parameters: tuple[object, ...] = ()) -> list[Row]:
        """The rows of a read as stored: text as the bytes on disk, undecoded
        (for :mod:`.check`, which verifies them)."""
        try:
            return table.stored(self._db, sql, parameters)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.directory, "read") from None

    def _lenient(self, sql: str, parameters: tuple[object, ...]) -> Row | None:
        try:
            return table.lenient(self._db, sql, parameters)
        except sqlite3.Error as exc:
            raise from_sqlite(exc, self.directory, "read") from None

    # -- reading ------------------------------------------------------------

    def summaries(self) -> list[ArticleSummary]:
        rows = self._rows(
            "SELECT id, title, source, published, script, chars, url, author, "
            "outlet, relayed_by, region, region_source FROM articles "
            "WHERE deleted_at IS NULL "
            "ORDER BY published IS NULL, published DESC, id"
        )
        out = []
        for r in rows:  # 10,000 rows take ~0.1 s: a worker lets the window in meanwhile
            breathe()
            out.append(
                ArticleSummary(
                    int(r[0]),
                    str(r[1]),
                    table.optional(r[2]),
                    table.optional(r[3]),
                    table.script(r[4]),
                    int(r[5]),
                    table.optional(r[6]),
                    table.optional(r[7]),
                    table.origin(r[8:12]),
                )
            )
        return out

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM articles WHERE deleted_at IS NULL")[0][0])

    def ids(self, *, trashed: bool = False) -> list[int]:
        condition = "IS NOT NULL" if trashed else "IS NULL"
        rows = self._read(f"SELECT id FROM articles WHERE deleted_at {condition} ORDER BY id")
        return [int(r[0]) for r in rows]

    def get(self, article_id: int, *, include_trashed: bool = False) -> Article:
        """The article with this id; raises :class:`ArticleNotFound`, or
        :class:`ArticleDamaged` when its row cannot be read back."""
        rows = self._rows(table.GET, (article_id,))
        if not rows:
            if article_id in self.damaged and self._exists(article_id, include_trashed):
                raise ArticleDamaged(article_id, self.damaged[article_id])
            raise ArticleNotFound(article_id)
        row = rows[0]
        if row[17] is not None and not include_trashed:
            raise ArticleNotFound(article_id)
        return table.article(row)

    def _exists(self, article_id: int, include_trashed: bool) -> bool:
        trashed = "" if include_trashed else " AND deleted_at IS NULL"
        return bool(self._read(f"SELECT 1 FROM articles WHERE id = ?{trashed}", (article_id,)))

    def generation(self) -> int:
        """A number that changes whenever any article is added, changed or removed."""
        return int(self._read("SELECT value FROM meta WHERE key = 'generation'")[0][0])

    def fingerprints(self) -> dict[int, str]:
        """:attr:`Article.fingerprint` of every article not in the trash, by id:
        its content hash and the usage its region converts it with."""
        rows = self._rows("SELECT id, content_hash, region FROM articles WHERE deleted_at IS NULL")
        return {int(r[0]): fingerprint(str(r[1]), table.optional(r[2])) for r in rows}

    def articles(self, ids: list[int] | None = None) -> Iterator[Article]:
        """The articles with these ids (default: all not in the trash), one at a
        time; missing ones are skipped, damaged ones too (see :attr:`damaged`)."""
        for article_id in self.ids() if ids is None else ids:
            try:
                yield self.get(article_id)
            except (ArticleNotFound, ArticleDamaged):
                continue

    def removed_parts(self, article_id: int) -> list[Removed]:
        rows = self._rows(
            "SELECT article_id, rule, text, line FROM removed_parts WHERE article_id = ? "
            "ORDER BY seq",
            (article_id,),
        )
        if article_id in self.damaged:
            raise ArticleDamaged(article_id, self.damaged[article_id])
        return [Removed(str(r[1]), str(r[2]), int(r[3])) for r in rows]

    def raw(self, article_id: int) -> bytes:
        """The article's input as it was read, byte for byte (also of a damaged article)."""
        rows = self._read("SELECT raw FROM raw_inputs WHERE article_id = ?", (article_id,))
        if not rows:
            raise ArticleNotFound(article_id)
        return bytes(rows[0][0])

    def find_raw(self, data: bytes) -> int | None:
        """The article (not in the trash) imported from exactly these bytes, if any."""
        rows = self._read(
            "SELECT r.article_id FROM raw_inputs r JOIN articles a ON a.id = r.article_id "
            "WHERE r.raw_hash = ? AND a.deleted_at IS NULL",
            (raw_hash(data),),
        )
        return None if not rows else int(rows[0][0])

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
                f"INSERT INTO articles ({table.DESCRIBED}, url, fmt, encoding, original_name, "
                "original_path, imported_at) "
                f"VALUES ({', '.join('?' * (table.DESCRIBED.count(',') + 7))})",
                (
                    *table.described(document, meta.title or Path(name).stem, digest),
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

    def set_origin(self, article_id: int, origin: Origin) -> Article:
        """Store where an article comes from (its region corrected by the user,
        or found again). When the usage its region converts it with changes,
        what was derived from its text -- cached entities, derived data -- is
        dropped, and its new fingerprint tells the search index to redo it."""
        before = self._for_message(article_id, include_trashed=True)
        with self._write():
            self._db.execute(
                "UPDATE articles SET outlet = ?, relayed_by = ?, region = ?, region_source = ? "
                "WHERE id = ?",
                (origin.outlet, origin.relayed_by, origin.region, origin.region_source, article_id),
            )
            never_looked = before.origin.region_source is None  # made before regions
            changed = fingerprint(before.content_hash, origin.region) != before.fingerprint
            if never_looked or changed:
                self._db.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
                self._db.execute("DELETE FROM derived WHERE article_id = ?", (article_id,))
        return self._for_message(article_id, include_trashed=True)

    def without_origin(self) -> list[int]:
        """Articles whose origin was never looked for (imported before outlets were known)."""
        rows = self._read("SELECT id FROM articles WHERE region_source IS NULL ORDER BY id")
        return [int(r[0]) for r in rows]

    def _store_removed(self, article_id: int, removed: list[Removed]) -> None:
        self._db.execute("DELETE FROM removed_parts WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT INTO removed_parts (article_id, seq, rule, line, text) VALUES (?, ?, ?, ?, ?)",
            [(article_id, i, r.rule, r.line, r.text) for i, r in enumerate(removed)],
        )

    def remove(self, article_id: int) -> Article:
        """Move an article to the trash (a damaged one too); :meth:`restore` undoes it."""
        article = self._for_message(article_id, include_trashed=False)
        with self._write():
            self._db.execute(
                "UPDATE articles SET deleted_at = ? WHERE id = ?", (_now(), article_id)
            )
        return article

    def restore(self, article_id: int) -> Article:
        self._for_message(article_id, include_trashed=True)
        with self._write():
            self._db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", (article_id,))
        return self._for_message(article_id, include_trashed=False)

    def _for_message(self, article_id: int, *, include_trashed: bool) -> Article:
        """The article, or for a damaged one a stand-in with its id and its
        title as far as it can be read (for messages only; never written back)."""
        try:
            return self.get(article_id, include_trashed=include_trashed)
        except ArticleDamaged:
            row = self._lenient(table.GET, (article_id,))
            assert row is not None  # get() found the row
            return table.article(row)

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
        on_repaired: Callable[[int], None] | None = None,
    ) -> list[int]:
        """Clean again, from its raw input, every article cleaned by another rules
        version (all of them with ``force``) and every damaged one, which this
        rebuilds (``on_repaired(id)``). Returns the ids whose text changed.

        ``clean`` gets a document holding the raw bytes, format and encoding
        (and the current text and metadata) and returns it parsed anew. An
        article whose raw input is damaged, that the new rules would empty, or
        that would become equal to another one is kept as it is and reported
        to ``on_kept(id, reason)``."""
        rows = self._read("SELECT id, cleaner_version FROM articles ORDER BY id")
        changed: list[int] = []
        for article_id, cleaned_by in ((int(r[0]), int(r[1])) for r in rows):
            try:
                current: Article | None = self.get(article_id, include_trashed=True)
            except ArticleDamaged:
                current = None
            if current is not None and cleaned_by == version and not force:
                continue
            reason = self._reclean_one(article_id, current, clean)
            if reason is not None:
                if on_kept is not None:
                    on_kept(article_id, reason)
                continue
            if current is None:
                self.damaged.pop(article_id, None)
                if on_repaired is not None:
                    on_repaired(article_id)
                changed.append(article_id)
            elif self.get(article_id, include_trashed=True).text != current.text:
                changed.append(article_id)
        return changed

    def _reclean_one(
        self,
        article_id: int,
        current: Article | None,
        clean: Callable[[ParsedDocument], ParsedDocument],
    ) -> str | None:
        """Parse one article again from its raw input and store it; the reason
        when it is kept as it was."""
        found = self._lenient(
            "SELECT r.raw, r.raw_hash, a.fmt, a.encoding, a.original_name "
            "FROM articles a JOIN raw_inputs r ON r.article_id = a.id WHERE a.id = ?",
            (article_id,),
        )
        if found is None:
            return "its raw input is missing"
        raw = bytes(found[0])
        if raw_hash(raw) != found[1]:
            return "its raw input is damaged (its checksum differs): kept as it was"
        document = ParsedDocument(
            raw=raw,
            encoding=str(found[3]),
            fmt=str(found[2]),
            source_text="",
            text=current.text if current else "",
            metadata=current.metadata if current else Metadata(),
            script=current.script if current else Script.UNKNOWN,
        )
        try:
            document = clean(document)
        except ValueError as exc:  # e.g. ImportRefused: nothing would be left
            return str(exc)
        if current is not None and current.origin.region_set_by_user:
            document.origin = replace(
                document.origin, region=current.origin.region, region_source="user"
            )
        digest = content_hash(document.text)
        clash = self._read(
            "SELECT id FROM articles WHERE content_hash = ? AND id != ?", (digest, article_id)
        )
        if clash:
            return f"cleaned, it would equal article {clash[0][0]}"
        name = current.original_name if current else str(found[4])
        with self._write():
            self._db.execute(
                f"UPDATE articles SET ({table.DESCRIBED}, url, fmt, encoding) = "
                f"({', '.join('?' * (table.DESCRIBED.count(',') + 4))}) WHERE id = ?",
                (
                    *table.described(document, document.metadata.title or Path(name).stem, digest),
                    document.metadata.url,
                    document.fmt,
                    document.encoding,
                    article_id,
                ),
            )
            self._db.execute(
                "UPDATE raw_inputs SET source_text = ? WHERE article_id = ?",
                (document.source_text, article_id),
            )
            self._store_removed(article_id, document.removed)
            if current is None:
                self._mend_names(article_id)
        return None

    def _mend_names(self, article_id: int) -> None:
        """Columns no input can rebuild (the file name, the dates of import and
        removal), rewritten readable where they are damaged."""
        columns = ("original_name", "original_path", "imported_at", "deleted_at")
        (values,) = table.stored(
            self._db, f"SELECT {', '.join(columns)} FROM articles WHERE id = ?", (article_id,)
        )
        for column, value in zip(columns, values, strict=True):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    self._db.execute(
                        f"UPDATE articles SET {column} = ? WHERE id = ?",
                        (value.decode("utf-8", "replace"), article_id),
                    )

    # -- derived data: entities -------------------------------------------------

    def cached_entities(self, article_id: int, recogniser: str, digest: str) -> str | None:
        """The stored entities (JSON, as :mod:`duizhao.core.entities.recognition` wrote them)
        of an article, if made by ``recogniser`` from content ``digest``; a
        damaged entry counts as none (it is made again and replaced)."""
        try:
            row = self._db.execute(
                "SELECT data FROM entities WHERE article_id = ? AND recogniser = ? "
                "AND content_hash = ?",
                (article_id, recogniser, digest),
            ).fetchone()
        except sqlite3.OperationalError as exc:
            if "decode" in str(exc):
                return None
            raise from_sqlite(exc, self.directory, "read") from None
        if row is None:
            return None
        try:
            json.loads(row[0])
        except ValueError:
            return None
        return str(row[0])

    def store_entities(self, article_id: int, recogniser: str, digest: str, data: str) -> bool:
        """Keep an article's entities (replacing older ones); an article deleted
        meanwhile is skipped. A cache: when it cannot be written (read-only
        media, a full disk, a busy library) nothing is stored and False returned."""
        sql = (
            "INSERT INTO entities (article_id, recogniser, content_hash, data) "
            "SELECT id, ?, ?, ? FROM articles WHERE id = ? "
            "ON CONFLICT(article_id) DO UPDATE SET recogniser = excluded.recogniser, "
            "content_hash = excluded.content_hash, data = excluded.data"
        )
        parameters = (recogniser, digest, data, article_id)
        return self._write_cache(sql, parameters, "entities", article_id)

    def _write_cache(
        self, sql: str, parameters: tuple[object, ...], what: str, article_id: int
    ) -> bool:
        """Write a cache entry: through the library when open for writing, else
        through :meth:`_cache_connection`; False (and a log line) when it cannot be."""
        try:
            if not self.readonly:
                with self._write():
                    self._db.execute(sql, parameters)
                return True
            cache = self._cache_connection()
            if cache is None:
                return False
            with transaction(cache, self.directory):
                cache.execute(sql, parameters)
            return True
        except LibraryError as exc:
            log.info("%s of article %s not cached: %s", what, article_id, exc)
            return False

    def _cache_connection(self) -> sqlite3.Connection | None:
        """For a library opened read-only: a connection that writes derived data
        (the entities cache) when the file can be written at all, else None."""
        if self._cache_db is None:
            self._cache_db = False
            if not_writable(self.directory) is None:
                with suppress(sqlite3.Error):
                    self._cache_db = sqlite3.connect(
                        self.directory / FILE_NAME, timeout=1.0, isolation_level=None
                    )
        return self._cache_db if isinstance(self._cache_db, sqlite3.Connection) else None

    def stale_entities(self, recogniser: str) -> list[int]:
        """Articles (not in the trash) whose entities are missing, made by
        another recogniser, or made from other content."""
        rows = self._read(
            "SELECT a.id FROM articles a LEFT JOIN entities e ON e.article_id = a.id "
            "WHERE a.deleted_at IS NULL AND (e.article_id IS NULL OR e.recogniser != ? "
            "OR e.content_hash != a.content_hash) ORDER BY a.id",
            (recogniser,),
        )
        return [int(r[0]) for r in rows]

    # -- derived data: anything else made from an article ---------------------------

    def cached_derived(self, article_id: int, kind: str, key: str) -> bytes | None:
        """Data of ``kind`` derived from an article, if it was made from ``key``;
        a damaged entry counts as none."""
        try:
            row = self._db.execute(
                "SELECT data FROM derived WHERE article_id = ? AND kind = ? AND key = ?",
                (article_id, kind, key),
            ).fetchone()
        except sqlite3.OperationalError as exc:
            if "decode" in str(exc):
                return None
            raise from_sqlite(exc, self.directory, "read") from None
        return None if row is None or not isinstance(row[0], bytes) else bytes(row[0])

    def store_derived(self, article_id: int, kind: str, key: str, data: bytes) -> bool:
        """Keep data of ``kind`` derived from an article (replacing older data of
        that kind); an article deleted meanwhile is skipped. A cache, like the
        entities': False when it cannot be written."""
        sql = (
            "INSERT INTO derived (article_id, kind, key, data) "
            "SELECT id, ?, ?, ? FROM articles WHERE id = ? "
            "ON CONFLICT(article_id, kind) DO UPDATE SET key = excluded.key, "
            "data = excluded.data"
        )
        return self._write_cache(sql, (kind, key, data, article_id), kind, article_id)

    def integrity_check(self) -> str:
        return str(self._read("PRAGMA integrity_check")[0][0])
