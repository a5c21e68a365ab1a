"""Names shared by every item model and by whatever accepts dragged articles.

Custom item-data roles (:data:`ARTICLE_ID_ROLE`, :data:`SORT_ROLE`) and the
drag-and-drop format of articles: :func:`article_mime_data` packs ids the way
the library list drags them, :func:`article_ids_from_mime` reads them back in
a drop target (a reading pane), also from a plain-text ``duizhao:ID`` line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: A value that sorts a column the way a reader expects (see the model).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

ARTICLE_MIME_TYPE = "application/x-duizhao-article-ids"
#: What a model that drags articles offers (``mimeTypes``) and its items' flags.
ARTICLE_MIME_TYPES = [ARTICLE_MIME_TYPE, "text/plain"]
DRAGGABLE_ITEM = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


class ArticleDragSource:
    """Mixin for an item model whose rows are articles (put it before the Qt
    base class): its items drag as article ids. Subclasses give ``article_at``."""

    def article_at(self, row: int) -> int:
        raise NotImplementedError

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return DRAGGABLE_ITEM if index.isValid() else Qt.ItemFlag.NoItemFlags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return ARTICLE_MIME_TYPES

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({i.row() for i in indexes if i.isValid() and i.model() is self})
        return article_mime_data([self.article_at(r) for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction


TEXT_PREFIX = "duizhao:"
_TEXT_ID = re.compile(r"^\s*duizhao:(\d+)\s*$", re.M)


def article_mime_data(ids: list[int]) -> QMimeData:
    """Mime data carrying ``ids``: a JSON list under :data:`ARTICLE_MIME_TYPE`
    and one ``duizhao:ID`` line per article as plain text."""
    data = QMimeData()
    data.setData(ARTICLE_MIME_TYPE, json.dumps(list(ids)).encode("ascii"))
    data.setText("\n".join(f"{TEXT_PREFIX}{i}" for i in ids))
    return data


def article_ids_from_mime(data: QMimeData) -> list[int]:
    """The article ids in dropped ``data`` (empty when it carries none)."""
    if data.hasFormat(ARTICLE_MIME_TYPE):
        try:
            value = json.loads(bytes(data.data(ARTICLE_MIME_TYPE).data()).decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            value = None
        if isinstance(value, list) and all(type(i) is int for i in value):
            return list(value)
    if data.hasText():
        return [int(m) for m in _TEXT_ID.findall(data.text())]
    return []
