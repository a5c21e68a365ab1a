"""A story on a date axis: one row per outlet, one dot per article.

:class:`StoryTimeline` shows who reported a story and when: outlets down the
left (in order of their first report), days along the bottom, a dot for each
article, hollow for a syndicated copy. Clicking a dot, or Enter on the dot
chosen with Left/Right, emits ``article_activated(article_id)``. Drawn with
QPainter: no plotting stack for one chart. A comparison's series (a toll
reported over time) is drawn below it by the comparison's own
:class:`~duizhao.ui.compare.timeline.SeriesTimeline`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from duizhao.ui.dots import RADIUS as _RADIUS
from duizhao.ui.dots import DotChart
from duizhao.ui.stories.model import REGION_COLOURS

_LEFT = 110  # room for outlet names
_MARGIN = 16
_ROW = 22


@dataclass(frozen=True, slots=True)
class Mark:
    article: int
    outlet: str
    region: str
    day: dt.date | None
    title: str
    copy: bool = False


class StoryTimeline(DotChart):
    """A story's articles by outlet and day, clickable."""

    article_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTimeline")
        self.setAccessibleName(self.tr("Story timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._marks: list[Mark] = []
        self._outlets: list[str] = []

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: (m.day is None, m.day or dt.date.min, m.article))
        self._outlets = list(dict.fromkeys(m.outlet for m in self._marks))
        self._chosen = 0
        self.setFixedHeight(max(60, 2 * _MARGIN + 18 + _ROW * len(self._outlets)))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.height())

    def _days(self) -> tuple[int, int]:
        days = [m.day.toordinal() for m in self._marks if m.day is not None]
        return (min(days), max(days)) if days else (0, 0)

    def positions(self) -> list[QPointF]:
        """Where each article's dot is drawn (widget coordinates); undated at the right end."""
        left, right = self._days()
        area = QRectF(self.rect()).adjusted(_LEFT, _MARGIN, -_MARGIN - 12, -_MARGIN - 18)
        out = []
        for m in self._marks:
            if m.day is None:
                x = area.right() + 10
            elif right > left:
                x = area.left() + area.width() * (m.day.toordinal() - left) / (right - left)
            else:
                x = area.center().x()
            y = area.top() + _ROW * self._outlets.index(m.outlet) + _ROW / 2
            while any(abs(p.x() - x) < 2 * _RADIUS and p.y() == y for p in out):
                x += 2 * _RADIUS + 1  # articles of one outlet on one day, side by side
            out.append(QPointF(x, y))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        faint = QColor(text)
        faint.setAlpha(60)
        top = _MARGIN
        for row, outlet in enumerate(self._outlets):
            y = top + _ROW * row + _ROW / 2
            painter.setPen(faint)
            painter.drawLine(QPointF(_LEFT, y), QPointF(self.width() - _MARGIN, y))
            painter.setPen(text)
            shown = painter.fontMetrics().elidedText(outlet, Qt.TextElideMode.ElideRight, _LEFT - 8)
            painter.drawText(QRectF(4, y - _ROW / 2, _LEFT - 8, _ROW),
                             int(Qt.AlignmentFlag.AlignVCenter), shown)  # fmt: skip
        axis = self.height() - _MARGIN - 12
        painter.setPen(QPen(text, 1))
        painter.drawLine(_LEFT, axis, self.width() - _MARGIN, axis)
        left, right = self._days()
        if left:
            first, last = dt.date.fromordinal(left), dt.date.fromordinal(right)
            painter.drawText(QPointF(_LEFT, axis + 14), first.isoformat())
            if right > left:
                label = last.isoformat()
                width = painter.fontMetrics().horizontalAdvance(label)
                painter.drawText(QPointF(self.width() - _MARGIN - width, axis + 14), label)
        for number, (mark, where) in enumerate(zip(self._marks, self.positions(), strict=True)):
            colour = QColor(REGION_COLOURS.get(mark.region, REGION_COLOURS["unknown"]))
            chosen = number == self._chosen and self.hasFocus()
            painter.setPen(QPen(text if chosen else colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush if mark.copy else colour)
            painter.drawEllipse(where, _RADIUS, _RADIUS)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is not None:
            m = self._marks[hit]
            day = m.day.isoformat() if m.day else self.tr("undated")
            self.setToolTip(f"{m.outlet} · {day}\n{m.title}")
        else:
            self.setToolTip("")
        super().mouseMoveEvent(event)

    def activate(self, number: int) -> None:
        self.article_activated.emit(self._marks[number].article)
