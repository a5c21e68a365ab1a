"""YAML front matter read safely: dates YAML accepts but Python does not, alias
bombs, deep nesting, binary data and mappings where text belongs -- each a
one-line reason, never an exception that stops the import or a repr in a title."""

from __future__ import annotations

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import ImportRefused, parse
from duizhao.core.ingest.frontmatter import MAX_DEPTH, FrontMatterError, metadata

BODY = "\n社区菜园今年扩大了一倍，二十户居民分到了自己的地块。\n"


def md(front: str) -> bytes:
    return f"---\n{front}\n---\n{BODY}".encode()


def refused(front: str) -> str:
    with pytest.raises(ImportRefused) as info:
        parse(md(front), "garden.md")
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    "value",
    ["2026-13-45", "2026-02-30", "0000-01-01", "9999-99-99", "'2026-13-45'", "[2026, 13, 45]"],
)
def test_a_date_that_is_not_one_is_a_reason(value: str) -> None:
    assert "front matter date is not a date" in refused(f"title: 菜园\ndate: {value}")


def test_dates_are_read_by_duizhao_not_by_yaml() -> None:
    assert metadata("date: 2026-03-05").published == "2026-03-05"
    assert metadata("date: 2026-03-05 08:30").published == "2026-03-05T08:30"
    assert metadata("date: 2026-03-05T25:61:00").published == "2026-03-05"  # the time is not one
    assert metadata("date: 2026年3月5日").published == "2026-03-05"
    assert metadata("date: !!timestamp 2026-03-05").published == "2026-03-05"
    assert "cannot make" in refused("date: !!timestamp 2026-13-45")


def test_an_alias_bomb_is_refused_at_once() -> None:
    levels = ["a: &a ['菜园','菜园','菜园','菜园','菜园','菜园','菜园','菜园','菜园']"]
    for n in range(1, 9):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        levels.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(levels) + "\ntitle: *i"
    tracemalloc.start()
    try:
        message = refused(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "alias" in message
    assert peak < 20 * 1024 * 1024  # refused before anything was expanded


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused(style: str) -> None:
    if style == "flow":
        front = "title: " + "[" * 20_000 + "]" * 20_000
    else:
        front = "".join("  " * n + f"k{n}:\n" for n in range(MAX_DEPTH + 2)) + "  " * 40 + "v"
    assert "nested more than" in refused(front)


def test_a_huge_block_is_refused() -> None:
    assert "larger than 64 KB" in refused("title: " + "菜" * 30_000)


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("title: !!binary aGVsbG8=", "title is binary data, not text"),
        ("title: {zh: 菜园, en: garden}", "title is a mapping of fields, not text"),
        ("author: [{name: 王芳}]", "author is a list holding more than text"),
        ("source: !!set {a, b}", "source is a set, not text"),
        ('title: "\\ud800"', "lone surrogate"),
        ("title: !python/object:os.system ls", "not valid YAML"),
        ("title: &x 菜园\nsource: *x", "alias"),
        ("- just\n- a list", "not a YAML mapping"),
        ("title: [unclosed", "not valid YAML (line"),
    ],
)
def test_what_is_not_text_is_a_reason_not_a_repr(front: str, reason: str) -> None:
    assert reason in refused(front)


def test_text_numbers_and_lists_of_them_are_read() -> None:
    found = metadata("title: 2026\nauthor: [王芳, 李明]\nsource: 西岭日报\nurl: https://x.cn/1")
    assert (found.title, found.author, found.source) == ("2026", "王芳、李明", "西岭日报")
    assert found.url == "https://x.cn/1"
    assert metadata("title: ''\ntranslator: ~").title is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("title:date&*!-[]{}'\"\\\n #|>0129菜园?,")), max_size=200)
)
def test_any_front_matter_is_read_or_refused_with_a_reason(block: str) -> None:
    try:
        found = metadata(block)
    except FrontMatterError as exc:
        reason = str(exc)
    else:
        reason = ""
    assert "\n" not in reason
    if reason:
        return
    for value in (found.title, found.source, found.author, found.translator, found.url):
        assert value is None or isinstance(value, str)
