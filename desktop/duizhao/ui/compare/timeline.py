"""A figure reported at several moments, drawn as a small timeline.

:class:`SeriesTimeline` shows a topic's series (:attr:`duizhao.core.compare.
questions.Topic.series`): one dot per report, placed by the day it counts at
(x) and its value (y), labelled with the figure as written and coloured by
article, so a running toll reads as a line that moves, not as outlets
disagreeing. Clicking a dot, or Enter on the dot chosen with Left/Right,
emits ``point_activated(article_id, start, end)``: the window scrolls that
article's pane to the claim. Drawn with QPainter: no plotting stack for one
chart.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from duizhao.core.compare import Point
from duizhao.ui.dots import RADIUS as _RADIUS
from duizhao.ui.dots import DotChart

_MARGIN = 28
_PALETTE = ("#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037")


class SeriesTimeline(DotChart):
    """The points of one series, in date order, clickable."""

    point_activated = Signal(int, int, int)  # article id, start, end (original text)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareTimeline")
        self.setAccessibleName(self.tr("Figure over time"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._points: list[Point] = []

    @property
    def points(self) -> list[Point]:
        return list(self._points)

    def set_points(self, points: list[Point]) -> None:
        self._points = sorted(points, key=lambda p: (p.date, p.article, p.start))
        self._chosen = 0
        self.setVisible(bool(self._points))
        self.setToolTip(self._summary())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 110)

    def _summary(self) -> str:
        return "\n".join(f"{p.date}: {p.text} (#{p.article})" for p in self._points)

    def positions(self) -> list[QPointF]:
        """Where each point is drawn (widget coordinates)."""
        if not self._points:
            return []
        days = [dt.date.fromisoformat(p.date).toordinal() for p in self._points]
        values = [p.value for p in self._points]
        left, right = min(days), max(days)
        low, high = min(values), max(values)
        area = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN * 0.6, -_MARGIN, -_MARGIN)
        out = []
        for day, value in zip(days, values, strict=True):
            x = area.left() + (
                area.width() * (day - left) / (right - left) if right > left else 0.5
            )
            y = area.bottom() - (
                area.height() * (value - low) / (high - low) if high > low else 0.5
            )
            out.append(QPointF(x, y))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        positions = self.positions()
        axis = self.height() - _MARGIN + 8
        painter.setPen(QPen(text, 1))
        painter.drawLine(_MARGIN, axis, self.width() - _MARGIN, axis)
        if len(positions) > 1:
            painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
            for a, b in zip(positions, positions[1:], strict=False):
                painter.drawLine(a, b)
        articles = sorted({p.article for p in self._points})
        for number, (point, where) in enumerate(zip(self._points, positions, strict=True)):
            colour = QColor(_PALETTE[articles.index(point.article) % len(_PALETTE)])
            painter.setPen(QPen(text, 2) if number == self._chosen and self.hasFocus() else colour)
            painter.setBrush(colour)
            painter.drawEllipse(where, _RADIUS, _RADIUS)
            painter.setPen(text)
            painter.drawText(where + QPointF(_RADIUS + 2, -_RADIUS), point.text)
            painter.drawText(QPointF(where.x() - 18, axis + 14), point.date[5:])
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.hit(event.position())
        if hit is None:
            self.setToolTip(self._summary())
        else:
            p = self._points[hit]
            self.setToolTip(
                self.tr("{date}: {figure} (#{id}) — click to read it").format(
                    date=p.date, figure=p.text, id=p.article
                )
            )
        super().mouseMoveEvent(event)

    def activate(self, number: int) -> None:
        point = self._points[number]
        self.point_activated.emit(point.article, point.start, point.end)
