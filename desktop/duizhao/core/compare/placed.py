"""Placed facts: every fact of every claim of a comparison, as alignment sees it.

:func:`place` numbers the facts of all the compared articles' claims (a
:class:`Placed` holds the claim, the fact, its slot among all facts and its
*specific* words — those few facts of the selection share, so that a country
every sentence of a story names does not make two sentences about the same
thing); :func:`family` says which facts may meet in a row at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.frames import Fact
from duizhao.core.compare.lexicon import GENERIC

#: kinds of figure that may sit in one row (their relation then says why they
#: cannot be compared, which is what a reader wants to see)
_FAMILY = {"mass": "amount", "volume": "amount"}


@dataclass(frozen=True, slots=True)
class Placed:
    """A fact in its claim; ``slot`` is its index among all placed facts;
    ``specific`` are its content words that few facts of the selection share (a
    country every sentence of the story names is not among them)."""

    slot: int
    claim: Claim
    fact: Fact
    specific: frozenset[str] = frozenset()

    @property
    def article(self) -> int:
        return self.claim.article


def family(fact: Fact) -> str:
    """Facts of one family may meet: figures of a kind, dates, or assertions
    (predicates, verdicts and statements: a denial meets what it denies)."""
    if fact.kind == "quantity" and fact.quantity is not None:
        kind = fact.quantity.kind
        if kind.startswith("money:"):
            return "money"
        return _FAMILY.get(kind, kind)
    if fact.kind in ("predicate", "verdict", "statement"):
        return "assertion"
    return fact.kind


#: a word in more than this share of the selection's facts is not specific
SPECIFIC_SHARE = 0.15


def place(claims: list[Claim]) -> list[Placed]:
    facts = [(claim, fact) for claim in claims for fact in claim.facts]
    counts: dict[str, int] = {}
    for _claim, fact in facts:
        for word in fact.words:
            counts[word] = counts.get(word, 0) + 1
    limit = max(2.0, SPECIFIC_SHARE * len(facts))
    return [
        Placed(
            slot,
            claim,
            fact,
            frozenset(w for w in fact.words if counts[w] <= limit and _content(w)),
        )
        for slot, (claim, fact) in enumerate(facts)
    ]


def shared_specific(x: Placed, y: Placed) -> set[str]:
    """The specific words of ``x`` that ``y``'s specific words share or contain
    (睾固酮素 and 睾固酮), besides the two facts' heads: what two assertions must
    share to be about the same thing."""
    heads = {x.fact.head, y.fact.head}
    mine, theirs = x.specific - heads, y.specific - heads
    same = mine & theirs
    inside = {
        w
        for w in mine - same
        if not w.startswith("e:")
        and any(not t.startswith("e:") and (w in t or t in w) for t in theirs)
    }
    return set(same) | inside


def shares_specific(x: Placed, y: Placed) -> bool:
    """Whether :func:`shared_specific` finds anything (the common exact case first)."""
    heads = {x.fact.head, y.fact.head}
    if (x.specific & y.specific) - heads:
        return True
    return bool(shared_specific(x, y))


def _content(word: str) -> bool:
    return word.startswith("e:") or (len(word) >= 2 and word not in GENERIC)
