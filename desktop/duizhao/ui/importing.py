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
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from duizhao.core.ingest import (
    Candidate,
    ImportOptions,
    collect,
    import_one,
    is_url,
    with_fetcher,
)
from duizhao.core.library import ImportResult, ImportStatus
from duizhao.core.yielding import breathe
from duizhao.ui.import_report import ImportOutcome, ImportReportDialog, ImportResultsModel
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


#: What an import takes: a file or folder, a web address (str), or content
#: already in hand (a pasted :class:`Candidate`).
Source = Path | str | Candidate


class _Job:
    """State shared by the controller and its worker; read by the GUI only after the task."""

    def __init__(self, sources: list[Source]) -> None:
        self.paths = sources
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

    def start(self, paths: list[Path] | list[Source]) -> bool:
        """Start importing ``paths`` -- files and folders, http(s) addresses given
        as text, pasted candidates; False (and ``failed``) if an import already runs."""
        if self._job is not None:
            self.failed.emit(self.tr("an import is already running; wait for it or cancel it"))
            return False
        job = _Job([p if isinstance(p, Candidate) or is_url(str(p)) else Path(p) for p in paths])
        task = self.runner.write("import", lambda context: self._work(context, job))
        if task.done:  # the runner is shutting down
            self.failed.emit(self.tr("Duizhao is closing; nothing was imported"))
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
            found = [path] if isinstance(path, Candidate) else collect([path])
            if not found and isinstance(path, Path) and path.is_dir():
                job.results.append(
                    ImportResult(
                        str(path),
                        ImportStatus.FAILED,
                        error=QCoreApplication.translate(
                            "Import", "no importable files in {path}"
                        ).format(path=path),
                    )
                )
            candidates.extend(found)
        outcome = ImportOutcome(job.results)
        self.phase_changed.emit(PHASE_IMPORTING)
        total = len(candidates)
        library = context.library
        options = with_fetcher(self.options, candidates)
        for done, candidate in enumerate(candidates, start=1):
            if stopped():
                outcome.cancelled = True
                return outcome
            job.results.append(import_one(library, candidate, options))
            context.progress(done, total, candidate.url or candidate.path.name)
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
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop importing after the current file (Esc)"))
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
        self.label.setText(self.tr("Looking for files…"))
        self.show()

    @Slot(str)
    def on_phase(self, phase: str) -> None:
        self._phase = phase
        if phase == PHASE_INDEXING and self.cancel_button.isEnabled():
            self.label.setText(self.tr("Updating the search index…"))
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
            self.label.setText(
                self.tr("Indexing {done} of {total}").format(done=f"{done:,}", total=f"{total:,}")
            )
        else:
            name = message if len(message) <= 40 else message[:18] + "…" + message[-18:]
            self.label.setText(
                self.tr("Importing {done} of {total} · {name}").format(
                    done=f"{done:,}", total=f"{total:,}", name=name
                )
            )

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
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            event.accept()
            return
        super().keyPressEvent(event)


# -- the report ----------------------------------------------------------------------

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
            ignored.append(
                QCoreApplication.translate(
                    "Import", "dropped text is not a file; drop files or folders to import them"
                )
            )
        return Drop(paths, ignored)
    for url in mime.urls():
        if not url.isLocalFile() or not url.toLocalFile():
            shown = url.toDisplayString()
            shown = shown if len(shown) <= 80 else shown[:77] + "..."
            ignored.append(
                QCoreApplication.translate("Import", "{url}: not a local file or folder").format(
                    url=shown
                )
            )
            continue
        path = Path(url.toLocalFile())
        if path not in paths:
            paths.append(path)
    return Drop(paths, ignored)


def accept_drop(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drop (see :func:`read_drop` for the reasons)."""
    return read_drop(mime).paths
