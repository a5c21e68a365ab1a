"""Bad input never crashes the pane: empty text, wild offsets, odd characters, one huge line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from duizhao.core.entities.recognition import Entity
from duizhao.core.library import Article, Metadata
from duizhao.core.text import VIEWS, Script, ViewCache
from duizhao.ui.reader import ReadingPane


def make_article(text: str, article_id: int = 1) -> Article:
    return Article(
        article_id,
        text,
        Metadata(),
        Script.SIMPLIFIED,
        "text",
        "utf-8",
        "odd.txt",
        "",
        f"hash-{article_id}-{len(text)}",
    )


@pytest.fixture
def pane(qtbot) -> ReadingPane:
    widget = ReadingPane(ViewCache())
    qtbot.add_widget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def test_everything_on_an_empty_article(qtbot, pane: ReadingPane) -> None:
    pane.show_article(make_article(""))
    assert "odd.txt" in pane.header.text()  # the file name stands in for a title
    assert pane.set_entities([Entity(0, 2, "北京", "PLACE", "beijing", "北京")])
    assert pane.entities == []
    for view in VIEWS:
        pane.set_view(view)
    pane.mark_range(5, 10)
    assert pane.marked_utf16() == (0, 0)
    pane.open_find()
    pane.findbar.field.setText("北京")
    assert pane.findbar.label() == "No matches"
    assert pane.paragraph_at_top() == (0, 0.0)
    pane.scroll_to_paragraph(3, 0.5)
    pane.scroll_to_original(-5)
    assert pane.first_visible_original() == 0
    assert pane.text.char_at(QPoint(5, 5)) is None
    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    menu = pane.text.context_menu_at(QPoint(5, 5))
    assert all(a.objectName() not in ("searchEntity", "searchSelection") for a in menu.actions())
    menu.deleteLater()


def test_methods_before_any_article_do_nothing(pane: ReadingPane) -> None:
    assert not pane.set_entities([Entity(0, 1, "x", "PLACE", "x", "x")])
    pane.mark_range(0, 10)
    pane.scroll_to_paragraph(2, 0.3)
    pane.set_selected_entity("x")
    pane.set_view("taiwan")
    pane.zoom_in()
    assert pane.article_id is None
    assert pane.paragraph_at_top() == (0, 0.0)


def test_out_of_range_entities_are_ignored(pane: ReadingPane) -> None:
    text = "北京和上海。"
    pane.show_article(make_article(text))
    wild = [
        Entity(0, 2, "北京", "PLACE", "beijing", "北京"),
        Entity(3, 5, "上海", "PLACE", "shanghai", "上海"),
        Entity(-3, 1, "?", "PLACE", "negative", "?"),
        Entity(4, 2, "?", "PLACE", "backwards", "?"),
        Entity(5, 500, "?", "PLACE", "too-far", "?"),
        Entity(900, 901, "?", "PLACE", "far-away", "?"),
    ]
    assert pane.set_entities(wild)
    assert [e.entity_id for e in pane.entities] == ["beijing", "shanghai"]
    assert [s.entity_id for s in pane.text.highlighter.spans] == ["beijing", "shanghai"]
    pane.mark_range(4, -20)  # backwards and negative: clamped, not an error
    assert pane.marked == (0, 4)


def test_odd_characters_keep_the_offsets(pane: ReadingPane) -> None:
    text = "甲\r\n乙北京\u2029丙\x00上海\u2028丁𠀋𠀋香港\t完"
    pane.show_article(make_article(text))
    names = ["北京", "上海", "香港"]
    pane.set_entities([Entity(text.index(n), text.index(n) + 2, n, "PLACE", n, n) for n in names])
    for view in ("original", "traditional"):
        pane.set_view(view)
        found = []
        for span in pane.text.highlighter.spans:
            cursor = QTextCursor(pane.text.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            found.append(cursor.selectedText())
        assert found == (names if view == "original" else ["北京", "上海", "香港"])


def test_a_single_line_of_100000_characters(qtbot, pane: ReadingPane) -> None:
    unit = "这是一段没有换行的很长的文字，北京的数据在这里。"
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    pane.show_article(make_article(text))
    starts = [k for k in range(len(text) - 1) if text.startswith("北京", k)]
    pane.set_entities([Entity(k, k + 2, "北京", "PLACE", "beijing", "北京") for k in starts])
    assert len(pane.text.highlighter.spans) == len(starts) > 3000
    pane.set_view("taiwan")
    end = len(text) - 10
    pane.mark_range(end, end + 5, flash=False)
    assert pane.first_visible_original() > 90_000
    index, fraction = pane.paragraph_at_top()
    assert index == 0
    assert fraction > 0.9
    pane.scroll_to_paragraph(0, 0.5)
    assert abs(pane.first_visible_original() - 50_000) < 200
    pane.open_find()
    pane.findbar.field.setText("北京")
    assert len(pane.findbar.matches) == len(starts)
    assert len(pane.text.extraSelections()) == 201  # drawn near the current one, plus the mark
