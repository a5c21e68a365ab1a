"""Qt item models over the core's plain data.

- :mod:`.roles` — custom roles and the drag format of articles;
- :mod:`.library` — :class:`LibraryTableModel` and :class:`ArticleFilterProxy`,
  the sortable, filterable library table.
"""

from __future__ import annotations

from duizhao.ui.models.library import (
    COLUMNS,
    ArticleFilterProxy,
    LibraryTableModel,
)
from duizhao.ui.models.roles import (
    ARTICLE_ID_ROLE,
    ARTICLE_MIME_TYPE,
    SORT_ROLE,
    article_ids_from_mime,
    article_mime_data,
)

__all__ = [
    "ARTICLE_ID_ROLE",
    "ARTICLE_MIME_TYPE",
    "COLUMNS",
    "SORT_ROLE",
    "ArticleFilterProxy",
    "LibraryTableModel",
    "article_ids_from_mime",
    "article_mime_data",
]
