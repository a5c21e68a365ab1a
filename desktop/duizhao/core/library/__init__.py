"""The library: articles in SQLite, and the records kept beside them.

- :mod:`.article` -- the plain data the whole core passes around:
  :class:`Article`, its :class:`Metadata`, :class:`Entity` spans, what an
  import made (:class:`ParsedDocument`, :class:`ImportResult`).
- :mod:`.store` -- :class:`Library`, one directory holding ``library.sqlite3``
  (WAL, one transaction per imported file, a trash, damaged rows kept apart),
  the source of truth everything derived is rebuilt from;
- :mod:`.opening` -- how a directory becomes an open library: what is
  created, what is refused (a foreign, empty or corrupt file), read-only
  access that works on read-only media;
- :mod:`.rows` -- rows into Python values, as stored bytes, and into articles;
  a row that does not decode is set apart, not a failed read;
- :mod:`.schema` -- the migrations, and how a Duizhao library is told apart;
- :mod:`.check` -- :func:`check_library`: every row verified as stored
  (``duizhao check``), each problem with how to repair it;
- :mod:`.errors` -- :class:`LibraryError` and its kinds (missing, busy,
  read-only, full, damaged), each one line for the user;
- :mod:`.citation` -- an article as a reference (:func:`citation`) and the
  formats reference managers import: RIS and CSL-JSON;
- :mod:`.described` -- outlets with no profile that the user described
  (region and kind), which their articles take;
- :mod:`.feeds` -- the news feeds subscribed to and the items already taken
  from each (fetching them is :mod:`duizhao.core.ingest.feeds`);
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
    Origin,
    ParsedDocument,
    Removed,
)
from duizhao.core.library.check import Finding, check_library
from duizhao.core.library.citation import FORMATS as CITATION_FORMATS
from duizhao.core.library.citation import Citation, citation, csl_items, to_csl_json, to_ris
from duizhao.core.library.described import (
    Described,
    DescribeError,
    articles_of_source,
    describe_outlet,
    described_outlets,
    forget_outlet,
    unknown_sources,
)
from duizhao.core.library.errors import (
    ArticleDamaged,
    ArticleNotFound,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryFull,
    LibraryMissing,
    LibraryReadOnly,
)
from duizhao.core.library.feeds import (
    Feed,
    FeedError,
    add_feed,
    find_feed,
    known_url,
    list_feeds,
    mark_seen,
    record_fetch,
    remove_feed,
    seen_keys,
)
from duizhao.core.library.store import FILE_NAME, Library, content_hash, raw_hash
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
    "CITATION_FORMATS",
    "ENTITY_TYPES",
    "FILE_NAME",
    "Article",
    "ArticleDamaged",
    "ArticleNotFound",
    "ArticleSummary",
    "Citation",
    "DescribeError",
    "Described",
    "Entity",
    "Feed",
    "FeedError",
    "Finding",
    "ImportResult",
    "ImportStatus",
    "Library",
    "LibraryBusy",
    "LibraryDamaged",
    "LibraryError",
    "LibraryFull",
    "LibraryMissing",
    "LibraryReadOnly",
    "Metadata",
    "Origin",
    "ParsedDocument",
    "Removed",
    "RowNote",
    "Workspace",
    "add_feed",
    "articles_of_source",
    "check_library",
    "citation",
    "content_hash",
    "csl_items",
    "describe_outlet",
    "described_outlets",
    "find_feed",
    "forget_outlet",
    "known_url",
    "list_feeds",
    "list_workspaces",
    "load_workspace",
    "mark_seen",
    "notes_for",
    "raw_hash",
    "record_fetch",
    "remove_feed",
    "save_workspace",
    "seen_keys",
    "set_note",
    "set_pinned",
    "to_csl_json",
    "to_ris",
    "unknown_sources",
]
