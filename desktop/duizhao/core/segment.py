"""Words and sentences, with offsets into the original text.

Segmentation
    :class:`Segmenter` wraps a private ``jieba.Tokenizer``: its dictionary
    cache lives in the directory the caller gives (the app's cache dir, never
    ``/tmp``), and the dictionary loads on first use or on :meth:`Segmenter.start`
    (call it from a worker thread so a window never waits for it). Words are
    cut from the normalised Simplified analysis text, so one dictionary serves
    both scripts, and mapped back to the original.

Sentences
    :func:`sentences` splits at 。！？!?；;… (and runs of them), keeping closing
    quotes and brackets (」』”’）)】》) with the sentence they close; ASCII
    ``.`` ends a sentence only before whitespace. Line breaks always end a
    sentence, so headings and list items stand alone. A terminator inside
    quotes or brackets does not split unless the quote closes right after it.
    Spans are trimmed of surrounding whitespace; none is empty.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duizhao.core.article import Script
from duizhao.core.script import View, analysis_view


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # in the original text, code points
    end: int
    text: str  # the word as it stands in the original text
    norm: str  # the word in the analysis text (normalised Simplified)


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
            if self.cache_dir is not None:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                tokenizer.tmp_dir = str(self.cache_dir)
            tokenizer.initialize()
            self._tokenizer = tokenizer

    def cut(self, text: str) -> list[tuple[int, int]]:
        """Word spans of ``text`` as it is (no script normalisation)."""
        self.start()
        spans: list[tuple[int, int]] = []
        position = 0
        for word in self._tokenizer.cut(text, HMM=True):
            end = position + len(word)
            if not word.isspace():
                spans.append((position, end))
            position = end
        return spans

    def tokens(self, text: str, script: Script, analysis: View | None = None) -> list[Token]:
        """Words of an article's original ``text``, cut from its analysis text."""
        view = analysis or analysis_view(text, script)
        found: list[Token] = []
        for start, end in self.cut(view.text):
            o_start, o_end = view.to_original(start, end)
            found.append(Token(o_start, o_end, text[o_start:o_end], view.text[start:end]))
        return found


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
#: A quote that never closes stops protecting terminators after this many characters.
MAX_QUOTE = 300


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (code points, end exclusive), in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    stack: list[str] = []
    opened_at = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            _add(text, start, i, spans)
            start, stack = i + 1, []
            i += 1
            continue
        if ch in _OPENERS:
            stack.append(_OPENERS[ch])
            opened_at = i
        elif stack and ch == stack[-1]:
            stack.pop()
        if stack and i - opened_at > MAX_QUOTE:
            stack = []
        if ch in _TERMINATORS or (ch == "." and (i + 1 == n or text[i + 1].isspace())):
            end = i + 1
            while end < n and text[end] in _TERMINATORS:  # ！？ …… ?!
                end += 1
            closing = end
            while closing < n and text[closing] in _CLOSERS:
                closing += 1
            if stack and closing > end:
                # 。」 : the quote closes right after; split after it if that empties the stack
                for closer in text[end:closing]:
                    if stack and closer == stack[-1]:
                        stack.pop()
            if not stack:
                _add(text, start, closing, spans)
                start = closing
            i = closing
            continue
        i += 1
    _add(text, start, n, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
