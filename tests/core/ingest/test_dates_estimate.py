"""Estimating an unstated publication date from the dates an article mentions."""

from __future__ import annotations

from duizhao.core.ingest.dates import estimate_published


def test_month_day_dates_borrow_the_year_of_the_latest_full_date() -> None:
    text = "1月19日，两国代表在北京开始新一轮谈判。\n参考资料：\n某报 2026-01-14 04:26"
    assert estimate_published(text) == "2026-01-19"


def test_dates_the_article_looks_forward_to_are_not_its_date() -> None:
    text = (
        "2025年3月2日，港口正式启用。官员表示，二期工程将于2025年9月30日完工，"
        "双方计划6月1日签约，并在7月15日前后举行仪式，8月起开放参观。"
    )
    assert estimate_published(text) == "2025-03-02"


def test_a_reference_list_lends_its_year_but_not_its_dates() -> None:
    text = "报告称供应紧张。\n参考资料：\n《年度报告》2024年12月30日"
    assert estimate_published(text) is None
    text = "3月3日，工厂恢复生产。\n参考资料：\n《年度报告》2024年12月30日"
    assert estimate_published(text) == "2024-03-03"


def test_no_date_at_all() -> None:
    assert estimate_published("今天天气很好，我们去公园散步。") is None
