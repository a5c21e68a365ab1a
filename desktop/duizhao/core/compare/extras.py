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

import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from duizhao.core.compare.lexicon import OPPOSITES
from duizhao.core.compare.placed import Placed, family, shared_specific, shares_specific

if TYPE_CHECKING:
    from duizhao.core.compare.scores import Scores

#: the lowest score at which opposite predicates are shown (they must still be about
#: one thing); a denial, whose own evidence is stronger, needs less
CLASH = 0.25
DENIAL = 0.12

Minimum = Callable[[Placed, Placed], float]


def extra_rows(
    placed: list[Placed], scores: Scores, in_rows: set[int], minimum: Minimum
) -> list[list[Placed]]:
    """Rows of two, in slot order, none twice."""
    by_family: dict[str, list[int]] = defaultdict(list)
    for p in placed:
        by_family[family(p.fact)].append(p.slot)
    extra = _partners(placed, scores, in_rows, by_family, minimum)
    by_value: dict[int, list[int]] = defaultdict(list)
    for p in placed:
        if p.fact.quantity is not None:
            by_value[int(scores.same_value[p.slot])].append(p.slot)
    for slots in by_value.values():  # a value not specific has a code of its own
        for i, a in enumerate(slots):
            for b in slots[i + 1 :]:
                x, y = placed[a], placed[b]
                if x.article != y.article and scores.one(a, b) >= minimum(x, y):
                    extra.append((x, y))
    extra += clashes(placed, scores)
    unique: dict[tuple[int, int], list[Placed]] = {}
    for x, y in extra:
        pair = sorted((x, y), key=lambda p: (p.article, p.claim.index))
        unique.setdefault((pair[0].slot, pair[1].slot), pair)
    return [unique[key] for key in sorted(unique)]


def _partners(
    placed: list[Placed],
    scores: Scores,
    in_rows: set[int],
    by_family: dict[str, list[int]],
    minimum: Minimum,
) -> list[tuple[Placed, Placed]]:
    """Each fact in no row with its best partner of another article, scored a
    block per article and family."""
    left: dict[tuple[int, str], list[int]] = defaultdict(list)
    for p in placed:
        if p.slot not in in_rows:
            left[(p.article, family(p.fact))].append(p.slot)
    found = []
    for (article, kind), slots in sorted(left.items()):
        others = [s for s in by_family[kind] if placed[s].article != article]
        if not others:
            continue
        block = scores.block(slots, others)
        for slot, row in zip(slots, block, strict=True):
            best = int(np.argmax(row))
            p, partner = placed[slot], placed[others[best]]
            if row[best] >= minimum(p, partner):
                found.append((p, partner))
    return found


def clashes(placed: list[Placed], scores: Scores) -> list[tuple[Placed, Placed]]:
    """Pairs of assertions of different articles that deny each other (module docstring)."""
    return _opposite_predicates(placed, scores) + _denials(placed, scores)


def _opposite_predicates(placed: list[Placed], scores: Scores) -> list[tuple[Placed, Placed]]:
    """Predicates, close enough to be about one thing and sharing an actor or a
    specific word, that oppose: opposite classes with one polarity, or one class
    with both."""
    by_article: dict[int, list[Placed]] = defaultdict(list)
    for p in placed:
        if p.fact.kind == "predicate":
            by_article[p.article].append(p)
    names = sorted({p.fact.predicate for ps in by_article.values() for p in ps})
    code = {name: i for i, name in enumerate(names)}
    opposite = np.array([[b in OPPOSITES.get(a, ()) for b in names] for a in names], dtype=bool)
    arrays = {
        a: (
            np.array([code[p.fact.predicate] for p in ps], dtype=int),
            np.array([p.fact.polarity for p in ps]),
        )
        for a, ps in by_article.items()
    }
    found = []
    articles = sorted(by_article)
    for n, a in enumerate(articles):
        for b in articles[n + 1 :]:
            (ca, pa), (cb, pb) = arrays[a], arrays[b]
            same_polarity = pa[:, None] == pb[None, :]
            opposed = (opposite[np.ix_(ca, cb)] & same_polarity) | (
                (ca[:, None] == cb[None, :]) & ~same_polarity
            )
            rows, cols = np.nonzero(opposed)
            if rows.size == 0:
                continue
            left, right = sorted(set(rows.tolist())), sorted(set(cols.tolist()))
            close = scores.block(
                [by_article[a][i].slot for i in left], [by_article[b][j].slot for j in right]
            )
            at_row, at_col = {r: k for k, r in enumerate(left)}, {c: k for k, c in enumerate(right)}
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
                x, y = by_article[a][i], by_article[b][j]
                if close[at_row[i], at_col[j]] >= CLASH and (
                    x.fact.actors & y.fact.actors or shares_specific(x, y)
                ):
                    found.append((x, y))
    return found


def _denials(placed: list[Placed], scores: Scores) -> list[tuple[Placed, Placed]]:
    """Assertions of different articles where one denies a word the other asserts."""
    kinds = ("predicate", "verdict", "statement")
    assertions = [p for p in placed if p.fact.kind in kinds]
    lines = ["|".join(sorted(p.fact.words)) for p in assertions]
    joined = "\n".join(lines)  # one text to search, a line per assertion
    line_starts = np.cumsum([0] + [len(line) + 1 for line in lines])
    having: dict[str, set[int]] = defaultdict(set)  # a word: the assertions that have it
    for k, p in enumerate(assertions):
        for word in p.fact.words:
            having[word].add(k)
    found = []
    for x in assertions:
        denied = [w for w in x.claim.frame.negated if len(w) >= 2 and _holds(x.fact.words, w)]
        if not denied:
            continue
        candidates: set[int] = set()
        for word in denied:  # assertions with a word containing it, or a word inside it
            for match in re.finditer(re.escape(word), joined):
                candidates.add(int(np.searchsorted(line_starts, match.start(), "right")) - 1)
            for i in range(len(word)):
                for j in range(i + 2, len(word) + 1):
                    candidates |= having.get(word[i:j], set())
        near = sorted(k for k in candidates if assertions[k].article != x.article)
        if not near:
            continue
        close = scores.block([x.slot], [assertions[k].slot for k in near])[0]
        for k, score in zip(near, close, strict=True):
            y = assertions[k]
            if score >= DENIAL and _denied(x, y, denied):
                found.append((x, y) if x.slot < y.slot else (y, x))
    return found


def _denied(x: Placed, y: Placed, denied: list[str]) -> bool:
    """One of the words ``x``'s sentence denies (``denied``, found in its fact) that
    ``y``'s fact is about and ``y``'s sentence asserts, the two sharing another
    specific word as well."""
    for word in denied:
        if _holds(y.fact.words, word) and _holds(y.claim.frame.affirmed, word):
            return len(shared_specific(x, y) | {word}) >= 2
    return False


def _holds(words: frozenset[str], word: str) -> bool:
    """Whether one of ``words`` contains ``word`` or lies inside it (强制 / 强制性)."""
    return any(word in w or w in word for w in words if len(w) >= 2)
