"""The few marks a pane draws over its text as ExtraSelections.

:class:`MarkPainter` draws, on one text widget, the find matches near the
current one (at most :data:`MAX_DRAWN_MATCHES`, since ExtraSelections are slow
in bulk), the current match, and one marked range (a search hit or a claim)
that can flash a few times before it stays. Entity colours are not marks:
the highlighter does those. Positions are UTF-16 units of the shown text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from duizhao.ui.reader.colors import mark_color

MAX_DRAWN_MATCHES = 200
FLASHES = 6
FLASH_MS = 140

Range = tuple[int, int]


class MarkPainter(QObject):
    """ExtraSelections for find matches and a marked range on ``text``."""

    def __init__(self, text: QPlainTextEdit) -> None:
        super().__init__(text)
        self.text = text
        self.dark = False
        self.matches: list[Range] = []
        self.current = -1
        self.marked: Range | None = None
        self._flashes_left = 0
        self.timer = QTimer(self)
        self.timer.setInterval(FLASH_MS)
        self.timer.timeout.connect(self._on_flash)

    def paint(
        self, matches: list[Range], current: int, marked: Range | None, flash: bool = False
    ) -> None:
        """Draw these marks (replacing the previous ones); ``flash`` the marked range."""
        self.matches, self.current, self.marked = matches, current, marked
        if flash and marked is not None:
            self._flashes_left = FLASHES
            self.timer.start()
        elif marked is None:
            self.stop_flash()
        self._draw()

    def stop_flash(self) -> None:
        self._flashes_left = 0
        self.timer.stop()

    @property
    def flashing(self) -> bool:
        return self.timer.isActive()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._draw()

    @Slot()
    def _on_flash(self) -> None:
        self._flashes_left -= 1
        if self._flashes_left <= 0:
            self.stop_flash()
        self._draw()

    def _draw(self) -> None:
        selections = []
        matches, current = self.matches, self.current
        if matches:
            lo = max(0, min(current - MAX_DRAWN_MATCHES // 2, len(matches) - MAX_DRAWN_MATCHES))
            for k in range(lo, min(len(matches), lo + MAX_DRAWN_MATCHES)):
                selections.append(
                    self._selection(*matches[k], "current" if k == current else "match")
                )
        if self.marked is not None:
            bright = self._flashes_left > 0 and self._flashes_left % 2 == 1
            selections.append(self._selection(*self.marked, "flash" if bright else "mark"))
        self.text.setExtraSelections(selections)

    def _selection(self, start: int, end: int, kind: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        document = self.text.document()
        last = document.characterCount() - 1
        cursor = QTextCursor(document)
        cursor.setPosition(max(0, min(start, last)))
        cursor.setPosition(max(0, min(end, last)), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor  # type: ignore[misc]
        selection.format.setBackground(mark_color(kind, self.dark))  # type: ignore[attr-defined]
        return selection
