"""Importing from the window: the controller's task, progress, cancel, report and drops."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QGuiApplication

from duizhao.core.ingest import importer
from duizhao.core.library import ImportResult, ImportStatus, Library
from duizhao.core.search import SearchBusy, SearchIndex
from duizhao.ui import importing
from duizhao.ui.importing import (
    PHASE_INDEXING,
    ImportController,
    ImportOutcome,
    ImportProgress,
    ImportReportDialog,
    accept_drop,
    read_drop,
)
from duizhao.ui.tasks import TaskRunner

WAIT = 60_000  # ms; generous for a loaded two-core machine


def article(n: int) -> str:
    """A short article of our own, different for every ``n``."""
    return (
        f"河西县第{n}座便民桥通车\n"
        f"河西县今天又有一座便民小桥通车，这是今年完工的第{n}座。\n"
        f"县交通局表示，小桥方便了{n + 20}户村民赶集和上学。\n"
    )


def make_files(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"桥{n:05d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return tmp_path / "lib"


@pytest.fixture
def runner(library_dir: Path) -> Iterator[TaskRunner]:
    runner = TaskRunner(library_dir)
    yield runner
    runner.shutdown()


@pytest.fixture
def controller(runner: TaskRunner) -> ImportController:
    return ImportController(runner)


def run_import(qtbot, controller: ImportController, paths: list[Path]) -> ImportOutcome:
    with qtbot.wait_signal(controller.finished, timeout=WAIT) as blocker:
        assert controller.start(paths)
    assert not controller.is_running()
    outcome = blocker.args[0]
    assert isinstance(outcome, ImportOutcome)
    return outcome


def slow_import_one(delay: float):
    real = importer.import_one

    def slow(*args: object, **kwargs: object) -> ImportResult:
        time.sleep(delay)
        return real(*args, **kwargs)

    return slow


def test_folder_import_reports_every_file_and_indexes(
    qtbot, controller: ImportController, tmp_path: Path, library_dir: Path
) -> None:
    folder = tmp_path / "in"
    make_files(folder, 3)
    (folder / "重复.txt").write_text(article(1), encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    progress: list[tuple[int, int, str]] = []
    phases: list[str] = []
    controller.progressed.connect(lambda d, t, m: progress.append((d, t, m)))
    controller.phase_changed.connect(phases.append)
    outcome = run_import(qtbot, controller, [folder])

    by_name = {Path(r.path).name: r for r in outcome.results}
    assert len(by_name) == 5
    assert by_name["桥00001.txt"].status is ImportStatus.IMPORTED
    assert by_name["桥00001.txt"].title == "河西县第1座便民桥通车"
    assert by_name["重复.txt"].status is ImportStatus.DUPLICATE
    assert by_name["image.png"].status is ImportStatus.FAILED
    assert by_name["image.png"].error
    assert outcome.summary() == "3 imported · 1 duplicate · 1 failed"
    assert outcome.needs_report
    assert not outcome.cancelled
    assert outcome.indexed == 3
    assert phases[-1] == PHASE_INDEXING
    assert (5, 5, "重复.txt") in progress

    library = Library.open(library_dir)
    try:
        assert library.count() == 3
        results = SearchIndex(library_dir).search(library, "便民小桥")
        assert results.total == 3
    finally:
        library.close()


def test_empty_folder_says_so(qtbot, controller: ImportController, tmp_path: Path) -> None:
    empty = tmp_path / "空"
    empty.mkdir()
    (empty / ".hidden.txt").write_text(article(1), encoding="utf-8")
    outcome = run_import(qtbot, controller, [empty])
    (result,) = outcome.results
    assert result.status is ImportStatus.FAILED
    assert result.error == f"no importable files in {empty}"
    assert outcome.summary() == "0 imported · 1 failed"


def test_nothing_given(qtbot, controller: ImportController) -> None:
    outcome = run_import(qtbot, controller, [])
    assert outcome.results == []
    assert outcome.summary() == "nothing imported"
    assert not outcome.needs_report


def test_file_vanishing_after_collect(
    qtbot, controller: ImportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_files(tmp_path / "in", 3)

    def collect_then_delete(given: list[str | Path]) -> list[importer.Candidate]:
        found = importer.collect(given)
        paths[1].unlink()
        return found

    monkeypatch.setattr(importing, "collect", collect_then_delete)
    outcome = run_import(qtbot, controller, [tmp_path / "in"])
    statuses = [r.status for r in outcome.results]
    assert statuses == [ImportStatus.IMPORTED, ImportStatus.FAILED, ImportStatus.IMPORTED]
    assert outcome.results[1].error == "cannot read file: No such file or directory"


def test_missing_path_is_a_failed_line(qtbot, controller: ImportController, tmp_path: Path) -> None:
    outcome = run_import(qtbot, controller, [tmp_path / "nowhere.txt"])
    assert [(r.status, r.error) for r in outcome.results] == [
        (ImportStatus.FAILED, "no such file or directory")
    ]


def test_cancel_keeps_what_was_imported(
    qtbot,
    controller: ImportController,
    tmp_path: Path,
    library_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_files(tmp_path / "in", 200)
    monkeypatch.setattr(importing, "import_one", slow_import_one(0.01))
    progress: list[int] = []
    controller.progressed.connect(lambda d, t, m: progress.append(d))
    with qtbot.wait_signal(controller.finished, timeout=WAIT) as blocker:
        controller.start([tmp_path / "in"])
        qtbot.wait_until(lambda: bool(progress) and progress[-1] >= 3, timeout=WAIT)
        controller.cancel()
    outcome = blocker.args[0]
    assert outcome.cancelled
    assert outcome.summary().endswith("· cancelled")
    imported = outcome.count(ImportStatus.IMPORTED)
    assert 3 <= imported < 200
    assert outcome.indexed == 0  # the index is left for the next sync
    library = Library.open(library_dir)
    try:
        assert library.count() == imported
        assert library.integrity_check() == "ok"
    finally:
        library.close()


def test_closing_the_window_mid_import(
    qtbot, runner: TaskRunner, tmp_path: Path, library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_files(tmp_path / "in", 200)
    monkeypatch.setattr(importing, "import_one", slow_import_one(0.01))
    controller = ImportController(runner)
    progress: list[int] = []
    controller.progressed.connect(lambda d, t, m: progress.append(d))
    assert controller.start([tmp_path / "in"])
    qtbot.wait_until(lambda: bool(progress) and progress[-1] >= 2, timeout=WAIT)
    with qtbot.wait_signal(controller.finished, timeout=WAIT) as blocker:
        controller.cancel()
        runner.shutdown()  # what the window does on close
    outcome = blocker.args[0]
    assert outcome.cancelled
    library = Library.open(library_dir)
    try:
        assert library.count() == outcome.count(ImportStatus.IMPORTED) > 0
        assert library.integrity_check() == "ok"
    finally:
        library.close()
    assert not controller.start([tmp_path / "in"])  # the runner is closed: refused, no crash


def test_only_one_import_at_a_time(
    qtbot, controller: ImportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_files(tmp_path / "in", 5)
    monkeypatch.setattr(importing, "import_one", slow_import_one(0.02))
    with qtbot.wait_signal(controller.finished, timeout=WAIT):
        assert controller.start([tmp_path / "in"])
        with qtbot.wait_signal(controller.failed, timeout=1000) as refused:
            assert not controller.start([tmp_path / "in"])
    assert "already running" in refused.args[0]


def test_a_library_that_cannot_be_opened_fails_in_one_line(qtbot, tmp_path: Path) -> None:
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    make_files(tmp_path / "in", 1)
    runner = TaskRunner(blocker_file / "lib")
    try:
        controller = ImportController(runner)
        with qtbot.wait_signal(controller.failed, timeout=WAIT) as failed:
            controller.start([tmp_path / "in"])
        assert "\n" not in failed.args[0]
        assert failed.args[0]
        assert not controller.is_running()
    finally:
        runner.shutdown()


def test_index_trouble_does_not_undo_the_import(
    qtbot,
    controller: ImportController,
    tmp_path: Path,
    library_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def busy(*args: object, **kwargs: object) -> int:
        raise SearchBusy("the search index is being written by another Duizhao")

    monkeypatch.setattr(SearchIndex, "sync", busy)
    make_files(tmp_path / "in", 2)
    outcome = run_import(qtbot, controller, [tmp_path / "in"])
    assert outcome.count(ImportStatus.IMPORTED) == 2
    assert outcome.index_error == "the search index is being written by another Duizhao"
    assert "search index not updated" in outcome.summary()


@pytest.mark.slow  # about 9 s on an idle two-core machine
def test_five_thousand_small_files(
    qtbot, controller: ImportController, tmp_path: Path, library_dir: Path
) -> None:
    folder = tmp_path / "many"
    make_files(folder, 5000)
    progress: list[tuple[int, int]] = []
    controller.progressed.connect(lambda d, t, m: progress.append((d, t)))
    started = time.perf_counter()
    outcome = run_import(qtbot, controller, [folder])
    elapsed = time.perf_counter() - started
    assert outcome.count(ImportStatus.IMPORTED) == 5000, outcome.summary()
    assert outcome.indexed == 5000
    assert (5000, 5000) in progress
    assert len(progress) < 1000  # throttled, not one signal per file
    print(f"5,000 files imported and indexed in {elapsed:.1f} s")


# -- the status-bar widget --------------------------------------------------------------


def test_progress_widget_follows_an_import(
    qtbot, controller: ImportController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = ImportProgress(None)
    qtbot.add_widget(widget)
    widget.bind(controller)
    assert widget.isHidden()
    make_files(tmp_path / "in", 30)
    monkeypatch.setattr(importing, "import_one", slow_import_one(0.02))
    labels: list[str] = []
    controller.progressed.connect(lambda *_: labels.append(widget.label.text()))
    with qtbot.wait_signal(controller.finished, timeout=WAIT):
        controller.start([tmp_path / "in"])
        assert not widget.isHidden()
        qtbot.wait_until(lambda: any(t.startswith("Importing ") for t in labels), timeout=WAIT)
        assert widget.bar.maximum() == 30
    assert widget.isHidden()
    assert any("of 30 · 桥000" in t for t in labels)


def test_progress_widget_cancels_with_escape(qtbot) -> None:
    widget = ImportProgress(None)
    qtbot.add_widget(widget)
    with qtbot.assert_not_emitted(widget.cancel_requested):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)  # hidden: nothing to cancel
    widget.on_started()
    assert not widget.isHidden()
    widget.on_progress(4, 10, "新闻.txt")
    assert widget.label.text() == "Importing 4 of 10 · 新闻.txt"
    assert (widget.bar.value(), widget.bar.maximum()) == (4, 10)
    with qtbot.wait_signal(widget.cancel_requested, timeout=1000):
        qtbot.keyClick(widget.cancel_button, Qt.Key.Key_Escape)
    assert widget.label.text() == "Cancelling…"
    assert not widget.cancel_button.isEnabled()
    widget.on_progress(5, 10, "next.txt")
    assert widget.label.text() == "Cancelling…"
    with qtbot.assert_not_emitted(widget.cancel_requested):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)  # once is enough
    widget.on_finished(ImportOutcome())
    assert widget.isHidden()


def test_progress_widget_indexing_phase(qtbot) -> None:
    widget = ImportProgress(None)
    qtbot.add_widget(widget)
    widget.on_started()
    widget.on_phase(PHASE_INDEXING)
    assert widget.label.text() == "Updating the search index…"
    widget.on_progress(300, 1000, "search index")
    assert widget.label.text() == "Indexing 300 of 1,000"
    widget.on_failed("disk full")
    assert widget.isHidden()


# -- the report ---------------------------------------------------------------------------


RESULTS = [
    ImportResult("/in/a.txt", ImportStatus.IMPORTED, 1, "甲文"),
    ImportResult("/in/b.txt", ImportStatus.IMPORTED, 2, "乙文"),
    ImportResult("/in/c.txt", ImportStatus.DUPLICATE, 1, "甲文"),
    ImportResult("/in/d.bin", ImportStatus.FAILED, error="not text: binary data"),
]


def test_report_model_passes_the_model_tester(qtmodeltester) -> None:
    model = importing.ImportResultsModel(RESULTS)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.index(3, 0).data() == "d.bin"
    assert model.index(3, 1).data() == "failed"
    assert model.index(3, 2).data() == "not text: binary data"
    assert model.index(0, 2).data() == "甲文"
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "/in/a.txt"


def test_report_dialog_summary_filter_and_copy(qtbot, qtmodeltester) -> None:
    dialog = ImportReportDialog(RESULTS, None)
    qtbot.add_widget(dialog)
    qtmodeltester.check(dialog.proxy)
    assert dialog.summary_label.text() == "2 imported · 1 duplicate · 1 failed"
    assert dialog.problems_only.isChecked()  # something failed: problems first
    assert dialog.proxy.rowCount() == 1
    dialog.problems_only.setChecked(False)
    assert dialog.proxy.rowCount() == 4
    QGuiApplication.clipboard().clear()
    dialog.copy_report()
    text = QGuiApplication.clipboard().text()
    assert text.splitlines()[0] == "2 imported · 1 duplicate · 1 failed"
    assert "/in/d.bin\tfailed\tnot text: binary data" in text


def test_report_without_failures_is_not_needed(qtbot) -> None:
    outcome = ImportOutcome(RESULTS[:3])
    assert not outcome.needs_report
    assert outcome.imported_ids == [1, 2]
    dialog = ImportReportDialog(outcome, None)
    qtbot.add_widget(dialog)
    assert not dialog.problems_only.isChecked()
    assert dialog.proxy.rowCount() == 3


# -- drops -------------------------------------------------------------------------------


def test_drop_keeps_local_files_and_says_why_not_the_rest(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(tmp_path / "新闻.txt")),
            QUrl("https://example.org/news.html"),
            QUrl.fromLocalFile(str(tmp_path / "folder")),
            QUrl.fromLocalFile(str(tmp_path / "新闻.txt")),
        ]
    )
    drop = read_drop(mime)
    assert drop.paths == [tmp_path / "新闻.txt", tmp_path / "folder"]
    assert drop.ignored == ["https://example.org/news.html: not a local file or folder"]
    assert accept_drop(mime) == drop.paths


def test_drop_of_text_is_refused_with_a_reason() -> None:
    mime = QMimeData()
    mime.setText("河西县")
    drop = read_drop(mime)
    assert drop.paths == []
    assert len(drop.ignored) == 1
    assert accept_drop(QMimeData()) == []
