"""Reading figures and dates: numerals, quantities with units and hedges, and dates
resolved against the day an article was published.

Every phrase here was written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duizhao.core.compare.numerals import fold, read_numeral
from duizhao.core.compare.quantities import can_be_equal, find_quantities
from duizhao.core.compare.when import find_dates

# -- numerals ---------------------------------------------------------------------------

#: the forms news writes numbers in; cn2an (measured 2026-12) reads only the ones
#: marked True, which is why Duizhao reads them itself
NUMERALS = [
    ("1,234.5", 1234.5, True),
    ("２０４６亿", 2.046e11, True),
    ("一百一十八亿", 1.18e10, True),
    ("两千三百万", 2.3e7, True),
    ("廿八", 28.0, True),
    ("卅三", 33.0, False),
    ("二六三", 263.0, False),
    ("九一○○萬", 9.1e7, False),
    ("二〇〇八", 2008.0, False),
    ("三．八五兆", 3.85e12, False),
    ("3.85万亿", 3.85e12, False),
    ("4127.35亿", 4.12735e11, True),
    ("5.2萬億", 5.2e12, False),
    ("一亿两千万", 1.2e8, True),
    ("三点五", 3.5, True),
    ("12.6兆", 1.26e13, False),
]


@pytest.mark.parametrize(("text", "value", "_cn2an"), NUMERALS)
def test_numerals_in_every_form_news_writes(text: str, value: float, _cn2an: bool) -> None:
    assert read_numeral(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["三五", "七八", "", "三百千", "abc"])
def test_what_is_not_one_number(text: str) -> None:
    assert read_numeral(text) is None


def test_fold_keeps_the_length() -> None:
    text = "總額３．８５兆，比率１２％"
    assert len(fold(text)) == len(text)
    assert fold(text) == "總額3.85兆,比率12%"


# -- quantities ---------------------------------------------------------------------------


def figures(text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text.strip(), q.value, q.unit, q.kind) for q in find_quantities(fold(text))]


def test_units_fold_to_kinds() -> None:
    assert figures("大桥长1,200米，耗资约三十亿元人民币，工期三年半") == [
        ("1,200米", 1200.0, "米", "length"),
        ("约三十亿元人民币", 3e9, "CNY", "money:CNY"),
        ("三年半", 3.5, "年", "duration"),
    ]
    assert figures("七成居民支持，另有百分之十五反对，约三分之一未表态")[0][1:] == (
        70.0, "%", "percent",
    )  # fmt: skip
    assert [f[2] for f in figures("新台币12.6兆元、2.4万亿港元和3917亿新元")] == [
        "TWD",
        "HKD",
        "SGD",
    ]


def test_rough_and_split_large_numbers() -> None:
    (rough,) = find_quantities("成本大约500多万美元")
    assert (rough.value, rough.unit) == (5e6, "USD")
    (split,) = find_quantities("变现金额仅为3亿1,200万美元")
    assert split.value == 3.12e8
    (more,) = find_quantities("三千余亿元")
    assert more.value == 3e11
    assert more.high > more.low


def test_dates_and_clock_times_are_not_quantities() -> None:
    assert figures("2024年1月29日上午10时，大会在二〇二四年召开") == []


def test_hedges_turn_figures_into_intervals() -> None:
    over, near, about = find_quantities("逾5年、近5年、约100人")
    assert (over.low, over.hedge) == (5.0, "逾")
    assert over.high > 5
    assert near.high == 5
    assert near.low < 5
    assert about.low < 100 < about.high
    assert not can_be_equal(over, near)  # more than five against nearly five
    assert can_be_equal(about, find_quantities("98人")[0])


def test_a_range_and_a_compound_duration() -> None:
    (span,) = find_quantities("刑期5年多至9年不等")
    assert (span.low, span.high) == (5.0, 9.0)
    (term,) = find_quantities("被判监禁 6 年 3 个月")
    assert term.value == pytest.approx(6.25)


def test_rounding_a_writer_may_have_done() -> None:
    (exact,) = find_quantities("跌23.84%")
    (rounded,) = find_quantities("跌24%")
    assert can_be_equal(exact, rounded)
    (big,) = find_quantities("蒸发4127.35亿美元")
    (short,) = find_quantities("蒸发4130亿美元")
    assert can_be_equal(big, short)
    (cost,) = find_quantities("成本560万美元")
    (round_cost,) = find_quantities("成本600万美元")
    assert not can_be_equal(cost, round_cost)  # 600万 is no rounding of 560万


@given(
    st.text(
        alphabet="0123456789一二三四五六七八九十百千万亿兆約约逾近人年月日%元美港币,.、 ",
        max_size=40,
    )
)
def test_any_text_gives_valid_spans(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low <= q.high
        assert text[q.start : q.end] == q.text


# -- dates ------------------------------------------------------------------------------


def dates(text: str, published: str | None) -> list[tuple[str, str | None, str, str]]:
    day = dt.date.fromisoformat(published) if published else None
    return [
        (w.text, w.first.isoformat() if w.first else None, w.grain, w.role)
        for w in find_dates(fold(text), day)
    ]


def test_dates_resolve_against_publication() -> None:
    assert dates("去年12月15日裁定，1月宣判", "2026-02-10") == [
        ("去年12月15日", "2025-12-15", "day", "event"),
        ("1月", "2026-01-01", "month", "event"),
    ]
    assert dates("12月起实施", "2026-02-10")[0][1:] == ("2025-12-01", "month", "from")
    assert dates("今(9)日宣判，昨晚召开会议", "2026-02-09")[0][1] == "2026-02-09"
    assert dates("二〇〇八年十一月", None)[0][1] == "2008-11-01"


def test_as_of_dates() -> None:
    assert dates("截至28日止，统计显示", "2025-09-29")[0][1:] == ("2025-09-28", "day", "asof")
    assert dates("截至2022年底，负债", None)[0][3] == "asof"
    assert dates("至今已有十人", "2025-09-27")[0] == ("至今", "2025-09-27", "day", "asof")


def test_a_date_without_its_year_is_the_nearest_one() -> None:
    assert dates("措施3月1日就开始执行", "2026-02-28")[0][1] == "2026-03-01"
    assert dates("12月的数据", "2026-02-10")[0][1] == "2025-12-01"
    assert dates("将于4月上旬访问", "2026-03-07")[0][1] == "2026-04-01"
    assert dates("要到5月才能成行", "2026-03-12")[0][3] == "event"  # 到 alone is no as-of


def test_relative_dates_without_a_publication_day_stay_unresolved() -> None:
    assert dates("明天开会", None) == [("明天", None, "day", "event")]
    assert dates("日元贬值", "2026-01-01") == []
