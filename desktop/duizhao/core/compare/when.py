"""Dates in a claim, resolved against the day the article was published.

:func:`find_dates` reads absolute dates (2024年1月29日, 2024-01-29,
二〇〇八年十一月, 2025年第三季度, 2022年底), dates missing their year or month
(12月15日, 24日), relative ones (去年12月15日, 昨晚, 今(9)日, 上周五, 明年) and
named parts of a year (上半年, 年初). Each becomes a :class:`When`: the first and
last day it can mean, its grain (day, month, quarter, half, year) and its role
in the sentence:

- ``asof`` — the moment a running figure is counted at (截至28日, 至今, 截止
  去年中, 28日止);
- ``from`` — when something starts or takes effect (7月4日起, 自2020年12月);
- ``event`` — any other date: when something happened or will happen.

A date without a year takes the article's, moved back a year when it would
otherwise lie after publication (a January date in a February article is
this January, a December date last December). Without a publication date,
relative dates stay unresolved (``first`` is None) and only compare by text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from duizhao.core.compare.numerals import read_numeral

_CN = "零〇○一二两三四五六七八九十廿卅"
_N = rf"(?:\d{{1,4}}|[{_CN}]{{1,4}})"
_YEAR = r"(?P<year>\d{4}|[零〇○一二三四五六七八九]{4}|去|今|明|前|本)年"
_DATE = re.compile(
    rf"(?:{_YEAR}(?:度)?)?"
    rf"(?:(?P<month>{_N})月(?:份)?(?:(?P<day>{_N})[日号]|(?P<mpart>上旬|中旬|下旬|初|底|中|末))?"
    rf"|第?(?P<quarter>[一二三四1234])季(?:度)?|(?P<half>上半年|下半年)"
    rf"|(?P<ypart>底|初|中|末))?"
)
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DAY_ONLY = re.compile(rf"(?:今|昨|前|本月)?[(（]?(?P<day>{_N})[日号][)）]?")
_TODAY_STYLE = re.compile(r"(?P<word>今|昨|前|明)\s*[(（]\s*(?P<day>\d{1,2})\s*日?\s*[)）]\s*日?")
_RELATIVE = re.compile(
    r"(?P<rel>今天|今日|今晨|今早|今晚|今夜|昨天|昨日|昨晚|昨夜|前天|前日|明天|明日|本周|上周|下周"
    r"|上星期|本星期|下星期|本月|上月|下月|上个月|下个月|今年|去年|明年|前年"
    r"|至今|迄今|截至目前|目前为止|目前)"
    r"(?P<weekday>[一二三四五六日天])?"
)
_WEEKDAY = re.compile(r"(?P<which>上|本|下|这)?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])")
#: before a date, what makes it the moment figures are counted at (a bare 到 or 至
#: does not: 要到5月 looks ahead)
_ASOF_BEFORE = ("截至", "截止", "截止到", "截至到", "直至", "统计至", "统计到")
_ASOF_AFTER = ("止", "为止")
_FROM_BEFORE = ("自", "从", "自从", "由")
_FROM_AFTER = ("起", "开始", "以来", "后起", "生效")
_WEEKDAYS = "一二三四五六日天"
#: words right before a date that put it in the future
_AHEAD = ("将", "计划", "预计", "拟", "定于", "最早", "最快", "要到", "有望", "预定")
#: words meaning "up to now": the publication day, as the moment a figure is counted at
_NOW = ("至今", "迄今", "截至目前", "目前为止", "目前")


@dataclass(frozen=True, slots=True)
class When:
    start: int
    end: int
    text: str
    first: dt.date | None  # the earliest day it can mean (None: unresolved)
    last: dt.date | None
    grain: str  # day, month, quarter, half, year
    role: str  # event, asof, from

    def overlaps(self, other: When) -> bool:
        if None in (self.first, self.last, other.first, other.last):
            return self.text == other.text
        return self.first <= other.last and other.first <= self.last  # type: ignore[operator]

    def label(self) -> str:
        if self.first is None:
            return self.text
        if self.grain == "day":
            return self.first.isoformat()
        if self.grain == "month":
            return self.first.strftime("%Y-%m")
        return f"{self.first.isoformat()}..{self.last.isoformat() if self.last else ''}"


def find_dates(text: str, published: dt.date | None) -> list[When]:
    """The dates in ``text`` (normalised, digits folded), resolved against ``published``."""
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, first: dt.date | None, last: dt.date | None, grain: str) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(When(start, end, text[start:end], first, last, grain, _role(text, start, end)))

    for m in _ISO.finditer(text):
        day = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            add(m.start(), m.end(), day, day, "day")
    for m in _TODAY_STYLE.finditer(text):  # 今(9)日, 昨(5日)
        day = _relative_day(published, m["word"], int(m["day"]))
        add(m.start(), m.end(), day, day, "day")
    for m in _DATE.finditer(text):
        if not m.group(0) or (m["year"] is None and m["month"] is None):
            continue
        resolved = _resolve(m, published, future=_looks_ahead(text, m.start()))
        if resolved is not None:
            add(m.start(), m.end(), *resolved)
    for m in _WEEKDAY.finditer(text):
        first = _weekday(published, m["which"] or "", m["weekday"])
        add(m.start(), m.end(), first, first, "day")
    for m in _RELATIVE.finditer(text):
        first, last, grain = _relative(published, m["rel"])
        add(m.start(), m.end(), first, last, grain)
    for m in _DAY_ONLY.finditer(text):
        if text[m.end() : m.end() + 1] in ("元", "圆"):
            continue  # 日元
        value = read_numeral(m["day"])
        if value is None or not 1 <= value <= 31 or value != int(value):
            continue
        first = _day_in_month(published, int(value))
        add(m.start(), m.end(), first, first, "day")
    return sorted(found, key=lambda w: w.start)


def _role(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 4) : start].rstrip()
    after = text[end : end + 3]
    if before.endswith(_ASOF_BEFORE) or after.startswith(_ASOF_AFTER):
        return "asof"
    if text[start:end] in _NOW or "统计" in text[end : end + 6]:
        return "asof"
    if before.endswith(_FROM_BEFORE) or after.startswith(_FROM_AFTER):
        return "from"
    return "event"


def _number(raw: str | None) -> int | None:
    if raw is None:
        return None
    value = read_numeral(raw)
    return None if value is None or value != int(value) else int(value)


def _year(raw: str | None, published: dt.date | None) -> tuple[int | None, bool]:
    """(year, stated): a written or relative year, else None."""
    if raw is None:
        return None, False
    if raw in ("今", "本"):
        return (published.year if published else None), True
    offsets = {"去": -1, "明": 1, "前": -2}
    if raw in offsets:
        return (published.year + offsets[raw] if published else None), True
    return _number(raw), True


def _looks_ahead(text: str, at: int) -> bool:
    """Whether the words just before ``at`` speak of the future (将于4月, 最早要到5月)."""
    return any(w in text[max(0, at - 6) : at] for w in _AHEAD)


def _resolve(
    m: re.Match[str], published: dt.date | None, future: bool = False
) -> tuple[dt.date | None, dt.date | None, str] | None:
    year, stated = _year(m["year"], published)
    month = _number(m["month"])
    if m["year"] is not None and year is None and published is not None:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if month is not None and year is None:
        if published is None:
            return None, None, "month"
        year = _nearest_year(published, month, _number(m["day"]), future)
    if year is None:
        return None, None, "year"
    if not 1000 <= year <= 2999:
        return None
    if month is not None:
        day = _number(m["day"])
        if day is not None:
            date = _day(year, month, day)
            return (date, date, "day") if date else None
        last = calendar.monthrange(year, month)[1]
        part = m["mpart"]
        ranges = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, last), "初": (1, 10),
                  "中": (11, 20), "底": (21, last), "末": (21, last)}  # fmt: skip
        low, high = ranges.get(part or "", (1, last))
        return dt.date(year, month, low), dt.date(year, month, high), "month"
    if m["quarter"]:
        q = "一二三四1234".index(m["quarter"]) % 4
        return dt.date(year, 3 * q + 1, 1), _month_end(year, 3 * q + 3), "quarter"
    if m["half"]:
        first_half = m["half"] == "上半年"
        return (
            dt.date(year, 1 if first_half else 7, 1),
            dt.date(year, 6, 30) if first_half else dt.date(year, 12, 31),
            "half",
        )
    part = m["ypart"]
    if part in ("底", "末"):
        return dt.date(year, 10, 1), dt.date(year, 12, 31), "quarter"
    if part == "初":
        return dt.date(year, 1, 1), dt.date(year, 3, 31), "quarter"
    if part == "中":
        return dt.date(year, 5, 1), dt.date(year, 8, 31), "quarter"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _nearest_year(published: dt.date, month: int, day: int | None, future: bool) -> int:
    """The year that puts a month (and day) nearest the publication day: 12月 in a
    February article is last December, 3月1日 in one of 28 February the next day.
    News looks back more often than ahead, so a later date counts as farther,
    unless the words before it look ahead (将于, 预计, 最早 …)."""

    def distance(year: int) -> float:
        first = _day(year, month, day or 1) or dt.date(year, month, 1)
        days = (first - published).days
        if days >= 0:
            return days * (1.0 if future else 1.5)
        return -days * (3.0 if future else 1.0)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _relative_day(published: dt.date | None, word: str, day: int) -> dt.date | None:
    if published is None:
        return None
    found = _day_in_month(published, day)
    if found is None:
        offsets = {"今": 0, "昨": -1, "前": -2, "明": 1}
        return published + dt.timedelta(days=offsets.get(word, 0))
    return found


def _day_in_month(published: dt.date | None, day: int) -> dt.date | None:
    """Day ``day`` of the publication month, or of the month before when later."""
    if published is None:
        return None
    year, month = published.year, published.month
    if day > published.day + 1:  # a day after publication: the month before
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return _day(year, month, day)


def _weekday(published: dt.date | None, which: str, name: str) -> dt.date | None:
    if published is None:
        return None
    wanted = _WEEKDAYS.index(name) if name in _WEEKDAYS[:6] else 6
    monday = published - dt.timedelta(days=published.weekday())
    offset = {"上": -7, "下": 7}.get(which, 0)
    date = monday + dt.timedelta(days=wanted + offset)
    if not which and date > published:
        date -= dt.timedelta(days=7)  # 周一 in a Wednesday article: this Monday
    return date


def _relative(published: dt.date | None, word: str) -> tuple[dt.date | None, dt.date | None, str]:
    if published is None:
        return None, None, "day"
    if word in _NOW:
        return published, published, "day"
    days = {"今": 0, "昨": -1, "前": -2, "明": 1}
    if word[0] in days and word not in ("今年", "明年", "前年"):
        date = published + dt.timedelta(days=days[word[0]])
        return date, date, "day"
    if word in ("今年", "去年", "明年", "前年"):
        year = published.year + {"今年": 0, "去年": -1, "明年": 1, "前年": -2}[word]
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if word.endswith("月"):
        shift = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}[word]
        month_index = published.year * 12 + published.month - 1 + shift
        year, month = divmod(month_index, 12)
        return dt.date(year, month + 1, 1), _month_end(year, month + 1), "month"
    shift = -7 if word.startswith("上") else 7 if word.startswith("下") else 0
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=shift)
    return monday, monday + dt.timedelta(days=6), "week"
