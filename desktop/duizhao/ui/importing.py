"""Importing files from the window: one background task, its progress, its report.

- :class:`ImportController` submits ONE write task per import: it collects the
  files under the given paths (:func:`duizhao.core.ingest.importer.collect`),
  imports them one by one with ``import_one`` (one transaction each, so a
  cancel between files keeps everything already imported), then brings the
  search index up to date. Its signals carry progress and, at the end, an
  :class:`ImportOutcome` — also when the import was cancelled or the runner
  shut down, so the caller always learns what was imported.
- :class:`ImportProgress` — the status-bar widget: label, progress bar and a
  Cancel button (Esc while it has focus); hidden when no import runs.
- :class:`ImportReportDialog` — a table of every file's result with a summary
  line ("12 imported · 2 duplicates · 1 failed"); the window shows it when
  something failed (:attr:`ImportOutcome.needs_report`) and otherwise only
  puts :meth:`ImportOutcome.summary` in the status bar.
- :func:`accept_drop` / :func:`read_drop` — the local files and folders in a
  drag and drop, with a reason for every URL that is not one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.ingest import Candidate, ImportOptions, collect, import_one
from duizhao.core.library import ImportResult, ImportStatus
from duizhao.core.yielding import breathe
from duizhao.ui.tasks import Task, TaskContext, TaskRunner

__all__ = [
    "ImportController",
    "ImportOutcome",
    "ImportProgress",
    "ImportReportDialog",
    "ImportResultsModel",
    "accept_drop",
    "read_drop",
]

_ROOT = QModelIndex()
PHASE_COLLECTING = "collecting"
PHASE_IMPORTING = "importing"
PHASE_INDEXING = "indexing"


@dataclass(slots=True)
class ImportOutcome:
    """What one import did: a result per file, in order, and how it ended."""

    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False
    indexed: int = 0  # documents the search index added or removed
    index_error: str | None = None  # the index could not be updated (the import stands)

    def count(self, status: ImportStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def imported_ids(self) -> list[int]:
        return [r.id for r in self.results if r.status is ImportStatus.IMPORTED and r.id]

    @property
    def needs_report(self) -> bool:
        """True when a file failed: the report dialog should open by itself."""
        return any(r.status is ImportStatus.FAILED for r in self.results)

    def summary(self) -> str:
        """One line: "12 imported · 2 duplicates · 1 failed", and how it ended."""
        if not self.results:
            parts = ["nothing imported"]
        else:
            imported = self.count(ImportStatus.IMPORTED)
            parts = [f"{imported:,} imported"]
            duplicates = self.count(ImportStatus.DUPLICATE)
            if duplicates:
                parts.append(f"{duplicates:,} duplicate{'s' if duplicates != 1 else ''}")
            failed = self.count(ImportStatus.FAILED)
            if failed:
                parts.append(f"{failed:,} failed")
        if self.cancelled:
            parts.append("cancelled")
        if self.index_error:
            parts.append(f"search index not updated: {self.index_error}")
        return " · ".join(parts)


class _Job:
    """State shared by the controller and its worker; read by the GUI only after the task."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.stop = threading.Event()
        self.outcome: ImportOutcome | None = None
        self.results: list[ImportResult] = []
        self.failure: str | None = None


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else "") or type(exc).__name__


class ImportController(QObject):
    """Runs imports on the runner's writer thread, one at a time."""

    started = Signal()
    progressed = Signal(int, int, str)  # done, total, file name (or what is being done)
    phase_changed = Signal(str)  # PHASE_COLLECTING, PHASE_IMPORTING, PHASE_INDEXING
    finished = Signal(object)  # ImportOutcome, also after a cancel
    failed = Signal(str)  # the task itself failed (e.g. the library cannot be opened)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        options: ImportOptions | None = None,
        yield_between_files: bool = True,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.options = options or ImportOptions()
        self.yield_between_files = yield_between_files
        self._job: _Job | None = None
        self._task: Task | None = None

    def is_running(self) -> bool:
        return self._job is not None

    @property
    def task(self) -> Task | None:
        return self._task

    def start(self, paths: list[Path]) -> bool:
        """Start importing ``paths``; False (and ``failed``) if an import already runs."""
        if self._job is not None:
            self.failed.emit("an import is already running; wait for it or cancel it")
            return False
        job = _Job([Path(p) for p in paths])
        task = self.runner.write("import", lambda context: self._work(context, job))
        if task.done:  # the runner is shutting down
            self.failed.emit("Duizhao is closing; nothing was imported")
            return False
        self._job, self._task = job, task
        task.progressed.connect(self.progressed)
        task.ended.connect(self._ended)
        self.started.emit()
        return True

    @Slot()
    def cancel(self) -> None:
        """Stop after the file being imported; what was imported stays."""
        if self._job is not None:
            self._job.stop.set()

    @Slot()
    def _ended(self) -> None:
        job, self._job, self._task = self._job, None, None
        if job is None:
            return
        if job.failure is not None:
            self.failed.emit(job.failure)
        else:
            self.finished.emit(job.outcome or ImportOutcome(list(job.results), cancelled=True))

    # -- the worker (never touches a widget) ----------------------------------------

    def _work(self, context: TaskContext, job: _Job) -> ImportOutcome:
        try:
            job.outcome = self._import(context, job)
        except Exception as exc:
            job.failure = _one_line(exc)
            raise
        return job.outcome

    def _import(self, context: TaskContext, job: _Job) -> ImportOutcome:
        def stopped() -> bool:
            return job.stop.is_set() or context.cancelled()

        self.phase_changed.emit(PHASE_COLLECTING)
        context.progress(0, 0, "")
        candidates: list[Candidate] = []
        for path in job.paths:
            found = collect([path])
            if not found and path.is_dir():
                job.results.append(
                    ImportResult(
                        str(path), ImportStatus.FAILED, error=f"no importable files in {path}"
                    )
                )
            candidates.extend(found)
        outcome = ImportOutcome(job.results)
        self.phase_changed.emit(PHASE_IMPORTING)
        total = len(candidates)
        library = context.library
        for done, candidate in enumerate(candidates, start=1):
            if stopped():
                outcome.cancelled = True
                return outcome
            job.results.append(import_one(library, candidate, self.options))
            context.progress(done, total, candidate.path.name)
            if self.yield_between_files:
                breathe()  # let the GUI thread take the GIL (duizhao.core.yielding)
        if not any(r.status is ImportStatus.IMPORTED for r in job.results):
            return outcome
        self.phase_changed.emit(PHASE_INDEXING)
        from duizhao.core.search import SearchIndex  # the engine loads on first use

        index = SearchIndex(context.library_dir)
        try:
            outcome.indexed = index.sync(
                library,
                progress=lambda i, n: context.progress(i, n, "search index"),
                cancelled=stopped,
            )
        except Exception as exc:  # noqa: BLE001 - the import stands; the next sync retries
            outcome.index_error = _one_line(exc)
        finally:
            index.close()
        outcome.cancelled = stopped()
        return outcome


class ImportProgress(QWidget):
    """Status-bar progress of the running import, with Cancel (Esc when focused)."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = QLabel("", self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop importing after the current file (Esc)")
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._phase = PHASE_COLLECTING
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.cancel_button)
        self.hide()

    def bind(self, controller: ImportController) -> None:
        """Follow ``controller`` and send Cancel to it."""
        controller.started.connect(self.on_started)
        controller.phase_changed.connect(self.on_phase)
        controller.progressed.connect(self.on_progress)
        controller.finished.connect(self.on_finished)
        controller.failed.connect(self.on_failed)
        self.cancel_requested.connect(controller.cancel)

    @Slot()
    def on_started(self) -> None:
        self._phase = PHASE_COLLECTING
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, 0)  # busy until the number of files is known
        self.label.setText("Looking for files…")
        self.show()

    @Slot(str)
    def on_phase(self, phase: str) -> None:
        self._phase = phase
        if phase == PHASE_INDEXING and self.cancel_button.isEnabled():
            self.label.setText("Updating the search index…")
            self.bar.setRange(0, 0)

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, message: str) -> None:
        if not self.cancel_button.isEnabled():
            return  # keep saying "Cancelling…"
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        if self._phase == PHASE_INDEXING:
            self.label.setText(f"Indexing {done:,} of {total:,}")
        else:
            name = message if len(message) <= 40 else message[:18] + "…" + message[-18:]
            self.label.setText(f"Importing {done:,} of {total:,} · {name}")

    @Slot(object)
    def on_finished(self, _outcome: object) -> None:
        self._idle()

    @Slot(str)
    def on_failed(self, _message: str) -> None:
        self._idle()

    def _idle(self) -> None:
        self.hide()
        self.label.setText("")

    @Slot()
    def request_cancel(self) -> None:
        if not self.isVisible() or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")
        self.cancel_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            event.accept()
            return
        super().keyPressEvent(event)


# -- the report ----------------------------------------------------------------------

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
_STATUS_TEXT = {
    ImportStatus.IMPORTED: "imported",
    ImportStatus.DUPLICATE: "duplicate",
    ImportStatus.FAILED: "failed",
}


class ImportResultsModel(QAbstractTableModel):
    """Rows of :class:`ImportResult`: file, status, title (or the error)."""

    HEADERS = ("File", "Status", "Title or error")

    def __init__(self, results: list[ImportResult], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = list(results)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._results)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        column = index.column()
        if role == STATUS_ROLE:
            return str(result.status)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return Path(result.path).name or result.path
            if column == 1:
                return _STATUS_TEXT.get(result.status, str(result.status))
            if column == 2:
                return result.error if result.status is ImportStatus.FAILED else result.title or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return result.path
            if column == 2:
                return result.error or result.title
        return None

    def result(self, row: int) -> ImportResult:
        return self._results[row]


class ImportReportDialog(QDialog):
    """Every file's result, a summary line, "Problems only" and Copy."""

    def __init__(
        self, results: ImportOutcome | list[ImportResult], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.outcome = results if isinstance(results, ImportOutcome) else ImportOutcome(results)
        self.setWindowTitle("Import report")
        self.resize(760, 420)
        self.summary_label = QLabel(self.outcome.summary(), self)
        self.model = ImportResultsModel(self.outcome.results, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(STATUS_ROLE)
        self.proxy.setFilterKeyColumn(1)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the import order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.problems_only = QCheckBox("&Problems only", self)
        self.problems_only.toggled.connect(self.show_problems_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy report", self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)
        layout.addWidget(self.problems_only)
        layout.addWidget(buttons)
        if self.outcome.needs_report:
            self.problems_only.setChecked(True)

    @Slot(bool)
    def show_problems_only(self, on: bool) -> None:
        self.proxy.setFilterFixedString(str(ImportStatus.FAILED) if on else "")

    def text(self) -> str:
        """The report as tab-separated lines, a summary first."""
        lines = [self.outcome.summary()]
        for r in self.outcome.results:
            detail = r.error if r.status is ImportStatus.FAILED else r.title or ""
            lines.append(f"{r.path}\t{r.status}\t{detail}")
        return "\n".join(lines)

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


# -- drag and drop --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Drop:
    paths: list[Path]
    ignored: list[str]  # one line per URL that is not a local file or folder


def read_drop(mime: QMimeData) -> Drop:
    """The local files and folders in ``mime``, and why anything else was left out."""
    paths: list[Path] = []
    ignored: list[str] = []
    if not mime.hasUrls():
        if mime.hasText():
            ignored.append("dropped text is not a file; drop files or folders to import them")
        return Drop(paths, ignored)
    for url in mime.urls():
        if not url.isLocalFile() or not url.toLocalFile():
            shown = url.toDisplayString()
            shown = shown if len(shown) <= 80 else shown[:77] + "..."
            ignored.append(f"{shown}: not a local file or folder")
            continue
        path = Path(url.toLocalFile())
        if path not in paths:
            paths.append(path)
    return Drop(paths, ignored)


def accept_drop(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop (see :func:`read_drop` for the reasons)."""
    return read_drop(mime).paths
