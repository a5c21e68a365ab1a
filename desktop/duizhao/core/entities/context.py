"""What stands around a name decides what it is: periodicals, cases, storms.

Applied to the mentions chosen for a text (its analysis offsets), after span
repair and overlap resolution:

periodicals
    a title in 《》 whose last word names a periodical (…日报, …周刊, …杂志,
    …新闻) is the newspaper or magazine, an organisation, whatever LAC made
    of the words inside (《苹果日报》, 《经济学人》 is left to the gazetteer);
a name and the noun after it
    a person's name LAC ran into a noun it qualifies is cut back to the
    name: the case (张三案), the group (王某等人); a name that only makes a
    term (杰文斯悖论, 地中海贫血) or a pair's nickname (某某配) is no mention;
storms
    the name given to a typhoon or a hurricane (台风"山竹", 飓风卡特里娜)
    is not a place or a person.

:func:`in_context` applies all three and returns the mentions in order.
"""

from __future__ import annotations

import re

from duizhao.core.entities.repair import Mention

#: The last words of a periodical's name.
_PERIODICAL = re.compile(
    r"《([^《》\n]{1,20}(?:日报|晚报|早报|时报|邮报|商报|周报|月报|画报|导报|快报|报|"
    r"周刊|月刊|杂志|新闻|新闻网|周报))》"
)
#: Nouns a person's name qualifies (张三案 is the case of 张三).
_AFTER_PERSON = ("案件", "一案", "案", "等人", "一家")
#: Terms named after a person or a place, which are not the person or the
#: place (杰文斯悖论, 墨菲定律, 达摩克利斯之剑, 地中海贫血). Doctrines and
#: theories (邓小平理论, 马克思主义) do name their author and are left alone.
_TERMS = ("悖论", "定律", "定理", "效应", "之剑", "综合征", "综合症", "贫血")
#: 某某配: the nickname of a pair (of players), not a person.
_PAIR = "配"
#: Words that name a storm before its name (台风山竹, 强台风"山竹") or after it.
_STORM_BEFORE = re.compile(
    r"(?:超强台风|强台风|台风|强台|热带风暴|强热带风暴|飓风|气旋|风暴)[“\"「『'‘]?$"
)
_STORM_AFTER = re.compile(r"^[”\"」』'’]?(?:号)?(?:超强台风|强台风|台风|飓风|风暴)")
_STORM_WINDOW = 8


def in_context(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with periodicals, qualified names and storms seen to (see the module)."""
    periodicals = [Mention(m.start(1), m.end(1), "ORG", 2) for m in _PERIODICAL.finditer(text)]
    out: list[Mention] = list(periodicals)
    for mention in mentions:
        if any(p.start <= mention.start and mention.end <= p.end for p in periodicals):
            continue
        if any(mention.start < p.end and p.start < mention.end for p in periodicals):
            continue
        if mention.type in ("PERSON", "PLACE") and (
            _is_storm(text, mention) or text.startswith(_TERMS, mention.end)
        ):
            continue
        if mention.type == "PERSON" and text.startswith(_PAIR, mention.end):
            continue
        if mention.type == "PERSON":
            mention = _without_noun(text, mention)
            if mention.end <= mention.start:
                continue
        out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _is_storm(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - _STORM_WINDOW) : mention.start]
    after = text[mention.end : mention.end + _STORM_WINDOW]
    return bool(_STORM_BEFORE.search(before) or _STORM_AFTER.match(after))


def _without_noun(text: str, mention: Mention) -> Mention:
    surface = text[mention.start : mention.end]
    for noun in _AFTER_PERSON:
        if surface.endswith(noun) and len(surface) - len(noun) >= 2:
            return Mention(mention.start, mention.end - len(noun), mention.type, mention.rank)
    return mention
