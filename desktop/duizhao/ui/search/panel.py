"""The search panel: a query box, a sort choice, the results and a status line.

:class:`SearchPanel` parses the query in the GUI thread first (cheap, and a
query that cannot be searched gets its one-line reason at once), then runs
the search on the task runner's reader pool (:func:`search_job`). Typing
searches after a pause of :data:`DEBOUNCE_MS`; Enter searches at once. Every
search gets a serial number and the outcome carries it back: an outcome that
is not the latest one's is dropped, so a slow old search never overwrites a
newer one, and the older task is cancelled when a new one starts.

Each reader thread keeps its own :class:`~duizhao.core.search.index.SearchIndex`
per library (:func:`thread_index`): a Whoosh searcher is not shared between
threads. Opening one per search measured the same here (3 ms on a 30-article
index), but a kept one also keeps its cache of analysis views, which
highlighting the hits of the next keystroke reuses.
Its lock timeout is short (:data:`BUSY_TIMEOUT`): while another task writes
the index, the search gives up with :class:`~duizhao.core.search.index.SearchBusy`,
the panel says so and tries once more after :data:`RETRY_MS`.

A clicked result (or Enter on one) emits ``result_activated(id, start,
end)`` with the hit's first match in original-text code points, or
``-1, -1`` when the hit matched only by field (a date or script filter).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.search import Hit, QueryError, Results, SearchBusy, SearchError, parse

if TYPE_CHECKING:
    from duizhao.core.search import SearchIndex
from duizhao.ui.search.delegate import HitDelegate
from duizhao.ui.search.model import SearchResultsModel
from duizhao.ui.tasks import Task, TaskContext, TaskRunner

DEBOUNCE_MS = 250
RETRY_MS = 1000
BUSY_TIMEOUT = 1.0  # seconds a search waits for another writer of the index
LIMIT = 100
BUSY_MESSAGE = QT_TRANSLATE_NOOP(
    "SearchPanel", "The index is being updated — search again in a moment"
)
SORTS = (
    (QT_TRANSLATE_NOOP("SearchPanel", "Relevance"), "relevance"),
    (QT_TRANSLATE_NOOP("SearchPanel", "Newest first"), "date"),
)
PLACEHOLDER = QT_TRANSLATE_NOOP(
    "SearchPanel",
    'Search: words, "a phrase", a OR b, -word, title:, source:, script:, date:2026-03',
)
SYNTAX_HELP = QT_TRANSLATE_NOOP(
    "SearchPanel",
    "稀土 出口        both words\n"
    '"出口 管制"      an exact phrase\n'
    "镓 OR 锗         either word\n"
    "-日本  NOT 日本   leave out\n"
    "(镓 OR 锗) 日本   grouping\n"
    "title:峰会  source:海峡时报  author:林志远\n"
    "script:simplified | traditional | mixed\n"
    "date:2026-03  date:2026-02-01..2026-03-15  date:>=2026-03-01\n"
    "简体 and 繁體 find each other.",
)


@dataclass(slots=True)
class SearchOutcome:
    """What one search job hands back to the panel."""

    serial: int
    text: str
    results: Results | None = None
    elapsed_ms: int = 0
    message: str | None = None  # one line, when there are no results to show
    busy: bool = False
    warnings: list[str] = field(default_factory=list)


_local = threading.local()
_opened: list[tuple[threading.Thread, SearchIndex]] = []  # for close_finished_indexes
_opened_lock = threading.Lock()


def thread_index(library_dir: Path) -> SearchIndex:
    """This thread's search index of ``library_dir``, opened on first use."""
    indexes: dict[Path, SearchIndex] | None = getattr(_local, "indexes", None)
    if indexes is None:
        indexes = _local.indexes = {}
    key = Path(library_dir)
    if key not in indexes:
        from duizhao.core.search import SearchIndex  # the engine loads on first search

        index = indexes[key] = SearchIndex(key, timeout=BUSY_TIMEOUT)
        with _opened_lock:
            _opened.append((threading.current_thread(), index))
    return indexes[key]


def close_finished_indexes() -> None:
    """Close the search indexes of reader threads that have ended (call it after
    the runner's shutdown): left to the garbage collector, their files would be
    closed at some later moment, with a ResourceWarning."""
    with _opened_lock:
        ended = [index for thread, index in _opened if not thread.is_alive()]
        _opened[:] = [(thread, index) for thread, index in _opened if thread.is_alive()]
    for index in ended:
        index.close()


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPanel", text)


def _sentence(message: str) -> str:
    line = (message.strip().splitlines() or [""])[0]
    return line[:1].upper() + line[1:]


def search_job(
    serial: int, text: str, sort: str, limit: int
) -> Callable[[TaskContext], SearchOutcome]:
    """The work function for the reader pool; it never raises (but on cancel)."""

    def job(context: TaskContext) -> SearchOutcome:
        started = time.perf_counter()
        try:
            index = thread_index(context.library_dir)
            results = index.search(context.library, text, limit=limit, sort=sort)
        except SearchBusy:
            return SearchOutcome(serial, text, message=_tr(BUSY_MESSAGE), busy=True)
        except (QueryError, SearchError) as exc:
            return SearchOutcome(serial, text, message=_sentence(str(exc)))
        except Exception as exc:  # a broken library must not leave the panel waiting
            detail = _sentence(str(exc)) or type(exc).__name__
            failed = QCoreApplication.translate("SearchPanel", "Search failed: {reason}")
            return SearchOutcome(serial, text, message=failed.format(reason=detail))
        elapsed = round((time.perf_counter() - started) * 1000)
        return SearchOutcome(serial, text, results=results, elapsed_ms=elapsed)

    return job


class SearchPanel(QWidget):
    """Query box, sort choice, results and status; runs searches on ``runner``."""

    result_activated = Signal(int, int, int)  # article id, start, end (original text)
    searched = Signal(int)  # total results of the search just shown
    sort_changed = Signal(str)  # "relevance" or "date", when the reader picks one

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.limit = LIMIT
        self._serial = 0
        self._task: Task | None = None
        self._retried = False
        self._shown_query = ""

        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(_tr(PLACEHOLDER))
        self.query.setToolTip(_tr(SYNTAX_HELP))
        self.query.setAccessibleName(self.tr("Search the library"))
        self.query.setClearButtonEnabled(True)
        self.query.textEdited.connect(self._on_edited)
        self.query.returnPressed.connect(self.search_now)
        self.query.installEventFilter(self)

        self.sort = QComboBox(self)
        self.sort.setObjectName("searchSort")
        for label, value in SORTS:
            self.sort.addItem(_tr(label), value)
        self.sort.setToolTip(self.tr("Order of the results"))
        self.sort.setAccessibleName(self.tr("Order of the results"))
        self.sort.currentIndexChanged.connect(self._on_sort)

        self.model = SearchResultsModel(self)
        self.delegate = HitDelegate(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(self.delegate)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.results.clicked.connect(self._activate)
        self.results.installEventFilter(self)

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_pause)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_retry)

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

    # -- public ------------------------------------------------------------------

    def set_query(self, text: str, run: bool = True) -> None:
        self.query.setText(text)
        if run:
            self.search_now()

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def sort_order(self) -> str:
        return str(self.sort.currentData())

    def set_sort_order(self, value: str) -> None:
        """``"relevance"`` or ``"date"`` (newest first); searches again if there is a query."""
        index = self.sort.findData(value)
        if index >= 0:
            self.sort.setCurrentIndex(index)

    set_sort = set_sort_order

    def current_hit(self) -> Hit | None:
        index = self.results.currentIndex()
        return self.model.hit(index.row()) if index.isValid() else None

    def shown_query(self) -> str:
        """The query whose results are shown."""
        return self._shown_query

    def is_searching(self) -> bool:
        return self._task is not None

    @Slot()
    def search_now(self) -> None:
        """Search the query box's text now (Enter)."""
        self._debounce.stop()
        self._start(self.query.text(), explicit=True)

    # -- running ------------------------------------------------------------------

    def _start(self, text: str, *, explicit: bool) -> None:
        self._retry.stop()
        self._retried = False
        self._serial += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if not text.strip() and not explicit:
            self.model.clear()
            self._shown_query = ""
            self._set_status("")
            return
        try:
            parse(text)
        except QueryError as exc:
            self.model.clear()
            self._shown_query = ""
            self._set_status(_sentence(str(exc)), error=True)
            return
        self._run(text)

    def _run(self, text: str) -> None:
        self._set_status(self.tr("Searching…"))
        task = self.runner.read(
            "search", search_job(self._serial, text, self.sort_order(), self.limit)
        )
        if task.done:  # the runner is shut down
            self._set_status(self.tr("Search is not available while closing"), error=True)
            return
        task.finished.connect(self._on_outcome)
        task.failed.connect(self._on_failed)
        self._task = task

    @Slot(object)
    def _on_outcome(self, outcome: object) -> None:
        if not isinstance(outcome, SearchOutcome) or outcome.serial != self._serial:
            return  # an older search: a newer one has started since
        self._task = None
        if outcome.busy:
            self._set_status(_tr(BUSY_MESSAGE), error=True)
            if not self._retried:
                self._retried = True
                self._retry.start()
            return
        if outcome.results is None:
            self.model.clear()
            self._shown_query = ""
            self._set_status(outcome.message or self.tr("Search failed"), error=True)
            return
        self._show(outcome.text, outcome.results, outcome.elapsed_ms)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self.sender() is self._task:  # search_job catches errors; this is a last resort
            self._task = None
            self._set_status(self.tr("Search failed: {reason}").format(reason=message), error=True)

    @Slot()
    def _on_retry(self) -> None:
        if self._task is None and self.query.text().strip():
            self._serial += 1  # the second and last try (``_retried`` stays set)
            self._run(self.query.text())

    def _show(self, text: str, results: Results, elapsed_ms: int) -> None:
        self.delegate.clear_cache()
        self.model.set_hits(results.hits)
        self._shown_query = text
        shown, total = len(results.hits), max(results.total, len(results.hits))
        if total == 0:
            summary = self.tr("No results")
        elif shown < total:
            summary = self.tr("{shown} of {total} results").format(shown=shown, total=total)
        else:
            summary = self.tr("1 result") if total == 1 else self.tr("{n} results").format(n=total)
        parts = [summary, f"{elapsed_ms} ms", *results.warnings]
        self._set_status(" · ".join(parts), error=False)
        if results.warnings:
            self.status.setToolTip("\n".join(results.warnings))
        if shown:
            self.results.setCurrentIndex(self.model.index(0))
        self.searched.emit(total)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setProperty("error", error)
        self.status.setStyleSheet("color: #b3261e;" if error else "")

    # -- reactions ----------------------------------------------------------------

    @Slot(str)
    def _on_edited(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_pause(self) -> None:
        self._start(self.query.text(), explicit=False)

    @Slot(int)
    def _on_sort(self, _index: int) -> None:
        self.sort_changed.emit(self.sort_order())
        if self.query.text().strip():
            self.search_now()

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.hit(index.row())
        start, end = hit.highlights[0] if hit.highlights else (-1, -1)
        self.result_activated.emit(hit.id, start, end)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on a result opens it; Down in the query box moves to the results;
        Esc in the query box clears it. Claimed at ``ShortcutOverride``, so a
        window action on the same key waits while the focus is here."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(
            event, QKeyEvent
        ):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        handler = None
        if watched is self.results and plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            handler = self._activate_current
        elif watched is self.query and plain and key == Qt.Key.Key_Down and self.model.rowCount():
            handler = self._to_results
        elif watched is self.query and plain and key == Qt.Key.Key_Escape and self.query.text():
            handler = self._clear_query
        if handler is None:
            return super().eventFilter(watched, event)
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()
        else:
            handler()
        return True

    @Slot()
    def _activate_current(self) -> None:
        self._activate(self.results.currentIndex())

    @Slot()
    def _to_results(self) -> None:
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))

    @Slot()
    def _clear_query(self) -> None:
        self.query.clear()
        self._start("", explicit=False)
