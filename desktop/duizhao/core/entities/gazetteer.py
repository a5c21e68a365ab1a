"""The entity gazetteer: known people, places and organisations, and the names they go by.

What it holds
    ``resources/gazetteer/*.yaml`` (one YAML list per file) describe entities
    that East-Asian and world news keep naming. Each entry has a stable ASCII
    ``id`` (``donald-trump``), a ``type`` (``PERSON``, ``PLACE`` or ``ORG``), a
    canonical Simplified display ``name`` (特朗普), the ``aliases`` it appears
    under — regional usages that differ by more than script (Taiwan 川普,
    mainland 特朗普; 普京 / 普丁 / 蒲亭), full names with the middle dot, English
    names, common abbreviations — and an optional English ``note``.

How names are matched
    Every alias and every canonical name is indexed by its *normalised* form
    (:func:`normalise`): surrounding space stripped; NFKC (full-width Latin
    letters and digits become ASCII); Latin accents dropped (Orbán → orban);
    case folded; spaces, middle dots (· ・ • ‧ …), hyphens, apostrophes and
    periods removed (唐纳德·特朗普 → 唐纳德特朗普, Kim Jong-un → kimjongun); then
    Taiwan phrases and Traditional characters turned Simplified with OpenCC
    ``tw2sp`` followed by ``hk2s`` (紐西蘭 → 新西兰, 北韓 → 北韩, 世衞 → 世卫;
    ``hk2s`` is ``t2s`` plus Hong Kong variant characters). Each name is also
    indexed by its character-only ``hk2s`` form when that differs
    (纽西兰, the Taiwan name in Simplified script), and a lookup tries both
    forms of the surface, normalised first (:func:`lookup_forms`). So script
    variants need not be listed, and a Traditional article's 普丁 finds the
    same entry as a Simplified one's 普京 (listed as an alias). One normalised
    form belongs to one entry at most: when a short name is shared (李强 the
    premier, 外交部 of several governments) the data gives it to one entry and
    says so in that entry's ``note``; loading refuses an alias claimed twice.

How linking uses it
    Entity recognition finds spans in the normalised analysis text; linking
    calls :meth:`Gazetteer.lookup` on each span's text. A recognised entity's
    ``entity_id`` (``duizhao show`` / ``duizhao entities``) is the gazetteer
    ``id`` of the entry found — e.g. ``"donald-trump"`` for 川普, 特朗普 and
    "Donald Trump" alike — and its ``canonical`` is that entry's ``name``.
    Names the gazetteer does not know get an id made from their normalised
    form instead (that part belongs to the linker, not to this module).
    Gazetteer ids are therefore a contract: never rename or reuse one.

Loading errors (bad YAML, an unknown type or key, a missing field, a duplicate
id, an alias claimed by two entries, a one-character alias) raise
:class:`GazetteerError` with a one-line message naming the file and the entry.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from duizhao.core.resources import ResourceError, resource_path
from duizhao.core.text import convert

EntityType = Literal["PERSON", "PLACE", "ORG"]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
#: The folder under ``resources/`` whose ``*.yaml`` files make the default gazetteer.
RESOURCE_DIR = "gazetteer"
#: The OpenCC configurations a surface goes through, in order: Taiwan phrases
#: and characters, then ``hk2s`` — ``t2s`` plus the Hong Kong variant
#: characters ``t2s`` leaves alone (世衞 → 世卫, 總枱 → 总台, 敍利亞 → 叙利亚).
NORMALISE_CONFIGS = ("tw2sp", "hk2s")
#: The character-only form also indexed (see :func:`lookup_forms`).
SIMPLIFIED_CONFIG = "hk2s"

#: libyaml's safe loader when PyYAML was built with it: ten times faster here.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEYS = frozenset({"id", "type", "name", "aliases", "note"})
_REQUIRED = ("id", "type", "name")
#: Dropped from surfaces: white space, middle-dot variants, hyphens, apostrophes,
#: periods and the double hyphens Japanese writes between foreign given and family names.
_SEPARATORS = re.compile(r"[\s·・•‧∙⋅\-‐‑‒–'’ʼ‘.=゠]+")
#: Combining diacritics (Latin accents); kana voicing marks are elsewhere and stay.
_ACCENTS = re.compile(r"[\u0300-\u036f]")


class GazetteerError(ValueError):
    """A gazetteer file that cannot be loaded; the message is one line."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name, then the aliases, as written in the data."""
        return (self.name, *self.aliases)


# -- normalisation ----------------------------------------------------------------


def _fold(surface: str) -> str:
    """Everything :func:`normalise` does except the OpenCC conversion."""
    text = unicodedata.normalize("NFKC", surface.strip())
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        if _ACCENTS.search(decomposed):
            text = unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))
    return _SEPARATORS.sub("", text.casefold())


@lru_cache(maxsize=8192)
def normalise(surface: str) -> str:
    """The form names are indexed and looked up by (see the module docstring)."""
    return _forms_many([surface])[0][0]


@lru_cache(maxsize=8192)
def lookup_forms(surface: str) -> tuple[str, ...]:
    """The forms :meth:`Gazetteer.lookup` tries for ``surface``, best first:
    :func:`normalise`, then (when it differs) the character-only ``hk2s`` form."""
    return _forms_many([surface])[0]


def _forms_many(surfaces: Sequence[str]) -> list[tuple[str, ...]]:
    """Each surface's forms — the normalised one, then the ``hk2s``-only one
    when it differs — with three OpenCC calls for the lot.

    Why two: ``tw2sp`` rewrites Taiwan phrases (紐西蘭 → 新西兰), so the
    Simplified-script spelling of a Taiwan name (纽西兰, as Malaysian and
    Singaporean papers write it) would otherwise match nothing; and ``tw2sp``
    also rewrites a few Simplified phrases (尼日利亚 → 尼日尔利亚, 查德 → 乍得),
    harmless as long as both sides of a lookup are treated the same."""
    folded = [_fold(s) for s in surfaces]
    out: list[tuple[str, ...]] = [(text,) for text in folded]
    todo = [k for k, text in enumerate(folded) if not text.isascii()]
    if not todo:
        return out
    texts = [folded[k] for k in todo]
    simplified = _convert_lines(texts, SIMPLIFIED_CONFIG)
    normalised = texts
    for config in NORMALISE_CONFIGS:
        normalised = _convert_lines(normalised, config)
    for k, first, second in zip(todo, normalised, simplified, strict=True):
        out[k] = (first,) if first == second else (first, second)
    return out


def _convert_lines(texts: list[str], config: str) -> list[str]:
    """``texts`` converted with one OpenCC call (lines never merge phrases)."""
    converted = convert("\n".join(texts), config).split("\n")
    if len(converted) != len(texts):  # never seen; no guessing
        converted = [convert(text, config) for text in texts]
    return converted


# -- parsing ----------------------------------------------------------------------


def parse_entries(text: str, source: str = "<text>") -> list[Entry]:
    """The entries in one gazetteer file's ``text``; ``source`` names it in errors."""
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{source}: not valid YAML: {_yaml_problem(exc)}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise GazetteerError(f"{source}: expected a YAML list of entries, got {_kind(data)}")
    return [_entry(item, source, index) for index, item in enumerate(data, start=1)]


def _entry(item: Any, source: str, index: int) -> Entry:
    where = f"{source}: entry {index}"
    if not isinstance(item, dict):
        raise GazetteerError(f"{where}: expected a mapping, got {_kind(item)}")
    if isinstance(item.get("id"), str):
        where = f"{where} ({item['id']})"
    for key in _REQUIRED:
        if key not in item or item[key] is None or item[key] == "":
            raise GazetteerError(f"{where}: missing field {key!r}")
    unknown = sorted(str(key) for key in item if key not in _KEYS)
    if unknown:
        raise GazetteerError(f"{where}: unknown field {unknown[0]!r}")
    entry_id = item["id"]
    if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
        raise GazetteerError(
            f"{where}: id must be a lower-case ASCII slug like 'donald-trump', got {entry_id!r}"
        )
    entity_type = item["type"]
    if entity_type not in ENTITY_TYPES:
        raise GazetteerError(
            f"{where}: unknown type {entity_type!r} (expected {' | '.join(ENTITY_TYPES)})"
        )
    name = item["name"]
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f"{where}: name must be text, got {name!r}")
    aliases = item.get("aliases")
    if aliases is None:
        aliases = []
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and alias.strip() for alias in aliases
    ):
        raise GazetteerError(f"{where}: aliases must be a list of non-empty texts")
    note = item.get("note")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise GazetteerError(f"{where}: note must be text, got {_kind(note)}")
    return Entry(
        id=entry_id,
        type=entity_type,
        name=name.strip(),
        aliases=tuple(alias.strip() for alias in aliases),
        note=note.strip(),
    )


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or (str(exc).splitlines() or ["?"])[0]
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return f"{problem} at line {mark.line + 1}, column {mark.column + 1}"
    return str(problem)


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


# -- the gazetteer ----------------------------------------------------------------

#: What :meth:`Gazetteer.load` accepts for one file: a resource name relative to
#: ``resources/`` (``"gazetteer/people.yaml"``), or an absolute path / a Path.
FileSpec = str | os.PathLike[str]


class Gazetteer:
    """Entries by id and by normalised name. Immutable once built; thread-safe to read."""

    def __init__(self, sources: Iterable[tuple[str, Iterable[Entry]]] = ()) -> None:
        """Index ``(source name, entries)`` pairs; raise :class:`GazetteerError`
        on a duplicate id or an alias claimed by two entries."""
        self._entries: dict[str, Entry] = {}
        self._aliases: dict[str, str] = {}
        origin: dict[str, str] = {}  # entry id -> source
        claimed: dict[str, str] = {}  # normalised alias -> surface as written
        for source, entries in sources:
            entries = list(entries)
            for entry in entries:
                if entry.id in self._entries:
                    raise GazetteerError(
                        f"{source}: entry ({entry.id}): duplicate id, "
                        f"already defined in {origin[entry.id]}"
                    )
                self._entries[entry.id] = entry
                origin[entry.id] = source
            surfaces = [s for entry in entries for s in entry.surfaces]
            all_forms = iter(_forms_many(surfaces))
            for entry in entries:
                for surface in entry.surfaces:
                    for form in next(all_forms):
                        if len(form) < 2:
                            raise GazetteerError(
                                f"{source}: entry ({entry.id}): alias {surface!r} is too "
                                "short to be safe (one character once normalised)"
                            )
                        owner = self._aliases.setdefault(form, entry.id)
                        if owner != entry.id:
                            raise GazetteerError(
                                f"{source}: entry ({entry.id}): alias {surface!r} is already "
                                f"claimed by {owner} ({claimed[form]!r}, in {origin[owner]}) "
                                f"as {form!r}"
                            )
                        claimed.setdefault(form, surface)

    # -- building

    @classmethod
    def load(cls, files: Sequence[FileSpec] | None = None) -> Gazetteer:
        """The gazetteer in ``files``; by default every ``*.yaml`` in
        ``resources/gazetteer``, in name order.

        A ``str`` that is not an absolute path is a resource name
        (``"gazetteer/people.yaml"``); a ``Path`` or an absolute path is read
        from the file system."""
        if files is None:
            folder = resource_path(RESOURCE_DIR)
            paths: list[FileSpec] = [path for path in sorted(folder.glob("*.yaml"))]
            if not paths:
                raise GazetteerError(f"{folder}: no gazetteer files (*.yaml) found")
        else:
            paths = list(files)
        return cls.from_texts((_label(spec), _read(spec)) for spec in paths)

    @classmethod
    def from_texts(cls, texts: Iterable[tuple[str, str]]) -> Gazetteer:
        """The gazetteer in ``(source name, YAML text)`` pairs (tests, tools)."""
        return cls((source, parse_entries(text, source)) for source, text in texts)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> Gazetteer:
        return cls.from_texts([(source, text)])

    # -- reading

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with gazetteer id ``entry_id``, or None (e.g. for the
        normalised-form ids the linker gives unknown names)."""
        return self._entries.get(entry_id)

    def lookup(self, surface: str) -> Entry | None:
        """The entry one of whose names normalises like ``surface``, or None."""
        for form in lookup_forms(surface):
            entry_id = self._aliases.get(form)
            if entry_id is not None:
                return self._entries[entry_id]
        return None

    def aliases(self) -> dict[str, str]:
        """Normalised alias (canonical names included; both forms, see
        :func:`lookup_forms`) → entry id; a copy."""
        return dict(self._aliases)

    def of_type(self, entity_type: str) -> list[Entry]:
        return [entry for entry in self._entries.values() if entry.type == entity_type]

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self._entries)} entries, {len(self._aliases)} names>"


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shipped in ``resources/gazetteer``, loaded once."""
    return Gazetteer.load()


def _is_path(spec: FileSpec) -> bool:
    return not isinstance(spec, str) or os.path.isabs(spec)


def _label(spec: FileSpec) -> str:
    if _is_path(spec):
        return os.fspath(spec)
    return str(spec)


def _read(spec: FileSpec) -> str:
    path = Path(spec) if _is_path(spec) else None
    try:
        if path is None:
            return resource_path(str(spec)).read_text(encoding="utf-8")
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{_label(spec)}: cannot read: {exc.strerror}") from None
    except ResourceError as exc:
        raise GazetteerError(f"{_label(spec)}: {exc}") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"{_label(spec)}: not UTF-8 text") from None
