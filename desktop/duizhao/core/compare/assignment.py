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


def best_matching(scores: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """(row, column) pairs of the highest-scoring matching, sorted by row."""
    rows, cols = scores.shape
    if rows == 0 or cols == 0:
        return []
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
