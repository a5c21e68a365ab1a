"""The library panel: a filter box, the article table and a count.

:class:`LibraryPanel` puts a :class:`~duizhao.ui.models.LibraryTableModel`
behind an :class:`~duizhao.ui.models.ArticleFilterProxy` in a sortable
``QTableView`` and turns what the reader does into signals the window
connects: open (double-click, Enter), open in a new pane (Ctrl+Enter or the
context menu), move to trash (Delete) and compare (two or more selected).
Articles can also be dragged out of the table onto a reading pane; the drag
carries :data:`~duizhao.ui.models.ARTICLE_MIME_TYPE`.

The panel holds no library: the window gives it summaries
(:meth:`~LibraryPanel.set_articles`) and acts on the ids it emits.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QKeyCombination, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from duizhao.core.library import ArticleSummary
from duizhao.ui.areas import set_area
from duizhao.ui.models import ARTICLE_ID_ROLE, ArticleFilterProxy, LibraryTableModel
from duizhao.ui.models.library import CHARS, DATE, SCRIPT, SOURCE, TITLE

DEFAULT_SORT = (DATE, Qt.SortOrder.DescendingOrder)


class LibraryPanel(QWidget):
    """The library list with its filter; emits article ids, never opens anything itself."""

    article_activated = Signal(int)
    open_in_new_pane = Signal(int)
    remove_requested = Signal(list)  # list[int]
    compare_requested = Signal(list)  # list[int]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryTableModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("libraryFilter")
        self.filter.setPlaceholderText(self.tr("Filter by title or source, 简体 or 繁體 (Ctrl+L)"))
        self.filter.setAccessibleName(self.tr("Filter the library list"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)
        self.filter.installEventFilter(self)

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setAccessibleName(self.tr("Articles in the library"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        widths = {
            SOURCE: metrics.horizontalAdvance("港灣新聞網"),
            DATE: metrics.horizontalAdvance("2026-02-27"),
            SCRIPT: metrics.horizontalAdvance("繁體"),
            CHARS: metrics.horizontalAdvance("100,000"),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 18)  # not ResizeToContents: 10k rows
        header.setMinimumSectionSize(24)
        self.table.setColumnHidden(CHARS, True)  # in the tooltip; the title needs the room
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.setSortIndicator(*DEFAULT_SORT)
        self.table.setSortingEnabled(True)
        self.table.installEventFilter(self)

        self.count = QLabel(self)
        self.count.setObjectName("libraryCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self._build_actions()
        for model in (self.model, self.proxy):
            model.rowsInserted.connect(self._update_count)
            model.rowsRemoved.connect(self._update_count)
            model.modelReset.connect(self._update_count)
            model.layoutChanged.connect(self._update_count)
        self._update_count()

    def _build_actions(self) -> None:
        """The context menu's actions. Their keys are shown in the menu but
        handled by :meth:`eventFilter` (see there), so they never compete with
        the window's own actions on the same keys."""

        def action(text: str, keys: str, slot: object) -> QAction:
            made = QAction(f"{text}\t{keys}" if keys else text, self)  # keys shown, not bound
            made.triggered.connect(slot)
            set_area(made, "library", keys)  # listed by F1 from here
            return made

        self.open_action = action(self.tr("Open"), "Enter", self._open_current)
        self.open_new_pane_action = action(
            self.tr("Open in new pane"), "Ctrl+Enter", self._open_current_in_new_pane
        )
        self.compare_action = action(self.tr("Compare selected"), "", self._compare_selected)
        self.remove_action = action(self.tr("Move to trash"), "Del", self._remove_selected)
        self._table_keys = {
            "Return": self._open_current,
            "Enter": self._open_current,
            "Ctrl+Return": self._open_current_in_new_pane,
            "Ctrl+Enter": self._open_current_in_new_pane,
            "Del": self._remove_selected,
            "Ctrl+L": self.focus_filter,
        }
        self._filter_keys = {
            "Esc": self._clear_filter,
            "Down": self._to_table,
            "Ctrl+L": self.focus_filter,
        }

    # -- public ------------------------------------------------------------------

    def set_articles(self, rows: Iterable[ArticleSummary]) -> None:
        """Show ``rows``; the selection is kept for articles still present."""
        selected = self.selected_ids()
        current = self.current_id()
        self.model.set_articles(rows)
        for article_id in selected:
            self._select(article_id, current=article_id == current)

    def add_articles(self, rows: Iterable[ArticleSummary]) -> None:
        """New or changed articles (after an import), placed by the current sort."""
        self.model.rows_added(rows)

    def remove_articles(self, ids: Iterable[int]) -> None:
        """Take articles out of the list (after a move to the trash)."""
        self.model.remove_ids(ids)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, top to bottom as shown."""
        rows = self.table.selectionModel().selectedRows()
        return [int(i.data(ARTICLE_ID_ROLE)) for i in sorted(rows, key=lambda i: i.row())]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ARTICLE_ID_ROLE)) if index.isValid() else None

    def select_id(self, article_id: int) -> bool:
        """Make ``article_id`` the current, only selected row (False when it is
        not in the library or hidden by the filter)."""
        self.table.clearSelection()
        return self._select(article_id, current=True)

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        header = self.table.horizontalHeader()
        return header.sortIndicatorSection(), header.sortIndicatorOrder()

    def set_sort_state(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < self.model.columnCount():
            self.table.sortByColumn(column, order)

    @Slot()
    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    # -- internals ------------------------------------------------------------------

    def _select(self, article_id: int, *, current: bool) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = self.table.selectionModel().SelectionFlag
        command = flags.Select | flags.Rows
        if current:
            self.table.selectionModel().setCurrentIndex(index, command)
            self.table.scrollTo(index)
        else:
            self.table.selectionModel().select(index, command)
        return True

    @Slot(str)
    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if shown == total:
            text = self.tr("1 article") if total == 1 else self.tr("{total} articles")
        else:
            text = (
                self.tr("{shown} of 1 article")
                if total == 1
                else self.tr("{shown} of {total} articles")
            )
        self.count.setText(text.format(shown=shown, total=total))

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid():
            self.article_activated.emit(int(index.data(ARTICLE_ID_ROLE)))

    @Slot()
    def _open_current(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.article_activated.emit(article_id)

    @Slot()
    def _open_current_in_new_pane(self) -> None:
        article_id = self.current_id()
        if article_id is not None:
            self.open_in_new_pane.emit(article_id)

    @Slot()
    def _remove_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.remove_requested.emit(ids)

    @Slot()
    def _compare_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) >= 2:
            self.compare_requested.emit(ids)

    def context_menu(self) -> QMenu:
        """The menu for the current selection (built afresh each time)."""
        menu = QMenu(self)
        has_current = self.current_id() is not None
        self.open_action.setEnabled(has_current)
        self.open_new_pane_action.setEnabled(has_current)
        self.compare_action.setEnabled(len(self.selected_ids()) >= 2)
        self.remove_action.setEnabled(bool(self.selected_ids()))
        menu.addAction(self.open_action)
        menu.addAction(self.open_new_pane_action)
        menu.addAction(self.compare_action)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        return menu

    @Slot(QPoint)
    def column_menu(self) -> QMenu:
        """Show or hide columns (the header's context menu); the title always shows."""
        menu = QMenu(self)
        model = self.table.model()
        for column in range(1, model.columnCount()):
            name = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(name))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        return menu

    @Slot(QPoint)
    def _on_header_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def _on_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.select_id(int(index.data(ARTICLE_ID_ROLE)))
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    @Slot()
    def _clear_filter(self) -> None:
        self.filter.clear()

    @Slot()
    def _to_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The panel's keys, in the table and the filter box.

        A key the panel handles is claimed at ``ShortcutOverride``, so a window
        action on the same key (Del, Ctrl+L) does not fire, and Qt does not
        report an ambiguous shortcut, while the focus is in the panel."""
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            keys = self._table_keys if watched is self.table else self._filter_keys
            if watched is self.table or watched is self.filter:
                handler = keys.get(key_name(event))
                if handler is not None and self._wants(watched, event):
                    if kind == QEvent.Type.ShortcutOverride:
                        event.accept()
                    else:
                        handler()
                    return True
        return super().eventFilter(watched, event)

    def _wants(self, watched: QObject, event: QKeyEvent) -> bool:
        """Esc only when there is a filter to clear (else it is the window's)."""
        if watched is self.filter and event.key() == Qt.Key.Key_Escape:
            return bool(self.filter.text())
        return True


def key_name(event: QKeyEvent) -> str:
    """``Ctrl+Return``, ``Del``, ``Enter`` …: the key and modifiers, keypad ignored."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    combination = QKeyCombination(modifiers, Qt.Key(event.key()))
    return QKeySequence(combination).toString(QKeySequence.SequenceFormat.PortableText)
