"""Government bodies named by what they do: 外交部, 海关总署, 国务院, 央行, 执委会.

Every government has ministries and agencies whose names say their field and
their kind (外交 + 部, 海关 + 总署, 证券监督管理 + 委员会); news names them
bare, without the country, when the country is plain from the story, and
fuses them with the title of their head (内政部长 is the minister of the
内政部). LAC tags such words as common nouns (内政/n 部长/n). This module
finds them by their make-up:

- a field (:data:`FIELDS`) followed by a kind of body (:data:`KINDS`);
- the standing names of councils, chambers and banks (:data:`STANDING`).

:func:`find_bodies` returns their spans (analysis offsets) where they start a
LAC word and end one, or end inside a word whose rest is the title of the
body's head (长: 部长, 院长, 署长, 局长); a place LAC tagged right before a
body is part of its name (俄罗斯 + 外交部, 墨西哥 + 参议院). The recogniser adds them as ORG
candidates; linking still goes through the gazetteer, so a bare name links
to the body the gazetteer gives it to, or else stays an unlinked name.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from duizhao.core.entities.lac import Word


def _words(text: str) -> tuple[str, ...]:
    """Words written one after another with spaces between them."""
    return tuple(text.split())


#: Fields of ministries and agencies, as their names write them (Simplified).
FIELDS = _words(
    "外交 国防 内政 财政 商务 教育 司法 法务 公安 国家安全 民政 经济 "
    "环境 生态环境 农业 农业农村 交通 交通运输 文化 文化和旅游 卫生 "
    "卫生福利 卫福 劳动 劳工 人力资源和社会保障 自然资源 "
    "住房和城乡建设 水利 应急管理 退役军人事务 科技 科学技术 "
    "工业和信息化 数位发展 数字发展 国土 国土安全 国土交通 能源 外务 "
    "防卫 总务 厚生劳动 经济产业 文部科学 法务 统一 国家情报 审计 海关 "
    "税务 移民 国家移民 出入境 海巡 消防 警政 气象 统计 "
    "林业及自然保育 林业 渔业 水利 矿业 电力 铁道 邮政 航空 民航 "
    "外汇管理 市场监督管理"
)
#: Kinds of body, longest first.
KINDS = ("委员会", "总署", "总局", "部", "署", "局")
#: Names of bodies that need no field: chambers, cabinets, central banks,
#: commissions, and courts by their level (香港 + 高等法院).
STANDING = _words(
    "国务院 行政院 立法院 司法院 考试院 监察院 参议院 众议院 参院 众院 "
    "上议院 下议院 央行 中央银行 执委会 欧盟执委会 国会 内阁 内阁府 "
    "最高法院 宪法法院 高等法院 地方法院 区域法院 裁判法院 终审法院 "
    "上诉法院 最高人民法院 高级人民法院 中级人民法院 "
    "最高人民检察院"
)
_BODY = re.compile(
    "(?:"
    + "|".join(sorted(STANDING, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(set(FIELDS), key=len, reverse=True))
    + ")(?:"
    + "|".join(KINDS)
    + "))"
)
#: What may follow a body's name inside one word: the title of its head.
_HEAD_TITLE = "长"


def find_bodies(text: str, words: list[Word]) -> list[tuple[int, int]]:
    """Spans of bodies named by field and kind, on LAC's word boundaries (see the module)."""
    if not words:
        return []
    starts = [w.start for w in words]
    ends = {w.end for w in words}
    found: list[tuple[int, int]] = []
    for match in _BODY.finditer(text):
        start, end = match.span()
        k = bisect_right(starts, start) - 1
        if k < 0 or words[k].start != start:
            continue
        if end in ends or _fused_title(text, words, starts, end):
            if k > 0 and words[k - 1].tag == "LOC" and words[k - 1].end == start:
                start = words[k - 1].start  # the country is part of the name: 俄罗斯外交部
            found.append((start, end))
    return found


def _fused_title(text: str, words: list[Word], starts: list[int], end: int) -> bool:
    """Whether ``end`` falls inside a word whose rest is the head's title (部|长)."""
    k = bisect_right(starts, end) - 1
    if k < 0:
        return False
    word = words[k]
    return word.start < end < word.end and text[end : word.end] == _HEAD_TITLE
