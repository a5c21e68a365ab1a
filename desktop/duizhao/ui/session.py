"""What the window remembers per library: open articles, views, panes, the comparison.

Every library has its own small state file, so the demo library and a user's
library (or two of a user's libraries) never see each other's articles:
``<config>/libraries/<key>.json``, where the key is made from the library's
resolved path (:func:`state_path`). The user's settings (theme, font, zoom,
language …) stay in ``settings.json`` and hold for every library.

- :class:`LibraryState` — the panes left to right (article id or none, view,
  whether the entity list was open), which pane was active, the panes'
  widths, and the comparison last shown (articles, own topic, selected topic,
  relation filter) and whether its area was open.
- :func:`load_state` never fails: a missing, unreadable or malformed file
  gives an empty state (and one line saying why, for a damaged file);
  entries that make no sense are dropped one by one.
- :func:`save_state` writes atomically, sorted and indented, like the settings.

An article that has left the library since is skipped quietly by the window
(:meth:`duizhao.ui.mainwindow.MainWindow.restore_session`), never reported as
an error at start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from duizhao.core.text import VIEWS

SCHEMA_VERSION = 1
FOLDER = "libraries"
MAX_PANES = 4
MAX_COMPARED = 64
RELATION_FILTERS = ("all", "contradicts", "differs", "agrees", "related")


@dataclass(slots=True)
class PaneState:
    article_id: int | None = None
    view: str = "original"
    sidebar: bool = True


@dataclass(slots=True)
class CompareState:
    ids: list[int] = field(default_factory=list)
    topic: str | None = None  # the reader's own topic, if any
    topic_key: str | None = None  # the topic selected
    filter: str = "all"
    open: bool = False  # the comparison area was showing


@dataclass(slots=True)
class LibraryState:
    library: str = ""  # the library's path, for a person reading the file
    panes: list[PaneState] = field(default_factory=list)
    active: int = 0
    sizes: list[int] = field(default_factory=list)  # the panes' widths, left to right
    compare: CompareState = field(default_factory=CompareState)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["schema_version"] = SCHEMA_VERSION
        return data


def library_key(library_dir: Path) -> str:
    """A file name for a library: its folder's name and a hash of its full path."""
    resolved = Path(library_dir).expanduser().resolve()
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:16]
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in resolved.name)[:40]
    return f"{name or 'library'}-{digest}"


def state_path(config_dir: Path, library_dir: Path) -> Path:
    return Path(config_dir) / FOLDER / f"{library_key(library_dir)}.json"


# -- reading ------------------------------------------------------------------------


def _int(value: Any, low: int = 0) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        return None
    return value if value <= 2**63 - 1 else None


def _pane(raw: Any) -> PaneState | None:
    if not isinstance(raw, dict):
        return None
    article = raw.get("article_id")
    article_id = _int(article, 1) if article is not None else None
    if article is not None and article_id is None:
        return None
    view = raw.get("view", "original")
    view = view if isinstance(view, str) and view in VIEWS else "original"
    sidebar = raw.get("sidebar", True)
    return PaneState(article_id, view, sidebar if isinstance(sidebar, bool) else True)


def _compare(raw: Any) -> CompareState:
    if not isinstance(raw, dict):
        return CompareState()
    ids_raw = raw.get("ids", [])
    ids = (
        [i for i in (_int(v, 1) for v in ids_raw[:MAX_COMPARED]) if i is not None]
        if (isinstance(ids_raw, list))
        else []
    )
    topic, key = raw.get("topic"), raw.get("topic_key")
    relation = raw.get("filter", "all")
    opened = raw.get("open", False)
    return CompareState(
        ids=list(dict.fromkeys(ids)),
        topic=topic if isinstance(topic, str) and topic.strip() else None,
        topic_key=key if isinstance(key, str) and key else None,
        filter=relation if relation in RELATION_FILTERS else "all",
        open=opened if isinstance(opened, bool) else False,
    )


def from_mapping(raw: dict[str, Any]) -> LibraryState:
    panes_raw = raw.get("panes", [])
    panes = (
        [p for p in map(_pane, panes_raw[:MAX_PANES]) if p is not None]
        if (isinstance(panes_raw, list))
        else []
    )
    sizes_raw = raw.get("sizes", [])
    sizes = (
        [s for s in (_int(v) for v in sizes_raw[:MAX_PANES]) if s is not None]
        if (isinstance(sizes_raw, list))
        else []
    )
    active = _int(raw.get("active", 0)) or 0
    library = raw.get("library", "")
    return LibraryState(
        library=library if isinstance(library, str) else "",
        panes=panes,
        active=min(active, max(0, len(panes) - 1)),
        sizes=sizes if len(sizes) == len(panes) else [],
        compare=_compare(raw.get("compare")),
    )


def load_state(path: Path) -> tuple[LibraryState, str | None]:
    """The state in ``path`` and, for a damaged file, one line saying so."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LibraryState(), None
    except (OSError, ValueError, RecursionError) as exc:
        return LibraryState(), f"{path}: not readable ({type(exc).__name__}); starting afresh"
    if not isinstance(raw, dict):
        return LibraryState(), f"{path}: not an object; starting afresh"
    return from_mapping(raw), None


def save_state(path: Path, state: LibraryState) -> None:
    """Write ``state`` atomically; raises OSError when the folder cannot be written."""
    path = Path(path)
    text = json.dumps(state.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
