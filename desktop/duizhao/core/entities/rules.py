"""Dates and numbers in Chinese news text, by rule.

What the rules find (in the normalised Simplified analysis text)
    ``DATE``: absolute dates in Chinese or ISO form with an optional time of
    day (2024年12月18日, 1月19日晚, 2026-02-11 08:42:17, 二〇二四年十月, with
    ○ for 〇 and 廿/卅 for twenty/thirty as print editions write them),
    years, months and parts of them (2024年, 今年1月, 10月中旬, 2025年第三
    季度, 上半年, 21世纪), weekdays (周三, 上星期五) and relative dates
    (上周, 去年, 明天). Vague words such as 目前 or 近日 are not dates.

    ``NUMBER``: amounts of money (118亿美元, 1.2万亿美元, 三千万日元, with 兆
    for a trillion and two magnitudes in one amount: 7.43兆, 3亿1,200万美元),
    percentages (83%, 百分之四十, 0.5个百分点, 三成), counts with a measure
    word (30余人, 十多个, 两艘), ranges (一到两年, 3至5年, 10-20%), fractions
    (三分之一) and multiples (两倍); plain written numbers (1,200, 3.5).

    A Chinese numeral counts only with a magnitude or a measure word after it,
    and a lone 一 never does (一个, 一些 and 统一 are words, not numbers); a
    number whose digits are glued to Latin letters (G7, F-35) is part of a
    name, not a number (5万个 before H100 still is one);
    ordinals (第三) are not numbers.

How they fit
    :func:`find` returns :class:`Found` spans, dates first where a date and a
    number would overlap (2024年 is a date, 3年 a duration). The recogniser
    (:mod:`duizhao.core.entities.recognition`) checks them against LAC's word boundaries
    and lets names win over numbers.

:func:`date_key` and :func:`number_key` give the linking key of a span: ISO
8601 where the date is absolute (2024年12月18日 → ``2024-12-18``, 1月19日 →
``--01-19``), otherwise the text with full-width forms and separators folded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# -- building blocks ----------------------------------------------------------------

_D = "[0-9０-９]"
_CN_DIGIT = "[〇○零一二三四五六七八九]"  # ○ (U+25CB) is written for 〇 too
_CN_NUM = "[〇零一二两三四五六七八九十百千万亿几]"
#: A Chinese month 1-12 and day 1-31.
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = (
    "(?:[一二]?十[一二三四五六七八九]?|三十[一]?|[廿卅][一二三四五六七八九]?|[一二三四五六七八九])"
)
_YEAR = rf"(?:{_D}{{4}}|{_CN_DIGIT}{{4}})年"
_RELATIVE_YEAR = "(?:今年|去年|明年|前年|后年|同年|本年度|上年度|下年度)"
_MONTH = rf"(?:{_D}{{1,2}}|{_CN_MONTH})月份?"
_DAY = rf"(?:{_D}{{1,2}}|{_CN_DAY})[日号]"
_TIME_OF_DAY = "(?:凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|午夜|晚)"
#: Clock times in digits; in Chinese numerals only after a time of day (三点 alone
#: is as often "three points").
_CLOCK = (
    rf"(?:{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?|{_D}{{1,2}}[时点](?:{_D}{{1,2}}分|半|许)?)"
)
_CN_CLOCK = (
    "(?:(?:[一二]?十[一二]?|[一二三四五六七八九])[时点]"
    "(?:[一二三四五]?十[一二三四五六七八九]?分|半|许)?)"
)
_AT = rf"(?:{_TIME_OF_DAY}?{_CLOCK}|{_TIME_OF_DAY}{_CN_CLOCK}?)"
#: 中 only where no Han character follows (1月中国 is 1月 + 中国).
_PART_OF_MONTH = "(?:上旬|中旬|下旬|初|底|末|中(?![\u4e00-\u9fff]))"
_PART_OF_YEAR = "(?:年初|年中|年底|年末|上半年|下半年|前半年|后半年|春季|夏季|秋季|冬季|春节)"
_SEASON = "(?:春天|夏天|秋天|冬天|春|夏|秋|冬|初|底|末)"
_QUARTER = "(?:第?[一二三四1-4]季度|[QＱ][1-4])"
_RELATIVE_MONTH = "(?:本月|上月|下月|上个月|下个月|这个月|同月|当月)"
_RELATIVE_WEEK = "(?:本周|上周|下周|这周|上星期|下星期|本星期|这星期|上礼拜|下礼拜|这礼拜)"
_RELATIVE_DAY = (
    "(?:今天|昨天|明天|前天|后天|大前天|大后天|今日|昨日|明日|今晨|昨晨|今早|昨早|"
    "今晚|昨晚|明晚|今夜|昨夜|当天|当日|同日|次日|翌日)"
)
_WEEKDAY = "(?:周|星期|礼拜)[一二三四五六日天]"
_MONTH_DAY = rf"{_MONTH}(?:{_DAY}|{_PART_OF_MONTH})?"

_DATE_PATTERNS = [
    # ISO and slashed forms, with a time
    rf"(?<![0-9０-９]){_D}{{4}}[-/.]{_D}{{1,2}}[-/.]{_D}{{1,2}}"
    rf"(?:[ T日]?{_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?)?(?![0-9０-９])",
    # a year (stated or relative), then a month and day, a quarter or a part
    rf"(?:{_YEAR}|{_RELATIVE_YEAR})(?:{_MONTH_DAY}|{_QUARTER}|{_PART_OF_YEAR}|{_SEASON})?{_AT}?",
    rf"{_YEAR}代",
    # a month and day without a year; quarters and halves
    rf"(?:{_MONTH_DAY}|{_QUARTER}|{_PART_OF_YEAR}){_AT}?",
    # relative days and weeks, with a weekday or a time
    rf"{_RELATIVE_WEEK}[一二三四五六日天]?{_AT}?",
    rf"{_RELATIVE_DAY}{_AT}?",
    rf"{_RELATIVE_MONTH}(?:{_DAY}|{_PART_OF_MONTH})?",
    rf"{_D}{{1,2}}日{_AT}?",
    rf"{_WEEKDAY}{_AT}?",
    rf"(?:{_D}{{1,2}}|二十一|二十|十[一二三四五六七八九]|[一二三四五六七八九])世纪"
    rf"(?:{_D}{{2}}年代|[一二三四五六七八九]十年代|初|中叶|末|上半叶|下半叶)?",
    rf"(?<![0-9０-９:：.]){_D}{{1,2}}[:：]{_D}{{2}}(?:[:：]{_D}{{2}})?(?![0-9０-９:：])",
]

#: Written numbers: digits with thousands separators and a decimal part, or
#: Chinese numerals (with 点 as the decimal point), then a magnitude.
_DIGITS = rf"{_D}+(?:[,，]{_D}{{3}})*(?:[.．]{_D}+)?"
#: 兆 is a trillion (万亿) in Taiwan and Hong Kong money (7.43兆, 12.6兆元).
_MAGNITUDE = "(?:万亿|千亿|百亿|十亿|亿|兆|千万|百万|十万|万|千|百)"
_CN_AMOUNT = rf"{_CN_NUM}+(?:点[〇零一二三四五六七八九]+)?"
_APPROX = "(?:余|多|来|几)"
_CURRENCY = (
    "(?:美元|美金|美分|日元|日圆|欧元|韩元|英镑|卢布|人民币|元人民币|人币|港元|港币|新台币|台币|"
    "澳元|加元|新元|瑞郎|法郎|比索|卢比|泰铢|越南盾|林吉特|里拉|兰特|雷亚尔|元|块钱|块)"
)
_PERCENT = "(?:%|％|‰|个百分点|百分点)"
_MEASURE = (
    "(?:个月|个|人次|人|名|位|次|项|件|家|所|座|架|艘|辆|枚|颗|台|部|种|类|条|份|批|轮|场|届|"
    "期|篇|本|首|张|间|吨|公斤|千克|克|平方公里|平方米|平方英里|公里|千米|英里|海里|米|厘米|"
    "毫米|纳米|公顷|亩|升|毫升|桶|立方米|千瓦时|千瓦|兆瓦|吉瓦|瓦|伏|岁|周岁|年|周|星期|天|"
    "小时|分钟|秒钟|秒|倍|成|股|只|头|票|席|例|起|处|户|层|盎司|加仑|磅|英尺|英寸|页|支|队|"
    "剂|株|粒|片|省|市|县|镇|村|方)"
)
_UNIT = rf"(?:{_CURRENCY}|{_PERCENT}|{_MEASURE})"
#: An amount in two magnitudes is one amount: 3亿1,200万美元, 1兆2千亿; Hong
#: Kong writing may put a space before the magnitude (4.6 万亿港元).
_DIGIT_NUMBER = (
    rf"{_DIGITS}(?:[ \u00a0]?{_MAGNITUDE})?(?:(?<=[亿兆]){_DIGITS}(?:千万|百万|万|千亿|亿))?"
    rf"(?:{_APPROX}{_MAGNITUDE}?)?"
)
_CN_NUMBER = rf"{_CN_AMOUNT}(?:{_APPROX}{_MAGNITUDE}?)?"
_RANGE_SEP = "(?:到|至|~|～|-|－|—|–|或)"

_NUMBER_PATTERNS = [
    # percentages in words, fractions
    rf"百分之{_CN_AMOUNT}(?:{_RANGE_SEP}(?:百分之)?{_CN_AMOUNT})?",
    rf"(?:{_CN_AMOUNT}|{_DIGITS})分之(?:{_CN_AMOUNT}|{_DIGITS})",
    # ranges: both ends written the same way, a unit after the second
    rf"{_DIGIT_NUMBER}{_UNIT}?{_RANGE_SEP}{_DIGIT_NUMBER}{_UNIT}?",
    rf"{_CN_NUMBER}{_RANGE_SEP}{_CN_NUMBER}{_UNIT}",
    # a number and its unit
    rf"{_DIGIT_NUMBER}(?:{_UNIT})?",
    rf"{_CN_NUMBER}{_UNIT}",
    rf"{_CN_AMOUNT}{_MAGNITUDE}",
]
_RANGE_CHARS = frozenset("到至~～-－—–或")

_DATE = re.compile("|".join(f"(?:{p})" for p in _DATE_PATTERNS))
_NUMBER = re.compile("|".join(f"(?:{p})" for p in _NUMBER_PATTERNS))
#: A number next to these is part of a code or a name (G7, F-35, 5G, COVID-19).
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_CN_CHARS = frozenset("〇零一二两三四五六七八九十百千万亿几")
#: A Chinese numeral that starts a word rather than a count: 一个 and 一年 are
#: "a"/"one", 百年, 千家万户 and 万人 idioms, 几个 vague, 千万 "by all means".
_WORD_HEADS = frozenset({"一", "几", "百", "千", "万", "亿", "一一", "千万", "万一"})


def _words(text: str) -> frozenset[str]:
    """A set of words written one after another with spaces between them."""
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    type: str  # "DATE" or "NUMBER"


def find(text: str) -> list[Found]:
    """Dates and numbers in ``text``, in order, not overlapping."""
    taken = bytearray(len(text))
    found: list[Found] = []
    for match in _DATE.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if end > start and _date_ok(text, start, end):
            found.append(Found(start, end, "DATE"))
            taken[start:end] = b"\x01" * (end - start)
    for match in _NUMBER.finditer(text):
        start, end = _trim(text, match.start(), match.end())
        if end <= start or any(taken[start:end]):
            continue
        if _number_ok(text, start, end):
            found.append(Found(start, end, "NUMBER"))
    found.sort(key=lambda item: item.start)
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A trailing range separator or approximation left without its number."""
    while end > start and text[end - 1] in "-－—–~～到至或":
        end -= 1
    return start, end


def _date_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if _LATIN.match(before) or _LATIN.match(after):
        return False
    first = text[start]
    if first in _CN_CHARS and before in _CN_CHARS:
        return False  # inside a longer numeral
    return not ((first.isdigit() and before.isdigit()) or before == "第")


def _number_ok(text: str, start: int, end: int) -> bool:
    span = text[start:end]
    if span.startswith("百分之"):
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    glued = (_LATIN.match(before) and span[0].isalnum()) or (
        _LATIN.match(after) and (span[-1].isdigit() or _LATIN.match(span[-1]))
    )
    if glued or before in "第#＃№-":  # G7, F-35; not 5万个 before H100
        return False
    if before.isdigit() or (before in ".．,，" and start >= 2 and text[start - 2].isdigit()):
        return False
    if span[0] in _CN_CHARS:
        if before in _CN_CHARS or before in "之":
            return False
        head = span[: len(span) - len(span.lstrip("".join(_CN_CHARS)))]
        rest = span[len(head) :]
        ranged = rest[:1] in _RANGE_CHARS or rest.startswith("分之")
        if (head in _WORD_HEADS and not ranged) or span == "千万":
            return False
    return not (span.isdigit() and len(span) == 1 and after in "、.．")


#: LAC's time words that are dates although no rule above finds them.
_DATE_WORDS = _words(
    "周末 上周末 本周末 元旦 春节 除夕 国庆 中秋 端午 清明 圣诞 新年 年初 年中 "
    "年底 年末 月初 月中 月底 月末 今明两天 今明两年 近两年 近三年"
)
#: A date in digits that no rule above spells out (2025年末前, 3月份以来).
_DIGIT_DATE = re.compile(r"[0-9０-９]+(?:年|月|日|号|世纪|年代|季度)")


def is_date_word(word: str) -> bool:
    """Whether a word LAC tagged as time is a date (上周, 2025年底), not a vague
    adverb of time (目前, 近日, 当时, 未来)."""
    return bool(_DATE.fullmatch(word)) or word in _DATE_WORDS or bool(_DIGIT_DATE.search(word))


# -- linking keys -----------------------------------------------------------------

_ISO_DATE = re.compile(
    r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T日]?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$"
)
_CN_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月份?)?(?:(\d{1,2})[日号])?$")
_CN_VALUES = {ch: k for k, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2}


def date_key(span: str) -> str:
    """ISO 8601 for an absolute date (``2024-12-18``, ``2024-10``, ``--01-19``,
    ``2026-02-11T08:42:17``); otherwise the folded text."""
    text = _fold(span)
    iso = _ISO_DATE.match(text)
    if iso:
        year, month, day, hour, minute, second = iso.groups()
        key = f"{year}-{int(month):02d}-{int(day):02d}"
        if hour is not None:
            key += f"T{int(hour):02d}:{minute}" + (f":{second}" if second else "")
        return key
    digits = _cn_date_digits(text)
    found = _CN_DATE.match(digits)
    if found and any(found.groups()):
        year, month, day = found.groups()
        if year and month and day:
            return f"{year}-{int(month):02d}-{int(day):02d}"
        if year and month and not day:
            return f"{year}-{int(month):02d}"
        if year and not month and not day:
            return year
        if month and day and not year:
            return f"--{int(month):02d}-{int(day):02d}"
    return text


def number_key(span: str) -> str:
    """The folded text of a number: full-width forms, spaces and thousands separators gone."""
    return re.sub(r"(?<=\d)[,，](?=\d{3})", "", _fold(span))


def _fold(span: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", span))


def _cn_date_digits(text: str) -> str:
    """Chinese numerals of a date as digits (二〇二四年十月 → 2024年10月)."""

    def year(match: re.Match[str]) -> str:
        return "".join(str(_CN_VALUES[ch]) for ch in match.group(1)) + "年"

    def small(match: re.Match[str]) -> str:
        return str(_small_value(match.group(1))) + match.group(2)

    text = re.sub(r"([〇○零一二三四五六七八九]{4})年", year, text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    return re.sub(r"([一二三四五六七八九十]{1,3})([月日号])", small, text)


def _small_value(numeral: str) -> int:
    """一 … 九十九 as an int."""
    if "十" not in numeral:
        return _CN_VALUES.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return (_CN_VALUES.get(tens, 1) if tens else 1) * 10 + (_CN_VALUES.get(ones, 0) if ones else 0)
