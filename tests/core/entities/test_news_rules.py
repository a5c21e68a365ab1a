"""Entities on the way modern news writes: Latin names, bodies named bare, place chains, context.

Every sentence was written for these tests (an invented port town, a made-up
trade dispute, invented people); none comes from the evaluation articles, the
seed articles or the MSRA data. Each rule is checked by the mentions it makes
from LAC-like words, and the whole recogniser on a sentence where it matters.
"""

from __future__ import annotations

import pytest

from duizhao.core.entities import Recogniser
from duizhao.core.entities.bodies import find_bodies
from duizhao.core.entities.context import in_context
from duizhao.core.entities.latin import latin_names, recurring
from duizhao.core.entities.organisations import organisations
from duizhao.core.entities.places import split_place, unit_places
from duizhao.core.entities.repair import Mention, repair, resolve, stands_alone
from duizhao.core.text import Script
from tagged import words_of


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    found = Recogniser()
    found.start()
    return found


def found(recogniser: Recogniser, text: str, script: Script | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in recogniser.recognise(text, script) if e.type in _NAMES]


_NAMES = ("PERSON", "PLACE", "ORG")


def mentioned(text: str, tagged: list[tuple[str, str]], **kw: object) -> list[tuple[str, str]]:
    found = resolve(repair(text, words_of(text, tagged), **kw))  # type: ignore[arg-type]
    return [(text[m.start : m.end], m.type) for m in found]


def spans(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.type) for m in mentions]


def at(text: str, piece: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Mention(start, start + len(piece), kind, 2)


# -- Latin names ---------------------------------------------------------------------


def test_a_latin_name_is_the_whole_run_of_capitalised_words() -> None:
    text = "海港集团董事长（Mara van der Berg）表示"
    mentions = [at(text, "Mara", "PERSON"), at(text, "Berg", "PERSON")]
    assert spans(text, latin_names(text, mentions)) == [("Mara van der Berg", "PERSON")]


def test_a_gloss_in_brackets_takes_the_type_of_the_name_before_it() -> None:
    text = "海港航运（Harbour Line）与柯文达（Kevin Dale）会面"
    mentions = [
        at(text, "海港航运", "ORG"),
        at(text, "柯文达", "PERSON"),
        at(text, "Dale", "PERSON"),
    ]
    assert spans(text, latin_names(text, mentions)) == [
        ("海港航运", "ORG"),
        ("Harbour Line", "ORG"),
        ("柯文达", "PERSON"),
        ("Kevin Dale", "PERSON"),
    ]


def test_lone_latin_words_and_titles_are_not_people() -> None:
    text = "他用ChatGPT查了The Daily Harbour的报道"
    mentions = [at(text, "ChatGPT", "PERSON"), at(text, "The Daily Harbour", "PERSON")]
    assert latin_names(text, mentions) == []


def test_glosses_end_to_end(recogniser: Recogniser) -> None:
    text = "海港公司执行长柯文达（Kevin Dale）昨天表示，订单增加了。"
    assert ("Kevin Dale", "PERSON") in found(recogniser, text)


# -- context -------------------------------------------------------------------------


def test_a_periodical_in_title_marks_is_an_organisation() -> None:
    text = "据《海滨晚报》报道"
    mentions = [at(text, "海滨", "PLACE")]
    assert spans(text, in_context(text, mentions)) == [("海滨晚报", "ORG")]


def test_a_name_is_cut_back_from_the_case_named_after_it() -> None:
    text = "周明远案今天宣判"
    assert spans(text, in_context(text, [at(text, "周明远案", "PERSON")])) == [("周明远", "PERSON")]


def test_a_storm_name_is_neither_place_nor_person() -> None:
    for text, name in (
        ("台风“海鸥”登陆", "海鸥"),
        ("受海鸥台风影响", "海鸥"),
        ("强台海鸥逼近", "海鸥"),
    ):
        assert in_context(text, [at(text, name, "PLACE")]) == []
    text = "海鸥市昨天停课"
    assert spans(text, in_context(text, [at(text, "海鸥市", "PLACE")])) == [("海鸥市", "PLACE")]


# -- bodies named by field and kind --------------------------------------------------


def test_bare_ministries_and_agencies_are_found_on_word_boundaries() -> None:
    text = "内政部长周明远与海关总署官员会面"
    tagged = [("内政", "n"), ("部长", "n"), ("周明远", "PER"), ("与", "p"), ("海关总署", "n")]
    tagged += [("官员", "n"), ("会面", "v")]
    bodies = [text[s:e] for s, e in find_bodies(text, words_of(text, tagged))]
    assert bodies == ["内政部", "海关总署"]


def test_a_body_inside_a_longer_word_is_not_one() -> None:
    text = "财政部门的预算"
    tagged = [("财政", "n"), ("部门", "n"), ("的", "u"), ("预算", "n")]
    assert find_bodies(text, words_of(text, tagged)) == []


def test_a_country_before_a_body_is_part_of_its_name() -> None:
    text = "海兰国外交部发言人"
    tagged = [("海兰国", "LOC"), ("外交部", "n"), ("发言人", "n")]
    assert [text[s:e] for s, e in find_bodies(text, words_of(text, tagged))] == ["海兰国外交部"]


def test_bodies_end_to_end(recogniser: Recogniser) -> None:
    assert ("經濟部", "ORG") in found(
        recogniser, "經濟部長昨天宣布新的補助方案。", Script.TRADITIONAL
    )
    assert ("行政院", "ORG") in found(recogniser, "行政院今天通過預算。", Script.TRADITIONAL)


# -- places --------------------------------------------------------------------------


def known_places(surface: str) -> str | None:
    return "PLACE" if surface in {"海滨", "山南", "海滨县", "南港"} else None


def split(surface: str) -> list[str]:
    return [surface[s:e] for s, e in split_place(surface, 0, len(surface), known_places)]


def test_a_chain_of_places_is_cut_into_its_places() -> None:
    assert split("海滨县青石乡") == ["海滨县", "青石乡"]
    assert split("海滨白鹭溪") == ["海滨", "白鹭溪"]
    assert split("海滨南港") == ["海滨", "南港"]


def test_what_belongs_to_a_place_stays_and_what_does_not_goes() -> None:
    assert split("海滨市") == ["海滨市"]
    assert split("海滨火车站") == ["海滨火车站"]
    assert split("海滨特区") == ["海滨特区"]
    assert split("海滨国安") == ["海滨"]
    assert split("海滨地区") == ["海滨"]
    assert split("三乡镇") == []


def test_a_place_cut_before_its_unit_is_made_whole() -> None:
    text = "在青石乡长家"
    words = words_of(text, [("在", "p"), ("青石", "LOC"), ("乡长", "n"), ("家", "n")])
    assert [text[s:e] for s, e in unit_places(text, words, known_places)] == ["青石乡"]
    text = "海滨青石乡长"  # the place LAC found is a chain: each part on its own
    words = words_of(text, [("海滨青", "LOC"), ("石乡长", "n")])
    assert [text[s:e] for s, e in unit_places(text, words, known_places)] == ["海滨", "青石乡"]
    text = "青石乡村民"
    words = words_of(text, [("青石乡", "LOC"), ("村民", "n")])
    assert unit_places(text, words, known_places) == []


def test_places_end_to_end(recogniser: Recogniser) -> None:
    names = found(recogniser, "香港高等法院昨日開庭，香港法院過去很少這樣做。", Script.TRADITIONAL)
    assert ("香港高等法院", "ORG") in names
    assert ("香港", "PLACE") in names
    assert ("香港法院", "ORG") not in names


def test_a_river_lac_cut_in_two_is_one_place() -> None:
    text = "白鹭溪堰塞湖"
    tagged = [("白鹭", "LOC"), ("溪堰塞湖", "LOC")]
    assert mentioned(text, tagged) == [("白鹭溪", "PLACE")]
    text = "海滨白鹭"  # a known place and a name: two places, not one
    assert mentioned(text, [("海滨", "LOC"), ("白鹭", "LOC")], known=known_places) == [
        ("海滨", "PLACE"),
        ("白鹭", "PLACE"),
    ]


def test_a_generic_feature_alone_is_no_place() -> None:
    assert mentioned("形成堰塞湖", [("形成", "v"), ("堰塞湖", "LOC")]) == []


# -- organisations -------------------------------------------------------------------


def organised(text: str, tagged: list[tuple[str, str]], names: list[tuple[str, str]]) -> list:
    mentions = [at(text, piece, kind) for piece, kind in names]
    out = organisations(text, words_of(text, tagged), mentions, known_places)
    return spans(text, out)


def test_a_trade_or_a_news_service_goes_on_an_organisations_name() -> None:
    text = "海鸥物业停牌"
    tagged = [("海鸥", "ORG"), ("物业", "n"), ("停牌", "v")]
    assert organised(text, tagged, [("海鸥", "ORG")]) == [("海鸥物业", "ORG")]
    text = "据海鸥新闻报道"
    tagged = [("据", "p"), ("海鸥新闻报道", "ORG")]
    assert organised(text, tagged, [("海鸥新闻报道", "ORG")]) == [("海鸥新闻", "ORG")]


def test_a_description_of_a_kind_of_firm_is_its_place_or_nothing() -> None:
    text = "海滨科技公司和房地产集团"
    tagged = [("海滨科技公司", "ORG"), ("和", "c"), ("房地产集团", "ORG")]
    names = [("海滨科技公司", "ORG"), ("房地产集团", "ORG")]
    assert organised(text, tagged, names) == [("海滨", "PLACE")]
    text = "海滨白鹭公司"  # a name between the place and the head: a company
    assert organised(text, [(text, "ORG")], [(text, "ORG")]) == [(text, "ORG")]


def test_the_subject_of_a_law_is_no_organisation() -> None:
    text = "违反国安法"
    tagged = [("违反", "v"), ("国安", "ORG"), ("法", "n")]
    assert organised(text, tagged, [("国安", "ORG")]) == []


# -- terms, pairs and recurring Latin names ------------------------------------------


def test_terms_and_pairs_named_after_people_are_not_them() -> None:
    cases = (("周明远悖论", "周明远"), ("周明远定律", "周明远"), ("「明远配」夺冠", "明远"))
    for text, name in cases:
        assert in_context(text, [at(text, name, "PERSON")]) == []
    text = "周明远理论"  # a doctrine names its author
    assert spans(text, in_context(text, [at(text, "周明远", "PERSON")])) == [("周明远", "PERSON")]


def test_a_latin_name_found_once_is_found_where_it_recurs() -> None:
    text = "海港协会（HPA）说，HPA和HPAX不同"
    mentions = latin_names(text, [at(text, "海港协会", "ORG")])
    assert spans(text, recurring(text, mentions)) == [
        ("海港协会", "ORG"),
        ("HPA", "ORG"),
        ("HPA", "ORG"),
    ]


# -- single characters ---------------------------------------------------------------


def test_a_single_character_is_a_place_only_as_a_standing_abbreviation(
    recogniser: Recogniser,
) -> None:
    names = found(recogniser, "周主席上月访华，中美双方在沪会谈。")
    singles = [(text, kind) for text, kind in names if len(text) == 1]
    assert singles
    assert all(kind == "PLACE" and text in "华中美沪" for text, kind in singles)
    mentions = [Mention(0, 1, "PERSON", 2), Mention(3, 4, "PLACE", 2), Mention(5, 6, "PLACE", 2)]
    assert [m.start for m in mentions if stands_alone("江说在花和港", m)] == [5]


# -- dates in Chinese numerals, amounts with 萬/億/兆 ----------------------------------


@pytest.mark.parametrize(
    ("text", "date", "key"),
    [
        ("报告于二○○八年十一月廿三日发表。", "二○○八年十一月廿三日", "2008-11-23"),
        ("該法於二〇一九年六月通過。", "二〇一九年六月", "2019-06"),
    ],
)
def test_dates_in_chinese_numerals_are_whole(
    recogniser: Recogniser, text: str, date: str, key: str
) -> None:
    dates = [e for e in recogniser.recognise(text) if e.type == "DATE"]
    assert [(e.text, e.entity_id) for e in dates] == [(date, "date:" + key)]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("海港公司市值蒸发7.43兆，股价大跌。", "7.43兆"),
        ("该港估值约新台币12.6兆元。", "12.6兆元"),
        ("海港集团估值达3億1,200萬美元。", "3億1,200萬美元"),
        ("海港集团負債逾3.14萬億人幣。", "3.14萬億人幣"),
        ("市值蒸發近 5.2 萬億港元。", "5.2 萬億港元"),
        ("該公司擁有3萬個H200晶片。", "3萬個"),
    ],
)
def test_amounts_keep_their_magnitude_and_currency(
    recogniser: Recogniser, text: str, amount: str
) -> None:
    assert amount in [e.text for e in recogniser.recognise(text) if e.type == "NUMBER"]


# -- bylines and credit lines --------------------------------------------------------


def test_the_names_in_a_credits_block_are_people_even_when_they_are_words(
    recogniser: Recogniser,
) -> None:
    text = "监制：高山\n编辑：夏天 林海\n责任编辑：方圆 校对：文静\n"
    assert found(recogniser, text) == [
        ("高山", "PERSON"),
        ("夏天", "PERSON"),
        ("林海", "PERSON"),
        ("方圆", "PERSON"),
        ("文静", "PERSON"),
    ]


def test_bylines_and_photo_credits(recogniser: Recogniser) -> None:
    assert found(recogniser, "記者白雪／綜合報導", Script.TRADITIONAL) == [("白雪", "PERSON")]
    names = found(recogniser, "（圖／記者高峰攝）（圖／美聯社）", Script.TRADITIONAL)
    assert names == [("高峰", "PERSON"), ("美聯社", "ORG")]
    assert found(recogniser, "來源：海濱日報", Script.TRADITIONAL) == [("海濱日報", "ORG")]


def test_a_label_in_running_text_credits_no_one(recogniser: Recogniser) -> None:
    assert found(recogniser, "他在记者会上表示，编辑部将改版。") == []
    names = found(recogniser, "本报记者 周明远 李海涛 发自海滨")
    assert names == [("周明远", "PERSON"), ("李海涛", "PERSON")]


def test_a_name_an_index_or_a_games_is_named_after_is_tagged_alone(
    recogniser: Recogniser,
) -> None:
    assert ("纳斯达克", "ORG") in found(recogniser, "受此影响，纳斯达克指数下跌3%。")
    text = "海鸥奥运开幕"
    tagged = [("海鸥奥运", "ORG"), ("开幕", "v")]

    def known(surface: str) -> str | None:
        return "PLACE" if surface == "海鸥" else None

    out = organisations(text, words_of(text, tagged), [at(text, "海鸥奥运", "ORG")], known)
    assert spans(text, out) == [("海鸥", "PLACE")]
