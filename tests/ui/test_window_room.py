"""The window for a week of research: state per library, room to read, the active
pane, shortcuts from the actions, zoom everywhere, closing without waiting."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.session import library_key, load_state, state_path
from duizhao.ui.settings import Settings
from duizhao.ui.shortcuts import ShortcutsDialog, collect_shortcuts

LONG = "港务局表示，首月货量超过预期，码头将增加夜班。" * 30
ARTICLES = {
    "port.md": "---\ntitle: 新航线开通\nsource: 东岸日报\ndate: 2026-03-02\n---\n"
    f"东岸港新开通一条集装箱航线，每周往返两班。\n{LONG}\n",
    "plant.txt": "晶片廠投資案\n來源：海峽時報 2026年3月5日\n"
    "這座晶片廠預計投資一百一十八億美元，將於二〇二七年投產。\n當地政府表示樂觀。\n",
    "bridge.md": "---\ntitle: 跨江大桥合龙\nsource: 江城日报\ndate: 2026-03-04\n---\n"
    "跨江大桥今天合龙，预计年底通车。\n",
}


def make_library(root: Path, names: tuple[str, ...] = tuple(ARTICLES)) -> Library:
    folder = root / "in"
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    library = Library.open(root / "lib")
    import_paths(library, [folder])
    return library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = make_library(tmp_path / "one")
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:
    win = MainWindow(library)
    qtbot.add_widget(win)
    win.resize(1600, 1000)
    return win


def ids(library: Library) -> dict[str, int]:
    return {row.title: row.id for row in library.summaries()}


# -- state per library ----------------------------------------------------------------


def test_each_library_keeps_its_own_panes(qtbot, tmp_path: Path) -> None:
    config = tmp_path / "config" / "settings.json"
    first_lib = make_library(tmp_path / "a")
    demo_lib = make_library(tmp_path / "demo", ("bridge.md",))
    try:
        first = MainWindow(first_lib, Settings(), settings_path=config)
        qtbot.add_widget(first)
        first.panes.open_article(ids(first_lib)["晶片廠投資案"], first.panes.panes[1])
        first.close()
        demo = MainWindow(demo_lib, Settings(), settings_path=config)
        qtbot.add_widget(demo)
        demo.restore_session()
        assert demo.panes.open_articles() == []  # nothing of the other library
        assert demo.statusBar().currentMessage() == ""  # and no "No article with id"
        demo.panes.open_article(ids(demo_lib)["跨江大桥合龙"], demo.panes.panes[0])
        demo.close()
        again = MainWindow(first_lib, Settings(), settings_path=config)
        qtbot.add_widget(again)
        again.restore_session()
        assert again.panes.open_articles() == [(ids(first_lib)["晶片廠投資案"], "original")]
    finally:
        first_lib.close()
        demo_lib.close()
    files = sorted(p.name for p in (config.parent / "libraries").iterdir())
    assert files == sorted(
        f"{library_key(d)}.json" for d in (tmp_path / "a" / "lib", tmp_path / "demo" / "lib")
    )


def test_the_last_comparison_is_kept_with_the_library(qtbot, tmp_path: Path) -> None:
    config = tmp_path / "config" / "settings.json"
    lib = make_library(tmp_path / "a")
    try:
        window = MainWindow(lib, Settings(), settings_path=config)
        qtbot.add_widget(window)
        window.compare_pane.entities = False
        chosen = sorted(ids(lib).values())[:2]
        with qtbot.wait_signal(window.compare_pane.compared, timeout=20_000):
            window.compare(chosen)
        window.close()
        state, _ = load_state(state_path(config.parent, lib.directory))
        assert state.compare.ids == chosen
        assert state.compare.open
        again = MainWindow(lib, Settings(), settings_path=config)
        qtbot.add_widget(again)
        again.compare_pane.entities = False
        with qtbot.wait_signal(again.compare_pane.compared, timeout=20_000):
            again.restore_session()
        assert again.compare_pane.ids == chosen
        assert not again.compare_dock.isHidden()
        again.close()
    finally:
        lib.close()


# -- room to read ----------------------------------------------------------------------


def test_three_panes_and_the_comparison_keep_a_readable_width(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.wait_exposed(window)
    window.panes.set_pane_count(3)
    window.compare_dock.show()
    window.resizeDocks([window.compare_dock], [380], Qt.Orientation.Vertical)
    qtbot.wait(50)
    assert window.corner(Qt.Corner.BottomLeftCorner) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.compare_dock.width() > window.width() * 0.9  # the whole bottom
    for pane in window.panes.panes:
        assert pane.text.viewport().width() >= pane.readable_width()


def test_the_entity_list_folds_to_a_strip_in_a_narrow_pane(qtbot, window: MainWindow) -> None:
    pane = window.panes.panes[0]
    pane.setParent(None)  # on its own, to set its width
    qtbot.add_widget(pane)
    pane.resize(1000, 600)
    pane.show()
    qtbot.wait_exposed(pane)
    assert pane.sidebar_open
    assert pane.strip.isHidden()
    pane.resize(pane.readable_width() // 2, 600)
    qtbot.wait_until(lambda: not pane.sidebar_open)
    assert pane.strip.isVisible()
    pane.strip.click()  # on demand, even narrow
    assert pane.sidebar_open
    pane.set_sidebar_visible(False)  # folded by the reader
    pane.resize(1000, 600)
    qtbot.wait(20)
    assert not pane.sidebar_open  # stays as the reader left it
    pane.set_sidebar_visible(True)
    assert pane.sidebar_open


# -- the active pane ---------------------------------------------------------------------


def test_the_active_pane_is_marked_and_takes_openings(window: MainWindow) -> None:
    left, right = window.panes.panes
    window.panes.set_current(right)
    assert right.is_active
    assert not left.is_active
    window.library_panel.article_activated.emit(ids(window.library)["跨江大桥合龙"])
    assert right.article_id == ids(window.library)["跨江大桥合龙"]
    assert left.article_id is None
    window.panes.reveal(ids(window.library)["新航线开通"], 0, 2)  # a search hit or a claim
    assert right.article_id == ids(window.library)["新航线开通"]


def test_ctrl_tab_moves_between_panes(qtbot, window: MainWindow) -> None:
    window.panes.set_pane_count(3)
    panes = window.panes.panes
    window.panes.set_current(panes[0])
    window.actions.by_name["pane_next"].trigger()
    assert window.pane is panes[1]
    window.actions.by_name["pane_previous"].trigger()
    window.actions.by_name["pane_previous"].trigger()
    assert window.pane is panes[2]  # round the end
    keys = [k.toString() for k in window.actions.by_name["pane_next"].shortcuts()]
    assert keys == ["Ctrl+Tab"]


def test_every_focusable_widget_has_an_accessible_name(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.wait_exposed(window)
    window.compare_dock.show()
    nameless = []
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.isVisibleTo(window):
            continue
        said = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else ""
        )
        if not said.strip():
            nameless.append(f"{type(widget).__name__} {widget.objectName()}")
    assert nameless == []


# -- shortcuts ------------------------------------------------------------------------


def test_the_shortcuts_table_lists_every_shortcut_from_the_actions(window: MainWindow) -> None:
    rows = collect_shortcuts(window)
    keys = {row.keys for row in rows}
    wanted = {
        "Ctrl+P",
        "Ctrl+N",
        "Ctrl+Enter",
        "Del",
        "Ctrl+Alt+M",
        "Ctrl+Alt+C",
        "Ctrl+Alt+H",
        "Ctrl+Tab",
        "Ctrl+Shift+Tab",
        "F1",
        "F2",
    }
    wanted |= {f"Alt+{n}" for n in range(5)}
    assert wanted <= keys, wanted - keys
    for action in window.actions.by_name.values():
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString() in keys, action.text()
    areas = [row.area for row in rows]
    assert areas == sorted(
        areas,
        key=[
            "file",
            "edit",
            "view",
            "panes",
            "reading",
            "library",
            "search",
            "compare",
            "help",
        ].index,
    )


def test_the_shortcuts_dialog_is_grouped_and_searchable(qtbot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window, window)
    qtbot.add_widget(dialog)
    assert dialog.proxy.rowCount() >= 6  # areas
    everything = len(dialog.shown())
    assert everything == len(dialog.rows)
    dialog.filter.setText("ctrl+alt+")
    shown = dialog.shown()
    assert {keys for _text, keys in shown} >= {"Ctrl+Alt+M", "Ctrl+Alt+S"}
    assert all("Ctrl+Alt+" in keys for _text, keys in shown)
    dialog.filter.setText(" row")
    assert [text for text, _keys in dialog.shown()] == ["Pin row"]
    assert "1 of" in dialog.count.text()


# -- smaller items ---------------------------------------------------------------------


def test_zoom_changes_every_text_area(window: MainWindow) -> None:
    pane = window.panes.panes[0]
    before = {
        "library": window.library_panel.table.font().pointSizeF(),
        "search": window.search_panel.results.font().pointSizeF(),
        "compare": window.compare_pane.rows_view.font().pointSizeF(),
        "sidebar": pane.sidebar.tree.font().pointSizeF(),
        "text": pane.text.font().pointSizeF(),
    }
    window.actions.by_name["zoom_in"].trigger()
    window.actions.by_name["zoom_in"].trigger()
    after = {
        "library": window.library_panel.table.font().pointSizeF(),
        "search": window.search_panel.results.font().pointSizeF(),
        "compare": window.compare_pane.rows_view.font().pointSizeF(),
        "sidebar": pane.sidebar.tree.font().pointSizeF(),
        "text": pane.text.font().pointSizeF(),
    }
    assert all(after[k] == before[k] + 2 for k in before), (before, after)
    window.actions.by_name["zoom_reset"].trigger()
    assert window.library_panel.table.font().pointSizeF() == before["library"]


def test_a_panes_title_follows_its_views_script(window: MainWindow) -> None:
    pane = window.panes.open_article(ids(window.library)["晶片廠投資案"])
    assert "晶片廠投資案" in pane.header.text()
    pane.set_view("simplified")
    assert "芯片厂投资案" in pane.header.text()  # tw2sp: Taiwan words too
    assert "海峡时报" in pane.header.text()
    assert "晶片廠投資案" in pane.header.toolTip()  # as written, on hover
    pane.set_view("original")
    assert "晶片廠投資案" in pane.header.text()


def test_closing_does_not_wait_for_an_entity_recognition(
    qtbot, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recognition that would run for a minute stops when the window closes."""
    import duizhao.core.entities as entities
    from duizhao.core.entities import RecognitionCancelled

    started, stopped = threading.Event(), threading.Event()

    def endless(_library, _article, recogniser=None, cancelled=None):
        started.set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if cancelled is not None and cancelled():
                stopped.set()
                raise RecognitionCancelled
            time.sleep(0.01)
        raise AssertionError("never asked to stop")

    monkeypatch.setattr(entities, "find_entities", endless)
    window = MainWindow(library)
    qtbot.add_widget(window)
    window.open_article(ids(library)["新航线开通"])
    assert started.wait(10)
    window.close()
    assert stopped.is_set()
