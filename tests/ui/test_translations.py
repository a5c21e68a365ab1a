"""The interface in 简体中文 and 繁體中文: every string translated, none left in English.

Three checks: the ``.ts`` sources hold every string the code marks (lupdate
run afresh finds nothing new) and each has a finished translation; the
window built under each language shows no marked string untranslated; and
no visible text of the window carries English words that were never marked
(names of formats, keys and products excepted).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QLabel,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui import i18n
from duizhao.ui.mainwindow import MainWindow
from duizhao.ui.settings import Settings
from duizhao.ui.shortcuts import ShortcutsDialog

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402  (packaging/translations.py)

#: English that stays in a Chinese interface: products, formats, keys, query syntax.
ALLOWED = {
    "duizhao",
    "markdown",
    "csv",
    "html",
    "ctrl",
    "alt",
    "shift",
    "esc",
    "enter",
    "del",
    "tab",
    "return",
    "pinyin",
    "lac",
    "onnx",
    "opencc",
    "apache",
    "mit",
    "cedict",
    "title",
    "source",
    "author",
    "script",
    "date",
    "simplified",
    "traditional",
    "mixed",
    "not",
    "txt",
    "htm",
    "person",
    "place",
    "organisation",
    "number",
    "pyside",
    "python",
    "whoosh",
    "jieba",
    "english",
    "down",
    "up",
    "home",
    "end",
}
WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if (
        shutil.which("pyside6-lrelease") is None
        and not (Path(sys.executable).parent / "pyside6-lrelease").exists()
    ):
        pytest.skip("PySide6's lrelease is not installed")
    out = tmp_path_factory.mktemp("qm")
    translations.compile_all(out)
    return out


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_every_source_string_has_a_finished_translation(language: str) -> None:
    assert translations.untranslated(language) == []


def test_the_sources_hold_every_marked_string(tmp_path: Path) -> None:
    """lupdate over the code now finds no string the committed .ts lacks."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            translations.tool("lupdate"),
            "-locations",
            "none",
            "-silent",
            *translations.python_sources(),
            "-ts",
            str(fresh),
        ],
        check=True,
    )

    def sources(path: Path) -> set[tuple[str, str]]:
        tree = ET.parse(path)
        return {
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in tree.iter("context")
            for message in context.iter("message")
        }

    missing = sources(fresh) - sources(translations.ts_path("zh_CN"))
    assert missing == set(), "run: python packaging/translations.py update, then translate"


def source_strings() -> dict[str, str]:
    """English source -> zh_CN translation, for telling a string left in English."""
    tree = ET.parse(translations.ts_path("zh_CN"))
    return {
        m.findtext("source") or "": m.findtext("translation") or "" for m in tree.iter("message")
    }


def visible_strings(window: MainWindow) -> Iterator[str]:
    """Texts a person sees: menus, actions, labels, buttons, fields, headers, tips."""
    menus = [a.menu() for a in window.menuBar().actions()]
    yield from (a.text() for a in window.menuBar().actions())
    for menu in menus:
        if menu is None:
            continue
        for action in menu.actions():
            yield action.text()
            if action.menu() is not None:
                yield from (sub.text() for sub in action.menu().actions())
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QDockWidget):
            yield widget.windowTitle()
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        if isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        yield widget.toolTip()
        yield widget.accessibleName()
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: 新航线开通\nsource: 东岸日报\ndate: 2026-03-02\n---\n东岸港新开通一条航线。\n",
        encoding="utf-8",
    )
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [folder])
    yield lib
    lib.close()


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_window_has_no_string_left_in_english(
    qtbot, compiled: Path, library: Library, language: str
) -> None:
    assert i18n.install(language, compiled) == language
    try:
        window = MainWindow(library, Settings(language=language))
        qtbot.add_widget(window)
        window.open_article(library.ids()[0])
        dialog = ShortcutsDialog(window, window)
        qtbot.add_widget(dialog)
        english = {s for s, t in source_strings().items() if t and t != s}
        seen = [s for s in visible_strings(window) if s] + [dialog.windowTitle()]
        seen += [str(dialog.model.item(r, 0).text()) for r in range(dialog.model.rowCount())]
        left = sorted({s for s in seen if s in english})
        assert left == []
        unmarked = sorted(
            {s for s in seen if any(w.lower() not in ALLOWED for w in WORD.findall(s))}
        )
        assert unmarked == []
    finally:
        i18n.install("en")


def test_the_system_locale_picks_the_script() -> None:
    assert i18n.resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_SG")) == "zh_CN"
    assert i18n.resolve("system", QLocale("zh_TW")) == "zh_TW"
    assert i18n.resolve("system", QLocale("zh_HK")) == "zh_TW"
    assert i18n.resolve("system", QLocale("de_DE")) == "en"
    assert i18n.resolve("zh_TW", QLocale("en_US")) == "zh_TW"


def test_a_missing_translation_leaves_english(tmp_path: Path, qapp) -> None:
    assert i18n.install("zh_CN", tmp_path) == "en"
