"""Which script an article is written in: simplified, traditional, mixed or unknown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import parse
from duizhao.core.library import ParsedDocument
from duizhao.core.text import Script, convert, detect_script
from duizhao.core.text.script import DOMINANT_SHARE, script_counts

SIMPLIFIED = [
    "今年夏天，这座海边城市的游客数量比去年增加了三成，酒店的预订情况一直很紧张。",
    "农业专家建议，农民应该根据天气变化调整播种时间，并且注意防范病虫害。",
    "这家工厂计划在明年开始生产电动汽车的电池，预计会带来两千个新的工作岗位。",
    "图书馆的负责人说，周末来看书的学生越来越多，馆里准备增加一些座位。",
]
TRADITIONAL = [
    "今年夏天，這座海邊城市的遊客數量比去年增加了三成，飯店的預訂情況一直很緊張。",
    "農業專家建議，農民應該根據天氣變化調整播種時間，並且注意防範病蟲害。",
    "這家工廠計畫在明年開始生產電動汽車的電池，預計會帶來兩千個新的工作職缺。",
    "圖書館的負責人說，週末來看書的學生越來越多，館裡準備增加一些座位。",
]


@pytest.mark.parametrize("text", [*SIMPLIFIED, "\n".join(SIMPLIFIED)])
def test_simplified(text: str) -> None:
    assert detect_script(text) is Script.SIMPLIFIED


@pytest.mark.parametrize("text", [*TRADITIONAL, "\n".join(TRADITIONAL)])
def test_traditional(text: str) -> None:
    assert detect_script(text) is Script.TRADITIONAL


@pytest.mark.parametrize(
    "text",
    [
        SIMPLIFIED[0] + TRADITIONAL[1],
        "\n".join(SIMPLIFIED[:2] + TRADITIONAL[:2]),
        "报道说：這座城市的遊客數量增加了，酒店预订情况很紧张。",
    ],
)
def test_mixed(text: str) -> None:
    assert detect_script(text) is Script.MIXED


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The tram line opens to passengers next Monday, the city council said.",
        "2026 1234567890 3.14 -42",
        "。，！？、：；“”（）",
        "ＡＢＣ１２３",
        "人口中山大水火木",  # characters written the same in both scripts
        "中山大道 2026",
        "㐀𠀀",
    ],
    ids=[
        "empty",
        "english",
        "digits",
        "punctuation",
        "fullwidth",
        "shared-han",
        "shared+digits",
        "rare-han",
    ],
)
def test_unknown(text: str) -> None:
    assert detect_script(text) is Script.UNKNOWN
    assert script_counts(text) == (0, 0)


def test_counts_are_occurrences_not_distinct_characters() -> None:
    assert script_counts("这这这這") == (3, 1)
    assert script_counts("說说說") == (1, 2)


def test_english_and_digits_do_not_dilute_the_share() -> None:
    text = TRADITIONAL[0] + " The quick brown fox 2026 " * 50
    assert detect_script(text) is Script.TRADITIONAL


@pytest.mark.parametrize(
    ("simplified", "traditional", "script"),
    [
        (1, 4, Script.TRADITIONAL),  # 4/5 = 0.8, exactly the dominant share
        (1, 3, Script.MIXED),
        (4, 1, Script.SIMPLIFIED),
        (3, 1, Script.MIXED),
        (1, 1, Script.MIXED),
        (0, 1, Script.TRADITIONAL),
        (1, 0, Script.SIMPLIFIED),
    ],
)
def test_dominant_share_boundary(simplified: int, traditional: int, script: Script) -> None:
    assert DOMINANT_SHARE == 0.8
    text = "这" * simplified + "人" * 5 + "這" * traditional
    assert script_counts(text) == (simplified, traditional)
    assert detect_script(text) is script


def test_phrase_conversions_do_not_join_characters() -> None:
    # OpenCC converts some phrases differently from their characters (头发 → 頭髮);
    # the counts must not depend on which characters sit next to each other.
    assert script_counts("头发") == script_counts("发头")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SIMPLIFIED), min_size=1, max_size=4))
def test_simplified_text_converted_to_traditional_is_detected_traditional(
    paragraphs: list[str],
) -> None:
    text = "\n".join(paragraphs)
    assert detect_script(text) is Script.SIMPLIFIED
    assert detect_script(convert(text, "s2t")) is Script.TRADITIONAL


def test_parse_sets_the_script(
    parse_text: Callable[..., ParsedDocument],
    paragraphs: tuple[str, ...],
    paragraphs_traditional: tuple[str, ...],
) -> None:
    assert parse_text("\n".join(paragraphs)).script is Script.SIMPLIFIED
    assert parse_text("\n".join(paragraphs_traditional)).script is Script.TRADITIONAL
    english = "City council approves the new tram timetable\nThe first trams run on Monday.\n"
    assert parse_text(english).script is Script.UNKNOWN


def test_big5_file_is_detected_traditional() -> None:
    document = parse("\n".join(TRADITIONAL).encode("big5"), "news.txt")
    assert document.encoding == "Big5"
    assert document.script is Script.TRADITIONAL


def test_script_is_detected_on_the_cleaned_text() -> None:
    # a Simplified call-to-action around a Traditional article is boilerplate, not content
    text = "\n".join(["欢迎关注，我们下期再见！", *TRADITIONAL, "对此你怎么看？"])
    assert parse(text.encode("utf-8"), "a.txt").script is Script.TRADITIONAL


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("台北市政府表示，台灣的捷運路線將延伸到台中。", Script.TRADITIONAL),
        ("十四公里", Script.UNKNOWN),
    ],
)
def test_characters_shared_by_taiwan_usage_are_not_simplified_evidence(
    text: str, script: Script
) -> None:
    assert detect_script(text) is script
