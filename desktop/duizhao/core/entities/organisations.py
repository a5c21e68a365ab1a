"""Organisations: where their names end, and the look-alikes that name no one.

Applied to the mentions chosen for a text (analysis offsets, with LAC's
words), after span repair:

a name goes on
    a company's or an outlet's name often ends in a word LAC leaves outside
    it: its trade (恒大 + 物业, 瑞竣 + 科技, 安迈 + 顾问) or, for a news
    outlet, the service (彭博 + 信息, 德国之声 + 中文网, 网易 + 新闻). Such a
    word right after an organisation belongs to its name (:data:`TAILS`);
    a verb LAC ran into the name (央视新闻报道) does not;
a description is not a name
    a place and words that only describe a kind of firm (美国科技公司,
    中国大模型公司, 大陆房地产公司, 多国政府) name no organisation: the place is
    the name there, and without a place nothing is;
a law is not its subject, nor a Games its host
    a word LAC tagged as an organisation right before 法 (国安 + 法) is the
    subject of a law's title, not a body, unless the gazetteer knows it; a
    place and an event it holds (巴黎奥运) is the place.

:func:`organisations` applies the three and returns the mentions in order.
"""

from __future__ import annotations

from collections.abc import Callable

from duizhao.core.entities.lac import Word
from duizhao.core.entities.repair import Mention


def _words(text: str) -> tuple[str, ...]:
    """Words written one after another with spaces between them."""
    return tuple(text.split())


#: Words that go on an organisation's name: trades, holdings, news services.
TAILS = frozenset(
    _words(
        "科技 顾问 汽车 物业 控股 地产 置业 集团 资本 投资 证券 银行 航空 电子 "
        "信息 资讯 新闻 新闻网 中文网 中文 网 电视 电视台 电台 卫视 日报 周刊 影像"
    )
)
#: Verbs LAC sometimes runs into an outlet's name (央视新闻报道).
_VERBS_AFTER = ("报道", "报导", "表示", "指出", "称")
#: What a description of a kind of firm or body ends with.
_HEADS = _words("子公司 公司 集团 企业 车企 新创 政府 队")
#: Heads that a place alone can make a name of (中国队, 台北市政府); a
#: university is named by its place and its field (中国矿业大学), never described.
_NAMED_BY_PLACE = frozenset(_words("队 政府"))
#: Words that only describe a kind of firm (its trade, size, standing, age).
_DESCRIBING = _words(
    "科技 大模型 模型 人工智能 AI 房地产 地产 建筑 高负债 新创 初创 创业 互联网 网络 "
    "半导体 芯片 汽车 电动车 能源 金融 投资 保险 证券 航空 航运 物流 电信 通信 医药 "
    "制药 生物 化工 钢铁 石油 矿业 零售 电商 游戏 媒体 传媒 软件 电子 家电 食品 外贸 "
    "贸易 上市 国有 民营 私营 外资 大型 中小 小型 跨国 龙头 知名 主要 多国 各国 拳击 "
    "足球 篮球"
)


def organisations(
    text: str, words: list[Word], mentions: list[Mention], known: Callable[[str], str | None]
) -> list[Mention]:
    """``mentions`` with organisations' names ended right (see the module)."""
    following = {w.start: w for w in words}
    out: list[Mention] = []
    for mention in mentions:
        if mention.type == "ORG":
            surface = text[mention.start : mention.end]
            if not known(surface):
                for verb in _VERBS_AFTER:
                    if surface.endswith(verb) and len(surface) > len(verb) + 1:
                        end = mention.end - len(verb)
                        mention = Mention(mention.start, end, "ORG", mention.rank)
                        break
                if text.startswith("法", mention.end) and len(surface) <= 3:
                    continue  # 国安 + 法: the subject of a law
                head = _before_event(text[mention.start : mention.end], known)
                if head:  # 巴黎奥运: the city, not an organisation
                    out.append(Mention(mention.start, mention.start + head, "PLACE", 2))
                    continue
                described = _described(text[mention.start : mention.end], known)
                if described is not None:
                    if described:
                        out.append(Mention(mention.start, mention.start + described, "PLACE", 2))
                    continue
            nxt = following.get(mention.end)
            if nxt is not None and text[nxt.start : nxt.end] in TAILS:
                mention = Mention(mention.start, nxt.end, "ORG", mention.rank)
        out.append(mention)
    return out


#: Events named after the place that holds them (巴黎奥运): not organisations.
_EVENTS = ("奥运会", "奥运", "亚运会", "亚运", "世博会", "世锦赛")


def _before_event(surface: str, known: Callable[[str], str | None]) -> int:
    """The length of the known place an event's name starts with, else 0."""
    for event in _EVENTS:
        head = surface[: -len(event)]
        if surface.endswith(event) and head and known(head) == "PLACE":
            return len(head)
    return 0


def _described(surface: str, known: Callable[[str], str | None]) -> int | None:
    """For a description of a kind of organisation (place + describing words +
    a head), the length of its place (0 when it has none); None for a name."""
    head = next((h for h in _HEADS if surface.endswith(h)), None)
    if head is None:
        return None
    body = surface[: -len(head)]
    place = 0
    for size in range(len(body), 1, -1):
        if known(body[:size]) == "PLACE":
            place = size
            break
    rest = body[place:]
    while rest:
        word = next((w for w in _DESCRIBING if rest.startswith(w)), None)
        if word is None:
            return None
        rest = rest[len(word) :]
    if not body or (body == surface[:place] and head in _NAMED_BY_PLACE):
        return None  # a head alone; 北京大学, 中国队: a place and a head can be a name
    return place
