"""Numbers with units and dates found in a claim's normalised text.

:func:`parse_numbers` returns :class:`Quantity` values (amount, unit, the text
as written) for Arabic figures (1,200 吨, 3.5%) and Chinese numerals (一百一十八亿
美元, 三成 = 30%, 两倍, 百分之十五), so the same amount written either way
compares equal; :func:`chinese_number` reads a numeral. :func:`parse_dates`
returns :class:`When` values (year, month, day or part of a month/year).
:mod:`duizhao.core.compare.relations` compares them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = (
    r"%|％|成|亿美元|亿日元|亿元|亿|万亿|万吨|万人|万|吨|人|个|家|座|项|倍|美元|日元|元"
    r"|公里|千米|米|辆|名|户|台|次|架|艘|件|所|天"
)
_NUMBER = re.compile(r"(\d+(?:[,，]\d{3})*(?:\.\d+)?)\s*(余|多)?\s*(" + _UNITS + ")")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS.update({"七": 7, "八": 8, "九": 9})
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(
    r"(?<![第星礼周初])([零〇一二两三四五六七八九十百千]+(?:[万亿][零〇一二两三四五六七八九十百千]+)*)"
    r"(余|多)?(" + _UNITS + ")"
)
_DATE = re.compile(
    r"(?:(\d{4})年)?(\d{1,2})月(?:份)?"
    r"(?:(\d{1,2})[日号]|(上旬|中旬|下旬|初|底|末|第一周|第二周|第三周|第四周))?"
)
_YEAR = re.compile(r"(\d{4})年(底|初|末|前后|上半年|下半年)?(?!\d{0,2}月)")
_PERCENT = re.compile(r"百分之([零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str
    text: str  # as written in the analysis text


@dataclass(frozen=True, slots=True)
class When:
    year: int | None
    month: int | None
    day: int | None
    part: str  # 上旬, 底 … or ""
    text: str


def chinese_number(numeral: str) -> float | None:
    """The value of a Chinese numeral (一百一十八 = 118, 两万三千 = 23000,
    一亿两千万 = 120000000), or None when it is not one (三五: a range)."""
    yi, wan, section = 0.0, 0.0, 0.0
    digit: int | None = None
    for ch in numeral:
        if ch in _CN_DIGITS:
            if digit:
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        elif ch == "万":
            wan += (section + (digit or 0)) * 10_000
            section, digit = 0.0, None
        elif ch == "亿":
            yi = (yi + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit = 0.0, 0.0, None
        else:
            return None
    return yi + wan + section + (digit or 0)


def _quantity(value: float, unit: str, text: str) -> Quantity:
    unit = unit.replace("％", "%")
    if unit == "成":  # 三成 = 30%
        return Quantity(value * 10, "%", text)
    return Quantity(value, unit, text)


def parse_numbers(norm: str) -> tuple[Quantity, ...]:
    """The amounts with units in ``norm``, in order of appearance."""
    found: list[tuple[int, Quantity]] = []
    for m in _NUMBER.finditer(norm):
        # a year or a month/day is a date, not an amount
        if m.group(3) in ("个",) and norm[m.end() : m.end() + 1] == "月":
            continue
        value = float(m.group(1).replace(",", "").replace("，", ""))
        found.append((m.start(), _quantity(value, m.group(3), m.group(0))))
    for m in _CN_NUMBER.finditer(norm):
        numeral, unit = m.group(1), m.group(3)
        if numeral == "一" or (unit == "个" and norm[m.end() : m.end() + 1] == "月"):
            continue  # 一家, 一次: an article, not an amount; 三个月 is a duration
        if unit in ("万", "亿") and numeral[-1] in "万亿":
            continue
        amount = chinese_number(numeral)
        if amount is not None:
            found.append((m.start(), _quantity(amount, unit, m.group(0))))
    for m in _PERCENT.finditer(norm):
        raw = m.group(1)
        if raw[0].isdigit():
            value = float(raw)
        elif "点" in raw:
            whole, _, frac = raw.partition("点")
            head = chinese_number(whole)
            digits = [_CN_DIGITS.get(ch) for ch in frac]
            if head is None or None in digits:
                continue
            value = float(f"{int(head)}.{''.join(str(d) for d in digits)}")
        else:
            parsed = chinese_number(raw)
            if parsed is None:
                continue
            value = parsed
        found.append((m.start(), Quantity(value, "%", m.group(0))))
    found.sort(key=lambda f: f[0])
    return tuple(q for _, q in found)


def parse_dates(norm: str) -> tuple[When, ...]:
    found: list[When] = []
    for m in _DATE.finditer(norm):
        found.append(
            When(
                int(m.group(1)) if m.group(1) else None,
                int(m.group(2)),
                int(m.group(3)) if m.group(3) else None,
                m.group(4) or "",
                m.group(0),
            )
        )
    for m in _YEAR.finditer(norm):
        found.append(When(int(m.group(1)), None, None, m.group(2) or "", m.group(0)))
    return tuple(found)
