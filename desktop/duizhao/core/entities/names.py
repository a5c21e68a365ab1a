"""Finding the gazetteer's names in running text.

:class:`NameMatcher` compiles every name of a
:class:`~duizhao.core.entities.gazetteer.Gazetteer` — in the forms the gazetteer
indexes them by (:func:`~duizhao.core.entities.gazetteer.lookup_forms`: case folded,
separators gone, Simplified) — into one regular expression shaped like a trie,
so a text is scanned once whatever the number of names, and the longest name
at a place wins. The text is folded the same way first (full-width Latin and
digits to ASCII, upper case to lower, white space, middle dots, hyphens and
periods dropped) with a map back to its own offsets, so 唐纳德•特朗普 and
"Donald  Trump" are found as the names they are.

A name written in Latin letters or digits must not be glued to more of them
(``EU`` is not found in ``EUR``), and a short one (four characters or fewer)
must carry a capital or a digit where it stands (``US``, ``G7``, not "us").
A person's alias that only adds a title to another of the person's names
(国家主席习近平, 日本首相高市早苗) is left to lookups: the name found is the
name, without the title. Whether a match also falls on word boundaries is for
the caller to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from duizhao.core.entities.gazetteer import Entry, Gazetteer, lookup_forms

#: What the gazetteer's normalisation drops from names (see gazetteer._SEPARATORS).
_SEPARATOR = re.compile(r"[\s·・•‧∙⋅\-‐‑‒–'’ʼ‘.=゠]+")
#: Full-width ASCII to ASCII, then upper case to lower case; one character each.
_FOLD = {code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)} | {
    code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)
}
_ASCII_WORD = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
_DOTTED = re.compile(r"[·・•‧∙⋅]")


class NameMatcher:
    """Every name of a gazetteer, found in a text in one pass. Immutable; thread-safe."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        owners: dict[str, str] = {}
        for entry in gazetteer:
            for form in _matchable(entry):
                owners.setdefault(form, entry.id)
        self._owners = owners
        self._pattern = re.compile(trie_pattern(owners)) if owners else None

    def __len__(self) -> int:
        return len(self._owners)

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of the names in ``text``, in order, not overlapping."""
        if self._pattern is None or not text:
            return []
        folded = text.translate(_FOLD)
        kept = _kept_positions(folded)
        compact = _SEPARATOR.sub("", folded)
        found: list[tuple[int, int, Entry]] = []
        for match in self._pattern.finditer(compact):
            start = int(kept[match.start()])
            end = int(kept[match.end() - 1]) + 1
            if not _fits(text, start, end):
                continue
            entry = self.gazetteer.entry(self._owners[match.group()])
            if entry is not None:
                found.append((start, end, entry))
        return found


def _matchable(entry: Entry) -> Iterable[str]:
    """The forms of ``entry``'s names that are searched for in text."""
    forms = {surface: lookup_forms(surface) for surface in entry.surfaces}
    every = {form for found in forms.values() for form in found}
    for surface, found in forms.items():
        for form in found:
            titled = entry.type == "PERSON" and not surface.isascii()
            if (
                titled
                and not _DOTTED.search(surface)
                and any(o != form and o in form for o in every)
            ):
                continue  # a title and a name: 国家主席习近平
            yield form


def _kept_positions(folded: str) -> np.ndarray:
    """Index in ``folded`` of each character that survives separator removal."""
    keep = np.ones(len(folded), dtype=bool)
    for match in _SEPARATOR.finditer(folded):
        keep[match.start() : match.end()] = False
    return np.flatnonzero(keep)


def _fits(text: str, start: int, end: int) -> bool:
    """Latin names stand alone; short ones are written with a capital or a digit."""
    head, tail = text[start], text[end - 1]
    if _ASCII_WORD.match(head) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    if _ASCII_WORD.match(tail) and end < len(text) and _ASCII_WORD.match(text[end]):
        return False
    surface = text[start:end]
    if _ASCII_WORD.match(head) and len(surface) <= 4 and surface.isascii():
        return any(ch.isupper() or ch.isdigit() for ch in surface)
    return True


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, the longest at a place."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(root)


def _node_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        return "(?:" + "|".join(branches) + ")?" if branches else ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
