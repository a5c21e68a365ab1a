"""Compare articles: check-worthy claims, shared topics, aligned rows, relations.

Everything reads the normalised Simplified analysis text, so a Traditional
article compares with a Simplified one; every claim span is reported in code
points of the article's original text (sentence spans of
:func:`duizhao.core.segment.sentences`).

The flow: :func:`extract_claims` keeps the sentences worth checking (an
entity, a number, a date, or assertive / predictive / evaluative wording);
claims of different articles are joined greedily into rows (one claim per
article per row) by what they share (entity ids, key terms weighted by how
rare they are across the selection, numbers with units, dates); rows are
grouped into topics by their strongest shared key, topics that co-occur in
the same claims are merged; each row gets a relation with human-readable
reasons (:func:`relate`).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from duizhao.core.article import Script
from duizhao.core.script import analysis_view, convert
from duizhao.core.segment import Segmenter, sentences

RELATIONS = ("contradicts", "differs", "agrees", "related")
_PRIORITY = {name: i for i, name in enumerate(RELATIONS)}


class CompareError(ValueError):
    """Bad input for a comparison (for instance fewer than two distinct articles)."""


# -- lexicon: general Chinese cues (normalised Simplified) ---------------------

ASSERTIVE = (
    "将",
    "预计",
    "可能",
    "不会",
    "认为",
    "表示",
    "指出",
    "称",
    "估计",
    "恐怕",
    "必然",
    "一定",
    "势必",
    "料将",
    "转折点",
    "象征",
    "意义",
    "结论",
    "宣布",
    "确认",
    "证实",
    "撤回",
    "批准",
    "核定",
    "否认",
    "无法",
    "有限",
    "高估",
    "低估",
    "预期",
    "计划",
)
NEGATORS = (
    "并未",
    "尚未",
    "没有",
    "未能",
    "无法",
    "不会",
    "不能",
    "不再",
    "从未",
    "未",
    "没",
    "不",
    "无",
    "非",
)
#: a claim that something will happen as planned
WILL = ("将如期", "如期", "必将", "一定会", "必然", "势必", "按计划", "顺利")
#: a claim that it will not (or may not) happen
WONT = ("无法", "不成", "不会", "难以", "不可能", "落空", "搁浅", "泡汤", "未必")
#: evaluations: momentous vs minor
STRONG = ("转折点", "里程碑", "历史性", "突破", "重大", "严重", "短缺", "巨大", "深远")
WEAK = ("象征", "有限", "高估", "姿态", "不大", "轻微", "有名无实", "作秀")
#: scope words: two figures with different scope measure different things
SCOPE = (
    "直接",
    "间接",
    "上下游",
    "带动",
    "其中",
    "一期",
    "二期",
    "首期",
    "自华",
    "自中国",
    "自内地",
    "从中国",
    "随行",
    "企业家",
    "总量",
    "总额",
    "总",
    "累计",
    "同比",
    "环比",
    "按年",
)
SCOPE_GROUPS = {
    "同比": "同比",
    "按年": "同比",
    "总量": "总",
    "总额": "总",
    "总": "总",
    "自华": "自中国",
    "自内地": "自中国",
    "从中国": "自中国",
    "自中国": "自中国",
}
#: words that name the same notion (mapped to the first)
SYNONYMS = (
    ("生效", "施行", "实施", "执行", "上路", "起效"),
    ("批准", "核定", "核准", "通过审核", "同意"),
    ("补贴", "补助", "资助"),
    ("投产", "量产"),
    ("下降", "下跌", "减少"),
    ("岗位", "就业机会", "工作岗位", "就业岗位", "职位"),
    ("冲击", "短缺", "影响"),
    ("访问", "访", "成行", "出访"),
    ("象征", "象征性"),
    ("落地", "推进", "盖", "建成"),
)
_CANON = {word: group[0] for group in SYNONYMS for word in group}
STOPWORDS = frozenset(
    """
    我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 这种 一种
    一个 没有 不是 就是 还是 以及 因为 所以 如果 但是 而且 或者 已经
    可以 可能 表示 认为 指出 其中 此前 目前 今年 去年 明年 同时 此外
    另外 对于 关于 由于 进行 相关 方面 问题 情况 记者 报道 消息 这次
    此次 今次 之后 以来 以后 以前 之前 以上 以下 左右 大约 约为 一些
    有关 自己 什么 怎么 如何 为了 通过 据悉 包括 其他 其它 其实 并且
    不过 只是 然而 因此 于是 并未 尚未 未能
    """.split()  # noqa: SIM905
)
CALL_TO_ACTION = ("关注", "点赞", "转发", "订阅", "扫码", "点击", "分享到", "留言", "在看", "收藏")
DISCLAIMER = (
    "免责",
    "仅代表作者",
    "不代表本",
    "版权",
    "转载",
    "来源：",
    "编辑：",
    "责任编辑",
    "作者：",
    "译者",
)
LINKS = ("相关阅读", "延伸阅读", "相关新闻", "推荐阅读", "http", "www.", "参考资料")

_NUMBER = re.compile(
    r"(\d+(?:[,，]\d{3})*(?:\.\d+)?)\s*(余|多)?\s*"
    r"(%|％|亿美元|亿日元|亿元|亿|万亿|万吨|万人|万|吨|人|个|家|座|项|倍|美元|日元|元|公里|千米|米|辆|名|户|台|次|架|艘|件|所|天)"
)
_DATE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(\d{1,2})[日号]|(上旬|中旬|下旬|初|底|末|第一周|第二周|第三周|第四周))?"
)
_YEAR = re.compile(r"(\d{4})年(底|初|末|前后|上半年|下半年)?(?!\d{0,2}月)")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    text: str  # as written in the analysis text


@dataclass(frozen=True, slots=True)
class When:
    year: int | None
    month: int | None
    day: int | None
    part: str  # 上旬, 底 … or ""
    text: str


@dataclass(slots=True)
class Claim:
    article: int
    start: int  # original text, code points
    end: int
    text: str  # original text of the sentence
    norm: str  # its analysis (normalised Simplified) text
    score: float
    terms: frozenset[str] = frozenset()
    entity_ids: frozenset[str] = frozenset()
    labels: dict[str, str] = field(default_factory=dict)  # key -> readable label
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[When, ...] = ()

    @property
    def keys(self) -> frozenset[str]:
        return self.terms | self.entity_ids

    def to_json(self) -> dict[str, object]:
        return {"article": self.article, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Document:
    """What compare needs of an article: its id, title, text, script and entities."""

    id: int
    title: str
    text: str
    script: Script
    entities: tuple[Any, ...] = ()  # duizhao.core.entities.Entity


@dataclass(slots=True)
class Row:
    claims: list[Claim]
    relation: str = "related"
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "claims": [c.to_json() for c in sorted(self.claims, key=lambda c: c.article)],
            "relation": self.relation,
            "reasons": list(self.reasons),
        }


@dataclass(slots=True)
class Topic:
    label: str
    terms: list[str]
    rows: list[Row]
    score: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {"label": self.label, "terms": self.terms, "rows": [r.to_json() for r in self.rows]}


@dataclass(slots=True)
class Comparison:
    articles: list[tuple[int, str]]
    topics: list[Topic]

    def to_json(self) -> dict[str, object]:
        return {
            "articles": [{"id": i, "title": t} for i, t in self.articles],
            "topics": [t.to_json() for t in self.topics],
        }


_SEGMENTER = Segmenter()


def set_segmenter(segmenter: Segmenter) -> None:
    global _SEGMENTER
    _SEGMENTER = segmenter


# -- claims --------------------------------------------------------------------


def _excluded(norm: str) -> bool:
    stripped = norm.strip()
    if len(re.sub(r"\W", "", stripped)) < 5:
        return True
    if stripped.rstrip("”」』\"'）)").endswith(("?", "？")):  # noqa: B005
        return True
    if any(w in stripped for w in CALL_TO_ACTION) and any(
        w in stripped for w in ("欢迎", "请", "记得", "一键", "我们", "本号", "公众号")
    ):
        return True
    if any(w in stripped for w in DISCLAIMER):
        return True
    if (
        any(w in stripped for w in LINKS)
        or stripped.startswith(("![", "[", "-", "·", "•"))
        and "](" in stripped
    ):
        return True
    if re.search(r"《[^》]+》\s*\d{4}-\d{2}-\d{2}$", stripped):  # a citation line
        return True
    return stripped.count("|") >= 2


def _canon(word: str) -> str:
    return _CANON.get(word, word)


def parse_numbers(norm: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for m in _NUMBER.finditer(norm):
        # a year or a month/day is a date, not an amount
        if m.group(3) in ("个",) and norm[m.end() : m.end() + 1] == "月":
            continue
        value = float(m.group(1).replace(",", "").replace("，", ""))
        unit = m.group(3).replace("％", "%")
        found.append(Quantity(value, unit, m.group(0)))
    return tuple(found)


def parse_dates(norm: str) -> tuple[When, ...]:
    found: list[When] = []
    for m in _DATE.finditer(norm):
        found.append(
            When(
                int(m.group(1)) if m.group(1) else None,
                int(m.group(2)),
                int(m.group(3)) if m.group(3) else None,
                m.group(4) or "",
                m.group(0),
            )
        )
    for m in _YEAR.finditer(norm):
        found.append(When(int(m.group(1)), None, None, m.group(2) or "", m.group(0)))
    return tuple(found)


def _cues(norm: str, words: Iterable[str]) -> list[str]:
    return [w for w in words if w in norm]


def extract_claims(doc: Document) -> list[Claim]:
    """The check-worthy sentences of ``doc``, in text order, with their features."""
    view = analysis_view(doc.text, doc.script)
    entities = [e for e in doc.entities if getattr(e, "type", "") not in ("DATE", "NUMBER")]
    claims: list[Claim] = []
    for start, end in sentences(doc.text):
        v_start, v_end = view.to_view(start, end)
        norm = view.text[v_start:v_end].replace("日圆", "日元")
        if _excluded(norm):
            continue
        ids: dict[str, str] = {}
        for e in entities:
            if e.start >= start and e.end <= end and e.entity_id:
                ids["e:" + e.entity_id] = convert(e.canonical or e.text, "t2s")
        numbers = parse_numbers(norm)
        dates = parse_dates(norm)
        cues = _cues(norm, ASSERTIVE)
        score = len(ids) * 1.0 + 2.0 * bool(numbers) + 2.0 * bool(dates) + 1.5 * min(len(cues), 2)
        if score < 1.5:
            continue
        terms: dict[str, str] = {}
        for s, e2 in _SEGMENTER.cut(norm):
            word = norm[s:e2]
            if len(word) < 2 or word in STOPWORDS or not re.search(r"[\u4e00-\u9fff]", word):
                continue
            if re.search(r"\d", word):
                continue
            terms["t:" + _canon(word)] = _canon(word)
            for sub_start, sub_end in _SEGMENTER.subwords(word):  # 象征 in 象征性
                sub = word[sub_start:sub_end]
                if sub not in STOPWORDS:
                    terms.setdefault("t:" + _canon(sub), _canon(sub))
        claims.append(
            Claim(
                doc.id,
                start,
                end,
                doc.text[start:end],
                norm,
                score,
                frozenset(terms),
                frozenset(ids),
                {**terms, **ids},
                numbers,
                dates,
            )
        )
    return claims


# -- relations -----------------------------------------------------------------


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


def _clause(norm: str, piece: str) -> str:
    """The clause of ``norm`` (between punctuation) holding ``piece``."""
    index = norm.find(piece)
    if index < 0:
        return norm
    start = max(norm.rfind(p, 0, index) for p in "，,。；;：:（(") + 1
    ends = [i for i in (norm.find(p, index + len(piece)) for p in "，,。；;）)") if i >= 0]
    return norm[start : min(ends) if ends else len(norm)]


def _clause_overlap(a: Claim, x: Quantity | When, b: Claim, y: Quantity | When) -> int:
    ca, cb = _clause(a.norm, x.text), _clause(b.norm, y.text)
    return sum(1 for t in a.terms & b.terms if a.labels[t] in ca and a.labels[t] in cb)


def _comparable(p: When, q: When) -> bool:
    return (p.month is None) == (q.month is None)


def _fmt(q: Quantity) -> str:
    return q.text


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
    wa, wb = _cues(a.norm, WILL), _cues(b.norm, WILL)
    na, nb = _cues(a.norm, WONT), _cues(b.norm, WONT)
    if wa and nb and not na:
        return "contradicts", [f"相反的预测：“{wa[0]}” ↔ “{nb[0]}”"]
    if wb and na and not nb:
        return "contradicts", [f"相反的预测：“{na[0]}” ↔ “{wb[0]}”"]
    # opposite verdicts
    sa, sb = _cues(a.norm, STRONG), _cues(b.norm, STRONG)
    la, lb = _cues(a.norm, WEAK), _cues(b.norm, WEAK)
    if sa and lb and not la and not (sb and not lb):
        return "contradicts", [f"相反的评价：“{sa[0]}” ↔ “{lb[0]}”"]
    if sb and la and not lb and not (sa and not la):
        return "contradicts", [f"相反的评价：“{la[0]}” ↔ “{sb[0]}”"]
    # numbers with the same unit and a shared context word
    pairs = [(x, y) for x in a.numbers for y in b.numbers if x.unit == y.unit]
    pairs.sort(key=lambda p: -_clause_overlap(a, p[0], b, p[1]))
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
        sca, scb = _scope(_clause(a.norm, x.text)), _scope(_clause(b.norm, y.text))
        if sca != scb:
            extra = "、".join(sorted(sca ^ scb))
            return "related", [f"范围不同（{extra}），{_fmt(x)} 与 {_fmt(y)} 不是同一数量"]
        return "differs", [f"数字不同：{_fmt(x)} ↔ {_fmt(y)}（{ctx}）"]
    # dates for the same event
    if a.dates and b.dates and context:
        cands = [(p, q) for p in a.dates for q in b.dates if _comparable(p, q)] or [
            (p, q) for p in a.dates for q in b.dates
        ]
        cands.sort(
            key=lambda c: (-_clause_overlap(a, c[0], b, c[1]), _date_relation(*c) != "agrees")
        )
        p, q = cands[0]
        rel = _date_relation(p, q)
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
        if word in ASSERTIVE or word in _CANON:
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


def label_row(row: Row) -> None:
    """The row's relation is the strongest between any two of its claims
    (contradicts > differs > agrees > related); with more than two claims the
    reasons name the articles of each finding."""
    found: list[tuple[int, str, list[str], int, int]] = []
    ordered = sorted(row.claims, key=lambda c: c.article)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            rel, why = relate(a, b)
            found.append((_PRIORITY[rel], rel, why, a.article, b.article))
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


# -- alignment and topics ------------------------------------------------------


def _weights(claims: Sequence[Claim], n_articles: int) -> dict[str, float]:
    """Key weight: shared by several articles, but rare among the selection's claims."""
    article_df: dict[str, set[int]] = defaultdict(set)
    claim_df: Counter[str] = Counter()
    for c in claims:
        for k in c.keys:
            article_df[k].add(c.article)
            claim_df[k] += 1
    total = max(1, len(claims))
    weights: dict[str, float] = {}
    for k, arts in article_df.items():
        if len(arts) < 2:
            continue
        idf = math.log(1 + total / claim_df[k])
        weights[k] = idf
    return weights


def similarity(a: Claim, b: Claim, weights: dict[str, float]) -> float:
    """How likely two claims speak about the same thing (0 … about 1)."""
    shared = a.keys & b.keys
    score = sum(weights.get(k, 0.0) ** 2 for k in shared)
    norm_a = math.sqrt(sum(weights.get(k, 0.0) ** 2 for k in a.keys) + 1)
    norm_b = math.sqrt(sum(weights.get(k, 0.0) ** 2 for k in b.keys) + 1)
    base = score / (norm_a * norm_b)
    anchors = 0.0
    for x in a.numbers:
        for y in b.numbers:
            if x.unit == y.unit and _clause_overlap(a, x, b, y):
                anchors = max(anchors, 0.25 + 0.05 * _clause_overlap(a, x, b, y))
    for p in a.dates:
        for q in b.dates:
            if _comparable(p, q) and _clause_overlap(a, p, b, q):
                anchors = max(anchors, 0.2 + 0.05 * _clause_overlap(a, p, b, q))
    for cues in (WILL + WONT, STRONG + WEAK):
        if _cues(a.norm, cues) and _cues(b.norm, cues) and shared:
            anchors += 0.15
    predicates = {
        k for k in shared if a.labels.get(k, "") in _CANON or a.labels.get(k, "") in ASSERTIVE
    }
    anchors += 0.1 * min(2, len(predicates))
    return base + anchors


#: average similarity (in thresholds) for two groups of claims to form one row,
#: and for a claim to join a row centred on another claim
TIGHT, LOOSE = 3.0, 0.75


def align(claims: Sequence[Claim], weights: dict[str, float], threshold: float = 0.2) -> list[Row]:
    """Greedy best-pair matching into rows holding at most one claim per article."""
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if a.article == b.article or not (a.keys & b.keys):
                continue
            s = similarity(a, b, weights)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    row_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for _s, i, j in pairs:
        ri, rj = row_of[i], row_of[j]
        if ri == rj:
            continue
        arts_i = {claims[k].article for k in members[ri]}
        arts_j = {claims[k].article for k in members[rj]}
        if arts_i & arts_j:
            continue
        # join only tight groups: broader rows come from the claim-centred rows below
        sims = [similarity(claims[k], claims[m], weights) for k in members[ri] for m in members[rj]]
        if sum(sims) / len(sims) < threshold * TIGHT:
            continue
        for k in members[rj]:
            row_of[k] = ri
        members[ri].extend(members.pop(rj))
    groups = [sorted(ms) for ms in members.values()]
    # a claim may also match claims that its row gave to others: a row centred
    # on each claim, with its best counterpart in every other article
    best: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for sim, i, j in pairs:
        for x, y in ((i, j), (j, i)):
            art = claims[y].article
            if art not in best[x] or best[x][art][0] < sim:
                best[x][art] = (sim, y)
    sets = [frozenset(g) for g in groups]
    for i in range(len(claims)):
        row = [i]
        for _sim, j in sorted(best[i].values(), reverse=True):
            sims = [similarity(claims[k], claims[j], weights) for k in row]
            if sum(sims) / len(sims) >= threshold * LOOSE:
                row.append(j)
        key = frozenset(row)
        # skip a row that repeats another but for at most one claim
        if len(key) >= 2 and not any(len(key - other) <= (len(key) >= 3) for other in sets):
            sets.append(key)
            groups.append(sorted(row))
    return [Row([claims[k] for k in g]) for g in groups]


def _row_key(row: Row, weights: dict[str, float]) -> str | None:
    counts: Counter[str] = Counter()
    for c in row.claims:
        for k in c.keys:
            if k in weights:
                counts[k] += 1
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], weights[k], k))


def build_topics(claims: Sequence[Claim], n_articles: int, limit: int = 40) -> list[Topic]:
    weights = _weights(claims, n_articles)
    rows = align(claims, weights)
    labels: dict[str, str] = {}
    for c in claims:
        labels.update(c.labels)
    multi = [r for r in rows if len({c.article for c in r.claims}) >= 2]
    single = [r for r in rows if len(r.claims) == 1]
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in multi:
        key = _row_key(r, weights)
        if key is not None:
            groups[key].append(r)
    # merge groups whose keys co-occur in the same claims
    keys = list(groups)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, k1 in enumerate(keys):
        for k2 in keys[i + 1 :]:
            c1 = [c for r in groups[k1] for c in r.claims]
            c2 = [c for r in groups[k2] for c in r.claims]
            both1 = sum(1 for c in c1 if k2 in c.keys) / len(c1)
            both2 = sum(1 for c in c2 if k1 in c.keys) / len(c2)
            if both1 >= 0.5 and both2 >= 0.5:
                parent[find(k2)] = find(k1)
    merged: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        merged[find(k)].append(k)
    topics: list[Topic] = []
    for ks in merged.values():
        trows = [r for k in ks for r in groups[k]]
        tkeys = set(ks)
        # claims without a counterpart that belong to this topic
        for r in single:
            if r.claims[0].keys & tkeys and r.claims[0].score >= 3:
                trows.append(r)
        for r in trows:
            label_row(r)
        covered = {c.article for r in trows for c in r.claims}
        centrality = sum(weights.get(k, 0.0) for k in ks)
        terms = sorted(ks, key=lambda k: -weights.get(k, 0.0))
        names = [labels.get(k, k) for k in terms]
        trows.sort(
            key=lambda r: (-len(r.claims), _PRIORITY[r.relation], min(c.start for c in r.claims))
        )
        score = len(covered) * 10 + centrality + sum(len(r.claims) for r in trows)
        topics.append(
            Topic("、".join(dict.fromkeys(names[:3])), list(dict.fromkeys(names)), trows, score)
        )
    topics.sort(key=lambda t: -t.score)
    # a singleton row is shown once: in the best topic that has it
    seen: set[tuple[int, int]] = set()
    out: list[Topic] = []
    for t in topics:
        t.rows = [
            r
            for r in t.rows
            if len(r.claims) > 1 or (r.claims[0].article, r.claims[0].start) not in seen
        ]
        for r in t.rows:
            seen.update((c.article, c.start) for c in r.claims)
        if any(len(r.claims) >= 2 for r in t.rows):
            out.append(t)
    return out[:limit]


def user_topic(claims: Sequence[Claim], text: str, n_articles: int) -> list[Topic]:
    norm = convert(text, "t2s")
    words = [norm[s:e] for s, e in _SEGMENTER.cut(norm)]
    words = [
        w
        for w in words
        if w.strip() and w not in STOPWORDS and (len(w) >= 2 or re.search(r"[\u4e00-\u9fff\d]", w))
    ]
    wanted = [w for w in words if len(w) >= 2] or words or [norm]
    picked = [c for c in claims if any(w in c.norm or "t:" + _canon(w) in c.terms for w in wanted)]
    weights = _weights(picked, n_articles)
    rows = align(picked, weights, threshold=0.15)
    for r in rows:
        label_row(r)
    rows.sort(key=lambda r: (-len(r.claims), _PRIORITY[r.relation], min(c.start for c in r.claims)))
    return [Topic(text.strip(), wanted, rows, 0.0)] if rows else []


def compare_documents(docs: Sequence[Document], topic: str | None = None) -> Comparison:
    """Compare documents (two or more distinct ids)."""
    unique: dict[int, Document] = {}
    for d in docs:
        unique.setdefault(d.id, d)
    if len(unique) < 2:
        raise CompareError("compare needs at least two different articles")
    claims: list[Claim] = []
    for d in unique.values():
        claims.extend(extract_claims(d))
    n = len(unique)
    topics = user_topic(claims, topic, n) if topic and topic.strip() else build_topics(claims, n)
    return Comparison([(d.id, d.title) for d in unique.values()], topics)


def compare(
    library: Any, ids: Sequence[int], topic: str | None = None, *, entities: bool = True
) -> Comparison:
    """Compare articles of ``library`` by id (entities from the library's cache)."""
    from duizhao.core.entities import article_entities

    docs: list[Document] = []
    for article_id in dict.fromkeys(ids):
        article = library.get(article_id)
        found = tuple(article_entities(library, article)) if entities else ()
        docs.append(Document(article.id, article.title, article.text, article.script, found))
    return compare_documents(docs, topic)
