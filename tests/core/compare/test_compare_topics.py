"""duizhao.core.compare.comparison: topic keys, themes, Chinese numerals.

Every sentence here was written for these tests (an invented dispute over
tungsten sales between two invented ports, and a planned visit); none comes
from the seed articles.
"""

from __future__ import annotations

from collections import Counter

import pytest

from duizhao.core.compare.comparison import Document, compare_documents, extract_claims, relate
from duizhao.core.compare.quantities import chinese_number, parse_numbers
from duizhao.core.text import Script

S, T = Script.SIMPLIFIED, Script.TRADITIONAL

# -- Chinese numerals ----------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百一十八", 118),
        ("一千零五", 1005),
        ("两万三千", 23000),
        ("一亿两千万", 120_000_000),
        ("三万亿", 3_000_000_000_000),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


def test_a_list_of_digits_is_not_a_number() -> None:
    assert chinese_number("三五") is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("投资一百一十八亿美元", 118, "亿美元"),
        ("销量增加三成", 30, "%"),
        ("价格涨了两倍", 2, "倍"),
        ("失业率为百分之十五", 15, "%"),
        ("增幅为百分之三点五", 3.5, "%"),
        ("新建一千二百米堤岸", 1200, "米"),
        ("增长3成", 30, "%"),
    ],
)
def test_amounts_written_in_chinese(text: str, value: float, unit: str) -> None:
    (found,) = parse_numbers(text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["一家工厂开工", "第三个码头", "三个月后", "一次会议", "三五家企业"]
)
def test_words_with_numerals_that_are_not_amounts(text: str) -> None:
    assert parse_numbers(text) == ()


def test_the_same_amount_in_figures_and_in_words_agrees() -> None:
    a = extract_claims(Document(1, "", "新港码头工程总投资约为一百一十八亿元。", S))[0]
    b = extract_claims(Document(2, "", "新港碼頭工程總投資約為118億元。", T))[0]
    relation, reasons = relate(a, b)
    assert relation == "agrees"
    assert "118" in reasons[0] or "一百一十八" in reasons[0]
    c = extract_claims(Document(3, "", "新港码头工程总投资约为一百二十亿元。", S))[0]
    assert relate(a, c)[0] == "differs"


def test_three_tenths_equals_thirty_percent() -> None:
    a = extract_claims(Document(1, "", "专家预计新港货运量明年将增加三成。", S))[0]
    b = extract_claims(Document(2, "", "專家預計新港貨運量明年將增加30%。", T))[0]
    assert relate(a, b)[0] == "agrees"


# -- topic keys ------------------------------------------------------------------


def keys_of(text: str, script: Script = S) -> set[str]:
    (claim,) = extract_claims(Document(1, "", text, script))
    return {claim.labels[k] for k in claim.topic_keys}


def test_a_concept_written_differently_is_one_key() -> None:
    assert "访华" in keys_of("石川首相预计将于4月访华。")
    assert "访华" in keys_of("石川首相預計4月訪問中國。", T)
    assert "访华" in keys_of("石川首相的北京之行预计在4月。")


def test_export_controls_in_several_wordings() -> None:
    assert "出口管制" in keys_of("商务部宣布对钨实施出口管制，3月1日生效。")
    assert "出口管制" in keys_of("當局決定限制鎢的出口，3月1日生效。", T)


def test_alliance_words_share_a_key() -> None:
    assert "盟友" in keys_of("华盛顿表示将与盟友协调立场，预计下月公布。")
    assert "盟友" in keys_of("分析人士认为两国同盟关系面临考验，预计短期难以修复。")


def test_vague_words_are_not_topic_keys() -> None:
    found = keys_of("他认为这一决定可能无法改变目前的局面，影响有限。")
    assert not found & {"这一", "决定", "无法", "局面", "影响", "有限"}


# -- themes ----------------------------------------------------------------------

DOC_A = (
    "新港当局3月1日宣布对钨实施出口管制，理由是保障国内供应。\n"
    "钨出口管制生效后，东湾的钨库存预计只够三个月。\n"
    "东湾贸易部长预计下月访问新港，讨论钨的供应问题。\n"
    "东湾与盟友正在协调立场，考虑寻找替代供应来源。\n"
    "当地足球队周末以3比1获胜，球迷十分高兴。"
)
DOC_B = (
    "東灣貿易部長預計5月訪問新港，這是他首次出訪。\n"
    "新港對鎢的出口限制讓東灣工廠擔心斷供。\n"
    "分析人士認為，東灣的盟友難以在短期內提供足夠的鎢。\n"
    "新港的鎢出口管制可能持續到明年。"
)
DOC_C = (
    "新港的钨出口管制令东湾的钨价上涨两倍。\n"
    "东湾贸易部长将于5月访问新港，希望缓和紧张关系。\n"
    "一家面包店在老城区开业，吸引了不少顾客。"
)


def test_topics_gather_a_shared_subject_across_scripts() -> None:
    result = compare_documents(
        [Document(1, "甲", DOC_A, S), Document(2, "乙", DOC_B, T), Document(3, "丙", DOC_C, S)]
    )
    by_label = {t.label: t for t in result.topics}
    tungsten = [t for t in result.topics if "出口管制" in t.terms]
    assert tungsten, list(by_label)
    articles = {c.article for r in tungsten[0].rows for c in r.claims}
    assert articles == {1, 2, 3}
    for topic in result.topics:
        assert len({c.article for r in topic.rows for c in r.claims}) >= 2
        # a claim is shown in a topic's rows only a few times
        shown = Counter((c.article, c.start) for r in topic.rows for c in r.claims)
        assert max(shown.values()) <= 3, topic.label
    labels = [t.label for t in result.topics]
    assert len(labels) == len(set(labels))
    texts = [c.text for t in result.topics for r in t.rows for c in r.claims]
    assert not any("足球" in t or "面包" in t for t in texts)
