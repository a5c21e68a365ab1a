"""The library: articles in SQLite, and the records kept beside them.

- :mod:`.article` -- the plain data the whole core passes around:
  :class:`Article`, its :class:`Metadata`, :class:`Entity` spans, what an
  import made (:class:`ParsedDocument`, :class:`ImportResult`).
- :mod:`.store` -- :class:`Library`, one directory holding ``library.sqlite3``
  (WAL, schema version and migrations, one transaction per imported file,
  a trash), the source of truth everything derived is rebuilt from.
- :mod:`.workspaces` -- saved comparisons and the notes and pins on their rows,
  stored in the same database.
"""

from duizhao.core.library.article import (
    ENTITY_TYPES,
    Article,
    ArticleSummary,
    Entity,
    ImportResult,
    ImportStatus,
    Metadata,
    ParsedDocument,
    Removed,
)
from duizhao.core.library.store import FILE_NAME, ArticleNotFound, Library, LibraryError
from duizhao.core.library.workspaces import (
    RowNote,
    Workspace,
    list_workspaces,
    load_workspace,
    notes_for,
    save_workspace,
    set_note,
    set_pinned,
)

__all__ = [
    "ENTITY_TYPES",
    "FILE_NAME",
    "Article",
    "ArticleNotFound",
    "ArticleSummary",
    "Entity",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryError",
    "Metadata",
    "ParsedDocument",
    "Removed",
    "RowNote",
    "Workspace",
    "list_workspaces",
    "load_workspace",
    "notes_for",
    "save_workspace",
    "set_note",
    "set_pinned",
]
