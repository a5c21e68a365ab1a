"""Topics: the questions a story raises, each holding the rows that answer it.

A row's question is what its facts measure or assert: the notion of their
main word and the family of fact (死亡 counted in people, 市值 in money, the
date of 清盘, a verdict …). Rows of one question form a :class:`Topic`;
questions about near-identical words of one family join. A topic is labelled
as a researcher would write it — 死亡人数, 市值, 羁押时长, 押后次数, 清盘日期,
对判刑的评价 — never by a lone function word.

At most :data:`MAX_TOPICS` are shown: the questions most articles answer (the
ones the story raises; a vague one, a statement or a bare direction such as
是否减少, counting half), conflicts adding their weight, the rest in one last
group, 其他. They are ranked by
their conflicts (differs and contradicts pairs, by confidence, judgements and
statements counting half), then by how many articles answer them. Rows
inside a topic come conflicts first, comparable rows before the ones whose
pairs cannot be compared. A figure reported at three moments or more is also
a series of :class:`Point` objects, in date order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.lexicon import MEASURE_HEADS, NOTIONS
from duizhao.core.compare.placed import Placed, family
from duizhao.core.compare.relations import STRENGTH, PairRelation, relate

#: notions of a change's direction: a question named only by one is no question of its own
DIRECTIONS = frozenset({"跌", "涨", "增加", "减少"})

MAX_TOPICS = 8
REST = "其他"
REST_KEY = "t-rest"
#: words that join two questions' word sets enough to make them one
MERGE_OVERLAP = 0.5
SERIES_POINTS = 3

_SUFFIX = {
    "people": "人数",
    "count": "数量",
    "times": "次数",
    "duration": "时长",
    "percent": "",
    "points": "",
    "date": "日期",
}
_LABELS = {  # a measure whose usual name is another word
    ("duration", "判刑"): "刑期",
    ("duration", "羁押"): "羁押时长",
    ("people", "人数"): "人数",
    ("percent", "跌"): "跌幅",
    ("percent", "涨"): "涨幅",
    ("money", "跌"): "损失金额",
}


@dataclass(slots=True)
class Row:
    cells: list[Placed]
    pairs: list[PairRelation]
    relation: str
    reasons: list[str]
    comparable: bool
    key: str
    beside: bool = False  # see align.Aligned

    @property
    def claims(self) -> list[Claim]:
        return [p.claim for p in self.cells]

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "claims": [
                {**p.claim.to_json(), "focus": list(p.claim.focus(p.fact))} for p in self.cells
            ],
            "relation": self.relation,
            "reasons": self.reasons,
            "comparable": self.comparable,
            "pairs": [pair.to_json() for pair in self.pairs],
        }


@dataclass(frozen=True, slots=True)
class Point:
    date: str
    value: float
    unit: str
    text: str
    article: int
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"date": self.date, "value": self.value, "unit": self.unit, "text": self.text,
                "article": self.article, "start": self.start, "end": self.end}  # fmt: skip


@dataclass(slots=True)
class Topic:
    key: str
    label: str
    terms: list[str]
    rows: list[Row]
    series: list[Point] = field(default_factory=list)
    family: str = ""
    head: str = ""  # the word the question was named from

    @property
    def conflicts(self) -> int:
        return sum(p.flagged for row in self.rows for p in row.pairs)

    @property
    def weight(self) -> float:
        """How much the topic's conflicts count when ranking: each flagged pair by its
        confidence, halved for judgements and statements (words, not figures);
        rows beside others repeat figures and add nothing."""
        factor = 0.5 if self.family in ("verdict", "statement", "predicate") else 1.0
        return factor * sum(
            p.confidence for row in self.rows if not row.beside for p in row.pairs if p.flagged
        )

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": self.label,
            "terms": self.terms,
            "rows": [r.to_json() for r in self.rows],
            "series": [p.to_json() for p in self.series],
        }


def make_row(cells: list[Placed], beside: bool = False) -> Row:
    pairs = [relate(a, b) for i, a in enumerate(cells) for b in cells[i + 1 :]]
    best = max(pairs, key=lambda p: (p.comparable, STRENGTH[p.relation], p.confidence))
    key_source = "|".join(f"{p.article}:{p.claim.start}:{p.claim.focus(p.fact)[0]}" for p in cells)
    return Row(
        cells,
        pairs,
        best.relation,
        [r.text for r in best.reasons],
        any(p.comparable for p in pairs),
        "r" + hashlib.sha1(key_source.encode()).hexdigest()[:12],
        beside,
    )


def _questions(rows: list[Row]) -> list[tuple[str, str]]:
    """Each row's question; a row beside others (two figures the alignment kept
    apart, shown for their disagreement) answers the question of the row its
    first figure stands in."""
    own = [_question(row) for row in rows]
    home: dict[int, int] = {}
    for index, row in enumerate(rows):
        if not row.beside:
            for p in row.cells:
                home.setdefault(p.slot, index)
    return [
        own[home[row.cells[0].slot]] if row.beside and row.cells[0].slot in home else own[index]
        for index, row in enumerate(rows)
    ]


def _question(row: Row) -> tuple[str, str]:
    fam = family(row.cells[0].fact)
    if fam == "assertion":  # what most of its facts are: predicates, verdicts, statements
        kinds = Counter(p.fact.kind for p in row.cells)
        fam = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if fam == "statement":
        heads = Counter(w for p in row.cells for w in p.fact.words
                        if not w.startswith("e:") and len(w) >= 2)  # fmt: skip
    else:
        heads = Counter(NOTIONS.get(p.fact.head, p.fact.head) for p in row.cells)
    if fam == "verdict":
        axes = Counter(p.fact.predicate for p in row.cells if p.fact.kind == "verdict")
        axis = sorted(axes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if axes else ""
        heads = Counter({"影响" if axis == "magnitude" else "评价": 1})
    known = set(NOTIONS.values())
    ranked = sorted(heads.items(), key=lambda kv: (-kv[1], kv[0] not in known, -len(kv[0]), kv[0]))
    return fam, ranked[0][0] if ranked else ""


def build_topics(rows: list[Row]) -> list[Topic]:
    groups: dict[tuple[str, str], list[Row]] = {}
    for row, question in zip(rows, _questions(rows), strict=True):
        groups.setdefault(question, []).append(row)
    merged = _merge(groups)
    topics = [_topic(question, members) for question, members in merged]
    rest: list[Row] = []
    if len(topics) > MAX_TOPICS:  # the questions most articles answer, conflicts deciding ties
        topics.sort(key=lambda t: (-round(_breadth(t) + t.weight, 6), *_rank(t)))
        rest = [row for t in topics[MAX_TOPICS - 1 :] for row in t.rows]
        topics = topics[: MAX_TOPICS - 1]
    topics.sort(key=lambda t: (_rank(t)[0], t.family == "statement", -_articles(t), *_rank(t)[1:]))
    if rest:
        topics.append(Topic(REST_KEY, REST, [], _ordered(rest)))
    return topics


def _breadth(topic: Topic) -> float:
    """How many articles answer the question; a vague one counts half: a
    statement (what someone said, no figure, date or act to pin down) or an act
    named only by a change's direction (是否减少)."""
    vague = topic.family == "statement" or topic.head in DIRECTIONS
    return _articles(topic) * (0.5 if vague else 1.0)


def _rank(topic: Topic) -> tuple[float, bool, int, str]:
    return (-round(topic.weight, 6), topic.family == "statement", -len(topic.rows), topic.key)


def _merge(groups: dict[tuple[str, str], list[Row]]) -> list[tuple[tuple[str, str], list[Row]]]:
    """Join questions of one family whose words overlap (芯片 and H100 …)."""
    # questions named only by a change's direction come last, to join a named one
    items = sorted(groups.items(), key=lambda kv: (kv[0][1] in DIRECTIONS, -_own(kv[1]), kv[0]))
    words = {q: _words(rs) for q, rs in items}
    out: list[tuple[tuple[str, str], list[Row]]] = []
    for question, members in items:
        for index, (kept, kept_rows) in enumerate(out):
            if kept[0] != question[0]:
                continue
            if question[1] in DIRECTIONS and kept[1] not in DIRECTIONS:
                # 蒸发5.2万亿港元 with no measure named: the family's main money question
                out[index] = (kept, kept_rows + members)
                break
            if kept[1] in MEASURE_HEADS and question[1] in MEASURE_HEADS:
                continue
            a, b = words[kept], words[question]
            if a and b and len(a & b) / min(len(a), len(b)) >= MERGE_OVERLAP:
                out[index] = (kept, kept_rows + members)
                words[kept] = a | b
                break
        else:
            out.append((question, list(members)))
    return out


def _own(rows: list[Row]) -> int:
    """Rows of a question, less the ones beside others (they only repeat figures)."""
    return sum(not row.beside for row in rows)


def _words(rows: list[Row]) -> set[str]:
    counts = Counter(w for row in rows for p in row.cells for w in p.fact.words)
    return {w for w, n in counts.items() if n >= 2 or len(rows) == 1}


def _topic(question: tuple[str, str], rows: list[Row]) -> Topic:
    fam, head = question
    label = _label(fam, head, rows)
    counts = Counter(w for row in rows for p in row.cells for w in p.fact.words)
    terms = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]]
    key = "t" + hashlib.sha1(f"{fam}|{head}".encode()).hexdigest()[:12]
    return Topic(key, label, terms, _ordered(_folded(rows)), _series(rows), fam, head)


def _folded(rows: list[Row]) -> list[Row]:
    """One row per set of sentences: two facts of the same two sentences (a toll
    and its date, two words of one statement) answer this question once, by the
    row whose strongest pair says most."""
    best: dict[frozenset[tuple[int, int]], Row] = {}
    for row in rows:
        sentences = frozenset((p.article, p.claim.start) for p in row.cells)
        kept = best.get(sentences)
        if kept is None or _says_more(row, kept):
            best[sentences] = row
    return list(best.values())


def _says_more(row: Row, other: Row) -> bool:
    def strength(r: Row) -> tuple[bool, int, float, str]:
        top = max(p.confidence for p in r.pairs) if r.pairs else 0.0
        return (r.comparable, STRENGTH[r.relation], top, r.key)

    return strength(row) > strength(other)


def _label(fam: str, head: str, rows: list[Row]) -> str:
    if (fam, head) in _LABELS:
        return _LABELS[(fam, head)]
    if fam == "verdict" and head == "影响":
        return "影响大小"
    if fam == "verdict":
        objects = Counter(w for row in rows for p in row.cells for w in p.fact.words
                          if not w.startswith("e:") and len(w) >= 2)  # fmt: skip
        ranked = sorted(objects.items(), key=lambda kv: (-kv[1], kv[0] not in NOTIONS, kv[0]))
        return f"对{ranked[0][0]}的评价" if ranked else "评价"
    if fam == "predicate":
        return f"是否{head}"
    if fam == "statement":
        return head
    if fam == "rank":  # 富豪榜排名; a rank named by its move (滑落) is the ranking
        return f"{head}排名" if head.endswith("榜") else "排名"
    if fam.startswith("money") and head in ("跌", "减少"):
        return "损失金额"
    suffix = _SUFFIX.get(fam, "")
    if head.endswith(("数", "率", "幅", "量", "额", "值", "期", "价")):
        suffix = ""
    return f"{head}{suffix}"


def _ordered(rows: list[Row]) -> list[Row]:
    return sorted(
        rows,
        key=lambda r: (
            not r.comparable,
            -STRENGTH[r.relation],
            -len(r.cells),
            min((p.article, p.claim.start) for p in r.cells),
        ),
    )


def _articles(topic: Topic) -> int:
    return len({p.article for row in topic.rows for p in row.cells})


def _series(rows: list[Row]) -> list[Point]:
    points: dict[tuple[str, int, int], Point] = {}
    for row in rows:
        for p in row.cells:
            q, when = p.fact.quantity, p.fact.when
            if q is None or when is None or when.first is None:
                continue
            start, end = p.claim.focus(p.fact)
            point = Point(when.first.isoformat(), q.value, q.unit, q.text.strip(), p.article,
                          start, end)  # fmt: skip
            points[(point.date, point.article, point.start)] = point
    dates = {p.date for p in points.values()}
    units = {p.unit for p in points.values()}
    if len(dates) < SERIES_POINTS or len(units) != 1:
        return []
    return sorted(points.values(), key=lambda p: (p.date, p.article, p.start))


def user_topic(rows: list[Row], text: str) -> list[Topic]:
    """One topic of the rows whose claims mention ``text`` (either script)."""
    from duizhao.core.text import convert

    wanted = {text.strip(), convert(text.strip(), "t2s"), convert(text.strip(), "s2t")}
    chosen = [
        r for r in rows if any(any(w in p.claim.text or w in p.claim.norm for w in wanted)
                               for p in r.cells)
    ]  # fmt: skip
    if not chosen:
        return []
    key = "t" + hashlib.sha1(("user|" + text.strip()).encode()).hexdigest()[:12]
    return [Topic(key, text.strip(), [text.strip()], _ordered(chosen), _series(chosen))]
