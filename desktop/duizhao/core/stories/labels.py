"""A story's label, written like a headline from its key names and event words.

The label is made in the analysis script (Simplified) from what the most
articles of the story share: up to two linked names (people, places,
organisations; the canonical name of each) and up to three content words
that are not part of those names, e.g. ``花莲、马太鞍溪：堰塞湖 溢流 失联``.
A story of one article, or one whose articles share nothing, is labelled by
its earliest title. :func:`label_in` writes a label in the reader's script.
"""

from __future__ import annotations

from collections.abc import Sequence

from duizhao.core.stories.features import Features
from duizhao.core.text import convert

MAX_NAMES = 2
MAX_WORDS = 3
#: OpenCC configuration per script of the reader
_SCRIPTS = {"traditional": "s2t", "taiwan": "s2twp", "hongkong": "s2hk"}


def _shared(items: list[tuple[str, ...]], floor: int) -> list[str]:
    counts: dict[str, int] = {}
    for group in items:
        for x in group:
            counts[x] = counts.get(x, 0) + 1
    ranked = sorted(counts, key=lambda x: (-counts[x], -len(x), x))
    return [x for x in ranked if counts[x] >= floor]


def story_label(members: Sequence[Features]) -> str:
    """The label of a story made of these articles (Simplified)."""
    if not members:
        return ""
    ordered = sorted(members, key=lambda f: (f.date is None, f.date or 0, f.article_id))
    first_title = next((f.title for f in ordered if f.title), "")
    if len(members) == 1:
        return convert(first_title, "t2s")[:60] if first_title else ""
    floor = 2
    names_of: dict[str, str] = {}
    for f in ordered:
        for k, v in f.names.items():
            names_of.setdefault(k, v)
    picked: list[str] = []
    for entity in _shared([f.entities for f in ordered], floor):
        name = names_of.get(entity, "")
        if name and not any(name in p or p in name for p in picked):
            picked.append(name)
        if len(picked) == MAX_NAMES:
            break
    words: list[str] = []
    for word in _shared([f.words for f in ordered], floor):
        if any(word in p or p in word for p in (*picked, *words)):
            continue
        words.append(word)
        if len(words) == MAX_WORDS:
            break
    if not picked and not words:
        return convert(first_title, "t2s")[:60] if first_title else ""
    return "、".join(picked) + ("：" if picked and words else "") + " ".join(words)


def label_in(label: str, script: str) -> str:
    """A label in the reader's script: ``simplified`` (as made), ``traditional``,
    ``taiwan`` or ``hongkong``."""
    config = _SCRIPTS.get(script)
    return convert(label, config) if config else label
