"""A small chart of dots that can be clicked or chosen with the keyboard.

:class:`DotChart` is what the comparison's series timeline and the story
timeline share: a subclass says where its dots are (:meth:`positions`) and
what choosing one does (:meth:`activate`); the chart finds the dot under the
mouse, moves the chosen dot with Left/Right and activates it with Enter or
Space, and repaints when focus comes in (the chosen dot is drawn marked).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

RADIUS = 5


class DotChart(QWidget):
    """Dots drawn by a subclass; clicks and keys choose and activate them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._chosen = 0

    def positions(self) -> list[QPointF]:
        """Where each dot is drawn (widget coordinates)."""
        raise NotImplementedError

    def activate(self, number: int) -> None:
        """The dot ``number`` was clicked or chosen with Enter."""
        raise NotImplementedError

    def hit(self, at: QPointF) -> int | None:
        for number, where in enumerate(self.positions()):
            if (where - at).manhattanLength() <= 2 * RADIUS + 2:
                return number
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is None:
            super().mousePressEvent(event)
            return
        self._chosen = hit
        self.activate(hit)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        count = len(self.positions())
        if not count:
            super().keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_Left:
            self._chosen = max(0, self._chosen - 1)
        elif event.key() == Qt.Key.Key_Right:
            self._chosen = min(count - 1, self._chosen + 1)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate(self._chosen)
        else:
            super().keyPressEvent(event)
            return
        self.update()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)
