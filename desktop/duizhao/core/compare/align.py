"""Alignment: the facts of different articles that answer the same question, in rows.

Every fact of every claim is a candidate (:class:`Placed`: an article's claim
and one of its facts). Two facts of different articles get a score
(:func:`score_matrix`) that combines

- what they are about: the weighted overlap of their words (a word shared by
  few facts of the selection weighs more), and whether their main words are
  the same notion;
- what the sentences mean: the cosine of the claims' sentence vectors;
- who the figures belong to: facts about different people or organisations
  (上汽 vs 比亚迪) score low;
- and, for figures, whether their values agree, so an outlet's figure meets
  the same figure elsewhere before it meets a competing one.

Only facts of one family meet: figures of one kind (people, money, percent,
duration …; mass and volume together), dates, predicates, verdicts,
statements. For each pair of articles the best one-to-one matching
(:func:`~duizhao.core.compare.assignment.best_matching`) pairs their facts;
the pairs of all article pairs are then joined into rows, strongest first,
never putting two facts of one article in a row, and only when every fact of
the joined row scores at least :data:`JOIN` against the others; the matching's
leftovers worth showing are added as rows of two (:mod:`.extras`).
"""

from __future__ import annotations

import numpy as np

from duizhao.core.compare.assignment import best_matching
from duizhao.core.compare.extras import extra_rows, identical
from duizhao.core.compare.lexicon import NOTIONS, QUESTION_OF
from duizhao.core.compare.placed import Placed, family
from duizhao.core.compare.quantities import can_be_equal

#: the lowest score two facts are paired at
MINIMUM = 0.42
#: the lowest score between any two facts of one row
JOIN = 0.30
#: two statements (sentences with no figure, date, predicate or verdict) need more
STATEMENTS = 0.50
#: two verdicts need less: in one story they judge the same events, and rarely
#: in the same words (公正合理 against 政治动机)
VERDICTS = 0.30


def score_matrix(placed: list[Placed], vectors: np.ndarray) -> np.ndarray:
    """Scores of every pair of placed facts (symmetric; -1 where they cannot meet).

    ``vectors`` holds one unit vector per placed fact (its claim's)."""
    n = len(placed)
    if n == 0:
        return np.zeros((0, 0))
    features = [_features(p.fact.words) for p in placed]
    vocabulary: dict[str, int] = {}
    for found in features:
        for feature in found:
            vocabulary.setdefault(feature, len(vocabulary))
    words = np.zeros((n, max(1, len(vocabulary))))
    for p, found in zip(placed, features, strict=True):
        for feature in found:
            words[p.slot, vocabulary[feature]] = 1.0
    frequency = words.sum(axis=0)
    weight = np.log1p(n / np.maximum(frequency, 1.0))
    weighted = words * weight
    shared = weighted @ words.T
    total = weighted.sum(axis=1)
    union = total[:, None] + total[None, :] - shared
    overlap = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)

    heads = _codes([_question_word(p) or f"-{p.slot}" for p in placed])
    same_head = (heads[:, None] == heads[None, :]).astype(float)
    meaning = np.clip(vectors @ vectors.T, 0.0, 1.0)

    score = 0.45 * overlap + 0.35 * meaning + 0.2 * same_head
    score += 0.1 * _agreeing(placed) + _units(placed)
    # one specific figure (3.07%) given to two different names is worth showing
    score *= np.maximum(_actor_factor(placed), identical(placed))
    families = _codes([family(p.fact) for p in placed])
    articles = np.array([p.article for p in placed])
    apart = (families[:, None] != families[None, :]) | (articles[:, None] == articles[None, :])
    score[apart] = -1.0
    return score


def _features(words: frozenset[str]) -> list[str]:
    """A fact's words and, for longer Chinese words, their character pairs, so that
    强制性 meets 强制 and 预训练成本 meets 成本 (sorted: stable)."""
    out = set(words)
    for word in words:
        if len(word) >= 3 and not word.startswith("e:") and not word.isascii():
            out.update(word[i : i + 2] for i in range(len(word) - 1))
    return sorted(out)


def _question_word(p: Placed) -> str:
    """What a fact answers: its head's notion, or for a predicate the question its
    class shares with its opposites (支持, 反对 and 弃权 answer one question)."""
    if p.fact.kind == "predicate":
        return QUESTION_OF.get(p.fact.predicate, p.fact.predicate)
    if p.fact.kind == "verdict":  # every verdict answers "what is thought of it"
        return "评价" if p.fact.predicate == "approval" else "影响"
    return NOTIONS.get(p.fact.head, p.fact.head)


def _codes(values: list[str]) -> np.ndarray:
    """An integer per distinct value, by sorted value (stable across runs)."""
    index = {v: i for i, v in enumerate(sorted(set(values)))}
    return np.array([index[v] for v in values])


def _agreeing(placed: list[Placed]) -> np.ndarray:
    """1 where two figures can be the same number, else 0."""
    n = len(placed)
    agree = np.zeros((n, n))
    figures = [p for p in placed if p.fact.quantity is not None]
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            qa, qb = a.fact.quantity, b.fact.quantity
            if qa is not None and qb is not None and qa.kind == qb.kind and can_be_equal(qa, qb):
                agree[a.slot, b.slot] = agree[b.slot, a.slot] = 1.0
    return agree


def _units(placed: list[Placed]) -> np.ndarray:
    """+0.05 for figures in the same unit, -0.15 for money in other currencies:
    201亿美元 meets 208亿美元 before 6829亿新台币."""
    units = _codes([p.fact.quantity.unit if p.fact.quantity else "" for p in placed])
    money = np.array([bool(p.fact.quantity and p.fact.quantity.kind.startswith("money:"))
                      for p in placed])  # fmt: skip
    same = units[:, None] == units[None, :]
    both_money = money[:, None] & money[None, :]
    return np.where(same, 0.05, np.where(both_money, -0.15, 0.0))


def _actor_factor(placed: list[Placed]) -> np.ndarray:
    """0.35 where two figures belong to people or organisations and none in common
    (for other facts the names are words, and weigh as words)."""
    names = sorted({actor for p in placed for actor in p.fact.actors})
    if not names:
        return np.ones((len(placed), len(placed)))
    same = same_actor_groups(names)
    column = {name: i for i, name in enumerate(sorted(set(same.values())))}
    actors = np.zeros((len(placed), len(column)))
    for p in placed:
        for actor in p.fact.actors:
            actors[p.slot, column[same[actor]]] = 1.0
    named = (actors.sum(axis=1) > 0) & np.array([p.fact.kind == "quantity" for p in placed])
    apart = named[:, None] & named[None, :] & ((actors @ actors.T) == 0)
    return np.where(apart, 0.35, 1.0)


def minimum(a: Placed, b: Placed) -> float:
    """The lowest score at which two facts are paired: verdicts less, statements more."""
    if a.fact.kind == b.fact.kind == "verdict":
        return VERDICTS
    if a.fact.kind == b.fact.kind == "statement":
        return STATEMENTS
    return MINIMUM


def same_actor_groups(names: list[str]) -> dict[str, str]:
    """Each actor id mapped to its group's: names the gazetteer does not link are
    one actor when one contains the other (恒大 and 中国恒大集团)."""
    group = {name: name for name in names}
    plain = sorted((n for n in names if n.startswith("name:")), key=lambda n: (len(n), n))
    for i, short in enumerate(plain):
        word = short[5:]
        if len(word) < 2:
            continue
        for longer in plain[i + 1 :]:
            if word in longer[5:] and group[longer] == longer:
                group[longer] = group[short]
    return group


def align(placed: list[Placed], scores: np.ndarray) -> list[list[Placed]]:
    """Rows of placed facts (two articles or more, one fact per article), in the
    order of their first fact."""
    by_article: dict[int, list[Placed]] = {}
    for p in placed:
        by_article.setdefault(p.article, []).append(p)
    articles = sorted(by_article)
    kinds = np.array([p.fact.kind for p in placed])
    floors = np.full(scores.shape, MINIMUM)
    floors[(kinds[:, None] == "verdict") & (kinds[None, :] == "verdict")] = VERDICTS
    floors[(kinds[:, None] == "statement") & (kinds[None, :] == "statement")] = STATEMENTS
    pairs: list[tuple[float, int, int]] = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            left, right = by_article[a], by_article[b]
            rows, columns = [p.slot for p in left], [p.slot for p in right]
            sub = scores[np.ix_(rows, columns)]
            floor = floors[np.ix_(rows, columns)]
            usable = np.where(sub >= floor, sub, 0.0)  # below its own threshold: no contender
            for r, c in best_matching(usable, VERDICTS):
                pairs.append((float(sub[r, c]), left[r].slot, right[c].slot))
    pairs.sort(key=lambda t: (-round(t[0], 6), t[1], t[2]))
    return _join(placed, scores, pairs)


def _join(
    placed: list[Placed], scores: np.ndarray, pairs: list[tuple[float, int, int]]
) -> list[list[Placed]]:
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
        if min(scores[i, j] for i in left for j in right) < JOIN:
            continue
        group[rb] = ra
        members[ra] = sorted(left + right)
        del members[rb]
    rows = [
        sorted((placed[i] for i in m), key=lambda p: (p.article, p.claim.index))
        for m in members.values()
        if len(m) >= 2
    ]
    rows += [
        pair
        for pair in extra_rows(placed, scores, {p.slot for row in rows for p in row}, minimum)
        if not any(pair[0] in row and pair[1] in row for row in rows)
    ]
    return sorted(rows, key=lambda row: (min(p.slot for p in row), len(row)))
