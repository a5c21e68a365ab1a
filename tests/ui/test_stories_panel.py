"""The Stories panel: its model, filter and sort, the timeline, and grouping the
demo library (our own writing) through the task runner."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from duizhao.core.ingest import ensure_demo_library
from duizhao.core.stories import Story
from duizhao.ui.stories import Mark, StoriesPanel, StoriesSnapshot, StoryTimeline
from duizhao.ui.stories.model import COUNT, LABEL, STORY_ID_ROLE, ArticleInfo, StoriesModel
from duizhao.ui.tasks import TaskRunner


def _snapshot() -> StoriesSnapshot:
    stories = [
        Story(1, "东岸港：航线 开通", [1, 2], ["东岸日报", "海峽時報"],
              {"mainland": 1, "taiwan": 1}, "2026-03-01", "2026-03-02"),
        Story(2, "稻米 收成", [3, 4, 5], ["南方农报"], {"unknown": 3}, "2026-01-10", "2026-01-15"),
    ]  # fmt: skip
    articles = {
        i: ArticleInfo(
            i, f"标题{i}", "东岸日报" if i != 2 else "海峽時報", "mainland", "2026-03-01"
        )
        for i in range(1, 7)
    }
    return StoriesSnapshot(stories, [6], articles)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    ensure_demo_library(directory)
    return directory


@pytest.fixture
def runner(demo_dir: Path, tmp_path: Path):
    copy = tmp_path / "lib"
    shutil.copytree(demo_dir, copy)
    made = TaskRunner(copy)
    yield made
    made.shutdown()


@pytest.fixture
def panel(qtbot, runner: TaskRunner) -> StoriesPanel:
    made = StoriesPanel(runner)
    qtbot.add_widget(made)
    made.resize(600, 700)
    return made


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    model = StoriesModel()
    model.set_snapshot(_snapshot())
    qtmodeltester.check(model)
    assert model.rowCount() == 3  # two stories and the articles outside any
    assert model.index(2, LABEL).data() == "Outside any story"
    assert model.index(2, COUNT).data() == "1"
    model.set_script("taiwan")
    assert model.index(0, LABEL).data() == "東岸港：航線 開通"


def test_sort_and_filter_keep_the_outside_row_last(qtbot, runner: TaskRunner) -> None:
    panel = StoriesPanel(runner)
    qtbot.add_widget(panel)
    panel.set_snapshot(_snapshot())
    ids = [panel.proxy.index(r, 0).data(STORY_ID_ROLE) for r in range(panel.proxy.rowCount())]
    assert ids == [1, 2, 0]  # newest first
    panel.sort.setCurrentIndex(1)
    ids = [panel.proxy.index(r, 0).data(STORY_ID_ROLE) for r in range(panel.proxy.rowCount())]
    assert ids == [2, 1, 0]  # largest first
    panel.filter.setText("海峡")  # Simplified finds the Traditional outlet
    ids = [panel.proxy.index(r, 0).data(STORY_ID_ROLE) for r in range(panel.proxy.rowCount())]
    assert ids == [1, 0]


def test_compare_takes_the_ticked_articles_or_all(qtbot, runner: TaskRunner) -> None:
    panel = StoriesPanel(runner)
    qtbot.add_widget(panel)
    panel.set_snapshot(_snapshot())
    panel.sort.setCurrentIndex(1)
    panel.select_row(panel.model.row_of(2))
    assert panel.articles.count() == 3
    with qtbot.wait_signal(panel.compare_requested) as everything:
        panel.compare_button.click()
    assert everything.args == [[3, 4, 5]]
    panel.articles.item(0).setCheckState(Qt.CheckState.Checked)
    panel.articles.item(2).setCheckState(Qt.CheckState.Checked)
    with qtbot.wait_signal(panel.compare_requested) as ticked:
        panel.compare_button.click()
    assert ticked.args == [[3, 5]]


def test_outside_row_lists_lone_articles_without_compare(qtbot, runner: TaskRunner) -> None:
    panel = StoriesPanel(runner)
    qtbot.add_widget(panel)
    panel.set_snapshot(_snapshot())
    panel.select_row(2)
    assert panel.articles.count() == 1
    assert not panel.compare_button.isEnabled()
    assert not panel.timeline.isVisibleTo(panel)


def test_the_timeline_opens_the_article_clicked(qtbot) -> None:
    timeline = StoryTimeline()
    qtbot.add_widget(timeline)
    timeline.resize(400, 100)
    day = dt.date(2026, 3, 1)
    timeline.set_marks([
        Mark(7, "东岸日报", "mainland", day, "甲"),
        Mark(8, "海峽時報", "taiwan", day + dt.timedelta(days=3), "乙", copy=True),
        Mark(9, "某网站", "unknown", None, "丙"),
    ])  # fmt: skip
    where = timeline.positions()
    assert where[0].x() < where[1].x() < where[2].x()  # by day, the undated at the end
    assert where[0].y() < where[1].y()  # one row per outlet
    with qtbot.wait_signal(timeline.article_activated) as clicked:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=where[1].toPoint())
    assert clicked.args == [8]
    timeline.setFocus()
    with qtbot.wait_signal(timeline.article_activated) as entered:
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert entered.args == [9]
    assert timeline.grab().width() == 400  # paints without error


def test_grouping_the_demo_runs_in_the_runner(qtbot, panel: StoriesPanel) -> None:
    task = panel.refresh()
    assert task is not None
    assert panel.refresh() is task  # one grouping at a time
    assert panel.progress.isVisibleTo(panel) or task.done
    with qtbot.wait_signal(task.ended, timeout=120_000):
        pass
    assert panel.model.rowCount() >= 3
    assert len(panel.model.snapshot.stories) == 3
    assert not panel.progress.isVisibleTo(panel)
    first = panel.proxy.index(0, 0)
    with qtbot.wait_signal(panel.open_pair) as pair:
        panel.table.activated.emit(first)
    assert len(pair.args[0]) == 2
    panel.table.setFocus()
    panel.table.setCurrentIndex(first)
    with qtbot.wait_signal(panel.open_pair) as by_key:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert by_key.args == pair.args
    assert panel.timeline.marks


def test_grouping_can_be_cancelled(qtbot, panel: StoriesPanel) -> None:
    task = panel.refresh(again=True)
    assert task is not None
    panel.cancel()
    with qtbot.wait_signal(task.ended, timeout=120_000):
        pass
    assert panel.task is None
    assert panel.regroup_button.isEnabled()


def test_the_window_has_a_stories_tab_that_opens_and_compares(
    qtbot, demo_dir: Path, tmp_path: Path
) -> None:
    from duizhao.core.library import Library
    from duizhao.ui.mainwindow import MainWindow

    copy = tmp_path / "win"
    shutil.copytree(demo_dir, copy)
    library = Library.open(copy)
    window = MainWindow(library)
    qtbot.add_widget(window)
    window.resize(1400, 800)
    window.show()
    assert window.stories_dock in window.left_docks
    assert window.stories_dock in window.tabifiedDockWidgets(window.library_dock)
    window.stories_dock.raise_()
    qtbot.waitUntil(lambda: window.stories_panel.task is not None or window._stories_grouped)
    task = window.stories_panel.task
    if task is not None:
        with qtbot.wait_signal(task.ended, timeout=120_000):
            pass
    panel = window.stories_panel
    assert len(panel.model.snapshot.stories) == 3
    first = panel.proxy.index(0, 0)
    ids = panel.model.article_ids(panel.proxy.mapToSource(first).row())
    panel.table.activated.emit(first)
    shown = [i for i, _ in window.panes.open_articles()]
    assert shown[:2] == ids[:2]
    panel.table.setCurrentIndex(first)
    panel.compare_button.click()
    assert window.compare_dock.isVisible()
    qtbot.waitUntil(lambda: not window.runner.active(), timeout=180_000)
    window.close()
    library.close()


def test_labels_follow_the_interface_language() -> None:
    from duizhao.ui.mainwindow import _label_script

    assert _label_script("zh_TW") == "taiwan"
    assert _label_script("zh_CN") == "simplified"
    assert _label_script("en") == "simplified"


def _wait(qtbot, task) -> None:  # noqa: ANN001
    assert task is not None
    with qtbot.wait_signal(task.ended, timeout=120_000):
        pass


def test_split_and_undo_from_the_panel(qtbot, panel: StoriesPanel) -> None:
    _wait(qtbot, panel.refresh())
    panel.select_row(panel.model.row_of(panel.model.snapshot.stories[0].id))
    story = panel.model.snapshot.stories[0]
    first = story.articles[0]
    panel.articles.item(0).setCheckState(Qt.CheckState.Checked)
    assert panel.selected_articles() == [first]
    _wait(qtbot, panel.move([first], None))
    assert first in panel.model.snapshot.outside  # a story of one is outside any story
    assert panel.current_story_id() == story.id
    assert panel.undo_button.isVisibleTo(panel)
    _wait(qtbot, panel.undo())
    back = next(s for s in panel.model.snapshot.stories if s.id == story.id)
    assert first in back.articles
    assert not panel.undo_button.isVisibleTo(panel)


def test_merge_from_the_panel(qtbot, panel: StoriesPanel) -> None:
    _wait(qtbot, panel.refresh())
    a, b = panel.model.snapshot.stories[0], panel.model.snapshot.stories[1]
    panel.select_row(panel.model.row_of(a.id))
    _wait(qtbot, panel.merge_into(a.id, b.id))
    merged = next(s for s in panel.model.snapshot.stories if s.id == a.id)
    assert set(b.articles) <= set(merged.articles)
    assert all(s.id != b.id for s in panel.model.snapshot.stories)
