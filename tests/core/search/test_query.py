"""The query language of :mod:`duizhao.core.search.query`: every syntax element, the
warnings for what a user may mistype, and the only errors (:class:`QueryError`).

Nothing a user types may end in anything but a :class:`Parsed` or a
:class:`QueryError` with a one-line message. The Chinese words here were
written for these tests (a cable car over a river, a harbour's lighthouse).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from duizhao.core.search import QueryError, parse
from duizhao.core.search.query import (
    FIELD_ALIASES,
    MAX_QUERY_CHARS,
    MAX_TERMS,
    NOTHING,
    And,
    DateRange,
    Filter,
    Node,
    Not,
    Or,
    Parsed,
    Term,
    parse_date_range,
)

D = dt.date


def t(text: str, field: str | None = None, phrase: bool = False) -> Term:
    return Term(text, field, phrase)


def terms(node: Node) -> list[Term]:
    """Every Term in the tree, negated or not, in order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, And | Or):
        return [found for child in node.children for found in terms(child)]
    if isinstance(node, Not):
        return terms(node.child)
    return []


def depth(node: Node) -> int:
    if isinstance(node, And | Or):
        return 1 + max(depth(child) for child in node.children)
    if isinstance(node, Not):
        return 1 + depth(node.child)
    return 1


def has_warning(parsed: Parsed, *fragments: str) -> bool:
    return any(all(f in w for f in fragments) for w in parsed.warnings)


# -- words, phrases, operators ---------------------------------------------------------


def test_words_are_anded_and_a_chinese_run_is_one_term() -> None:
    parsed = parse("索道 跨江大桥")
    assert parsed.tree == And((t("索道"), t("跨江大桥")))
    assert parsed.warnings == []


def test_a_single_word_is_a_term() -> None:
    assert parse("灯塔").tree == t("灯塔")
    assert parse("  灯塔\t").tree == t("灯塔")


@pytest.mark.parametrize(
    "query",
    ['"跨江 索道"', "“跨江 索道”", "「跨江 索道」", "『跨江 索道』", "＂跨江 索道＂"],
)
def test_every_kind_of_quote_makes_a_phrase(query: str) -> None:
    parsed = parse(query)
    assert parsed.tree == t("跨江 索道", phrase=True)
    assert parsed.warnings == []


def test_phrase_next_to_words() -> None:
    assert parse("渔船 “远处 灯塔” 码头").tree == And(
        (t("渔船"), t("远处 灯塔", phrase=True), t("码头"))
    )


def test_phrase_is_trimmed_and_an_empty_one_is_dropped() -> None:
    assert parse("“  索道  ”").tree == t("索道", phrase=True)
    assert parse('灯塔 ""').tree == t("灯塔")


@pytest.mark.parametrize("op", ["OR", "or", "Or", "|", "||", "或"])
def test_or_spellings(op: str) -> None:
    assert parse(f"索道 {op} 灯塔").tree == Or((t("索道"), t("灯塔")))


@pytest.mark.parametrize("op", ["AND", "and", "&&", "&", "且"])
def test_and_spellings(op: str) -> None:
    assert parse(f"索道 {op} 灯塔").tree == And((t("索道"), t("灯塔")))


@pytest.mark.parametrize("query", ["码头 NOT 渔船", "码头 not 渔船", "码头 -渔船", "码头 非 渔船"])
def test_not_spellings(query: str) -> None:
    assert parse(query).tree == And((t("码头"), Not(t("渔船"))))


def test_minus_inside_a_word_is_part_of_the_word() -> None:
    assert parse("新-旧").tree == t("新-旧")


def test_plus_is_accepted_and_means_nothing() -> None:
    assert parse("+索道 +灯塔").tree == And((t("索道"), t("灯塔")))


def test_and_binds_tighter_than_or() -> None:
    assert parse("索道 乘客 OR 灯塔").tree == Or((And((t("索道"), t("乘客"))), t("灯塔")))
    assert parse("索道 OR 灯塔 OR 渡轮").tree == Or((t("索道"), t("灯塔"), t("渡轮")))


@pytest.mark.parametrize(
    "query", ["(索道 OR 灯塔) AND 乘客", "（索道 或 灯塔） 且 乘客", "(索道 | 灯塔) 乘客"]
)
def test_grouping_with_ascii_and_full_width_brackets(query: str) -> None:
    assert parse(query).tree == And((Or((t("索道"), t("灯塔"))), t("乘客")))


def test_not_applies_to_a_group_and_double_not_cancels_in_meaning() -> None:
    assert parse("乘客 -(索道 OR 灯塔)").tree == And((t("乘客"), Not(Or((t("索道"), t("灯塔"))))))
    parsed = parse("乘客 NOT NOT 灯塔")
    assert parsed.tree == And((t("乘客"), Not(Not(t("灯塔")))))
    assert parsed.positive_terms() == [t("乘客"), t("灯塔")]


def test_positive_terms_leave_out_excluded_words_and_metadata_fields() -> None:
    parsed = parse('索道 -灯塔 title:码头 source:江城日报 author:陈立 "扫码 进站" body:软件')
    assert parsed.positive_terms() == [
        t("索道"),
        t("码头", "title"),
        t("扫码 进站", phrase=True),
        t("软件", "body"),
    ]


def test_urls_are_words_not_fields() -> None:
    parsed = parse("https://example.org/a 索道")
    assert parsed.tree == And((t("https://example.org/a"), t("索道")))
    assert parsed.warnings == []


# -- fields ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("title:灯塔", "title"),
        ("TITLE:灯塔", "title"),
        ("body:灯塔", "body"),
        ("source:灯塔", "source"),
        ("author:灯塔", "author"),
        ("title：灯塔", "title"),  # full-width colon
    ]
    + [(f"{alias}:灯塔", name) for alias, name in FIELD_ALIASES.items() if name != "date"]
    + [(f"{alias}：灯塔", name) for alias, name in FIELD_ALIASES.items() if name != "date"],
)
def test_text_fields_and_their_aliases(query: str, field: str) -> None:
    parsed = parse(query)
    assert parsed.tree == t("灯塔", field)
    assert parsed.warnings == []


def test_every_chinese_alias_is_covered() -> None:
    assert {"标题", "標題", "来源", "來源", "作者"} <= set(FIELD_ALIASES)


@pytest.mark.parametrize(
    "query",
    ['title:"远处 灯塔"', "title:“远处 灯塔”", "标题:「远处 灯塔」", "title：『远处 灯塔』"],
)
def test_field_with_a_phrase(query: str) -> None:
    assert parse(query).tree == t("远处 灯塔", "title", phrase=True)


@pytest.mark.parametrize("value", ["simplified", "traditional", "mixed", "unknown", "Traditional"])
def test_script_filter(value: str) -> None:
    parsed = parse(f"script:{value} 灯塔")
    assert parsed.tree == And((Filter("script", value.lower()), t("灯塔")))
    assert parsed.warnings == []


def test_filters_and_dates_are_not_highlighted() -> None:
    parsed = parse("script:traditional date:2026 灯塔")
    assert parsed.positive_terms() == [t("灯塔")]


# -- dates ----------------------------------------------------------------------------

DATE_FORMS = [
    ("2026", D(2026, 1, 1), D(2026, 12, 31)),
    ("2026-03", D(2026, 3, 1), D(2026, 3, 31)),
    ("2026-3", D(2026, 3, 1), D(2026, 3, 31)),
    ("2026-02", D(2026, 2, 1), D(2026, 2, 28)),
    ("2028-02", D(2028, 2, 1), D(2028, 2, 29)),
    ("2026-12", D(2026, 12, 1), D(2026, 12, 31)),
    ("2026-03-01", D(2026, 3, 1), D(2026, 3, 1)),
    ("2026/3/5", D(2026, 3, 5), D(2026, 3, 5)),
    ("2026.03.05", D(2026, 3, 5), D(2026, 3, 5)),
    ("2026年3月", D(2026, 3, 1), D(2026, 3, 31)),
    ("2026年3月5日", D(2026, 3, 5), D(2026, 3, 5)),
    ("2026-02-01..2026-03-15", D(2026, 2, 1), D(2026, 3, 15)),
    ("2025..2026-02", D(2025, 1, 1), D(2026, 2, 28)),
    ("2026-03..", D(2026, 3, 1), None),
    ("..2026-03", None, D(2026, 3, 31)),
    ("[2026-01 TO 2026-02]", D(2026, 1, 1), D(2026, 2, 28)),
    ("[2026-01-10 to 2026-01-20]", D(2026, 1, 10), D(2026, 1, 20)),
    (">=2026-03-01", D(2026, 3, 1), None),
    (">=2026-03", D(2026, 3, 1), None),
    (">2026-03", D(2026, 4, 1), None),
    (">2026-12-31", D(2027, 1, 1), None),
    ("<=2026-03", None, D(2026, 3, 31)),
    ("<=2026", None, D(2026, 12, 31)),
    ("<2026-03", None, D(2026, 2, 28)),
    ("<2026-03-01", None, D(2026, 2, 28)),
]


@pytest.mark.parametrize(("value", "start", "end"), DATE_FORMS)
def test_date_range_forms(value: str, start: D | None, end: D | None) -> None:
    assert parse_date_range(value) == DateRange(start, end)


@pytest.mark.parametrize(("value", "start", "end"), DATE_FORMS)
@pytest.mark.parametrize("name", ["date", "published", "DATE"])
def test_date_forms_typed_in_a_query(value: str, start: D | None, end: D | None, name: str) -> None:
    parsed = parse(f"{name}:{value} 灯塔")
    assert parsed.tree == And((DateRange(start, end), t("灯塔")))
    assert parsed.warnings == []


def test_a_date_range_alone_is_a_query() -> None:
    assert parse("date:2025-12").tree == DateRange(D(2025, 12, 1), D(2025, 12, 31))


@pytest.mark.parametrize(
    "value",
    ["soon", "2026-13", "2026-02-30", "26-03", "..", ">=", "<", "[2026 TO]x", "2026..x", "x..2026"],
)
def test_bad_dates_are_none(value: str) -> None:
    assert parse_date_range(value) is None


# -- warnings: best effort, never an error ------------------------------------------------

WARNED = [
    ('"远处 灯塔', t("远处 灯塔", phrase=True), ("unbalanced quote",)),
    ("“远处 灯塔", t("远处 灯塔", phrase=True), ("unbalanced quote", "“")),
    ("「远处 灯塔", t("远处 灯塔", phrase=True), ("unbalanced quote", "「")),
    ("码头 (索道 OR 灯塔", And((t("码头"), Or((t("索道"), t("灯塔"))))), ("unbalanced '('",)),
    ("码头 索道) 灯塔", And((And((t("码头"), t("索道"))), t("灯塔"))), ("unbalanced ')'",)),
    (") 灯塔", t("灯塔"), ("unbalanced ')'",)),
    ("OR 灯塔", t("灯塔"), ("OR with nothing",)),
    ("灯塔 OR", t("灯塔"), ("OR with nothing",)),
    ("灯塔 OR OR 码头", Or((t("灯塔"), t("码头"))), ("OR with nothing",)),
    ("AND 灯塔", t("灯塔"), ("AND with nothing before",)),
    ("灯塔 NOT", t("灯塔"), ("NOT with nothing after",)),
    ("(灯塔 NOT) 码头", And((t("灯塔"), t("码头"))), ("NOT with nothing after",)),
    ("灯塔 colour:红色", And((t("灯塔"), t("colour:红色"))), ("unknown field 'colour:'",)),
    ("灯塔 script:klingon", t("灯塔"), ("script:klingon", "simplified")),
    ("灯塔 date:someday", t("灯塔"), ("date:someday", "not a date")),
    ("灯塔 date:2026-13", t("灯塔"), ("date:2026-13",)),
    ("灯塔 title:", t("灯塔"), ("title:", "nothing after")),
]


@pytest.mark.parametrize(("query", "tree", "warning"), WARNED)
def test_mistakes_give_best_effort_and_a_warning(
    query: str, tree: Node, warning: tuple[str, ...]
) -> None:
    parsed = parse(query)
    assert parsed.tree == tree
    assert has_warning(parsed, *warning), parsed.warnings
    assert all("\n" not in w for w in parsed.warnings)


def test_warnings_are_not_repeated() -> None:
    parsed = parse("OR 灯塔 OR OR 码头 OR")
    assert len(parsed.warnings) == len(set(parsed.warnings)) == 1


def test_unknown_field_message_names_the_fields_that_exist() -> None:
    (warning,) = parse("colour:红色").warnings
    for name in ("title", "source", "author", "script", "date"):
        assert name in warning


def test_control_characters_are_spaces() -> None:
    parsed = parse("灯塔\x00码头\x07\x1b[31m")
    assert parsed.tree == And((t("灯塔"), t("码头"), t("[31m")))


# -- limits --------------------------------------------------------------------------------


def test_max_terms_are_kept_without_warning() -> None:
    parsed = parse(" ".join(f"词{i}" for i in range(MAX_TERMS)))
    assert len(terms(parsed.tree)) == MAX_TERMS
    assert parsed.warnings == []


def test_terms_past_the_limit_are_dropped_with_one_warning() -> None:
    for joiner in (" ", " | "):
        parsed = parse(joiner.join(f"词{i}" for i in range(MAX_TERMS + 40)))
        assert terms(parsed.tree) == [t(f"词{i}") for i in range(MAX_TERMS)]
        assert f"more than {MAX_TERMS} terms: the rest ignored" in parsed.warnings
        assert not has_warning(parsed, "longer than")


def test_query_of_max_chars_has_no_warning() -> None:
    parsed = parse("灯" * MAX_QUERY_CHARS)
    assert parsed.tree == t("灯" * MAX_QUERY_CHARS)
    assert parsed.warnings == []


def test_a_10000_character_query_is_cut_with_a_warning() -> None:
    parsed = parse("灯" * 10_000)
    assert parsed.tree == t("灯" * MAX_QUERY_CHARS)
    assert has_warning(parsed, f"longer than {MAX_QUERY_CHARS}")


def test_ten_thousand_characters_of_syntax() -> None:
    parsed = parse("码头 " + '(索道 OR "灯塔" -渔船) ' * 500)
    assert has_warning(parsed, "longer than")
    assert len(terms(parsed.tree)) <= MAX_TERMS


@pytest.mark.parametrize(
    "query",
    [
        "(" * 990 + "灯塔",
        "（" * 490 + "灯塔" + "）" * 490,
        "NOT " * 240 + "灯塔 码头",
        "+" * 990 + "灯塔",
    ],
)
def test_deep_nesting_is_bounded_not_a_crash(query: str) -> None:
    parsed = parse(query)
    assert t("灯塔") in terms(parsed.tree)
    assert depth(parsed.tree) <= 80


@pytest.mark.parametrize(
    "query", ["-" * 990 + "灯塔", "-(" * 490 + "灯塔", "码头 " + "-" * 33 + "灯塔"]
)
def test_deep_negation_is_bounded_not_a_crash(query: str) -> None:
    try:
        tree: Node | None = parse(query).tree
    except QueryError as exc:
        tree, message = None, str(exc)
    if tree is None:
        assert "excludes" in message
    else:
        assert depth(tree) <= 80


# -- errors ---------------------------------------------------------------------------------

ERRORS = [
    ("", "empty"),
    ("   ", "empty"),
    ("\t\n\u3000", "empty"),
    ("\x00\x07\x1b", "empty"),
    ("OR", "nothing to search"),
    ("AND", "nothing to search"),
    ("NOT", "nothing to search"),
    ("-", None),
    ("OR AND ||", "nothing to search"),
    ("()", "nothing to search"),
    ("（ ）", "nothing to search"),
    ('""', "nothing to search"),
    ("「」", "nothing to search"),
    ("date:someday", "date:someday"),
    ("script:klingon", "script:klingon"),
    ("title:", "title:"),
    ("NOT 渔船", "only excludes"),
    ("-渔船", "only excludes"),
    ("-渔船 -码头", "only excludes"),
    ("-(渔船 OR 码头)", "only excludes"),
    ("非 渔船", "only excludes"),
]


@pytest.mark.parametrize(("query", "message"), ERRORS)
def test_nothing_to_search_is_a_query_error_with_one_line(query: str, message: str | None) -> None:
    if message is None:  # "-" alone is a word; the engine finds nothing searchable in it
        assert parse(query).tree == t("-")
        return
    with pytest.raises(QueryError) as caught:
        parse(query)
    text = str(caught.value)
    assert message in text
    assert text
    assert "\n" not in text


def test_query_error_is_a_value_error() -> None:
    assert issubclass(QueryError, ValueError)


# -- anything at all --------------------------------------------------------------------------

SYNTAX = list('()（）"“”「」『』＂-+:：|&*[]. \t\n') + [
    "OR ",
    " AND ",
    "NOT ",
    "title:",
    "标题：",
    "date:",
    "script:",
    "source:",
    "..",
    " TO ",
    ">=",
    "<",
    "2026",
    "-03",
    "灯塔",
    "軟體",
    "\x00",
    "\u2028",
]
SYNTAX_TEXT = st.lists(st.sampled_from(SYNTAX), max_size=80).map("".join)


def check_parse(query: str) -> None:
    try:
        parsed = parse(query)
    except QueryError as exc:
        message = str(exc)
        parsed = None
    if parsed is None:
        assert message
        assert "\n" not in message
        return
    assert isinstance(parsed, Parsed)
    assert parsed.tree is not None
    assert all(isinstance(w, str) and "\n" not in w for w in parsed.warnings)
    assert len(parsed.warnings) == len(set(parsed.warnings))
    assert len(terms(parsed.tree)) <= MAX_TERMS
    for term in parsed.positive_terms():
        assert term.text.strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
@example("(" * 1200)
@example('date:[2026 TO 2027] "a')
def test_any_text_parses_or_is_a_query_error(query: str) -> None:
    check_parse(query)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SYNTAX_TEXT)
def test_any_mix_of_syntax_parses_or_is_a_query_error(query: str) -> None:
    check_parse(query)


# -- dates at the ends of the calendar, and ranges typed backwards ---------------------------


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        (">=9999-12-31", D.max, None),
        ("<=0001-01-01", None, D.min),
        ("0001..9999", D.min, D.max),
        ("9999-12", D(9999, 12, 1), D.max),
    ],
)
def test_the_first_and_last_days_there_can_be(value: str, start: D | None, end: D | None) -> None:
    assert parse_date_range(value) == DateRange(start, end)


@pytest.mark.parametrize("value", [">9999-12-31", ">9999", "<0001-01-01", "<0001"])
def test_beyond_the_calendar_matches_nothing_with_a_note(value: str) -> None:
    parsed = parse(f"灯塔 date:{value}")
    assert parsed.tree == And((t("灯塔"), NOTHING))
    assert parsed.warnings == [f"date:{value}: no date can be there, so nothing matches"]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2026-03..2026-01", D(2026, 1, 1), D(2026, 3, 31)),
        ("[2027 TO 2025]", D(2025, 1, 1), D(2027, 12, 31)),
        ("2026-03-05..2026-03-04", D(2026, 3, 4), D(2026, 3, 5)),
    ],
)
def test_a_range_typed_backwards_is_read_in_order_with_a_note(value: str, start: D, end: D) -> None:
    parsed = parse(f"date:{value}")
    assert parsed.tree == DateRange(start, end)
    assert parsed.warnings == [
        f"date:{value} ends before it starts: searched {start.isoformat()}..{end.isoformat()}"
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["", ">", ">=", "<", "<="]),
    st.integers(min_value=0, max_value=99999),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=0, max_value=99),
)
def test_any_date_comparison_parses(op: str, year: int, month: int, day: int) -> None:
    check_parse(f"date:{op}{year:04d}-{month:02d}-{day:02d}")
    check_parse(f"date:{year:04d}..{op}{year:04d}")
