"""Quantities in a claim: the number, its unit, what kind of thing it measures,
and the interval a hedged figure really asserts.

:func:`find_quantities` scans normalised (Simplified, digits folded) text for

- a numeral (:mod:`.numerals`: Arabic, Chinese, digit by digit, with 万/亿/兆),
  or a range of two (6至10年, 5-8%);
- hedges before it (约, 逾, 至少, 近, 不足 …) and after it (余, 多, 左右, 以上 …),
  which turn the figure into an interval: 逾5年 asserts (5, 6.5], 近5年
  [4.5, 5), 约8600万 ±5 %;
- its unit, folded to a canonical one with a :data:`KINDS` kind: people and
  other counts, percent and percentage points (三成 = 30 %, 三分之一, 过半),
  money by currency (a currency named before the figure counts: 人民币3.68万亿元),
  durations in years (6年3个月 = 6.25), lengths, areas, volumes, masses,
  times (七次, 六度), ages.

Dates and clock times (2024年, 1月29日, 10时) are not quantities; :mod:`.when`
reads them. Spans index the text given, in code points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from duizhao.core.compare.numerals import read_numeral

#: canonical unit -> (kind, factor to the kind's base unit)
UNITS: dict[str, tuple[str, float]] = {
    "%": ("percent", 1.0),
    "个百分点": ("points", 1.0),
    "人": ("people", 1.0),
    "个": ("count", 1.0),
    "次": ("times", 1.0),
    "倍": ("ratio", 1.0),
    "岁": ("age", 1.0),
    "年": ("duration", 1.0),
    "月": ("duration", 1 / 12),
    "周": ("duration", 7 / 365),
    "天": ("duration", 1 / 365),
    "小时": ("duration", 1 / 8760),
    "分钟": ("duration", 1 / 525600),
    "米": ("length", 1.0),
    "公里": ("length", 1000.0),
    "厘米": ("length", 0.01),
    "毫米": ("length", 0.001),
    "平方米": ("area", 1.0),
    "平方公里": ("area", 1e6),
    "公顷": ("area", 1e4),
    "立方米": ("volume", 1.0),
    "升": ("volume", 0.001),
    "吨": ("mass", 1000.0),
    "公斤": ("mass", 1.0),
    "克": ("mass", 0.001),
    "票": ("votes", 1.0),
    "名次": ("rank", 1.0),
}
CURRENCIES = {
    "美元": "USD", "美金": "USD", "港元": "HKD", "港币": "HKD", "港纸": "HKD",
    "人民币": "CNY", "人币": "CNY", "新台币": "TWD", "台币": "TWD", "新元": "SGD",
    "新加坡元": "SGD", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "英镑": "GBP",
    "韩元": "KRW", "澳元": "AUD", "加元": "CAD", "卢布": "RUB", "澳门元": "MOP",
    "元": "元",
}  # fmt: skip
#: the kinds a quantity can be of (money's kind is "money:<currency>")
KINDS = sorted({kind for kind, _ in UNITS.values()} | {"money"})

#: how each written unit folds (longest first when matched)
_UNIT_WORDS: dict[str, tuple[str, float]] = {
    "%": ("%", 1.0), "个百分点": ("个百分点", 1.0), "百分点": ("个百分点", 1.0),
    "成": ("%", 10.0),
    "人次": ("人", 1.0), "人": ("人", 1.0), "名": ("人", 1.0), "位": ("人", 1.0),
    "个": ("个", 1.0), "家": ("个", 1.0), "座": ("个", 1.0), "台": ("个", 1.0),
    "架": ("个", 1.0), "艘": ("个", 1.0), "辆": ("个", 1.0), "件": ("个", 1.0),
    "项": ("个", 1.0), "所": ("个", 1.0), "户": ("个", 1.0), "栋": ("个", 1.0),
    "起": ("个", 1.0), "宗": ("个", 1.0), "例": ("个", 1.0), "枚": ("个", 1.0),
    "颗": ("个", 1.0), "条": ("个", 1.0), "只": ("个", 1.0), "头": ("个", 1.0),
    "张": ("个", 1.0), "部": ("个", 1.0), "套": ("个", 1.0), "批": ("个", 1.0),
    "场": ("个", 1.0), "处": ("个", 1.0), "间": ("个", 1.0), "款": ("个", 1.0),
    "剂": ("个", 1.0), "块": ("个", 1.0), "国": ("个", 1.0), "村": ("个", 1.0),
    "次": ("次", 1.0), "度": ("次", 1.0), "轮": ("次", 1.0), "回": ("次", 1.0),
    "倍": ("倍", 1.0), "岁": ("岁", 1.0), "票": ("票", 1.0),
    "年": ("年", 1.0), "个多月": ("月", 1.0), "个月": ("月", 1.0), "周": ("周", 1.0),
    "星期": ("周", 1.0), "天": ("天", 1.0), "个小时": ("小时", 1.0), "小时": ("小时", 1.0),
    "分钟": ("分钟", 1.0),
    "公里": ("公里", 1.0), "千米": ("公里", 1.0), "米": ("米", 1.0), "公尺": ("米", 1.0),
    "厘米": ("厘米", 1.0), "公分": ("厘米", 1.0), "毫米": ("毫米", 1.0),
    "平方公里": ("平方公里", 1.0), "平方米": ("平方米", 1.0), "平方公尺": ("平方米", 1.0),
    "公顷": ("公顷", 1.0), "立方米": ("立方米", 1.0), "立方公尺": ("立方米", 1.0),
    "立方": ("立方米", 1.0), "公升": ("升", 1.0), "升": ("升", 1.0),
    "公吨": ("吨", 1.0), "吨": ("吨", 1.0), "公斤": ("公斤", 1.0), "千克": ("公斤", 1.0),
    "克": ("克", 1.0),
}  # fmt: skip

_HEDGE_BEFORE = (
    "将近|接近|大约|约合|约为|约|大概|逾|超过|超|多达|高达|至少|最少|起码|不足|不到|少于|"
    "低于|近|最多|仅|只有|仅有|达到|达"
)
_HEDGE_AFTER = "余|多|左右|上下|以上|以下|之多|有余"
#: words before a figure that stress it without hedging it (高达36% is 36%)
EMPHASIS = frozenset({"达", "达到", "高达", "多达", "仅", "只有", "仅有"})
_CN = "零〇○一二两三四五六七八九十廿卅百千"
_NUM = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN}]+(?:[点.][{_CN}]+)?)"
    rf"(?:\s?[万亿兆]+(?:\d+(?:,\d{{3}})*|[{_CN}]+)?)*"
)
#: 500多万, 3千余亿: a rough figure with its large unit after the hedge
_ROUGH = re.compile(
    r"(?P<num>\d+|[零〇○一二两三四五六七八九十百千]+)(?P<hedge>多|余|几)(?P<large>[万亿兆]+)"
)
_CURRENCY = "|".join(sorted(CURRENCIES, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?P<hedge>{_HEDGE_BEFORE})?\s*"
    rf"(?P<cur1>人民币|新台币|台币|港币|美金)?\s*"
    rf"(?P<num>{_NUM})(?:\s*(?:至|到|-|~|—|－|～)\s*(?P<num2>{_NUM}))?"
    rf"\s*(?P<after>余|多|几)?\s*"
    rf"(?:(?P<cur>{_CURRENCY})(?P<cur2>人民币|港币|美金)?|(?P<unit>{_UNIT}))"
    rf"(?P<half>半)?(?P<more>{_HEDGE_AFTER})?"
    rf"(?:\s*(?P<num3>{_NUM})\s*(?P<unit3>个月|月))?"
)
_PERCENT_WORDS = re.compile(
    rf"百分之(?P<pct>{_NUM})|(?P<den>[{_CN}\d]+)分之(?P<nom>[{_CN}\d]+)"
    r"|(?P<half>过半|逾半|超过半数|半数以上|超过一半|一半以上|近半|半数)"
)
_DATE_AFTER = re.compile(r"(?:月|日|号|时|点\d|点钟|点[半前后]|年代|季度|世纪)")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float  # as written, in ``unit``
    low: float  # the interval the claim asserts, in the kind's base unit
    high: float
    unit: str  # canonical: 人, %, 年, 吨, … or a currency code (USD, CNY, 元 …)
    kind: str  # people, count, percent, duration, money:USD, …
    hedge: str  # the hedge word as written ("" when the figure is exact)
    text: str

    @property
    def exact(self) -> bool:
        return not self.hedge and self.low == self.high


def find_quantities(text: str) -> list[Quantity]:
    """The quantities in ``text`` (normalised, digits folded), in order."""
    found: list[Quantity] = []
    # 500多万美元 reads as 500万美元 more or less: the hedge moves behind the unit
    shifted = text
    for m in reversed(list(_ROUGH.finditer(text))):  # same length: spans still hold
        shifted = shifted[: m.start("hedge")] + m["large"] + "多" + shifted[m.end("large") :]
    for m in _QUANTITY.finditer(shifted):
        q = _from_match(text, m)
        if q is not None:
            found.append(q)
    found = _ranges(text, found)
    taken = [(q.start, q.end) for q in found]
    for m in _PERCENT_WORDS.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        q = _percent_words(m)
        if q is not None:
            found.append(q)
    return sorted(found, key=lambda q: q.start)


_RANGE = re.compile(r"\s*(?:至|到|-|~|—|－|～)\s*")


def _ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Two figures of one kind joined by 至, 到 or a dash are one range
    (5年多至9年 asserts 5 to 9 years)."""
    out: list[Quantity] = []
    for q in found:
        if out and out[-1].kind == q.kind and _RANGE.fullmatch(text[out[-1].end : q.start]):
            first = out.pop()
            q = Quantity(first.start, q.end, first.value, min(first.low, q.low),
                         max(first.high, q.high), q.unit, q.kind, "range",
                         text[first.start : q.end])  # fmt: skip
        out.append(q)
    return out


def _from_match(text: str, m: re.Match[str]) -> Quantity | None:
    raw, unit_word = m.group("num"), m.group("unit")
    if unit_word is None and m.group("cur") is None:
        return None
    value = read_numeral(raw)
    if value is None:
        return None
    if _is_date(text, m, raw, unit_word, value):
        return None
    if unit_word is not None and not _is_unit(text, m, unit_word, raw):
        return None
    if m.group("cur") is not None:
        currency = CURRENCIES[m.group("cur")]
        if currency == "元" and m.group("cur2"):
            currency = CURRENCIES[m.group("cur2")]
        elif currency == "元" and m.group("cur1"):
            currency = CURRENCIES[m.group("cur1")]
        elif currency == "元" and (named := _currency_before(text, m.start())):
            currency = named
        unit, kind, factor = currency, f"money:{currency}", 1.0
        scale = 1.0
    elif unit_word in ("名", "位") and text[max(0, m.start("num") - 1) : m.start("num")] == "第":
        unit, kind, factor, scale = "名次", "rank", 1.0, 1.0  # 第17位: a place in a ranking
    else:
        unit, scale = _UNIT_WORDS[unit_word]
        kind, factor = UNITS[unit]
    value *= scale
    if m.group("half"):
        value += 0.5
    if m.group("num3"):  # 6年3个月
        months = read_numeral(m.group("num3"))
        if months is not None and unit == "年":
            value += months / 12
    high = value
    if m.group("num2"):
        upper = read_numeral(m.group("num2"))
        if upper is not None and upper > value / scale:
            high = upper * scale
    low_base, high_base = value * factor, high * factor
    hedge = m.group("hedge") or m.group("after") or m.group("more") or ""
    if hedge in EMPHASIS:
        hedge = ""
    elif not hedge and unit_word == "个多月":
        hedge = "多"
    low_base, high_base = _interval(low_base, high_base, hedge, value * factor)
    start = m.start() if m.group("hedge") or m.group("cur1") else m.start("num")
    return Quantity(
        start, m.end(), value, low_base, high_base, unit, kind, hedge, text[start : m.end()]
    )


def _currency_before(text: str, at: int) -> str | None:
    """A currency named just before a figure (人民币 2.4万亿元, 新台币12.6兆元)."""
    window = text[max(0, at - 6) : at]
    for word in sorted(CURRENCIES, key=len, reverse=True):
        if word != "元" and window.endswith((word, word + "约", "约" + word)):
            return CURRENCIES[word]
        if word != "元" and word in window[-4:]:
            return CURRENCIES[word]
    return None


def _is_date(text: str, m: re.Match[str], raw: str, unit: str | None, value: float) -> bool:
    """A year (2024年), a month or day count that is a date, or a clock time."""
    if unit == "年" and raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2200:
        return True
    if unit == "年" and re.fullmatch(r"[零〇○一二三四五六七八九]{4}", raw):
        return True  # 二〇二四年
    after = text[m.end() : m.end() + 2]
    return unit in ("年", "个", "天") and bool(_DATE_AFTER.match(after)) and unit != "天"


def _is_unit(text: str, m: re.Match[str], unit: str, raw: str) -> bool:
    """Whether the character after the figure is its unit, not the start of a word."""
    after = text[m.end("unit") : m.end("unit") + 1]
    if unit == "名" and after in ("义", "单", "称", "字"):
        return False  # 第一名义
    if unit == "成" and after in ("为", "了", "功", "立", "绩", "员", "本", "交"):
        return False  # 一成为, 七成绩: not 成 = tenths
    if unit == "度" and after in ("假", "日", "过", "电", "数"):
        return False
    if unit in ("头", "台", "间", "部", "处", "国", "村") and after in (
        "的",
        "湾",
        "北",
        "南",
        "东",
        "西",
    ):
        return False  # 一台湾: not a count of machines
    return not (
        raw in ("一",) and unit in ("个", "名", "位", "家", "次", "度", "场", "部", "处", "国")
    )


def _interval(low: float, high: float, hedge: str, value: float) -> tuple[float, float]:
    """The interval a hedged figure asserts (base units)."""
    if hedge in ("逾", "超过", "超", "多", "余", "以上", "之多", "有余"):
        return value, value * 1.3 if hedge in ("逾", "超过", "超", "以上", "之多") else value * 1.2
    if hedge in ("至少", "最少", "起码"):
        return value, value * 1.5
    if hedge in ("近", "将近", "接近", "不足", "不到", "少于", "低于", "以下"):
        return value * 0.85, value
    if hedge in ("约", "大约", "约合", "约为", "大概", "左右", "上下"):
        return value * 0.95, value * 1.05
    if hedge in ("最多",):
        return 0.0, value
    return low, high


def _percent_words(m: re.Match[str]) -> Quantity | None:
    if m.group("pct"):
        value = read_numeral(m.group("pct"))
        if value is None:
            return None
        low = high = value
    elif m.group("den"):
        den, nom = read_numeral(m.group("den")), read_numeral(m.group("nom"))
        if not den or nom is None:
            return None
        value = low = high = round(100 * nom / den, 2)
    else:
        word = m.group("half")
        value = 50.0
        low, high = {"近半": (45.0, 50.0), "半数": (50.0, 50.0)}.get(word, (50.0, 100.0))
    hedge = "" if low == high else m.group(0)
    return Quantity(m.start(), m.end(), value, low, high, "%", "percent", hedge, m.group(0))


def can_be_equal(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can be the same number: their intervals meet, an exact
    figure widened by the rounding its writer may have done, a hedge's bound
    open (逾5年 and 近5年 do not meet at 5)."""
    a_low, a_high, a_open = _bounds(a)
    b_low, b_high, b_open = _bounds(b)
    if a_low > b_high or b_low > a_high:
        return False
    touching = (a_low == b_high and (a_open[0] or b_open[1])) or (
        b_low == a_high and (b_open[0] or a_open[1])
    )
    return not touching


_OPEN_LOW = frozenset({"逾", "超过", "超", "多", "余", "以上", "之多", "有余"})
_OPEN_HIGH = frozenset({"近", "将近", "接近", "不足", "不到", "少于", "低于", "以下"})


def bounds(q: Quantity) -> tuple[float, float, tuple[bool, bool]]:
    """(low, high, (low open, high open)): what :func:`can_be_equal` compares."""
    return _bounds(q)


def _bounds(q: Quantity) -> tuple[float, float, tuple[bool, bool]]:
    if q.hedge:
        return q.low, q.high, (q.hedge in _OPEN_LOW, q.hedge in _OPEN_HIGH)
    slack = rounding(q)
    return q.low - slack, q.high + slack, (False, False)


def rounding(q: Quantity) -> float:
    """Half a unit of the last significant digit written, in the kind's base units,
    at most :data:`MAX_ROUNDING` of the value: 24% covers 23.5-24.5, 4130亿 covers
    4125亿-4135亿, 23.84% only itself, 600万 not 560万."""
    number = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", q.text)
    digits = number.group(0).replace(",", "") if number else _digits_of(q.value)
    scale = 1.0
    for character, size in (("万", 1e4), ("亿", 1e8), ("兆", 1e12)):
        if character in q.text and number is not None:
            scale *= size
    if q.unit == "%" and "成" in q.text:
        scale *= 10
    base = q.low / q.value if q.value else 1.0  # the unit's factor to the base unit
    if "半" in q.text:
        slack = 0.25 * scale
    elif "." in digits:
        slack = 0.5 * 10 ** -len(digits.split(".", 1)[1]) * scale
    else:
        zeros = len(digits) - len(digits.rstrip("0"))
        slack = 0.5 * 10**zeros * scale if digits.strip("0") else 0.0
    return min(slack, MAX_ROUNDING * abs(q.value)) * base


#: the most a writer's rounding can move a figure (a share of it)
MAX_ROUNDING = 0.03


def _digits_of(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
