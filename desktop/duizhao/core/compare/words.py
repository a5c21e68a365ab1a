"""The pieces of a sentence a frame is read from: clauses, content words, negation.

- :func:`clauses` cuts at every clause mark, 、 and brackets included (what a
  figure's words may not cross); :func:`parts` cuts at commas and stops only
  (what a subject, an as-of date or a modality cue reaches over); neither
  cuts inside a figure (50,000).
- :func:`content_words` gives the words of a piece of text that can say what
  it is about: jieba's words, plus the lexicon's words found in it even where
  jieba cut them apart (下修为 → 下修), without lone characters outside the
  lexicon, numbers or punctuation.
- :func:`negations` gives the scope of every negator: from the negator to the
  end of its clause (at most :data:`NEGATION_REACH` characters, and never past
  a quote mark or a 并 / 而 / 但 that starts another predicate); words that
  merely contain a negator's character (不仅, 未来, 非洲) are not negators.
"""

from __future__ import annotations

import re

from duizhao.core.compare.lexicon import NEGATORS, NOTIONS, PREDICATE_OF, QUALIFIER_GROUP
from duizhao.core.text import Segmenter

Span = tuple[int, int]

#: a comma between digits followed by exactly three more is a thousands separator
_COMMA = r"，|(?<!\d),|,(?!\d{3}(?!\d))"
CLAUSE = re.compile(rf"{_COMMA}|[；;：:。！？!?、（）()「」“”\"『』【】\[\]]")
PART = re.compile(rf"{_COMMA}|[；;：:。！？!?]")
NEGATION_REACH = 12
#: words that hold a negator's character without negating
NOT_NEGATING = (
    "不仅", "不但", "不论", "无论", "不断", "非常", "无数", "不少", "不久", "不过", "不同", "无不",
    "非但", "不管", "无限", "不然", "无关", "不要", "未来", "未知", "非洲", "无线", "无人机",
    "不得不", "毫不犹豫", "莫非", "除非", "是非", "无疑", "不禁", "不由得", "无非", "不论是",
    "不到", "不足", "无法估计", "无比", "无奈", "无所谓", "无罪", "无意间", "不容置疑", "不可思议",
    "不仅如此", "不约而同", "不动产", "不良", "不锈钢", "不当得利", "无党籍", "无党派",
)  # fmt: skip
#: the first negator at a place, in NEGATORS' order (longest first)
_NEGATOR = re.compile("|".join(map(re.escape, NEGATORS)))
_SCOPE_END = re.compile(r"[」』”\"]|并且|并|而且|而|但是|但|然后|且")
_HAN_OR_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
#: lexicon words worth finding inside text that jieba cut otherwise, longest first:
#: at each position the longest lexicon word starting there
_SCAN = re.compile(
    "(?=("
    + "|".join(
        re.escape(w)
        for w in sorted(
            {w for w in (*NOTIONS, *PREDICATE_OF, *QUALIFIER_GROUP) if len(w) >= 2},
            key=lambda w: (-len(w), w),
        )
    )
    + "))"
)


def split(text: str, pattern: re.Pattern[str]) -> list[Span]:
    spans, start = [], 0
    for m in pattern.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def clauses(text: str) -> list[Span]:
    return split(text, CLAUSE)


def parts(text: str) -> list[Span]:
    return split(text, PART)


def span_of(spans: list[Span], at: int) -> Span:
    """The span of ``spans`` holding position ``at`` (an empty one when none does)."""
    for start, end in spans:
        if start <= at < end:
            return start, end
    return at, at


def content_words(text: str, segmenter: Segmenter) -> list[tuple[int, int, str]]:
    """(start, end, word) of the content words of ``text``, in order."""
    scanned: list[Span] = []
    for m in _SCAN.finditer(text):
        at, end = m.start(), m.start() + len(m.group(1))
        if not any(s <= at and end <= e for s, e in scanned):
            scanned.append((at, end))
    found = {span: text[span[0] : span[1]] for span in scanned}
    for start, end in segmenter.cut(text):
        word = text[start:end]
        if not _HAN_OR_WORD.search(word) or word.isdigit():
            continue
        if any(s <= start and end <= e for s, e in scanned):
            continue  # inside a lexicon word jieba cut apart
        if len(word) == 1 and word not in NOTIONS and not word.isascii():
            continue  # a lone character says little about what is meant
        found[(start, end)] = word
    return sorted(((s, e, w) for (s, e), w in found.items()), key=lambda t: (t[0], -t[1]))


def negations(text: str) -> list[Span]:
    """The scopes of the negators in ``text`` (see the module docstring)."""
    masked = text
    for word in NOT_NEGATING:
        masked = masked.replace(word, "\0" * len(word))
    scopes: list[Span] = []
    sentence_parts = parts(text)
    at = 0
    while (found := _NEGATOR.search(masked, at)) is not None:
        at, start = found.start(), found.end()
        end = min(span_of(sentence_parts, at)[1], start + NEGATION_REACH)
        stop = _SCOPE_END.search(text, start, end)
        scopes.append((start, stop.start() if stop else end))
        at = start
    return scopes
