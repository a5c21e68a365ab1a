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

Near-identical texts (syndicated copies, :func:`.features.copy_share`) are
found first (:func:`copy_groups`) and grouped as one article, so 200 copies
of one wire story make one story whatever the scores.

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
from duizhao.core.yielding import breathe, let_go

#: what two unrelated news leads already share in the encoder's space
COS_BASE = 0.3
#: weights of meaning, names and words in a pair's score
W_MEANING, W_NAMES, W_WORDS = 0.45, 0.35, 0.20
#: the score a pair of groups must reach on average to be one story. Chosen on
#: the demo and ../shared/eval: 0.15 until the cleaner and the regional
#: conversions changed what an article's lead and words are; then a badminton
#: report of the same Olympics (a distractor) reached 0.16 against a boxing
#: story, and 0.17 keeps it apart (0.18 splits stories: F1 0.87). A thin margin.
THRESHOLD = 0.17
#: cost of the days between two articles: DAY_COST * log2(1 + days / DAY_SCALE),
#: 0.04 a week apart, 0.13 two months apart, 0.22 a year apart
DAY_COST, DAY_SCALE = 0.04, 7.0
#: estimated shingle overlap from which two texts are copies of one another
COPY_SHARE = 0.6
#: pairs whose vectors are this close are always scored
COS_FLOOR = 0.45
#: a name shared by more articles than this does not by itself make a candidate pair
COMMON_NAME = 50
#: how many nearest leads of each article are scored at most
NEIGHBOURS = 30
#: how many of a text's smallest shingle hashes are keys for finding its copies
COPY_KEYS = 4
BLOCK = 2_048

Progress = Callable[[int, int, str], None]


def _idf(sets: Sequence[Sequence[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for s in sets:
        breathe()
        for x in s:
            df[x] = df.get(x, 0) + 1
    n = len(sets)
    return {k: math.log((n + 1) / (v + 0.5)) for k, v in df.items()}  # no order depends on it


def nearest(sims: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` highest similarities at or above :data:`COS_FLOOR`,
    highest first, ties by position (so the same whatever the import order)."""
    above = np.nonzero(sims >= COS_FLOOR)[0]
    if len(above) > k:
        # a margin past the k-th value keeps every tie at the cut, then an exact order
        kth = np.partition(sims[above], len(above) - k)[len(above) - k]
        above = above[sims[above] >= kth]
    order = np.lexsort((above, -sims[above]))
    return above[order][:k]


class _Weighted:
    """An article's names or words with their weights (idf squared) and norm."""

    __slots__ = ("items", "norm", "weight")

    def __init__(self, items: Sequence[str], idf: dict[str, float], default: float) -> None:
        self.items = frozenset(items)
        self.weight = {x: idf.get(x, default) ** 2 for x in self.items}
        self.norm = math.sqrt(sum(self.weight[x] for x in sorted(self.items)))

    def overlap(self, other: _Weighted) -> float:
        if not self.norm or not other.norm:
            return 0.0
        shared = sorted(self.items & other.items)
        return sum(self.weight[x] for x in shared) / (self.norm * other.norm)


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
        self._weighted: dict[int, tuple[_Weighted, _Weighted]] = {}

    def release(self) -> None:
        """Drop what the scorer holds a block at a time (see :func:`let_go`)."""
        let_go(self._weighted, self.features)

    def _of(self, f: Features) -> tuple[_Weighted, _Weighted]:
        found = self._weighted.get(f.article_id)
        if found is None:
            found = (
                _Weighted(f.entities, self.name_idf, self._default),
                _Weighted(f.words, self.word_idf, self._default),
            )
            self._weighted[f.article_id] = found
        return found

    def score(self, i: int, j: int, cos: float | None = None) -> float:
        """How alike articles ``i`` and ``j`` are (positions in :attr:`features`)."""
        if cos is None:
            cos = float(self.vectors[i] @ self.vectors[j])
        return self.pair(self.features[i], self.features[j], cos)

    def pair(self, a: Features, b: Features, cos: float) -> float:
        """How alike two articles are, given the cosine of their vectors (0 … 1);
        copies are found apart (:func:`copy_groups`)."""
        names_a, words_a = self._of(a)
        names_b, words_b = self._of(b)
        meaning = max(0.0, (cos - COS_BASE) / (1.0 - COS_BASE))
        value = (
            W_MEANING * meaning
            + W_NAMES * names_a.overlap(names_b)
            + W_WORDS * words_a.overlap(words_b)
        )
        if a.date is not None and b.date is not None:
            days = abs((a.date - b.date).days)
            value -= DAY_COST * math.log2(1.0 + days / DAY_SCALE)
        return round(min(1.0, max(0.0, value)), 6)

    def candidates(self, progress: Progress | None = None) -> list[tuple[int, int, float]]:
        """Pairs (i < j) worth scoring, with their cosine: each article's
        :data:`NEIGHBOURS` nearest leads above :data:`COS_FLOOR`, and articles
        sharing a name that fewer than :data:`COMMON_NAME` articles have."""
        n = len(self.features)
        found: dict[tuple[int, int], float] = {}
        for start in range(0, n, BLOCK):
            block = self.vectors[start : start + BLOCK] @ self.vectors.T
            for r in range(block.shape[0]):
                i = start + r
                breathe()
                for c in nearest(block[r], NEIGHBOURS + 1).tolist():
                    if c != i:
                        found[(min(i, c), max(i, c))] = float(block[r, c])
            if progress is not None:
                progress(min(n, start + BLOCK), n, "Comparing leads")
        holders: dict[str, list[int]] = {}
        for i, f in enumerate(self.features):
            breathe()
            for name in f.entities:
                holders.setdefault(name, []).append(i)
        for name in sorted(holders):
            held = holders[name]
            if len(held) > COMMON_NAME:
                continue
            breathe()
            for x, i in enumerate(held):
                for j in held[x + 1 :]:
                    if (i, j) not in found:
                        found[(i, j)] = float(self.vectors[i] @ self.vectors[j])
        # in the order found, which depends only on the articles' order (by id):
        # sorting hundreds of thousands of pairs would hold the GIL for a long moment
        pairs = []
        for (i, j), c in found.items():
            breathe()
            pairs.append((i, j, c))
        return pairs

    def edges(self, progress: Progress | None = None) -> list[tuple[int, int, float]]:
        """Scored candidate pairs with a score above zero."""
        out = []
        for i, j, cos in self.candidates(progress):
            breathe()
            s = self.score(i, j, cos)
            if s > 0:
                out.append((i, j, s))
        return out


def copy_groups(features: Sequence[Features]) -> list[list[int]]:
    """Positions of near-identical texts, grouped (groups of two or more, each
    sorted): texts sharing one of their :data:`COPY_KEYS` smallest shingle
    hashes are compared, and joined when their overlap reaches :data:`COPY_SHARE`."""
    parent = list(range(len(features)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[int, list[int]] = {}
    for i, f in enumerate(features):
        for key in sorted(f.shingles)[:COPY_KEYS]:
            holders.setdefault(key, []).append(i)
    for key in sorted(holders):
        held = holders[key]
        breathe()
        for x, i in enumerate(held):
            for j in held[x + 1 :]:
                if (
                    root(i) != root(j)
                    and copy_share(features[i].shingles, features[j].shingles) >= COPY_SHARE
                ):
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(features)):
        groups.setdefault(root(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])


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
        breathe()
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
