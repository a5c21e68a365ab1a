"""A one-column list of the library's articles (title over source and date).

The compact list the first window used; :mod:`.library` has the sortable,
filterable table the library panel shows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from duizhao.core.article import ArticleSummary
from duizhao.ui.models.roles import ARTICLE_ID_ROLE

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """The library's articles, one row each; ``ARTICLE_ID_ROLE`` gives the id."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[ArticleSummary] = []

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = [row.source, (row.published or "")[:10]]
            return f"{row.title}\n" + " · ".join(d for d in details if d)
        if role == Qt.ItemDataRole.ToolTipRole:
            details = f"{row.source or ''} {row.published or ''} · {row.script} · {row.chars} 字"
            return f"{row.title}\n{details}"
        if role == ARTICLE_ID_ROLE:
            return row.id
        return None

    def row_of(self, article_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == article_id), None)
