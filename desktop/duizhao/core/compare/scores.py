"""How likely two facts of different articles answer the same question, block by block.

:class:`Scores` reads every placed fact once (its words, main word, family,
figure, unit, owners and sentence vector) and then scores any block of facts
against another (:meth:`Scores.block`) without ever holding all pairs: fifty
articles give thousands of facts, and a full matrix of their pairs would
take gigabytes. A score combines

- what they are about: the weighted overlap of their words and of the
  character pairs of longer words (强制性 meets 强制), a word shared by few
  facts of the selection weighing more (0.45), and whether their main words
  answer the same question (0.2);
- what the sentences mean: the cosine of the claims' vectors (0.35);
- for figures, whether their values can be equal (+0.1; an outlet's figure
  meets the same figure elsewhere before a competing one), the same unit
  (+0.05), money in other currencies (-0.15);
- who the figures belong to: figures of different people or organisations
  score a third, unless they are one specific value (3.07%), which is no
  coincidence whoever it is given for.

Facts of different families (figures of other kinds, dates, assertions) or
of one article never meet: their score is -1.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from duizhao.core.compare.lexicon import NOTIONS, QUESTION_OF
from duizhao.core.compare.placed import Placed, family
from duizhao.core.compare.quantities import bounds

#: figures with this many significant digits or more are no coincidence
SPECIFIC_DIGITS = 3
OTHER_OWNERS = 0.35


class Scores:
    """Scores of placed facts, computed a block at a time."""

    def __init__(self, placed: list[Placed], vectors: np.ndarray) -> None:
        self.placed = placed
        self.vectors = vectors.astype(np.float32, copy=False)
        n = len(placed)
        features = [_features(p.fact.words) for p in placed]
        vocabulary: dict[str, int] = {}
        for found in features:
            for feature in found:
                vocabulary.setdefault(feature, len(vocabulary))
        #: which features each fact has (a byte each: facts × features stays small)
        self.has = np.zeros((n, max(1, len(vocabulary))), dtype=np.uint8)
        for slot, found in enumerate(features):
            self.has[slot, [vocabulary[f] for f in found]] = 1
        counts = self.has.sum(axis=0, dtype=np.int64)
        self.weight = np.log1p(n / np.maximum(counts, 1)).astype(np.float32)
        self.total = self.has @ self.weight
        self.heads = _codes([_question_word(p) or f"-{p.slot}" for p in placed])
        self.families = _codes([family(p.fact) for p in placed])
        self.articles = np.array([p.article for p in placed])
        self.low, self.high = np.full(n, np.nan), np.full(n, np.nan)
        self.open_low, self.open_high = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        kinds, units, money, same = [], [], [], []
        for p in placed:
            q = p.fact.quantity
            kinds.append(q.kind if q is not None else f"-{p.slot}")
            units.append(q.unit if q is not None else "")
            money.append(bool(q and q.kind.startswith("money:")))
            same.append(_specific_value(p) or f"-{p.slot}")
            if q is not None:
                low, high, (open_low, open_high) = bounds(q)
                self.low[p.slot], self.high[p.slot] = low, high
                self.open_low[p.slot], self.open_high[p.slot] = open_low, open_high
        self.kinds = _codes(kinds)
        self.units = _codes(units)
        self.money = np.array(money)
        self.same_value = _codes(same)
        self.figure = np.array([p.fact.kind == "quantity" for p in placed], dtype=bool)
        groups = _actor_groups(placed)
        owner_ids = {g: i for i, g in enumerate(sorted(set(groups.values())))}
        self.owners = np.zeros((n, max(1, len(owner_ids))), dtype=np.float32)
        for p in placed:
            for actor in p.fact.actors:
                self.owners[p.slot, owner_ids[groups[actor]]] = 1.0
        self.owned = (self.owners.sum(axis=1) > 0) & self.figure

    def block(self, rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        """Scores of facts ``rows`` against facts ``cols`` (slots), -1 where they cannot meet."""
        r, c = np.asarray(rows, dtype=int), np.asarray(cols, dtype=int)
        if r.size == 0 or c.size == 0:
            return np.zeros((r.size, c.size))
        score = 0.45 * self._overlap(r, c)
        score += 0.35 * np.clip(self.vectors[r] @ self.vectors[c].T, 0.0, 1.0)
        score += 0.2 * (self.heads[r][:, None] == self.heads[c][None, :])
        score += 0.1 * self._agreeing(r, c)
        same_unit = self.units[r][:, None] == self.units[c][None, :]
        both_money = self.money[r][:, None] & self.money[c][None, :]
        score += np.where(same_unit, 0.05, np.where(both_money, -0.15, 0.0))
        identical = self.identical(r, c)
        score *= np.where(identical, 1.0, self._owners(r, c))
        apart = (self.families[r][:, None] != self.families[c][None, :]) | (
            self.articles[r][:, None] == self.articles[c][None, :]
        )
        score[apart] = -1.0
        return score

    def one(self, a: int, b: int) -> float:
        return float(self.block([a], [b])[0, 0])

    def identical(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Whether figures are one exact value with :data:`SPECIFIC_DIGITS` or more."""
        return self.same_value[r][:, None] == self.same_value[c][None, :]

    def _overlap(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        left = self.has[r]
        used = np.nonzero(left.any(axis=0))[0]  # only the features the rows have
        left = left[:, used].astype(np.float32) * self.weight[used]
        right = self.has[np.ix_(c, used)].astype(np.float32)
        shared = left @ right.T
        union = self.total[r][:, None] + self.total[c][None, :] - shared
        return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)

    def _agreeing(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        low_r, high_r, low_c, high_c = self.low[r], self.high[r], self.low[c], self.high[c]
        with np.errstate(invalid="ignore"):
            meet = (low_r[:, None] <= high_c[None, :]) & (low_c[None, :] <= high_r[:, None])
            touch = (
                (low_r[:, None] == high_c[None, :])
                & (self.open_low[r][:, None] | self.open_high[c][None, :])
            ) | (
                (low_c[None, :] == high_r[:, None])
                & (self.open_low[c][None, :] | self.open_high[r][:, None])
            )
        same_kind = self.kinds[r][:, None] == self.kinds[c][None, :]
        return (meet & ~touch & same_kind).astype(float)

    def _owners(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        """:data:`OTHER_OWNERS` where two figures belong to people or organisations
        with none in common, else 1."""
        apart = (
            self.owned[r][:, None]
            & self.owned[c][None, :]
            & ((self.owners[r] @ self.owners[c].T) == 0)
        )
        return np.where(apart, OTHER_OWNERS, 1.0)


def _features(words: frozenset[str]) -> list[str]:
    """A fact's words and, for longer Chinese words, their character pairs (sorted)."""
    out = set(words)
    for word in words:
        if len(word) >= 3 and not word.startswith("e:") and not word.isascii():
            out.update(word[i : i + 2] for i in range(len(word) - 1))
    return sorted(out)


def _question_word(p: Placed) -> str:
    """What a fact answers: its head's notion; for a predicate the question its
    class shares with its opposites (支持, 反对 and 弃权 answer one question); for
    a verdict what is thought of it, or how large it is judged."""
    if p.fact.kind == "predicate":
        return QUESTION_OF.get(p.fact.predicate, p.fact.predicate)
    if p.fact.kind == "verdict":
        return "评价" if p.fact.predicate == "approval" else "影响"
    return NOTIONS.get(p.fact.head, p.fact.head)


def _specific_value(p: Placed) -> str:
    q = p.fact.quantity
    if q is None or not q.exact:
        return ""
    digits = "".join(ch for ch in q.text if ch.isdigit()).strip("0")
    return f"{q.unit}={q.value!r}" if len(digits) >= SPECIFIC_DIGITS else ""


def _codes(values: list[str]) -> np.ndarray:
    """An integer per distinct value, by sorted value (stable across runs)."""
    index = {v: i for i, v in enumerate(sorted(set(values)))}
    return np.array([index[v] for v in values], dtype=int)


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


def _actor_groups(placed: list[Placed]) -> dict[str, str]:
    return same_actor_groups(sorted({a for p in placed for a in p.fact.actors}))
