"""The cleaning rules in resources/cleaning/rules.yaml, run through the whole parse().

Every rule's ``examples`` must be removed and its ``keep`` lines kept when they sit
inside an ordinary article; the removed pieces are recorded with their rule and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from duizhao.core.ingest import default_rules, parse
from duizhao.core.ingest.cleaning import (
    HEAD_LINES,
    KINDS,
    Rule,
    RuleError,
    parse_rules,
    removed_summary,
)
from duizhao.core.library import ParsedDocument
from duizhao.core.resources import read_text

RULES = default_rules()

#: This module's own article (a night market), written for these tests.
TITLE = "老街夜市周末恢复营业"
BODY = (
    "停业三个月的老街夜市将在本周末重新开放，摊位数量比以前减少了一些，但通道变得更加宽敞。",
    "市场管理处介绍说，这次整修更换了全部的排水管道，并在每个路口增加了消防设施和指示牌。",
    "重新报名的摊主有一百二十多家，其中既有经营多年的老字号，也有刚刚从外地回来的年轻人。",
    "一位卖豆花的摊主说，停业期间她在家里研究了新的口味，希望开业第一天就能让老顾客尝到。",
    "为了减少拥堵，管理处建议市民乘坐公共交通前往，附近的两个停车场在晚上会延长开放时间。",
    "周边居民此前反映夜市收摊太晚，这次调整后，所有摊位必须在晚上十一点之前结束营业。",
    "管理处还表示，将安排专人每天检查食品卫生情况，发现问题的摊位会被暂停经营一周。",
    "据了解，夜市的第二期整修将在明年春节以后开始，届时会增加一个室内的休息区域。",
)
#: What a "related news" block looks like after a copy: short or truncated titles and times.
LINKS = (
    "河边新开的咖啡馆...",
    "2025-11-02 09:15:30",
    "老城区改造方案正式公布，居民可以在…",
    "2025-11-02 08:40:12",
    "图书馆延长开放时间",
    "2025-11-01 19:05:44",
    "周末音乐节门票开售...",
    "2025-11-01 18:30:00",
)


def rule_cases(attribute: str, kinds: tuple[str, ...] = KINDS) -> list[object]:
    return [
        pytest.param(rule, text, id=f"{rule.id}-{index}")
        for rule in RULES.rules
        if rule.kind in kinds
        for index, text in enumerate(getattr(rule, attribute))
    ]


def parse_lines(lines: list[str] | tuple[str, ...]) -> ParsedDocument:
    return parse(("\n".join(lines) + "\n").encode("utf-8"), "market.txt")


def removed_by(document: ParsedDocument, rule_id: str) -> list[tuple[str, int]]:
    return [(item.text, item.line) for item in document.removed if item.rule == rule_id]


def cleaning_removals(document: ParsedDocument) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in document.removed if not r.rule.startswith("metadata:")]


def embed(rule: Rule, text: str) -> tuple[list[str], int]:
    """An article with ``text`` where ``rule`` looks for it, and the 0-based index of that line."""
    if rule.kind == "head":
        return [TITLE, text, *BODY], 1
    if rule.kind == "tail":
        return [TITLE, *BODY, text, *LINKS], len(BODY) + 1
    return [TITLE, *BODY[:4], text, *BODY[4:]], 5


# -- The rule file itself -------------------------------------------------------------------


def test_the_rule_file_loads_with_rules_of_every_kind() -> None:
    assert RULES.version >= 1
    assert {rule.kind for rule in RULES.rules} == set(KINDS)
    assert len({rule.id for rule in RULES.rules}) == len(RULES.rules)


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda rule: rule.id)
def test_every_rule_has_examples(rule: Rule) -> None:
    assert rule.examples, f"rule {rule.id} has no examples to test it with"
    assert rule.description


@pytest.mark.parametrize(("rule", "example"), rule_cases("examples", ("line", "head", "tail")))
def test_rule_matches_its_examples(rule: Rule, example: str) -> None:
    assert rule.matches(example)


@pytest.mark.parametrize(("rule", "keep"), rule_cases("keep"))
def test_rule_does_not_match_its_keep_lines(rule: Rule, keep: str) -> None:
    if rule.kind == "inline":
        assert rule.pattern.search(keep) is None
    else:
        assert not rule.matches(keep)


# -- Examples are removed, keep lines kept, inside a real article ---------------------------


def first_rule_for(line: str, kind: str) -> str:
    """The rule cleaning records for ``line``: line rules run first, in file order."""
    order = RULES.of_kind("line") + (RULES.of_kind("head") if kind == "head" else [])
    return next(rule.id for rule in order if rule.matches(line))


@pytest.mark.parametrize(("rule", "example"), rule_cases("examples", ("line", "head")))
def test_line_and_head_examples_are_removed_and_recorded(rule: Rule, example: str) -> None:
    lines, index = embed(rule, example)
    document = parse_lines(lines)
    assert example.strip() not in document.text.split("\n")
    # an example another rule also matches is recorded under the earlier rule
    recorded = first_rule_for(example, rule.kind)
    assert removed_by(document, recorded) == [(example.strip(), index + 1)]
    assert document.text.split("\n") == list(BODY)
    assert document.metadata.title == TITLE


@pytest.mark.parametrize(("rule", "example"), rule_cases("examples", ("inline",)))
def test_inline_examples_lose_the_match_and_keep_the_sentence(rule: Rule, example: str) -> None:
    lines, index = embed(rule, example)
    document = parse_lines(lines)
    match = rule.pattern.search(example)
    assert match is not None
    sentence = rule.pattern.sub("", example).strip()
    assert sentence, "an inline example must have a sentence around the match"
    assert sentence in document.text.split("\n")
    assert match.group(0) not in document.text
    assert (match.group(0), index + 1) in removed_by(document, rule.id)


@pytest.mark.parametrize(("rule", "example"), rule_cases("examples", ("tail",)))
def test_tail_heading_and_the_link_list_after_it_are_removed(rule: Rule, example: str) -> None:
    lines, index = embed(rule, example)
    document = parse_lines(lines)
    assert document.text.split("\n") == list(BODY)
    expected = [(text.strip(), number) for number, text in enumerate(lines[index:], index + 1)]
    assert removed_by(document, rule.id) == expected
    # the timestamps of the links were not taken as the article's date
    assert document.metadata.published is None


@pytest.mark.parametrize(("rule", "keep"), rule_cases("keep", ("line", "inline", "tail")))
def test_keep_lines_survive(rule: Rule, keep: str) -> None:
    lines, _ = embed(rule, keep)
    document = parse_lines(lines)
    assert keep in document.text.split("\n")
    assert cleaning_removals(document) == [] or rule.kind == "tail"
    assert removed_by(document, rule.id) == []


@pytest.mark.parametrize(("rule", "keep"), rule_cases("keep", ("head",)))
def test_head_keep_lines_are_not_removed_by_the_head_rule(rule: Rule, keep: str) -> None:
    lines, _ = embed(rule, keep)
    document = parse_lines(lines)
    assert removed_by(document, rule.id) == []
    # it may be metadata (a date under the title), but never counted as boilerplate
    assert keep in document.text.split("\n") or any(
        r.text == keep and r.rule.startswith("metadata:") for r in document.removed
    )


# -- How line, head and tail rules are limited ----------------------------------------------


def test_head_rule_only_looks_at_the_first_lines() -> None:
    lines = [TITLE, *BODY[:HEAD_LINES], "12", *BODY[HEAD_LINES:]]
    document = parse_lines(lines)
    assert "12" in document.text.split("\n")
    assert removed_by(document, "head-counter") == []


def test_line_rule_max_length_protects_long_paragraphs() -> None:
    long_line = "欢迎关注" + "".join(BODY)  # a call-to-action word in a long paragraph
    assert len(long_line) > 200
    document = parse_lines([TITLE, *BODY[:3], long_line, *BODY[3:]])
    assert long_line in document.text.split("\n")


def test_tail_rule_does_not_cut_when_prose_follows_the_heading() -> None:
    lines = [TITLE, *BODY[:5], "相关新闻", *BODY[5:]]
    document = parse_lines(lines)
    assert "相关新闻" in document.text.split("\n")
    for paragraph in BODY:
        assert paragraph in document.text
    assert removed_by(document, "related-links-tail") == []


def test_tail_rule_does_not_cut_in_the_first_half() -> None:
    lines = [TITLE, BODY[0], "相关内容", *LINKS, *LINKS]
    document = parse_lines(lines)
    assert removed_by(document, "related-links-tail") == []
    assert "相关内容" in document.text.split("\n")
    assert LINKS[0] in document.text


def test_tail_rule_cuts_the_same_list_in_the_second_half() -> None:
    # the control for the test above: only the amount of prose before the heading differs
    lines = [TITLE, *BODY, "相关内容", *LINKS, *LINKS]
    document = parse_lines(lines)
    assert document.text.split("\n") == list(BODY)
    assert len(removed_by(document, "related-links-tail")) == 1 + 2 * len(LINKS)


def test_tail_rule_needs_something_after_the_heading() -> None:
    document = parse_lines([TITLE, *BODY, "热门资讯"])
    assert "热门资讯" in document.text.split("\n")


def test_first_matching_line_rule_wins_and_is_recorded_once() -> None:
    line = "![]()"
    document = parse_lines([TITLE, *BODY[:2], line, line, *BODY[2:]])
    assert removed_by(document, "image-placeholder") == [(line, 4), (line, 5)]
    assert removed_by(document, "image-inline") == []


def test_removed_summary_counts_per_rule() -> None:
    lines = [TITLE, "0", *BODY[:3], "![]()", "[图片]", *BODY[3:], "![]()", "—END—"]
    document = parse_lines(lines)
    summary = removed_summary(document.removed)
    assert summary == {
        "metadata:title": 1,
        "head-counter": 1,
        "image-placeholder": 2,
        "image-marker": 1,
        "end-mark": 1,
    }
    assert [r.line for r in document.removed] == sorted(r.line for r in document.removed)


# -- Idempotence ----------------------------------------------------------------------------


def _all_examples() -> list[str]:
    return [text for rule in RULES.rules for text in rule.examples if rule.kind != "head"]


def test_cleaning_an_article_full_of_boilerplate_twice_changes_nothing() -> None:
    lines = [TITLE, "12"]
    for paragraph, example in zip(BODY, _all_examples(), strict=False):
        lines.extend([paragraph, example])
    lines.extend(["相关内容", *LINKS])
    first = parse_lines(lines)
    assert first.removed
    second = parse(first.text.encode("utf-8"), "again.txt")
    assert cleaning_removals(second) == []
    assert second.text == first.text


BOILERPLATE = [text for rule in RULES.rules for text in (*rule.examples, *rule.keep)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    middle=st.lists(st.sampled_from([*BODY, *BOILERPLATE, *LINKS, ""]), max_size=24),
    tail=st.booleans(),
)
def test_cleaning_is_idempotent(middle: list[str], tail: bool) -> None:
    lines = [TITLE, BODY[0], *middle, BODY[-1]]
    if tail:
        lines.extend(["相关阅读", *LINKS])
    first = parse_lines(lines)
    second = parse(first.text.encode("utf-8"), "again.txt")
    assert cleaning_removals(second) == [], first.text
    assert second.text == first.text


# -- Errors in a rule file ------------------------------------------------------------------


def _rules_yaml(*entries: str) -> str:
    return "version: 3\nrules:\n" + "".join(entries)


GOOD = "  - id: good\n    kind: line\n    pattern: '^好$'\n"


def test_a_custom_rule_file_parses() -> None:
    rules = parse_rules(_rules_yaml(GOOD, "  - id: other\n    pattern: 'x'\n"))
    assert rules.version == 3
    assert [r.id for r in rules.rules] == ["good", "other"]
    assert rules.rules[1].kind == "line"  # the default kind


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_rules_yaml(GOOD, "  - id: broken\n    pattern: '(未闭合'\n"), "bad pattern"),
        (_rules_yaml("  - id: odd\n    kind: paragraph\n    pattern: 'x'\n"), "kind must be"),
        (_rules_yaml(GOOD, GOOD), "duplicate"),
        (_rules_yaml("  - kind: line\n    pattern: 'x'\n"), "needs an 'id'"),
        (_rules_yaml("  - id: nopattern\n"), "needs an 'id' and a 'pattern'"),
        (_rules_yaml("  - just a string\n"), "needs an 'id'"),
        ("version: 1\nrules: {a: 1}\n", "list of 'rules'"),
        ("- a\n- b\n", "list of 'rules'"),
        ("version: 1\nrules: [\n", "not valid YAML"),
    ],
    ids=[
        "bad-regex",
        "unknown-kind",
        "duplicate-id",
        "no-id",
        "no-pattern",
        "not-a-mapping",
        "rules-not-list",
        "top-not-mapping",
        "bad-yaml",
    ],
)
def test_rule_file_errors_raise_rule_error(text: str, reason: str) -> None:
    with pytest.raises(RuleError, match=re.escape(reason)):
        parse_rules(text)


def test_rule_error_names_the_rule() -> None:
    with pytest.raises(RuleError, match="broken"):
        parse_rules(_rules_yaml("  - id: broken\n    pattern: '[z-a]'\n"))


def test_custom_rules_are_used_by_parse(parse_text: Callable[..., ParsedDocument]) -> None:
    rules = parse_rules(_rules_yaml("  - id: weather\n    pattern: '^今日天气'\n"))
    lines = [TITLE, BODY[0], "今日天气：晴", "![]()", BODY[1]]
    document = parse_text("\n".join(lines), rules=rules)
    assert "今日天气：晴" not in document.text
    assert "![]()" in document.text  # the default rules are not in this set
    assert document.cleaner_version == 3


def test_the_packaged_rule_file_is_the_default() -> None:
    assert parse_rules(read_text("cleaning/rules.yaml")) == RULES


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("![]()对此你怎么看？", "reader-question"),
        ("![]()[图片]", "image-marker"),
        ("![配图]()—END—", "end-mark"),
    ],
)
def test_boilerplate_left_by_an_inline_rule_is_removed_in_the_same_pass(
    line: str, rule_id: str
) -> None:
    document = parse_lines([TITLE, *BODY[:3], line, *BODY[3:]])
    assert document.text.split("\n") == list(BODY)
    rules_on_the_line = sorted(r.rule for r in document.removed if r.line == 5)
    assert rules_on_the_line == sorted(["image-inline", rule_id])
    again = parse(document.text.encode("utf-8"), "again.txt")
    assert cleaning_removals(again) == []


def test_a_second_related_heading_left_in_the_second_half_is_cut_in_the_same_pass() -> None:
    # Cutting the last link list moves the half-way point: a heading that was in the
    # first half may now be in the second, followed by short lines; cleaning again
    # must not find it, so the first pass cuts it already.
    captions = ["图为新修的排水管道。", "图为路口的消防栓。", "图为夜市的入口。"]
    lines = [TITLE, BODY[0], BODY[1], "相关内容", *captions, BODY[-1], "相关阅读", *LINKS]
    first = parse_lines(lines)
    again = parse(first.text.encode("utf-8"), "again.txt")
    assert cleaning_removals(again) == []
    assert again.text == first.text
    assert first.text.split("\n")[:2] == [BODY[0], BODY[1]]
