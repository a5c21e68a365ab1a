"""The minimal window: the library list and one reading pane."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.ingest.importer import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.models import ARTICLE_ID_ROLE, ArticleListModel

ARTICLES = {
    "port.md": "---\ntitle: 新航线开通\nsource: 东岸日报\ndate: 2026-03-02\n---\n"
    "东岸港新开通一条集装箱航线，每周往返两班。\n港务局表示，首月货量超过预期。\n",
    "plant.txt": "晶片廠投資案\n來源：海峽時報 2026年3月5日\n"
    "這座晶片廠預計投資一百一十八億美元，將於二〇二七年投產。\n當地政府表示樂觀。\n",
}


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    results = import_paths(lib, [folder])
    assert [r.status for r in results] == ["imported", "imported"]
    yield lib
    lib.close()


def test_list_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    model = ArticleListModel()
    model.set_articles(library.summaries())
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_selecting_an_article_shows_its_header_and_text(qtbot, library: Library) -> None:
    window = MainWindow(library)
    qtbot.add_widget(window)
    assert window.model.rowCount() == 2
    # Newest first: the Taiwan article is dated 2026-03-05.
    first_id = window.model.index(0).data(ARTICLE_ID_ROLE)
    assert window.open_article(first_id)
    assert window.pane.article_id == first_id
    assert "晶片廠投資案" in window.pane.header.text()
    assert "海峽時報" in window.pane.header.text()
    assert "一百一十八億美元" in window.pane.text.toPlainText()
    assert "來源" not in window.pane.text.toPlainText()


def test_opening_an_unknown_article_says_so(qtbot, library: Library) -> None:
    window = MainWindow(library)
    qtbot.add_widget(window)
    assert not window.open_article(9999)
    assert "9999" in window.statusBar().currentMessage()


LONG = "\n".join(
    f"第{n}段：这款软件的内存不足，用户很多，数据和信息都打印出来了。" for n in range(300)
)


@pytest.fixture
def long_library(tmp_path: Path) -> Library:
    (tmp_path / "long.txt").write_text("长文章\n" + LONG + "\n", encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [tmp_path / "long.txt"])
    yield lib
    lib.close()


def test_switching_view_converts_the_text_and_keeps_the_reading_position(
    qtbot, long_library: Library
) -> None:
    window = MainWindow(long_library)
    qtbot.add_widget(window)
    window.resize(900, 500)
    window.show()
    qtbot.wait_exposed(window)
    pane = window.pane
    article_id = window.model.index(0).data(ARTICLE_ID_ROLE)
    pane.show_article(long_library, article_id)
    target = pane.article.text.index("第150段")
    pane.scroll_to_original(target)
    before = pane.first_visible_original()
    assert abs(before - target) < 40
    with qtbot.wait_signal(pane.view_changed):
        pane.set_view("taiwan")
    assert "軟體的記憶體" in pane.text.toPlainText()
    after = pane.first_visible_original()
    line = pane.article.text.rfind("\n", 0, before) + 1
    assert abs(after - line) < 40, (before, after)
    pane.set_view("original")
    assert pane.text.toPlainText() == pane.article.text


def test_view_shortcuts_are_in_the_view_menu(qtbot, library: Library) -> None:
    window = MainWindow(library)
    qtbot.add_widget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    shortcuts = [a.shortcut().toString() for a in menu.actions()]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]
    menu.actions()[3].trigger()
    assert window.pane.view_name == "taiwan"
