"""Frames: what a sentence asserts, fact by fact, and who asserts it.

Every sentence here was written for these tests (an invented flood, port,
court case and vote in invented places).
"""

from __future__ import annotations

import datetime as dt

import pytest

from duizhao.core.compare.attribution import source_of
from duizhao.core.compare.frames import Fact, Mention, build_frame
from duizhao.core.compare.numerals import fold
from duizhao.core.compare.words import negations
from duizhao.core.text import shared_segmenter

DAY = dt.date(2026, 6, 20)


def facts(text: str, mentions: list[Mention] | None = None, kind: str = "") -> list[Fact]:
    frame = build_frame(fold(text), mentions or [], DAY, shared_segmenter())
    return [f for f in frame.facts if not kind or f.kind == kind]


def figures(text: str) -> list[tuple[str, str]]:
    return [(f.head, f.quantity.text.strip()) for f in facts(text, kind="quantity")]  # type: ignore[union-attr]


def test_what_each_figure_measures() -> None:
    assert figures("洪水造成死亡人数12人，受伤40人，失联7人") == [
        ("死亡", "12人"), ("受伤", "40人"), ("失联", "7人"),
    ]  # fmt: skip
    assert figures("已有至少12人罹难、40人受伤") == [("死亡", "至少12人"), ("受伤", "40人")]
    assert figures("港口货运量下跌3.2%，市值蒸发约80亿港元") == [
        ("货运量", "3.2%"), ("市值", "约80亿港元"),
    ]  # fmt: skip


def test_a_change_of_a_named_subject_measures_the_change() -> None:
    # the words before the subject describe it (最先受到冲击的): they are not what is measured
    text = "周一最先受到冲击的华光科技下跌12.5%，市值蒸发约300亿元"
    at = text.index("华光科技")
    mentions = [Mention(at, at + 4, "name:华光科技", "ORG")]
    change, value = facts(text, mentions, kind="quantity")
    assert change.head == "跌"
    assert value.head == "市值"
    # a measure named before the change stays the measure
    (price,) = facts("华光科技股价下跌12.5%", [Mention(0, 4, "name:华光科技", "ORG")], "quantity")
    assert price.head == "股价"


def test_a_place_in_a_ranking_is_a_rank_not_a_count_of_people() -> None:
    from duizhao.core.compare.quantities import find_quantities

    (rank, people) = find_quantities("她在富豪榜上跌至第8位，共有8位评委")
    assert (rank.kind, rank.value) == ("rank", 8)
    assert people.kind == "people"


def test_a_revised_figure_replaces_the_withdrawn_one() -> None:
    (fact,) = facts("经核对，原死亡人数15人下修为12人", kind="quantity")
    assert fact.quantity is not None
    assert fact.quantity.value == 12
    assert [q.value for q in fact.revised] == [15]
    assert fact.head == "死亡"
    chain = facts("失联人数从原本90人，增为110人，再下修为20人，最后确认为35人", kind="quantity")
    assert [f.quantity.value for f in chain] == [35]  # type: ignore[union-attr]
    assert [q.value for q in chain[0].revised] == [90, 110, 20]


def test_a_conversion_in_brackets_is_the_same_figure() -> None:
    (fact,) = facts("董事长身家缩水150亿美元(约新台币4900亿元)", kind="quantity")
    assert fact.quantity is not None
    assert fact.quantity.unit == "USD"
    assert [q.unit for q in fact.conversions] == ["TWD"]


def test_respectively_pairs_subjects_with_figures() -> None:
    east, west = facts("东湖指数及西岭指数分别下跌2.45%和1.3%", kind="quantity")
    assert "东湖" in east.words
    assert "西岭" not in east.words
    assert "西岭" in west.words
    assert "东湖" not in west.words


def test_the_period_a_figure_is_counted_at() -> None:
    (fact,) = facts("截至18日，洪水已造成12人死亡", kind="quantity")
    assert fact.period_explicit
    assert fact.when is not None
    assert fact.when.first == dt.date(2026, 6, 18)
    (implicit,) = facts("洪水已造成12人死亡", kind="quantity")
    assert not implicit.period_explicit
    assert implicit.when is not None
    assert implicit.when.first == DAY
    debt, delays = facts(
        "负债逾2.38万亿元(截至去年中)的集团，在经历六度押后的聆讯后", kind="quantity"
    )
    assert debt.period_explicit
    assert not delays.period_explicit


def test_modality_belongs_to_the_figure_it_precedes() -> None:
    forecast, actual = facts("专家预计回收率为4%，实际回收率不足2%", kind="quantity")
    assert forecast.modality == "expected"
    assert actual.modality == "fact"


def test_negation_reaches_its_own_clause_only() -> None:
    (check,) = facts("当局并没有对两名选手进行药物检测", kind="predicate")
    assert check.polarity == -1
    (later,) = facts("她未能出席，随后检测结果公布", kind="predicate")
    assert later.polarity == 1
    text = "未来两年的性别测试并不一定准确"
    scopes = negations(text)
    assert all(text[s:e] != "来两年的性别测试并" for s, e in scopes)  # 未来 and 性别 negate nothing
    assert len(scopes) == 1


def test_an_asserted_predicate_outweighs_an_expected_one_of_the_same_question() -> None:
    found = facts("预计会投赞成票的北岛则转为弃权", kind="predicate")
    assert [f.predicate for f in found] == ["abstain"]


def test_verdicts_by_axis() -> None:
    (approval,) = facts("评论称这是一场出于政治动机的审判", kind="verdict")
    assert (approval.predicate, approval.polarity) == ("approval", -1)
    (size,) = facts("渔民认为对渔业的影响有限", kind="verdict")
    assert (size.predicate, size.polarity) == ("magnitude", -1)


def test_a_statement_for_a_part_without_other_facts() -> None:
    mentions = [Mention(0, 4, "name:河西法院", "ORG")]
    found = facts("河西法院已将案件发回重审，理由未公开", mentions, kind="statement")
    assert found
    assert "e:name:河西法院" in found[0].words


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("港务局发言人批评称，这是一次草率的决定", "港务局发言人"),
        ("据东岸日报报道，大桥将于月底通车", "东岸日报"),
        ("此前海峡时报曾报导，议会计划表决", "海峡时报"),
        ("咨询公司河川(Hechuan)早前分析，回收率约为3%", "咨询公司河川(Hechuan)"),
        ("据估计，港口吞吐量将下降", None),
        ("他说，经济将回暖", None),
        ("大桥将于月底通车", None),
    ],
)
def test_who_asserts_a_sentence(text: str, who: str | None) -> None:
    span = source_of(text)
    assert (text[span[0] : span[1]] if span else None) == who
