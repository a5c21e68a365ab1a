"""The comparison pane: rows model, filter, pins and notes, workspaces, export.

Every sentence here was written for these tests (an invented desalination
plant in an invented city, told three ways: 60% against 71%, approved
against not yet approved, minor harm against severe harm); none comes from
the seed articles. Comparisons run with ``entities=False`` (no entity model)
so they take a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

import duizhao.core.compare as core_compare
from documents import plain_document
from duizhao.core.compare import Comparison
from duizhao.core.compare.comparison import Document as CompareDocument
from duizhao.core.compare.comparison import compare_documents
from duizhao.core.library import Library, ParsedDocument, list_workspaces, notes_for
from duizhao.core.text import Script
from duizhao.ui.compare import ComparePane, CompareRowsModel, RelationFilterModel
from duizhao.ui.compare.model import (
    ARTICLE_ID_ROLE,
    PINNED_ROLE,
    RELATION_ROLE,
    ROW_KEY_ROLE,
    SPAN_ROLE,
    TopicListModel,
)
from duizhao.ui.compare.views import RowsView
from duizhao.ui.tasks import TaskRunner

PLANT_A = (
    "青禾市海水淡化厂正式投产\n"
    "青禾市海水淡化厂昨天正式投产，市水务局表示，新厂将满足全市60%的居民用水。\n"
    "水务局局长林远航说，工厂总投资约为18亿元，预计明年3月完成二期工程。\n"
    "环保团体认为，淡化厂排放的浓盐水对近海渔业的影响有限。\n"
    "工厂已经获得省政府批准，将按计划在夏季前全面运转。\n"
)
PLANT_B = (
    "青禾市海水淡化厂投产，供水比例引发争议\n"
    "青禾市海水淡化厂昨日投产，据市议会的报告，新厂可满足全市71%的居民用水。\n"
    "市议员周若兰指出，工厂总投资约为18亿元，二期工程预计明年5月才能完成。\n"
    "渔民代表认为，浓盐水排放将对近海渔业造成严重冲击。\n"
    "工厂尚未获得省政府批准，全面运转的时间仍不确定。\n"
)
PLANT_C = (
    "青禾市淡化廠開始供水\n"
    "青禾市海水淡化廠昨天開始供水，市水務局表示，新廠將滿足全市60%的居民用水。\n"
    "據悉，工廠總投資約為18億元，二期工程預計明年3月完成。\n"
)
ORCHARD = "山后村的果园今年迎来丰收\n村民把苹果装上卡车，运到镇上的集市出售，价钱比去年好。\n"
NO_SENTENCES = "图片\n"


def document(text: str, title: str, script: Script = Script.SIMPLIFIED) -> ParsedDocument:
    return plain_document(text, title=title, script=script)


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "library"
    with Library.open(directory) as library:
        for text, title, script in (
            (PLANT_A, "淡化厂投产", Script.SIMPLIFIED),
            (PLANT_B, "淡化厂争议", Script.SIMPLIFIED),
            (PLANT_C, "淡化廠供水", Script.TRADITIONAL),
            (ORCHARD, "果园丰收", Script.SIMPLIFIED),
            (NO_SENTENCES, "空白", Script.SIMPLIFIED),
        ):
            library.add(document(text, title, script), f"{title}.txt")
        assert library.ids() == [1, 2, 3, 4, 5]
    return directory


@pytest.fixture
def runner(library_dir: Path) -> Iterator[TaskRunner]:
    tasks = TaskRunner(library_dir)
    yield tasks
    tasks.shutdown()


@pytest.fixture
def pane(qtbot: Any, runner: TaskRunner) -> ComparePane:
    widget = ComparePane(runner)
    qtbot.add_widget(widget)
    widget.entities = False
    widget.resize(1000, 600)
    return widget


def compared(qtbot: Any, pane: ComparePane, ids: list[int], topic: str | None = None) -> Comparison:
    with qtbot.wait_signal(pane.compared, timeout=20_000) as blocker:
        assert pane.compare(ids, topic) is not None
    return blocker.args[0]  # type: ignore[no-any-return]


def wait_written(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.wait_until(lambda: not runner.busy_writing(), timeout=10_000)


def plant_comparison() -> Comparison:
    day = dt.date(2026, 5, 12)
    docs = [
        CompareDocument(1, "A", PLANT_A, Script.SIMPLIFIED, published=day),
        CompareDocument(2, "B", PLANT_B, Script.SIMPLIFIED, published=day),
        CompareDocument(3, "C", PLANT_C, Script.TRADITIONAL, published=day),
    ]
    return compare_documents(docs)


def rows_of(model: Any, role: int = RELATION_ROLE) -> list[Any]:
    return [model.index(r, 0).data(role) for r in range(model.rowCount())]


# -- models ------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    comparison = plant_comparison()
    topics = TopicListModel()
    topics.set_topics(comparison.topics)
    qtmodeltester.check(topics)
    rows = CompareRowsModel()
    qtmodeltester.check(rows)  # empty
    rows.set_topic(comparison.topics[0], comparison.articles)
    qtmodeltester.check(rows)
    proxy = RelationFilterModel()
    proxy.setSourceModel(rows)
    proxy.set_relation("differs")
    qtmodeltester.check(proxy)
    assert rows.columnCount() == len(comparison.articles) + 2
    assert rows.headerData(0, Qt.Orientation.Horizontal) == "Relation"
    assert rows.headerData(rows.columnCount() - 1, Qt.Orientation.Horizontal) == "Note"


def test_cells_carry_the_claim_text_article_and_span() -> None:
    comparison = plant_comparison()
    model = CompareRowsModel()
    texts = {1: PLANT_A, 2: PLANT_B, 3: PLANT_C}
    for topic in comparison.topics:
        model.set_topic(topic, comparison.articles)
        for r in range(model.rowCount()):
            for column in range(1, model.columnCount() - 1):
                index = model.index(r, column)
                text = index.data()
                if not text:
                    assert index.data(SPAN_ROLE) is None
                    continue
                start, end = index.data(SPAN_ROLE)
                article = index.data(ARTICLE_ID_ROLE)
                assert article == comparison.articles[column - 1][0]
                assert texts[article][start:end].strip() == text
            assert model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_relation_filter_and_pinned_rows_first() -> None:
    comparison = plant_comparison()
    everything = core_compare.Topic(
        "all", "all", ["all"], [r for t in comparison.topics for r in t.rows]
    )
    model = CompareRowsModel()
    model.set_topic(everything, comparison.articles)
    relations = rows_of(model)
    assert {"differs", "contradicts", "agrees"} <= set(relations)
    proxy = RelationFilterModel()
    proxy.setSourceModel(model)
    for relation in ("contradicts", "differs", "agrees", "related"):
        proxy.set_relation(relation)
        assert rows_of(proxy) == [relation] * relations.count(relation)
    proxy.set_relation("all")
    assert proxy.rowCount() == len(relations)
    with pytest.raises(ValueError, match="unknown relation"):
        proxy.set_relation("nonsense")
    # pinning the last row brings it first; a selection on it follows it
    last = model.rowCount() - 1
    key = model.index(last, 0).data(ROW_KEY_ROLE)
    held = QPersistentModelIndex(model.index(last, 1))
    model.set_pinned(key, True)
    assert model.index(0, 0).data(ROW_KEY_ROLE) == key
    assert model.index(0, 0).data(PINNED_ROLE) is True
    assert model.index(0, 0).data().startswith("★")
    assert held.row() == 0
    model.set_pinned(key, False)
    assert model.index(last, 0).data(ROW_KEY_ROLE) == key


# -- comparing in the pane ------------------------------------------------------------


def test_compare_shows_topics_rows_and_the_competing_number(qtbot: Any, pane: ComparePane) -> None:
    comparison = compared(qtbot, pane, [1, 2, 3])
    assert comparison.topics
    assert pane.topic_model.rowCount() == len(comparison.topics)
    assert pane.topics_view.currentIndex().row() == 0
    assert "#1 淡化厂投产" in pane.articles_label.text()
    assert "topics" in pane.message.text()
    assert not pane.progress.isVisible()
    found = []
    for row in range(pane.topic_model.rowCount()):
        pane.topics_view.setCurrentIndex(pane.topic_model.index(row, 0))
        found += [
            (
                pane.rows_proxy.index(r, 0).data(RELATION_ROLE),
                pane.rows_proxy.index(r, 1).data(),
                pane.rows_proxy.index(r, 2).data(),
            )
            for r in range(pane.rows_proxy.rowCount())
        ]
    assert any(rel == "differs" and "60%" in a and "71%" in b for rel, a, b in found)
    assert any(rel == "contradicts" and "尚未获得" in b for rel, _a, b in found)
    # the details area explains the selected row
    shown = []
    for row in range(pane.topic_model.rowCount()):
        pane.topics_view.setCurrentIndex(pane.topic_model.index(row, 0))
        shown.append(pane.details.toPlainText())
    details = next(d for d in shown if "60%" in d)
    assert details.startswith("differs")
    assert "60%" in details
    assert "71%" in details
    assert "Evidence words: " in details


def test_clicking_or_entering_a_claim_emits_its_offsets(qtbot: Any, pane: ComparePane) -> None:
    compared(qtbot, pane, [1, 2])
    pane.show()
    index = pane.rows_proxy.index(0, 2)  # article 2's claim
    assert index.data()
    rect = pane.rows_view.visualRect(index)
    with qtbot.wait_signal(pane.claim_activated, timeout=2000) as blocker:
        qtbot.mouseClick(pane.rows_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    article, start, end = blocker.args
    assert article == 2
    assert PLANT_B[start:end].strip() == index.data()
    pane.rows_view.setCurrentIndex(pane.rows_proxy.index(0, 1))
    with qtbot.wait_signal(pane.claim_activated, timeout=2000) as blocker:
        qtbot.keyClick(pane.rows_view, Qt.Key.Key_Return)
    article, start, end = blocker.args
    assert article == 1
    assert PLANT_A[start:end].strip() == pane.rows_proxy.index(0, 1).data()
    # the relation and note columns are not claims
    with qtbot.assert_not_emitted(pane.claim_activated):
        qtbot.mouseClick(
            pane.rows_view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=pane.rows_view.visualRect(pane.rows_proxy.index(0, 0)).center(),
        )


def test_a_topic_of_ones_own(qtbot: Any, pane: ComparePane) -> None:
    compared(qtbot, pane, [1, 2])
    pane.topic_edit.setText("渔业")
    with qtbot.wait_signal(pane.compared, timeout=20_000) as blocker:
        qtbot.keyClick(pane.topic_edit, Qt.Key.Key_Return)
    comparison = blocker.args[0]
    assert pane.topic_text == "渔业"
    assert [t.label for t in comparison.topics] == ["渔业"]
    assert any(
        "渔业" in pane.rows_proxy.index(r, 1).data() for r in range(pane.rows_proxy.rowCount())
    )
    compared(qtbot, pane, [1, 2], "火星移民")
    assert pane.topic_model.rowCount() == 0
    assert "No claims about “火星移民”" in pane.message.text()


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        ([1], "at least two different articles"),
        ([2, 2], "at least two different articles"),
        ([], "at least two different articles"),
    ],
)
def test_too_few_articles_say_so(
    qtbot: Any, pane: ComparePane, ids: list[int], message: str
) -> None:
    with qtbot.assert_not_emitted(pane.compared):
        assert pane.compare(ids) is None
    assert message in pane.message.text()
    assert pane.topic_model.rowCount() == 0
    assert not pane.progress.isVisible()


def test_unknown_article_and_nothing_in_common(qtbot: Any, pane: ComparePane) -> None:
    task = pane.compare([1, 999])
    assert task is not None
    with qtbot.wait_signal(task.ended, timeout=20_000):
        pass
    assert pane.message.text() == "Cannot compare: no article with id 999"
    compared(qtbot, pane, [1, 4])
    assert pane.topic_model.rowCount() == 0
    assert "No shared topics" in pane.message.text()
    compared(qtbot, pane, [4, 5])  # an article without sentences
    assert "No shared topics" in pane.message.text()
    comparison = compared(qtbot, pane, [1, 2, 5])
    assert comparison.topics
    assert "#5" in pane.message.text()  # no shared claims in the empty one


def slow_compare(
    library: Any, ids: Any, topic: Any = None, *, entities: bool, progress: Any, cancelled: Any
) -> Any:
    """Stands in for a long comparison: reports progress until cancelled."""
    deadline = time.monotonic() + 10
    step = 0
    while time.monotonic() < deadline:
        if cancelled():
            raise core_compare.CompareCancelled("cancelled")
        step += 1
        progress(min(step, 99), 100, f"step {step}")
        time.sleep(0.01)
    raise AssertionError("never cancelled")


def test_cancel_stops_a_running_comparison(
    qtbot: Any, pane: ComparePane, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(core_compare, "compare", slow_compare)
    task = pane.compare([1, 2])
    assert task is not None
    with qtbot.wait_signal(task.progressed, timeout=5000):
        pass
    assert pane.cancel_button.isVisibleTo(pane)
    assert pane.commands.cancel.isEnabled()
    with qtbot.wait_signal(task.cancelled, timeout=5000):
        qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    assert pane.message.text() == "Comparison cancelled."
    assert not pane.cancel_button.isVisibleTo(pane)
    assert pane.task is None


def test_a_newer_comparison_supersedes_an_older_one(
    qtbot: Any, pane: ComparePane, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = core_compare.compare
    monkeypatch.setattr(core_compare, "compare", slow_compare)
    old = pane.compare([1, 2])
    assert old is not None
    monkeypatch.setattr(core_compare, "compare", real)
    with qtbot.wait_signal(old.cancelled, timeout=5000):
        comparison = compared(qtbot, pane, [1, 3])
    assert [i for i, _ in comparison.articles] == [1, 3]
    assert pane.comparison is comparison
    assert "cancelled" not in pane.message.text()


# -- pins, notes, workspaces, export ------------------------------------------------------


def test_pins_and_notes_are_saved_and_found_again(
    qtbot: Any, pane: ComparePane, runner: TaskRunner, library_dir: Path
) -> None:
    compared(qtbot, pane, [1, 2, 3], "工厂")  # a topic with several rows
    last = pane.rows_proxy.rowCount() - 1
    assert last >= 1
    pane.rows_view.setCurrentIndex(pane.rows_proxy.index(last, 1))
    key, topic = pane.current_row_key(), pane.current_topic_key()
    pane.show()
    pane.activateWindow()
    qtbot.wait_until(pane.isActiveWindow)
    pane.rows_view.setFocus()
    qtbot.keyClick(pane.rows_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pane.rows_proxy.index(0, 0).data(ROW_KEY_ROLE) == key
    assert pane.current_row_key() == key  # the selection follows the row
    qtbot.keyClick(pane.rows_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert pane.focusWidget() is pane.note_edit
    pane.note_edit.insert("核对水务局的原始数据")  # QTest types ASCII only
    qtbot.keyClick(pane.note_edit, Qt.Key.Key_Return)
    wait_written(qtbot, runner)
    with Library.open(library_dir) as library:
        stored = notes_for(library, [3, 2, 1])
    assert stored[(topic, key)].pinned
    assert stored[(topic, key)].note == "核对水务局的原始数据"
    # recomputed, in another order: the same row is pinned and annotated
    compared(qtbot, pane, [1, 2])
    compared(qtbot, pane, [3, 1, 2], "工厂")
    row = pane.topic_model.row_of(topic)
    assert row is not None
    pane.topics_view.setCurrentIndex(pane.topic_model.index(row, 0))
    first = pane.rows_proxy.index(0, 0)
    assert first.data(ROW_KEY_ROLE) == key
    assert first.data(PINNED_ROLE)
    note_column = pane.rows_model.note_column
    assert pane.rows_proxy.index(0, note_column).data() == "核对水务局的原始数据"


def test_workspace_save_and_reopen(
    qtbot: Any, pane: ComparePane, runner: TaskRunner, library_dir: Path
) -> None:
    compared(qtbot, pane, [1, 2, 3])
    pane.topics_view.setCurrentIndex(pane.topic_model.index(1, 0))
    topic = pane.current_topic_key()
    pane.set_filter("contradicts")
    pane.commands.get_text = lambda *args: ("淡化厂 三方", True)
    with qtbot.wait_signal(pane.commands.ask_save_workspace().finished, timeout=5000):
        pass
    assert pane.message.text() == "Saved workspace “淡化厂 三方”."
    with Library.open(library_dir) as library:
        assert [w.article_ids for w in list_workspaces(library)] == [(1, 2, 3)]
    compared(qtbot, pane, [1, 4])
    pane.set_filter("all")
    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, names: list[str], *_rest: Any) -> Any:
        offered.append(list(names))
        return names[0], True

    pane.commands.get_item = choose
    with qtbot.wait_signal(pane.compared, timeout=20_000):
        pane.commands.ask_open_workspace()
    assert offered == [["淡化厂 三方"]]
    assert pane.ids == [1, 2, 3]
    assert pane.current_topic_key() == topic
    assert pane.rows_proxy.relation == "contradicts"
    # an article gone from the library: the others are compared, and it is said
    with Library.open(library_dir) as library:
        library.remove(3)
    with qtbot.wait_signal(pane.compared, timeout=20_000):
        pane.open_workspace("淡化厂 三方")
    assert pane.ids == [1, 2]
    assert pane.message.text().startswith("Workspace “淡化厂 三方”: #3 no longer in the library.")
    # unknown and bad names say so in one line
    with qtbot.wait_signal(pane.open_workspace("never saved").failed, timeout=5000):
        pass
    assert pane.message.text() == "Cannot open workspace: no workspace named “never saved”"
    with qtbot.wait_signal(pane.save_workspace("   ").failed, timeout=5000):
        pass
    assert pane.message.text() == "Workspace not saved: a workspace needs a name"


@pytest.mark.parametrize(
    ("fmt", "needle"), [("md", "| 关系 |"), ("csv", "topic,row"), ("html", "<table>")]
)
def test_export_writes_the_file_chosen(
    qtbot: Any, pane: ComparePane, tmp_path: Path, fmt: str, needle: str
) -> None:
    assert pane.export(fmt, tmp_path / "none") is None  # nothing compared yet
    assert "Nothing to export" in pane.message.text()
    compared(qtbot, pane, [1, 2])
    asked: list[str] = []

    def dialog(_parent: Any, caption: str, *_rest: Any) -> tuple[str, str]:
        asked.append(caption)
        return str(tmp_path / "out" / "comparison"), ""

    pane.commands.save_file_name = dialog
    pane.commands.exports[fmt].trigger()
    written = tmp_path / "out" / f"comparison.{fmt}"
    assert asked
    assert written.is_file()
    text = written.read_text(encoding="utf-8-sig")
    assert needle in text
    assert "71%" in text
    assert pane.message.text() == f"Exported to {written}"
    pane.commands.save_file_name = lambda *args: ("", "")  # the dialog cancelled
    assert pane.export(fmt) is None


def test_every_action_has_a_shortcut_in_its_tooltip(pane: ComparePane) -> None:
    actions = pane.actions()
    assert len(actions) >= 14
    for action in actions:
        assert not action.shortcut().isEmpty(), action.text()
        assert action.shortcut().toString() in action.toolTip()
    keys = [action.shortcut().toString() for action in actions]
    assert len(set(keys)) == len(keys)  # no shortcut is ambiguous within the pane


@pytest.mark.slow
def test_fifty_articles_finish_with_progress(qtbot: Any, tmp_path: Path) -> None:
    directory = tmp_path / "fifty"
    with Library.open(directory) as library:
        for n in range(50):
            share = 55 + n % 20
            text = (
                f"青禾市第{n + 1}号简报\n"
                f"青禾市海水淡化厂的报告称，新厂将满足全市{share}%的居民用水。\n"
                f"第{n + 1}位评论员认为，浓盐水对近海渔业的影响{'有限' if n % 2 else '严重'}。\n"
            )
            library.add(document(text, f"简报{n + 1}"), f"{n}.txt")
        ids = library.ids()
    tasks = TaskRunner(directory)
    try:
        widget = ComparePane(tasks)
        qtbot.add_widget(widget)
        widget.entities = False
        steps: list[tuple[int, int]] = []
        task = widget.compare(ids)
        assert task is not None
        task.progressed.connect(lambda done, total, _m: steps.append((done, total)))
        with qtbot.wait_signal(widget.compared, timeout=120_000):
            pass
        assert steps
        assert widget.topic_model.rowCount() >= 1
    finally:
        tasks.shutdown()


def test_pin_row_becomes_unpin_row_on_a_pinned_row(
    qtbot: Any, pane: ComparePane, runner: TaskRunner
) -> None:
    compared(qtbot, pane, [1, 2, 3], "工厂")
    assert pane.rows_proxy.rowCount() >= 2
    pane.rows_view.setCurrentIndex(pane.rows_proxy.index(1, 1))
    assert pane.commands.pin.text() == "Pin row"
    pane.toggle_pin()
    assert pane.commands.pin.text() == "Unpin row"
    assert "Unpin row" in pane.commands.pin.toolTip()
    pane.rows_view.setCurrentIndex(pane.rows_proxy.index(1, 1))  # an unpinned one
    assert pane.commands.pin.text() == "Pin row"
    pane.rows_view.setCurrentIndex(pane.rows_proxy.index(0, 1))  # the pinned one, first now
    assert pane.commands.pin.text() == "Unpin row"
    pane.toggle_pin()
    assert pane.commands.pin.text() == "Pin row"
    wait_written(qtbot, runner)


def test_article_columns_are_headed_by_outlet_and_date_the_title_on_hover() -> None:
    comparison = plant_comparison()
    rows = CompareRowsModel()
    details = {1: {"outlet": "江城日报", "published": "2026-05-12"}}
    rows.set_topic(comparison.topics[0], comparison.articles, details=details)
    head = rows.headerData(1, Qt.Orientation.Horizontal)
    assert head == "江城日报 · 2026-05-12"
    tip = rows.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert comparison.articles[0][1] in tip
    view = RowsView()
    alignment = view.horizontalHeader().defaultAlignment()
    assert alignment & Qt.AlignmentFlag.AlignLeft  # read from its start, cut at its end only
    assert view.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight
    view.deleteLater()
