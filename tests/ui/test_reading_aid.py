"""The reading aid in a pane: off by default, one click on, pinyin (zhuyin in a
Traditional view) and glosses in a popup that never covers the line being read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QTextCursor

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.reader.aid import place_beside

TEXT = "央行今天宣布調降利率。\n銀行表示歡迎，並將調整房貸利率。\n" * 3


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rates.txt").write_text("央行調降利率\n來源：南方時報\n" + TEXT, encoding="utf-8")
    library = Library.open(tmp_path / "lib")
    import_paths(library, [folder])
    win = MainWindow(library)
    qtbot.add_widget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.wait_exposed(win)
    yield win
    win.close()
    library.close()


def cursor_on(pane, word: str) -> int:
    position = pane.text.toPlainText().index(word)
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(position)
    pane.text.setTextCursor(cursor)
    return position


def test_off_by_default_one_click_turns_it_on_everywhere(window: MainWindow) -> None:
    left, right = window.panes.panes
    assert not window.settings.reading_aid
    assert not left.reading_aid
    left.aid_button.click()
    assert left.reading_aid
    assert right.reading_aid
    assert window.settings.reading_aid
    assert window.actions.by_name["reading_aid"].isChecked()
    window.actions.by_name["reading_aid"].trigger()
    assert not left.reading_aid


def test_a_traditional_view_shows_pinyin_zhuyin_and_glosses(qtbot, window: MainWindow) -> None:
    pane = window.open_article(window.library.ids()[0]) and window.pane
    window.set_reading_aid(True)
    cursor_on(pane, "銀行")
    assert pane.show_aid_at_cursor()
    popup = pane.text.aid_popup
    assert popup.isVisible()
    assert popup.word == "銀行"
    text = popup.text()
    assert "yín háng" in text
    assert "ㄧㄣˊ ㄏㄤˊ" in text  # zhuyin in a Traditional view
    assert "bank" in text
    assert not popup.geometry().intersects(popup.line)  # the line stays readable
    pane.set_view("simplified")
    cursor_on(pane, "银行")
    pane.show_aid_at_cursor()
    assert "ㄧㄣ" not in pane.text.aid_popup.text()  # pinyin only in 简体


def test_f2_on_a_word_turns_the_aid_on(window: MainWindow) -> None:
    pane = window.open_article(window.library.ids()[0]) and window.pane
    cursor_on(pane, "央行")
    window.actions.by_name["aid_word"].trigger()
    assert pane.reading_aid
    assert pane.text.aid_popup.word == "央行"
    pane.text.verticalScrollBar().setValue(pane.text.verticalScrollBar().value() + 1)
    assert not pane.text.aid_popup.isVisible() or pane.text.verticalScrollBar().maximum() == 0


def test_the_popup_goes_below_the_line_or_above_it_near_the_screen_bottom() -> None:
    screen = QRect(0, 0, 1600, 1000)
    line = QRect(100, 400, 600, 24)
    below = place_beside(line, (300, 80), screen)
    assert below.y() > line.bottom()
    low = QRect(100, 950, 600, 24)
    above = place_beside(low, (300, 80), screen)
    assert above.y() + 80 <= low.top()
    assert place_beside(line, (300, 80), screen).x() == 100
    assert place_beside(QRect(1500, 400, 90, 24), (300, 80), screen).x() == 1300
