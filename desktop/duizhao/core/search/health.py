"""Does the search index agree with the library? The index's part of ``duizhao check``.

:func:`check_index` reads and never writes (it does not rebuild what it finds
broken, unlike :class:`~duizhao.core.search.index.SearchIndex`, which repairs
itself on the next search). It returns the index's state in a few words --
current, out of date, missing, made by another version -- and a
:class:`~duizhao.core.library.Finding` for what is actually wrong: a file
where the index folder should be, an index that cannot be read, or one that
claims to be current but disagrees with the library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from duizhao.core.library import Finding, Library
from duizhao.core.search.index import INDEX_DIR, SearchIndex, engine_version, leaks_closed

REINDEX = "`duizhao reindex` rebuilds it from the library (a search also does, when it can)"


@dataclass(frozen=True, slots=True)
class IndexHealth:
    state: str  # current, out of date, missing, made by another version, damaged
    documents: int | None = None
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"state": self.state, "documents": self.documents}


def check_index(library: Library) -> IndexHealth:
    from whoosh import index as whoosh_index

    directory = Path(library.directory) / INDEX_DIR
    if directory.exists() and not directory.is_dir():
        return _damaged(f"{directory} is a file, not the index folder", "move the file away")
    try:
        present = directory.is_dir() and whoosh_index.exists_in(str(directory))
    except Exception as exc:  # noqa: BLE001 - a table of contents that cannot be read
        return _damaged(f"the index cannot be read ({type(exc).__name__}: {exc})", REINDEX)
    if not present:
        return IndexHealth("missing")
    reader = SearchIndex(library.directory)
    meta = reader.meta()
    if meta.get("version") != engine_version():
        return IndexHealth("made by another version")
    indexed = _stored(directory)
    if isinstance(indexed, str):
        return _damaged(f"the index cannot be read ({indexed})", REINDEX)
    if meta.get("generation") != library.generation():
        return IndexHealth("out of date", len(indexed))
    wanted = library.fingerprints()
    for article_id in reader.unindexed():
        wanted.pop(article_id, None)
    missing = sum(1 for i, h in wanted.items() if indexed.get(i) != h)
    extra = sum(1 for i in indexed if i not in wanted)
    if missing or extra:
        problem = (
            f"the index says it is current but disagrees with the library "
            f"({missing} articles missing or outdated, {extra} not in the library)"
        )
        return _damaged(problem, REINDEX, len(indexed))
    return IndexHealth("current", len(indexed))


def _stored(directory: Path) -> dict[int, str] | str:
    """Content hash of every indexed article by id, or why the index cannot be read."""
    from whoosh import index as whoosh_index

    with leaks_closed():
        try:
            ix = whoosh_index.open_dir(str(directory))
            try:
                with ix.searcher() as searcher:
                    return {
                        int(fields["id"]): str(fields.get("content_hash", ""))
                        for fields in searcher.all_stored_fields()
                    }
            finally:
                ix.close()
        except Exception as exc:  # noqa: BLE001 - any failure here means unreadable
            return f"{type(exc).__name__}: {exc}"


def _damaged(problem: str, repair: str, documents: int | None = None) -> IndexHealth:
    return IndexHealth("damaged", documents, [Finding("index", problem, repair)])
