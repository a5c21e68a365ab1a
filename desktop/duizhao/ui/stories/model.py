"""The stories list as a Qt model, and the coverage bar its delegate paints.

:class:`StoriesModel` adapts a :class:`StoriesSnapshot` (plain data the
worker made: the stories, the articles outside any story, and each article's
title, outlet, region and date) to a table: label, articles, outlets,
coverage by region, dates. The last row, when there are any, gathers the
articles outside any story. :class:`StoriesProxy` filters on label and
outlets (either script) and sorts newest or largest first.
:class:`CoverageDelegate` paints a story's regions as a bar of coloured parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from duizhao.core.stories import REGIONS, Story, label_in
from duizhao.core.text import convert

LABEL, COUNT, OUTLETS, COVERAGE, DATES = range(5)
STORY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REGIONS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
#: the row of articles outside any story
OUTSIDE = 0
REGION_COLOURS = {
    "mainland": "#c62828",
    "taiwan": "#2e7d32",
    "hongkong": "#6a1b9a",
    "macau": "#ef6c00",
    "singapore-malaysia": "#00838f",
    "overseas": "#1565c0",
    "unknown": "#9e9e9e",
}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    id: int
    title: str
    outlet: str
    region: str
    date: str | None  # ISO day


@dataclass(slots=True)
class StoriesSnapshot:
    stories: list[Story] = field(default_factory=list)
    outside: list[int] = field(default_factory=list)
    articles: dict[int, ArticleInfo] = field(default_factory=dict)


class StoriesModel(QAbstractTableModel):
    """One row per story, then one for the articles outside any story."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.snapshot = StoriesSnapshot()
        self.script = "simplified"
        self._headers = (
            self.tr("Story"),
            self.tr("Articles"),
            self.tr("Outlets"),
            self.tr("Coverage"),
            self.tr("Dates"),
        )

    def set_snapshot(self, snapshot: StoriesSnapshot) -> None:
        self.beginResetModel()
        self.snapshot = snapshot
        self.endResetModel()

    def set_script(self, script: str) -> None:
        self.beginResetModel()
        self.script = script
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid():
            return 0
        return len(self.snapshot.stories) + (1 if self.snapshot.outside else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def story(self, row: int) -> Story | None:
        """The story of a row (None for the row of articles outside any story)."""
        return self.snapshot.stories[row] if 0 <= row < len(self.snapshot.stories) else None

    def article_ids(self, row: int) -> list[int]:
        story = self.story(row)
        if story is not None:
            return list(story.articles)
        return list(self.snapshot.outside) if row == len(self.snapshot.stories) else []

    def row_of(self, story_id: int) -> int | None:
        for row, story in enumerate(self.snapshot.stories):
            if story.id == story_id:
                return row
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        story = self.story(row)
        if story is None:
            return self._outside(column, role)
        if role == STORY_ID_ROLE:
            return story.id
        if role == REGIONS_ROLE:
            return dict(story.regions)
        if role == SORT_ROLE:
            return (
                (story.last or "", len(story.articles))
                if column != COUNT
                else (len(story.articles), story.last or "")
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(story, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COVERAGE:
                return "  ".join(f"{k}: {v}" for k, v in story.regions.items())
            return self._text(story, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, story: Story, column: int) -> str:
        if column == LABEL:
            return label_in(story.label, self.script) or self.tr("(no label)")
        if column == COUNT:
            return str(len(story.articles))
        if column == OUTLETS:
            return "、".join(story.outlets)
        if column == DATES:
            if story.first == story.last:
                return story.first or ""
            return f"{story.first or '?'} – {story.last or '?'}"
        return ""

    def _outside(self, column: int, role: int) -> Any:
        if role == STORY_ID_ROLE:
            return OUTSIDE
        if role == SORT_ROLE:
            return ("", -1)  # always last, whichever the order
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL:
                return self.tr("Outside any story")
            if column == COUNT:
                return str(len(self.snapshot.outside))
        return None

    def search_text(self, row: int) -> str:
        story = self.story(row)
        if story is None:
            return ""
        text = " ".join([story.label, *story.outlets])
        return text + " " + convert(text, "t2s")


class StoriesProxy(QSortFilterProxyModel):
    """Filter on label and outlets in either script; newest or largest first;
    the row of articles outside any story stays last."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.largest_first = False

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = convert(text.strip(), "t2s").lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_largest_first(self, largest: bool) -> None:
        self.largest_first = largest
        self.sort(-1)
        self.sort(0, Qt.SortOrder.DescendingOrder)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, StoriesModel) or not self._needle:
            return True
        if model.story(row) is None:
            return True
        return self._needle in model.search_text(row).lower()

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, StoriesModel):
            return False
        a, b = model.story(left.row()), model.story(right.row())
        if a is None or b is None:
            return a is None and b is not None  # the outside row sorts below everything
        if self.largest_first:
            key_a: tuple[Any, ...] = (len(a.articles), a.last or "", -a.id)
            key_b: tuple[Any, ...] = (len(b.articles), b.last or "", -b.id)
        else:
            key_a, key_b = (
                (a.last or "", len(a.articles), -a.id),
                (b.last or "", len(b.articles), -b.id),
            )
        return key_a < key_b


class CoverageDelegate(QStyledItemDelegate):
    """Paints a story's regions as one bar, a part per region in :data:`REGIONS` order."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        regions = index.data(REGIONS_ROLE)
        if not isinstance(regions, dict) or not regions:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(4, 6, -4, -6)  # type: ignore[attr-defined]
        total = sum(regions.values()) or 1
        painter.save()
        x = rect.left()
        for region in REGIONS:
            count = regions.get(region, 0)
            if not count:
                continue
            width = round(rect.width() * count / total)
            painter.fillRect(
                QRect(x, rect.top(), width, rect.height()), QColor(REGION_COLOURS[region])
            )
            x += width
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> None:  # type: ignore[override]  # noqa: N802
        return None
