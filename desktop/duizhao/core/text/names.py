"""Names in views: protected spans are converted as names, not as running text.

OpenCC's tables are made for running text, and a person's name is not: 于
(the surname) becomes 於 by the character table, 郁 becomes 鬱 (林郁婷 →
林鬱婷), 范 becomes 範, and the Taiwan phrase table turns a mainland
transliteration into Taiwan's (奥巴马 → 歐巴馬), another name for the same
person where the text wrote this one. So a view can be built with protected
spans (the article's PERSON entities, in original offsets):

- each protected name is converted on its own, with the configuration's
  script conversion only (:data:`NAME_CONFIGS`: ``s2tw`` for ``s2twp``,
  ``tw2s`` for ``tw2sp``: characters and their variants, no regional
  phrases), so a phrase across the name's edge (于是 in 于是之) cannot
  reach into it;
- converting to Traditional, the characters that write surnames and given
  names in their own form (:data:`NAME_CHARACTERS`: 于, 余, 范, 郁, 游, 岳 …)
  keep it, whatever the character table says;
- the converted name has the name's length and maps character for
  character; where the view had converted a phrase across the name's edge,
  the text on either side of the name inside that phrase is converted on
  its own too.

:func:`protect` takes a view's text and map and returns them with the names
put right; the map stays exact (:meth:`~duizhao.core.text.textmap.OffsetMap.splice`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from duizhao.core.text.textmap import RUN, OffsetMap, concatenate

#: The configuration a name is converted with, per view configuration:
#: the script and its variants, without regional phrases.
NAME_CONFIGS = {
    "s2t": "s2t",
    "s2tw": "s2tw",
    "s2twp": "s2tw",
    "s2hk": "s2hk",
    "t2s": "t2s",
    "tw2s": "tw2s",
    "tw2sp": "tw2s",
    "hk2s": "hk2s",
    "t2tw": "t2tw",
    "t2hk": "t2hk",
}
#: Simplified characters whose Traditional form in a name is not the one the
#: tables give (the character table picks 於 for 于, 鬱 for 郁, 範 for 范; the
#: phrase table writes the city 沈阳 瀋陽, which a person named 沈阳 is not).
NAME_CHARACTERS = {
    "于": "于", "余": "余", "范": "范", "征": "征", "郁": "郁", "朴": "朴", "岳": "岳",
    "游": "游", "涂": "涂", "党": "党", "种": "种", "后": "后", "咸": "咸", "里": "里",
    "干": "干", "占": "占", "台": "台", "冲": "沖", "沈": "沈", "周": "周", "姜": "姜",
}  # fmt: skip
#: Configurations that write Traditional characters from Simplified ones.
_TO_TRADITIONAL = frozenset({"s2t", "s2tw", "s2twp", "s2hk"})

#: Converts a piece of text alone with the view's configuration: (text, map).
PieceView = Callable[[str], tuple[str, OffsetMap]]
#: Converts a text with a named configuration.
Convert = Callable[[str, str], str]


def name_text(name: str, config: str, convert: Convert) -> str:
    """``name`` as a view with ``config`` shows a person's name: same length."""
    shown = convert(name, NAME_CONFIGS.get(config, config))
    if len(shown) != len(name):  # a phrase changed the length: one character at a time
        shown = "".join(_one(ch, convert(ch, NAME_CONFIGS.get(config, config))) for ch in name)
    if config in _TO_TRADITIONAL:
        shown = "".join(NAME_CHARACTERS.get(ch, out) for ch, out in zip(name, shown, strict=True))
    return shown


def _one(ch: str, out: str) -> str:
    return out if len(out) == 1 else ch


def protect(
    original: str,
    text: str,
    offset_map: OffsetMap,
    config: str,
    spans: Sequence[tuple[int, int]],
    piece_view: PieceView,
    convert: Convert,
) -> tuple[str, OffsetMap]:
    """The view ``text`` (of ``original``, through ``offset_map``) with the
    names at ``spans`` converted as names (see the module)."""
    groups = _regions(offset_map, _clean(spans, len(original)))
    if not groups:
        return text, offset_map
    edits: list[tuple[int, int, OffsetMap]] = []
    parts: list[str] = []
    at_view = 0
    for start, end, names in groups:
        pieces: list[str] = []
        maps: list[OffsetMap] = []
        at = start
        for name_start, name_end in names:
            if name_start > at:
                shown, piece_map = piece_view(original[at:name_start])
                pieces.append(shown)
                maps.append(piece_map)
            name = original[name_start:name_end]
            pieces.append(name_text(name, config, convert))
            maps.append(OffsetMap((0, len(name)), (0, len(name)), bytes([RUN])))
            at = name_end
        if end > at:
            shown, piece_map = piece_view(original[at:end])
            pieces.append(shown)
            maps.append(piece_map)
        view_start, view_end = offset_map.to_view(start, end)
        replacement = "".join(pieces)
        if replacement == text[view_start:view_end] and (start, end) == names[0] == names[-1]:
            continue  # the view already shows the name as a name
        parts.append(text[at_view:view_start])
        parts.append(replacement)
        at_view = view_end
        edits.append((start, end, concatenate(maps)))
    if not edits:
        return text, offset_map
    parts.append(text[at_view:])
    return "".join(parts), offset_map.splice(edits)


def _clean(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans inside the text, sorted, overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _regions(
    offset_map: OffsetMap, spans: list[tuple[int, int]]
) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """The original stretch each name takes in the view (the name, or the whole
    phrase a conversion made across its edge), names sharing one put together."""
    regions: list[tuple[int, int, list[tuple[int, int]]]] = []
    for start, end in spans:
        first, last = offset_map.to_original(*offset_map.to_view(start, end))
        first, last = min(first, start), max(last, end)
        if regions and first < regions[-1][1]:
            head, tail, names = regions[-1]
            regions[-1] = (min(head, first), max(tail, last), [*names, (start, end)])
        else:
            regions.append((first, last, [(start, end)]))
    return regions
