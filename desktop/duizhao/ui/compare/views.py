"""Views of the comparison pane: the rows table and its relation badge.

- :class:`RelationBadgeDelegate` paints the relation column as a coloured
  badge (contradicts red, differs orange, agrees green, related grey), with a
  star before it when the row is pinned.
- :class:`RowsView` is the rows table: word-wrapped claim cells, rows as tall
  as their text, and Enter/Return on a cell reported by ``claim_chosen`` (a
  click is the view's own ``clicked``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from duizhao.ui.compare.model import RELATION_ROLE, relation_colour

Index = QModelIndex | QPersistentModelIndex
_PADDING = 4


class RelationBadgeDelegate(QStyledItemDelegate):
    """A rounded badge in the relation's colour, holding the cell's text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        metrics = opt.fontMetrics
        area = opt.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        width = min(area.width(), metrics.horizontalAdvance(text) + 4 * _PADDING)
        badge = QRect(area.left(), area.top(), width, metrics.height() + 2 * _PADDING)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(relation_colour(str(index.data(RELATION_ROLE) or "related")))
        painter.drawRoundedRect(badge, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = opt.fontMetrics
        return QSize(
            metrics.horizontalAdvance(opt.text) + 6 * _PADDING,
            metrics.height() + 4 * _PADDING,
        )


class RowsView(QTableView):
    """The rows table of one topic."""

    claim_chosen = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareRows")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().hide()
        self.setAccessibleName(self.tr("Claims side by side"))
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        # outlet · date, read from its start: left-aligned, cut at the end only
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(0, RelationBadgeDelegate(self))

    def fit_columns(self) -> None:
        """Relation as wide as its badges, claims sharing the width, note narrower."""
        header = self.horizontalHeader()
        count = header.count()
        for column in range(count):
            if column == 0:
                mode = QHeaderView.ResizeMode.ResizeToContents
            elif column == count - 1:
                mode = QHeaderView.ResizeMode.Interactive
            else:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        if count > 1:
            header.resizeSection(count - 1, 160)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.claim_chosen.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
