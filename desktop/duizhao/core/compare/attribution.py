"""Who asserts a claim: the speaker or source a sentence attributes it to.

:func:`source_of` finds, in a sentence's normalised text,

- 据X报道 / 根据X统计 / 援引X — X is the source (据估计, with no X, is not);
- X表示 / X指出 / X认为 / X称 / X的说法是 … — X is the speaker: the clause up
  to the verb, without the adverbs and time words around it (早前, 也, 曾),
  the listener (对俄罗斯媒体) or a leading connective (而, 此前); a role is a
  speaker too (英国首相发言人), a pronoun is not;
- X引述Y — Y, the one quoted, not X who relays it.

It returns the span of the source in the normalised text, or None when the
sentence is the outlet's own statement.
"""

from __future__ import annotations

import re

from duizhao.core.compare.lexicon import ATTRIBUTION_VERBS

MAX_SOURCE = 24  # characters: a longer "speaker" is a clause, not a name
_VERBS = "|".join(sorted((*ATTRIBUTION_VERBS, "的说法是", "说法是"), key=len, reverse=True))
_VERB = re.compile(rf"(?:{_VERBS})")
_CLAUSE = re.compile(r"[，,；;。！？!?「」“”\"]")
_BY = re.compile(
    r"(?:^|(?<=[，,；;：:。！？!?「」“”\"]))(?:根据|据|援引)(?P<who>[^，,；;：:。！？!?]{2,24}?)"
    r"(?:的)?(?:报道|报导|称|指出|透露|统计|了解|显示|消息|发布|表示|分析|数据|资料|调查)"
)
_QUOTES = re.compile(r"引述(?P<who>[^，,；;：:。！？!?]{2,24}?)(?:的)?(?:说法|报道|表示|指出|称)")
_LEAD = re.compile(
    r"^(?:而且|而|但是|但|另外|此外|此前|早前|日前|随后|同时|对此|并且|并|且|其后|其中)+"
)
_TAIL = re.compile(
    r"(?:也|更|则|还|亦|并|曾|再|已|都|早前|此前|日前|随后|对此|同时|当天|今天|今日|昨天|昨日"
    r"|周[一二三四五六日]|\d+日|稍早|一度|公开|再次|多次|亦曾|曾经|对[^，,]{1,12}?)$"
)
_NOT_SPEAKERS = frozenset(
    [
        "他",
        "她",
        "它",
        "他们",
        "她们",
        "它们",
        "我",
        "我们",
        "你",
        "你们",
        "有人",
        "外界",
        "市场",
        "舆论",
        "这",
        "此",
        "该",
        "其",
        "这是",
        "那",
        "分析",
        "报告",
    ]
)


def source_of(text: str) -> tuple[int, int] | None:
    """The span of who asserts ``text`` (a sentence, normalised), or None."""
    for pattern in (_QUOTES, _BY):
        m = pattern.search(text)
        if m and not m.group("who").startswith(("估计", "了解", "悉", "报")):
            return _clean(text, m.start("who"), m.end("who"))
    for verb in _VERB.finditer(text):
        clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, verb.start())), default=0)
        span = _clean(text, clause_start, verb.start())
        if span is not None:
            return span
    return None


def _clean(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
    for _ in range(3):  # 早前也曾: several adverbs in a row
        tail = _TAIL.search(text[start:end])
        if not tail or tail.start() == 0:
            break
        end = start + tail.start()
    who = text[start:end].strip()
    if not 2 <= len(who) <= MAX_SOURCE or who in _NOT_SPEAKERS or re.search(r"\d", who):
        return None
    if re.search(r"[，,。；;？?]", who):
        return None
    return start, end
