"""The text of a reading pane: a read-only QPlainTextEdit that knows its entities.

:class:`ReaderText` owns the :class:`~duizhao.ui.reader.highlighter.EntityHighlighter`
of its document and turns mouse input into intentions the pane acts on:

- a single click (no drag, no selection) on a highlighted entity emits
  ``entity_clicked(entity_id)``; the pointer becomes a hand over entities;
- the context menu adds "Search the library for 「X」" for the entity under
  the pointer (``query_for`` turns its id into a query that names all its
  linked forms) and for the selected text, and "Highlight all occurrences";
  both emit ``search_requested`` / ``entity_clicked``;
- Ctrl+wheel emits ``zoom_requested(±1)`` instead of zooming the font itself,
  so the pane keeps its zoom level and reading position;
- hovering over an entity shows ``tooltip_for(entity_id)``: the pane's
  sidebar says how the view writes it and which names are linked to it;
- with the reading aid on (:attr:`ReaderText.aid_for`), hovering over any
  Chinese word — or F2 at the text cursor, :meth:`ReaderText.show_aid_at` —
  shows the :class:`~duizhao.ui.reader.aid.AidPopup` below (or above) its
  line instead; the popup goes when the pointer leaves the line, the text
  scrolls or a key is pressed.

Positions here are UTF-16 units of the shown view; mapping to the original
text is the pane's business.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCursor,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QToolTip, QWidget

from duizhao.ui.reader.aid import AidPopup
from duizhao.ui.reader.highlighter import EntityHighlighter, Span

#: What the aid callback returns: the popup's text, the word, its UTF-16 span.
AidHit = tuple[str, str, int, int]

#: Selections longer than this are not offered as a library search.
MAX_QUERY_CHARS = 200


class ReaderText(QPlainTextEdit):
    """Read-only text with entity highlights; see the module docstring."""

    entity_clicked = Signal(str)
    search_requested = Signal(str)
    zoom_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerText")
        self.setAccessibleName(self.tr("Article text"))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.highlighter = EntityHighlighter(self.document())
        self.query_for: Callable[[str], str] = lambda entity_id: ""
        self.tooltip_for: Callable[[str], str] = lambda entity_id: ""
        #: The reading aid, when on: UTF-16 position -> what to show, or None.
        self.aid_for: Callable[[int], AidHit | None] | None = None
        self.aid_popup: AidPopup | None = None
        self._press: QPoint | None = None
        flags = self.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)  # a caret to move word by word (and F2 on it)
        self.verticalScrollBar().valueChanged.connect(self.hide_aid)

    # -- hit testing -------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """UTF-16 position of the character under viewport ``point``, if any."""
        last = self.document().characterCount() - 1  # without the final separator
        if last <= 0:
            return None
        boundary = self.cursorForPosition(point).position()
        for position in (boundary, boundary - 1):
            if 0 <= position < last and self._char_box(position).contains(point):
                return position
        return None

    def _char_box(self, position: int) -> QRect:
        """The viewport rectangle of the character at UTF-16 ``position``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        left = self.cursorRect(cursor)
        cursor.setPosition(position + 1)
        right = self.cursorRect(cursor)
        if right.top() == left.top() and right.left() > left.left():
            width = right.left() - left.left()
        else:  # the last character of a line: measure it
            ch = self.document().characterAt(position)
            width = self.fontMetrics().horizontalAdvance(ch) if ch.isprintable() else 0
        return QRect(left.left(), left.top(), width, left.height())

    def span_at(self, point: QPoint) -> Span | None:
        position = self.char_at(point)
        if position is None:
            return None
        spans = self.highlighter.spans_at(position)
        return spans[-1] if spans else None

    def span_at_position(self, position: int) -> Span | None:
        spans = self.highlighter.spans_at(position)
        return spans[-1] if spans else None

    def span_text(self, span: Span) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def selected_query(self) -> str:
        """The selected text as a one-line query ('' when none or too long)."""
        text = self.textCursor().selectedText().replace("\u2029", " ").replace("\u2028", " ")
        text = " ".join(text.split())
        return text if 0 < len(text) <= MAX_QUERY_CHARS else ""

    # -- context menu ------------------------------------------------------------

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The standard menu plus the entity and search actions for ``point``."""
        menu = self.createStandardContextMenu(point)
        span = self.span_at(point)
        selected = self.selected_query()
        if span is not None or selected:
            menu.addSeparator()
        if span is not None:
            surface = self.span_text(span)
            query = self.query_for(span.entity_id) or surface
            search = self.tr("Search the library for 「{text}」")
            action = menu.addAction(search.format(text=surface))
            action.setObjectName("searchEntity")
            action.triggered.connect(lambda _c=False, q=query: self.search_requested.emit(q))
            if span.entity_id != self.highlighter.selected:
                show = menu.addAction(
                    self.tr("Highlight all occurrences of 「{text}」").format(text=surface)
                )
                show.setObjectName("selectEntity")
                show.triggered.connect(
                    lambda _c=False, e=span.entity_id: self.entity_clicked.emit(e)
                )
        if selected and (span is None or selected != self.span_text(span)):
            shown = selected if len(selected) <= 20 else selected[:20] + "…"
            action = menu.addAction(self.tr("Search the library for 「{text}」").format(text=shown))
            action.setObjectName("searchSelection")
            action.triggered.connect(lambda _c=False, q=selected: self.search_requested.emit(q))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        menu = self.context_menu_at(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- mouse -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        point = event.position().toPoint()
        moved = (point - press).manhattanLength()
        if moved >= QApplication.startDragDistance() or self.textCursor().hasSelection():
            return
        span = self.span_at(point)
        if span is not None:
            self.entity_clicked.emit(span.entity_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        super().mouseMoveEvent(event)
        popup = self.aid_popup
        if popup is not None and popup.isVisible():
            where = self.viewport().mapToGlobal(event.position().toPoint())
            if not popup.line.contains(where):
                popup.hide()
        if event.buttons() == Qt.MouseButton.NoButton:
            over = self.span_at(event.position().toPoint()) is not None
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)

    # -- reading aid -------------------------------------------------------------

    def show_aid_at(self, position: int) -> bool:
        """Show the aid for the word at UTF-16 ``position``; False when there is none."""
        if self.aid_for is None:
            return False
        hit = self.aid_for(position)
        if hit is None:
            self.hide_aid()
            return False
        text, word, start, end = hit
        line = self._line_rect(start, end)
        screen = self.screen().availableGeometry() if self.screen() else QRect(0, 0, 4000, 4000)
        if self.aid_popup is None:
            self.aid_popup = AidPopup(self)
        self.aid_popup.show_for(text, word, line, screen)
        return True

    def _line_rect(self, start: int, end: int) -> QRect:
        """The global rectangle of the line(s) holding UTF-16 ``start:end``, full width."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        first = self.cursorRect(cursor)
        cursor.setPosition(max(start, end))
        last = self.cursorRect(cursor)
        top, bottom = min(first.top(), last.top()), max(first.bottom(), last.bottom())
        corner = self.viewport().mapToGlobal(QPoint(0, top))
        return QRect(corner, QSize(self.viewport().width(), bottom - top + 1))

    def hide_aid(self, *_args: object) -> None:
        if self.aid_popup is not None and self.aid_popup.isVisible():
            self.aid_popup.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.hide_aid()
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Leave:
            self.hide_aid()
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.aid_for:
            position = self.char_at(event.pos())
            if position is not None and self.show_aid_at(position):
                QToolTip.hideText()
                return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            span = self.span_at(event.pos())
            tip = self.tooltip_for(span.entity_id) if span is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)
