"""Search benchmark: Duizhao's Whoosh index against SQLite FTS5 and tantivy.

All three index the same synthetic corpus and answer the same queries. FTS5
and tantivy are fed the tokens Duizhao's analyzer produces (space-separated),
so segmentation is the same work everywhere; indexing time includes it for
all three. A search includes the top-10 snippets with highlights: Duizhao's
full path (query parsing, both normalisations, BM25F, fragments mapped to the
original text), FTS5's snippet() and tantivy's SnippetGenerator.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from corpus import Article, articles, as_document, queries

from duizhao.core.library import Library
from duizhao.core.search import SearchIndex
from duizhao.core.search.analysis import index_terms, query_variants
from duizhao.core.text import Segmenter, shared_segmenter, use_shared_segmenter


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def _tokens(article: Article) -> tuple[str, str]:
    # index_terms: exactly what Duizhao's index is fed (no offset mapping either)
    body = " ".join(word for word, _ in index_terms(article.text, article.script))
    title = " ".join(word for word, _ in index_terms(article.title, article.script))
    return title, body


def _query_tokens(query: str) -> list[list[str]]:
    """The query as token groups: one group per word or phrase (first normalisation)."""
    groups = []
    for part in query.replace('"', ' " ').split('"'):
        for piece in [part.strip()] if part.startswith(" ") is False else part.split():
            if piece.strip():
                variants = query_variants(piece.strip())
                if variants:
                    groups.append(variants[0])
    return groups


def bench_whoosh(corpus: list[Article], qs: list[str], work: Path) -> dict[str, object]:
    library = Library.open(work / "whoosh")
    for article in corpus:
        library.add(as_document(article), "bench.txt")
    index = SearchIndex(work / "whoosh")
    start = time.perf_counter()
    index.sync(library)
    seconds = time.perf_counter() - start
    times = []
    hits = 0
    for query in qs:
        index.views = type(index.views)(max_chars=index.views.max_chars)  # no warm views
        t = time.perf_counter()
        results = index.search(library, query, limit=10)
        times.append(time.perf_counter() - t)
        hits += len(results.hits)
    index.close()
    library.close()
    return {
        "index_s": round(seconds, 2),
        "articles_per_s": round(len(corpus) / seconds, 1),
        "size_mb": round(_dir_size(work / "whoosh" / "index") / 1e6, 1),
        "hits": hits,
        **_percentiles(times),
    }


def bench_fts5(corpus: list[Article], qs: list[str], work: Path) -> dict[str, object]:
    path = work / "fts5.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='unicode61')")
    start = time.perf_counter()
    with db:
        for article in corpus:
            db.execute("INSERT INTO docs (title, body) VALUES (?, ?)", _tokens(article))
    seconds = time.perf_counter() - start
    times = []
    hits = 0
    for query in qs:
        t = time.perf_counter()
        groups = _query_tokens(query)
        match = " AND ".join('"' + " ".join(g).replace('"', "") + '"' for g in groups)
        rows = (
            db.execute(
                "SELECT rowid, snippet(docs, 1, '[', ']', '…', 24) FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs, 3.0, 1.0) LIMIT 10",
                (match,),
            ).fetchall()
            if match
            else []
        )
        times.append(time.perf_counter() - t)
        hits += len(rows)
    db.close()
    return {
        "index_s": round(seconds, 2),
        "articles_per_s": round(len(corpus) / seconds, 1),
        "size_mb": round(path.stat().st_size / 1e6, 1),
        "hits": hits,
        **_percentiles(times),
    }


def bench_tantivy(corpus: list[Article], qs: list[str], work: Path) -> dict[str, object]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="whitespace")
    builder.add_text_field("body", stored=True, tokenizer_name="whitespace")
    schema = builder.build()
    folder = work / "tantivy"
    folder.mkdir()
    index = tantivy.Index(schema, path=str(folder))
    start = time.perf_counter()
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for article in corpus:
        title, body = _tokens(article)
        writer.add_document(tantivy.Document(title=title, body=body))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - start
    index.reload()
    searcher = index.searcher()
    times = []
    hits = 0
    for query in qs:
        t = time.perf_counter()
        groups = _query_tokens(query)
        text = " AND ".join('"' + " ".join(g).replace('"', "") + '"' for g in groups)
        if text:
            parsed = index.parse_query(text, ["title", "body"], field_boosts={"title": 3.0})
            found = searcher.search(parsed, 10).hits
            generator = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
            for _, address in found:
                generator.snippet_from_doc(searcher.doc(address)).to_html()
            hits += len(found)
        times.append(time.perf_counter() - t)
    return {
        "index_s": round(seconds, 2),
        "articles_per_s": round(len(corpus) / seconds, 1),
        "size_mb": round(_dir_size(folder) / 1e6, 1),
        "hits": hits,
        **_percentiles(times),
    }


def bench_search(sizes: list[int], query_count: int = 100) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as cache:
        use_shared_segmenter(Segmenter(Path(cache)))
        shared_segmenter().start()
        rows = []
        for size in sizes:
            corpus = articles(size)
            qs = queries(corpus, query_count)
            with tempfile.TemporaryDirectory() as tmp:
                work = Path(tmp)
                row: dict[str, object] = {"articles": size}
                row["whoosh"] = bench_whoosh(corpus, qs, work)
                row["fts5"] = bench_fts5(corpus, qs, work)
                try:
                    row["tantivy"] = bench_tantivy(corpus, qs, work)
                except ImportError:
                    row["tantivy"] = None
                rows.append(row)
        return {"sizes": rows, "queries": query_count, "chars_per_article": 2_000}


def print_search(result: dict[str, object]) -> None:
    print(
        f"\nSearch: {result['queries']} mixed queries, top-10 with snippets; "
        f"{result['chars_per_article']:,}-character articles"
    )
    print(
        f"{'articles':>9} {'engine':<8}{'index/s':>9}{'size MB':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'hits':>7}  ratios (whoosh ÷ peer)"
    )
    for row in result["sizes"]:  # type: ignore[attr-defined]
        ours = row["whoosh"]
        for engine in ("whoosh", "fts5", "tantivy"):
            data = row[engine]
            if data is None:
                print(f"{row['articles']:>9} {engine:<8} (not installed)")
                continue
            ratio = ""
            if engine != "whoosh":
                ratio = (
                    f"  index speed {ours['articles_per_s'] / data['articles_per_s']:.2f}x, "
                    f"p95 {ours['p95_ms'] / max(data['p95_ms'], 1e-6):.2f}x"
                )
            print(
                f"{row['articles']:>9} {engine:<8}{data['articles_per_s']:>9}{data['size_mb']:>9}"
                f"{data['p50_ms']:>9}{data['p95_ms']:>9}{data['hits']:>7}{ratio}"
            )
