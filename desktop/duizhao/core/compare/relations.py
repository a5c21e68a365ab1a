"""Relations: what two aligned facts of different articles say to each other.

:func:`relate` judges one pair and returns a :class:`PairRelation`: one of
:data:`RELATIONS`, the reasons in plain words naming the evidence, a
confidence, and whether the two can be compared at all. The rules, in order:

figures
    Not comparable (never flagged): another currency or unit, another scope
    (a qualifier group whose words differ: 临时 vs 最终, 最高 vs none), figures
    of other people or organisations, another measure (死亡 vs 受伤), another
    period — explicit as-of dates that do not overlap, an explicit date more
    than a day from the other's publication, or publications more than a
    week apart for figures that only say "now". Then: a forecast against a
    reported figure is *differs* when the values part (the forecast did not
    hold); a figure that the other article says was revised away (原17人
    下修为14人) *differs*; values that overlap once hedges (逾, 约, 近) and
    rounding are allowed *agree*; others *differ*.
dates
    the same event on days (or months) that do not overlap *differ*.
predicates
    opposite classes (支持 vs 弃权, 暂停 vs 恢复) or one negated and one not
    *contradict*; the same predicate both ways *agrees*.
verdicts
    opposite polarity on the same thing *contradicts*.
statements
    a word negated in one and asserted in the other *contradicts*; else
    *related* (embeddings tell the same question, not the same answer).

Every reason is a :class:`Reason` (a code and its words) so a window can say
it in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.frames import Fact
from duizhao.core.compare.lexicon import (
    EARLY,
    HEDGED,
    MEASURE_HEADS,
    NOTIONS,
    ONE_SIDED,
    OPPOSITES,
)
from duizhao.core.compare.placed import Placed, shares_specific
from duizhao.core.compare.quantities import Quantity, can_be_equal
from duizhao.core.compare.scores import same_actor_groups
from duizhao.core.compare.when import When

RELATIONS = ("contradicts", "differs", "agrees", "related")
#: strength order: a row's badge is its strongest pair
STRENGTH = {name: len(RELATIONS) - i for i, name in enumerate(RELATIONS)}
#: publication days two "now" figures may lie apart and still be compared
IMPLICIT_DAYS = 7
#: days between an explicit as-of date and the other's publication
EXPLICIT_DAYS = 1


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class PairRelation:
    articles: tuple[int, int]
    relation: str
    reasons: tuple[Reason, ...]
    confidence: float
    comparable: bool = True

    @property
    def flagged(self) -> bool:
        return self.relation in ("contradicts", "differs")

    def to_json(self) -> dict[str, object]:
        return {
            "articles": list(self.articles),
            "relation": self.relation,
            "reasons": [r.text for r in self.reasons],
            "confidence": round(self.confidence, 2),
            "comparable": self.comparable,
        }


def relate(a: Placed, b: Placed) -> PairRelation:
    """The relation of two facts of different articles (in article order)."""
    if (a.article, a.claim.index) > (b.article, b.claim.index):
        a, b = b, a
    kinds = {a.fact.kind, b.fact.kind}
    if kinds == {"quantity"}:
        return _figures(a, b)
    if kinds == {"date"}:
        return _dates(a, b)
    if kinds == {"predicate"}:
        return _predicates(a, b)
    if kinds == {"verdict"}:
        return _verdicts(a, b)
    return _statements(a, b)


def _pair(a: Placed, b: Placed, relation: str, confidence: float, *reasons: Reason,
          comparable: bool = True) -> PairRelation:  # fmt: skip
    return PairRelation((a.article, b.article), relation, reasons, confidence, comparable)


def _apart(a: Placed, b: Placed, reason: Reason) -> PairRelation:
    return _pair(a, b, "related", 0.7, reason, comparable=False)


# -- figures -------------------------------------------------------------------------------


def _figures(a: Placed, b: Placed) -> PairRelation:
    fa, fb = a.fact, b.fact
    qa, qb = _in_common(fa, fb)
    what = _what(a, b)
    if qa.kind != qb.kind:
        if qa.kind.startswith("money:") and qb.kind.startswith("money:"):
            if "元" not in (qa.unit, qb.unit):
                return _apart(a, b, Reason("currency", f"not comparable: another currency "
                                           f"({qa.unit} vs {qb.unit})"))  # fmt: skip
        else:
            return _apart(a, b, Reason("unit", f"not comparable: another unit ({qa.text.strip()} "
                                       f"vs {qb.text.strip()})"))  # fmt: skip
    elsewhere = _misattributed(a, b, qa, qb)
    if elsewhere:
        return _pair(a, b, "differs", 0.6, Reason("subject", f"the same figure {qa.text.strip()} "
                     f"given for other things ({elsewhere})"))  # fmt: skip
    scope = _scope(fa.qualifiers, fb.qualifiers)
    if scope:
        return _apart(a, b, Reason("scope", f"not comparable: another scope ({scope})"))
    if fa.actors and fb.actors and not _same_actors(fa.actors, fb.actors):
        return _apart(a, b, Reason("actor", "not comparable: figures of different people or "
                                   "organisations"))  # fmt: skip
    ha, hb = NOTIONS.get(fa.head, fa.head), NOTIONS.get(fb.head, fb.head)
    if ha != hb and ha in MEASURE_HEADS and hb in MEASURE_HEADS:
        return _apart(a, b, Reason("measure", f"not comparable: another measure ({ha} vs {hb})"))
    forecast = (fa.modality in HEDGED) != (fb.modality in HEDGED)
    if not forecast:
        period = _period_apart(a, b)
        if period is not None:
            return _apart(a, b, period)
    values = f"{qa.text.strip()} vs {qb.text.strip()}"
    for chain, new, other in ((fb.revised, qb, qa), (fa.revised, qa, qb)):
        if any(can_be_equal(other, old) for old in chain) and not can_be_equal(other, new):
            steps = " → ".join(x.text.strip() for x in (*chain, new))
            return _pair(a, b, "differs", 0.8, Reason("revised", f"{other.text.strip()} is a "
                         f"figure the other report says was revised ({steps})"))  # fmt: skip
    agree = can_be_equal(qa, qb)
    if forecast:
        if agree:
            return _pair(
                a, b, "agrees", 0.6, Reason("forecast_held", f"the forecast held: {values}")
            )
        return _pair(a, b, "differs", 0.6, Reason("forecast", f"a forecast against a reported "
                     f"figure{what}: {values}"))  # fmt: skip
    confidence = 0.55 + 0.4 * _closeness(a, b)
    if agree:
        return _pair(a, b, "agrees", confidence, Reason("same_value", f"the same figure{what}: "
                     f"{values}"))  # fmt: skip
    return _pair(a, b, "differs", confidence, Reason("value", f"another number for the same "
                 f"measure and period{what}: {values}"))  # fmt: skip


#: significant digits from which an equal figure is no coincidence
SPECIFIC_DIGITS = 3


def _misattributed(a: Placed, b: Placed, qa: Quantity, qb: Quantity) -> str:
    """ "x vs y" when both give one specific figure (3.07%) to differently named
    things (标准普尔 vs 纳斯达克); "" otherwise."""
    if not (qa.exact and qb.exact and qa.value == qb.value and qa.unit == qb.unit):
        return ""
    digits = "".join(ch for ch in qa.text if ch.isdigit()).strip("0")
    if len(digits) < SPECIFIC_DIGITS:
        return ""
    shared = a.fact.words & b.fact.words
    names_a = sorted(x for x in a.fact.words - shared if _name_like(x))
    names_b = sorted(x for x in b.fact.words - shared if _name_like(x))
    if not names_a or not names_b:
        return ""
    # names of one kind (two organisations, two places): 日本 beside 日本经济产业省 is
    # a country and its ministry, not two subjects
    if _is_actor(a, names_a[0]) != _is_actor(b, names_b[0]):
        return ""
    # and the other sentence must not give the figure to this name too
    if any(_gives(b.claim, x, qa) for x in names_a) or any(_gives(a.claim, x, qb) for x in names_b):
        return ""
    return f"{'/'.join(names_a)} vs {'/'.join(names_b)}"


def _is_actor(p: Placed, name: str) -> bool:
    return name.startswith("e:") and name[2:] in p.fact.actors


def _gives(claim: Claim, name: str, figure: Quantity) -> bool:
    """Whether ``claim`` has a figure equal to ``figure`` about ``name``."""
    return any(
        f.quantity is not None and f.quantity.value == figure.value and name in f.words
        for f in claim.facts
    )


def _name_like(word: str) -> bool:
    """A linked entity, or a word that names rather than describes."""
    if word.startswith("e:"):
        return True
    return word not in NOTIONS and (word.isascii() and word.isalpha() or len(word) >= 3)


def _in_common(fa: Fact, fb: Fact) -> tuple[Quantity, Quantity]:
    """The two figures to compare: the facts' own, or a conversion of one into the
    other's currency (208亿美元(约新台币6829亿元) meets 将近6830亿元 in NT$)."""
    assert fa.quantity is not None
    assert fb.quantity is not None
    if fa.quantity.kind == fb.quantity.kind:
        return fa.quantity, fb.quantity
    for x in (fa.quantity, *fa.conversions):
        for y in (fb.quantity, *fb.conversions):
            if x.kind == y.kind:
                return x, y
    for x in (fa.quantity, *fa.conversions):
        for y in (fb.quantity, *fb.conversions):
            if (
                "元" in (x.unit, y.unit)
                and x.kind.startswith("money:")
                and y.kind.startswith("money:")
            ):
                return x, y
    return fa.quantity, fb.quantity


def _same_actors(a: frozenset[str], b: frozenset[str]) -> bool:
    groups = same_actor_groups(sorted(a | b))
    return bool({groups[x] for x in a} & {groups[x] for x in b})


def _what(a: Placed, b: Placed) -> str:
    head = NOTIONS.get(a.fact.head, a.fact.head)
    return f" ({head})" if head and head == NOTIONS.get(b.fact.head, b.fact.head) else ""


def _scope(qa: frozenset[str], qb: frozenset[str]) -> str:
    """The first qualifier group on which two figures differ, as "x vs y"."""
    groups: dict[str, tuple[set[str], set[str]]] = {}
    for side, qualifiers in enumerate((qa, qb)):
        for q in qualifiers:
            group, word = q.split(":", 1)
            groups.setdefault(group, (set(), set()))[side].add(word)
    for group in sorted(groups):
        left, right = groups[group]
        if left and right and not left & right:
            return f"{'/'.join(sorted(left))} vs {'/'.join(sorted(right))}"
        one = left or right
        if (not left or not right) and group in ONE_SIDED and (group != "stage" or one & EARLY):
            return f"{'/'.join(sorted(left)) or '—'} vs {'/'.join(sorted(right)) or '—'}"
    return ""


def _closeness(a: Placed, b: Placed) -> float:
    words_a, words_b = a.fact.words, b.fact.words
    union = words_a | words_b
    return len(words_a & words_b) / len(union) if union else 0.0


def _period_apart(a: Placed, b: Placed) -> Reason | None:
    wa, wb = a.fact.when, b.fact.when
    if wa is None or wb is None or wa.first is None or wb.first is None:
        return None
    ea, eb = a.fact.period_explicit, b.fact.period_explicit
    if ea and eb:
        if wa.overlaps(wb):
            return None
        return Reason("period", f"not comparable: counted at another time ({wa.label()} vs "
                      f"{wb.label()}), a running figure")  # fmt: skip
    days = _days_apart(wa, wb)
    limit = EXPLICIT_DAYS if (ea or eb) else IMPLICIT_DAYS
    if days <= limit:
        return None
    return Reason("period", f"not comparable: reported {days} days apart ({wa.label()} vs "
                  f"{wb.label()}), a figure that may have moved")  # fmt: skip


def _days_apart(a: When, b: When) -> int:
    assert a.first
    assert a.last
    assert b.first
    assert b.last
    if a.first <= b.last and b.first <= a.last:
        return 0
    gap: dt.timedelta = b.first - a.last if a.last < b.first else a.first - b.last
    return gap.days


# -- dates, predicates, verdicts, statements -------------------------------------------------


def _dates(a: Placed, b: Placed) -> PairRelation:
    wa, wb = a.fact.when, b.fact.when
    assert wa is not None
    assert wb is not None
    confidence = 0.5 + 0.4 * _closeness(a, b)
    if wa.overlaps(wb):
        return _pair(a, b, "agrees", confidence, Reason("same_date", f"the same date: {wa.text} "
                     f"vs {wb.text}"))  # fmt: skip
    return _pair(a, b, "differs", confidence, Reason("date", f"another date for the same event: "
                 f"{wa.text} ({wa.label()}) vs {wb.text} ({wb.label()})"))  # fmt: skip


def _about_the_same(a: Placed, b: Placed) -> bool:
    """Whether two predicates or verdicts share what they are about: a person or an
    organisation, or a name or content word besides their heads that few facts of
    the selection use (增加 税率 and 减少 依赖 do not, nor two sentences that both
    name the story's country)."""
    return bool(a.fact.actors & b.fact.actors) or shares_specific(a, b)


def _predicates(a: Placed, b: Placed) -> PairRelation:
    fa, fb = a.fact, b.fact
    if not _about_the_same(a, b):
        return _statements(a, b)
    said = f"{fa.head}{'(negated)' if fa.polarity < 0 else ''} vs " \
           f"{fb.head}{'(negated)' if fb.polarity < 0 else ''}"  # fmt: skip
    if fb.predicate in OPPOSITES.get(fa.predicate, frozenset()) and fa.polarity == fb.polarity:
        return _pair(a, b, "contradicts", 0.7, Reason("opposite", f"opposite actions: {said}"))
    if fa.predicate == fb.predicate and fa.polarity != fb.polarity:
        return _pair(a, b, "contradicts", 0.65, Reason("negation", f"one denies what the other "
                     f"says: {said}"))  # fmt: skip
    if fa.predicate == fb.predicate:
        if (fa.modality in HEDGED) != (fb.modality in HEDGED):
            return _pair(a, b, "related", 0.5, Reason("modality", f"{fa.modality} vs "
                         f"{fb.modality}: {said}"))  # fmt: skip
        return _pair(a, b, "agrees", 0.5, Reason("same_action", f"the same action: {said}"))
    return _statements(a, b)


def _verdicts(a: Placed, b: Placed) -> PairRelation:
    fa, fb = a.fact, b.fact
    if fa.predicate != fb.predicate or not _about_the_same(a, b):
        return _statements(a, b)
    if fa.polarity != fb.polarity:
        what = "assessments of how large it is" if fa.predicate == "magnitude" else "verdicts"
        return _pair(a, b, "contradicts", 0.6, Reason("verdict", f"opposite {what}: "
                     f"{fa.head} vs {fb.head}"))  # fmt: skip
    return _pair(a, b, "agrees", 0.5, Reason("same_verdict", f"the same verdict: {fa.head} "
                 f"and {fb.head}"))  # fmt: skip


def _statements(a: Placed, b: Placed) -> PairRelation:
    for x, y in ((a, b), (b, a)):
        clash = _negated_against(x, y)
        if clash:
            return _pair(a, b, "contradicts", 0.55, Reason("negation", f"one says {clash} is "
                         f"not so, the other says it is"))  # fmt: skip
    return _pair(a, b, "related", 0.4, Reason("related", "about the same thing"))


def _negated_against(x: Placed, y: Placed) -> str:
    """A word ``x`` negates that ``y`` asserts (either contains the other), among
    the words the two facts are about (not one of another part of the sentence)."""
    about = x.fact.words | y.fact.words
    for word in sorted(x.claim.frame.negated):
        if not any(word in w or w in word for w in about if len(w) >= 2):
            continue
        for other in sorted(y.claim.frame.affirmed):
            if len(word) >= 2 and len(other) >= 2 and (word in other or other in word):
                return word
    return ""
