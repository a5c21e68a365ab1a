"""The usage detector: Hong Kong or Taiwan usage in a Traditional text, or not known.

Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from duizhao.core.text import Script, detect_region
from duizhao.core.text.regions import CAP, MIN_SCORE, usage_lists

HONG_KONG = "市民昨晚在警署門外等候，的士司機表示網上早已有人提醒，本港多區交通受阻。"
TAIWAN = "民眾昨晚在警局門外等候，計程車司機表示網路上早已有人提醒，員警到場處理。"
CANTONESE = "佢話今日冇時間，唔會嚟開會。"


def test_hong_kong_usage() -> None:
    guess = detect_region(HONG_KONG)
    assert guess.region == "hongkong"
    assert guess.hongkong >= MIN_SCORE
    assert guess.taiwan == 0
    assert {form for side, form, _ in guess.evidence} >= {"警署", "的士", "網上", "本港"}


def test_taiwan_usage() -> None:
    guess = detect_region(TAIWAN)
    assert guess.region == "taiwan"
    assert guess.hongkong == 0


def test_written_cantonese_is_hong_kong() -> None:
    assert detect_region(CANTONESE).region == "hongkong"


def test_one_word_is_not_enough() -> None:
    assert detect_region("工程師昨天更新了軟體，一切順利。").region is None
    assert detect_region("記者在現場看到一輛的士駛過。").region is None


def test_evidence_on_both_sides_is_not_a_guess() -> None:
    mixed = "警署和警局的說法不同，的士與計程車都停駛，網上和網路上都有人討論。"
    assert detect_region(mixed).region is None


def test_a_repeated_word_counts_a_few_times_only() -> None:
    text = "軟體" * 50 + "，網上有人說。"
    guess = detect_region(text)
    assert guess.taiwan == 2 * CAP
    assert guess.region == "taiwan"  # 6 against 2: still Taiwan, but not 100 to 2


def test_simplified_text_is_not_guessed_at() -> None:
    text = "市民昨晚在警署门外等候，的士司机表示网上早已有人提醒。"
    assert detect_region(text).region is None
    assert detect_region(HONG_KONG, Script.SIMPLIFIED).region is None


def test_nothing_to_go_on() -> None:
    for text in ("", "   ", "abc 123", "今天天氣很好。"):
        assert detect_region(text).region is None


def test_the_lists_are_sound() -> None:
    lists = usage_lists()
    assert set(lists) == {"hongkong", "taiwan"}
    forms = [form for side in lists.values() for form, _ in side]
    assert len(forms) == len(set(forms)), "a form listed for both sides"
    assert all(weight in (1, 2) for side in lists.values() for _, weight in side)


@pytest.mark.parametrize("text", [HONG_KONG, TAIWAN, HONG_KONG + TAIWAN])
def test_same_answer_every_time(text: str) -> None:
    assert detect_region(text) == detect_region(text)
