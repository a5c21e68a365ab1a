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
    more, or a gloss, are people.

:func:`latin_names` applies all three to the mentions chosen for a text (in
its offsets) and returns the new list, in order.
"""

from __future__ import annotations

import re

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
    from bisect import bisect_right

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
