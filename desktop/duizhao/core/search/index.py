"""Full-text search of the library: a Whoosh index behind a small interface.

:class:`SearchIndex` is all the rest of Duizhao sees: :meth:`~SearchIndex.sync`
brings the index in line with the library, :meth:`~SearchIndex.search` takes a
query in the language of :mod:`duizhao.core.search.query` and returns hits with
highlighted fragments. Swapping the engine means reimplementing this module.

Analysis
    Documents are indexed from their normalised Simplified analysis text
    (:func:`duizhao.core.text.script.analysis_view`), cut into words by jieba.
    Every token carries its position (so phrases match) and its character
    offsets in the original text. Words of three or more characters also
    index the dictionary words inside them at the same position (国债 inside
    国债券), so a shorter query still matches without breaking phrases.
    A query word is normalised every way a reader may mean it — ``t2s``, the
    Taiwan-aware ``tw2sp``, and ``s2t`` then ``tw2sp`` for a Simplified word
    that Taiwan writes differently — so 軟體 finds 软件, 滑鼠 finds 鼠标, 查询
    finds 查詢, and a Simplified query finds Traditional articles; a name the gazetteer knows
    also searches its other names (川普 finds 特朗普). A run of Chinese characters
    must match as a phrase. Ranking is BM25F with the title weighted. A sync
    of many articles analyses them in a helper process while this one writes
    the postings (:mod:`duizhao.core.search.pool`); Whoosh's own writing is
    patched to be faster and to share the GIL (:mod:`duizhao.core.search.postings`).

Lifecycle
    The index lives in ``<library>/index``. Its version (schema, analysis,
    OpenCC and jieba) and the library generation it reflects are kept in
    ``duizhao-index.json``; a missing, unreadable or outdated index is rebuilt
    from the library, which is the source of truth. Writers wait for Whoosh's
    lock (one writer at a time) and give up with :class:`SearchBusy`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import logging
import os
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from duizhao.core.library import ArticleDamaged, ArticleNotFound, Library
from duizhao.core.search import postings
from duizhao.core.search import query as q
from duizhao.core.search.analysis import (
    DuizhaoTokenizer,
    query_variants,
)
from duizhao.core.search.hits import Hit, Results, SearchBusy, SearchError
from duizhao.core.search.pool import analysed
from duizhao.core.search.snippets import fragments, highlights, pattern_for
from duizhao.core.text import ViewCache, converter_version
from duizhao.core.yielding import breathe

log = logging.getLogger(__name__)
postings.install()  # no GIL-holding sort of the whole posting pool while indexing

INDEX_DIR = "index"
META_FILE = "duizhao-index.json"
#: 2: segments kept as separate files (a compound segment is copied whole into
#: memory by Whoosh's reader: +320 MB at 10,000 articles).
#: 3: the tokenizer pickled in the schema moved to :mod:`duizhao.core.search.analysis`.
INDEX_VERSION = 3
TITLE_WEIGHT = 3.0
Progress = Callable[[int, int], None]


def _schema() -> Any:
    from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema

    analyzer = DuizhaoTokenizer()
    return Schema(
        id=NUMERIC(int, bits=64, stored=True, unique=True, signed=False),
        content_hash=ID(stored=True),
        title=TEXT(analyzer=analyzer, phrase=True, field_boost=TITLE_WEIGHT),
        body=TEXT(analyzer=analyzer, phrase=True),
        source=TEXT(analyzer=analyzer, phrase=True),
        author=TEXT(analyzer=analyzer, phrase=True),
        script=ID(),
        published=DATETIME(sortable=True),
    )


def engine_version() -> dict[str, object]:
    import jieba
    import whoosh

    return {
        "index": INDEX_VERSION,
        "converter": converter_version(),
        "jieba": getattr(jieba, "__version__", "?"),
        "whoosh": ".".join(str(p) for p in whoosh.versionstring().split(".")[:3]),
    }


# -- the index ----------------------------------------------------------------------


class SearchIndex:
    """The search index of one library directory."""

    def __init__(
        self, library_dir: Path, *, timeout: float = 30.0, helper: bool | None = None
    ) -> None:
        self.directory = Path(library_dir) / INDEX_DIR
        self.timeout = timeout
        #: analyse in a helper process: None decides by size (core.analysis_pool)
        self.helper = helper
        self.views = ViewCache(max_chars=2_000_000)
        self._ix: Any = None
        self._open_searcher: Any = None
        self.rebuilt_because: str | None = None
        #: the index lives in memory for this object only (its folder cannot be written)
        self.in_memory = False
        self._memory_meta: dict[str, Any] = {}

    # opening --------------------------------------------------------------

    def _meta(self) -> dict[str, Any]:
        if self.in_memory:
            return self._memory_meta
        try:
            data = json.loads((self.directory / META_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def meta(self) -> dict[str, Any]:
        """What ``duizhao-index.json`` says: the versions that made the index, the
        library generation it reflects, the articles it could not index."""
        return dict(self._meta())

    def _write_meta(self, generation: int, unindexed: list[int] | None = None) -> None:
        meta = {
            "version": engine_version(),
            "generation": generation,
            "unindexed": unindexed or [],
        }
        if self.in_memory:
            self._memory_meta = meta
            return
        path = self.directory / META_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(meta), "utf-8")
        tmp.replace(path)

    def _open(self) -> Any:
        """The Whoosh index, created afresh when missing, outdated or unreadable."""
        if self._ix is not None:
            return self._ix
        from whoosh import index

        self._check_folder()
        meta = self._meta()
        reason = None
        try:
            present = self.directory.is_dir() and index.exists_in(str(self.directory))
        except Exception as exc:  # noqa: BLE001 - a table of contents that cannot be read
            log.warning("search index unreadable, rebuilding: %s", exc)
            reason = f"unreadable ({type(exc).__name__})"
        if reason is not None:
            pass  # rebuilt below
        elif not present:
            reason = "missing"
        elif meta.get("version") != engine_version():
            reason = "made by another version"
        else:
            try:
                self._ix = index.open_dir(str(self.directory))
                with self._ix.searcher() as searcher:
                    searcher.doc_count()
            except Exception as exc:  # noqa: BLE001 - any failure here means unreadable
                log.warning("search index unreadable, rebuilding: %s", exc)
                self._ix = None
                reason = f"unreadable ({type(exc).__name__})"
        if reason is not None:
            self._create(reason)
        return self._ix

    def _check_folder(self) -> None:
        """Something else where the index folder goes is not ours to delete."""
        if os.path.lexists(self.directory) and not self.directory.is_dir():
            raise SearchError(
                f"{self.directory} is a file, not a folder: Duizhao keeps the library's "
                "search index there; move the file away"
            )

    def _create(self, reason: str) -> None:
        from whoosh import index
        from whoosh.filedb.filestore import RamStorage

        if self._open_searcher is not None:
            self._open_searcher.close()
            self._open_searcher = None
        if self.in_memory:
            self._ix = RamStorage().create_index(_schema())
        else:
            self._check_folder()
            if self.directory.exists():
                shutil.rmtree(self.directory)
            self.directory.mkdir(parents=True)
            self._ix = index.create_in(str(self.directory), _schema())
        self._write_meta(-1)  # nothing indexed yet: the next sync adds everything
        self.rebuilt_because = reason

    def _searcher(self) -> Any:
        """A searcher kept open between searches (opening one costs milliseconds),
        opened afresh when the index changed: Whoosh's ``refresh()`` reuses old
        segment readers and misses deletions."""
        from whoosh import scoring

        if self._open_searcher is not None and not self._open_searcher.up_to_date():
            self._open_searcher.close()
            self._open_searcher = None
        if self._open_searcher is None:
            weighting = scoring.BM25F(B=0.75, K1=1.2)
            self._open_searcher = self._open().searcher(weighting=weighting)
        return self._open_searcher

    def close(self) -> None:
        if self._open_searcher is not None:
            self._open_searcher.close()
            self._open_searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    # writing --------------------------------------------------------------

    def _writer(self) -> Any:
        from whoosh.codec.whoosh3 import W3Codec
        from whoosh.index import LockError

        try:
            # zlib level 1: posting blocks compress almost as well, several times faster.
            # compound=False: Whoosh reads a compound segment through BytesIO, which copies
            # the whole postings file into memory; separate files are read as needed.
            return self._open().writer(
                timeout=self.timeout,
                delay=0.05,
                limitmb=128,
                codec=W3Codec(compression=1),
                compound=False,
            )
        except LockError:
            raise SearchBusy(
                f"the search index in {self.directory} is being written by another "
                f"Duizhao (waited {self.timeout:g} s)"
            ) from None

    def sync(
        self,
        library: Library,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Bring the index in line with the library; returns how many documents changed.
        Raises :class:`SearchError` (one line) when the index cannot be written."""
        try:
            return self._sync(library, progress, cancelled)
        except OSError as exc:
            self.close()
            raise _unwritable(self.directory, exc) from None

    def _sync(
        self,
        library: Library,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> int:
        self._open()
        generation = library.generation()
        if self._meta().get("generation") == generation:
            return 0
        wanted = library.fingerprints()
        with self._open().searcher() as searcher:
            indexed = {
                int(fields["id"]): fields.get("content_hash", "")
                for fields in searcher.all_stored_fields()
            }
        stale = [i for i, h in indexed.items() if wanted.get(i) != h]
        missing = [i for i, h in wanted.items() if indexed.get(i) != h]
        added = self._update(library, stale, missing, progress, cancelled)
        if added is None:  # cancelled: the next sync does the rest
            return 0
        present = (set(indexed) - set(stale)) | added
        # articles that could not be read (damaged) stay out until repaired
        self._write_meta(generation, sorted(set(wanted) - present))
        return len(set(stale) - set(missing)) + len(added)

    def unindexed(self) -> list[int]:
        """Articles the last sync could not index (damaged rows, see ``duizhao check``)."""
        return [int(i) for i in self._meta().get("unindexed", []) if isinstance(i, int)]

    def rebuild(
        self,
        library: Library,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        reason: str = "rebuild asked for",
    ) -> int:
        self.close()
        try:
            self._create(reason)
        except OSError as exc:
            raise _unwritable(self.directory, exc) from None
        return self.sync(library, progress=progress, cancelled=cancelled)

    def _update(
        self,
        library: Library,
        remove: list[int],
        add: list[int],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> set[int] | None:
        """Delete ``remove``, (re)index ``add``; the ids indexed, None if cancelled."""
        if not remove and not add:
            return set()
        writer = self._writer()
        added: set[int] = set()
        try:
            for article_id in set(remove) | set(add):
                writer.delete_by_term("id", article_id)
            total = len(add)
            documents = analysed(library, add, cancelled=cancelled, helper=self.helper)
            for index, (article_id, fields) in enumerate(documents, start=1):
                if cancelled is not None and cancelled():
                    break
                writer.add_document(**fields)  # stale copies deleted above
                breathe()  # a GUI thread waiting for the GIL gets it (core.yielding)
                added.add(article_id)
                if progress is not None:
                    progress(index, total)
            writer.commit()
        except BaseException:
            _abandon(writer)
            raise
        if cancelled is not None and cancelled():
            return None
        return added

    # searching ------------------------------------------------------------

    def search(
        self,
        library: Library,
        text: str,
        *,
        limit: int = 20,
        sort: str = "relevance",
    ) -> Results:
        """Search ``text``; raises :class:`~duizhao.core.search.QueryError` for an empty query."""
        parsed = q.parse(text)
        notes = self._sync_for_search(library)
        query = _to_whoosh(parsed.tree)
        if query is None:
            return Results([], 0, [*parsed.warnings, *notes, "nothing searchable in this query"])
        try:
            found = self._run(query, limit, sort)
        except SearchError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken index must not end the search
            log.warning("search failed, rebuilding the index: %s", exc)
            self.close()
            try:
                self.rebuild(library, reason=f"unreadable ({type(exc).__name__})")
            except IndexUnwritable as unwritable:
                notes.append(self._in_memory(library, unwritable.reason))
            found = self._run(query, limit, sort)
        ids, total = found
        patterns = [
            pattern_for(words)
            for term in parsed.positive_terms()
            for words in query_variants(term.text)
        ]
        hits = [hit for hit in (self._hit(library, i, s, patterns) for i, s in ids) if hit]
        unindexed = self.unindexed()
        if unindexed:
            shown = ", ".join(f"#{i}" for i in unindexed[:5]) + (" …" if len(unindexed) > 5 else "")
            notes.append(
                f"{len(unindexed)} damaged article(s) cannot be searched ({shown}): "
                "`duizhao check` says how to repair them"
            )
        return Results(hits, total, [*parsed.warnings, *notes])

    def _sync_for_search(self, library: Library) -> list[str]:
        """Sync before a search. An index that cannot be written (read-only media,
        a full disk) is searched as it is, or built in memory when there is none
        to search; the note says which."""
        with leaks_closed():
            try:
                self.sync(library)
            except IndexUnwritable as exc:
                reason = exc.reason
            else:
                return []
        if self._readable():
            return [f"search index not updated ({reason}): results may miss recent changes"]
        return [self._in_memory(library, reason)]

    def _readable(self) -> bool:
        try:
            self._open()
            return self.doc_count() >= 0 and not self.rebuilt_because
        except (OSError, SearchError):
            return False
        except Exception:  # noqa: BLE001 - Whoosh's own errors for a broken index
            return False

    def _in_memory(self, library: Library, reason: str) -> str:
        """Build the index in memory for this object, and say so."""
        self.close()
        self.in_memory = True
        self._memory_meta = {}
        self._create(f"cannot be written ({reason})")
        self.sync(library)
        return (
            f"the search index cannot be written ({reason}): it was built in memory for "
            "this search and is not kept"
        )

    def _run(self, query: Any, limit: int, sort: str) -> tuple[list[tuple[int, float]], int]:
        searcher = self._searcher()
        if sort == "date":
            results = searcher.search(query, limit=limit, sortedby=_newest_first())
            # a sorted hit's "score" is its sort key: score the shown hits for relevance
            shown = {hit.docnum for hit in results}
            relevance = searcher.search(query, limit=None, filter=shown)
            scores = {hit.docnum: hit.score for hit in relevance}
            ids = [(int(hit["id"]), float(scores.get(hit.docnum) or 0.0)) for hit in results]
            return ids, len(results)
        # One pass that scores and counts every match. Whoosh's default skips blocks
        # that cannot reach the top N, then counts the matches in a second pass over
        # the postings: the same hits and total, 30-40% slower (tests/benchmarks).
        from whoosh.collectors import TopCollector

        collector = TopCollector(limit=limit, usequality=False, replace=0)
        searcher.search_with_collector(query, collector)
        results = collector.results()
        ids = [(int(hit["id"]), float(hit.score or 0.0)) for hit in results]
        return ids, len(results)

    def _hit(
        self, library: Library, article_id: int, score: float, patterns: list[re.Pattern[str]]
    ) -> Hit | None:
        try:
            article = library.get(article_id)
        except (ArticleNotFound, ArticleDamaged):
            return None  # removed since the index was synced, or damaged since
        view = self.views.get(
            article.content_hash, article.text, article.script, "analysis", region=article.region
        )
        spans = highlights(view, patterns)
        return Hit(
            id=article.id,
            title=article.title,
            score=score,
            published=article.metadata.published,
            highlights=tuple(spans),
            fragments=tuple(fragments(article.text, spans)),
            source=article.metadata.source,
        )

    def doc_count(self) -> int:
        with self._open().searcher() as searcher:
            return int(searcher.doc_count())


class IndexUnwritable(SearchError):
    """The index folder cannot be written (read-only, full, no permission)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@contextlib.contextmanager
def leaks_closed() -> Iterator[None]:
    """Whoosh leaves the files of a segment it failed to write or read open; they
    close when the error is let go. Let them go here, without a ResourceWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            yield
        finally:
            gc.collect()


def _unwritable(directory: Path, exc: OSError) -> IndexUnwritable:
    reason = exc.strerror or str(exc)
    return IndexUnwritable(f"cannot write the search index in {directory}: {reason}", reason)


def _abandon(writer: Any) -> None:
    """Let go of a writer whose commit failed half-way: cancel it, or at least
    release its lock, so the next writer in this process does not wait for it."""
    try:
        writer.cancel()
        return
    except Exception:  # noqa: BLE001 - a writer already half-closed
        pass
    lock = getattr(writer, "writelock", None)
    if lock is not None and getattr(lock, "fd", None) is not None:
        with contextlib.suppress(Exception):
            lock.release()


def _newest_first() -> Any:
    """Dated articles newest first, then undated ones (Whoosh sorts a missing
    date as the largest, so a plain reverse sort would put them first)."""
    from whoosh import query as wq
    from whoosh import sorting

    dated = sorting.QueryFacet({0: wq.Every("published")}, other=1)
    return sorting.MultiFacet([dated, sorting.FieldFacet("published", reverse=True)])


# -- query tree → Whoosh ------------------------------------------------------------


def _to_whoosh(node: q.Node) -> Any:
    from whoosh import query as wq

    if isinstance(node, q.Term):
        fields = [node.field] if node.field else ["title", "body"]
        options = []
        for words in query_variants(node.text):
            for name in fields:
                if len(words) == 1:
                    options.append(wq.Term(name, words[0]))
                else:
                    options.append(wq.Phrase(name, words))
        if not options:
            return None
        return options[0] if len(options) == 1 else wq.Or(options)
    if isinstance(node, q.Filter):
        return wq.Term(node.field, node.value)
    if isinstance(node, q.DateRange):
        if node.start and node.end and node.start > node.end:
            return wq.NullQuery  # q.NOTHING: no date falls in it
        start = dt.datetime.combine(node.start, dt.time.min) if node.start else None
        end = dt.datetime.combine(node.end, dt.time.max) if node.end else None
        return wq.DateRange("published", start, end)
    if isinstance(node, q.Not):
        child = _to_whoosh(node.child)
        return None if child is None else wq.Not(child)
    children = [c for c in (_to_whoosh(child) for child in node.children) if c is not None]
    if not children:
        return None
    if len(children) == 1:
        return children[0]
    return wq.And(children) if isinstance(node, q.And) else wq.Or(children)
