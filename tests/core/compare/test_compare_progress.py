"""duizhao.core.compare.comparison: progress, cancellation, stable keys and bad input
through a library.

Every sentence here was written for these tests (an invented mountain
reservoir story in an invented county); none comes from the seed articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.compare import CompareError, compare
from duizhao.core.compare.comparison import CompareCancelled, Document, compare_documents
from duizhao.core.ingest import import_paths
from duizhao.core.library import ArticleNotFound, Library
from duizhao.core.text import Script

A = (
    "云岭县水库加固工程总投资约为6亿元，由县水利局负责。\n"
    "县水利局已确认工程将于9月1日完工。\n"
    "评论认为水库加固是云岭县防汛的转折点。\n"
    "专家预计水库蓄水量将增加三成。"
)
B = (
    "雲嶺縣水庫加固工程總投資約為8億元，縣水利局負責。\n"
    "縣水利局尚未確認完工日期。\n"
    "專家預計水庫蓄水量將增加30%。"
)
C = (
    "云岭县水库加固工程总投资约为六亿元。\n"
    "县水利局表示工程将于9月15日完工。\n"
    "也有评论认为水库加固的象征意义大于实际作用。"
)


def docs() -> list[Document]:
    return [
        Document(1, "甲", A, Script.SIMPLIFIED),
        Document(2, "乙", B, Script.TRADITIONAL),
        Document(3, "丙", C, Script.SIMPLIFIED),
    ]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a", A), ("b", B), ("c", C)):
        (folder / f"{name}.md").write_text(f"---\ntitle: 水库{name}\n---\n\n{text}\n", "utf-8")
    lib = Library.open(tmp_path / "lib")
    results = import_paths(lib, [folder])
    assert all(r.id is not None for r in results)
    return lib


def test_progress_counts_up_to_its_total() -> None:
    calls: list[tuple[int, int, str]] = []
    result = compare_documents(docs(), progress=lambda d, t, m: calls.append((d, t, m)))
    assert result.topics
    done = [d for d, _t, _m in calls]
    assert done == list(range(1, len(calls) + 1))
    assert all(d <= t for d, t, _m in calls)
    assert calls[-1][0] == calls[-1][1]
    assert len(calls) >= len(docs()) + 1  # each article, then the topics
    assert all(m for _d, _t, m in calls)


def test_cancel_between_articles_raises_compare_cancelled() -> None:
    calls: list[int] = []

    def progress(done: int, total: int, message: str) -> None:
        calls.append(done)

    with pytest.raises(CompareCancelled):
        compare_documents(docs(), progress=progress, cancelled=lambda: len(calls) >= 1)
    assert calls == [1]


def test_cancel_before_anything_starts() -> None:
    with pytest.raises(CompareCancelled):
        compare_documents(docs(), cancelled=lambda: True)


def test_compare_of_a_library_reports_entities_per_article(library: Library) -> None:
    ids = library.ids()
    messages: list[str] = []
    with library:
        result = compare(library, ids, entities=False, progress=lambda d, t, m: messages.append(m))
    assert [i for i, _title in result.articles] == ids
    assert sum(m.startswith("Entities of") for m in messages) == len(ids)
    assert sum(m.startswith("Claims of") for m in messages) == len(ids)


def test_cancel_in_a_library_comparison(library: Library) -> None:
    with library, pytest.raises(CompareCancelled):
        compare(library, library.ids(), entities=False, cancelled=lambda: True)


def test_unknown_or_single_ids_are_clear_errors(library: Library) -> None:
    ids = library.ids()
    with library:
        with pytest.raises(ArticleNotFound, match="no article with id 999"):
            compare(library, [ids[0], 999], entities=False)
        with pytest.raises(CompareError, match="two different articles"):
            compare(library, [ids[0], ids[0]], entities=False)


def test_row_and_topic_keys_are_stable_across_recomputation() -> None:
    first = compare_documents(docs())
    second = compare_documents(list(reversed(docs())))
    keys = {t.key: {r.key for r in t.rows} for t in first.topics}
    again = {t.key: {r.key for r in t.rows} for t in second.topics}
    assert keys == again
    for topic in first.topics:
        assert topic.key.startswith("t")
        row_keys = [r.key for r in topic.rows]
        assert len(row_keys) == len(set(row_keys))  # no row twice in a topic
        for row in topic.rows:
            assert row.key.startswith("r")
            assert len(row.key) <= 16


def test_row_key_depends_on_the_claims_spans() -> None:
    result = compare_documents(docs())
    rows = [r for t in result.topics for r in t.rows]
    by_key: dict[str, set[tuple[int, int, int]]] = {}
    for r in rows:
        spans = {(c.article, c.start, c.end) for c in r.claims}
        assert by_key.setdefault(r.key, spans) == spans


def test_json_keeps_the_cli_contract() -> None:
    data = compare_documents(docs()).to_json()
    assert set(data) == {"articles", "topics"}
    for topic in data["topics"]:  # type: ignore[attr-defined]
        assert {"label", "terms", "rows"} <= set(topic)
        for row in topic["rows"]:
            assert {"claims", "relation", "reasons"} <= set(row)
