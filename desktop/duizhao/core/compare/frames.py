"""Frames: what one sentence asserts, as facts a comparison can line up.

:func:`build_frame` reads a sentence's normalised text (digits folded) into a
:class:`Frame` of :class:`Fact` objects, each about one thing:

``quantity``
    a figure with **what it measures**: the content words next to it in its
    clause (死亡人数12人, 40人受伤, 市值蒸发4127亿美元), folded by
    :func:`~duizhao.core.compare.lexicon.notion` so outlets' wordings meet; the
    people and organisations it belongs to (linked entities of its clause, else
    of the sentence's first part); scope qualifiers (最高, 临时, 累计 …); the
    direction of a change; the **period** it is counted at (an as-of date of
    its part of the sentence, or one opening the sentence, or a date in its
    clause; else the publication day, marked implicit); a withdrawn figure it
    replaces (原17人下修为14人); and its modality (预计 … right before it).
``date``
    an event's day or month with the words of its part of the sentence.
``predicate``
    a predicate class of :data:`~duizhao.core.compare.lexicon.PREDICATES` with
    the words it applies to, its polarity (negated when it lies in a
    negator's scope, :func:`~duizhao.core.compare.words.negations`) and the
    modality cue right before it (预计会投赞成票 is expected, 转为弃权 a fact).
``verdict``
    evaluative words (公正, 政治动机 …) summed into a polarity.
``statement``
    a sentence with none of the above but with names or a negation: its
    words, so that a denial can meet what it denies.

Linked entities count as words ``e:<id>`` (川普 and 特朗普 are one word), and
their names are not read as measure words. Spans are in the sentence's
normalised text; :mod:`.claims` maps them to the original.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from duizhao.core.compare import words as w
from duizhao.core.compare.lexicon import (
    EARLY,
    EFFECTS,
    GENERIC,
    HEDGED,
    MAGNITUDE,
    MEASURE_HEADS,
    NEGATORS,
    NOTIONS,
    PREDICATE_OF,
    QUALIFIER_GROUP,
    QUESTION_OF,
    VERDICT,
    modality_of,
    notion,
)
from duizhao.core.compare.quantities import Quantity, find_quantities
from duizhao.core.compare.when import When, find_dates
from duizhao.core.text import Segmenter

LEFT_WORDS = 4
#: characters after a negator within which a word is what it denies
_DIRECT = 2
#: an as-of date starting this close to the sentence's start covers the whole sentence
_OPENING = 3
RIGHT_WORDS = 3
#: characters before a fact in which a modality cue applies to it
MODALITY_REACH = 8
_DIRECTION = {"跌": "down", "减少": "down", "涨": "up", "增加": "up"}
#: stage words that mark the withdrawn figure of a revision, not the new one
_OLD = frozenset({"原", "原本", "原先", "最初", "初始"})
_REVISION = re.compile(
    r"下修|上修|修正|更正|调整|改为|降至|升至|增至|减至|增为|降为|减为|下调|上调|修为|确认为|更新为"
    r"|——》|→|->"
)
_CONJUNCTION = re.compile(r"和|与|及|以及|或|、|跟")
_EARLY_ASSESSMENT = re.compile(
    "(" + "|".join(sorted((x for x in EARLY if len(x) >= 2), key=len, reverse=True)) + ")"
    r"(?=的?(?:评估|估计|估算|统计|调查|数据|报告|结果|测算|研判))"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity in the sentence (normalised-text span, linked id, type)."""

    start: int
    end: int
    entity_id: str
    type: str


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str  # quantity, date, predicate, verdict, statement
    start: int  # the focus, in the sentence's normalised text
    end: int
    words: frozenset[str]  # what it is about (notions, e:<entity id>)
    head: str  # the main word, for labels
    actors: frozenset[str] = frozenset()  # entity ids of people and organisations
    qualifiers: frozenset[str] = frozenset()  # "group:word"
    quantity: Quantity | None = None
    direction: str = ""  # up, down
    when: When | None = None  # quantity: its period; date: the date
    period_explicit: bool = False
    revised: tuple[Quantity, ...] = ()  # the figures it replaces, oldest first
    #: the same figure restated in other currencies (208亿美元(约新台币6829亿元))
    conversions: tuple[Quantity, ...] = ()
    predicate: str = ""  # a class of lexicon.PREDICATES
    polarity: int = 1  # -1: negated predicate, or a condemning verdict
    modality: str = "fact"


@dataclass(frozen=True, slots=True)
class Frame:
    facts: tuple[Fact, ...]
    modality: str
    entities: frozenset[str] = field(default_factory=frozenset)
    #: words inside a negator's scope, and the sentence's other content words
    negated: frozenset[str] = field(default_factory=frozenset)
    affirmed: frozenset[str] = field(default_factory=frozenset)


def build_frame(
    text: str,
    mentions: list[Mention],
    published: dt.date | None,
    segmenter: Segmenter,
    published_last: dt.date | None = None,
) -> Frame:
    """The frame of one sentence's normalised text (digits folded); a publication
    date known only to the month runs from ``published`` to ``published_last``."""
    reader = _Reader(text, mentions, published, segmenter)
    reader.published_last = published_last
    return reader.frame()


class _Reader:
    """One sentence being read: its clauses, figures, dates and names."""

    def __init__(
        self, text: str, mentions: list[Mention], published: dt.date | None, segmenter: Segmenter
    ) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.published = published
        self.published_last: dt.date | None = None
        self.segmenter = segmenter
        self.clauses = w.clauses(text)
        self.parts = w.parts(text)
        self.quantities = find_quantities(text)
        self.dates = find_dates(text, published)
        self.scopes = w.negations(text)
        self._figures: dict[int, Fact | None] = {}
        self._tokens: list[tuple[int, int, str]] | None = None
        self.occupied = (
            [(q.start, q.end) for q in self.quantities]
            + [(d.start, d.end) for d in self.dates]
            + [(m.start, m.end) for m in self.mentions]
        )

    def frame(self) -> Frame:
        facts: list[Fact] = []
        for index, q in enumerate(self.quantities):
            earlier = self._earlier(index)
            if earlier is not None and earlier[1]:
                # 208亿美元(约新台币6829亿元): the same figure, restated in NT$
                if facts and facts[-1].quantity is self.quantities[index - 1]:
                    facts[-1] = replace(facts[-1], conversions=(*facts[-1].conversions, q))
                continue
            fact = self.figure(index)
            if fact is not None:
                facts.append(fact)
        replaced = {id(old) for f in facts for old in f.revised}
        facts = [f for f in facts if id(f.quantity) not in replaced]
        facts += self._event_dates()
        facts += self._predicates()
        for axis, words in (("approval", VERDICT), ("magnitude", MAGNITUDE)):
            verdict = self._verdict(axis, words)
            if verdict is not None:
                facts.append(verdict)
        negated, affirmed = self._polar_words()
        facts += self._statements(facts)
        entities = frozenset(m.entity_id for m in self.mentions)
        return Frame(tuple(facts), modality_of(self.text), entities, negated, affirmed)

    # -- words -----------------------------------------------------------------------

    @property
    def tokens(self) -> list[tuple[int, int, str]]:
        """The sentence's content words, cut once, with figures, dates and names
        blanked out first so that no word runs into them (17人下修为 is not 人下)."""
        if self._tokens is None:
            masked = list(self.text)
            for start, end in self.occupied:
                masked[start:end] = "\u3000" * (end - start)
            self._tokens = w.content_words("".join(masked), self.segmenter)
        return self._tokens

    def words(self, start: int, end: int) -> list[str]:
        """Notions of the content words in ``[start, end)``, then its entities."""
        out: list[str] = []
        for at, stop, word in self.tokens:
            if at < start or stop > end:
                continue
            folded = notion(word)
            if folded in GENERIC or word in GENERIC or folded in QUALIFIER_GROUP:
                continue
            if word.startswith(NEGATORS) and len(word) <= 3:
                continue
            if folded not in out:
                out.append(folded)
        for m in self.mentions:
            if start <= m.start < end and f"e:{m.entity_id}" not in out:
                out.append(f"e:{m.entity_id}")
        return out

    def _named_change(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` ends with a name and then a change's direction
        (…的英伟达下跌 before a figure): the figure is that change, whatever words
        describe the name before it."""
        before = [t for t in self.tokens if start <= t[0] and t[1] <= end]
        if not before or notion(before[-1][2]) not in _DIRECTION:
            return False
        at = before[-1][0]
        return any(m.end in (at, at - 1) and m.start >= start for m in self.mentions)

    def actors(self, span: w.Span) -> frozenset[str]:
        return frozenset(
            m.entity_id
            for m in self.mentions
            if span[0] <= m.start < span[1] and m.type in ("PERSON", "ORG") and m.entity_id
        )

    def qualifiers(self, span: w.Span) -> frozenset[str]:
        piece = self.text[span[0] : span[1]]
        return frozenset(f"{QUALIFIER_GROUP[q]}:{q}" for q in QUALIFIER_GROUP if q in piece)

    def _early_stage(self, at: int) -> frozenset[str]:
        """An early assessment announced before the figure (初期评估显示，…; 初步统计)."""
        found = _EARLY_ASSESSMENT.findall(self.text, 0, at)
        return frozenset(f"stage:{x}" for x in found)

    def modality(self, at: int) -> str:
        """The modality cue within :data:`MODALITY_REACH` characters before ``at``
        in its part of the sentence, or one opening the sentence (据估计 …)."""
        part = w.span_of(self.parts, at)
        window = self.text[max(part[0], at - MODALITY_REACH) : at]
        opening = self.text[self.parts[0][0] : self.parts[0][1]] if self.parts else ""
        for piece in (window, opening if len(opening) <= 6 else ""):
            found = modality_of(piece) if piece else "fact"
            if found != "fact":
                return found
        return "fact"

    def negated(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.scopes)

    # -- figures ---------------------------------------------------------------------

    def figure(self, index: int) -> Fact | None:
        """The fact of the figure at ``index`` (read once)."""
        if index not in self._figures:
            self._figures[index] = self._read_figure(index)
        return self._figures[index]

    def _read_figure(self, index: int) -> Fact | None:
        q = self.quantities[index]
        clause = w.span_of(self.clauses, q.start)
        others = self.quantities
        left_start = max([clause[0], *[o.end for o in others[:index] if o.end <= q.start]])
        right_end = min([clause[1], *[o.start for o in others[index + 1 :] if o.start >= q.end]])
        joined = [m.end() for m in _CONJUNCTION.finditer(self.text, left_start, q.start)]
        if joined and q.end < len(self.text) and not w.CLAUSE.match(self.text, q.end):
            left_start = joined[-1]  # 8,000台H800和6,000台H100: the second counts H100
        modality = self.modality(q.start)
        when, explicit = self._period(index, clause)
        earlier = self._earlier(index)
        if earlier is not None:
            before, converted = earlier
            if converted:  # a conversion: frame() adds it to the figure it restates
                return None
            # 原死亡人数17人下修为14人: 14 is a death toll too, and 17 is withdrawn
            assert before.quantity is not None
            direction = before.direction or ("down" if before.quantity.value > q.value else "up")
            return replace(
                before,
                start=q.start,
                end=q.end,
                quantity=q,
                direction=direction,
                qualifiers=frozenset(x for x in before.qualifiers if x.split(":")[1] not in _OLD),
                revised=(*before.revised, before.quantity),
                when=when if explicit else before.when,
                period_explicit=explicit or before.period_explicit,
                modality=modality,
            )
        respective = self._respectively(index)
        if respective is not None:
            left_start, right_end = respective[0], q.start
        left = self.words(left_start, q.start)[-LEFT_WORDS:]
        if respective is not None:
            left = self.words(*respective[1]) + [x for x in left if x not in _DIRECTION][:2]
        right = self.words(q.end, right_end)[:RIGHT_WORDS]
        if not [x for x in left + right if not x.startswith("e:")] and clause[0] > 0:
            previous = [c for c in self.clauses if c[1] <= clause[0]]
            if previous:  # 受伤32人 after a list's comma: the words before the comma
                left = self.words(*previous[-1])[-2:] + left
        direction = next((_DIRECTION[x] for x in left + right if x in _DIRECTION), "")
        near = right + left[::-1]
        if self.text.startswith("的", q.end) and _knows(left) and not _knows(right):
            near = left[::-1] + right  # 回收率不足5%的窘境: the known measure, not 窘境
        found = [x for x in near if x not in _DIRECTION] or near
        if not found:
            return None
        change = next((x for x in left + right if x in _DIRECTION), "")
        if change and not right and self._named_change(left_start, q.start):
            # …最先受到冲击的华光科技下跌12.5%: the name's change, not the words before it
            found = [change, *(x for x in found if x.startswith("e:"))]
        elif change and all(x.startswith("e:") for x in found):
            found.insert(0, change)  # 华光科技下跌12.5%: what is measured is the change itself
        if respective is not None:  # the figure's own subject, not its neighbours'
            actors = self.actors(respective[1])
        else:
            actors = self.actors((left_start, right_end)) or self.actors(clause)
        return Fact(
            "quantity",
            q.start,
            q.end,
            frozenset(found),
            _head(found),
            actors,
            self.qualifiers(clause) | self._early_stage(q.start),
            quantity=q,
            direction=direction,
            when=when,
            period_explicit=explicit,
            modality=modality,
        )

    def _respectively(self, index: int) -> tuple[int, w.Span] | None:
        """For 标普500指数及道琼斯指数分别跌3.07%和1.5%: (where the words before the
        figure start — after 分别 —, the span of the subject this figure goes with),
        when the part lists as many subjects before 分别 as figures after it."""
        q = self.quantities[index]
        part = w.span_of(self.parts, q.start)
        marker = self.text.rfind("分别", part[0], q.start)
        if marker < 0:
            return None
        figures = [x for x in self.quantities if marker < x.start < part[1]]
        subjects: list[w.Span] = []
        start = part[0]
        for m in _CONJUNCTION.finditer(self.text, part[0], marker):
            subjects.append((start, m.start()))
            start = m.end()
        subjects.append((start, marker))
        subjects = [x for x in subjects if self.text[x[0] : x[1]].strip()]
        if len(subjects) != len(figures) or len(figures) < 2 or q not in figures:
            return None
        return marker + 2, subjects[figures.index(q)]

    def _earlier(self, index: int) -> tuple[Fact, bool] | None:
        """(the previous figure's fact, whether this one restates it in another
        currency) when the figure at ``index`` converts or revises the one before:
        208亿美元(约新台币6829亿元); 原17人下修为14人; 从124人，增为152人."""
        if index == 0:
            return None
        q, previous = self.quantities[index], self.quantities[index - 1]
        between = self.text[previous.end : q.start]
        money = q.kind.startswith("money:") and previous.kind.startswith("money:")
        if money and re.fullmatch(r"\s*[（(]\s*(?:约|约合|折合|合)?\s*", between):
            fact = self.figure(index - 1)
            return None if fact is None else (fact, True)
        if previous.kind != q.kind or len(between) > 8 or not _REVISION.search(between):
            return None
        fact = self.figure(index - 1)
        return None if fact is None else (fact, False)

    def _period(self, index: int, clause: w.Span) -> tuple[When | None, bool]:
        """When the figure at ``index`` is counted: the last as-of date before it in
        the sentence (截至28日，…、…), or one in brackets right after it (负债3.14万亿
        (截至去年中)), or a date in its clause; else the publication day, implicit."""
        q = self.quantities[index]
        following = self.quantities[index + 1].start if index + 1 < len(self.quantities) else None
        for when in self.dates:
            if when.role != "asof":
                continue
            opening = self.text[max(0, when.start - 3) : when.start]
            bracketed = "(" in opening or "（" in opening
            after_it = q.end <= when.start <= q.end + 4
            if bracketed and after_it and (following is None or when.start < following):
                return when, True
        before = [
            x
            for x in self.dates
            if x.role == "asof" and x.start < q.start and not _in_brackets(self.text, x)
        ]
        if before:
            return before[-1], True
        for when in self.dates:
            if clause[0] <= when.start < clause[1] and when.role == "event":
                return when, True
        if self.published is None:
            return None, False
        last = self.published_last or self.published
        grain = "day" if last == self.published else "month"
        return When(-1, -1, "", self.published, last, grain, "asof"), False

    # -- dates, predicates, verdicts, statements ------------------------------------------

    def _event_dates(self) -> list[Fact]:
        """Dates of events, with the words of what happened: those after the date in
        its part of the sentence, or in the next part when the date stands alone
        (2024年1月29日，香港高等法院颁布清盘令)."""
        facts = []
        for when in self.dates:
            if when.role == "asof" or when.first is None:
                continue  # an as-of date says when figures were counted, not an event
            part = w.span_of(self.parts, when.start)
            coarse = when.grain not in ("day", "month")
            if coarse and any(part[0] <= q.start < part[1] for q in self.quantities):
                continue  # 2025年镓进口总量48吨: the year is the figure's period
            if coarse and not re.search(r"\d{4}|[〇○一二三四五六七八九]{4}", when.text):
                continue  # 今年, 去年 …: too vague to be when something happens
            span = (when.end, part[1])
            found = self.words(*span)
            if not [x for x in found if not x.startswith("e:")]:
                following = [p for p in self.parts if p[0] >= part[1]]
                if following:
                    span = (when.end, following[0][1])
                    found = self.words(*span)
            found += [x for x in self.words(part[0], when.start) if x not in found]
            found += [f"e:{m.entity_id}" for m in self.mentions if f"e:{m.entity_id}" not in found]
            named = [x for x in found if not x.startswith("e:")]
            if named:
                head = next((x for x in named if x in PREDICATE_OF or x in NOTIONS), named[0])
                figures = any(part[0] <= q.start < part[1] for q in self.quantities)
                if figures and head in MEASURE_HEADS:
                    continue  # 23日造成2人死亡: the date of a count, not of an event
                actors = self.actors(span) or self.actors((0, len(self.text)))
                modality = self.modality(when.start)
                facts.append(Fact("date", when.start, when.end, frozenset(found), head,
                                  actors, when=when, modality=modality))  # fmt: skip
        return facts

    def _predicates(self) -> list[Fact]:
        facts: list[Fact] = []
        seen: set[tuple[str, int]] = set()
        for part in self.parts:
            piece = self.text[part[0] : part[1]]
            for word in _PREDICATES_LONGEST_FIRST:
                at = piece.find(word)
                if at < 0:
                    continue
                start = part[0] + at
                if any(f.start <= start < f.end for f in facts):
                    continue
                klass = PREDICATE_OF[word]
                polarity = -1 if self.negated(start) else 1
                if (klass, polarity) in seen:
                    continue
                seen.add((klass, polarity))
                found = [x for x in self.words(*part) if PREDICATE_OF.get(x) != klass]
                facts.append(Fact("predicate", start, start + len(word), frozenset(found), word,
                                  self.actors(part), predicate=klass, polarity=polarity,
                                  modality=self.modality(start)))  # fmt: skip
        return _main_predicates(facts, self.parts)

    def _verdict(self, axis: str, lexicon: dict[str, int]) -> Fact | None:
        """An evaluation on one axis (approval: 公正 vs 政治动机; magnitude: 有限 vs
        严重), its words summed into a polarity; a negated word counts the other way."""
        score = 0
        first: tuple[int, str] | None = None
        taken: list[tuple[int, int]] = []
        for word, sign in _longest_first(axis, lexicon):
            at = self.text.find(word)
            if at < 0 or any(at < e and s < at + len(word) for s, e in self.occupied + taken):
                continue
            taken.append((at, at + len(word)))
            if axis == "magnitude":
                part = self.text[slice(*w.span_of(self.parts, at))]
                if not any(effect in part for effect in EFFECTS):
                    continue  # 大幅, 严重 describing a fall, not judging an effect
            score += -sign if self.negated(at) else sign
            if first is None or at < first[0]:
                first = (at, word)
        if first is None or score == 0:
            return None
        found = [x for x in self.words(0, len(self.text)) if x not in lexicon]
        return Fact("verdict", first[0], first[0] + len(first[1]), frozenset(found), first[1],
                    self.actors((0, len(self.text))), predicate=axis,
                    polarity=1 if score > 0 else -1, modality=modality_of(self.text))  # fmt: skip

    def _polar_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """(the word each negator governs — 缺乏强制性, 没有检测: the first content
        word of its scope —, the content words outside every scope); the rest of
        a scope counts as neither."""
        negated: set[str] = set()
        affirmed: set[str] = set()
        governed: set[int] = set()
        for start, _, word in self.tokens:
            folded = notion(word)
            if folded in GENERIC or word in GENERIC or word.startswith(NEGATORS):
                continue
            scopes = [s for s, e in self.scopes if s <= start < e]
            if not scopes:
                affirmed.add(folded)
            elif max(scopes) not in governed and start - max(scopes) <= _DIRECT:
                governed.add(max(scopes))
                negated.add(folded)
        return frozenset(negated), frozenset(affirmed)

    def _statements(self, facts: list[Fact]) -> list[Fact]:
        """A statement for each part of the sentence that holds no other fact but
        names someone or denies something (所有罹难者都位于强制撤离范围内)."""
        out: list[Fact] = []
        for part in self.parts:
            if any(part[0] <= f.start < part[1] for f in facts if f.kind != "verdict"):
                continue
            names = [m for m in self.mentions if part[0] <= m.start < part[1]]
            denies = any(part[0] <= s < part[1] for s, _ in self.scopes)
            found = [x for x in self.words(*part) if not x.startswith("e:")]
            if len(found) < 2 or not (names or denies):
                continue
            head = next((self.text[m.start : m.end] for m in names if m.end - m.start >= 2),
                        max(found, key=len))  # fmt: skip
            words = frozenset(found) | {f"e:{m.entity_id}" for m in names}
            out.append(Fact("statement", part[0], part[1], words, head, self.actors(part),
                            modality=self.modality(part[0] + 1)))  # fmt: skip
        return out


#: the notions of the lexicon's groups (回收率 for 偿付比例 …)
_KNOWN = frozenset(NOTIONS.values())


def _knows(words: list[str]) -> bool:
    return any(x in _KNOWN for x in words)


#: predicate words, longest first (a longer word wins over one inside it)
_PREDICATES_LONGEST_FIRST = sorted(PREDICATE_OF, key=lambda x: (-len(x), x))
_LEXICONS: dict[str, list[tuple[str, int]]] = {}


def _longest_first(axis: str, lexicon: dict[str, int]) -> list[tuple[str, int]]:
    """A verdict lexicon's words, longest first, sorted once per axis."""
    if axis not in _LEXICONS:
        _LEXICONS[axis] = sorted(lexicon.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    return _LEXICONS[axis]


def _main_predicates(facts: list[Fact], sentence_parts: list[w.Span]) -> list[Fact]:
    """Drop a hedged predicate when an asserted one of the same question stands in
    its part of the sentence: in 预计会投赞成票的希腊则转为弃权 the vote is 弃权."""
    kept = []
    for fact in facts:
        part = w.span_of(sentence_parts, fact.start)
        asserted = [
            other
            for other in facts
            if other is not fact
            and other.modality not in HEDGED
            and QUESTION_OF.get(other.predicate) == QUESTION_OF.get(fact.predicate)
            and part[0] <= other.start < part[1]
        ]
        if fact.modality in HEDGED and asserted:
            continue
        kept.append(fact)
    return kept


def _in_brackets(text: str, when: When) -> bool:
    opened = max(text.rfind("(", 0, when.start), text.rfind("（", 0, when.start))
    closed = max(text.rfind(")", 0, when.start), text.rfind("）", 0, when.start))
    return opened > closed


def _head(found: list[str]) -> str:
    for word in found:
        if word not in _DIRECTION and len(word) >= 2 and not word.startswith("e:"):
            return word
    return next((x for x in found if not x.startswith("e:")), found[0] if found else "")
