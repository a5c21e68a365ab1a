"""The command line's edge (:mod:`duizhao.terminal`): arguments range-checked on
the way in, control characters escaped on the way out."""

from __future__ import annotations

import argparse
import io
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from duizhao import terminal


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@given(st.text())
def test_one_line_leaves_nothing_a_terminal_would_act_on(text: str) -> None:
    shown = terminal.one_line(text)
    assert "\n" not in shown
    assert "\r" not in shown
    for ch in shown:
        assert unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp"), repr(ch)
        assert ch not in "\u202e\u202d\u2066\u2067\u2068"


def test_one_line_shows_what_was_there() -> None:
    assert terminal.one_line("标题\x1b[2J\u202e") == "标题\\x1b[2J\\u202e"
    assert terminal.one_line("a\nb\tc") == "a\\x0ab\\x09c"
    assert terminal.one_line("普通的标题 ok") == "普通的标题 ok"
    assert terminal.one_line("caf\udce9.txt") == "caf\\xe9.txt"  # a byte of a non-UTF-8 name


def test_for_terminal_keeps_lines_and_escapes_the_rest_only_on_a_terminal() -> None:
    text = "第一行\x1b]0;x\x07\n第二行\t完"
    assert terminal.for_terminal(text, Tty()) == "第一行\\x1b]0;x\\x07\n第二行\t完"
    assert terminal.for_terminal(text, io.StringIO()) == text  # a pipe gets the text as it is


@pytest.mark.parametrize(
    ("parse", "good", "bad"),
    [
        (
            terminal.article_id,
            {"1": 1, " 42 ": 42, str(2**63 - 1): 2**63 - 1},
            ["0", "-1", "x", str(2**63), "1.5"],
        ),
        (terminal.limit, {"1": 1, "10000": 10000}, ["0", "10001", "nan", "1e3"]),
        (
            terminal.megabytes,
            {"0.001": 0.001, "20": 20.0},
            ["0", "-1", "nan", "inf", "1e400", "5000"],
        ),
        (terminal.path_text, {"lib": "lib", "/tmp/x y": "/tmp/x y"}, ["", "  ", "a\x00b"]),
    ],
)
def test_arguments_are_checked_at_the_edge(parse, good: dict, bad: list[str]) -> None:
    for text, value in good.items():
        assert parse(text) == value
    for text in bad:
        with pytest.raises(argparse.ArgumentTypeError) as info:
            parse(text)
        assert "\n" not in str(info.value)
