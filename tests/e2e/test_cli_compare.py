"""``duizhao compare`` and ``duizhao export-compare`` as subprocesses.

The two small articles were written for these tests (an invented ferry
terminal story, one in each script); none comes from the seed articles.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]  # the run_cli fixture of conftest.py

SIMPLIFIED = """---
title: 白沙渡轮码头将于6月启用
source: 河口晚报
---

白沙渡轮码头工程总投资约为8亿元，由港务局负责建设。

港务局已确认码头将于6月1日正式启用。

评论认为码头启用是白沙岛旅游业的转折点。

<script>alert(1)</script>码头旁边的小吃街也会同步开放。
"""

TRADITIONAL = """---
title: 白沙渡輪碼頭啟用日期未定
source: 海灣週報
---

白沙渡輪碼頭工程總投資約為9億元，港務局負責建設。

港務局尚未確認碼頭的啟用日期。

島上的民宿業者預計暑假客量增加三成。
"""


@pytest.fixture
def two_ids(tmp_path: Path, run_cli: Run) -> list[int]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "b.md").write_text(TRADITIONAL, encoding="utf-8")
    result = run_cli("import", folder, "--json")
    assert result.returncode == 0, result.err
    return sorted(r["id"] for r in result.out)


def test_compare_json_shape(run_cli: Run, two_ids: list[int]) -> None:
    result = run_cli("compare", *map(str, two_ids), "--json", timeout=120)
    assert result.returncode == 0, result.err
    data = result.out
    assert set(data) == {"articles", "topics"}
    assert [a["id"] for a in data["articles"]] == two_ids
    article_keys = {"id", "title", "outlet", "published", "url", "author"}  # with the citation
    assert all(set(a) == article_keys for a in data["articles"])
    assert [a["outlet"] for a in data["articles"]] == ["河口晚报", "海灣週報"]
    assert data["topics"]
    relations = set()
    for topic in data["topics"]:
        assert set(topic) == {"key", "label", "terms", "rows", "series"}
        assert isinstance(topic["label"], str)
        assert isinstance(topic["terms"], list)
        for row in topic["rows"]:
            assert set(row) == {"key", "claims", "relation", "reasons", "comparable", "pairs"}
            assert row["relation"] in ("contradicts", "differs", "agrees", "related")
            assert all(isinstance(r, str) for r in row["reasons"])
            relations.add(row["relation"])
            for claim in row["claims"]:
                assert set(claim) == {"article", "text", "start", "end", "source", "focus"}
                assert claim["article"] in two_ids
                assert claim["start"] <= claim["focus"][0] <= claim["focus"][1] <= claim["end"]
            for pair in row["pairs"]:
                assert set(pair) == {"articles", "relation", "reasons", "confidence", "comparable"}
                assert set(pair["articles"]) <= set(two_ids)
            strongest = max(
                (p for p in row["pairs"] if p["comparable"] == row["comparable"]),
                key=lambda p: ("related", "agrees", "differs", "contradicts").index(p["relation"]),
            )
            assert strongest["relation"] == row["relation"]
    assert relations & {"contradicts", "differs"}
    # offsets index the article's original text
    shown = run_cli("show", str(two_ids[1]), "--json")
    claim = next(
        c
        for t in data["topics"]
        for r in t["rows"]
        for c in r["claims"]
        if c["article"] == two_ids[1]
    )
    assert shown.out["text"][claim["start"] : claim["end"]] == claim["text"]


def test_compare_human_output_and_topic(run_cli: Run, two_ids: list[int]) -> None:
    result = run_cli("compare", *map(str, two_ids), timeout=120)
    assert result.returncode == 0, result.err
    assert "==" in result.out
    result = run_cli("compare", *map(str, two_ids), "--topic", "投資", "--json", timeout=120)
    assert result.returncode == 0, result.err
    assert len(result.out["topics"]) == 1


def test_compare_needs_two_distinct_articles(run_cli: Run, two_ids: list[int]) -> None:
    for args in ([str(two_ids[0])], [str(two_ids[0]), str(two_ids[0])]):
        result = run_cli("compare", *args, "--json")
        assert result.returncode == 2
        assert len(result.err.strip().splitlines()) == 1
        assert result.out == ""


def test_compare_unknown_article_fails(run_cli: Run, two_ids: list[int]) -> None:
    result = run_cli("compare", str(two_ids[0]), "999", "--json")
    assert result.returncode == 1
    assert "999" in result.err


def test_export_files(tmp_path: Path, run_cli: Run, two_ids: list[int]) -> None:
    ids = list(map(str, two_ids))
    md, table, page = tmp_path / "c.md", tmp_path / "c.csv", tmp_path / "c.html"
    for fmt, path in (("md", md), ("csv", table), ("html", page)):
        result = run_cli("export-compare", *ids, "--format", fmt, "-o", path, timeout=120)
        assert result.returncode == 0, result.err
        assert path.is_file()
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "| 关系 |" in text
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows
    assert {"topic", "row", "relation", "reasons", "article", "start", "end", "text"} <= set(
        rows[0]
    )
    assert {r["relation"] for r in rows} <= {"contradicts", "differs", "agrees", "related"}
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.rstrip().endswith("</html>")
    assert "<script" not in html.lower()
    assert "http://" not in html
    assert "https://" not in html
    assert "<link" not in html
    bad = run_cli("export-compare", ids[0], "--format", "md", "-o", tmp_path / "x.md")
    assert bad.returncode == 2
