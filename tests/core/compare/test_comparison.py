"""The comparison end to end: relations pair by pair, what is never flagged, topics,
the same result whatever the order or hash seed, and bad input.

Every sentence here was written for these tests (an invented harbour, flood,
court case and trade dispute in invented places); none comes from real news.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from duizhao.core.compare import CompareError, Comparison, Document, compare_documents
from duizhao.core.compare.assignment import best_matching
from duizhao.core.compare.questions import MAX_TOPICS
from duizhao.core.library import Entity
from duizhao.core.text import Script

S, T = Script.SIMPLIFIED, Script.TRADITIONAL
DAY = dt.date(2026, 6, 20)
ROOT = Path(__file__).resolve().parents[3]


def doc(
    i: int,
    text: str,
    script: Script = S,
    published: dt.date | None = DAY,
    names: tuple[str, ...] = (),
) -> Document:
    """An article; ``names`` are organisations the recogniser would have found."""
    entities = tuple(
        Entity(text.index(n), text.index(n) + len(n), n, "ORG", f"name:{n}", n) for n in names
    )
    return Document(i, f"文章{i}", text, script, entities, published, f"报{i}")


def pairs_of(comparison: Comparison) -> list[tuple[str, bool, str, str, str]]:
    """(relation, comparable, reasons, text a, text b) of every pair of every row."""
    out = []
    for topic in comparison.topics:
        for row in topic.rows:
            texts = {c.article: c.text for c in row.claims}
            for pair in row.pairs:
                a, b = pair.articles
                reasons = "; ".join(r.text for r in pair.reasons)
                out.append((pair.relation, pair.comparable, reasons, texts[a], texts[b]))
    return out


def relation_between(comparison: Comparison, a: str, b: str) -> set[str]:
    """The relations given to pairs whose claims contain ``a`` and ``b``."""
    return {
        rel
        for rel, _c, _r, x, y in pairs_of(comparison)
        if (a in x and b in y) or (a in y and b in x)
    }


# -- relations ----------------------------------------------------------------------------


def test_another_number_for_the_same_measure_differs_and_the_same_agrees() -> None:
    result = compare_documents([
        doc(1, "截至18日，南河洪水已造成12人死亡、40人受伤。"),
        doc(2, "截至18日，南河洪水造成12人死亡，另有55人受伤。"),
    ])  # fmt: skip
    found = pairs_of(result)
    injured = [p for p in found if "受伤" in p[2]]
    assert injured
    assert injured[0][0] == "differs"
    assert "40人" in injured[0][2]
    assert any(p[0] == "agrees" and "死亡" in p[2] for p in found)


def test_running_counts_at_other_times_are_not_comparable() -> None:
    result = compare_documents([
        doc(1, "截至16日，南河洪水已造成9人死亡。"),
        doc(2, "截至18日，南河洪水已造成12人死亡。"),
    ])  # fmt: skip
    (pair,) = [p for p in pairs_of(result) if "死亡" in p[3]]
    assert pair[0] == "related"
    assert not pair[1]
    assert "another time" in pair[2]


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("港口去年吞吐量约为800万吨。", "港口去年吞吐量约为800万立方米。", "unit"),
        ("港务集团总负债超过2000亿港元。", "港务集团总负债超过2000亿元人民币。", "currency"),
        ("港口最高运费上调至12%。", "港口平均运费上调至9%。", "scope"),
        ("初步统计显示，码头受损面积约为3000平方米。", "码头受损面积约为5000平方米。", "scope"),
        ("东港集团市值下跌4.2%。", "西港集团市值下跌6.1%。", "actor"),
    ],
)
def test_different_things_are_never_flagged(a: str, b: str, why: str) -> None:
    names = ("东港集团", "西港集团")
    docs = [doc(1, a, names=names[:1] if why == "actor" else ()),
            doc(2, b, names=names[1:] if why == "actor" else ())]  # fmt: skip
    found = pairs_of(compare_documents(docs))
    assert all(p[0] not in ("differs", "contradicts") for p in found), (why, found)
    # side by side and said to be apart, or not put side by side at all
    assert not found or any(not p[1] for p in found), (why, found)


def test_a_negated_predicate_contradicts_and_an_opposite_action_too() -> None:
    result = compare_documents([
        doc(1, "海港工厂已经获得省政府批准，北岛计划投票支持新航线。"),
        doc(2, "海港工厂尚未获得省政府批准。北岛最终投了弃权票。"),
    ])  # fmt: skip
    assert relation_between(result, "已经获得", "尚未获得") == {"contradicts"}
    assert "contradicts" in relation_between(result, "计划投票支持", "弃权")


def test_opposite_verdicts_and_assessments_contradict() -> None:
    result = compare_documents([
        doc(1, "官方评论认为，对海港案依法作出的判决公正合理。渔民认为新规对渔业的影响有限。"),
        doc(2, "反对派批评称，海港案是一场出于政治动机的审判。渔民担心新规将对渔业造成严重冲击。"),
    ])  # fmt: skip
    assert "contradicts" in relation_between(result, "公正合理", "政治动机")
    assert "contradicts" in relation_between(result, "影响有限", "严重冲击")


def test_opposite_judgements_of_different_things_do_not_contradict() -> None:
    result = compare_documents([
        doc(1, "评论认为，港口扩建计划公正合理。"),
        doc(2, "评论批评称，渔业补贴出于政治动机。"),
    ])  # fmt: skip
    assert "contradicts" not in relation_between(result, "公正合理", "政治动机")


def test_another_date_for_the_same_event_differs() -> None:
    result = compare_documents([
        doc(1, "2026年3月29日，河西法院正式宣布港务集团清盘。"),
        doc(2, "2026年1月29日，河西高等法院颁布港务集团的清盘令。"),
    ])  # fmt: skip
    assert relation_between(result, "3月29日", "1月29日") == {"differs"}


def test_a_forecast_against_the_outcome_differs() -> None:
    result = compare_documents([
        doc(1, "顾问早前分析，若集团被清盘，债权人回收率预计为2.7%。"),
        doc(2, "清盘两年后，债权人回收率不足2%。"),
    ])  # fmt: skip
    (pair,) = [p for p in pairs_of(result) if "回收率" in p[3]]
    assert pair[0] == "differs"
    assert "forecast" in pair[2]


def test_a_withdrawn_figure_against_its_correction_differs() -> None:
    result = compare_documents([
        doc(1, "今日下午统计已有15人死亡。"),
        doc(2, "经重新核对，原死亡人数15人下修为12人。"),
    ])  # fmt: skip
    (pair,) = [p for p in pairs_of(result) if "死亡" in p[3] or "死亡" in p[4]]
    assert pair[0] == "differs"
    assert "revised" in pair[2]


def test_numerals_and_units_written_differently_agree() -> None:
    result = compare_documents([
        doc(1, "贸易区去年出口总额达三．八五兆美元，其中七成来自电子产品。"),
        doc(2, "貿易區去年出口總額達3.85萬億美元，其中70%來自電子產品。", T),
    ])  # fmt: skip
    found = pairs_of(result)
    assert found, found
    assert all(p[0] == "agrees" for p in found), found


def test_a_series_is_shown_in_date_order() -> None:
    result = compare_documents([
        doc(1, "截至16日，南河洪水已造成9人死亡。", published=dt.date(2026, 6, 16)),
        doc(2, "截至17日，南河洪水已造成11人死亡。", published=dt.date(2026, 6, 17)),
        doc(3, "截至18日，南河洪水已造成12人死亡。", published=dt.date(2026, 6, 18)),
    ])  # fmt: skip
    series = [p for t in result.topics for p in t.series]
    assert [(p.date, p.value) for p in series] == [
        ("2026-06-16", 9.0), ("2026-06-17", 11.0), ("2026-06-18", 12.0),
    ]  # fmt: skip


# -- topics, JSON, determinism ---------------------------------------------------------------

STORY = [
    "截至18日，南河洪水已造成12人死亡、40人受伤、6人失联。水库蓄水量约为8000万立方米。"
    "县政府批评中央的撤离指令缺乏强制性。大坝高度约为120米。",
    "截至18日，南河洪水造成12人死亡，另有55人受伤，9人失联。大坝高度约为150米。"
    "官员表示，所有遇难者都位于强制撤离范围内。水库蓄水量约为8000万立方米。",
    "南河洪水已造成至少12人罹难。當局尚未公布失聯人數。水庫蓄水量約為九千萬立方米。",
]


def story() -> list[Document]:
    return [doc(i + 1, text, T if i == 2 else S) for i, text in enumerate(STORY)]


def test_topics_are_questions_with_readable_labels() -> None:
    result = compare_documents(story())
    labels = [t.label for t in result.topics]
    assert 1 <= len(labels) <= MAX_TOPICS
    assert {"死亡人数", "受伤人数"} <= set(labels)
    assert all(len(label) >= 2 for label in labels)
    conflicts = [t.conflicts for t in result.topics]
    assert conflicts == sorted(conflicts, reverse=True) or conflicts[0] > 0


def test_json_carries_pairs_sources_and_confidence() -> None:
    data = compare_documents(story()).to_json()
    assert {a["id"] for a in data["articles"]} == {1, 2, 3}  # type: ignore[index]
    assert all("outlet" in a and "published" in a for a in data["articles"])  # type: ignore[union-attr]
    row = data["topics"][0]["rows"][0]  # type: ignore[index]
    assert {"claims", "relation", "reasons", "pairs", "key", "comparable"} <= set(row)
    for claim in row["claims"]:
        assert {"article", "text", "start", "end", "source", "focus"} <= set(claim)
    for pair in row["pairs"]:
        assert {"articles", "relation", "reasons", "confidence"} <= set(pair)
        assert 0.0 <= pair["confidence"] <= 1.0


_RUN = """
import json, sys
sys.path.insert(0, {desktop!r}); sys.path.insert(0, {tests!r})
from test_comparison import story
docs = story()
order = [int(x) for x in sys.argv[1].split(",")]
docs = [docs[i] for i in order]
from duizhao.core.compare import compare_documents
print(json.dumps(compare_documents(docs).to_json(), ensure_ascii=False, sort_keys=True))
"""


def test_the_same_comparison_whatever_the_order_and_hash_seed() -> None:
    script = _RUN.format(desktop=str(ROOT / "desktop"), tests=str(Path(__file__).parent))
    outputs = []
    for seed, order in (("1", "0,1,2"), ("2", "2,0,1"), ("12345", "1,2,0")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, order], capture_output=True, text=True, env=env,
            timeout=120, check=True,
        )  # fmt: skip
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0]["topics"]


def test_the_same_comparison_for_reversed_input_in_process() -> None:
    first = compare_documents(story()).to_json()
    again = compare_documents(list(reversed(story()))).to_json()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


# -- bad input ----------------------------------------------------------------------------


def test_too_few_articles_are_a_clear_error() -> None:
    with pytest.raises(CompareError, match="two different"):
        compare_documents([doc(1, STORY[0])])
    with pytest.raises(CompareError, match="two different"):
        compare_documents([doc(1, STORY[0]), doc(1, STORY[0])])


def test_articles_without_claims_compare_to_nothing() -> None:
    result = compare_documents([doc(1, "图片\n点击关注"), doc(2, "河边的柳树很好看")])
    assert result.topics == []


def test_fifty_articles() -> None:
    docs = [
        doc(i, f"截至18日，南河洪水已造成{10 + i % 3}人死亡，{30 + i}人受伤。", published=DAY)
        for i in range(1, 51)
    ]
    result = compare_documents(docs)
    assert result.topics
    assert len(result.topics) <= MAX_TOPICS


def test_a_claim_with_forty_numbers_flags_only_figures_of_one_measure() -> None:
    districts = "、".join(f"第{n}区降雨量{n * 3}毫米" for n in range(1, 41))
    other = "、".join(f"第{n}区风速{n * 2}米" for n in range(1, 41))
    result = compare_documents([doc(1, districts + "。"), doc(2, other + "。")])
    for topic in result.topics:
        for row in topic.rows:
            for pair in row.pairs:
                if pair.flagged:
                    kinds = {cell.fact.quantity.kind for cell in row.cells if cell.fact.quantity}
                    assert len(kinds) == 1


def test_a_sentence_of_five_thousand_characters() -> None:
    long = "港口" + "，".join(f"码头{n}号泊位今年吞吐量{n}万吨" for n in range(1, 400)) + "。"
    assert len(long) > 5000
    result = compare_documents([doc(1, long), doc(2, "码头5号泊位今年吞吐量8万吨。")])
    assert isinstance(result, Comparison)


# -- matching --------------------------------------------------------------------------------


def test_best_matching_is_optimal_not_greedy() -> None:
    scores = np.array([[0.9, 0.8], [0.85, 0.1]])
    assert best_matching(scores, 0.5) == [(0, 1), (1, 0)]  # 1.65, not greedy 1.0
    assert best_matching(scores, 0.95) == []
    assert best_matching(np.zeros((0, 3)), 0.1) == []


def test_two_facts_of_the_same_two_sentences_make_one_row_of_a_question() -> None:
    from dataclasses import replace

    from duizhao.core.compare.claims import extract_claims
    from duizhao.core.compare.placed import Placed
    from duizhao.core.compare.questions import build_topics, make_row

    (a,) = extract_claims(doc(1, "截至18日，南河洪水已造成12人死亡，官员称其中8人在村内死亡。"))
    (b,) = extract_claims(doc(2, "截至18日，南河洪水已造成15人死亡，官员称其中8人在村内死亡。"))
    fa, fb = ([f for f in c.facts if f.quantity is not None] for c in (a, b))
    assert len(fa) == len(fb) == 2  # each sentence: the toll, and the toll in the village
    # both figures read as the same measure: two facts of one question in the same sentences
    fa[1], fb[1] = replace(fa[1], head=fa[0].head), replace(fb[1], head=fb[0].head)
    a = replace(a, frame=replace(a.frame, facts=tuple(fa)))
    b = replace(b, frame=replace(b.frame, facts=tuple(fb)))
    rows = [make_row([Placed(2 * n, a, fa[n]), Placed(2 * n + 1, b, fb[n])]) for n in (0, 1)]
    assert {r.relation for r in rows} == {"differs", "agrees"}
    shown = [row for t in build_topics(rows) for row in t.rows]
    assert len(shown) == 1  # the same two sentences once, not once per figure
    assert shown[0].relation == "differs"  # by the row whose pair says most (12 vs 15)


def test_figures_the_join_keeps_apart_still_show_their_disagreement() -> None:
    from dataclasses import replace

    from duizhao.core.compare.align import align
    from duizhao.core.compare.claims import extract_claims
    from duizhao.core.compare.placed import place
    from duizhao.core.compare.scores import Scores

    texts = [
        "顾问公司早前分析，债权人的回收率预计为2.7%。",
        "清盘一年后，清盘人称债权人的回收率不足2%。",
        "分析指出，境内债权人的回收率可能不足10%。报告最后重申，境内债权人的回收率不足10%。",
    ]
    claims = [c for i, t in enumerate(texts) for c in extract_claims(doc(i + 1, t))]
    placed = [p for p in place(claims) if p.fact.quantity and p.fact.quantity.unit == "%"]
    assert [p.article for p in placed] == [1, 2, 3, 3]
    # meaning that pairs the forecast with the second saying of 10% and the outcome
    # with the first, so the join cannot put forecast and outcome in one row
    vectors = np.array([[1.0, 0.1, 0.0], [0.0, 0.0, 1.0], [0.0, 0.1, 1.0], [1.0, 0.0, 0.0]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    placed = [replace(p, slot=n) for n, p in enumerate(placed)]
    rows = align(placed, Scores(placed, vectors.astype(np.float32)))
    beside = [r for r in rows if r.beside]
    assert [[p.article for p in r.cells] for r in beside] == [[1, 2]]  # 2.7% against 不足2%
    assert all(len({p.article for p in r.cells}) == len(r.cells) for r in rows)


FLAGS = {"differs", "contradicts"}


def test_a_date_known_only_to_the_month_is_that_month() -> None:
    july = Document(1, "七月", "表决中，12个成员国投了赞成票。", S, published=dt.date(2026, 7, 1),
                    published_last=dt.date(2026, 7, 31))  # fmt: skip
    october = doc(2, "表决中，10个成员国投了赞成票。", published=dt.date(2026, 10, 4))
    same_month = doc(3, "表决中，10个成员国投了赞成票。", published=dt.date(2026, 7, 16))
    apart = compare_documents([july, october])
    assert relation_between(apart, "12个", "10个") & FLAGS == set()  # other months: two votes
    together = compare_documents([july, same_month])
    assert "differs" in relation_between(together, "12个", "10个")
