"""Saved comparison workspaces, and the notes and pins on comparison rows.

Two kinds of record, both in the library (schema migration 4):

- a **workspace** is a named comparison to reopen: the article ids in the
  order they were chosen, the topic the user typed (if any) and a small JSON
  ``state`` the window keeps for itself (the selected topic, the relation
  filter). Names are unique (case-insensitively); saving under an existing
  name replaces that workspace and keeps its id.
- a **row note** belongs to a row of a comparison, found again by three
  strings: the *article-set key* (:func:`article_set_key`: the sorted distinct
  ids), the topic's key and the row's key (``Topic.key``/``Row.key`` of
  :mod:`duizhao.core.compare.comparison`, stable when the same comparison is computed
  again). A row note holds the note text and whether the row is pinned; a
  row with neither is not stored. Notes belong to the article set, not to a
  workspace, so every workspace over the same articles sees them.

Every write goes through :meth:`Library.transaction`. Bad input (an empty or
overlong name or note, unknown article ids, an unknown workspace) raises a
:class:`WorkspaceError` whose message is one line for the user.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from duizhao.core.library.store import Library

MAX_NAME = 120  # characters of a workspace name
MAX_NOTE = 10_000  # characters of a row note
MAX_KEY = 200  # characters of a topic or row key


class WorkspaceError(ValueError):
    """Bad input for a workspace or a row note; the message is one line."""


class WorkspaceNotFound(WorkspaceError):
    """No workspace with that name or id."""


@dataclass(frozen=True, slots=True)
class Workspace:
    id: int
    name: str
    article_ids: tuple[int, ...]
    topic: str | None
    state: dict[str, object] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    #: article ids of this workspace no longer in the library (or in the trash)
    missing: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RowNote:
    topic_key: str
    row_key: str
    note: str
    pinned: bool
    updated_at: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _one_line(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# -- checks ----------------------------------------------------------------------


def _ids(ids: Iterable[object]) -> list[int]:
    """Distinct article ids in their first order; anything not an id is refused."""
    out: list[int] = []
    for value in ids:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise WorkspaceError(f"not an article id: {_one_line(repr(value))}")
        if value not in out:
            out.append(value)
    return out


def article_set_key(ids: Iterable[int]) -> str:
    """The key of a set of articles: distinct ids, sorted, joined by commas."""
    distinct = _ids(ids)
    if not distinct:
        raise WorkspaceError("no articles given")
    return ",".join(str(i) for i in sorted(distinct))


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise WorkspaceError("a workspace name must be text")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise WorkspaceError("a workspace needs a name")
    if len(cleaned) > MAX_NAME:
        raise WorkspaceError(
            f"workspace name too long ({len(cleaned)} characters, at most {MAX_NAME})"
        )
    return cleaned


def _key(what: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise WorkspaceError(f"a {what} key must be non-empty text")
    if len(value) > MAX_KEY:
        raise WorkspaceError(f"{what} key too long ({len(value)} characters, at most {MAX_KEY})")
    return value


def _check_articles(library: Library, ids: list[int]) -> None:
    marks = ", ".join("?" for _ in ids)
    rows = library.query(
        f"SELECT id FROM articles WHERE deleted_at IS NULL AND id IN ({marks})", tuple(ids)
    )
    present = {int(str(r[0])) for r in rows}
    unknown = [i for i in ids if i not in present]
    if unknown:
        listed = ", ".join(str(i) for i in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        noun = "article" if len(unknown) == 1 else "articles"
        raise WorkspaceError(f"no {noun} with id {listed} in the library")


# -- workspaces ------------------------------------------------------------------


def save_workspace(
    library: Library,
    name: str,
    article_ids: Iterable[int],
    topic: str | None = None,
    state: Mapping[str, object] | None = None,
) -> int:
    """Save (or replace, by name) a workspace; returns its id."""
    cleaned = _name(name)
    ids = _ids(article_ids)
    if len(ids) < 2:
        raise WorkspaceError("a workspace needs at least two different articles")
    _check_articles(library, ids)
    topic = topic.strip() if isinstance(topic, str) and topic.strip() else None
    if topic is not None and len(topic) > MAX_NAME:
        raise WorkspaceError(f"topic too long ({len(topic)} characters, at most {MAX_NAME})")
    try:
        state_json = json.dumps(dict(state or {}), ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise WorkspaceError(f"workspace state cannot be saved: {exc}") from None
    now = _now()
    with library.transaction() as db:
        db.execute(
            "INSERT INTO workspaces (name, articles, topic, state, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET name = excluded.name, "
            "articles = excluded.articles, topic = excluded.topic, state = excluded.state, "
            "updated_at = excluded.updated_at",
            (cleaned, json.dumps(ids), topic, state_json, now, now),
        )
        row = db.execute("SELECT id FROM workspaces WHERE name = ?", (cleaned,)).fetchone()
    return int(row[0])


_COLUMNS = "id, name, articles, topic, state, created_at, updated_at"


def _workspace(row: tuple[object, ...], present: set[int]) -> Workspace:
    try:
        ids = tuple(int(i) for i in json.loads(str(row[2])))
    except (ValueError, TypeError):
        ids = ()
    try:
        state = json.loads(str(row[4]))
    except ValueError:
        state = {}
    return Workspace(
        id=int(str(row[0])),
        name=str(row[1]),
        article_ids=ids,
        topic=None if row[3] is None else str(row[3]),
        state=state if isinstance(state, dict) else {},
        created_at=str(row[5]),
        updated_at=str(row[6]),
        missing=tuple(i for i in ids if i not in present),
    )


def list_workspaces(library: Library) -> list[Workspace]:
    """Every saved workspace, the most recently saved first."""
    present = set(library.ids())
    rows = library.query(f"SELECT {_COLUMNS} FROM workspaces ORDER BY updated_at DESC, id DESC")
    return [_workspace(r, present) for r in rows]


def _find(library: Library, name_or_id: str | int) -> tuple[object, ...]:
    if isinstance(name_or_id, bool):
        raise WorkspaceNotFound(f"no workspace {name_or_id!r}")
    if isinstance(name_or_id, int):
        rows = library.query(f"SELECT {_COLUMNS} FROM workspaces WHERE id = ?", (name_or_id,))
        if not rows:
            raise WorkspaceNotFound(f"no workspace with id {name_or_id}")
        return rows[0]
    if not isinstance(name_or_id, str) or not name_or_id.strip():
        raise WorkspaceError("a workspace needs a name")
    cleaned = " ".join(name_or_id.split())
    rows = library.query(f"SELECT {_COLUMNS} FROM workspaces WHERE name = ?", (cleaned,))
    if not rows:
        raise WorkspaceNotFound(f"no workspace named “{_one_line(cleaned)}”")
    return rows[0]


def load_workspace(library: Library, name_or_id: str | int) -> Workspace:
    """A saved workspace by name (case-insensitive) or id."""
    return _workspace(_find(library, name_or_id), set(library.ids()))


def delete_workspace(library: Library, name_or_id: str | int) -> None:
    """Delete a saved workspace (its rows' notes stay with the article set)."""
    row = _find(library, name_or_id)
    with library.transaction() as db:
        db.execute("DELETE FROM workspaces WHERE id = ?", (row[0],))


# -- row notes and pins ----------------------------------------------------------


def _set(
    library: Library, ids: Iterable[int], topic_key: str, row_key: str, **changes: object
) -> RowNote | None:
    key = article_set_key(ids)
    topic_key, row_key = _key("topic", topic_key), _key("row", row_key)
    _check_articles(library, [int(i) for i in key.split(",")])
    now = _now()
    with library.transaction() as db:
        found = db.execute(
            "SELECT note, pinned FROM row_notes "
            "WHERE article_set = ? AND topic_key = ? AND row_key = ?",
            (key, topic_key, row_key),
        ).fetchone()
        note = str(changes.get("note", found[0] if found else ""))
        pinned = bool(changes.get("pinned", bool(found[1]) if found else False))
        if not note and not pinned:
            db.execute(
                "DELETE FROM row_notes WHERE article_set = ? AND topic_key = ? AND row_key = ?",
                (key, topic_key, row_key),
            )
            return None
        db.execute(
            "INSERT INTO row_notes (article_set, topic_key, row_key, note, pinned, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(article_set, topic_key, row_key) "
            "DO UPDATE SET note = excluded.note, pinned = excluded.pinned, "
            "updated_at = excluded.updated_at",
            (key, topic_key, row_key, note, int(pinned), now),
        )
    return RowNote(topic_key, row_key, note, pinned, now)


def set_note(
    library: Library, ids: Iterable[int], topic_key: str, row_key: str, text: str
) -> RowNote | None:
    """Attach a note to a row (empty text removes it); returns what is stored."""
    if not isinstance(text, str):
        raise WorkspaceError("a note must be text")
    text = text.strip()
    if len(text) > MAX_NOTE:
        raise WorkspaceError(f"note too long ({len(text)} characters, at most {MAX_NOTE})")
    return _set(library, ids, topic_key, row_key, note=text)


def set_pinned(
    library: Library, ids: Iterable[int], topic_key: str, row_key: str, pinned: bool
) -> RowNote | None:
    """Pin or unpin a row; returns what is stored (None: nothing left for the row)."""
    return _set(library, ids, topic_key, row_key, pinned=bool(pinned))


def notes_for(library: Library, ids: Iterable[int]) -> dict[tuple[str, str], RowNote]:
    """Every note and pin of this article set, by (topic key, row key)."""
    key = article_set_key(ids)
    rows = library.query(
        "SELECT topic_key, row_key, note, pinned, updated_at FROM row_notes WHERE article_set = ?",
        (key,),
    )
    return {
        (str(r[0]), str(r[1])): RowNote(str(r[0]), str(r[1]), str(r[2]), bool(r[3]), str(r[4]))
        for r in rows
    }
