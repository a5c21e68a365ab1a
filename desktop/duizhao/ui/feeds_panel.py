"""The Feeds panel: subscribe to RSS and Atom feeds, fetch new items on demand.

A tab beside Library and Search. :class:`FeedsModel` adapts the core's list
of :class:`~duizhao.core.library.Feed`: its name and the items taken from it,
with its address, last fetch and last error in the tool tip.
:class:`FeedsPanel` holds an address box with Subscribe, the table, and
Fetch new items / Remove; every library access runs in the task
runner (reads on the pool, writes on the writer), never in the GUI thread.

Fetching is the only thing here that reaches the network, and only when the
user presses Fetch: it runs :func:`duizhao.core.ingest.fetch_feeds` on the
writer thread with a progress bar and a Cancel button (which stops between
items; what was imported stays), and hands the results to the window as an
:class:`~duizhao.ui.import_report.ImportOutcome`, so they show like a file
import (summary, and the report when something failed). Removing a
subscription keeps its articles, and its items are still known by their
address, so subscribing again fetches nothing twice: nothing is lost.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.ingest import Fetcher, FetchError, ImportOptions, check_url, fetch_feeds
from duizhao.core.library import Feed, ImportResult, add_feed, list_feeds, remove_feed
from duizhao.ui.import_report import ImportOutcome
from duizhao.ui.tasks import TaskContext, TaskRunner

_ROOT = QModelIndex()
Index = QModelIndex | QPersistentModelIndex


class FeedsModel(QAbstractTableModel):
    """The subscriptions as a table: feed, items, last fetched, state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feeds: list[Feed] = []

    def set_feeds(self, feeds: list[Feed]) -> None:
        self.beginResetModel()
        self.feeds = list(feeds)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.feeds)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else 2

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Feed"), self.tr("Items"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Two columns fit the narrow left side; when it was fetched and its
        last error are in the tool tip (and an error marks the name with ⚠)."""
        if not index.isValid() or not 0 <= index.row() < len(self.feeds):
            return None
        feed = self.feeds[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return ("⚠ " if feed.error else "") + (feed.title or feed.url)
            return f"{feed.items:,}"
        if role == Qt.ItemDataRole.ToolTipRole:
            when = (feed.fetched_at or "")[:16].replace("T", " ") or self.tr("never")
            lines = [feed.url, self.tr("Fetched: {when}").format(when=when)]
            if feed.error:
                lines.append(self.tr("Last error: {error}").format(error=feed.error))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return feed.id
        return None


class FeedsPanel(QWidget):
    """Subscribe, remove, fetch new items; results go to the window by ``fetched``."""

    fetched = Signal(object)  # ImportOutcome of one fetch, also after Cancel
    message = Signal(str)
    changed = Signal()  # the list was reloaded

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsPanel")
        self.runner = runner
        self.options = ImportOptions()  # tests give a fetcher without the per-host pause
        self._stop: threading.Event | None = None
        self._loaded = False
        self.address = QLineEdit(self)
        self.address.setObjectName("feedAddress")
        self.address.setPlaceholderText(self.tr("Feed address (RSS or Atom)"))
        self.address.setAccessibleName(self.tr("Feed address"))
        self.address.setClearButtonEnabled(True)
        self.subscribe_button = QPushButton(self.tr("&Subscribe"), self)
        self.model = FeedsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("feedsTable")
        self.table.setAccessibleName(self.tr("Subscribed feeds"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fetch_button = QPushButton(self.tr("&Fetch new items"), self)
        self.fetch_button.setToolTip(self.tr("Fetch every feed now and import its new items"))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setToolTip(self.tr("End the subscription; its articles stay"))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop fetching after the current item"))

        top = QHBoxLayout()
        top.addWidget(self.address, 1)
        top.addWidget(self.subscribe_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(running)

        self.address.returnPressed.connect(self.subscribe)
        self.subscribe_button.clicked.connect(self.subscribe)
        self.fetch_button.clicked.connect(self.fetch)
        self.remove_button.clicked.connect(self.remove_selected)
        self.cancel_button.clicked.connect(self.cancel)
        self.table.selectionModel().selectionChanged.connect(self._sync_buttons)
        self._show_running(False)
        self._sync_buttons()

    # -- list ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The list is read when the tab is first shown, not at start-up."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        task = self.runner.read("feeds", lambda context: list_feeds(context.library))
        task.finished.connect(self._listed)
        task.failed.connect(self._failed)

    def _listed(self, feeds: list[Feed]) -> None:
        self.model.set_feeds(feeds)
        self._sync_buttons()
        self.changed.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.feeds[r].id for r in rows if r < len(self.model.feeds)]

    @Slot()
    def _sync_buttons(self) -> None:
        running = self._stop is not None
        self.fetch_button.setEnabled(bool(self.model.feeds) and not running)
        self.remove_button.setEnabled(bool(self.selected_ids()) and not running)

    # -- subscribe, remove ----------------------------------------------------------------

    @Slot()
    def subscribe(self) -> None:
        text = self.address.text().strip()
        if not text:
            self._say(self.tr("Type or paste a feed's address first."))
            return
        try:
            url = check_url(text)
        except FetchError as exc:
            self._say(self.tr("Not a feed address: {reason}").format(reason=str(exc)))
            return

        def work(context: TaskContext) -> tuple[Feed, bool]:
            return add_feed(context.library, url)

        task = self.runner.write("subscribe", work, keep=True)
        task.finished.connect(self._subscribed)
        task.failed.connect(self._failed)

    def _subscribed(self, result: tuple[Feed, bool]) -> None:
        feed, created = result
        self.address.clear()
        if created:
            self._say(
                self.tr("Subscribed to {url}. Fetch new items to import its articles.").format(
                    url=feed.url
                )
            )
        else:
            self._say(self.tr("Already subscribed to {url}.").format(url=feed.url))
        self.refresh()

    @Slot()
    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return

        def work(context: TaskContext) -> int:
            for feed_id in ids:
                remove_feed(context.library, feed_id)
            return len(ids)

        task = self.runner.write("unsubscribe", work, keep=True)
        task.finished.connect(self._removed)
        task.failed.connect(self._failed)

    def _removed(self, count: int) -> None:
        self._say(self.tr("Removed {n} subscriptions; their articles stay.").format(n=count))
        self.refresh()

    # -- fetch ----------------------------------------------------------------------------

    @Slot()
    def fetch(self) -> None:
        if self._stop is not None or not self.model.feeds:
            return
        stop = threading.Event()
        self._stop = stop
        results: list[ImportResult] = []

        def work(context: TaskContext) -> ImportOutcome:
            def progress(done: int, total: int, result: ImportResult) -> None:
                results.append(result)
                context.progress(done, total, result.path)

            fetcher = self.options.fetcher or Fetcher(max_bytes=self.options.max_bytes)
            fetch_feeds(
                context.library,
                fetcher,
                replace(self.options, fetcher=fetcher),
                progress=progress,
                cancelled=lambda: stop.is_set() or context.cancelled(),
            )
            outcome = ImportOutcome(list(results), cancelled=stop.is_set())
            if outcome.imported_ids:
                from duizhao.core.search import SearchIndex

                index = SearchIndex(context.library_dir)
                try:
                    outcome.indexed = index.sync(context.library)
                except Exception as exc:  # noqa: BLE001 - the import stands; the next sync retries
                    outcome.index_error = str(exc).splitlines()[0] if str(exc) else "index"
                finally:
                    index.close()
            return outcome

        task = self.runner.write("fetch feeds", work)
        task.progressed.connect(self._progressed)
        task.finished.connect(self._fetched)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self._fetched(ImportOutcome(list(results), cancelled=True)))
        task.ended.connect(self._fetch_ended)
        self._show_running(True)
        self.status.setText(self.tr("Fetching feeds…"))

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        shown = message if len(message) <= 48 else message[:22] + "…" + message[-22:]
        self.status.setText(
            self.tr("Feed {done} of {total} · {item}").format(done=done, total=total, item=shown)
        )

    def _fetched(self, outcome: ImportOutcome) -> None:
        self.status.setText(outcome.summary())
        self.fetched.emit(outcome)

    @Slot()
    def _fetch_ended(self) -> None:
        self._stop = None
        self._show_running(False)
        self._sync_buttons()
        self.refresh()

    @Slot()
    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling after the current item…"))

    def is_fetching(self) -> bool:
        return self._stop is not None

    def _show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setRange(0, 0)
        self._sync_buttons()

    # -- messages -------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    def _failed(self, reason: str) -> None:
        self._say(self.tr("Feeds: {reason}").format(reason=reason))
