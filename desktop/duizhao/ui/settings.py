"""The user's settings: a typed object, a readable JSON file, and a forgiving loader.

- :class:`Settings` — every setting with its default and a schema version.
- :func:`settings_path` — ``settings.json`` in the platform's config directory
  (:func:`duizhao.locations.config_dir`).
- :func:`load_settings` — never fails: a missing file gives the defaults; a file
  that cannot be read or parsed, or fields of the wrong type, out of range or
  unknown, give the defaults for what is bad plus one warning line each, and
  the user's file is kept beside it as ``settings.json.bad-<timestamp>``.
  A file from a newer Duizhao is read for what this version knows.
- :func:`save_settings` — atomic (temporary file, then ``os.replace``), sorted
  keys and indentation so a person can read and edit it; raises
  :class:`SettingsError` with one line when the directory cannot be written.
- :func:`save_geometry` / :func:`restore_geometry` — window geometry and dock
  state in ``QSettings`` (an INI file beside ``settings.json``), the only thing
  kept there.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from duizhao.locations import config_dir

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
THEMES = ("light", "dark", "system")
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "DATE", "NUMBER")
SEARCH_SORTS = ("relevance", "date")
FONT_SIZES = (8, 48)
ZOOM_RANGE = (0.25, 4.0)
PANE_COUNTS = (2, 4)
LANGUAGES = ("system", "en", "zh_CN", "zh_TW")
#: Settings earlier versions kept and this one reads no more (open articles now
#: belong to each library: duizhao.ui.session); skipped without a warning.
RETIRED = frozenset({"open_articles", "global_view"})
MAX_TEXT = 4096  # characters in a font name or a path


class SettingsError(Exception):
    """The settings file could not be written; the message is one line for the user."""


@dataclass(slots=True)
class Settings:
    """Everything the window remembers between sessions, with its defaults."""

    schema_version: int = SCHEMA_VERSION
    theme: str = "system"
    font_family: str = ""  # "" = the default CJK font (duizhao.ui.theme.default_cjk_font)
    font_size: int = 14
    zoom: float = 1.0
    pane_count: int = 2
    sync_scroll: bool = True
    visible_types: list[str] = field(default_factory=lambda: list(ENTITY_TYPES))
    search_sort: str = "relevance"
    language: str = "system"  # the interface's: system, en, zh_CN, zh_TW
    reading_aid: bool = False  # pinyin and glosses on hover; off until asked for
    recent_import_dir: str = ""
    library_dir: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


# -- validation: each returns the clean value or raises ValueError(reason) ---------


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_kind(value)}")
    if len(value) > MAX_TEXT or "\x00" in value:
        raise ValueError("text too long or with a NUL character")
    return value


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options or not isinstance(value, str):
            raise ValueError(f"expected one of {', '.join(options)}, got {_show(value)}")
        return value

    return check


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, got {_kind(value)}")
        if not low <= value <= high:
            raise ValueError(f"expected {low} to {high}, got {_show(value)}")
        return value

    return check


def _zoom(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {_kind(value)}")
    number = float(value) if isinstance(value, float) or abs(value) < 10**6 else math.inf
    low, high = ZOOM_RANGE
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"expected {low:g} to {high:g}, got {_show(value)}")
    return number


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_kind(value)}")
    return value


def _types(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {_kind(value)}")
    bad = [v for v in value if v not in ENTITY_TYPES or not isinstance(v, str)]
    if bad:
        raise ValueError(f"unknown entity types {_show(bad)}; known: {', '.join(ENTITY_TYPES)}")
    return [t for t in ENTITY_TYPES if t in value]


def _optional_text(value: Any) -> str | None:
    return None if value is None or value == "" else _text(value)


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "theme": _choice(THEMES),
    "font_family": _text,
    "font_size": _integer(*FONT_SIZES),
    "zoom": _zoom,
    "pane_count": _integer(*PANE_COUNTS),
    "sync_scroll": _boolean,
    "visible_types": _types,
    "search_sort": _choice(SEARCH_SORTS),
    "language": _choice(LANGUAGES),
    "reading_aid": _boolean,
    "recent_import_dir": _text,
    "library_dir": _optional_text,
}
assert set(_CHECKS) == {f.name for f in fields(Settings)} - {"schema_version"}


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):
        text = _kind(value)
    return text if len(text) <= 40 else text[:37] + "..."


# -- loading and saving ------------------------------------------------------------


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """The settings in ``path`` and one warning line per problem; never raises."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        reason = f"cannot read {path}: {exc.strerror or exc}; using the defaults"
        return Settings(), [reason + _keep(path, None)]
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        problem = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else "not valid JSON"
        if isinstance(exc, RecursionError):
            problem = "nested too deeply"
        return Settings(), [f"{path} is {problem}; using the defaults" + _keep(path, data)]
    if not isinstance(raw, dict):
        warning = f"{path} holds {_kind(raw)}, not an object of settings; using the defaults"
        return Settings(), [warning + _keep(path, data)]
    settings, warnings = _from_mapping(raw)
    if warnings:
        warnings[-1] += _keep(path, data)
    return settings, warnings


def _from_mapping(raw: dict[str, Any]) -> tuple[Settings, list[str]]:
    warnings: list[str] = []
    version = raw.get("schema_version", SCHEMA_VERSION)
    newer = False
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        warnings.append(f"schema_version: expected a positive whole number, got {_show(version)}")
    elif version > SCHEMA_VERSION:
        newer = True
        warnings.append(
            f"settings written by a newer Duizhao (schema {version}, this one reads "
            f"{SCHEMA_VERSION}); reading the settings this version knows"
        )
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "schema_version":
            continue
        check = _CHECKS.get(key)
        if key in RETIRED:
            continue
        if check is None:
            if not newer:
                warnings.append(f"{_show(key)}: unknown setting, ignored")
            continue
        try:
            values[key] = check(value)
        except (ValueError, TypeError) as exc:
            default = getattr(Settings(), key)
            warnings.append(f"{key}: {exc}; using the default {_show(default)}")
    return Settings(**values), warnings


def _keep(path: Path, data: bytes | None) -> str:
    """Keep the user's file as ``<name>.bad-<timestamp>``; the text for the warning."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.bad-{stamp}")
    counter = 1
    while backup.exists():
        counter += 1
        backup = path.with_name(f"{path.name}.bad-{stamp}-{counter}")
    try:
        if data is None:
            os.replace(path, backup)  # unreadable: move it aside rather than overwrite it
        else:
            backup.write_bytes(data)
    except OSError as exc:
        return f" (could not keep a copy: {exc.strerror or exc})"
    return f" (the file was kept as {backup.name})"


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically; :class:`SettingsError` if it cannot."""
    path = Path(path)
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise SettingsError(f"cannot save settings to {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# -- window geometry (QSettings) ----------------------------------------------------


def _geometry_store(directory: Path | None) -> QSettings:
    where = (directory or config_dir()) / "window.ini"
    return QSettings(str(where), QSettings.Format.IniFormat)


def save_geometry(window: QMainWindow, directory: Path | None = None) -> None:
    store = _geometry_store(directory)
    store.setValue("main/geometry", window.saveGeometry())
    store.setValue("main/state", window.saveState())
    store.sync()


def restore_geometry(window: QMainWindow, directory: Path | None = None) -> bool:
    """Restore what :func:`save_geometry` kept; False when nothing usable was there."""
    store = _geometry_store(directory)
    geometry, state = store.value("main/geometry"), store.value("main/state")
    restored = False
    if geometry is not None:
        try:
            restored = bool(window.restoreGeometry(geometry))
        except (TypeError, ValueError):
            restored = False
    if state is not None:
        with contextlib.suppress(TypeError, ValueError):
            window.restoreState(state)
    return restored
