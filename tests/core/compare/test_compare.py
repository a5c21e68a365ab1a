"""duizhao.core.compare.comparison: claims, topics, alignment, relations and bad input.

Every sentence here was written for these tests (an invented river-bridge
story in an invented town); none comes from the seed articles.
"""

from __future__ import annotations

import pytest

from duizhao.core.compare import CompareError
from duizhao.core.compare.comparison import Document, compare_documents, extract_claims, relate
from duizhao.core.text import Script

S, T = Script.SIMPLIFIED, Script.TRADITIONAL


def doc(i: int, text: str, script: Script = S, title: str = "") -> Document:
    return Document(i, title or f"文章{i}", text, script)


def claim_with(i: int, text: str, script: Script = S):  # type: ignore[no-untyped-def]
    claims = extract_claims(doc(i, text, script))
    assert claims, text
    return claims[0]


def rel(a: str, b: str, sb: Script = S) -> tuple[str, list[str]]:
    return relate(claim_with(1, a), claim_with(2, b, sb))


# -- claims --------------------------------------------------------------------


def test_claims_keep_checkable_sentences_and_drop_noise() -> None:
    text = (
        "青石镇大桥预计明年5月通车。\n"
        "你觉得这座桥什么时候能修好？\n"
        "欢迎关注我们的公众号，记得点赞转发。\n"
        "本文仅代表作者观点，不代表本平台立场。\n"
        "相关阅读：青石镇新闻 | 河西县新闻 | 天气\n"
        "河边的柳树很好看\n"
        "工程总投资约为12亿元。"
    )
    claims = extract_claims(doc(1, text))
    texts = [c.text for c in claims]
    assert texts == ["青石镇大桥预计明年5月通车。", "工程总投资约为12亿元。"]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.score > 0


def test_claim_offsets_are_in_the_original_traditional_text() -> None:
    text = "前言。\n青石鎮大橋預計明年5月通車，總投資約為12億元。"
    claims = extract_claims(doc(1, text, T))
    assert claims
    c = claims[0]
    assert text[c.start : c.end] == c.text
    assert "大桥" in c.norm  # analysed in Simplified
    assert c.numbers[0].unit == "亿元"


# -- relations -----------------------------------------------------------------


def test_negation_contradicts_with_the_words_as_reason() -> None:
    relation, reasons = rel("县政府已经撤回了大桥收费的决定。", "縣政府並未撤回大橋收費的決定。", T)
    assert relation == "contradicts"
    assert "撤回" in reasons[0]
    assert "并未撤回" in reasons[0]


def test_confirmed_vs_not_yet_confirmed() -> None:
    relation, reasons = rel("交通局已确认大桥将于5月通车。", "交通局尚未确认大桥的通车日期。")
    assert relation == "contradicts"
    assert "尚未确认" in reasons[0]


def test_will_happen_vs_will_not() -> None:
    relation, _ = rel("县里表示大桥工程将如期完工。", "专家认为大桥工程可能无法完工。")
    assert relation == "contradicts"


def test_opposite_verdicts() -> None:
    relation, reasons = rel(
        "评论认为大桥通车是青石镇发展的转折点。", "也有评论认为大桥通车的象征意义大于实际作用。"
    )
    assert relation == "contradicts"
    assert "转折点" in reasons[0]


def test_different_numbers_for_the_same_quantity_differ() -> None:
    relation, reasons = rel("大桥工程总投资约为12亿元。", "大橋工程總投資約為15億元。", T)
    assert relation == "differs"
    assert "12亿元" in reasons[0]
    assert "15亿元" in reasons[0]


def test_different_dates_differ_and_same_dates_agree() -> None:
    assert rel("大桥将于5月1日正式通车。", "大桥将于5月20日正式通车。")[0] == "differs"
    relation, reasons = rel("大桥将于5月1日正式通车。", "大橋5月1日正式通車。", T)
    assert relation == "agrees"
    assert "5月1日" in reasons[0]


def test_an_announcement_date_is_not_compared_with_an_effective_date() -> None:
    # The same rule, announced on 4月2日, effective from 5月1日: not a disagreement.
    relation, reasons = rel(
        "交通局4月2日发布新规，限制货车进入大桥。",
        "交通局的新规将于5月1日起施行，限制货车进入大桥。",
    )
    assert relation == "related"
    assert "不同事件" in reasons[0]


def test_effective_dates_are_compared_with_each_other_first() -> None:
    relation, reasons = rel(
        "交通局4月2日发布新规，5月1日起施行，限制货车进入大桥。",
        "交通局4月2日公布的新规，5月15日起实施，限制货车进入大桥。",
    )
    assert relation == "differs"
    assert "5月1日" in reasons[0]
    assert "5月15日" in reasons[0]


def test_same_number_agrees() -> None:
    relation, _ = rel("大桥全长共1,200米，设有6个桥墩。", "大橋全長共1200米，設有6個橋墩。", T)
    assert relation == "agrees"


def test_figures_of_different_months_are_only_related() -> None:
    relation, reasons = rel(
        "今年1月，大桥日均车流量为3000辆。", "今年2月，大桥日均车流量为4500辆。"
    )
    assert relation == "related"
    assert "时间不同" in reasons[0]


def test_figures_of_different_scope_are_only_related() -> None:
    relation, reasons = rel("大桥工程总投资约为12亿元。", "其中一期工程投资约为5亿元。")
    assert relation == "related"
    assert "范围不同" in reasons[0]


# -- topics and alignment ------------------------------------------------------

A = (
    "青石镇大桥工程总投资约为12亿元，由县交通局负责建设。\n"
    "县交通局已确认大桥将于5月1日正式通车。\n"
    "评论认为大桥通车是青石镇发展的转折点。\n"
    "镇上的茶馆生意一向很好，老人们喜欢在那里下棋。"
)
B = (
    "青石鎮大橋工程總投資約為15億元，縣交通局負責建設。\n"
    "縣交通局尚未確認大橋的通車日期。\n"
    "河西縣的蘋果今年收成不錯，果農預計收入增加兩成。"
)


def test_topics_align_claims_across_scripts() -> None:
    result = compare_documents([doc(1, A), doc(2, B, T)])
    assert result.topics
    rows = [r for t in result.topics for r in t.rows if len(r.claims) == 2]
    relations = {r.relation for r in rows}
    assert "differs" in relations
    assert "contradicts" in relations
    for t in result.topics:
        assert t.label
        assert len({c.article for r in t.rows for c in r.claims}) >= 2
    data = result.to_json()
    assert [a["id"] for a in data["articles"]] == [1, 2]
    for t in data["topics"]:
        for r in t["rows"]:
            for c in r["claims"]:
                text = A if c["article"] == 1 else B
                assert text[c["start"] : c["end"]] == c["text"]


def test_user_topic_picks_matching_claims() -> None:
    result = compare_documents([doc(1, A), doc(2, B, T)], topic="總投資")
    assert len(result.topics) == 1
    texts = [c.text for r in result.topics[0].rows for c in r.claims]
    assert texts
    assert all("投资" in t or "投資" in t for t in texts)


# -- bad input -----------------------------------------------------------------


def test_one_article_is_an_error() -> None:
    with pytest.raises(CompareError):
        compare_documents([doc(1, A)])


def test_the_same_article_twice_is_an_error() -> None:
    with pytest.raises(CompareError):
        compare_documents([doc(1, A), doc(1, A)])


def test_identical_texts_agree() -> None:
    result = compare_documents([doc(1, A), doc(2, A)])
    rows = [r for t in result.topics for r in t.rows if len(r.claims) == 2]
    assert rows
    assert all(r.relation in ("agrees", "related") for r in rows)
    assert any(r.relation == "agrees" for r in rows)


def test_article_without_sentences() -> None:
    result = compare_documents([doc(1, ""), doc(2, B, T)])
    assert result.topics == []
    assert len(result.articles) == 2


def test_articles_with_nothing_in_common() -> None:
    other = "今天的足球比赛十分精彩，主队以3比1获胜。\n球迷们在看台上唱了整整九十分钟。"
    result = compare_documents([doc(1, A), doc(2, other)])
    assert result.topics == []


def test_fifty_small_articles() -> None:
    docs = [
        doc(
            i,
            f"青石镇大桥工程总投资约为{10 + i % 5}亿元。\n"
            f"县交通局表示大桥将于5月{1 + i % 3}日正式通车。",
            T if i % 2 else S,
        )
        for i in range(1, 51)
    ]
    result = compare_documents(docs)
    assert result.topics
    for t in result.topics:
        for r in t.rows:
            assert len({c.article for c in r.claims}) == len(r.claims)
