"""Find inside a pane: counting, moving between matches, keys, odd needles, views."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from duizhao.core.library import Article, Metadata
from duizhao.core.text import Script, ViewCache
from duizhao.ui.reader import ReadingPane
from duizhao.ui.reader.colors import mark_color
from duizhao.ui.reader.findbar import find_all, fold_script

TEXT = (
    "这款软件的内存不足。\n"
    "价格(美元)上涨.*三成，软件商说 a.b 不是 axb。\n"
    + "\n".join(f"第{n}段：新软件上线，用户反馈良好。" for n in range(1, 120))
    + "\n最后一段：Software 与 SOFTWARE 都是软件。"
)


@pytest.fixture
def pane(qtbot) -> ReadingPane:
    article = Article(
        7, TEXT, Metadata(title="软件"), Script.SIMPLIFIED, "text", "utf-8", "s.txt", "", "f1"
    )
    widget = ReadingPane(ViewCache())
    qtbot.add_widget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.wait_exposed(widget)
    widget.show_article(article)
    return widget


def current_text(pane: ReadingPane) -> str:
    match = pane.findbar.current_match()
    assert match is not None
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(match[0])
    cursor.setPosition(match[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_find_all_is_literal_and_case_insensitive() -> None:
    assert find_all("a.b axb A.B", "a.b", any_script=False) == [(0, 3), (8, 11)]
    assert find_all("(美元).*", "(美元).*") == [(0, 6)]
    assert find_all("abc", "") == []
    assert find_all("", "abc") == []
    assert find_all("软件 軟件", "软件") == [(0, 2), (3, 5)]
    assert find_all("软件 軟件", "软件", any_script=False) == [(0, 2)]
    assert find_all("的" * 50, "的", limit=10) == [(k, k + 1) for k in range(10)]


def test_fold_script_keeps_every_offset() -> None:
    text = "軟體記憶體𠀋乾隆\x00\ud800後"
    assert len(fold_script(text)) == len(text)
    assert fold_script("軟體").startswith("软")


def test_find_counts_and_moves_between_matches(qtbot, pane: ReadingPane) -> None:
    pane.open_find()
    assert pane.findbar.isVisible()
    pane.findbar.field.insert("软件")  # (QTest types ASCII only)
    total = TEXT.count("软件")
    assert len(pane.findbar.matches) == total
    assert pane.findbar.label() == f"1 / {total}"
    qtbot.keyClick(pane.findbar.field, Qt.Key.Key_Return)
    assert pane.findbar.label() == f"2 / {total}"
    qtbot.keyClick(pane.findbar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane.findbar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.findbar.label() == f"{total} / {total}"  # wraps round
    assert current_text(pane) == "软件"
    start = pane.findbar.current_match()[0]  # type: ignore[index]
    assert pane.view is not None
    last_line = pane.view.to_original_from_utf16(start, start)[0]
    assert pane.first_visible_original() <= last_line  # scrolled to it
    assert pane.first_visible_original() > 1000
    kinds = [s.format.background().color().name() for s in pane.text.extraSelections()]
    assert kinds.count(mark_color("current").name()) == 1
    assert kinds.count(mark_color("match").name()) == total - 1


def test_find_handles_empty_absent_and_special_needles(qtbot, pane: ReadingPane) -> None:
    pane.open_find()
    assert pane.findbar.matches == []
    assert pane.findbar.label() == ""
    pane.findbar.find_next()  # nothing to move to: no error
    pane.findbar.field.insert("没有这个词")  # (QTest types ASCII only)
    assert pane.findbar.label() == "No matches"
    assert pane.findbar.current_match() is None
    pane.findbar.field.setText("(美元)上涨.*")
    assert pane.findbar.label() == "1 / 1"
    assert current_text(pane) == "(美元)上涨.*"
    pane.findbar.field.setText("a.b")
    assert pane.findbar.label() == "1 / 1"
    pane.findbar.field.setText("software")
    assert pane.findbar.label() == "1 / 2"
    pane.findbar.field.setText("[")
    assert pane.findbar.label() == "No matches"


def test_find_follows_the_view_and_matches_either_script(qtbot, pane: ReadingPane) -> None:
    pane.open_find()
    pane.findbar.field.setText("内存")
    assert pane.findbar.label() == "1 / 1"
    pane.set_view("hongkong")  # 內存: the folded search still finds it
    assert pane.findbar.label() == "1 / 1"
    assert current_text(pane) == "內存"
    pane.set_view("taiwan")  # 記憶體: a different word in this view
    assert pane.findbar.label() == "No matches"
    pane.findbar.field.setText("记忆体")
    assert current_text(pane) == "記憶體"
    pane.findbar.any_script.setChecked(False)
    assert pane.findbar.label() == "No matches"


def test_find_keys_f3_and_escape(qtbot, pane: ReadingPane) -> None:
    pane.activateWindow()
    pane.text.setFocus()
    qtbot.waitUntil(pane.text.hasFocus)
    qtbot.keyClick(pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.findbar.isVisible()
    pane.findbar.field.insert("段")  # (QTest types ASCII only)
    assert pane.findbar.label().startswith("1 / ")
    qtbot.keyClick(pane.findbar.field, Qt.Key.Key_F3)
    assert pane.findbar.label().startswith("2 / ")
    qtbot.keyClick(pane.findbar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert pane.findbar.label().startswith("1 / ")
    with qtbot.wait_signal(pane.findbar.closed):
        qtbot.keyClick(pane.findbar.field, Qt.Key.Key_Escape)
    assert not pane.findbar.isVisible()
    assert pane.text.extraSelections() == []


def test_find_starts_at_the_reading_position(pane: ReadingPane) -> None:
    pane.scroll_to_original(TEXT.index("第100段"))
    pane.findbar.field.setText("段")
    pane.open_find()
    assert current_text(pane) == "段"
    assert pane.findbar.current > 90


def test_find_opens_with_the_selected_text(pane: ReadingPane) -> None:
    pane.text.setTextCursor(pane.text.document().find("反馈良好"))
    pane.open_find()
    assert pane.findbar.needle == "反馈良好"
    assert pane.findbar.label() == "1 / 119"
