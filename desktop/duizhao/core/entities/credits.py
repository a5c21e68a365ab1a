"""Bylines and credit lines: the names after 记者, 编辑, 监制 … are people.

News pages carry their people in page furniture — a byline (记者 周明远
报道, 文／周明远), a photo credit (（图／记者周明远摄）), a credits block at
the end (监制：… 编辑：… 责任编辑：…). LAC reads those lines as sentences
and often misses the names, above all names that are also words (高山,
夏天, 方圆), or takes a label for a name. Here, in the analysis text:

- a *credit* is a label that names a role (:data:`PERSON_LABELS`: 记者,
  编辑, 监制, 摄影, 翻译 …, or :data:`SOURCE_LABELS`: 文, 图, 来源, which
  may credit an outlet as well) followed by a separator (：｜／ or a space)
  and one or more names separated by spaces, 、 or ，; or a person label
  written straight before one name that a terminator closes (记者许靖骐摄,
  记者王佩翊／综合报导);
- credits count at the start of a line, after another credit on the same
  line, or inside brackets (（记者 周明远 李海涛）); a label inside running
  text (记者会上表示) is not a credit;
- a name is a Chinese name (a surname and one or two characters, 高山
  as well as 周明远) or a run of Latin words: a PERSON; after a source
  label it may also be an outlet, which the gazetteer knows or whose name
  ends like one (…日报, …社, …网, …新闻, …影像). Anything else after a
  label (发自海滨) is left to the rest of recognition.

:func:`credit_names` replaces whatever other mentions overlap those names
and returns the mentions in order. The labels themselves are never names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from duizhao.core.entities.repair import Mention, name_like


def _words(text: str) -> tuple[str, ...]:
    """Words written one after another with spaces between them."""
    return tuple(text.split())


#: Labels that credit people (Simplified, as the analysis text writes them).
PERSON_LABELS = _words(
    "责任编辑 实习记者 特约记者 本报记者 总台记者 记者 编辑 责编 主编 总编辑 监制 撰文 撰稿 "
    "摄影 摄像 翻译 编译 译者 校对 审核 审校 审稿 策划 制作 出品人 出品 美编 视频 剪辑 "
    "配音 主播 文字 作者 通讯员 实习生 插画 设计 统筹 制片 导演 口述 整理"
)
#: Labels that credit a person or an outlet.
SOURCE_LABELS = _words("图片来源 图片 来源 供稿 图 文")
#: How an outlet's name ends, after a source label.
_OUTLET_ENDINGS = ("日报", "晚报", "时报", "周刊", "社", "网", "新闻", "影像", "电视", "电台")
_LABELS = sorted((*PERSON_LABELS, *SOURCE_LABELS), key=len, reverse=True)
_LABEL = "(?:" + "|".join(_LABELS) + ")"
_SEPARATOR = r"[ \u3000]*[:：｜|／/][ \u3000]*|[ \u3000]+"
_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[A-Z][A-Za-z'’\-]*(?: [A-Z][A-Za-z'’\-]*)*)"
_BETWEEN = r"[ \u3000]*[、，,/／][ \u3000]*|[ \u3000]+"
#: A credit: a label, a separator, names (a label starts the next credit).
_CREDIT = re.compile(
    rf"(?P<label>{_LABEL})(?:{_SEPARATOR})"
    rf"(?P<names>(?!{_LABEL}){_NAME}(?:(?:{_BETWEEN})(?!{_LABEL}){_NAME})*)"
)
#: A person label written straight before a name a terminator closes.
_ATTACHED = re.compile(
    r"(?P<label>记者|编辑|摄影|撰文)(?P<names>[\u4e00-\u9fff]{2,3}?)"
    r"(?=摄|报道|报导|[／/｜|)）\]】 \u3000,，、\n]|$)"
)
_OPENERS = "(（[【〔「"
_NAME_RUN = re.compile(_NAME)


def credit_names(
    text: str, mentions: list[Mention], known: Callable[[str], str | None]
) -> list[Mention]:
    """``mentions`` with the names of bylines and credit lines as people (see the module)."""
    credited: list[Mention] = []
    for pattern in (_CREDIT, _ATTACHED):
        for match in pattern.finditer(text):
            if not _in_furniture(text, match.start(), credited):
                continue
            label = match.group("label")
            for name in _NAME_RUN.finditer(text, match.start("names"), match.end("names")):
                kind = _kind(name.group(), label, known)
                if kind is not None:
                    credited.append(Mention(name.start(), name.end(), kind, 3))
    if not credited:
        return mentions
    out = [m for m in mentions if not any(m.start < c.end and c.start < m.end for c in credited)]
    return sorted([*out, *credited], key=lambda m: m.start)


def _in_furniture(text: str, start: int, credited: list[Mention]) -> bool:
    """Whether a label at ``start`` opens a credit: at a line's start (after
    marks and spaces), inside brackets, or right after another credit."""
    k = start
    while k > 0 and text[k - 1] in " \u3000▲●■▪•*-—:：":
        k -= 1
    if k == 0 or text[k - 1] in _OPENERS or text[k - 1] in "\n／/｜|":
        return True
    return any(0 <= k - c.end <= 2 for c in credited)


def _kind(name: str, label: str, known: Callable[[str], str | None]) -> str | None:
    """The type of a credited name, or None when it does not read as a name."""
    kind = known(name)
    if kind is not None:
        return kind if label not in PERSON_LABELS or kind == "PERSON" else None
    if name.isascii():
        return "PERSON" if label in PERSON_LABELS or " " in name else None
    if label not in PERSON_LABELS and name.endswith(_OUTLET_ENDINGS):
        return "ORG"
    return "PERSON" if name_like(name) else None
