"""News feeds the user subscribed to, and the items already taken from them.

Two tables (schema migration 9): ``feeds`` holds each subscription's address,
the title the feed gave itself, when it was last fetched and the last error;
``feed_items`` remembers every item already imported (or found in the
library already), by its key -- the feed's GUID or id, else its link -- so a
later fetch skips it. An item's link is kept too, so the same page offered by
two feeds, or imported by hand from its address, is not fetched again
(:func:`known_url`).

This module stores and reads; fetching and parsing feeds is
:mod:`duizhao.core.ingest.feeds`. Bad input raises :class:`FeedError` whose
message is one line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duizhao.core.library.store import Library

MAX_URL = 2000


class FeedError(ValueError):
    """A subscription that cannot be made or found; the message is one line."""


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    added_at: str
    fetched_at: str | None
    error: str | None
    items: int  # items taken from it so far

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "added_at": self.added_at,
            "fetched_at": self.fetched_at,
            "error": self.error,
            "items": self.items,
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


_COLUMNS = (
    "f.id, f.url, f.title, f.added_at, f.fetched_at, f.error, "
    "(SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id)"
)


def _feed(row: tuple[object, ...]) -> Feed:
    def text(value: object) -> str | None:
        return None if value is None else str(value)

    return Feed(
        int(str(row[0])),
        str(row[1]),
        text(row[2]),
        str(row[3]),
        text(row[4]),
        text(row[5]),
        int(str(row[6])),
    )


def list_feeds(library: Library) -> list[Feed]:
    """Every subscription, in the order they were added."""
    return [_feed(r) for r in library.query(f"SELECT {_COLUMNS} FROM feeds f ORDER BY f.id")]


def add_feed(library: Library, url: str) -> tuple[Feed, bool]:
    """Subscribe to ``url`` (checked by the caller); the feed, and whether it is new."""
    if not url or len(url) > MAX_URL:
        raise FeedError(f"a feed address must have 1 to {MAX_URL} characters")
    with library.transaction() as db:
        created = db.execute(
            "INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", (url, _now())
        ).rowcount
    [row] = library.query(f"SELECT {_COLUMNS} FROM feeds f WHERE f.url = ?", (url,))
    return _feed(row), bool(created)


def find_feed(library: Library, url_or_id: str | int) -> Feed:
    rows = []
    if isinstance(url_or_id, int) or str(url_or_id).isdigit():
        rows = library.query(f"SELECT {_COLUMNS} FROM feeds f WHERE f.id = ?", (int(url_or_id),))
    if not rows:
        rows = library.query(f"SELECT {_COLUMNS} FROM feeds f WHERE f.url = ?", (str(url_or_id),))
    if not rows:
        raise FeedError(f"no feed {url_or_id} among the subscriptions (see `duizhao feeds list`)")
    return _feed(rows[0])


def remove_feed(library: Library, feed_id: int) -> None:
    """End a subscription; the articles taken from it stay in the library."""
    with library.transaction() as db:
        db.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
        db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def record_fetch(library: Library, feed_id: int, title: str | None, error: str | None) -> None:
    """When the feed was fetched, the title it gave and the error, if any (a
    title already known is kept when the fetch failed)."""
    with library.transaction() as db:
        db.execute(
            "UPDATE feeds SET fetched_at = ?, title = COALESCE(?, title), error = ? WHERE id = ?",
            (_now(), title, error, feed_id),
        )


def seen_keys(library: Library, feed_id: int) -> set[str]:
    rows = library.query("SELECT key FROM feed_items WHERE feed_id = ?", (feed_id,))
    return {str(r[0]) for r in rows}


def known_url(library: Library, url: str) -> int | None:
    """The article (not in the trash) imported from ``url``, by any feed or by hand."""
    rows = library.query(
        "SELECT id FROM articles WHERE url = ? AND deleted_at IS NULL "
        "UNION SELECT i.article_id FROM feed_items i JOIN articles a ON a.id = i.article_id "
        "WHERE i.url = ? AND a.deleted_at IS NULL ORDER BY 1 LIMIT 1",
        (url, url),
    )
    return None if not rows else int(str(rows[0][0]))


def mark_seen(
    library: Library, feed_id: int, key: str, url: str | None, article_id: int | None
) -> None:
    with library.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO feed_items (feed_id, key, url, article_id, seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (feed_id, key, url, article_id, _now()),
        )
