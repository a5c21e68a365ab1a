"""Places: where a place's name ends, and when it is two places written together.

News writes places from the largest to the smallest without a break
(花莲县万荣乡, 中国上海), and LAC, which has seen few of the smaller names,
often cuts such a chain in the wrong place (花莲光 + 复乡). Two rules, in the
normalised Simplified analysis text:

a chain cut at a known place
    a place LAC found that starts with a place the gazetteer knows and goes
    on (:func:`split_place`) is that place and, when the rest is a place
    name of its own — known, or two characters or more ending in an
    administrative or natural unit (光复乡, 马太鞍溪) — that name too; a
    rest of one unit character belongs to the name (北京市), and so does a
    rest that makes a region of it (香港特区) or a building or site
    (合肥火车站, 埃及金字塔, 波兰共和国); a generic word (花莲堰塞湖) or any
    other rest is not part of a name (香港 in 香港国安法, 台北 in 台北今届);
a name cut before its unit
    a place LAC tagged and the unit of a village, township or county that
    follows it in the next word are one name (光 + 复乡长 → 光复乡, 万荣 + 乡
    → 万荣乡; :func:`unit_places`);
counts are not names
    a numeral and a unit (三乡镇, 十二村) is a count of places, not a place.

Both return spans in the analysis text; the span repair and the recogniser
turn them into mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from duizhao.core.entities.lac import Word


def _words(text: str) -> tuple[str, ...]:
    """Words written one after another with spaces between them."""
    return tuple(text.split())


#: Characters that end the name of an administrative unit (a chain of them splits).
ADMIN_UNITS = frozenset("省市县区乡镇村州郡")
#: Characters that end the name of a natural feature (花莲 + 马太鞍溪 splits too).
NATURAL_UNITS = frozenset("溪河江湖山岛峡湾")
#: Endings of a building's or a site's name: the place before belongs to it
#: (合肥火车站, 洛杉矶国际机场, 埃及金字塔, 北京港澳中心).
SITE_ENDINGS = _words(
    "站 馆 塔 楼 城 宫 殿 寺 庙 陵 墓 园 门 港 桥 路 街 道 场 "
    "坝 厦 院 所 堂 中心 饭店 宾馆 酒店 大厦 广场 机场 公园 水库 "
    "大桥 码头 岛国 国 共和国 王国"
)
#: What makes a region of the place before it (香港特区): kept in the name.
_REGION_WORDS = ("特别行政区", "特区", "自治区", "自治州", "自治县", "新区")
#: Rests that are not names although they end in a unit: 台北市区, 各乡镇.
_GENERIC = frozenset(
    _words(
        "市区 城区 郊区 山区 灾区 地区 县市 乡镇 城乡 市县 辖区 园区 "
        "景区 港区 街区 社区 岛内 岛上 全岛 全市 全省 全县 本市 本省 "
        "本县 该市 该县 该省 农村 乡村 堰塞湖"
    )
)
#: Units whose one-word form may follow a place LAC cut short (万荣 + 乡).
_RURAL_UNITS = frozenset("乡镇村")
_COUNT = re.compile(r"[0-9一二两三四五六七八九十百千几数多]+个?[省市县区乡镇村国岛]+")


def split_place(
    text: str, start: int, end: int, known: Callable[[str], str | None]
) -> list[tuple[int, int]]:
    """The place or places in ``text[start:end]``, a place LAC found (see the module)."""
    surface = text[start:end]
    if known(surface):
        return [(start, end)]
    if _COUNT.fullmatch(surface) or surface in _GENERIC:
        return []
    if len(surface) < 3:
        return [(start, end)]
    for size in range(len(surface) - 1, 1, -1):
        if known(surface[:size]) == "PLACE":
            break
    else:
        return [(start, end)]
    rest = surface[size:]
    if len(rest) >= 2 and known(rest) == "PLACE":
        return [(start, start + size), (start + size, end)]
    if rest in _GENERIC:
        return [(start, start + size)]
    if (
        (len(rest) == 1 and (rest in ADMIN_UNITS or rest in NATURAL_UNITS))
        or rest in _REGION_WORDS
        or rest.endswith(tuple(SITE_ENDINGS))
    ):
        return [(start, end)]
    if is_place_name(rest, known):
        return [(start, start + size), (start + size, end)]
    return [(start, start + size)]


def is_place_name(surface: str, known: Callable[[str], str | None]) -> bool:
    """Whether ``surface`` reads as a place's name by itself: known, or two
    characters or more ending in an administrative or natural unit, not a
    generic word or a count."""
    if known(surface) == "PLACE":
        return True
    if len(surface) < 2 or surface in _GENERIC or _COUNT.fullmatch(surface):
        return False
    return surface[-1] in ADMIN_UNITS or surface[-1] in NATURAL_UNITS


def joins_place(text: str, first: Word, second: Word, known: Callable[[str], str | None]) -> bool:
    """Whether two place words LAC put side by side are one name it cut in two:
    neither is a known place nor ends in a unit, and the second goes on to a
    natural feature (马太 + 鞍溪, 马太 + 鞍溪桥)."""
    if first.end != second.start or first.end - first.start > 5:
        return False
    head, tail = text[first.start : first.end], text[second.start : second.end]
    if known(head) or known(tail) or head[-1] in ADMIN_UNITS or head[-1] in NATURAL_UNITS:
        return False
    return any(ch in NATURAL_UNITS for ch in tail[:3])


def unit_places(
    text: str, words: list[Word], known: Callable[[str], str | None]
) -> list[tuple[int, int]]:
    """Places LAC cut before their unit: a place word and the village, township
    or county unit at the start of the next word (光 + 复乡长, 万荣 + 乡), each
    as :func:`split_place` reads it (花莲光 + 复乡 → 花莲, 光复乡)."""
    found: list[tuple[int, int]] = []
    for word, following in zip(words, words[1:], strict=False):
        if word.tag != "LOC" or following.tag in ("LOC", "ORG") or following.start != word.end:
            continue
        after = text[following.start : following.end]
        for k, ch in enumerate(after[:3]):
            if ch in _RURAL_UNITS:
                if k == 0 and text[word.end - 1] == ch:
                    break  # 解庄村 + 村民: the unit is already there
                name = text[word.start : following.start + k + 1]
                if not _COUNT.fullmatch(name) and name[-2:] not in _GENERIC:
                    found.extend(split_place(text, word.start, following.start + k + 1, known))
                break
    return found
