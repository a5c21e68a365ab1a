"""Metadata written into the text (title, source, author, translator, dates), estimates, dates."""

from __future__ import annotations

import pytest

from duizhao.core.ingest import parse
from duizhao.core.ingest.dates import latest_date, normalise_datetime
from duizhao.core.ingest.lines import Lines
from duizhao.core.ingest.metadata import ESTIMATED_TITLE_MAX, estimate, extract
from duizhao.core.library import Metadata, ParsedDocument

TITLE = "山区小学迎来第一批支教老师"
BODY = (
    "九月初，六名刚毕业的师范生坐了五个小时的汽车，来到山区的一所小学，开始为期一年的支教工作。",
    "学校原本只有四位老师，要负责一百多名学生的全部课程，音乐和美术课已经停了好几个学期。",
    "新来的老师们分头接手了英语、音乐和科学课，还利用周末时间为学生补习数学和语文。",
    "校长说，孩子们第一次上音乐课的时候特别兴奋，下课铃响了也不肯离开教室。",
)


def parse_lines(*lines: str, name: str = "school.txt") -> ParsedDocument:
    return parse(("\n".join(lines) + "\n").encode("utf-8"), name)


def removed(document: ParsedDocument) -> list[tuple[str, str]]:
    return [(item.rule, item.text) for item in document.removed]


def body_only(document: ParsedDocument) -> None:
    assert document.text.split("\n") == list(BODY)


# -- 原创 title ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", [f"原创 {TITLE}", f"原创：{TITLE}", f"原创{TITLE}", f"原創 {TITLE}"]
)
def test_original_marker_line_is_the_title(line: str) -> None:
    document = parse_lines(line, *BODY)
    assert document.metadata.title == TITLE
    assert document.metadata.original is True
    assert not document.metadata.title_estimated
    assert ("metadata:title", line) in removed(document)
    body_only(document)


def test_original_marker_only_counts_on_the_first_line() -> None:
    line = "原创 这一行不在开头"
    document = parse_lines(TITLE, BODY[0], line, *BODY[1:])
    assert document.metadata.title == TITLE
    assert document.metadata.original is False
    assert line in document.text


# -- 来源 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "source", "published"),
    [
        ("来源：山区日报 2025年10月28日", "山区日报", "2025-10-28"),
        (
            "来源：山区日报（Mountain Daily）2025年10月28日",
            "山区日报（Mountain Daily）",
            "2025-10-28",
        ),
        ("來源:山區日報", "山區日報", None),
        ("来源: 山区日报 | 2025-10-28 09:30", "山区日报", "2025-10-28T09:30"),
        ("（来源：教育周刊）", "教育周刊", None),
        ("Source: Mountain Daily", "Mountain Daily", None),
        ("出处：教育周刊", "教育周刊", None),
    ],
)
def test_source_line(line: str, source: str, published: str | None) -> None:
    document = parse_lines(TITLE, line, *BODY)
    assert document.metadata.source == source
    if published is None:
        assert document.metadata.published_estimated or document.metadata.published is None
    else:
        assert document.metadata.published == published
        assert not document.metadata.published_estimated
    assert ("metadata:source", line) in removed(document)
    body_only(document)


def test_source_line_at_the_foot_is_read_too() -> None:
    document = parse_lines(TITLE, *BODY, "来源：教育周刊")
    assert document.metadata.source == "教育周刊"
    body_only(document)


# -- 作者 / 文 / 译者 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("作者：林晓", "林晓"),
        ("作者:林晓", "林晓"),
        ("文 |林晓", "林晓"),
        ("文|林晓", "林晓"),
        ("文/林晓", "林晓"),
        ("文丨林晓", "林晓"),
        ("记者：林晓", "林晓"),
        ("記者：林曉", "林曉"),
        ("撰文：林晓", "林晓"),
        ("作者：林晓 编|周洋", "林晓"),
        ("By: Lin Xiao", "Lin Xiao"),
        ("作者：Lin Xiao (林晓)", "Lin Xiao (林晓)"),
    ],
)
def test_author_line(line: str, author: str) -> None:
    document = parse_lines(TITLE, line, *BODY)
    assert document.metadata.author == author
    assert ("metadata:author", line) in removed(document)
    body_only(document)


@pytest.mark.parametrize(
    ("line", "translator"),
    [("译者：周洋", "周洋"), ("譯者：周洋", "周洋"), ("编译：周洋", "周洋"), ("翻译/周洋", "周洋")],
)
def test_translator_line(line: str, translator: str) -> None:
    document = parse_lines(TITLE, line, *BODY)
    assert document.metadata.translator == translator
    assert document.metadata.author is None
    assert ("metadata:translator", line) in removed(document)
    body_only(document)


def test_source_author_and_translator_together() -> None:
    document = parse_lines(TITLE, "来源：教育周刊 2025年9月30日", "作者：林晓", "译者：周洋", *BODY)
    meta = document.metadata
    assert (meta.title, meta.source, meta.author, meta.translator, meta.published) == (
        TITLE,
        "教育周刊",
        "林晓",
        "周洋",
        "2025-09-30",
    )
    body_only(document)


def test_first_author_line_wins() -> None:
    document = parse_lines(TITLE, "作者：林晓", "作者：周洋", *BODY)
    assert document.metadata.author == "林晓"


@pytest.mark.parametrize(
    "line",
    [
        "文章说，学校的条件在这几年里有了明显的改善，但老师仍然不够。",
        "作者在这篇文章里回忆了自己第一次走进山区教室时的心情，以及学生们好奇的眼神和问题。",
    ],
)
def test_prose_that_starts_like_a_label_is_not_metadata(line: str) -> None:
    document = parse_lines(TITLE, BODY[0], line, *BODY[1:])
    assert document.metadata.author is None
    assert line in document.text


# -- Date-time line, account name and counter -----------------------------------------------


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("2026-02-11 08:42:17", "2026-02-11T08:42:17"),
        ("2026年1月24日 16:27", "2026-01-24T16:27"),
        ("2026/1/24", "2026-01-24"),
        ("2026.01.24 08:05", "2026-01-24T08:05"),
        ("2026年01月24日", "2026-01-24"),
        ("  2026-01-24  ", "2026-01-24"),
    ],
)
def test_leading_date_time_line(line: str, published: str) -> None:
    document = parse_lines(TITLE, line, *BODY)
    assert document.metadata.published == published
    assert not document.metadata.published_estimated
    assert ("metadata:published", line.strip()) in removed(document)
    body_only(document)


def test_date_time_line_before_the_title() -> None:
    document = parse_lines("2026-02-11 08:42:17", TITLE, *BODY)
    assert document.metadata.published == "2026-02-11T08:42:17"
    assert document.metadata.title == TITLE
    body_only(document)


def test_platform_header_title_account_date_counter() -> None:
    document = parse_lines(f"原创 {TITLE}", "山里的教书人", "2026-02-11 08:42:17", "0", "", *BODY)
    meta = document.metadata
    assert meta.title == TITLE
    assert meta.original
    assert meta.author == "山里的教书人"
    assert meta.published == "2026-02-11T08:42:17"
    assert removed(document) == [
        ("metadata:title", f"原创 {TITLE}"),
        ("metadata:author", "山里的教书人"),
        ("metadata:published", "2026-02-11 08:42:17"),
        ("head-counter", "0"),
    ]
    assert [item.line for item in document.removed] == [1, 2, 3, 4]
    body_only(document)


def test_account_name_under_a_plain_title() -> None:
    document = parse_lines(TITLE, "山里的教书人", "2026年1月24日 16:27", "12", *BODY)
    assert document.metadata.title == TITLE
    assert document.metadata.author == "山里的教书人"
    assert document.metadata.published == "2026-01-24T16:27"
    body_only(document)


def test_a_sentence_above_the_date_is_not_an_account_name() -> None:
    sentence = "这是一句话，不是账号名。"
    document = parse_lines(f"原创 {TITLE}", sentence, "2026-02-11 08:42:17", *BODY)
    assert document.metadata.author is None
    assert sentence in document.text


def test_an_author_line_wins_over_the_account_name() -> None:
    document = parse_lines(f"原创 {TITLE}", "作者：林晓", "2026-02-11 08:42:17", *BODY)
    assert document.metadata.author == "林晓"


def test_lone_counter_only_under_the_header() -> None:
    document = parse_lines(TITLE, BODY[0], BODY[1], "3", BODY[2], BODY[3])
    assert "3" in document.text.split("\n")


def test_date_lines_inside_the_body_stay_in_the_text() -> None:
    # a timeline: the dates below the first paragraph are part of the article
    document = parse_lines(TITLE, BODY[0], "2025-09-01", BODY[1], "2025-09-15", BODY[2])
    assert document.text.split("\n") == [BODY[0], "2025-09-01", BODY[1], "2025-09-15", BODY[2]]
    assert document.metadata.published == "2025-09-15"
    assert document.metadata.published_estimated


# -- Title from a heading line, and estimates -----------------------------------------------


def test_short_first_line_is_the_title() -> None:
    document = parse_lines(TITLE, *BODY)
    assert document.metadata.title == TITLE
    assert not document.metadata.title_estimated
    assert removed(document) == [("metadata:title", TITLE)]
    body_only(document)


@pytest.mark.parametrize(
    "first",
    [BODY[0], "山区小学迎来第一批支教老师。", "2026年9月1日山区小学迎来支教老师", "x" * 61],
    ids=["prose", "ends-with-full-stop", "has-a-date", "too-long"],
)
def test_first_line_that_is_not_a_heading_stays(first: str) -> None:
    document = parse_lines(first, *BODY[1:])
    assert first in document.text.split("\n")
    assert not any(rule == "metadata:title" for rule, _ in removed(document))
    assert document.metadata.title_estimated


def test_a_single_line_is_not_taken_as_its_own_title() -> None:
    document = parse_lines(TITLE)
    assert document.text == TITLE
    assert document.metadata.title == TITLE
    assert document.metadata.title_estimated


def test_title_estimated_from_the_first_sentence() -> None:
    document = parse_lines(*BODY)
    meta = document.metadata
    assert meta.title_estimated
    assert meta.title is not None
    assert BODY[0].startswith(meta.title.rstrip("…"))
    assert len(meta.title) <= ESTIMATED_TITLE_MAX
    assert meta.title.endswith("…")


def test_short_first_sentence_is_the_estimated_title_whole() -> None:
    document = parse_lines("孩子们很喜欢新老师。" + BODY[1], *BODY[2:])
    assert document.metadata.title == "孩子们很喜欢新老师。"
    assert document.metadata.title_estimated


@pytest.mark.parametrize(
    "first",
    [
        "新学期开始以后，这所只有一百多名学生的山区小学迎来了六位年轻的支教老师和一批捐赠的乐器。",
        "新学期开始以后这所只有一百多名学生的山区小学迎来了六位年轻的支教老师和一批捐赠的乐器和图书。",
    ],
    ids=["with-commas", "no-break"],
)
def test_long_first_sentence_is_shortened_with_an_ellipsis(first: str) -> None:
    metadata = Metadata()
    estimate(first + "\n" + BODY[1], metadata)
    assert metadata.title_estimated
    assert metadata.title is not None
    assert metadata.title.endswith("…")
    assert len(metadata.title) <= ESTIMATED_TITLE_MAX
    assert first.startswith(metadata.title[:-1])
    assert not metadata.title[:-1].endswith(("，", ","))


def test_estimated_date_is_the_latest_full_date_in_the_text() -> None:
    text = "\n".join(
        [
            BODY[0],
            "学校在2025年9月1日开学，第一次家长会定在2025年9月20日。",
            "到了2025年12月，学生们在县里的比赛中拿了奖，2026年3月还要再比一次。",
            "支教计划最早是在2024-05-06提出的。",
        ]
    )
    document = parse_lines(TITLE, text)
    assert document.metadata.published == "2025-09-20"
    assert document.metadata.published_estimated


def test_no_date_anywhere_leaves_published_empty() -> None:
    document = parse_lines(TITLE, *BODY)
    assert document.metadata.published is None
    assert not document.metadata.published_estimated


def test_invalid_dates_in_the_text_are_not_estimates() -> None:
    document = parse_lines(TITLE, BODY[0], "有人把日期写成了2026年2月30日，这一天并不存在。")
    assert document.metadata.published is None


def test_latest_date_keeps_the_time_of_the_latest_day() -> None:
    assert latest_date("2025-01-02 08:00 以及 2025-03-04 09:15") == "2025-03-04T09:15"
    assert latest_date("没有日期") is None


# -- Front matter wins over the text --------------------------------------------------------


def test_front_matter_values_win_over_in_text_ones() -> None:
    text = "\n".join(
        [
            "---",
            "title: 支教老师的一年",
            "source: 教育周刊",
            "author: 周洋",
            "translator: 林晓",
            "date: 2025-12-01",
            "---",
            f"原创 {TITLE}",
            "来源：山区日报 2025年10月28日",
            "作者：王川",
            "译者：赵云",
            *BODY,
        ]
    )
    document = parse(text.encode("utf-8"), "year.md")
    meta = document.metadata
    assert (meta.title, meta.source, meta.author, meta.translator, meta.published) == (
        "支教老师的一年",
        "教育周刊",
        "周洋",
        "林晓",
        "2025-12-01",
    )
    assert not meta.title_estimated
    assert not meta.published_estimated
    # the lines were still recognised as metadata and left the text
    assert document.text.split("\n") == list(BODY)


def test_front_matter_fills_only_what_the_text_does_not_say() -> None:
    text = "---\nsource: 教育周刊\n---\n" + "\n".join([TITLE, "作者：王川", *BODY])
    meta = parse(text.encode("utf-8"), "a.md").metadata
    assert (meta.title, meta.source, meta.author) == (TITLE, "教育周刊", "王川")


def test_extract_does_not_overwrite_fields_already_set() -> None:
    lines = Lines("\n".join([TITLE, "作者：王川", *BODY]))
    metadata = Metadata(author="周洋")
    extract(lines, metadata)
    assert metadata.author == "周洋"
    assert metadata.title == TITLE


def test_estimate_does_not_overwrite_stated_values() -> None:
    metadata = Metadata(title="已知标题", published="2025-01-01")
    estimate("\n".join(BODY) + "\n2026年5月5日", metadata)
    assert (metadata.title, metadata.published) == ("已知标题", "2025-01-01")
    assert not metadata.title_estimated
    assert not metadata.published_estimated


# -- dates.normalise_datetime ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-11 08:42:17", "2026-02-11T08:42:17"),
        ("2026-01-24T16:27", "2026-01-24T16:27"),
        ("2026/1/24", "2026-01-24"),
        ("2026.1.24", "2026-01-24"),
        ("2026年1月24日 16:27", "2026-01-24T16:27"),
        ("2026年1月24号", "2026-01-24"),
        ("2026年1月24日16时", "2026-01-24"),
        ("发布时间：2026-01-24 16：27", "2026-01-24T16:27"),
        ("2026-02-11T08:42:17Z", "2026-02-11T08:42:17+00:00"),
        ("2026-02-11T08:42:17.250Z", "2026-02-11T08:42:17+00:00"),
        ("2026-02-11T08:42:17+0800", "2026-02-11T08:42:17+08:00"),
        ("2026-02-11T08:42:17+08:00", "2026-02-11T08:42:17+08:00"),
        ("2026-02-11T08:42:17-0500", "2026-02-11T08:42:17-05:00"),
        ("2024-02-29", "2024-02-29"),
        ("2026-02-30", None),
        ("2025-02-29", None),
        ("2026-13-01", None),
        ("2026-00-10", None),
        ("2026-01-24 25:61", "2026-01-24"),
        ("1899-01-01", None),
        ("没有日期", None),
        ("", None),
    ],
)
def test_normalise_datetime(text: str, expected: str | None) -> None:
    assert normalise_datetime(text) == expected


def test_normalise_datetime_takes_the_first_date() -> None:
    assert normalise_datetime("2025-01-01 至 2025-12-31") == "2025-01-01"
