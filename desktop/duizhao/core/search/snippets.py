"""Search hits as a reader sees them: highlighted spans and the fragments around them.

:func:`highlights` finds the matched words in an article's analysis text (the
normalised Simplified copy, so a Traditional query highlights a Simplified
article and the reverse) and maps every span back to the original text.
:func:`fragments` picks the sentences with the most distinct matches and
trims them to a readable width. All offsets are code points of the original
text; a UI maps them to any script view with the view's offset map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duizhao.core.text import View, sentences

FRAGMENT_WIDTH = 120
MAX_FRAGMENTS = 3
#: Sentences are looked for around this many first matches, in a window of
#: :data:`WINDOW` characters each way, not in the whole (maybe long) article.
MAX_SPANS = 60
WINDOW = 400


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int  # in the original text
    end: int
    text: str  # original[start:end], with … added where it was cut
    highlights: tuple[tuple[int, int], ...]  # relative to ``text``

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "highlights": [list(h) for h in self.highlights]}


def pattern_for(words: list[str]) -> re.Pattern[str]:
    """Words that must follow each other, allowing spaces between them."""
    return re.compile(r"\s*".join(re.escape(w) for w in words), re.I)


def highlights(analysis: View, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """Sorted, merged original-text spans of every match of ``patterns``."""
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(analysis.text):
            if match.end() > match.start():
                spans.append(analysis.to_original(match.start(), match.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def fragments(
    text: str,
    spans: list[tuple[int, int]],
    *,
    limit: int = MAX_FRAGMENTS,
    width: int = FRAGMENT_WIDTH,
) -> list[Fragment]:
    """Up to ``limit`` fragments of ``text`` around ``spans``, in text order."""
    if not spans:
        return [_cut(text, 0, min(len(text), width), [])] if text else []
    scored = []
    for s_start, s_end in _sentences_around(text, spans[:MAX_SPANS]):
        inside = [(a, b) for a, b in spans if a < s_end and b > s_start]
        if inside:
            distinct = len({text[a:b].lower() for a, b in inside})
            scored.append((distinct * 10 + len(inside), -s_start, s_start, s_end, inside))
    scored.sort(reverse=True)
    chosen = sorted(scored[:limit], key=lambda item: item[2])
    return [_cut(text, start, end, inside, width) for _, _, start, end, inside in chosen]


def _sentences_around(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences containing ``spans``, split from windows around them."""
    found: set[tuple[int, int]] = set()
    covered = -1
    for a, b in spans:
        if a < covered:
            continue
        lo, hi = max(0, a - WINDOW), min(len(text), b + WINDOW)
        for s, e in sentences(text[lo:hi]):
            s, e = s + lo, e + lo
            if s < b and e > a and (s > lo or lo == 0) and (e < hi or hi == len(text)):
                found.add((s, e))
                covered = e
            elif s < b and e > a:  # cut by the window: keep what is inside it
                found.add((max(s, a - WINDOW // 2), min(e, b + WINDOW // 2)))
                covered = e
    return sorted(found)


def _cut(
    text: str, start: int, end: int, inside: list[tuple[int, int]], width: int = FRAGMENT_WIDTH
) -> Fragment:
    if end - start > width:
        first = inside[0][0] if inside else start
        begin = max(start, min(first - width // 3, end - width))
        start, end = begin, min(end, begin + width)
    prefix = "…" if start > 0 and text[start - 1] not in "\n。！？!?；;" else ""
    suffix = "…" if end < len(text) and text[end - 1] not in "。！？!?；;」』”）)" else ""
    marks = tuple(
        (max(a, start) - start + len(prefix), min(b, end) - start + len(prefix))
        for a, b in inside
        if a < end and b > start
    )
    return Fragment(start, end, prefix + text[start:end] + suffix, marks)
