"""Alignment: claims of different articles joined into rows.

:func:`weights` gives each key shared by two or more articles a weight (rare
among the selection's claims weighs more); :func:`similarity` says how
likely two claims speak of the same thing (shared weighted keys, a number or
date in a clause sharing words, prediction / verdict cues, shared
predicates); :func:`align` joins claims greedily into :class:`Row` objects
holding at most one claim per article, then adds a row centred on each claim
with its best counterpart in every other article.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.lexicon import ASSERTIVE, CANON, STRONG, WEAK, WILL, WONT, cues
from duizhao.core.compare.quantities import Quantity, When
from duizhao.core.compare.relations import Row, clause_of, comparable


def weights(claims: Sequence[Claim], n_articles: int) -> dict[str, float]:
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


#: average similarity (in thresholds) for two groups of claims to form one row,
#: and for a claim to join a row centred on another claim
TIGHT, LOOSE = 3.0, 0.75
#: with more claims than this, pairs are proposed by nearness, not by any shared key
CROWDED = 200
#: with more claims than CROWDED, how many nearest claims each is scored against
NEIGHBOURS = 10
#: ... found through the claim's PREFIX rarest keys (commoner keys still count in the score)
PREFIX = 8


def _predicate(c: Claim, key: str) -> bool:
    label = c.labels.get(key, "")
    return label in CANON or label in ASSERTIVE


class Aligner:
    """:func:`similarity` and :func:`align` over one selection's claims, with
    what each claim needs precomputed and every score computed once, so the
    subjects' alignments (subsets of the claims) reuse the whole one's."""

    def __init__(self, claims: Sequence[Claim], weights: dict[str, float]) -> None:
        self.claims = list(claims)
        self.weights = weights
        self._index = {id(c): i for i, c in enumerate(self.claims)}
        self._squares = {k: v * v for k, v in weights.items()}
        self._norms = [
            math.sqrt(sum(weights.get(k, 0.0) ** 2 for k in c.keys) + 1) for c in self.claims
        ]
        self._predicates = [
            frozenset(
                k
                for k in c.keys
                if c.labels.get(k, "") in CANON or c.labels.get(k, "") in ASSERTIVE
            )
            for c in self.claims
        ]
        self._cues = [
            (bool(cues(c.norm, WILL + WONT)), bool(cues(c.norm, STRONG + WEAK)))
            for c in self.claims
        ]
        self._clauses: dict[tuple[int, str], frozenset[str]] = {}
        self._sims: dict[tuple[int, int], float] = {}
        self._scored: list[tuple[float, int, int]] | None = None
        self._touching: dict[int, list[int]] | None = None  # claim i -> its pairs (i, j)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, c in enumerate(self.claims):
            for k in c.keys:
                if k in weights:
                    postings[k].append(i)
        self._postings = dict(postings)

    def index(self, claim: Claim) -> int:
        return self._index[id(claim)]

    def _clause_terms(self, i: int, piece: str) -> frozenset[str]:
        """Terms of claim ``i`` written in the clause holding ``piece``."""
        found = self._clauses.get((i, piece))
        if found is None:
            c = self.claims[i]
            clause = clause_of(c.norm, piece)
            found = frozenset(t for t in c.terms if c.labels[t] in clause)
            self._clauses[(i, piece)] = found
        return found

    def _overlap(self, i: int, x: Quantity | When, j: int, y: Quantity | When) -> int:
        return len(self._clause_terms(i, x.text) & self._clause_terms(j, y.text))

    def sim(self, i: int, j: int) -> float:
        """:func:`similarity` of claims ``i`` and ``j`` (computed once)."""
        if i > j:
            i, j = j, i
        found = self._sims.get((i, j))
        if found is not None:
            return found
        a, b = self.claims[i], self.claims[j]
        shared = a.keys & b.keys
        w2 = self._squares
        score = sum(w2[k] for k in shared if k in w2)
        anchors = 0.0
        if shared:
            for x in a.numbers:
                for y in b.numbers:
                    if x.unit == y.unit and (n := self._overlap(i, x, j, y)):
                        anchors = max(anchors, 0.25 + 0.05 * n)
            for p in a.dates:
                for q in b.dates:
                    if comparable(p, q) and (n := self._overlap(i, p, j, q)):
                        anchors = max(anchors, 0.2 + 0.05 * n)
            ca, cb = self._cues[i], self._cues[j]
            anchors += 0.15 * (ca[0] and cb[0]) + 0.15 * (ca[1] and cb[1])
            anchors += 0.1 * min(2, len(shared & self._predicates[i]))
        found = score / (self._norms[i] * self._norms[j]) + anchors
        self._sims[(i, j)] = found
        return found

    def _candidates(self) -> list[tuple[float, int, int]]:
        """Every candidate pair of the selection, scored, best first (computed once).

        Up to :data:`CROWDED` claims every pair of claims of different
        articles sharing a key is a candidate; beyond, each claim's
        :data:`NEIGHBOURS` (plus one per article, up to twice as many) nearest claims by shared key
        weight."""
        if self._scored is not None:
            return self._scored
        claims = self.claims
        candidates: set[tuple[int, int]] = set()
        if len(claims) <= CROWDED:
            for held in self._postings.values():
                for n, i in enumerate(held):
                    for j in held[n + 1 :]:
                        if claims[i].article != claims[j].article:
                            candidates.add((i, j))
        else:
            keep = NEIGHBOURS + min(NEIGHBOURS, len({c.article for c in claims}))
            squares = self._squares
            for i, claim in enumerate(claims):
                scores: dict[int, float] = defaultdict(float)
                mine = sorted((k for k in claim.keys if k in squares), key=lambda k: -squares[k])
                for k in mine[:PREFIX]:  # its rarest keys find its neighbours
                    w2 = squares[k]
                    for j in self._postings[k]:
                        scores[j] += w2
                near = heapq.nlargest(keep, scores, key=lambda j: scores[j] / self._norms[j])
                for j in near:
                    if claims[j].article != claim.article:
                        candidates.add((i, j) if i < j else (j, i))
        scored = [(self.sim(i, j), i, j) for i, j in candidates]
        scored.sort(key=lambda p: (-p[0], p[1], p[2]))
        self._scored = scored
        return scored

    def pairs(self, members: Sequence[int], threshold: float) -> list[tuple[float, int, int]]:
        """Candidate pairs of ``members`` (indices) scoring at least
        ``threshold``, best first, as (score, i, j) with i < j."""
        scored = self._candidates()
        if len(members) == len(self.claims):
            return [p for p in scored if p[0] >= threshold]
        if self._touching is None:
            self._touching = defaultdict(list)
            for n, (_s, i, _j) in enumerate(scored):
                self._touching[i].append(n)
        inside = set(members)
        found = sorted(
            n
            for i in inside
            for n in self._touching.get(i, ())
            if scored[n][2] in inside and scored[n][0] >= threshold
        )
        return [scored[n] for n in found]

    def align(
        self, members: Sequence[int] | None = None, threshold: float = 0.2, *, centred: bool = True
    ) -> list[Row]:
        """Greedy best-pair matching of ``members`` (default: every claim) into
        rows holding at most one claim per article; with ``centred``, also a
        row around each claim with its best counterpart in every other article."""
        claims = self.claims
        order = sorted(range(len(claims)) if members is None else set(members))
        pairs = self.pairs(order, threshold)
        row_of = {i: i for i in order}
        groups: dict[int, list[int]] = {i: [i] for i in order}
        for _s, i, j in pairs:
            ri, rj = row_of[i], row_of[j]
            if ri == rj:
                continue
            arts_i = {claims[k].article for k in groups[ri]}
            if any(claims[k].article in arts_i for k in groups[rj]):
                continue
            # join only tight groups: broader rows come from the claim-centred rows below
            sims = [self.sim(k, m) for k in groups[ri] for m in groups[rj]]
            if sum(sims) / len(sims) < threshold * TIGHT:
                continue
            for k in groups[rj]:
                row_of[k] = ri
            groups[ri].extend(groups.pop(rj))
        rows = [sorted(ms) for ms in groups.values()]
        if not centred:
            return [Row([claims[k] for k in g]) for g in rows]
        # a claim may also match claims that its row gave to others: a row centred
        # on each claim, with its best counterpart in every other article
        best: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
        for s, i, j in pairs:
            for x, y in ((i, j), (j, i)):
                art = claims[y].article
                if art not in best[x] or best[x][art][0] < s:
                    best[x][art] = (s, y)
        sets = [frozenset(g) for g in rows]
        holding: dict[int, list[int]] = defaultdict(list)  # claim -> indices in sets
        for n, g in enumerate(sets):
            for k in g:
                holding[k].append(n)
        for i in order:
            row = [i]
            for _s, j in sorted(best[i].values(), reverse=True):
                sims = [self.sim(k, j) for k in row]
                if sum(sims) / len(sims) >= threshold * LOOSE:
                    row.append(j)
            key = frozenset(row)
            if len(key) < 2:
                continue
            # skip a row that repeats another but for at most one claim
            near = {n for k in key for n in holding[k]}
            if any(len(key - sets[n]) <= (len(key) >= 3) for n in near):
                continue
            for k in key:
                holding[k].append(len(sets))
            sets.append(key)
            rows.append(sorted(row))
        return [Row([claims[k] for k in g]) for g in rows]


def similarity(a: Claim, b: Claim, weights: dict[str, float]) -> float:
    """How likely two claims speak about the same thing (0 … about 1)."""
    return Aligner([a, b], weights).sim(0, 1)


def align(claims: Sequence[Claim], weights: dict[str, float], threshold: float = 0.2) -> list[Row]:
    """Greedy best-pair matching into rows holding at most one claim per article."""
    return Aligner(claims, weights).align(threshold=threshold)


def row_key(row: Row, weights: dict[str, float]) -> str | None:
    counts: Counter[str] = Counter()
    for c in row.claims:
        for k in c.keys:
            if k in weights:
                counts[k] += 1
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], weights[k], k))
