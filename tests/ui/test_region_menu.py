"""A pane's region: shown in its header, corrected from its menu, views follow it.

The articles were written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.ui.mainwindow import MainWindow

ARTICLES = {
    "notice.md": "---\ntitle: 熱線查詢安排\nsource: 明報\ndate: 2026-02-01\n---\n\n"
    "市民如有疑問，可致電熱線查詢。當局表示，新的網上服務下月推出。\n",
    "plain.txt": "夜市新規\n\n夜市攤商昨天開會討論新的營業時間，預計下月實施。\n",
    "street.md": "---\ntitle: 街坊熱線\nsource: 濱海街坊報\ndate: 2026-02-03\n---\n\n"
    "街坊如想報名參加活動，可致電熱線查詢。\n",
}


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(tmp_path / "lib")
    import_paths(lib, [folder])
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, library: Library) -> MainWindow:
    win = MainWindow(library)
    qtbot.add_widget(win)
    win.resize(1200, 700)
    return win


def ids(window: MainWindow) -> dict[str, int]:
    return {row.title: row.id for row in window.library.summaries()}


def test_the_region_is_shown_and_can_be_corrected(qtbot, window: MainWindow) -> None:
    article_id = ids(window)["熱線查詢安排"]
    assert window.open_article(article_id)
    pane = window.pane
    button = pane.region_button
    assert button.isVisibleTo(pane)
    assert button.text() == "Hong Kong"
    assert "熱線查詢安排" in pane.header.text()
    assert "from its outlet" in button.toolTip()
    pane.set_view("simplified")
    assert "查询" in pane.text.toPlainText()
    assert button.actions_by_region["hongkong"].isChecked()

    with qtbot.wait_signal(window.panes.region_changed, timeout=20000):
        button.actions_by_region["taiwan"].trigger()
    assert pane.article is not None
    assert (pane.article.region, pane.article.origin.region_source) == ("taiwan", "user")
    assert button.text() == "Taiwan"
    assert "查找" in pane.text.toPlainText()  # read with Taiwan usage now
    assert pane.view_name == "simplified"
    assert "set by you" in button.toolTip()

    with qtbot.wait_signal(window.panes.region_changed, timeout=20000):
        button.auto_action.trigger()
    assert pane.article.region == "hongkong"
    assert "查询" in pane.text.toPlainText()
    qtbot.wait_until(lambda: not window.runner.active(), timeout=20000)


def test_an_article_of_unknown_region_says_so(window: MainWindow) -> None:
    assert window.open_article(ids(window)["夜市新規"])
    button = window.pane.region_button
    assert button.text() == "Region not known"
    assert not any(a.isChecked() for a in button.actions_by_region.values())


def test_an_empty_pane_has_no_region_button(window: MainWindow) -> None:
    assert not window.pane.region_button.isVisibleTo(window.pane)


def test_an_unknown_outlet_can_be_described_from_the_menu(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from duizhao.ui.outlet_dialog import OutletDialog

    assert window.open_article(ids(window)["熱線查詢安排"])
    assert not window.pane.region_button.describe_action.isVisible()  # 明報 has a profile
    assert window.open_article(ids(window)["街坊熱線"])
    pane = window.pane
    button = pane.region_button
    assert button.describe_action.isVisible()  # 濱海街坊報 has none

    def answer(dialog: OutletDialog) -> int:
        assert dialog.name == "濱海街坊報"
        dialog.region.setCurrentIndex(dialog.region.findData("hongkong"))
        dialog.kind.setCurrentIndex(dialog.kind.findData("commercial"))
        return OutletDialog.DialogCode.Accepted.value

    monkeypatch.setattr(OutletDialog, "exec", answer)
    with qtbot.wait_signal(window.panes.region_changed, timeout=20000):
        button.describe_action.trigger()
    assert pane.article is not None
    assert (pane.article.region, pane.article.origin.region_source) == ("hongkong", "outlet")
    pane.set_view("simplified")
    assert "查询" in pane.text.toPlainText()  # read with Hong Kong usage now
    qtbot.wait_until(lambda: not window.runner.active(), timeout=20000)
