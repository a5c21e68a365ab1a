"""Grouping articles into stories: how alike two articles are, and clusters of them.

Two articles are scored (:class:`Scorer`) on four kinds of evidence:

- **meaning**: the cosine of their title-and-lead sentence vectors, taken
  above what two unrelated news leads already share (:data:`COS_BASE`: the
  encoder puts any two news texts about 0.3 apart);
- **names**: the linked entities they share, each weighted by its rarity in
  the library (inverse document frequency), as a cosine of the weighted sets;
- **words**: the same for the content words of title and lead;
- **days apart**: a cost that grows with the logarithm of the gap, so a
  follow-up weeks later still joins when names and meaning agree, and an
  event a year later must share much more to count as the same story.

Near-identical texts (syndicated copies, :func:`.features.copy_share`) score 1.

:func:`cluster` joins articles by average linkage: the two groups whose
pairs score highest on average are merged, until no two groups score
:data:`THRESHOLD` on average (pairs never scored count as 0). Average linkage
keeps a chain of loosely linked articles (a typhoon, the flood, the next
typhoon) from becoming one story, which single linkage would make. Pairs
are only scored when they could matter: their vectors are close or they
share a rare name (:meth:`Scorer.candidates`), so 10,000 articles do not
make 50 million pairs. Ties are broken by article id, and every input is
sorted first, so the result does not depend on order or hashing.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence

import numpy as np

from duizhao.core.stories.features import Features, copy_share

#: what two unrelated news leads already share in the encoder's space
COS_BASE = 0.3
#: weights of meaning, names and words in a pair's score
W_MEANING, W_NAMES, W_WORDS = 0.45, 0.35, 0.20
#: the score a pair of groups must reach on average to be one story
THRESHOLD = 0.15
#: cost of the days between two articles: DAY_COST * log2(1 + days / DAY_SCALE),
#: 0.04 a week apart, 0.13 two months apart, 0.22 a year apart
DAY_COST, DAY_SCALE = 0.04, 7.0
#: estimated shingle overlap from which two texts are copies of one another
COPY_SHARE = 0.6
#: pairs whose vectors are this close are always scored
COS_FLOOR = 0.45
#: a name shared by more articles than this does not by itself make a candidate pair
COMMON_NAME = 200
BLOCK = 2_048

Progress = Callable[[int, int, str], None]


def _idf(sets: Sequence[Sequence[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for s in sets:
        for x in s:
            df[x] = df.get(x, 0) + 1
    n = len(sets)
    return {k: math.log((n + 1) / (v + 0.5)) for k, v in sorted(df.items())}


class Scorer:
    """Pair scores of a fixed list of articles (sorted by id); :meth:`pair` also
    scores an article that is not in the list (an import), with the list's weights."""

    def __init__(self, features: Sequence[Features], vectors: np.ndarray) -> None:
        order = sorted(range(len(features)), key=lambda i: features[i].article_id)
        self.features = [features[i] for i in order]
        self.vectors = (
            np.asarray(vectors, dtype=np.float32)[order]
            if order
            else np.zeros((0, 1), dtype=np.float32)
        )
        self.name_idf = _idf([f.entities for f in self.features])
        self.word_idf = _idf([f.words for f in self.features])
        self._default = math.log(len(self.features) + 1)  # a name no article has yet

    def _overlap(self, a: Sequence[str], b: Sequence[str], idf: dict[str, float]) -> float:
        if not a or not b:
            return 0.0
        weight = {x: idf.get(x, self._default) ** 2 for x in (*a, *b)}
        na = math.sqrt(sum(weight[x] for x in a))
        nb = math.sqrt(sum(weight[x] for x in b))
        if not na or not nb:
            return 0.0
        return sum(weight[x] for x in sorted(set(a).intersection(b))) / (na * nb)

    def score(self, i: int, j: int, cos: float | None = None) -> float:
        """How alike articles ``i`` and ``j`` are (positions in :attr:`features`)."""
        if cos is None:
            cos = float(self.vectors[i] @ self.vectors[j])
        return self.pair(self.features[i], self.features[j], cos)

    def pair(self, a: Features, b: Features, cos: float) -> float:
        """How alike two articles are, given the cosine of their vectors (0 … 1)."""
        if copy_share(a.shingles, b.shingles) >= COPY_SHARE:
            return 1.0
        meaning = max(0.0, (cos - COS_BASE) / (1.0 - COS_BASE))
        names = self._overlap(a.entities, b.entities, self.name_idf)
        words = self._overlap(a.words, b.words, self.word_idf)
        value = W_MEANING * meaning + W_NAMES * names + W_WORDS * words
        if a.date is not None and b.date is not None:
            days = abs((a.date - b.date).days)
            value -= DAY_COST * math.log2(1.0 + days / DAY_SCALE)
        return round(min(1.0, max(0.0, value)), 6)

    def candidates(self, progress: Progress | None = None) -> list[tuple[int, int, float]]:
        """Pairs (i < j) worth scoring, with their cosine."""
        n = len(self.features)
        found: dict[tuple[int, int], float] = {}
        for start in range(0, n, BLOCK):
            block = self.vectors[start : start + BLOCK] @ self.vectors.T
            rows, cols = np.nonzero(block >= COS_FLOOR)
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                i = start + r
                if i < c:
                    found[(i, c)] = float(block[r, c])
            if progress is not None:
                progress(min(n, start + BLOCK), n, "Comparing leads")
        holders: dict[str, list[int]] = {}
        for i, f in enumerate(self.features):
            for name in f.entities:
                holders.setdefault(name, []).append(i)
        for name in sorted(holders):
            held = holders[name]
            if len(held) > COMMON_NAME:
                continue
            for x, i in enumerate(held):
                for j in held[x + 1 :]:
                    if (i, j) not in found:
                        found[(i, j)] = float(self.vectors[i] @ self.vectors[j])
        return [(i, j, c) for (i, j), c in sorted(found.items())]

    def edges(self, progress: Progress | None = None) -> list[tuple[int, int, float]]:
        """Scored candidate pairs with a score above zero."""
        out = []
        for i, j, cos in self.candidates(progress):
            s = self.score(i, j, cos)
            if s > 0:
                out.append((i, j, s))
        return out


def cluster(n: int, edges: Sequence[tuple[int, int, float]], threshold: float = THRESHOLD,
            ) -> list[list[int]]:  # fmt: skip
    """Average-linkage groups of ``n`` items from scored pairs, each group sorted,
    groups ordered by their first item."""
    size = [1] * n
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i, j, s in edges:
        links[i][j] = links[i].get(j, 0.0) + s
        links[j][i] = links[j].get(i, 0.0) + s
    heap = [(-s, i, j) for i, j, s in edges if i < j and s >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        current = links[a][b] / (size[a] * size[b])
        if abs(current + negative) > 1e-9:
            continue  # stale: the groups changed since this was pushed
        # merge b into a
        members[a].extend(members.pop(b))
        size[a] += size[b]
        joined = links.pop(b)
        joined.pop(a, None)
        links[a].pop(b, None)
        for c, s in joined.items():
            links[c].pop(b, None)
            links[a][c] = links[a].get(c, 0.0) + s
            links[c][a] = links[a][c]
        for c in sorted(links[a]):
            avg = links[a][c] / (size[a] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
