"""Extra rows: pairs of facts the one-to-one matching kept apart, worth seeing side by side.

The matching of :mod:`.align` gives each fact at most one partner per article,
which is right for the common case and hides three kinds of pair a reader
wants to see; each gets a row of two:

- a fact left in no row, with its best partner of another article even when
  that partner already sits in a row (an article giving two figures for one
  question, 201亿 here and 208亿 there, shows both);
- two figures of one specific value (:func:`identical`: 3.07%, 4,760亿): the
  same number, said of the same thing or — worth flagging — of two;
- a clash (:func:`clashes`): two assertions that deny each other about
  something few facts of the selection mention — opposite predicate classes
  (计划支持 against 转为弃权 for one country), one predicate with and without a
  negation, or a word one sentence denies (缺乏强制性) and the other asserts
  (强制疏散): a denial meets what it denies.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from duizhao.core.compare.lexicon import OPPOSITES
from duizhao.core.compare.placed import Placed, shared_specific

#: the lowest score at which opposite predicates are shown (they must still be about
#: one thing); a denial, whose own evidence is stronger, needs less
CLASH = 0.25
DENIAL = 0.12
#: figures with this many significant digits or more are no coincidence
SPECIFIC_DIGITS = 3

Minimum = Callable[[Placed, Placed], float]


def extra_rows(
    placed: list[Placed], scores: np.ndarray, in_rows: set[int], minimum: Minimum
) -> list[list[Placed]]:
    """Rows of two, in slot order, none twice."""
    extra: list[tuple[Placed, Placed]] = []
    for p in placed:
        row = scores[p.slot]
        best = int(np.argmax(row))
        if p.slot not in in_rows and row[best] >= minimum(p, placed[best]):
            extra.append((p, placed[best]))
    same = identical(placed)
    for i, j in zip(*np.nonzero(np.triu(same, 1)), strict=True):
        x, y = placed[int(i)], placed[int(j)]
        if x.article != y.article and scores[i, j] >= minimum(x, y):
            extra.append((x, y))
    extra += clashes(placed, scores)
    unique: dict[tuple[int, int], list[Placed]] = {}
    for x, y in extra:
        pair = sorted((x, y), key=lambda p: (p.article, p.claim.index))
        unique.setdefault((pair[0].slot, pair[1].slot), pair)
    return [unique[key] for key in sorted(unique)]


def identical(placed: list[Placed]) -> np.ndarray:
    """1 where two figures are the same exact value with three significant digits
    or more (3.07%, 4,760亿): no coincidence, whoever they are given for."""
    n = len(placed)
    same = np.zeros((n, n))
    keys: dict[tuple[str, float], list[int]] = {}
    for p in placed:
        q = p.fact.quantity
        digits = "".join(ch for ch in q.text if ch.isdigit()).strip("0") if q else ""
        if q is not None and q.exact and len(digits) >= 3:
            keys.setdefault((q.unit, q.value), []).append(p.slot)
    for slots in keys.values():
        for i in slots:
            for j in slots:
                same[i, j] = 1.0
    return same


def clashes(placed: list[Placed], scores: np.ndarray) -> list[tuple[Placed, Placed]]:
    """Pairs of assertions of different articles that deny each other (module docstring)."""
    kinds = ("predicate", "verdict", "statement")
    candidates = [p for p in placed if p.fact.kind in kinds]
    found = []
    for i, x in enumerate(candidates):
        for y in candidates[i + 1 :]:
            if x.article == y.article or scores[x.slot, y.slot] < DENIAL:
                continue
            opposed = _opposed(x, y) and scores[x.slot, y.slot] >= CLASH
            if opposed or _denied(x, y) or _denied(y, x):
                found.append((x, y))
    return found


def _opposed(x: Placed, y: Placed) -> bool:
    """Opposite predicate classes, or one predicate both ways, about one thing."""
    fx, fy = x.fact, y.fact
    if fx.kind != "predicate" or fy.kind != "predicate":
        return False
    opposite = fy.predicate in OPPOSITES.get(fx.predicate, frozenset())
    negated = fx.predicate == fy.predicate and fx.polarity != fy.polarity
    about = bool(shared_specific(x, y)) or bool(fx.actors & fy.actors)
    return (opposite and fx.polarity == fy.polarity or negated) and about


def _denied(x: Placed, y: Placed) -> bool:
    """A word ``x``'s sentence denies that ``y``'s fact asserts, both about it."""
    for word in x.claim.frame.negated:
        if len(word) < 2:
            continue
        if not (_holds(x.fact.words, word) and _holds(y.fact.words, word)):
            continue
        if _holds(y.claim.frame.affirmed, word):
            return len(shared_specific(x, y) | {word}) >= 2
    return False


def _holds(words: frozenset[str], word: str) -> bool:
    """Whether one of ``words`` contains ``word`` or lies inside it (强制 / 强制性)."""
    return any(word in w or w in word for w in words if len(w) >= 2)
