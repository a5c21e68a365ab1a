"""Help → Keyboard shortcuts (F1): a table made from the actions themselves.

:func:`collect_shortcuts` walks every ``QAction`` the window holds — its
menus', the comparison pane's, each reading pane's, the library list's — and
keeps those with a shortcut (or with keys a widget handles itself, the
:data:`~duizhao.ui.actions.KEYS` property), once each, grouped by the area
the action belongs to (:data:`~duizhao.ui.actions.AREA`). Nothing is typed
twice, so the table can never fall behind a new action.

:class:`ShortcutsDialog` shows them in a tree (area, then action and keys),
with a filter box that matches an action's words or its keys ("ctrl+p",
"导出"); Esc closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from duizhao.ui.areas import AREA, AREAS, KEYS, area_name

if TYPE_CHECKING:
    from duizhao.ui.mainwindow import MainWindow


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    area: str
    text: str
    keys: str


def _keys(action: QAction) -> str:
    own = action.property(KEYS)
    if isinstance(own, str) and own:
        return QKeySequence(own).toString(QKeySequence.SequenceFormat.NativeText) or own
    shown = [
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for key in action.shortcuts()
        if not key.isEmpty()
    ]
    return ", ".join(shown)


def _text(action: QAction) -> str:
    text = action.text().split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…").rstrip(".").strip()


def collect_shortcuts(window: MainWindow) -> list[ShortcutRow]:
    """Every action of ``window`` with keys, once, by area (in :data:`AREAS` order)."""
    seen: set[tuple[str, str, str]] = set()
    rows: list[ShortcutRow] = []
    for action in window.findChildren(QAction):
        keys = _keys(action)
        if not keys:
            continue
        area = action.property(AREA)
        area = area if isinstance(area, str) and area in AREAS else "view"
        row = ShortcutRow(area, _text(action), keys)
        key = (row.area, row.text, row.keys)
        if key not in seen:
            seen.add(key)
            rows.append(row)
    order = {name: k for k, name in enumerate(AREAS)}
    return sorted(rows, key=lambda r: order[r.area])  # stable: menu order within an area


class ShortcutsDialog(QDialog):
    """The searchable table of shortcuts, grouped by area."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows = collect_shortcuts(window)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        heads: dict[str, QStandardItem] = {}
        for row in self.rows:
            head = heads.get(row.area)
            if head is None:
                head = heads[row.area] = QStandardItem(area_name(row.area))
                head.setEditable(False)
                bold = head.font()
                bold.setBold(True)
                head.setFont(bold)
                blank = QStandardItem("")
                blank.setEditable(False)
                self.model.appendRow([head, blank])
            text, keys = QStandardItem(row.text), QStandardItem(row.keys)
            for item in (text, keys):
                item.setEditable(False)
            head.appendRow([text, keys])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Filter: an action's words or its keys"))
        self.filter.setAccessibleName(self.tr("Filter the shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.set_filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("shortcutsTable")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setModel(self.proxy)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.expandAll()
        self.count = QLabel(self)
        self.count.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(560, 620)
        self._update_count()

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()
        self._update_count()

    def shown(self) -> list[tuple[str, str]]:
        """(action, keys) of the rows the filter lets through, top to bottom."""
        out = []
        for top in range(self.proxy.rowCount()):
            head = self.proxy.index(top, 0)
            for row in range(self.proxy.rowCount(head)):
                out.append(
                    (
                        str(self.proxy.index(row, 0, head).data()),
                        str(self.proxy.index(row, 1, head).data()),
                    )
                )
        return out

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("{shown} of {total} shortcuts").format(
                shown=len(self.shown()), total=len(self.rows)
            )
        )
