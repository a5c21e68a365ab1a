"""File → Export citations…: the selected articles, as RIS or CSL-JSON.

The articles are written for this test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import rispy

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow

ARTICLES = {
    "ferry.md": "---\ntitle: 轮渡码头启用\nsource: 海滨晚报\nurl: https://example.org/ferry\n"
    "date: 2026-03\nauthor: 程一帆\n---\n轮渡码头今天启用了三个泊位。\n港务局说，下月增加航线。\n",
    "plant.md": "---\ntitle: 晶片廠投資案\nsource: 海峽時報\ndate: 2026-03-05\n---\n"
    "這座晶片廠預計投資一百億美元。\n當地政府表示樂觀。\n",
}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    assert all(r.status == "imported" for r in import_paths(lib, [folder]))
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:
    win = MainWindow(library)
    qtbot.add_widget(win)
    return win


def select_all(window: MainWindow) -> list[int]:
    window.library_panel.table.selectAll()
    return sorted(window.library_panel.selected_ids())


def test_the_menu_item_writes_ris_of_the_selected_articles(
    window: MainWindow, tmp_path: Path
) -> None:
    ids = select_all(window)
    assert len(ids) == 2
    target = tmp_path / "refs"
    citations = window.actions.citations
    citations.save_file_name = lambda *_args: (str(target), citations.filters()["ris"])
    window.actions.by_name["export_citations"].trigger()
    records = rispy.loads((tmp_path / "refs.ris").read_text("utf-8"))
    assert sorted(r["title"] for r in records) == ["晶片廠投資案", "轮渡码头启用"]
    ferry = next(r for r in records if r["title"] == "轮渡码头启用")
    assert ferry["urls"] == ["https://example.org/ferry"]
    assert ferry["authors"] == ["程一帆"]
    assert "2" in window.statusBar().currentMessage()


def test_csl_json_by_its_suffix(window: MainWindow, tmp_path: Path) -> None:
    ids = select_all(window)
    written = window.actions.citations.export(ids, tmp_path / "refs.json")
    assert written == tmp_path / "refs.json"
    items = json.loads(written.read_text("utf-8"))
    assert {item["container-title"] for item in items} == {"海滨晚报", "海峽時報"}


def test_nothing_selected_says_so_and_asks_nothing(window: MainWindow) -> None:
    asked = []
    citations = window.actions.citations
    citations.save_file_name = lambda *args: asked.append(args) or ("", "")
    window.library_panel.table.clearSelection()
    window.actions.by_name["export_citations"].trigger()
    assert asked == []
    assert window.statusBar().currentMessage()


def test_a_cancelled_dialog_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    ids = select_all(window)
    window.actions.citations.save_file_name = lambda *_args: ("", "")
    assert window.actions.citations.export(ids) is None
    assert list(tmp_path.glob("*.ris")) == []


def test_an_unwritable_place_is_one_message(window: MainWindow, tmp_path: Path) -> None:
    ids = select_all(window)
    assert window.actions.citations.export(ids, tmp_path / "missing" / "refs.ris") is None
    assert "refs.ris" in window.statusBar().currentMessage()
