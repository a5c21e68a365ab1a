"""Citations: every field in RIS (read back with rispy) and CSL-JSON (checked
against the CSL-JSON schema's rules for the fields used), CJK intact.

The articles are written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import rispy

from duizhao.core.ingest import parse
from duizhao.core.library import (
    CITATION_FORMATS,
    Library,
    citation,
    csl_items,
    to_csl_json,
    to_ris,
)

STRIKE = (
    "title: 港口罷工進入第三天：工會與港務局週四再談\n"
    "source: 海濱晚報 Harbour Evening\n"
    "url: https://example.org/news/strike-3?lang=zh&page=2\n"
    "date: 2026-03-04\n"
    "author: 林雅婷、黃美玲\n"
    "\n"
    "港口工人從週一開始罷工，碼頭上的貨櫃已經堆到了第三層，貨車在門外排起長隊。\n"
    "工會代表說，工人要求把夜班津貼提高一成，並且每個班次之間至少休息十二小時。\n"
)
MARKET = (
    "title: 老街夜市周末恢复营业\n"
    "source: 东岸日报\n"
    "date: 2025-11\n"
    "\n"
    "停业三个月的老街夜市将在本周末重新开放，摊位数量比以前减少了一些。\n"
    "市场管理处介绍说，这次整修更换了全部的排水管道，并增加了消防设施。\n"
)
BARE = "没有标题也没有来源的一段文字，只说码头今天恢复了部分作业。\n"


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    """A library of the three articles above, imported in this order."""
    with Library.open(tmp_path / "library") as opened:
        for name, text in (("strike.txt", STRIKE), ("market.txt", MARKET), ("bare.txt", BARE)):
            opened.add(parse(text.encode("utf-8"), name), name)
        yield opened


@pytest.fixture
def ids(library: Library) -> list[int]:
    return library.ids()


def test_ris_reads_back_with_every_field(library: Library, ids: list[int]) -> None:
    strike, market, bare = ids
    text = to_ris(citation(library.get(i)) for i in (bare, strike, market))
    records = rispy.loads(text)
    assert [r["id"] for r in records] == [f"duizhao-{i}" for i in sorted(ids)]
    first = records[0]
    assert first["type_of_reference"] == "NEWS"
    assert first["title"] == "港口罷工進入第三天：工會與港務局週四再談"
    assert first["authors"] == ["林雅婷", "黃美玲"]
    assert first["secondary_title"] == "海濱晚報 Harbour Evening"
    assert first["year"] == "2026"
    assert first["date"] == "2026/03/04/"
    assert first["urls"] == ["https://example.org/news/strike-3?lang=zh&page=2"]
    assert first["language"] == "zh-Hant"
    second = records[1]
    assert second["date"] == "2025/11//"  # a month, no day
    assert second["language"] == "zh-Hans"
    assert "urls" not in second
    assert "authors" not in second
    assert records[2]["title"]  # an article without title or source still cites


#: CSL-JSON's item types (csl-data.json, CSL 1.0.2) that may appear here, and its
#: name and date variables: what the schema checks for the fields this writer uses.
CSL_TYPES = {"article-newspaper"}
NAME_KEYS = {"family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle"}
STRING_FIELDS = {"id", "type", "title", "container-title", "URL", "language"}
DATE_FIELDS = {"issued", "accessed"}
NAME_FIELDS = {"author"}


def check_csl_item(item: dict[str, object]) -> None:
    assert {"id", "type"} <= set(item)  # the schema's only required fields
    assert item["type"] in CSL_TYPES
    assert set(item) <= STRING_FIELDS | DATE_FIELDS | NAME_FIELDS
    for key in STRING_FIELDS & set(item):
        assert isinstance(item[key], str)
        assert item[key]
    for key in NAME_FIELDS & set(item):
        names = item[key]
        assert isinstance(names, list)
        for name in names:
            assert isinstance(name, dict)
            assert set(name) <= NAME_KEYS
            assert all(isinstance(v, str) and v for v in name.values())
    for key in DATE_FIELDS & set(item):
        date = item[key]
        assert isinstance(date, dict)
        assert set(date) <= {"date-parts", "circa", "literal", "raw", "season"}
        parts = date["date-parts"]
        assert isinstance(parts, list)
        assert 1 <= len(parts) <= 2
        for part in parts:
            assert 1 <= len(part) <= 3
            assert all(isinstance(p, int) for p in part)
            if len(part) >= 2:
                assert 1 <= part[1] <= 12
            if len(part) == 3:
                assert 1 <= part[2] <= 31


def test_csl_json_is_valid_and_complete(library: Library, ids: list[int]) -> None:
    strike, market, bare = ids
    items = json.loads(to_csl_json(citation(library.get(i)) for i in (market, bare, strike)))
    assert isinstance(items, list)
    for item in items:
        check_csl_item(item)
    assert [item["id"] for item in items] == [f"duizhao-{i}" for i in sorted(ids)]
    first = items[0]
    assert first["title"] == "港口罷工進入第三天：工會與港務局週四再談"
    assert first["author"] == [{"literal": "林雅婷"}, {"literal": "黃美玲"}]
    assert first["container-title"] == "海濱晚報 Harbour Evening"
    assert first["issued"] == {"date-parts": [[2026, 3, 4]]}
    assert first["URL"] == "https://example.org/news/strike-3?lang=zh&page=2"
    assert first["language"] == "zh-Hant"
    assert len(first["accessed"]["date-parts"][0]) == 3
    assert items[1]["issued"] == {"date-parts": [[2025, 11]]}


def test_csl_json_keeps_cjk_as_written(library: Library, ids: list[int]) -> None:
    text = to_csl_json([citation(library.get(ids[0]))])
    assert "港口罷工進入第三天" in text  # not \\u escapes


def test_same_output_for_any_order(library: Library, ids: list[int]) -> None:
    for write in CITATION_FORMATS.values():
        forwards = write(citation(library.get(i)) for i in ids)
        backwards = write(citation(library.get(i)) for i in reversed(ids))
        assert forwards == backwards


def test_an_estimated_date_is_marked(library: Library, ids: list[int]) -> None:
    items = csl_items([citation(library.get(ids[2]))])
    issued = items[0].get("issued")
    if issued is not None:  # the bare text's date, if any, was estimated
        assert issued.get("circa") is True


def test_line_breaks_in_a_value_stay_on_one_ris_line(library: Library, ids: list[int]) -> None:
    record = citation(library.get(ids[0]))
    broken = type(record)(
        **{**{f: getattr(record, f) for f in record.__slots__}, "title": "甲\n乙"}
    )
    assert rispy.loads(to_ris([broken]))[0]["title"] == "甲 乙"
