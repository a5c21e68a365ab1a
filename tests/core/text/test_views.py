"""Script views and their offset maps: exact text, spans that survive the round trip."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.text import (
    CONFIGS,
    USAGES,
    VIEWS,
    OffsetMap,
    Script,
    Utf16Index,
    View,
    ViewCache,
    analysis_view,
    build_view,
    converter,
)
from duizhao.core.text.textmap import BLOCK, RUN

#: Pieces that stress the maps: phrases whose conversion changes length
#: (内存 → 記憶體), phrases that differ from a character-wise conversion
#: (头发 → 頭髮), Taiwan and Hong Kong terms, a supplementary character that
#: becomes a BMP one (𠮶 → 嗰), emoji, combining marks, controls, line breaks.
PIECES = [
    "内存",
    "软件",
    "头发",
    "打印机",
    "出租车",
    "信息",
    "鼠标",
    "数据",
    "芯片",
    "用户",
    "最终用户",
    "发布",
    "了解",
    "干燥",
    "台湾",
    "里面",
    "記憶體",
    "軟體",
    "頭髮",
    "資訊",
    "滑鼠",
    "計程車",
    "晶片",
    "印表機",
    "元件",
    "𠮶",
    "😀",
    "é",
    "e\u0301",
    "\x07",
    "\n",
    "。",
    "，",
    "“",
    "”",
    "「",
    "」",
    "a",
    "7",
    " ",
    "我们",
    "發展",
    "发展",
    "的",
    "国家",
]
chinese_text = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=60,
).map("".join)
scripts = st.sampled_from(list(Script))
views = st.sampled_from(VIEWS)
#: Article regions: each usage's configurations must keep the maps exact too.
regions = st.sampled_from([None, "taiwan", "hongkong", "macau", "mainland", "other"])


def spans(length: int) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(0, length), st.integers(0, length)).map(lambda p: (min(p), max(p)))


def check_map(view: View) -> None:
    m = view.map
    assert m.original_length == len(view.original)
    assert m.view_length == len(view.text)
    assert list(m.a) == sorted(m.a)
    assert list(m.b) == sorted(m.b)
    assert len(m.a) == len(m.b) == len(m.kinds) + 1
    for k, kind in enumerate(m.kinds):
        o_len, v_len = m.a[k + 1] - m.a[k], m.b[k + 1] - m.b[k]
        assert o_len > 0
        if kind == RUN:
            # a run maps character for character: it is the character-wise conversion
            assert o_len == v_len
            # … the character-wise conversion, or the original itself where the
            # conversion left the whole text unchanged (一干燥: 干 stays in context)
            original = view.original[m.a[k] : m.a[k + 1]]
            shown = view.text[m.b[k] : m.b[k + 1]]
            assert shown == original or (
                view.config is not None and converter(view.config).charwise(original) == shown
            )


def check_round_trip(view: View, start: int, end: int) -> None:
    v_start, v_end = view.to_view(start, end)
    assert 0 <= v_start <= v_end <= len(view.text)
    back = view.to_original(v_start, v_end)
    assert back[0] <= start, (start, end, back)
    assert back[1] >= end, (start, end, back)
    u_start, u_end = view.to_view_utf16(start, end)
    assert 0 <= u_start <= u_end <= view.view_utf16.units
    back16 = view.to_original_from_utf16(u_start, u_end)
    assert back16[0] <= start
    assert back16[1] >= end
    if end > start:
        assert v_end > v_start, "a non-empty span must stay visible"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=chinese_text, script=scripts, view=views, region=regions, data=st.data())
def test_every_view_is_the_conversion_and_spans_survive_the_round_trip(
    text: str, script: Script, view: str, region: str | None, data: st.DataObject
) -> None:
    built = build_view(text, script, view, region=region)
    if built.config is None:
        assert built.text == text
    else:
        assert built.text == converter(built.config).convert(text)
    check_map(built)
    for _ in range(5):
        start, end = data.draw(spans(len(text)))
        check_round_trip(built, start, end)


@settings(max_examples=150, deadline=None)
@given(text=chinese_text, script=scripts, region=regions, data=st.data())
def test_view_spans_map_back_and_forth_too(
    text: str, script: Script, region: str | None, data: st.DataObject
) -> None:
    view = analysis_view(text, script, region)
    assert view.text == (converter(view.config).convert(text) if view.config else text)
    check_map(view)
    for _ in range(5):
        start, end = data.draw(spans(len(view.text)))
        o_start, o_end = view.to_original(start, end)
        forth = view.to_view(o_start, o_end)
        assert forth[0] <= start
        assert forth[1] >= end


@pytest.mark.parametrize(
    ("text", "view", "span", "expected"),
    [
        # a span inside a phrase maps to the whole phrase
        ("我的内存很大", "taiwan", (3, 4), "記憶體"),
        ("我的内存很大", "taiwan", (2, 3), "記憶體"),
        ("新的软件上线", "taiwan", (2, 4), "軟體"),
        ("最终用户很多", "taiwan", (0, 4), "終端使用者"),
        ("他的头发很长", "traditional", (3, 4), "頭髮"),
        ("这是𠮶个东西", "traditional", (2, 3), "嗰"),
        ("没有变化的字", "taiwan", (0, 2), "沒有"),
    ],
)
def test_phrase_spans(text: str, view: str, span: tuple[int, int], expected: str) -> None:
    built = build_view(text, Script.SIMPLIFIED, view)
    start, end = built.to_view(*span)
    assert built.text[start:end] == expected


def test_traditional_taiwan_article_simplified_uses_the_taiwan_reverse_phrases() -> None:
    built = build_view("這款軟體的記憶體不足", Script.TRADITIONAL, "simplified", region="taiwan")
    assert built.text == "这款软件的内存不足"
    assert built.text[slice(*built.to_view(2, 4))] == "软件"
    assert built.text[slice(*built.to_view(5, 8))] == "内存"
    assert analysis_view("這款軟體", Script.TRADITIONAL, "taiwan").text == "这款软件"


def test_a_hong_kong_article_keeps_its_own_words_in_simplified() -> None:
    text = "市民可向警署查詢，新軟件已上綫"
    for region in ("hongkong", "macau"):
        built = build_view(text, Script.TRADITIONAL, "simplified", region=region)
        assert built.text == "市民可向警署查询，新软件已上线"  # 查詢 is not Taiwan's 查找
        assert built.text[slice(*built.to_view(6, 8))] == "查询"
        assert analysis_view(text, Script.TRADITIONAL, region).text == built.text
    # the Taiwan view of a Hong Kong article speaks Taiwan usage, through Simplified
    taiwan = build_view("這款軟件", Script.TRADITIONAL, "taiwan", region="hongkong")
    assert taiwan.text == "這款軟體"
    assert taiwan.text[slice(*taiwan.to_view(2, 4))] == "軟體"
    # a Taiwan article's view was Taiwan usage before regions and stays so
    assert build_view("查詢", Script.TRADITIONAL, "simplified", region="taiwan").text == "查找"


def test_traditional_text_of_unknown_region_is_not_rewritten_on_a_guess() -> None:
    for region in (None, "mainland", "other"):
        built = build_view("向警署查詢軟體", Script.TRADITIONAL, "simplified", region=region)
        assert built.text == "向警署查询软体"  # characters only
        assert built.config == "t2s"


def test_a_simplified_article_reads_the_same_whatever_its_region() -> None:
    text = "这款软件的内存不足"
    for view in VIEWS:
        texts = {build_view(text, Script.SIMPLIFIED, view, region=r).text for r in USAGES}
        assert len(texts) == 1


def test_the_view_cache_keeps_usages_apart() -> None:
    cache = ViewCache()
    text = "查詢軟體"
    taiwan = cache.get("h", text, Script.TRADITIONAL, "simplified", region="taiwan")
    hongkong = cache.get("h", text, Script.TRADITIONAL, "simplified", region="hongkong")
    assert (taiwan.text, hongkong.text) == ("查找软件", "查询软体")


def test_the_view_in_the_article_own_script_is_the_original() -> None:
    text = "這款軟體的記憶體不足，台灣的用戶很多。"
    for script, view in ((Script.TRADITIONAL, "traditional"), (Script.SIMPLIFIED, "simplified")):
        built = build_view(text, script, view)
        assert built.text == text
        assert built.map == OffsetMap.identity(len(text))
    assert build_view(text, Script.TRADITIONAL, "original").text == text


def test_every_script_has_every_view_in_every_usage() -> None:
    for script in Script:
        for usage in USAGES:
            assert set(CONFIGS[(script, usage)]) == set(VIEWS) - {"original"} | {"analysis"}


def test_utf16_offsets_count_supplementary_characters_twice() -> None:
    index = Utf16Index("a𠮶b")
    assert index.units == 4
    assert [index.to_utf16(p) for p in range(4)] == [0, 1, 3, 4]
    assert index.from_utf16(2) == 1  # inside the pair: the character's start
    assert index.from_utf16(2, closing=True) == 2  # …or its end
    # a BMP character that becomes supplementary-free: 𠮶 (2 units) → 嗰 (1 unit)
    view = build_view("x𠮶y", Script.SIMPLIFIED, "traditional")
    assert view.text == "x嗰y"
    assert view.to_view_utf16(1, 2) == (1, 2)
    assert view.to_original_from_utf16(1, 2) == (1, 2)
    assert view.original_utf16.to_utf16(2) == 3


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "No Chinese at all.",
        "中" * 100_000,
        "\x00\x01\x02控制字符",
        "\ud800孤立代理",
        "表情😀和组合e\u0301字符",
    ],
)
def test_bad_input_keeps_maps_consistent(text: str) -> None:
    for script in Script:
        for view in VIEWS:
            built = build_view(text, script, view)
            check_map(built)
            check_round_trip(built, 0, len(text))
            check_round_trip(built, len(text) // 3, len(text) // 2)


def test_view_cache_computes_once_and_invalidates_on_content_or_converter(monkeypatch) -> None:
    cache = ViewCache()
    text = "这款软件的内存不足"
    first = cache.get("hash-1", text, Script.SIMPLIFIED, "taiwan")
    assert cache.get("hash-1", text, Script.SIMPLIFIED, "taiwan") is first
    assert cache.misses == 1
    cache.get("hash-2", text + "。", Script.SIMPLIFIED, "taiwan")  # the article changed
    assert cache.misses == 2
    import duizhao.core.text.script as script_module

    monkeypatch.setattr(script_module, "converter_version", lambda: "opencc-next/map-99")
    assert cache.get("hash-1", text, Script.SIMPLIFIED, "taiwan") is not first
    assert cache.misses == 3


def test_view_cache_stays_within_its_budget() -> None:
    cache = ViewCache(max_chars=1_000)
    for k in range(50):
        cache.get(f"h{k}", "软件" * 100, Script.SIMPLIFIED, "taiwan")
    assert len(cache) <= 3


def test_blocks_are_few_on_real_prose() -> None:
    text = "商务部宣布了新的出口管制措施，最终用户需要申请许可。" * 50
    built = build_view(text, Script.SIMPLIFIED, "taiwan")
    blocks = built.map.blocks()
    assert blocks
    assert all(b[1] - b[0] <= 6 for b in blocks)
    assert all(kind in (RUN, BLOCK) for kind in built.map.kinds)


def test_opencc_is_the_official_binding() -> None:
    assert hasattr(opencc, "OpenCC")
