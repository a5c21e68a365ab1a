"""Alignment: the facts of different articles that answer the same question, in rows.

Every fact of every claim is a candidate (:mod:`.placed`), scored against the
facts of other articles by :class:`~duizhao.core.compare.scores.Scores`.
For each pair of articles the best one-to-one matching
(:func:`~duizhao.core.compare.assignment.best_matching`) pairs their facts,
each pair at least at its own threshold (:func:`minimum`: verdicts meet more
easily, statements less). The pairs of all article pairs are then joined into
rows, strongest first, never putting two facts of one article in a row, and
only when every fact of the joined row scores at least :data:`JOIN` against
the others; two figures the matching paired but the join kept apart (each
already in a row with another sentence of a third article) are shown beside
those rows when they disagree; the matching's leftovers worth showing are
added as rows of two (:mod:`.extras`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from duizhao.core.compare.assignment import best_matching
from duizhao.core.compare.extras import extra_rows
from duizhao.core.compare.placed import Placed
from duizhao.core.compare.relations import relate
from duizhao.core.compare.scores import Scores, same_actor_groups

__all__ = [
    "JOIN",
    "MINIMUM",
    "STATEMENTS",
    "VERDICTS",
    "Aligned",
    "align",
    "minimum",
    "same_actor_groups",
]

#: the lowest score two facts are paired at
MINIMUM = 0.42
#: the lowest score between any two facts of one row
JOIN = 0.30
#: two statements (sentences with no figure, date, predicate or verdict) need more
STATEMENTS = 0.50
#: two verdicts need less: in one story they judge the same events, and rarely
#: in the same words (公正合理 against 政治动机)
VERDICTS = 0.30


def minimum(a: Placed, b: Placed) -> float:
    """The lowest score at which two facts are paired: verdicts less, statements more."""
    if a.fact.kind == b.fact.kind == "verdict":
        return VERDICTS
    if a.fact.kind == b.fact.kind == "statement":
        return STATEMENTS
    return MINIMUM


@dataclass(frozen=True, slots=True)
class Aligned:
    """A row of placed facts (two articles or more, one fact per article).
    ``beside``: two figures that disagree, each already in another row (the
    join kept them apart); they answer the question of those rows."""

    cells: list[Placed]
    beside: bool = False


def align(placed: list[Placed], scores: Scores) -> list[Aligned]:
    """Rows of placed facts, in the order of their first fact, then the rows
    beside them."""
    by_article: dict[int, list[Placed]] = {}
    for p in placed:
        by_article.setdefault(p.article, []).append(p)
    articles = sorted(by_article)
    kinds = np.array([p.fact.kind for p in placed])
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            left, right = by_article[a], by_article[b]
            rows, columns = [p.slot for p in left], [p.slot for p in right]
            sub = scores.block(rows, columns)
            floor = np.full(sub.shape, MINIMUM)
            kr, kc = kinds[rows][:, None], kinds[columns][None, :]
            floor[(kr == "verdict") & (kc == "verdict")] = VERDICTS
            floor[(kr == "statement") & (kc == "statement")] = STATEMENTS
            usable = np.where(sub >= floor, sub, 0.0)  # below its own threshold: no contender
            for r, c in best_matching(usable, VERDICTS):
                pairs.append((float(sub[r, c]), left[r].slot, right[c].slot))
    pairs.sort(key=lambda t: (-round(t[0], 6), t[1], t[2]))
    return _join(placed, scores, pairs)


def _apart_rows_ok(a: Placed, b: Placed) -> bool:
    """Whether two figures the join kept apart disagree: then they are shown
    as a row of their own (an agreement or an aside would only repeat them)."""
    return a.fact.kind == b.fact.kind == "quantity" and relate(a, b).flagged


def _join(
    placed: list[Placed], scores: Scores, pairs: list[tuple[float, int, int]]
) -> list[Aligned]:
    group = list(range(len(placed)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(placed))}

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for _, a, b in pairs:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        left, right = members[ra], members[rb]
        if {placed[i].article for i in left} & {placed[i].article for i in right}:
            continue
        if len(left) * len(right) > 1 and scores.block(left, right).min() < JOIN:
            continue
        group[rb] = ra
        members[ra] = sorted(left + right)
        del members[rb]
    rows = [
        sorted((placed[i] for i in m), key=lambda p: (p.article, p.claim.index))
        for m in members.values()
        if len(m) >= 2
    ]
    together = {(a.slot, b.slot) for row in rows for a in row for b in row}
    # figures the matching paired but the join kept apart (each already in a row
    # with another sentence of a third article): their disagreement is not lost
    apart = []
    for _, a, b in pairs:
        if (a, b) not in together and _apart_rows_ok(placed[a], placed[b]):
            apart.append(sorted((placed[a], placed[b]), key=lambda p: (p.article, p.claim.index)))
    rows += [
        pair
        for pair in extra_rows(placed, scores, {p.slot for row in rows for p in row}, minimum)
        if (pair[0].slot, pair[1].slot) not in together
    ]
    ordered = sorted(rows, key=lambda row: (min(p.slot for p in row), len(row)))
    return [Aligned(row) for row in ordered] + [Aligned(row, beside=True) for row in apart]
