"""Relations between claims: :func:`relate` says whether two claims
contradict, differ, agree or are only related, with the evidence in words;
a :class:`Row` holds aligned claims (one per article) and
:func:`label_row` gives it the strongest relation between any two of them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.lexicon import (
    ASSERTIVE,
    CANON,
    NEGATORS,
    SCOPE,
    SCOPE_GROUPS,
    STRONG,
    SYNONYMS,
    WEAK,
    WILL,
    WONT,
    cues,
)
from duizhao.core.compare.quantities import Quantity, When

RELATIONS = ("contradicts", "differs", "agrees", "related")
PRIORITY = {name: i for i, name in enumerate(RELATIONS)}


def digest(text: str) -> str:
    """A short stable hash of ``text`` (row and topic keys)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class Row:
    """Claims of different articles about the same thing, and their relation."""

    claims: list[Claim]
    relation: str = "related"
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id from the claims' (article, start, end): the same row of a
        recomputed comparison has the same key."""
        spans = sorted((c.article, c.start, c.end) for c in self.claims)
        return "r" + digest(";".join(f"{a}:{s}-{e}" for a, s, e in spans))

    def to_json(self) -> dict[str, object]:
        return {
            "claims": [c.to_json() for c in sorted(self.claims, key=lambda c: c.article)],
            "relation": self.relation,
            "reasons": list(self.reasons),
        }


ADVERBS = ("", "正式", "完全", "真正", "再", "曾", "被", "有", "一直", "真的", "能", "会", "可")
#: words a negator may qualify without being the predicate
NOT_PREDICATES = frozenset(("正式", "完全", "真正", "一直", "公司", "项目", "日本", "中国", "政府"))


def _negated_at(norm: str, index: int) -> str | None:
    """The negator governing the word at ``index`` (only adverbs between them)."""
    before = norm[max(0, index - 6) : index]
    for neg in NEGATORS:
        pos = before.rfind(neg)
        if pos >= 0 and before[pos + len(neg) :] in ADVERBS:
            return neg
    return None


@lru_cache(maxsize=1 << 16)
def _polarity(norm: str, word: str) -> tuple[bool, str] | None:
    """Whether ``word`` (or a synonym) occurs negated in ``norm``, and the phrase."""
    group = next((g for g in SYNONYMS if word in g), (word,))
    for w in group:
        index = norm.find(w)
        if index >= 0:
            neg = _negated_at(norm, index)
            if neg:
                start = norm.rfind(neg, 0, index)
                return True, norm[start : index + len(w)]
            return False, w
    return None


def _scope(norm: str) -> frozenset[str]:
    found = {SCOPE_GROUPS.get(w, w) for w in SCOPE if w in norm}
    if "总" in found and not re.search(r"总(量|额|投资|计|共)", norm):
        found.discard("总")
    return frozenset(found)


def clause_of(norm: str, piece: str) -> str:
    """The clause of ``norm`` (between punctuation) holding ``piece``."""
    index = norm.find(piece)
    if index < 0:
        return norm
    start = max(norm.rfind(p, 0, index) for p in "，,。；;：:（(") + 1
    ends = [i for i in (norm.find(p, index + len(piece)) for p in "，,。；;）)") if i >= 0]
    return norm[start : min(ends) if ends else len(norm)]


def clause_overlap(a: Claim, x: Quantity | When, b: Claim, y: Quantity | When) -> int:
    ca, cb = clause_of(a.norm, x.text), clause_of(b.norm, y.text)
    return sum(1 for t in a.terms & b.terms if a.labels[t] in ca and a.labels[t] in cb)


def comparable(p: When, q: When) -> bool:
    return (p.month is None) == (q.month is None)


def _fmt(q: Quantity) -> str:
    return q.text


_EFFECTIVE = re.compile(r"^.{0,3}?(起|开始|施行|实施|生效|上路|执行|落地)")
_ANNOUNCED = re.compile(r"^(电|讯)|^.{0,8}?(发布|宣布|公布|公告|发表|表示|宣告)")
_ROLE_NAMES = {"effective": "生效", "announced": "发布"}


def date_role(norm: str, when: When) -> str | None:
    """What a date in a sentence marks: "effective" (3月1日起施行), "announced"
    (2月26日发布公告), or None when the sentence does not say."""
    at = norm.find(when.text)
    if at < 0:
        return None
    after = norm[at + len(when.text) : at + len(when.text) + 12]
    if _EFFECTIVE.match(after):
        return "effective"
    if _ANNOUNCED.match(after):
        return "announced"
    return None


def _role_clash(a: Claim, p: When, b: Claim, q: When) -> bool:
    ra, rb = date_role(a.norm, p), date_role(b.norm, q)
    return ra is not None and rb is not None and ra != rb


def _role_rank(a: Claim, p: When, b: Claim, q: When) -> int:
    """0: both dates mark the same kind of event; 1: unknown; 2: different events."""
    ra, rb = date_role(a.norm, p), date_role(b.norm, q)
    if ra is None or rb is None:
        return 1
    return 0 if ra == rb else 2


def _date_relation(a: When, b: When) -> str:
    if a.month is not None and b.month is not None:
        if a.year and b.year and a.year != b.year:
            return "differs"
        if a.month != b.month:
            return "differs"
        if a.day and b.day:
            return "agrees" if a.day == b.day else "differs"
        if a.day is None and b.day is None and a.part == b.part:
            return "agrees"
        return "related"  # compatible precision (4月上旬 vs 4月第一周)
    if a.month is None and b.month is None and a.year and b.year:
        if a.year != b.year:
            return "differs"
        return "agrees" if a.part == b.part else "related"
    return "related"


def relate(a: Claim, b: Claim) -> tuple[str, list[str]]:
    """The relation between two claims and the evidence for it."""
    shared = sorted((a.terms & b.terms) | (a.entity_ids & b.entity_ids))
    context = [a.labels.get(k) or b.labels.get(k, k) for k in shared]
    ctx = "、".join(context[:3])
    # negation / reversal of a shared predicate
    for key in sorted(a.terms & b.terms, key=lambda k: (-len(k), k)):
        word = a.labels[key]
        if word in NOT_PREDICATES:
            continue
        pa, pb = _polarity(a.norm, word), _polarity(b.norm, word)
        if pa and pb and pa[0] != pb[0]:
            return "contradicts", [f"一方说“{pa[1]}”，另一方说“{pb[1]}”"]
    # will happen vs will not
    wa, wb = cues(a.norm, WILL), cues(b.norm, WILL)
    na, nb = cues(a.norm, WONT), cues(b.norm, WONT)
    if wa and nb and not na:
        return "contradicts", [f"相反的预测：“{wa[0]}” ↔ “{nb[0]}”"]
    if wb and na and not nb:
        return "contradicts", [f"相反的预测：“{na[0]}” ↔ “{wb[0]}”"]
    # opposite verdicts
    sa, sb = cues(a.norm, STRONG), cues(b.norm, STRONG)
    la, lb = cues(a.norm, WEAK), cues(b.norm, WEAK)
    if sa and lb and not la and not (sb and not lb):
        return "contradicts", [f"相反的评价：“{sa[0]}” ↔ “{lb[0]}”"]
    if sb and la and not lb and not (sa and not la):
        return "contradicts", [f"相反的评价：“{la[0]}” ↔ “{sb[0]}”"]
    # numbers with the same unit and a shared context word
    pairs = [(x, y) for x in a.numbers for y in b.numbers if x.unit == y.unit]
    pairs.sort(key=lambda p: -clause_overlap(a, p[0], b, p[1]))
    if pairs and context:
        if any(x.value == y.value for x, y in pairs):
            x, y = next((x, y) for x, y in pairs if x.value == y.value)
            return "agrees", [f"数字相同：{_fmt(x)}（{ctx}）"]
        x, y = pairs[0]
        da, db = {d.text for d in a.dates}, {d.text for d in b.dates}
        if (
            a.dates
            and b.dates
            and da != db
            and any(_date_relation(p, q) == "differs" for p in a.dates for q in b.dates)
        ):
            return "related", [
                f"时间不同：{'/'.join(sorted(da))} ↔ {'/'.join(sorted(db))}，数字不可直接比较"
            ]
        sca, scb = _scope(clause_of(a.norm, x.text)), _scope(clause_of(b.norm, y.text))
        if sca != scb:
            extra = "、".join(sorted(sca ^ scb))
            return "related", [f"范围不同（{extra}），{_fmt(x)} 与 {_fmt(y)} 不是同一数量"]
        return "differs", [f"数字不同：{_fmt(x)} ↔ {_fmt(y)}（{ctx}）"]
    # dates for the same event
    if a.dates and b.dates and context:
        cands = [(p, q) for p in a.dates for q in b.dates if comparable(p, q)] or [
            (p, q) for p in a.dates for q in b.dates
        ]
        cands.sort(
            key=lambda c: (
                _role_rank(a, c[0], b, c[1]),
                -clause_overlap(a, c[0], b, c[1]),
                _date_relation(*c) != "agrees",
            )
        )
        p, q = cands[0]
        # Among dates both sentences tie to the same kind of event, a disagreement
        # outweighs an agreement (announced the same day, effective on different days).
        if _role_rank(a, p, b, q) == 0:
            p, q = next(
                (
                    c
                    for c in cands
                    if _role_rank(a, c[0], b, c[1]) == 0 and _date_relation(*c) == "differs"
                ),
                (p, q),
            )
        rel = _date_relation(p, q)
        if rel != "agrees" and _role_clash(a, p, b, q):
            ra, rb = date_role(a.norm, p), date_role(b.norm, q)
            return "related", [
                f"不同事件的日期：{p.text}（{_ROLE_NAMES[ra or '']}）↔ "
                f"{q.text}（{_ROLE_NAMES[rb or '']}），不是同一日期"
            ]
        if rel == "agrees":
            return "agrees", [f"日期相同：{p.text}（{ctx}）"]
        if rel == "differs":
            return "differs", [f"日期不同：{p.text} ↔ {q.text}（{ctx}）"]
        return "related", [f"日期相容：{p.text} ↔ {q.text}（{ctx}）"]
    # same assertion
    if (sa and sb) or (la and lb):
        words = (sa + sb) if sa and sb else (la + lb)
        return "agrees", [f"评价一致：“{words[0]}” / “{words[-1]}”"]
    if na and nb:
        return "agrees", [f"都认为不会实现：“{na[0]}” / “{nb[0]}”"]
    for key in sorted(a.terms & b.terms):
        word = a.labels[key]
        if word in ASSERTIVE or word in CANON:
            pa, pb = _polarity(a.norm, word), _polarity(b.norm, word)
            if pa and pb and pa[0] == pb[0] and len(shared) >= 3:
                return "agrees", [f"都说“{pa[1]}”（{ctx}）"]
    if len(shared) >= 3 and _overlap(a, b) >= 0.5:
        same_pol = all(
            (_polarity(a.norm, a.labels[k]) or (False, ""))[0]
            == (_polarity(b.norm, a.labels[k]) or (False, ""))[0]
            for k in a.terms & b.terms
        )
        if same_pol:
            return "agrees", [f"说法相同：{ctx}"]
    return "related", [f"同一话题：{ctx}"] if ctx else ["同一话题"]


def _overlap(a: Claim, b: Claim) -> float:
    ka, kb = a.keys, b.keys
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / min(len(ka), len(kb))


#: in a row of more claims than this, claims after the first WIDE are related
#: to those only, not to each other (the work grows with the square of the row)
WIDE = 6

#: relations already found, by the ids of the two claims (see :func:`label_row`)
RelationCache = dict[tuple[int, int], tuple[str, list[str]]]


def label_row(row: Row, cache: RelationCache | None = None) -> None:
    """The row's relation is the strongest between any two of its claims
    (contradicts > differs > agrees > related); with more than two claims the
    reasons name the articles of each finding. ``cache`` keeps each pair's
    relation for the rows of one comparison (claims shared between rows)."""
    found: list[tuple[int, str, list[str], int, int]] = []
    ordered = sorted(row.claims, key=lambda c: c.article)
    for i, a in enumerate(ordered):
        # a row of many claims: each is judged against the first few only
        for b in ordered[i + 1 :] if i < WIDE else ():
            if cache is None:
                rel, why = relate(a, b)
            else:
                pair = (id(a), id(b))
                if pair not in cache:
                    cache[pair] = relate(a, b)
                rel, why = cache[pair]
            found.append((PRIORITY[rel], rel, why, a.article, b.article))
    if not found:
        row.relation, row.reasons = "related", ["只有一篇文章提到"]
        return
    found.sort(key=lambda f: f[0])
    row.relation = found[0][1]
    if len(ordered) == 2:
        row.reasons = list(found[0][2])
        return
    reasons: list[str] = []
    for _p, rel, texts, x, y in found:
        if rel == "related" and reasons:
            continue
        reasons.extend(f"#{x}↔#{y} {t}" for t in texts)
    row.reasons = list(dict.fromkeys(reasons))
