"""The reading aid's data: the word at a position, its pinyin, zhuyin and glosses."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from duizhao.core.text import reading, word_at
from duizhao.core.text.reading import Dictionary, cedict_path, cedict_pinyin

LINE = "美國國債殖利率上升，央行表示將密切關注。"


@pytest.mark.parametrize(("position", "word"), [(0, "美國"), (2, "國債"), (11, "央行")])
def test_the_word_at_a_position_in_either_script(position: int, word: str) -> None:
    start, end = word_at(LINE, position)
    assert LINE[start:end] == word


def test_no_word_off_chinese_text() -> None:
    assert word_at(LINE, 9) is None  # the comma
    assert word_at("GDP 增长", 0) is None
    assert word_at(LINE, 99) is None


def test_pinyin_reads_the_word_in_context() -> None:
    bank = reading("銀行")
    assert (bank.pinyin, bank.zhuyin) == ("yín háng", "ㄧㄣˊ ㄏㄤˊ")
    assert "bank" in bank.glosses
    assert reading("长大").pinyin == "zhǎng dà"


def test_glosses_skip_classifiers_and_cross_references() -> None:
    glosses = reading("猫").glosses
    assert glosses
    assert not any(g.startswith(("CL:", "variant of")) for g in glosses)


def test_the_dictionary_ships_with_the_package() -> None:
    path = cedict_path()
    assert path is not None
    assert path.name.endswith(".txt.gz")


def test_a_small_dictionary_of_our_own(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("# a comment\n")
        out.write("銀行 银行 [yin2 hang2] /bank/CL:家[jia1],個|个[ge4]/\n")
        out.write("綠 绿 [lu:4] /green/\n")
    mini = Dictionary(path)
    assert "銀行" in mini
    assert "银行" in mini
    assert "猫" not in mini
    assert reading("綠", mini).glosses == ("green",)
    assert reading("银行", mini).glosses == ("bank",)


def test_cedict_pinyin_gets_its_tone_marks() -> None:
    assert cedict_pinyin("yin2 hang2") == "yín háng"
    assert cedict_pinyin("lu:4") == "lǜ"
    assert cedict_pinyin("zhong1 guo2 ren2") == "zhōng guó rén"
    assert cedict_pinyin("le5") == "le"
