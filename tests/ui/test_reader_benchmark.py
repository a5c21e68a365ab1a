"""Timing of a view toggle with re-highlighting (the issue's target: < 100 ms median
for a 20,000-character article). Printed, never asserted: run with
``pytest -m slow -s tests/ui/test_reader_benchmark.py``. The test itself checks
that every toggle leaves every span highlighted."""

from __future__ import annotations

import re
import statistics
import time

import pytest

from duizhao.core.entities.recognition import Entity
from duizhao.core.library import Article, Metadata
from duizhao.core.text import VIEWS, Script, ViewCache, build_view
from duizhao.ui.reader import ReadingPane

NAMES = [
    ("特朗普", "PERSON", "donald-trump"),
    ("川普", "PERSON", "donald-trump"),
    ("北京", "PLACE", "beijing"),
    ("星海软件公司", "ORG", "name:星海软件公司"),
    ("2026年3月5日", "DATE", "date:2026-03-05"),
    ("一百一十八亿美元", "NUMBER", "number:118亿美元"),
    ("数据中心", "PLACE", "name:数据中心"),
    ("分析人士", "PERSON", "name:分析人士"),
]
SENTENCES = [
    "特朗普在北京表示，星海软件公司的内存产品很受欢迎。",
    "川普随后补充，2026年3月5日将投资一百一十八亿美元建设数据中心。",
    "分析人士认为，这款软件的信息安全仍有不足，用户应当打印备份。",
    "北京方面回应称，相关程序已经完成，网络运营一切正常。",
]


def article_and_entities(chars: int = 20_000) -> tuple[Article, list[Entity]]:
    paragraphs, size, k = [], 0, 0
    while size < chars:
        paragraph = "".join(SENTENCES[(k + j) % len(SENTENCES)] for j in range(3))
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
        k += 1
    text = "\n".join(paragraphs)[:chars]
    entities = []
    for name, kind, entity_id in NAMES:
        for match in re.finditer(re.escape(name), text):
            entities.append(Entity(match.start(), match.end(), name, kind, entity_id, name))
    entities.sort(key=lambda e: e.start)
    metadata = Metadata(title="基准")
    article = Article(1, text, metadata, Script.SIMPLIFIED, "text", "utf-8", "b.txt", "", "bench")
    return article, entities


def formatted_ranges(pane: ReadingPane) -> int:
    count, block = 0, pane.text.document().begin()
    while block.isValid():
        count += len(block.layout().formats())
        block = block.next()
    return count


@pytest.mark.slow
def test_view_toggle_timing(qtbot) -> None:
    article, entities = article_and_entities()
    pane = ReadingPane(ViewCache())
    qtbot.add_widget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.wait_exposed(pane)
    pane.show_article(article)
    pane.set_entities(entities)
    start = time.perf_counter()
    for view in VIEWS:  # OpenCC loads its dictionaries once per process
        build_view("预热", Script.SIMPLIFIED, view)
    loading = (time.perf_counter() - start) * 1000
    cold = {}
    for view in VIEWS[1:] + VIEWS[:1]:
        start = time.perf_counter()
        pane.set_view(view)
        cold[view] = (time.perf_counter() - start) * 1000
        assert formatted_ranges(pane) == len(entities)
    warm = []
    for _ in range(10):
        for view in VIEWS:
            start = time.perf_counter()
            pane.set_view(view)
            warm.append((time.perf_counter() - start) * 1000)
            assert formatted_ranges(pane) == len(entities)
    select = []
    for k in range(20):
        start = time.perf_counter()
        pane.set_selected_entity("donald-trump" if k % 2 else None)
        select.append((time.perf_counter() - start) * 1000)
    print(
        f"\n{len(article.text)} characters, {len(entities)} entity spans, "
        f"{article.text.count(chr(10)) + 1} paragraphs\n"
        f"loading the OpenCC configurations (once per process): {loading:.0f} ms\n"
        f"first toggle into each view (conversion included): "
        + ", ".join(f"{v} {ms:.0f} ms" for v, ms in cold.items())
        + f"\ntoggle, views cached: median {statistics.median(warm):.1f} ms, "
        f"max {max(warm):.1f} ms\n"
        f"selecting a linked entity: median {statistics.median(select):.1f} ms"
    )
