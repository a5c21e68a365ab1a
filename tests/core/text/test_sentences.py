"""Behaviour of :func:`duizhao.core.text.segment.sentences`.

The rule under test is the one ``segment.py`` documents: split at 。！？!?；;…
(a run of them ends one sentence), keep closing quotes and brackets with the
sentence they close, let ASCII ``.`` end a sentence only before whitespace,
always split at a line break, and protect terminators inside quotes or
brackets unless the quote closes right after the terminator. Spans index the
original text, are trimmed of whitespace and never empty.

Every Chinese sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from duizhao.core.text import sentences

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def check_invariants(text: str) -> list[tuple[int, int]]:
    """The invariants every result must satisfy, whatever the input."""
    spans = sentences(text)
    assert isinstance(spans, list)
    previous_end = 0
    for start, end in spans:
        assert isinstance(start, int)
        assert isinstance(end, int)
        assert 0 <= previous_end <= start < end <= len(text), (spans, len(text))
        piece = text[start:end]
        assert piece.strip(), f"empty or whitespace-only sentence {piece!r}"
        assert not piece[0].isspace(), f"leading whitespace in {piece!r}"
        assert not piece[-1].isspace(), f"trailing whitespace in {piece!r}"
        assert "\n" not in piece, f"a sentence runs across a line break: {piece!r}"
        # whatever lies between two sentences is whitespace only
        assert not text[previous_end:start].strip(), (text[previous_end:start], spans)
        previous_end = end
    assert not text[previous_end:].strip()
    # the sentences, in order, hold every non-whitespace character of the text
    joined = "".join(text[s:e] for s, e in spans)
    assert _squeeze(joined) == _squeeze(text)
    return spans


def _squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


# -- terminators ------------------------------------------------------------------


@pytest.mark.parametrize("mark", list("。！？!?；;…"))
def test_each_terminator_ends_a_sentence(mark: str) -> None:
    text = f"河边的路灯今晚亮了{mark}居民们出来散步"
    assert split(text) == [f"河边的路灯今晚亮了{mark}", "居民们出来散步"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("你真的要走吗？！我们都舍不得。", ["你真的要走吗？！", "我们都舍不得。"]),
        ("怎么会这样！？没有人知道。", ["怎么会这样！？", "没有人知道。"]),
        ("他想了很久……最后还是答应了。", ["他想了很久……", "最后还是答应了。"]),
        ("等一下。。。我马上到。", ["等一下。。。", "我马上到。"]),
        ("太好了！！！比赛赢了！", ["太好了！！！", "比赛赢了！"]),
        ("Really?! Yes!", ["Really?!", "Yes!"]),
        ("What?? 真的吗??", ["What??", "真的吗??"]),
        ("第一条；第二条；第三条", ["第一条；", "第二条；", "第三条"]),
        ("a;b;c", ["a;", "b;", "c"]),
    ],
)
def test_runs_of_terminators_end_one_sentence(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_text_without_a_terminator_is_one_sentence() -> None:
    text = "  新建的图书馆下周对外开放，市民可以免费借阅  "
    assert split(text) == ["新建的图书馆下周对外开放，市民可以免费借阅"]


def test_commas_and_colons_do_not_split() -> None:
    text = "会上，负责人说：明年将新增三条公交线路、两座停车场，并改造旧车站。"
    assert split(text) == [text]


def test_several_sentences_in_a_paragraph() -> None:
    text = "早上下了一场大雨。中午太阳出来了！下午会不会再下雨？天气预报说不会；但谁也说不准……"
    assert split(text) == [
        "早上下了一场大雨。",
        "中午太阳出来了！",
        "下午会不会再下雨？",
        "天气预报说不会；",
        "但谁也说不准……",
    ]


# -- closing quotes and brackets ------------------------------------------------------


@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        ("「", "」"),
        ("『", "』"),
        ("“", "”"),
        ("‘", "’"),
        ("（", "）"),
        ("(", ")"),
        ("【", "】"),
    ],
)
def test_closer_right_after_a_terminator_stays_with_its_sentence(opener: str, closer: str) -> None:
    text = f"{opener}明天一早出发。{closer}大家都同意了。"
    assert split(text) == [f"{opener}明天一早出发。{closer}", "大家都同意了。"]


@pytest.mark.parametrize("closer", list("」』”’）)】"))
def test_closer_after_a_terminator_is_not_the_start_of_the_next_sentence(closer: str) -> None:
    # even without its opener in view (a quote that began on an earlier span)
    text = f"就这么定了。{closer}会议到此结束。"
    assert split(text) == [f"就这么定了。{closer}", "会议到此结束。"]


def test_quote_that_closes_after_a_terminator_ends_the_sentence() -> None:
    # 「好。」他答道。: the quote closes right after 。, so the documented rule
    # splits after 」 and the attribution is a sentence of its own.
    assert split("「好。」他答道。") == ["「好。」", "他答道。"]
    assert split("他说：“我们明天再来。”然后就走了。") == ["他说：“我们明天再来。”", "然后就走了。"]
    assert split("她问：“你吃饭了吗？！”我摇了摇头。") == ["她问：“你吃饭了吗？！”", "我摇了摇头。"]


def test_terminator_inside_a_quote_that_does_not_close_right_away_does_not_split() -> None:
    text = "“他说：‘我们会来。’然后走了。”"
    assert split(text) == [text]
    text = "「校长说：『明天放假。』大家都很高兴。」下课铃响了。"
    assert split(text) == ["「校长说：『明天放假。』大家都很高兴。」", "下课铃响了。"]


def test_terminators_inside_a_quote_do_not_split() -> None:
    text = "老人说：“我在这里住了四十年。这条街变了很多。以前没有路灯。”"
    assert split(text) == [text]


def test_terminator_inside_brackets_does_not_split() -> None:
    text = "会议（原定周一举行。后因天气改期）今天下午召开。记者到场采访。"
    assert split(text) == ["会议（原定周一举行。后因天气改期）今天下午召开。", "记者到场采访。"]
    text = "新馆(暂定名。以正式公告为准)将于秋季开放。"
    assert split(text) == [text]


def test_title_marks_protect_terminators_that_do_not_end_the_title() -> None:
    text = "他读完了《等待！下一站》这本书。又借了一本。"
    assert split(text) == ["他读完了《等待！下一站》这本书。", "又借了一本。"]


def test_title_ending_in_a_question_mark_does_not_end_the_sentence() -> None:
    text = "她主演的电视剧《你还好吗？》今晚开播。"
    assert split(text) == [text]


def test_closer_before_the_terminator_stays_in_the_sentence() -> None:
    assert split("他只说了一个字“好”。然后挂了电话。") == ["他只说了一个字“好”。", "然后挂了电话。"]


def test_unclosed_quote_stops_protecting_after_about_300_characters() -> None:
    text = "“这段引语没有结束。" + "后面还有一句话。" * 80
    spans = check_invariants(text)
    assert len(spans) > 40
    assert all(e - s <= 320 for s, e in spans), max(e - s for s, e in spans)
    assert text[spans[-1][0] : spans[-1][1]] == "后面还有一句话。"


@given(
    opener=st.sampled_from(list("「『“‘（(【《")),
    count=st.integers(min_value=40, max_value=120),
    body=st.text(alphabet="市民公园今天开放了新的道路桥梁，", min_size=1, max_size=12),
)
@SETTINGS
def test_unclosed_quote_never_swallows_much_more_than_300_characters(
    opener: str, count: int, body: str
) -> None:
    text = opener + (body + "。") * count
    spans = check_invariants(text)
    assert all(e - s <= 300 + 2 * (len(body) + 1) for s, e in spans)


def test_unclosed_quote_with_bracketed_asides_still_stops_after_about_300_characters() -> None:
    text = "“这段引语没有结束。" + "记者（实习）补充说明。" * 60
    spans = check_invariants(text)
    assert all(e - s <= 320 for s, e in spans), max(e - s for s, e in spans)


def test_opening_straight_quote_starts_the_next_sentence() -> None:
    text = '天色暗了下来。"你还走吗？"他问。'
    assert split(text)[0] == "天色暗了下来。"


# -- ASCII full stop ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今年第二季度经济增长3.5%，高于预期。",
        "美国U.S.经济数据今晚公布。",
        "详情见www.example.org网站。",
        "新版v2.1.0今天发布。",
        "他在No.1号码头等船。",
        "比分是2.5比1.5，主队领先。",
    ],
)
def test_full_stop_inside_numbers_and_abbreviations_does_not_split(text: str) -> None:
    assert split(text) == [text]


def test_full_stop_before_whitespace_or_at_the_end_splits() -> None:
    assert split("The bridge opened. 新桥通车了。") == ["The bridge opened.", "新桥通车了。"]
    assert split("Traffic was light.") == ["Traffic was light."]
    assert split("It rained.\tThen it stopped.") == ["It rained.", "Then it stopped."]


@pytest.mark.xfail(
    strict=True,
    reason="documented rule: '.' before whitespace always ends a sentence, so an "
    "abbreviation followed by a space splits a Chinese sentence in two",
)
def test_abbreviation_followed_by_a_space_does_not_split() -> None:
    text = "苹果公司Apple Inc. 今天发布了财报。"
    assert split(text) == [text]


# -- line breaks and list items ---------------------------------------------------------


def test_line_breaks_always_split() -> None:
    text = "没有标点的标题\n第一段的第一句。第一段的第二句\n\n第二段，“引号没有关闭\n第三段"
    assert split(text) == [
        "没有标点的标题",
        "第一段的第一句。",
        "第一段的第二句",
        "第二段，“引号没有关闭",
        "第三段",
    ]


def test_crlf_line_breaks_split_and_are_trimmed() -> None:
    assert split("上午开会。\r\n下午参观\r\n") == ["上午开会。", "下午参观"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一、总体要求\n二、主要任务\n三、保障措施",
            ["一、总体要求", "二、主要任务", "三、保障措施"],
        ),
        ("（一）加强管理\n（二）完善制度", ["（一）加强管理", "（二）完善制度"]),
        ("(1) 修路\n(2) 建桥", ["(1) 修路", "(2) 建桥"]),
        ("- 增加绿地\n- 减少噪音", ["- 增加绿地", "- 减少噪音"]),
        ("1.修复路面\n2.更换路灯", ["1.修复路面", "2.更换路灯"]),
        ("1、修复路面。\n2、更换路灯。", ["1、修复路面。", "2、更换路灯。"]),
    ],
)
def test_list_items_stand_alone(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_numbered_list_item_with_a_space_stays_whole() -> None:
    assert split("1. 修复路面\n2. 更换路灯") == ["1. 修复路面", "2. 更换路灯"]


@given(
    st.text(alphabet="城市春天。！？」”）（“「 ,.\t", max_size=40),
    st.text(alphabet="城市春天。！？」”）（“「 ,.\t", max_size=40),
)
@SETTINGS
def test_a_line_break_is_a_hard_boundary(first: str, second: str) -> None:
    text = first + "\n" + second
    shift = len(first) + 1
    shifted = [(s + shift, e + shift) for s, e in sentences(second)]
    assert sentences(text) == sentences(first) + shifted


# -- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        " \t\u3000\r\n \u00a0",
        "Traffic was light this morning, and the ferry left on time",
        "12345 67890",
        "\x00\x01\x02。\x1b[0m\x7f",
        "\ud800",
        "前\ud800后。\udfff再",
        "🎉节日快乐！🎆🎇明天见。",
        "e\u0301\u0301\u0301。\u0301开头是组合符号。",
        "。",
        "」」」",
        "「「「「",
        "……！？",
        ".",
        ". . .",
        "\u200b\u200b",
    ],
)
def test_bad_input_does_not_crash(text: str) -> None:
    check_invariants(text)


def test_empty_and_whitespace_only_have_no_sentences() -> None:
    assert sentences("") == []
    assert sentences("   \n\t\u3000\n") == []


def test_long_text_without_punctuation() -> None:
    text = "城市里的人越来越多道路越来越宽" * 6_667
    assert len(text) > 100_000
    assert sentences(text) == [(0, len(text))]
    nested = "（" * 50_000 + "好。" * 25_000
    check_invariants(nested)
    terminators = "。" * 100_000
    assert sentences(terminators) == [(0, 100_000)]


def test_emoji_and_combining_marks_keep_exact_offsets() -> None:
    text = "🎉今天开幕了！e\u0301很好。"
    assert split(text) == ["🎉今天开幕了！", "e\u0301很好。"]


_ALPHABET = st.sampled_from(
    list("城市春天雨风人车路灯他说好了")
    + list("。！？!?；;…")
    + list("」』”’）)】》")
    + list("「『“‘（(【《")
    + list(" \t\n\u3000.,，、：0123456789ab")
    + ["\ud800", "\udfff", "\u0301", "🎉", "\x00", "\x1f"]
)


@given(st.lists(_ALPHABET, max_size=200).map("".join))
@SETTINGS
@example("「好。」他答道。")
@example("“他说：‘我们会来。’然后走了。”")
def test_invariants_hold_for_punctuation_heavy_text(text: str) -> None:
    check_invariants(text)


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
@SETTINGS
def test_invariants_hold_for_any_text(text: str) -> None:
    check_invariants(text)


@given(st.lists(_ALPHABET, max_size=120).map("".join), st.sampled_from(["", " ", "\n", " \n\t"]))
@SETTINGS
def test_surrounding_whitespace_only_shifts_offsets(text: str, pad: str) -> None:
    padded = pad + text + pad
    assert sentences(padded) == [(s + len(pad), e + len(pad)) for s, e in sentences(text)]
