"""Search: the library's full-text index, its query language and its hits.

- :mod:`.query` -- the query language parsed into an engine-neutral tree
  (:func:`parse`, :class:`QueryError`);
- :mod:`.analysis` -- an article's text cut into the terms it is found by, in
  either script, and a query word into every form a reader may mean;
- :mod:`.terms` -- abbreviations and their full forms (美债, 美国国债), which a
  query word also brings;
- :mod:`.pool` -- that analysis run in a helper process for large syncs, while
  this process writes;
- :mod:`.postings` -- Whoosh's posting pool patched to index faster and to
  share the GIL with the window;
- :mod:`.index` -- :class:`SearchIndex`, the Whoosh index behind a small
  interface (sync with the library, search, rebuild when outdated);
- :mod:`.health` -- :func:`check_index`, the index's part of ``duizhao check``
  (read-only: does it agree with the library?);
- :mod:`.snippets` and :mod:`.hits` -- what a search returns: hits with
  highlighted fragments, in code points of the original text.

The engine (Whoosh) loads only when :class:`SearchIndex` is first asked for,
so code that only shows results or parses queries stays light.
"""

from typing import TYPE_CHECKING, Any

from duizhao.core.search.hits import Hit, Results, SearchBusy, SearchError
from duizhao.core.search.query import QueryError, parse
from duizhao.core.search.snippets import Fragment

if TYPE_CHECKING:
    from duizhao.core.search.health import IndexHealth, check_index
    from duizhao.core.search.index import SearchIndex

__all__ = [
    "Fragment",
    "Hit",
    "IndexHealth",
    "QueryError",
    "Results",
    "SearchBusy",
    "SearchError",
    "SearchIndex",
    "check_index",
    "parse",
]


def __getattr__(name: str) -> Any:
    if name == "SearchIndex":
        from duizhao.core.search.index import SearchIndex

        return SearchIndex
    if name in ("IndexHealth", "check_index"):
        from duizhao.core.search import health

        return getattr(health, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
