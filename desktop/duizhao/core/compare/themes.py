"""Themes: which topic keys the selected articles share, grouped into topics.

Every claim carries topic keys (:mod:`duizhao.core.compare.topic_keys`). Here

1. each key shared by at least two articles gets a salience
   (:func:`salience`): how specific it is (a linked entity, a concept, a word
   rare in general Chinese) times how much each article says about it, damped
   when the key is in a large share of all claims (中国 in a China story);
2. keys are grouped greedily, best first: a key joins the group of a better
   key when most of its claims also hold that key (稀土 + 出口管制), never by
   way of a third key, so groups do not chain into one;
3. a group whose claims mostly name one more key in two or more articles is
   narrowed to those claims and named with it (特朗普 + 访华: the visit of
   that person, not every visit);
4. a group whose claims a better group already holds is dropped.

:func:`find_themes` returns :class:`Theme` objects (keys, label, claims);
:mod:`duizhao.core.compare.topics` aligns each theme's claims into rows.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from duizhao.core.compare.claims import Claim

#: how much likelier a group's first key is among a joining key's claims than overall
LIFT = 2.0
#: a key in more than this share of all claims is background, not a subject
BROAD = 0.2
#: ... and in more claims than this (in a handful of claims every key is in many)
MIN_BROAD = 4
#: share of a key's claims that must also hold the group's first key to join it
JOIN = 0.5
#: share of a group's claims that must name a qualifier (特朗普 of 访华)
QUALIFY = 0.5
#: a group is dropped when this share of its claims is in a better group
REDUNDANT = 0.75
#: specificity of a linked entity and of a concept (terms: their background idf);
#: an entity says who or where more than what, so it names a topic less readily
ENTITY_SPECIFICITY, CONCEPT_SPECIFICITY = 6.0, 13.0
MAX_SPECIFICITY = 14.0


@dataclass(slots=True)
class Theme:
    """Topic keys that name one subject, the claims about it and its score."""

    keys: list[str]
    label: str
    claims: list[Claim]
    score: float
    names: list[str] = field(default_factory=list)  # readable key labels, best first


@dataclass(slots=True)
class _Stats:
    claims: dict[str, set[int]]  # key -> indices of the claims holding it
    per_article: dict[str, Counter[int]]  # key -> article -> claims holding it
    labels: dict[str, str]
    idf: dict[str, float]


def _stats(claims: Sequence[Claim], specificity: dict[str, float]) -> _Stats:
    by_key: dict[str, set[int]] = defaultdict(set)
    per_article: dict[str, Counter[int]] = defaultdict(Counter)
    labels: dict[str, str] = {}
    for i, c in enumerate(claims):
        for k in c.topic_keys:
            by_key[k].add(i)
            per_article[k][c.article] += 1
            labels.setdefault(k, c.labels.get(k, k[2:]))
    return _Stats(dict(by_key), dict(per_article), labels, specificity)


def salience(key: str, stats: _Stats, total: int) -> float:
    """How good a subject ``key`` is among ``total`` claims (0 when one article)."""
    per_article = stats.per_article.get(key, Counter())
    if len(per_article) < 2:
        return 0.0
    if key.startswith("e:"):
        specific = ENTITY_SPECIFICITY
    else:
        specific = min(MAX_SPECIFICITY, stats.idf.get(key, CONCEPT_SPECIFICITY))
    spread = sum(math.log1p(n) for n in per_article.values())
    share = len(stats.claims[key]) / max(1, total)
    damp = min(1.0, BROAD / share) if share > 0 else 1.0
    return specific * spread * damp


def _articles_of(claims: Sequence[Claim], members: set[int]) -> set[int]:
    return {claims[i].article for i in members}


def find_themes(
    claims: Sequence[Claim], specificity: dict[str, float], limit: int = 40
) -> list[Theme]:
    """The themes of ``claims`` (all selected articles), best first.

    ``specificity`` maps ``t:`` keys to their background idf (keys not in it
    count as concepts)."""
    stats = _stats(claims, specificity)
    total = len(claims)
    by_claim = stats.claims
    scored = {k: salience(k, stats, total) for k in by_claim}
    broad = {k for k, v in by_claim.items() if len(v) > max(BROAD * total, MIN_BROAD)}
    order = sorted(
        (k for k, s in scored.items() if s > 0 and k not in broad), key=lambda k: (-scored[k], k)
    )
    groups: list[list[str]] = []
    for key in order:
        mine = by_claim[key]
        for group in groups if key.startswith("t:") else ():  # an entity heads its own
            first = by_claim[group[0]]
            both = len(mine & first)
            lift = (both / len(mine)) / (len(first) / total)
            if both >= 3 and both >= JOIN * len(mine) and lift >= LIFT:
                group.append(key)
                break
        else:
            groups.append([key])
    themes: list[Theme] = []
    taken: set[int] = set()
    for group in groups:
        members = set().union(*(by_claim[k] for k in group))
        if len(_articles_of(claims, members)) < 2:
            continue
        qualifier = _qualifier(claims, members, group, by_claim)
        if qualifier is not None:
            members &= by_claim[qualifier]
        if taken and len(members & taken) >= REDUNDANT * len(members):
            continue
        names = [stats.labels[k] for k in group]
        if qualifier is not None:
            names.insert(0, stats.labels[qualifier])
        keys = ([qualifier] if qualifier else []) + group
        score = sum(scored[k] for k in group)
        label = "、".join(dict.fromkeys(names[:3]))
        themes.append(Theme(keys, label, [claims[i] for i in sorted(members)], score, names))
        taken |= members
        if len(themes) >= limit:
            break
    return themes


def _qualifier(
    claims: Sequence[Claim], members: set[int], group: list[str], by_claim: dict[str, set[int]]
) -> str | None:
    """The person or organisation (not in ``group``) most of ``members`` name,
    in two or more articles: it narrows and names the group."""
    best: tuple[float, str] | None = None
    for key, holders in by_claim.items():
        if key in group:
            continue
        both = members & holders
        if len(both) < QUALIFY * len(members) or not any(key in claims[i].actors for i in both):
            continue
        if len(_articles_of(claims, both)) < 2:
            continue
        rank = len(both) / len(members)
        if best is None or rank > best[0]:
            best = (rank, key)
    return best[1] if best else None
