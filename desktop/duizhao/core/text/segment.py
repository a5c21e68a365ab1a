"""Words and sentences, with offsets into the original text.

Segmentation
    :class:`Segmenter` wraps a private ``jieba.Tokenizer``: its dictionary
    cache lives in the directory the caller gives (the app's cache dir, never
    ``/tmp``), and the dictionary loads on first use or on :meth:`Segmenter.start`
    (call it from a worker thread so a window never waits for it), in chunks
    from our own cache. Search and comparison share one segmenter
    (:func:`shared_segmenter`): a dictionary is 65 MB of Python objects. Words are
    cut from the normalised Simplified analysis text, so one dictionary serves
    both scripts, and mapped back to the original.

Sentences
    :func:`sentences` splits at 。！？!?；;… (and runs of them), keeping closing
    quotes and brackets (」』”’）)】》) with the sentence they close; ASCII
    ``.`` ends a sentence only before whitespace and not after a list number
    (``1.``). Line breaks (also U+2028/2029) always end a sentence, so headings
    and list items stand alone. A terminator inside quotes or brackets does
    not split unless the quote closes right after it, and never inside a book
    title (《…？》). Spans are trimmed of surrounding whitespace; none is empty.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duizhao.core.resources import ResourceError, resource_path
from duizhao.core.text.script import Script, View, analysis_view
from duizhao.core.yielding import breathe


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # in the original text, code points
    end: int
    text: str  # the word as it stands in the original text
    norm: str  # the word in the analysis text (normalised Simplified)


#: Our cache of jieba's prefix dictionary: a marshal stream of a header and
#: :data:`CHUNK`-entry dicts. jieba's own cache is one marshal record whose load
#: holds the GIL for 0.3-0.5 s (500,000 entries), which a window whose worker
#: loads it freezes for; loaded in chunks, with a breath between them
#: (:mod:`duizhao.core.yielding`), the GUI thread gets in every few milliseconds.
CACHE_FILE = "jieba-prefix.chunks"
CACHE_FORMAT = "duizhao-jieba-prefix/1"
CHUNK = 10_000
#: A packaged build ships that cache (packaging/build.py makes it), so a first
#: start loads the dictionary in a fraction of the time it takes to build it.
SHIPPED_CACHE = "cache/" + CACHE_FILE


def _seed_cache(target: Path) -> None:
    if target.exists():
        return
    try:
        shipped = resource_path(SHIPPED_CACHE)
        if shipped.is_file():
            shutil.copyfile(shipped, target)
    except (ResourceError, OSError):
        pass  # the cache is built from jieba's dictionary, a second slower


def _header() -> tuple[str, str]:
    import jieba  # the default dictionary is part of jieba's release

    return (CACHE_FORMAT, jieba.__version__)


def load_prefix_cache(path: Path, header: tuple[str, str]) -> tuple[dict[str, int], int] | None:
    """The prefix dictionary and its total from ``path``; None if absent, stale or damaged."""
    try:
        with path.open("rb", buffering=1 << 20) as f:
            if tuple(marshal.load(f)) != header:
                return None
            total, chunks = marshal.load(f)
            freq: dict[str, int] = {}
            for _ in range(chunks):
                freq.update(marshal.load(f))
                breathe()
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return freq, total


def save_prefix_cache(
    path: Path, header: tuple[str, str], freq: dict[str, int], total: int
) -> None:
    """Write the prefix dictionary in chunks, atomically (a reader never sees half)."""
    items = list(freq.items())
    chunks = [dict(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        with partial.open("wb") as f:
            marshal.dump(header, f)
            marshal.dump((total, len(chunks)), f)
            for chunk in chunks:
                marshal.dump(chunk, f)
        os.replace(partial, path)
    except OSError:  # a read-only or missing cache dir: build it again next time
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


class Segmenter:
    """Thread-safe, lazily initialised word segmentation."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self._tokenizer is not None

    def start(self) -> None:
        """Load the dictionary now (idempotent; safe from any thread)."""
        if self._tokenizer is not None:
            return
        with self._lock:
            if self._tokenizer is not None:
                return
            import jieba

            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            folder = self.cache_dir or Path(tempfile.gettempdir())
            cache = folder / CACHE_FILE
            header = _header()
            if self.cache_dir is not None:
                with contextlib.suppress(OSError):
                    self.cache_dir.mkdir(parents=True, exist_ok=True)
                _seed_cache(cache)
            loaded = load_prefix_cache(cache, header)
            if loaded is None:
                with tokenizer.get_dict_file() as dictionary:
                    loaded = tokenizer.gen_pfdict(dictionary)
                save_prefix_cache(cache, header, *loaded)
            tokenizer.FREQ, tokenizer.total = loaded
            tokenizer.initialized = True
            self._tokenizer = tokenizer

    def frequencies(self) -> tuple[dict[str, int], int]:
        """jieba's word counts (0 marks a prefix that is not a word) and their total."""
        self.start()
        return self._tokenizer.FREQ, int(self._tokenizer.total) or 1

    def cut(self, text: str) -> list[tuple[int, int]]:
        """Word spans of ``text`` as it is (no script normalisation)."""
        self.start()
        spans: list[tuple[int, int]] = []
        for offset, piece in _pieces(text):
            position = offset
            for word in self._tokenizer.cut(piece, HMM=True):
                end = position + len(word)
                if not word.isspace():
                    spans.append((position, end))
                position = end
        return spans

    def subwords(self, word: str) -> list[tuple[int, int]]:
        """Dictionary words inside a longer word (国债 in 国债券), as (start, end) in it."""
        if len(word) < 3:
            return []
        self.start()
        freq = self._tokenizer.FREQ
        found = []
        for size in range(2, len(word)):
            for start in range(len(word) - size + 1):
                if freq.get(word[start : start + size]):
                    found.append((start, start + size))
        return found

    def tokens(
        self,
        text: str,
        script: Script,
        analysis: View | None = None,
        *,
        region: str | None = None,
    ) -> list[Token]:
        """Words of an article's original ``text`` (from ``region``), cut from its
        analysis text."""
        view = analysis or analysis_view(text, script, region)
        found: list[Token] = []
        for start, end in self.cut(view.text):
            o_start, o_end = view.to_original(start, end)
            found.append(Token(o_start, o_end, text[o_start:o_end], view.text[start:end]))
        return found


#: jieba's HMM is quadratic in the length of a run of Han characters with no
#: dictionary word in it (100,000 × 中 takes ~25 s); such runs are cut first.
MAX_RUN = 200
_LONG_RUN = re.compile(rf"[\u3400-\u4dbf\u4e00-\u9fff]{{{MAX_RUN + 1},}}")


def _pieces(text: str) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) with no Han run longer than :data:`MAX_RUN`."""
    pieces: list[tuple[int, str]] = []
    done = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > done:
            pieces.append((done, text[done : match.start()]))
        for cut in range(match.start(), match.end(), MAX_RUN):
            pieces.append((cut, text[cut : min(cut + MAX_RUN, match.end())]))
        done = match.end()
    if done < len(text) or not pieces:
        pieces.append((done, text[done:]))
    return pieces


# -- sentences ------------------------------------------------------------------

_TERMINATORS = frozenset("。！？!?；;…")
_CLOSERS = frozenset("」』”’）)】》〉］]\"'")
_OPENERS = {
    "「": "」",
    "『": "』",
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "【": "】",
    "《": "》",
    "〈": "〉",
    "［": "］",
}
#: Book and film titles: 《你还好吗？》 never ends a sentence.
_TITLE_CLOSERS = frozenset("》〉")
_LINE_BREAKS = frozenset("\n\u2028\u2029")
#: A quote that never closes stops protecting terminators after this many characters.
MAX_QUOTE = 300
#: "1." "a." "IV." at the start of a line: a list marker, not a full stop.
_LIST_MARKER = re.compile(r"\s*[0-9A-Za-z]{1,3}")


_INTERESTING = re.compile(
    "[" + re.escape("".join(_TERMINATORS | _LINE_BREAKS | set(_OPENERS) | _CLOSERS) + ".") + "]"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (code points, end exclusive), in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    stack: list[tuple[str, int]] = []  # (the closer awaited, where it opened)
    n = len(text)
    i = 0
    search = _INTERESTING.search
    while (found := search(text, i)) is not None:
        i = found.start()
        ch = text[i]
        if ch in _LINE_BREAKS:
            _add(text, start, i, spans)
            start, stack = i + 1, []
            i += 1
            continue
        if ch == '"' and not (stack and stack[-1][0] == '"'):
            stack.append(('"', i))  # a straight quote opens unless one is open
        elif ch in _OPENERS:
            stack.append((_OPENERS[ch], i))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        if stack and i - stack[0][1] > MAX_QUOTE:
            stack = []
        if ch in _TERMINATORS or (ch == "." and _full_stop(text, start, i)):
            end = i + 1
            while end < n and text[end] in _TERMINATORS:  # ！？ …… ?!
                end += 1
            closing = end
            while closing < n and text[closing] in _CLOSERS:
                if text[closing] == '"' and not any(c == '"' for c, _ in stack):
                    break  # a straight quote that opens the next sentence
                closing += 1
            for closer in text[end:closing]:
                if stack and closer == stack[-1][0]:
                    stack.pop()
            if not stack and not _TITLE_CLOSERS.intersection(text[end:closing]):
                _add(text, start, closing, spans)
                start = closing
            i = closing
            continue
        i += 1
    _add(text, start, n, spans)
    return spans


def _full_stop(text: str, start: int, i: int) -> bool:
    """An ASCII ``.`` ends a sentence before whitespace, unless it closes a list marker."""
    if i + 1 < len(text) and not text[i + 1].isspace():
        return False
    return _LIST_MARKER.fullmatch(text, start, i) is None


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_shared: Segmenter | None = None


def shared_segmenter() -> Segmenter:
    """The segmenter search and comparison cut with (one dictionary in memory)."""
    global _shared
    if _shared is None:
        _shared = Segmenter()
    return _shared


def use_shared_segmenter(segmenter: Segmenter) -> None:
    """Cut with ``segmenter`` from now on (the app passes one with its cache dir)."""
    global _shared
    _shared = segmenter
