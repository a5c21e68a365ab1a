"""Optimal one-to-one matching of two lists by score (the assignment problem).

:func:`best_matching` pairs rows with columns so that the total score is as
high as possible, each row and each column used at most once, and only pairs
scoring at least ``minimum`` kept. It is the Hungarian method in its
shortest-augmenting-path form (O(n³), fine for the few dozen claims an article
pair has); ties are broken by position, so the result does not depend on
anything but the scores. scipy's ``linear_sum_assignment`` does the same; it
is not worth 40 MB of package for matrices this small.
"""

from __future__ import annotations

import numpy as np

#: each row and column keeps its this many best candidates (see best_matching)
CANDIDATES = 6


def best_matching(
    scores: np.ndarray, minimum: float, candidates: int | None = CANDIDATES
) -> list[tuple[int, int]]:
    """(row, column) pairs of the highest-scoring matching, sorted by row.

    A pair is a candidate when it scores at least ``minimum`` and is among the
    ``candidates`` best of its row or of its column (None: every pair); rows and
    columns that can meet nobody are left out, and each connected group of the
    rest is solved on its own: the optimum of independent groups is the optimum
    of the whole, and with candidates pruned the groups stay small. An optimal
    matching seldom uses a pair that is neither side's sixth best."""
    usable = scores >= minimum
    if candidates is not None and min(scores.shape) > candidates:
        usable &= _among_best(scores, candidates)
    found: list[tuple[int, int]] = []
    for rows, cols in _groups(usable):
        sub = scores[np.ix_(rows, cols)]
        found += [(rows[r], cols[c]) for r, c in _solve(sub, minimum)]
    return sorted(found)


def _among_best(scores: np.ndarray, count: int) -> np.ndarray:
    """True where a score is among the ``count`` best of its row or of its column."""
    keep = np.zeros(scores.shape, dtype=bool)
    by_row = np.argpartition(-scores, count - 1, axis=1)[:, :count]
    keep[np.arange(scores.shape[0])[:, None], by_row] = True
    by_column = np.argpartition(-scores, count - 1, axis=0)[:count, :]
    keep[by_column, np.arange(scores.shape[1])[None, :]] = True
    return keep


def _groups(usable: np.ndarray) -> list[tuple[list[int], list[int]]]:
    """The connected groups of the bipartite graph of usable (row, column) pairs."""
    n_rows, n_cols = usable.shape
    seen_rows: set[int] = set()
    groups = []
    for start in range(n_rows):
        if start in seen_rows or not usable[start].any():
            continue
        rows, cols = {start}, set()
        frontier_rows, frontier_cols = [start], list[int]()
        while frontier_rows or frontier_cols:
            if frontier_rows:
                r = frontier_rows.pop()
                for c in np.nonzero(usable[r])[0].tolist():
                    if c not in cols:
                        cols.add(c)
                        frontier_cols.append(c)
            else:
                c = frontier_cols.pop()
                for r in np.nonzero(usable[:, c])[0].tolist():
                    if r not in rows:
                        rows.add(r)
                        frontier_rows.append(r)
        seen_rows |= rows
        groups.append((sorted(rows), sorted(cols)))
    return groups


def _solve(scores: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    rows, cols = scores.shape
    if rows == 1 or cols == 1:  # one row or column: its best partner
        r, c = np.unravel_index(int(np.argmax(scores)), scores.shape)
        return [(int(r), int(c))] if scores[r, c] >= minimum else []
    size = max(rows, cols)
    # below the minimum a pair is worth nothing: the matching may as well skip it
    useful = np.where(scores >= minimum, scores, 0.0)
    cost = np.zeros((size, size))
    cost[:rows, :cols] = -useful
    assigned = _hungarian(cost)
    return sorted(
        (r, c) for r, c in enumerate(assigned) if r < rows and c < cols and scores[r, c] >= minimum
    )


def _hungarian(cost: np.ndarray) -> list[int]:
    """The column assigned to each row of a square cost matrix (minimum total)."""
    n = cost.shape[0]
    u = np.zeros(n + 1)
    v = np.zeros(n + 1)
    match = np.zeros(n + 1, dtype=int)  # match[column] = row, 1-based; 0 = free
    way = np.zeros(n + 1, dtype=int)
    for row in range(1, n + 1):
        match[0] = row
        column = 0
        minv = np.full(n + 1, np.inf)
        used = np.zeros(n + 1, dtype=bool)
        while True:
            used[column] = True
            current = match[column]
            free = ~used[1:]
            reduced = cost[current - 1] - u[current] - v[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = column
            candidates = np.where(free, minv[1:], np.inf)
            nxt = int(np.argmin(candidates)) + 1  # the first of equal minima: stable
            delta = candidates[nxt - 1]
            u[match[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            column = nxt
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    assigned = [0] * n
    for column in range(1, n + 1):
        if match[column]:
            assigned[match[column] - 1] = column - 1
    return assigned
