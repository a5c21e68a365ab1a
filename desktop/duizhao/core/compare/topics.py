"""Topics: the subjects two or more articles share, each with aligned rows.

:func:`build_topics` asks :mod:`duizhao.core.compare.themes` for the shared subjects
(topic keys grouped and named), aligns each subject's claims into rows
(:func:`duizhao.core.compare.align.align`) and labels each row's relation
(:func:`duizhao.core.compare.relations.label_row`). Rows of the whole selection that
no subject holds are grouped by their strongest shared key into further
topics (:func:`leftover_topics`), so nothing aligned is lost.
:func:`user_topic` builds one topic from the claims matching a user's words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from duizhao.core.compare.align import CROWDED, Aligner, align, row_key, weights
from duizhao.core.compare.claims import Claim, current_segmenter
from duizhao.core.compare.lexicon import STOPWORDS, canon
from duizhao.core.compare.relations import PRIORITY, RelationCache, Row, digest, label_row
from duizhao.core.compare.themes import Theme, find_themes
from duizhao.core.compare.topic_keys import background_idf, is_specific
from duizhao.core.text import convert

#: on_topic(done, total) before each topic is built (progress and cancellation)
TopicStep = Callable[[int, int], None]
#: a claim without a counterpart is shown in its topic when it scores this much
SINGLE_SCORE = 3.0
#: the label of the topic holding aligned rows that share no nameable subject
OTHER = "其他"
#: rows shown in one topic at most (fifty articles can align hundreds)
MAX_ROWS = 80
#: in a subject's topic, a row is left out when each of its claims is in this many rows
REPEAT = 2


@dataclass(slots=True)
class Topic:
    """Rows of claims about one subject, with a label and its key terms."""

    label: str
    terms: list[str]
    rows: list[Row]
    score: float = 0.0

    @property
    def key(self) -> str:
        """A stable id from the label and the leading terms (order-insensitive)."""
        head = sorted(self.terms[:3]) or [self.label]
        return "t" + digest("|".join(head))

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "terms": self.terms,
            "rows": [r.to_json() for r in self.rows],
        }


def _order(rows: list[Row]) -> None:
    rows.sort(key=lambda r: (-len(r.claims), PRIORITY[r.relation], min(c.start for c in r.claims)))


def _finish(rows: list[Row], cache: RelationCache | None) -> list[Row]:
    """The first :data:`MAX_ROWS` of ``rows`` (the widest, then in text
    order), each given its relation, in display order."""
    rows.sort(key=lambda r: (-len(r.claims), min(c.start for c in r.claims)))
    rows = rows[:MAX_ROWS]
    for r in rows:
        label_row(r, cache)
    _order(rows)
    return rows


def _spans(row: Row) -> frozenset[tuple[int, int]]:
    return frozenset((c.article, c.start) for c in row.claims)


def _distinct(rows: list[Row], repeat: int = 0) -> list[Row]:
    """``rows`` without a row whose claims another (larger) row holds, and
    (``repeat`` > 0) without a row all of whose claims are already shown
    ``repeat`` times."""
    kept: list[Row] = []
    sets: list[frozenset[tuple[int, int]]] = []
    shown: Counter[tuple[int, int]] = Counter()
    for r in sorted(rows, key=lambda r: -len(r.claims)):
        s = _spans(r)
        if any(s <= other for other in sets):
            continue
        if repeat and all(shown[span] >= repeat for span in s):
            continue
        kept.append(r)
        sets.append(s)
        shown.update(s)
    return kept


def theme_topic(theme: Theme, aligner: Aligner, cache: RelationCache | None = None) -> Topic:
    """The topic of ``theme``: its claims aligned, claims alone when notable."""
    rows = aligner.align([aligner.index(c) for c in theme.claims], threshold=0.15)
    multi = _distinct([r for r in rows if len({c.article for c in r.claims}) >= 2], REPEAT)
    aligned = {s for r in multi for s in _spans(r)}
    singles = [
        r
        for r in rows
        if len(r.claims) == 1
        and r.claims[0].score >= SINGLE_SCORE
        and (r.claims[0].article, r.claims[0].start) not in aligned
    ]
    out = _finish(multi + singles, cache)
    return Topic(theme.label, list(dict.fromkeys(theme.names)), out, theme.score)


def build_topics(
    claims: Sequence[Claim],
    n_articles: int,
    limit: int = 40,
    on_topic: TopicStep | None = None,
) -> list[Topic]:
    """Topics shared by two or more articles, best first (at most ``limit``)."""
    weighted = weights(claims, n_articles)
    specificity = {
        k: background_idf(c.labels.get(k, k[2:]), current_segmenter())
        for c in claims
        for k in c.topic_keys
        if k.startswith("t:")
    }
    themes = find_themes(claims, specificity, limit)
    aligner = Aligner(claims, weighted)
    cache: RelationCache = {}
    topics: list[Topic] = []
    for n, theme in enumerate(themes):
        if on_topic is not None:
            on_topic(n, len(themes) + 1)
        topic = theme_topic(theme, aligner, cache)
        if any(len(r.claims) >= 2 for r in topic.rows):
            topics.append(topic)
    if on_topic is not None:
        on_topic(len(themes), len(themes) + 1)
    held = {pair for t in topics for r in t.rows for pair in _pairs(r)}
    rows = [
        r
        for r in aligner.align(centred=len(claims) <= CROWDED)
        if len({c.article for c in r.claims}) >= 2 and not set(_pairs(r)) <= held
    ]
    by_label = {t.label: t for t in topics}
    for extra in leftover_topics(claims, rows, weighted, cache, limit - len(topics)):
        same = by_label.get(extra.label)
        if same is None:
            by_label[extra.label] = extra
            topics.append(extra)
        else:  # one label, one topic: its rows join the first
            known = {r.key for r in same.rows}
            same.rows.extend(r for r in extra.rows if r.key not in known)
    return topics[:limit]


def _pairs(row: Row) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = sorted(_spans(row))
    return [(a, b) for i, a in enumerate(spans) for b in spans[i + 1 :]]


def leftover_topics(
    claims: Sequence[Claim],
    rows: list[Row],
    weighted: dict[str, float],
    cache: RelationCache | None = None,
    limit: int = 40,
) -> list[Topic]:
    """``rows`` grouped by their strongest shared key; groups whose keys
    co-occur in the same claims are merged; the best ``limit`` groups are
    topics, those without a key worth naming go together under :data:`OTHER`."""
    labels: dict[str, str] = {}
    for c in claims:
        labels.update(c.labels)
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        key = row_key(r, weighted)
        if key is not None:
            groups[key].append(r)
    keys = list(groups)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    # the share of each group's claims holding each key
    shares: dict[str, Counter[str]] = {}
    for k in keys:
        held = [c for r in groups[k] for c in r.claims]
        counts: Counter[str] = Counter(key for c in held for key in c.keys if key in groups)
        shares[k] = Counter({key: n / len(held) for key, n in counts.items()})
    for k1 in keys:
        for k2, share in shares[k1].items():
            if k2 != k1 and share >= 0.5 and shares[k2][k1] >= 0.5:
                parent[find(k2)] = find(k1)
    merged: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        merged[find(k)].append(k)
    scored = []
    for ks in merged.values():
        terms = sorted(ks, key=lambda k: -weighted.get(k, 0.0))
        trows = _distinct([r for k in ks for r in groups[k]])
        covered = {c.article for r in trows for c in r.claims}
        scored.append((len(covered) + sum(weighted.get(k, 0.0) for k in ks), terms, trows))
    scored.sort(key=lambda s: -s[0])
    topics: list[Topic] = []
    other: list[Row] = []
    for score, terms, trows in scored[:limit]:
        if not any(_nameable(k, labels.get(k, k)) for k in terms[:2]):
            other.extend(trows)  # 一方、完全: no name worth a topic of its own
            continue
        names = list(dict.fromkeys(_whole(labels.get(k, k), trows) for k in terms))
        topics.append(Topic("、".join(names[:3]), names, _finish(trows, cache), score))
    if other:
        topics.append(Topic(OTHER, [], _finish(other, cache), 0.0))
    return topics


def _whole(label: str, rows: list[Row]) -> str:
    """The word ``label`` is part of in most of the rows' claims (导体 of
    半导体), else ``label``."""
    claims = [c for r in rows for c in r.claims]
    longer: Counter[str] = Counter(
        word
        for c in claims
        for word in {c.labels[t] for t in c.terms}
        if len(word) > len(label) and label in word
    )
    if longer:
        word, count = longer.most_common(1)[0]
        if count * 2 >= len(claims):
            return word
    return label


def _nameable(key: str, label: str) -> bool:
    """Whether a key can name a topic: an entity or a specific word."""
    return key.startswith("e:") or is_specific(label, current_segmenter())


def user_topic(claims: Sequence[Claim], text: str, n_articles: int) -> list[Topic]:
    """One topic of the claims holding the words of ``text`` (any script)."""
    norm = convert(text, "t2s")
    words = [norm[s:e] for s, e in current_segmenter().cut(norm)]
    words = [
        w
        for w in words
        if w.strip() and w not in STOPWORDS and (len(w) >= 2 or re.search(r"[\u4e00-\u9fff\d]", w))
    ]
    wanted = [w for w in words if len(w) >= 2] or words or [norm]
    picked = [c for c in claims if any(w in c.norm or "t:" + canon(w) in c.terms for w in wanted)]
    rows = align(picked, weights(picked, n_articles), threshold=0.15)
    for r in rows:
        label_row(r)
    _order(rows)
    return [Topic(text.strip(), wanted, rows, 0.0)] if rows else []
