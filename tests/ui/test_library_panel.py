"""The library panel: filter box, count, sorting, and the signals its actions emit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from duizhao.core.library import ArticleSummary
from duizhao.core.text import Script
from duizhao.ui.library_panel import LibraryPanel
from duizhao.ui.models import ARTICLE_ID_ROLE, article_ids_from_mime
from duizhao.ui.models.library import CHARS, DATE, TITLE

ROWS = [
    ArticleSummary(1, "港口新航线", "东岸日报", "2026-03-02", Script.SIMPLIFIED, 300),
    ArticleSummary(2, "晶片廠投資", "海峽時報", "2026-03-05", Script.TRADITIONAL, 500),
    ArticleSummary(3, "软件升级", None, None, Script.SIMPLIFIED, 100),
    ArticleSummary(4, "軟體更新", "港聞", "2025-12-31", Script.TRADITIONAL, 800),
]


def shown(panel: LibraryPanel) -> list[int]:
    proxy = panel.proxy
    return [proxy.index(r, 0).data(ARTICLE_ID_ROLE) for r in range(proxy.rowCount())]


@pytest.fixture
def panel(qtbot) -> LibraryPanel:
    made = LibraryPanel()
    qtbot.add_widget(made)
    made.set_articles(ROWS)
    made.resize(700, 400)
    made.show()
    qtbot.wait_exposed(made)
    return made


def test_newest_first_by_default_with_a_count(panel) -> None:
    assert shown(panel) == [2, 1, 4, 3]
    assert panel.sort_state() == (DATE, Qt.SortOrder.DescendingOrder)
    assert panel.count.text() == "4 articles"


def test_filter_updates_the_count_in_either_script(qtbot, panel) -> None:
    for typed in "軟件":  # Traditional characters, Simplified title
        panel.filter.insert(typed)  # (QTest cannot type Chinese: it aborts)
    assert shown(panel) == [3]
    assert panel.count.text() == "1 of 4 articles"
    panel.filter.setText("晶片厂")
    assert shown(panel) == [2]
    panel.filter.setText("港")
    assert panel.count.text() == "2 of 4 articles"
    qtbot.keyClick(panel.filter, Qt.Key.Key_Escape)
    assert panel.filter.text() == ""
    assert panel.count.text() == "4 articles"


def test_count_follows_the_library(panel) -> None:
    panel.remove_articles([1, 2, 3])
    assert panel.count.text() == "1 article"
    panel.add_articles([ROWS[0]])
    assert panel.count.text() == "2 articles"
    assert shown(panel) == [1, 4]  # placed by the date sort


def test_ctrl_l_focuses_the_filter_and_down_goes_back(qtbot, panel) -> None:
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    panel.filter.setText("港")
    qtbot.keyClick(panel.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.filter.hasFocus()
    assert panel.filter.selectedText() == "港"
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert panel.table.hasFocus()
    assert panel.current_id() in (1, 4)


def test_sort_state_can_be_restored_and_a_header_click_sorts(qtbot, panel) -> None:
    assert panel.table.isColumnHidden(CHARS)  # hidden by default, shown from the header menu
    chars_action = panel.column_menu().actions()[-1]
    assert chars_action.text() == "Chars"
    chars_action.trigger()
    assert not panel.table.isColumnHidden(CHARS)
    panel.set_sort_state(TITLE, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == [2, 1, 3, 4]  # 晶 U+6676, 港 U+6E2F, then 软 (软件, 软体)
    assert panel.sort_state() == (TITLE, Qt.SortOrder.AscendingOrder)
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(CHARS) + header.sectionSize(CHARS) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    column, order = panel.sort_state()
    assert column == CHARS
    expected = [3, 1, 2, 4] if order == Qt.SortOrder.AscendingOrder else [4, 2, 1, 3]
    assert shown(panel) == expected
    panel.set_sort_state(99, Qt.SortOrder.AscendingOrder)  # no such column: ignored
    assert panel.sort_state()[0] == CHARS


def test_double_click_and_enter_activate(qtbot, panel) -> None:
    view = panel.table
    rect = view.visualRect(panel.proxy.index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.wait_signal(panel.article_activated) as blocker:  # (QTest needs the click)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [1]
    assert panel.select_id(4)
    with qtbot.wait_signal(panel.article_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [4]


def test_open_in_new_pane_and_trash_actions(qtbot, panel) -> None:
    assert panel.select_id(3)
    assert panel.current_id() == 3
    with qtbot.wait_signal(panel.open_in_new_pane) as blocker:
        panel.open_new_pane_action.trigger()
    assert blocker.args == [3]
    with qtbot.wait_signal(panel.remove_requested) as blocker:
        panel.remove_action.trigger()
    assert blocker.args == [[3]]


def test_compare_needs_two_selected(qtbot, panel) -> None:
    panel.select_id(2)
    menu = panel.context_menu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts == ["Open", "Open in new pane", "Compare selected", "Move to trash"]
    assert not panel.compare_action.isEnabled()
    with qtbot.assert_not_emitted(panel.compare_requested):
        panel.compare_action.trigger()
    selection = panel.table.selectionModel()
    rows = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    selection.select(panel.proxy.index(3, 0), rows)  # id 3 added to id 2
    ids = panel.selected_ids()
    assert ids == [2, 3]  # top to bottom as shown
    panel.context_menu()
    assert panel.compare_action.isEnabled()
    with qtbot.wait_signal(panel.compare_requested) as blocker:
        panel.compare_action.trigger()
    assert blocker.args == [ids]
    menu.deleteLater()


def test_selection_survives_a_reload_and_hidden_rows_cannot_be_selected(panel) -> None:
    assert panel.select_id(4)
    panel.set_articles(list(reversed(ROWS)))
    assert panel.selected_ids() == [4]
    assert panel.current_id() == 4
    assert not panel.select_id(99)
    panel.filter.setText("晶片")
    assert not panel.select_id(1)


def test_selected_rows_drag_as_article_ids(panel) -> None:
    assert panel.table.dragEnabled()
    panel.select_id(2)
    indexes = panel.table.selectionModel().selectedIndexes()
    assert article_ids_from_mime(panel.proxy.mimeData(indexes)) == [2]


def test_keyboard_shortcuts_reach_the_actions(qtbot, panel) -> None:
    panel.activateWindow()
    panel.select_id(1)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    with qtbot.wait_signal(panel.remove_requested) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert blocker.args == [[1]]
    with qtbot.wait_signal(panel.open_in_new_pane) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [1]
    with qtbot.wait_signal(panel.article_activated):
        qtbot.keyClick(panel.table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    qtbot.keyClick(panel.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.filter.hasFocus()


def test_panel_keys_win_over_window_actions_on_the_same_key(qtbot) -> None:
    window = QWidget()
    qtbot.add_widget(window)
    panel = LibraryPanel(window)
    other = QPushButton("elsewhere", window)
    layout = QVBoxLayout(window)
    layout.addWidget(panel)
    layout.addWidget(other)
    fired: list[str] = []
    for key in ("Del", "Ctrl+L"):
        action = QAction(key, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False, k=key: fired.append(k))
        window.addAction(action)
    panel.set_articles(ROWS)
    window.show()
    qtbot.wait_exposed(window)
    window.activateWindow()
    panel.select_id(2)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    with qtbot.wait_signal(panel.remove_requested):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.keyClick(panel.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.filter.hasFocus()
    assert fired == []  # (an ambiguous shortcut would also fail on Qt's warning)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    with qtbot.assert_not_emitted(panel.remove_requested):
        qtbot.keyClick(other, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert fired == ["Del"]
