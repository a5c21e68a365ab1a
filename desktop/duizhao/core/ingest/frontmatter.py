"""YAML front matter (``---`` … ``---`` at the top of a Markdown file), read safely.

Front matter is a handful of fields, so whatever is not is refused with a
one-line reason (:class:`~duizhao.core.ingest.readers.ReadError`) instead of
stopping the import or eating memory:

- :class:`_Loader` is PyYAML's safe loader without aliases (2.4 KB of nested
  ``*alias`` references expand to gigabytes), without nesting deeper than
  :data:`MAX_DEPTH` (the composer recurses: 20,000 levels end in a
  RecursionError), and with dates left as text for :mod:`.dates` (YAML's own
  timestamps turn ``2026-13-45`` into a ValueError); :data:`MAX_BYTES` bounds
  the block;
- :func:`metadata` takes the fields DESIGN.md names (``title``, ``source``,
  ``author``, ``translator``, ``url``, ``date``): a text field must be text or a
  number (a list of them is joined with 、), so binary data or a mapping is a
  reason, never a Python repr in the title; a date must be one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from duizhao.core.ingest.dates import normalise_datetime
from duizhao.core.library import Metadata

MAX_BYTES = 64 * 1024
MAX_DEPTH = 16

FIELDS = {
    "title": "title",
    "source": "source",
    "author": "author",
    "translator": "translator",
    "url": "url",
    "date": "published",
    "published": "published",
}


class FrontMatterError(ValueError):
    """Front matter Duizhao will not read; the message is one line."""


class _Refused(yaml.YAMLError):
    pass


class _Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _Refused("front matter uses a YAML alias (*name), which Duizhao does not read")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"front matter is nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(block: str) -> Any:
    """The YAML of a front matter block, read safely; :class:`FrontMatterError`."""
    if len(block.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise FrontMatterError(f"front matter larger than {MAX_BYTES // 1024} KB")
    try:
        return yaml.load(block, Loader=_Loader)  # noqa: S506 - a safe loader, see above
    except _Refused as exc:
        raise FrontMatterError(str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # explicit !!tags
        raise FrontMatterError(f"front matter has a value YAML cannot make ({exc})") from None


def metadata(block: str) -> Metadata:
    """The fields of a front matter block; :class:`FrontMatterError` with a reason."""
    data = load(block)
    if data is None:
        return Metadata()
    if not isinstance(data, dict):
        raise FrontMatterError("front matter is not a YAML mapping of fields")
    found = Metadata()
    for key, value in data.items():
        name = FIELDS.get(str(key).lower())
        if name is None or value is None:
            continue
        if name == "published":
            published = _date(value)
            if published is None:
                raise FrontMatterError(f"front matter date is not a date: {_shown(value)}")
            found.published = published
        else:
            setattr(found, name, _text(str(key), value))
    return found


def _plain(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _text(key: str, value: Any) -> str | None:
    if isinstance(value, list) and all(_plain(v) for v in value):
        text = "、".join(str(v).strip() for v in value)
    elif _plain(value):
        text = str(value).strip()
    else:
        raise FrontMatterError(f"front matter {key} is {_kind(value)}, not text")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise FrontMatterError(f"front matter {key} holds a lone surrogate escape, not text")
    return text or None


def _date(value: Any) -> str | None:
    if isinstance(value, dt.datetime | dt.date):  # an explicit !!timestamp
        return value.isoformat()
    return normalise_datetime(str(value)) if _plain(value) else None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping of fields"
    if isinstance(value, bytes | bytearray):
        return "binary data"
    if isinstance(value, set):
        return "a set"
    if isinstance(value, list | tuple):
        return "a list holding more than text"
    return f"a {type(value).__name__}"


def _shown(value: Any, limit: int = 40) -> str:
    """A value for a one-line reason: quoted, short, control characters escaped."""
    text = value if isinstance(value, str) else repr(value)
    flat = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)
    return "'" + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + "'"
