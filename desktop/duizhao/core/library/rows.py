"""Rows of the library file: into Python values, as the bytes stored, and into articles.

SQLite does not check that TEXT is valid UTF-8 and ``PRAGMA integrity_check``
does not look; Python's sqlite3 does, and one bad byte (a bit flip) makes the
whole read fail. So:

- :func:`decoded` runs a read and, when a row cannot be decoded, runs it again
  with text as bytes, leaving out each row that does not decode and saying
  why (the first column of such a read is the article's id);
- :func:`stored` runs a read with text as the bytes on disk, for
  :mod:`.check`, which verifies them;
- :func:`lenient` reads one row with what cannot be decoded replaced, for
  messages about a damaged article (never written back);
- :data:`GET` and :func:`article` turn a row into an :class:`Article`;
  :data:`DESCRIBED` and :func:`described` are the columns a parsed document
  fills, for inserts and updates.

Each raises :class:`sqlite3.Error`; the store turns it into one line.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from duizhao.core.library.article import Article, Metadata, Origin, ParsedDocument, Script

Row = tuple[Any, ...]


def _with_text_as(
    db: sqlite3.Connection,
    factory: Callable[[bytes], object],
    sql: str,
    parameters: tuple[object, ...],
) -> tuple[list[str], list[Row]]:
    db.text_factory = factory
    try:
        cursor = db.execute(sql, parameters)
        return [d[0] for d in cursor.description], [tuple(r) for r in cursor.fetchall()]
    finally:
        db.text_factory = str


def decoded(
    db: sqlite3.Connection, sql: str, parameters: tuple[object, ...] = ()
) -> tuple[list[Row], dict[int, str]]:
    """The rows of a read, and apart from them, by article id, what is wrong with
    each row whose text is not valid UTF-8."""
    try:
        return [tuple(r) for r in db.execute(sql, parameters).fetchall()], {}
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise
    names, raw = _with_text_as(db, bytes, sql, parameters)
    rows: list[Row] = []
    damaged: dict[int, str] = {}
    for row in raw:
        problem = None
        values: list[object] = []
        for column, value in enumerate(row):
            if isinstance(value, bytes):
                try:
                    value = value.decode("utf-8")
                except UnicodeDecodeError as exc:
                    problem = problem or (
                        f"its stored {names[column]} is not valid UTF-8 at byte {exc.start}"
                    )
            values.append(value)
        if problem is None:
            rows.append(tuple(values))
        else:
            damaged.setdefault(int(row[0]), problem)
    return rows, damaged


def stored(db: sqlite3.Connection, sql: str, parameters: tuple[object, ...] = ()) -> list[Row]:
    """The rows of a read with text as the bytes on disk, undecoded (BLOBs are bytes too)."""
    return _with_text_as(db, bytes, sql, parameters)[1]


def lenient(db: sqlite3.Connection, sql: str, parameters: tuple[object, ...]) -> Row | None:
    """One row, text that cannot be decoded shown with replacement characters."""
    rows = _with_text_as(db, lambda b: b.decode("utf-8", "replace"), sql, parameters)[1]
    return rows[0] if rows else None


GET = (
    "SELECT id, text, title, title_estimated, source, author, translator, url, "
    "published, published_estimated, original, script, fmt, encoding, original_name, "
    "imported_at, content_hash, deleted_at, credits, outlet, relayed_by, region, region_source "
    "FROM articles WHERE id = ?"
)


def article(row: Row) -> Article:
    """An :class:`Article` from a row of :data:`GET`."""
    metadata = Metadata(
        title=str(row[2]),
        title_estimated=bool(row[3]),
        source=optional(row[4]),
        author=optional(row[5]),
        translator=optional(row[6]),
        url=optional(row[7]),
        published=optional(row[8]),
        published_estimated=bool(row[9]),
        original=bool(row[10]),
        credits=credits(row[18]),
    )
    return Article(
        id=int(row[0]),
        text=str(row[1]),
        metadata=metadata,
        script=script(row[11]),
        fmt=str(row[12]),
        encoding=str(row[13]),
        original_name=str(row[14]),
        imported_at=str(row[15]),
        content_hash=str(row[16]),
        origin=origin(row[19:23]),
    )


def origin(values: Row) -> Origin:
    """An :class:`Origin` from (outlet, relayed_by, region, region_source) columns."""
    outlet, relayed_by, region, source = (optional(v) for v in values)
    return Origin(outlet, relayed_by, region, source)


#: The article columns a parsed document describes, in the order of :func:`described`.
DESCRIBED = (
    "title, title_estimated, source, author, translator, published, published_estimated, "
    "original, script, text, chars, content_hash, cleaner_version, credits, "
    "outlet, relayed_by, region, region_source"
)


def described(document: ParsedDocument, title: str, digest: str) -> tuple[object, ...]:
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
        json.dumps([list(pair) for pair in meta.credits], ensure_ascii=False),
        document.origin.outlet,
        document.origin.relayed_by,
        document.origin.region,
        document.origin.region_source,
    )


def credits(value: object) -> tuple[tuple[str, str], ...]:
    """The ``credits`` column read back; anything but a list of pairs of text is none."""
    try:
        data = json.loads(str(value)) if value is not None else []
    except ValueError:
        return ()
    if not isinstance(data, list):
        return ()
    return tuple(
        (item[0], item[1])
        for item in data
        if isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)
    )


def optional(value: object) -> str | None:
    return None if value is None else str(value)


def script(value: object) -> Script:
    try:
        return Script(str(value))
    except ValueError:
        return Script.UNKNOWN
