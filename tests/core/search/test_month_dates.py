"""An article dated by month alone (2024-07) is indexed on that month."""

from __future__ import annotations

import datetime as dt

from duizhao.core.ingest import parse
from duizhao.core.library import Article
from duizhao.core.search.analysis import document_fields

TEXT = "title: 轮渡码头启用\ndate: 2024-07\n\n轮渡码头今天启用了三个泊位。\n"


def article(text: str) -> Article:
    document = parse(text.encode("utf-8"), "ferry.txt")
    return Article(1, document.text, document.metadata, document.script, "text", "utf-8",
                   "ferry.txt", "2026-01-01T00:00:00", "x")  # fmt: skip


def test_a_month_is_indexed_as_its_first_day() -> None:
    assert document_fields(article(TEXT))["published"] == dt.datetime(2024, 7, 1)


def test_a_month_that_is_not_one_is_left_out() -> None:
    fields = document_fields(article(TEXT.replace("2024-07", "2024-13")))
    assert "published" not in fields
