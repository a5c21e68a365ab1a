"""Drawing one search result: the title, the date and the marked fragments.

:class:`HitDelegate` lays out the model's :data:`~.model.HTML_ROLE` with a
``QTextDocument`` as wide as the view, over the style's usual item background
(so selection and focus look native). The document of the last few rows is
kept, keyed by the HTML and the width, because ``sizeHint`` and ``paint`` ask
for the same row in a row.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from duizhao.ui.search.model import HTML_ROLE

Index = QModelIndex | QPersistentModelIndex
PADDING = 6
CACHE_SIZE = 64


class HitDelegate(QStyledItemDelegate):
    """Rich-text rows for :class:`~.model.SearchResultsModel`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    def _document(self, html: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        font = option.font.toString()
        key = (html, width, font)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument(self)
            document.setDocumentMargin(0)
            document.setDefaultFont(option.font)
            document.setHtml(html)
            document.setTextWidth(max(width, 40))
            self._documents[key] = document
            while len(self._documents) > CACHE_SIZE:
                _, old = self._documents.popitem(last=False)
                old.deleteLater()
        else:
            self._documents.move_to_end(key)
        return document

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        widget = option.widget
        viewport = getattr(widget, "viewport", None)
        if isinstance(widget, QWidget) and callable(viewport):
            return int(viewport().width()) - 2 * PADDING
        return option.rect.width() - 2 * PADDING

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        html = index.data(HTML_ROLE)
        if not isinstance(html, str):
            return super().sizeHint(option, index)
        width = self._width(option)
        document = self._document(html, width, option)
        height = int(document.size().height()) + 2 * PADDING
        return QSize(width + 2 * PADDING, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        html = index.data(HTML_ROLE)
        if not isinstance(html, str):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self._document(html, option.rect.width() - 2 * PADDING, option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING)
        clip = QRectF(0, 0, option.rect.width() - PADDING, option.rect.height() - PADDING)
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()

    def clear_cache(self) -> None:
        for document in self._documents.values():
            document.deleteLater()
        self._documents.clear()
