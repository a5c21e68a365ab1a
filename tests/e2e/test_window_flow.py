"""A researcher's first minutes, end to end, through the real window and workers:
import files, read two articles side by side, toggle a view, click an entity
that links across scripts, search the library, compare, click a claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow

pytestmark = pytest.mark.slow

MAINLAND = (
    "---\ntitle: 特朗普宣布将于四月访问北京\nsource: 东岸日报\ndate: 2026-03-01\n---\n"
    "美国总统特朗普周五表示，他将于4月访问北京，并与中方讨论关税问题。\n"
    "白宫官员说，此次访问预计持续三天，双方可能签署一项农产品采购协议。\n"
    "分析人士认为，协议规模约为200亿美元。\n"
)
TAIWAN = (
    "---\ntitle: 川普證實四月訪陸\nsource: 海峽時報\ndate: 2026-03-02\n---\n"
    "美國總統川普證實將在4月前往北京訪問，雙方將談判關稅議題。\n"
    "知情人士透露，訪問為期兩天，農產品採購協議規模約為150億美元。\n"
    "也有學者認為，協議未必能在此行簽署。\n"
)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    library = Library.open(tmp_path / "library")
    win = MainWindow(library)
    qtbot.add_widget(win)
    win.resize(1500, 900)
    win.show()
    qtbot.wait_exposed(win)
    yield win
    win.close()
    library.close()


def test_import_read_toggle_link_search_compare(window: MainWindow, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "mainland.md").write_text(MAINLAND, encoding="utf-8")
    (folder / "taiwan.md").write_text(TAIWAN, encoding="utf-8")

    # Import: both files, then the list shows them.
    with qtbot.wait_signal(window.importer.finished, timeout=60000):
        window.import_paths([folder])
    assert window.library_panel.model.rowCount() == 2
    ids = {row.title: row.id for row in window.library.summaries()}
    mainland, taiwan = ids["特朗普宣布将于四月访问北京"], ids["川普證實四月訪陸"]

    # Two articles side by side; the Taiwanese one read in Simplified.
    left, right = window.panes.panes
    window.panes.open_article(mainland, left)
    window.panes.open_article(taiwan, right)
    right.set_view("simplified")
    assert "川普证实将在4月前往北京访问" in right.text.toPlainText()

    # Entities arrive from the worker; 特朗普 and 川普 are one entity.
    qtbot.waitUntil(lambda: bool(left.entities) and bool(right.entities), timeout=120000)
    trump = {e.entity_id for e in left.entities if e.text == "特朗普"}
    assert trump
    assert trump == {e.entity_id for e in right.entities if e.text == "川普"}

    # Clicking 特朗普 in the left pane lights up 川普 in the right one.
    article_text = left.article.text
    offset = article_text.index("特朗普") + 1
    view_pos = left.view.to_view_utf16(offset, offset)[0]
    cursor = left.text.textCursor()
    cursor.setPosition(view_pos)
    point = left.text.cursorRect(cursor).center()
    QTest.mouseClick(left.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    qtbot.waitUntil(lambda: right.selected_entity in trump, timeout=5000)

    # The global toggle: both panes in 臺灣 view, the selection kept.
    window.actions.by_name["view_taiwan"].trigger()
    assert left.view_name == right.view_name == "taiwan"
    assert "美國總統特朗普週五" in left.text.toPlainText()
    assert right.selected_entity in trump

    # Search in Traditional finds the Simplified article; the hit opens marked.
    window.focus_search()
    window.search_panel.set_query("訪問北京")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() >= 1, timeout=60000)
    hits = {hit.id: hit for hit in window.search_panel.model.hits()}
    assert mainland in hits
    hit = hits[mainland]
    start, end = hit.highlights[0]
    pane = window.panes.reveal(mainland, start, end)
    assert pane is not None
    begin, stop = pane.marked_utf16()
    assert pane.view.to_original_from_utf16(begin, stop) == (start, end)

    # Compare the two open articles: the competing figures stand in one row.
    window.actions.by_name["compare_open"].trigger()
    with qtbot.wait_signal(window.compare_pane.compared, timeout=120000) as blocker:
        pass
    comparison = blocker.args[0]
    rows = [r for t in comparison.topics for r in t.rows if len({c.article for c in r.claims}) == 2]
    assert any(r.relation in ("differs", "contradicts") for r in rows)
    claim = next(c for r in rows for c in r.claims if c.article == taiwan)
    window.compare_pane.claim_activated.emit(claim.article, claim.start, claim.end)
    begin, stop = right.marked_utf16()
    assert right.view.to_original_from_utf16(begin, stop) == (claim.start, claim.end)
