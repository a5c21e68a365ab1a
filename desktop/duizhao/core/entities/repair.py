"""Span repair: LAC's names made whole, cut apart or trimmed, and overlaps resolved.

What is repaired (all in the normalised Simplified analysis text)
    - a person's name LAC cut in two is joined: across a middle dot
      (唐纳德 · 特朗普), where one part is a single character (a surname cut
      off its given name), or after a common Japanese family name (高市 +
      早苗), but a single character after a full name is not joined to it;
      a list of Chinese names LAC ran together (周明远李海涛陈立: five to
      fifteen characters that cut into surname-led names in one way) is cut
      into its names;
    - titles after a name (江主席 → 江) and generic words of location after a
      place (四川东部 → 四川) are not part of the name;
    - a place or an organisation followed by a word that ends organisation
      names (:data:`ORG_WORDS`: 大学, 银行, 委员会, 办公厅 …) becomes one
      organisation (北京 + 大学); a known place or person followed by a body
      named by describing it (:data:`DESCRIPTIVE_BODIES`: 中国政府,
      特朗普政府) is that place or person;
    - an organisation keeps the session number before it (第九届 …代表大会),
      its numbered congress (…党 十五大, …党 第七次 全国代表大会) and the
      first partner of a joint body (智利—…友好协会);
    - compounds of one-character place names (中美, 中日韩, 港澳) become one
      place per character, and so do the place characters of 中方 / 美军 /
      日企 and of 访华 / 赴美 / 驻港 (:func:`abbreviated_places`);
    - particles, punctuation and quotes at the ends of a name are trimmed.
A name the gazetteer knows is never cut (``known``).

:func:`resolve` picks non-overlapping mentions among all candidates (LAC's,
the gazetteer's, the rules'): the longest first, then by rank.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from duizhao.core.entities.lac import Word
from duizhao.core.entities.places import joins_place, split_place

_FROM_LAC = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}


def _words(text: str) -> frozenset[str]:
    """A set of words written one after another with spaces between them."""
    return frozenset(text.split())


@dataclass(slots=True)
class Mention:
    start: int  # in the analysis text
    end: int
    type: str
    rank: int  # higher wins a tie: gazetteer 3, LAC 2, rules 1, LAC time words 0


def resolve(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: longest first, then by rank, then leftmost."""
    candidates.sort(key=lambda m: (-(m.end - m.start), -m.rank, m.start))
    chosen: list[Mention] = []
    occupied: set[int] = set()
    for mention in candidates:
        if mention.end <= mention.start:
            continue
        if any(k in occupied for k in range(mention.start, mention.end)):
            continue
        occupied.update(range(mention.start, mention.end))
        chosen.append(mention)
    chosen.sort(key=lambda m: m.start)
    return chosen


# -- span repair ------------------------------------------------------------------

#: Words that end an organisation's name: a place before one names the
#: organisation (北京 + 大学, 广东省 + 人民检察院), an organisation before one a
#: part of it (国务院 + 办公厅). Generic bodies that every country or city has
#: and that are named by describing them (中国政府, 美国警方, 日本代表团) are
#: not in the list: the place is the name there.
ORG_WORDS = _words(
    "大学 学院 中学 小学 银行 公司 集团 委员会 常委会 协会 学会 联合会 基金会 "
    "研究所 研究院 研究中心 科学院 医院 法院 检察院 人民法院 人民检察院 议会 国会 "
    "总统府 大使馆 领事馆 总领事馆 办公室 办公厅 党委 市委 省委 县委 警察局 军区 "
    "电视台 电台 日报 晚报 通讯社 报社 出版社 交易所 俱乐部 事务所 工会 联盟 "
    "理事会 管理局 总局 外交部 国防部 商务部 财政部 公安部 教育部 卫生部 司法部 "
    "内政部 国务院 同学会 校友会 研究会 促进会 商会 分会 分局 分行 支行 总行 分社 "
    "分公司 子公司 领导小组 工作组 专家组 代表大会 舰队 编队 司令部 指挥部"
)
#: Stripped from the ends of a name: particles, punctuation, quotes, brackets.
_EDGE_NOISE = frozenset(
    "的了在和与及等之是、，,。．.：:；;“”\"'‘’「」『』（）()《》〈〉【】[] \u3000·"
)
#: Middle dots that join the parts of a transliterated name.
_NAME_DOTS = frozenset("·・•‧∙⋅")


#: One-character names of countries and regions that news compounds
#: (中美, 中日韩, 美欧, 港澳): each character is a place of its own.
ABBREVIATIONS: dict[str, str | None] = {
    "中": "china", "美": "united-states", "日": "japan", "俄": "russia",
    "英": "united-kingdom", "法": "france", "德": "germany", "韩": "south-korea",
    "朝": "north-korea", "印": "india", "越": "vietnam", "意": "italy",
    "荷": "netherlands", "菲": "philippines", "泰": "thailand", "蒙": "mongolia",
    "以": "israel", "土": "turkiye", "埃": "egypt", "乌": "ukraine", "欧": "europe",
    "港": "hong-kong", "台": "taiwan", "京": "beijing", "沪": "shanghai",
    "澳": None, "加": None, "巴": None, "伊": None, "新": None, "马": None,
    "苏": None, "非": None, "亚": None, "西": None, "葡": None, "瑞": None,
}  # fmt: skip
#: One-character names that may stand alone as a place (访华, 在港, 中美):
#: the countries and regions above, 华 for China, and the provinces' and
#: municipalities' standing abbreviations (沪, 粤, 湘 …). Any other single
#: character is never a place, and no single character is ever a person.
STANDING_ABBREVIATIONS = frozenset(ABBREVIATIONS) | frozenset(
    "华津沪渝冀豫辽湘皖鲁苏浙赣鄂桂晋陕闽粤琼藏"
)
#: Compounds of those characters that name one region (拉美 is Latin America).
_ONE_REGION = _words("拉美 中亚 中非 中欧 中美洲 欧亚 亚欧 亚非 非亚 东亚 西亚 南亚")
#: Common Chinese surnames, compound ones included: a person's word LAC made
#: of two names is cut where both halves start with one.
_COMPOUND_SURNAMES = _words(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 端木 "
    "钟离 西门 南宫 独孤 申屠 澹台 轩辕"
)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


#: Common Japanese family names (Simplified forms): such a name followed by
#: another name is one person (高市 + 早苗), where two Chinese two-character
#: names side by side are two people (a list, as Chinese writes them).
JAPANESE_SURNAMES = _words(
    "佐藤 铃木 高桥 田中 伊藤 渡边 山本 中村 小林 加藤 吉田 山田 佐佐木 山口 松本 井上 "
    "木村 斋藤 清水 山崎 池田 桥本 阿部 石川 山下 中岛 石井 小川 前田 冈田 长谷川 藤田 "
    "后藤 近藤 村上 远藤 青木 坂本 福田 太田 西村 藤井 金子 冈本 藤原 中野 三浦 原田 "
    "中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 柴田 酒井 工藤 横山 宫崎 宫本 "
    "内田 高木 安藤 岛田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 增田 "
    "小山 大塚 平野 菅原 久保 松井 千叶 岩崎 樱井 木下 野口 松尾 菊地 野村 新井 渡部 "
    "高市 石破 岸田 安倍 麻生 小泉 茂木 岩屋 中谷 玉木 野田 枝野 小渊 细川 羽田 "
    "村山 海部 竹下 宫泽 鸠山 福岛 二阶 甘利 稻田 上川"
)


def repair(
    text: str, words: list[Word], known: Callable[[str], str | None] = lambda _: None
) -> list[Mention]:
    """LAC's named words with the spans repaired (see the module docstring);
    ``known(surface)`` is the gazetteer's type for a name it knows (such a
    name is left whole), else None."""
    found: list[Mention] = []
    k = 0
    n = len(words)
    while k < n:
        word = words[k]
        if word.tag not in _FROM_LAC:
            k += 1
            continue
        start, end, tag = word.start, word.end, word.tag
        last = k
        if tag == "PER":  # 唐纳德 + · + 特朗普; a surname LAC cut off (王 + 小明)
            while last + 1 < n:
                nxt = words[last + 1]
                if (
                    last + 2 < n
                    and text[nxt.start : nxt.end] in _NAME_DOTS
                    and words[last + 2].tag == "PER"
                ):
                    end, last = words[last + 2].end, last + 2
                elif nxt.tag == "PER" and (
                    (min(end - start, nxt.end - nxt.start) == 1 and nxt.end - start <= 3)
                    or (text[start:end] in JAPANESE_SURNAMES and nxt.end - nxt.start <= 3)
                ):
                    end, last = nxt.end, last + 1
                else:
                    break
        elif tag in ("LOC", "ORG"):  # 北京 + 大学 → ORG
            while last + 1 < n:
                nxt = words[last + 1]
                if tag == "LOC" and nxt.tag == "LOC" and joins_place(text, word, nxt, known):
                    end, last = nxt.end, last + 1  # 马太 + 鞍溪: a river LAC cut in two
                elif text[nxt.start : nxt.end] in ORG_WORDS or nxt.tag == "ORG":
                    end, last, tag = nxt.end, last + 1, "ORG"
                elif tag == "ORG" and (body := _numbered_body(text, words, last + 1)):
                    end, last = words[body].end, body  # 中共 + 第十五次 + 全国代表大会
                else:
                    break
        start, end = _trim(text, start, end)
        if tag == "ORG":
            start, end = _org_extent(text, words, last, start, end)
        if tag == "PER":
            end = _without_title(text, start, end)
        elif tag == "LOC":
            end = _without_locative(text, start, end, known)
            if _ends_as_organisation(text[start:end]) and not known(text[start:end]):
                tag = "ORG"  # 香港高等法院: a court, not a place
        surface = text[start:end]
        if end <= start:
            pass
        elif tag == "LOC" and _abbreviations(surface) and not known(surface):
            found.extend(Mention(p, p + 1, "PLACE", 2) for p in range(start, end))
        elif tag == "LOC":
            found.extend(Mention(a, b, "PLACE", 2) for a, b in split_place(text, start, end, known))
        elif tag == "PER" and not known(surface) and (cuts := name_list(surface)):
            edges = [start, *(start + cut for cut in cuts), end]
            found.extend(Mention(a, b, "PERSON", 2) for a, b in itertools.pairwise(edges))
        elif tag == "ORG" and not known(surface) and (head := _described(surface, known))[0]:
            found.append(Mention(start, start + head[0], head[1], 2))
        else:
            found.append(Mention(start, end, _FROM_LAC[tag], 2))
        k = last + 1
    return found


#: A numbered session or congress: 第九届 / 八届 全国人民代表大会, 第十五次 全国代表大会.
_SESSION_BEFORE = re.compile(r"第?[零〇一二三四五六七八九十百0-9]{1,4}[届次]$")
_SESSION_AT = re.compile(r"第?[零〇一二三四五六七八九十百0-9]{1,4}[届次期]")
#: A party's numbered congress after its name: 中共 十五大.
_CONGRESS_AFTER = re.compile(r"[一二三四五六七八九十]{1,3}大(?![会学使])")
#: The dash of a joint body's name: 印度—中国友好协会.
_JOINT_DASHES = "—－–"


def _numbered_body(text: str, words: list[Word], k: int) -> int:
    """The index of the body that follows a session number starting at word ``k``
    (第十五次 全国代表大会), or 0."""
    if k >= len(words) or not (session := _SESSION_AT.match(text, words[k].start)):
        return 0
    for j in range(k, min(k + 4, len(words))):
        if words[j].start == session.end():
            word = words[j]
            return j if word.tag == "ORG" or text[word.start : word.end] in ORG_WORDS else 0
    return 0


def _org_extent(text: str, words: list[Word], last: int, start: int, end: int) -> tuple[int, int]:
    """An organisation's span with its session number, congress number or the
    first partner of a joint body, where the text writes them on to the name."""
    if session := _SESSION_BEFORE.search(text, max(0, start - 6), start):
        start = session.start()
    elif start >= 2 and text[start - 1] in _JOINT_DASHES:
        partner = next((w for w in words if w.end == start - 1), None)
        if partner is not None and partner.tag in ("LOC", "ORG"):
            start = partner.start
    if congress := _CONGRESS_AFTER.match(text, end):
        end = congress.end()
    return start, end


#: Titles and forms of address: not part of the name they follow (江主席 names 江).
TITLES = _words(
    "主席 副主席 总理 副总理 总统 副总统 书记 总书记 委员长 同志 先生 女士 小姐 "
    "太太 夫人 部长 首相 省长 市长 县长 区长 州长 镇长 乡长 村长 司令 司令员 "
    "将军 元帅 教授 博士 主任 校长 院长 经理 总经理 董事长 总裁 老师 大使 议员 "
    "外长 国王 王子 公主 厂长 局长 处长 科长 总督 参谋长 政委 秘书长 团长 师长 "
    "军长 队长 医生 律师 记者"
)


#: Bodies every country or city has, named by describing them: 中国政府 is
#: China's government, a place and a common noun, not an organisation's name;
#: so is a leader's government (特朗普政府, the Trump administration).
DESCRIPTIVE_BODIES = (
    "人民政府", "政府", "当局", "警方", "军方", "官方", "军队", "部队", "代表团", "法院", "法庭",
)  # fmt: skip


def _described(surface: str, known: Callable[[str], str | None]) -> tuple[int, str]:
    """(length, type) of the place or person in "place/person + descriptive
    body" (中国政府 → 2, PLACE), else (0, "")."""
    for body in DESCRIPTIVE_BODIES:
        if surface.endswith(body) and len(surface) > len(body):
            head = surface[: -len(body)]
            kind = known(head)
            if kind in ("PLACE", "PERSON"):
                return len(head), kind
    return 0, ""


#: Generic words of location after a place name: 四川东部 is a part of 四川,
#: 长江沿岸 the land along it, 某溪堰塞湖 a lake the river's slide made; the
#: name is the place before them.
LOCATIVES = (
    "东部", "西部", "南部", "北部", "中部", "东北部", "西北部", "东南部", "西南部", "以东", "以西",
    "以南", "以北", "地区", "一带", "境内", "境外", "全境", "各地", "沿海", "沿岸", "附近", "周边",
    "边境", "市区", "城区", "郊区", "上空", "海域", "领空", "本土", "上游", "下游", "中游", "沿线",
    "灾区", "疫区", "震区", "库区", "堰塞湖",
)  # fmt: skip


def _ends_as_organisation(surface: str) -> bool:
    """Whether a place LAC found ends in a word that ends organisations' names."""
    return any(surface.endswith(word) and len(surface) > len(word) for word in ORG_WORDS)


def _without_locative(text: str, start: int, end: int, known: Callable[[str], str | None]) -> int:
    """The end of a place's name LAC ran into a generic word of location after it."""
    surface = text[start:end]
    if known(surface):
        return end
    for word in LOCATIVES:
        if surface.endswith(word) and len(surface) - len(word) >= 2:
            return end - len(word)
    return end


def _without_title(text: str, start: int, end: int) -> int:
    """The end of a person's name LAC ran into a title after it (江主席, 王总理)."""
    for size in (3, 2):
        if end - start > size and text[end - size : end] in TITLES and end - size - start <= 3:
            return end - size
    return end


def _abbreviations(surface: str) -> bool:
    """中美, 中日韩: two or three one-character place names in a row."""
    return (
        2 <= len(surface) <= 3
        and all(ch in ABBREVIATIONS for ch in surface)
        and surface not in _ONE_REGION
    )


def name_list(surface: str) -> list[int]:
    """Where a word LAC made of Chinese names written one after another splits:
    the end of each name but the last, or [] if it is not such a list.

    A list is five to fifteen Han characters that cut into names (a surname and
    one or two characters) in exactly one way; where several ways exist, the one
    with the most three-character names is taken if it alone has that many (a
    Chinese given name is two characters more often than one)."""
    if not 5 <= len(surface) <= 15 or not all("\u4e00" <= ch <= "\u9fff" for ch in surface):
        return []
    ways = _name_cuts(surface)
    if not ways:
        return []
    if len(ways) > 1:
        longest = max(sum(size == 3 for size in way) for way in ways)
        ways = [way for way in ways if sum(size == 3 for size in way) == longest]
        if len(ways) > 1:
            return []
    cuts, at = [], 0
    for size in ways[0][:-1]:
        at += size
        cuts.append(at)
    return cuts


def _name_cuts(surface: str) -> list[tuple[int, ...]]:
    """Every way ``surface`` splits into :func:`name_like` parts (sizes), at most 8."""
    ways: dict[int, list[tuple[int, ...]]] = {0: [()]}
    for at in range(len(surface)):
        for way in ways.get(at, [])[:8]:
            for size in (2, 3, 4):
                if at + size <= len(surface) and name_like(surface[at : at + size]):
                    ways.setdefault(at + size, []).append((*way, size))
    return ways.get(len(surface), [])[:8]


def name_like(part: str) -> bool:
    """A Chinese name: a surname and one or two characters."""
    if part[:2] in _COMPOUND_SURNAMES:
        return len(part) in (3, 4)
    return part[0] in _SURNAMES and len(part) in (2, 3)


#: Words whose first character is a country: the X side, X's army, X's firms.
_SIDE_HEADS = frozenset("方军企")
#: Verbs of going, staying and acting whose second character is a country
#: (访华 visit China, 驻美 stationed in the US, 侵华 invade China).
_TRAVEL_VERBS = frozenset("访来赴驻旅抵返留侵援在离")
#: The one-character countries that may follow them: 华 is China here.
_AFTER_VERB = {"华": "china"} | {ch: k for ch, k in ABBREVIATIONS.items() if k is not None}


def abbreviated_places(text: str, words: list[Word]) -> list[Mention]:
    """The place characters of two-character words such as 中方, 美军, 访华, 赴美."""
    found: list[Mention] = []
    for word in words:
        if word.end - word.start != 2 or word.tag in _FROM_LAC:
            continue
        first, second = text[word.start], text[word.start + 1]
        if second in _SIDE_HEADS and ABBREVIATIONS.get(first):
            found.append(Mention(word.start, word.start + 1, "PLACE", 2))
        elif first in _TRAVEL_VERBS and second in _AFTER_VERB:
            found.append(Mention(word.start + 1, word.end, "PLACE", 2))
    return found


def stands_alone(text: str, mention: Mention) -> bool:
    """Whether a mention may be as short as it is: a one-character name only
    as a place, and only a standing abbreviation (see :data:`STANDING_ABBREVIATIONS`)."""
    if mention.end - mention.start != 1 or mention.type not in ("PERSON", "PLACE"):
        return True
    return mention.type == "PLACE" and text[mention.start] in STANDING_ABBREVIATIONS


def place_abbreviation(surface: str) -> str | None:
    """The gazetteer id a one-character place stands for (中 → china), if it is sure."""
    return _AFTER_VERB.get(surface)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Particles, punctuation and symbols (emoji, arrows) off the ends of a name."""
    while start < end and (text[start] in _EDGE_NOISE or _is_symbol(text[start])):
        start += 1
    while end > start and (text[end - 1] in _EDGE_NOISE or _is_symbol(text[end - 1])):
        end -= 1
    return start, end


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "S"
