"""Names written in Latin letters inside Chinese text: whole names, glosses, and non-names.

Chinese news writes foreign names in Latin letters in two ways, and LAC,
trained on Chinese, cuts both at the spaces:

whole names
    a person's name is the whole run of capitalised words it stands in
    (``Larry Ellison``, ``Anders Skaarup Rasmussen``, ``Hsieh Chien-tung``),
    not each word as LAC tags it; particles such as ``de``, ``van`` or
    ``bin`` may stand between the capitalised words;
glosses
    a name in Latin letters in brackets straight after a Chinese name is that
    name in its own language — 艾里森（Larry Ellison）, 博通(Broadcom),
    國際拳擊協會（IBA） — and takes the type of the name before it;
non-names
    a single Latin word that is neither a gloss nor part of a run of
    capitalised words is not taken as a person (LAC tags ``The``,
    ``ChatGPT`` or a sentence's first word so): only runs of two words or
    more, or a gloss, are people;
recurrences
    a Latin name found once (glossed: 国际拳击协会（IBA）) is found wherever
    the article uses it again bare and no other mention covers it, with the
    type it was found with most often (:func:`recurring`). Names in Han
    characters are not spread so: measured on MSRA and on real news, the
    ones LAC finds once are as often common words it took for a name (清算,
    农民), and spreading them cost more than it found.

:func:`latin_names` applies the first three to the mentions chosen for a
text (in its offsets) and returns the new list, in order; the recogniser
then calls :func:`recurring`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from duizhao.core.entities.repair import Mention

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
#: A capitalised word (an initial with its period, a hyphenated part, an apostrophe).
_WORD = rf"[A-ZÀ-ÖØ-Þ][{_LETTER}'’\-]*\.?"
#: Lower-case particles of names: Ursula von der Leyen, Mohammed bin Salman.
_PARTICLE = r"(?:von|van|der|den|de|da|di|del|du|la|le|bin|al|ibn|dos|das)"
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)*{_WORD})*")
#: What a gloss may hold: Latin letters, digits, spaces and the marks of names.
_GLOSS = re.compile(
    rf"[ \u3000]*[（(][ \u3000]*([{_LETTER}0-9][{_LETTER}0-9 &.'’\-]*?)[ \u3000]*[)）]"
)
_MAX_GLOSS = 40
#: English articles: a run of capitalised words that starts with one is a title.
_ARTICLES = frozenset({"The", "A", "An"})


def is_latin(surface: str) -> bool:
    """Whether ``surface`` is written in Latin letters (and the marks of names)."""
    return (
        bool(surface)
        and all(ch.isascii() or "\u00c0" <= ch <= "\u00ff" for ch in surface)
        and any(ch.isalpha() for ch in surface)
    )


def latin_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with Latin names made whole, glosses typed and lone words dropped."""
    runs = {m.start(): m.end() for m in _RUN.finditer(text)}
    starts = sorted(runs)
    glosses: dict[int, Mention] = {}
    for mention in mentions:
        if is_latin(text[mention.start : mention.end]):
            continue
        gloss = _GLOSS.match(text, mention.end)
        if gloss and len(gloss.group(1)) <= _MAX_GLOSS and any(c.isalpha() for c in gloss.group(1)):
            glosses[gloss.start(1)] = Mention(gloss.start(1), gloss.end(1), mention.type, 2)
    out: list[Mention] = []
    covered: list[tuple[int, int]] = [(m.start, m.end) for m in glosses.values()]
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if any(a <= mention.start and mention.end <= b for a, b in covered):
            continue  # inside a gloss or a run already taken
        if not is_latin(surface) or mention.type != "PERSON":
            out.append(mention)
            continue
        run = _enclosing_run(starts, runs, mention.start, mention.end)
        if run is None or " " not in text[run[0] : run[1]].strip():
            continue  # a lone word: not a person
        if text[run[0] : run[1]].split()[0] in _ARTICLES:
            continue  # The Guardian, A Tale of …: a title, not a person
        covered.append(run)
        out.append(Mention(run[0], run[1], "PERSON", mention.rank))
    out.extend(glosses.values())
    out.sort(key=lambda m: m.start)
    return _without_overlaps(out)


def _enclosing_run(
    starts: list[int], runs: dict[int, int], start: int, end: int
) -> tuple[int, int] | None:
    k = bisect_right(starts, start) - 1
    if k < 0:
        return None
    first = starts[k]
    last = runs[first]
    return (first, last) if last >= end else None


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The first of overlapping mentions, in order (glosses replace what they cover)."""
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.start < out[-1].end:
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        out.append(mention)
    return out


_NAMES = ("PERSON", "PLACE", "ORG")
_ALNUM = re.compile(r"[A-Za-z0-9]")


def recurring(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` and every other occurrence of their Latin names (see the module)."""
    votes: dict[str, Counter[str]] = {}
    order: dict[str, int] = {}
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if mention.type in _NAMES and len(surface) >= 2 and _ALNUM.match(surface[0]):
            votes.setdefault(surface, Counter())[mention.type] += 1
            order.setdefault(surface, len(order))
    if not votes:
        return mentions
    taken = sorted((m.start, m.end) for m in mentions)
    added: list[Mention] = []
    for surface in sorted(votes, key=lambda s: (-len(s), order[s])):
        kind = max(votes[surface].items(), key=lambda item: item[1])[0]
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if _stands_alone(text, at, end) and not _covered(taken, at, end):
                added.append(Mention(at, end, kind, 1))
                taken.insert(bisect_left(taken, (at, end)), (at, end))
            at = text.find(surface, at + 1)
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether a Latin name is not glued to more letters or digits (IBA in AIBA)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not _ALNUM.match(before) and not _ALNUM.match(after)


def _covered(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span overlaps one already taken (``taken``: sorted, not overlapping)."""
    k = bisect_left(taken, (start, start))
    if k > 0 and taken[k - 1][1] > start:
        return True
    return k < len(taken) and taken[k][0] < end
