"""Bylines, credit lines, header blocks, month dates and the repeated title.

All articles here are written for these tests (a harbour strike).
"""

from __future__ import annotations

import pytest

from duizhao.core.ingest import parse
from duizhao.core.ingest.dates import normalise_datetime
from duizhao.core.ingest.frontmatter import metadata as front_matter
from duizhao.core.library import ParsedDocument

BODY = (
    "港口工人从周一开始罢工，码头上的集装箱已经堆到了第三层，货车在门外排起长队。",
    "工会代表说，工人要求把夜班津贴提高一成，并且每个班次之间至少休息十二个小时。",
    "港务局表示愿意继续谈判，但认为工会的要求超出了今年的预算，双方定于周四再谈。",
)


def parse_text(*lines: str, name: str = "strike.txt") -> ParsedDocument:
    return parse(("\n".join(lines) + "\n").encode("utf-8"), name)


def rules_of(document: ParsedDocument) -> list[str]:
    return [item.rule for item in document.removed]


def test_header_block_is_metadata_and_leaves_the_body() -> None:
    document = parse_text(
        "title: 港口罢工进入第三天",
        "source: 海滨晚报",
        "url: https://example.org/news/strike-3",
        "date: 2026-03 (month only)",
        "author: 程一帆",
        "script: simplified",
        "",
        *BODY,
    )
    meta = document.metadata
    assert meta.title == "港口罢工进入第三天"
    assert meta.source == "海滨晚报"
    assert meta.url == "https://example.org/news/strike-3"
    assert meta.published == "2026-03"
    assert not meta.published_estimated
    assert meta.author == "程一帆"
    assert document.text.split("\n") == list(BODY)


def test_header_block_needs_a_blank_line_and_known_keys() -> None:
    document = parse_text("Note: 本文根据现场录音整理。", "title: 不是标题", *BODY)
    assert document.text.startswith("Note: 本文根据现场录音整理。")
    assert document.metadata.url is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07", "2024-07"),
        ("2024年7月", "2024-07"),
        ("2024/7 (from the URL)", "2024-07"),
        ("2024-07-05", "2024-07-05"),
        ("2024-13", None),
    ],
)
def test_month_only_dates(value: str, expected: str | None) -> None:
    assert normalise_datetime(value) == expected


def test_front_matter_accepts_a_month() -> None:
    assert front_matter("title: 罢工\ndate: 2024-07").published == "2024-07"


def test_byline_becomes_the_author_and_leaves_the_text() -> None:
    document = parse_text("港口罢工进入第三天", "記者林雅婷、黃美玲／台北報導", *BODY)
    assert document.metadata.author == "林雅婷、黃美玲"
    assert "byline-reporter" in rules_of(document)
    assert "林雅婷" not in document.text


def test_bracketed_byline_leaves_its_paragraph() -> None:
    document = parse_text("港口罢工进入第三天", "〔編譯李思遠／綜合報導〕" + BODY[0], *BODY[1:])
    assert document.metadata.author == "李思遠"
    assert document.text.split("\n")[0] == BODY[0]


def test_credit_block_becomes_credits_not_text() -> None:
    document = parse_text(
        "港口罢工进入第三天",
        *BODY,
        "监制：林立 编辑：周青青",
        "（編輯：陳小芬）1150214",
        "责任编辑：王一鸣",
    )
    assert document.metadata.credits == (
        ("监制", "林立"),
        ("编辑", "周青青"),
        ("編輯", "陳小芬"),
        ("责任编辑", "王一鸣"),
    )
    assert document.text.split("\n") == list(BODY)
    assert document.metadata.author is None


def test_closing_reporters_leave_the_last_sentence() -> None:
    document = parse_text("港口罢工进入第三天", *BODY[:2], BODY[2] + "（本台记者 郑小川 吴海）")
    assert document.metadata.author == "郑小川 吴海"
    assert document.text.endswith(BODY[2])


def test_furniture_goes_and_the_article_stays() -> None:
    document = parse_text(
        "港口罢工进入第三天",
        "聽新聞",
        "0:00 / 0:00",
        "更新时间：2026-03-02 10:15",
        BODY[0],
        "我是廣告 請繼續往下閱讀",
        BODY[1],
        "延伸閱讀：港口罷工第三天 物流全面受阻",
        "Newsfrom Harbour",
        BODY[2],
        "Copyright © 2026 Harbour Light Media Ltd. All rights reserved.",
    )
    assert document.text.split("\n") == list(BODY)
    assert set(rules_of(document)) >= {
        "page-chrome",
        "timestamp-label",
        "continue-reading",
        "further-reading",
        "english-section-label",
        "copyright",
    }


def test_title_repeated_under_page_furniture_is_shown_once() -> None:
    document = parse_text(
        "title: 港口罢工进入第三天",
        "source: 海滨晚报",
        "",
        "首页 | 国内 | 国际 | 财经 | 体育",
        "港口罢工进入第三天",
        *BODY,
    )
    assert document.metadata.title == "港口罢工进入第三天"
    assert document.text.split("\n") == list(BODY)
