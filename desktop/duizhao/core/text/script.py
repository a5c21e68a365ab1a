"""Scripts: which one an article is written in, and views of it in the others.

Detection
    counts the Han characters that exist in only one script. A character is
    *simplified-only* when OpenCC's ``s2t`` changes it and Big5 cannot encode
    it, *traditional-only* when ``t2s`` changes it and GB2312 cannot encode it.
    The encodability test keeps characters at home in both scripts (台, 里,
    着, 乾 …) from counting as evidence; characters written the same in both
    (人, 中, 日 …) say nothing.

Views
    convert an article for display with the OpenCC configuration chosen by
    the article's script (:data:`VIEW_CONFIGS`). The view of an article in its
    own script is its text unchanged. Each :class:`View` carries an exact
    :class:`~duizhao.core.text.textmap.OffsetMap` to and from the original text, in
    code points and in UTF-16 units. A view may be built with protected
    spans, people's names, which :mod:`duizhao.core.text.names` converts as
    names rather than as running text (于丽娜 stays 于麗娜, 奥巴马 奧巴馬).

Analysis text
    is the normalised Simplified view (:func:`analysis_view`) that
    segmentation, entities and search all read, so one pipeline serves both
    scripts; its map brings every span back to the original.

:class:`ViewCache` computes each (article content, view, converter version)
once and keeps the most recent ones within a character budget.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from enum import StrEnum
from functools import cache, cached_property
from typing import Any

from duizhao.core.text.names import protect as protect_names
from duizhao.core.text.textmap import OffsetMap, Utf16Index, align


class Script(StrEnum):
    """The script an article is written in, from character statistics."""

    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"
    #: No character that tells the scripts apart (Latin text, digits, or
    #: only characters written the same way in both).
    UNKNOWN = "unknown"


#: Share of script-specific characters above which a text is that script.
DOMINANT_SHARE = 0.8

VIEWS = ("original", "simplified", "traditional", "taiwan", "hongkong")

#: The phrase conventions an article's conversions follow, from its region
#: (:func:`usage_of`): Taiwan usage, Hong Kong usage (Hong Kong and Macau),
#: or ``plain`` -- characters only, no phrase rewritten on a guess.
USAGES = ("taiwan", "hongkong", "plain")

_SIMPLIFIED_ROW: dict[str, str | None] = {
    "simplified": None,
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
    "analysis": "t2s",
}
_PLAIN_ROW: dict[str, str | None] = {
    "simplified": "t2s",
    "traditional": "s2t",
    "taiwan": "s2twp",
    "hongkong": "s2hk",
    "analysis": "t2s",
}
#: OpenCC configuration per (article script, usage) and view -- ``analysis``
#: is the normalised Simplified copy analysis reads; None means the text as
#: it is; ``a+b`` runs ``a`` then ``b``. A Taiwan article is simplified with
#: ``tw2sp`` (軟體 → 软件), a Hong Kong one with ``hk2s`` (查詢 stays 查询,
#: where ``tw2sp`` would make it 查找) and read in Taiwan usage through
#: Simplified (``hk2s+s2twp``: 軟件 → 軟體); a Traditional article whose
#: region is not known gets plain ``t2s``. A Simplified article's views do not
#: depend on its region; a Simplified article still goes through ``t2s`` for
#: analysis so stray Traditional characters are normalised too.
CONFIGS: dict[tuple[Script, str], dict[str, str | None]] = {
    **{(Script.SIMPLIFIED, usage): _SIMPLIFIED_ROW for usage in USAGES},
    (Script.TRADITIONAL, "taiwan"): {
        "simplified": "tw2sp",
        "traditional": None,
        "taiwan": "t2tw",
        "hongkong": "t2hk",
        "analysis": "tw2sp",
    },
    (Script.TRADITIONAL, "hongkong"): {
        "simplified": "hk2s",
        "traditional": None,
        "taiwan": "hk2s+s2twp",
        "hongkong": "t2hk",
        "analysis": "hk2s",
    },
    (Script.TRADITIONAL, "plain"): {
        "simplified": "t2s",
        "traditional": None,
        "taiwan": "t2tw",
        "hongkong": "t2hk",
        "analysis": "t2s",
    },
    (Script.MIXED, "taiwan"): {
        "simplified": "tw2sp",
        "traditional": "s2t",
        "taiwan": "s2twp",
        "hongkong": "s2hk",
        "analysis": "tw2sp",
    },
    (Script.MIXED, "hongkong"): {
        "simplified": "hk2s",
        "traditional": "s2t",
        "taiwan": "s2twp",
        "hongkong": "s2hk",
        "analysis": "hk2s",
    },
    (Script.MIXED, "plain"): _PLAIN_ROW,
    **{(Script.UNKNOWN, usage): _PLAIN_ROW for usage in USAGES},
}
#: The views of an article whose region is not known (plain usage), by script.
VIEW_CONFIGS: dict[Script, dict[str, str | None]] = {
    script: {v: c for v, c in CONFIGS[(script, "plain")].items() if v != "analysis"}
    for script in Script
}
#: The analysis configuration of an article whose region is not known, by script.
ANALYSIS_CONFIGS: dict[Script, str] = {
    script: str(CONFIGS[(script, "plain")]["analysis"]) for script in Script
}


def usage_of(region: str | None) -> str:
    """The usage (:data:`USAGES`) an article of ``region`` is converted with."""
    if region == "taiwan":
        return "taiwan"
    if region in ("hongkong", "macau"):
        return "hongkong"
    return "plain"


#: Bump when the alignment changes what maps produce.
MAP_VERSION = 1
#: Characters OpenCC cannot take: lone surrogates (it wants UTF-8) and control
#: characters (multi-step configurations cut the text at NUL and drop others).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SENTINEL = "\uffff"
#: Configurations that only swap variant characters here and there: aligning
#: against the original, one character lookup per change, beats converting
#: the whole text character by character.
FEW_CHANGES = frozenset({"t2tw", "t2hk", "tw2t", "hk2t", "t2jp", "jp2t"})


# -- OpenCC -----------------------------------------------------------------------


class Converter:
    """One OpenCC configuration, with the per-character table alignment needs."""

    def __init__(self, config: str) -> None:
        import opencc

        self.config = config
        self._steps = [opencc.OpenCC(f"{step}.json") for step in config.split("+")]
        self._table = _Table({ord("\n"): "\n"})
        self._lock = threading.Lock()

    def _opencc(self, text: str) -> str:
        for step in self._steps:
            text = str(step.convert(text))
        return text

    def convert(self, text: str) -> str:
        """The phrase-aware conversion; characters OpenCC cannot take pass through."""
        if not _UNSAFE.search(text):
            return self._opencc(text)
        parts = _UNSAFE.split(text)
        gaps = _UNSAFE.findall(text)
        out = [self._opencc(part) if part else "" for part in parts]
        return "".join(o + (gaps[k] if k < len(gaps) else "") for k, o in enumerate(out))

    def charwise(self, text: str) -> str:
        """``text`` converted character by character, one code point each; a
        character whose conversion is not one code point becomes a sentinel."""
        out = text.translate(self._table)
        if self._table.missing:  # characters never seen: learn them all in one call
            with self._lock:
                missing, self._table.missing = self._table.missing, set()
            self._learn([chr(code) for code in missing])
            out = text.translate(self._table)
        return out

    def char(self, ch: str) -> str:
        found = self._table[ord(ch)]
        if self._table.missing:
            self.charwise(ch)
            found = self._table[ord(ch)]
        return found

    def _learn(self, chars: list[str]) -> None:
        outs = self.convert("\n".join(chars)).split("\n")
        if len(outs) != len(chars):  # never seen; fall back to one call per character
            outs = [self.convert(ch) for ch in chars]
        with self._lock:
            for ch, out in zip(chars, outs, strict=True):
                self._table[ord(ch)] = out if len(out) == 1 else _SENTINEL

    def view(self, text: str) -> tuple[str, OffsetMap]:
        converted = self.convert(text)
        if converted == text:
            return text, OffsetMap.identity(len(text))
        # the alignment converts a few characters at a time, many times over
        raw = _memo(self.convert if _UNSAFE.search(text) else self._opencc)
        if self.config in FEW_CHANGES:
            return converted, align(text, converted, raw, char=self.char)
        return converted, align(text, converted, raw, charwise=self.charwise(text))


class _Table(dict[int, str]):
    """A translation table that notes the characters it does not know yet
    (and gives the sentinel for them until they are learnt)."""

    def __init__(self, known: dict[int, str]) -> None:
        super().__init__(known)
        self.missing: set[int] = set()

    def __missing__(self, code: int) -> str:
        self.missing.add(code)
        return _SENTINEL


def _memo(function: Callable[[str], str]) -> Callable[[str], str]:
    seen: dict[str, str] = {}

    def call(text: str) -> str:
        out = seen.get(text)
        if out is None:
            out = seen[text] = function(text)
        return out

    return call


@cache
def converter(config: str) -> Converter:
    return Converter(config)


def convert(text: str, config: str) -> str:
    """Raw OpenCC conversion with a built-in configuration such as ``s2t``
    (``a+b``: ``a`` then ``b``)."""
    return converter(config).convert(text)


@cache
def converter_version() -> str:
    """Identifies what views are made with: OpenCC's version and the map version."""
    import opencc

    return f"opencc-{getattr(opencc, '__version__', '?')}/map-{MAP_VERSION}"


# -- detection --------------------------------------------------------------------


def script_counts(text: str) -> tuple[int, int]:
    """(simplified-only, traditional-only) character counts in ``text``."""
    han = Counter(ch for ch in text if _is_han(ch))
    if not han:
        return 0, 0
    chars = list(han)
    joined = "\n".join(chars)
    as_traditional = convert(joined, "s2t").split("\n")
    as_simplified = convert(joined, "t2s").split("\n")
    simplified = traditional = 0
    if len(as_traditional) != len(chars) or len(as_simplified) != len(chars):
        return 0, 0  # a conversion merged lines: never seen, but no guessing
    for ch, to_t, to_s in zip(chars, as_traditional, as_simplified, strict=True):
        if to_t != ch and to_s == ch and not _encodable(ch, "big5"):
            simplified += han[ch]
        elif to_s != ch and to_t == ch and not _encodable(ch, "gb2312"):
            traditional += han[ch]
    return simplified, traditional


def detect_script(text: str) -> Script:
    simplified, traditional = script_counts(text)
    total = simplified + traditional
    if total == 0:
        return Script.UNKNOWN
    if traditional / total >= DOMINANT_SHARE:
        return Script.TRADITIONAL
    if simplified / total >= DOMINANT_SHARE:
        return Script.SIMPLIFIED
    return Script.MIXED


# -- views ------------------------------------------------------------------------


class View:
    """An article's text as shown in one view, with its map to the original."""

    __slots__ = ("__dict__", "config", "map", "name", "original", "text")

    def __init__(
        self, name: str, original: str, text: str, offset_map: OffsetMap, config: str | None
    ) -> None:
        self.name = name
        self.original = original
        self.text = text
        self.map = offset_map
        self.config = config

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point span → the view's code-point span covering it."""
        return self.map.to_view(start, end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """View code-point span → the original code-point span covering it."""
        return self.map.to_original(start, end)

    @cached_property
    def view_utf16(self) -> Utf16Index:
        return Utf16Index(self.text)

    @cached_property
    def original_utf16(self) -> Utf16Index:
        return Utf16Index(self.original)

    def to_view_utf16(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point span → view span in UTF-16 units (what Qt counts)."""
        first, last = self.to_view(start, end)
        return self.view_utf16.to_utf16(first), self.view_utf16.to_utf16(last)

    def to_original_from_utf16(self, start: int, end: int) -> tuple[int, int]:
        """View span in UTF-16 units → the original code-point span covering it."""
        first = self.view_utf16.from_utf16(start)
        last = self.view_utf16.from_utf16(end, closing=True)
        return self.to_original(first, max(first, last))


def view_config(script: Script, view: str, region: str | None = None) -> str | None:
    """The configuration of ``view`` (or ``"analysis"``) for an article in
    ``script`` from ``region`` (None: not known)."""
    if view == "original":
        return None
    if view not in VIEWS and view != "analysis":
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}")
    try:
        return CONFIGS[(script, usage_of(region))][view]
    except KeyError:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}") from None


def build_view(
    text: str,
    script: Script,
    view: str,
    protect: Sequence[tuple[int, int]] = (),
    *,
    region: str | None = None,
) -> View:
    """``text`` (of an article in ``script`` from ``region``) as ``view`` shows
    it, with its map; ``protect``: spans of people's names (original offsets),
    converted as names (:mod:`duizhao.core.text.names`)."""
    return _build(view, text, view_config(script, view, region), protect)


def analysis_view(text: str, script: Script, region: str | None = None) -> View:
    """The normalised Simplified copy of ``text`` that analysis reads."""
    return _build("analysis", text, view_config(script, "analysis", region))


def _build(
    name: str, text: str, config: str | None, protect: Sequence[tuple[int, int]] = ()
) -> View:
    if config is None:
        return View(name, text, text, OffsetMap.identity(len(text)), None)
    converted, offset_map = converter(config).view(text)
    if protect:
        converted, offset_map = protect_names(
            text, converted, offset_map, config, protect, converter(config).view, convert
        )
    return View(name, text, converted, offset_map, config)


def view_text(text: str, script: Script, view: str, region: str | None = None) -> str:
    """``text`` (of an article in ``script`` from ``region``) as shown in ``view``."""
    config = view_config(script, view, region)
    return text if config is None else convert(text, config)


class ViewCache:
    """Views computed once per (content hash, view, converter version), most
    recent kept within ``max_chars`` characters of text. Thread-safe."""

    def __init__(self, max_chars: int = 4_000_000) -> None:
        self.max_chars = max_chars
        self._items: OrderedDict[tuple[str, str, str], View] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()
        self.misses = 0

    def get(
        self,
        content_hash: str,
        text: str,
        script: Script,
        view: str,
        protect: Sequence[tuple[int, int]] = (),
        *,
        region: str | None = None,
    ) -> View:
        """The view, made now or earlier; ``protect`` and ``region`` as for
        :func:`build_view` (views with other protected spans or of another
        usage are other entries)."""
        names = _spans_key(protect)
        key = (content_hash, f"{view}{names}/{usage_of(region)}", converter_version())
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        if view == "analysis":
            made = analysis_view(text, script, region)
        else:
            made = build_view(text, script, view, protect, region=region)
        with self._lock:
            self.misses += 1
            if key not in self._items:
                self._items[key] = made
                self._chars += len(made.text) + len(text)
            while self._chars > self.max_chars and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._chars -= len(old.text) + len(old.original)
        return made

    def __len__(self) -> int:
        return len(self._items)


def _spans_key(spans: Sequence[tuple[int, int]]) -> str:
    """A short key for a set of protected spans ("" for none)."""
    if not spans:
        return ""
    joined = ",".join(f"{start}-{end}" for start, end in sorted(spans))
    return "/names-" + hashlib.sha1(joined.encode("ascii"), usedforsecurity=False).hexdigest()[:16]


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch >= "\U00020000"


def describe_configs() -> list[dict[str, Any]]:
    """The view table, for documentation and ``--help`` (one row per article
    script and usage)."""
    return [
        {
            "script": str(script),
            "usage": usage,
            **{view: config or "(unchanged)" for view, config in row.items()},
        }
        for (script, usage), row in CONFIGS.items()
    ]
