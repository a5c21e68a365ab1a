"""Subcommands on the search index and the library's health: search, reindex, check."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from duizhao import terminal
from duizhao.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    CommandError,
    emit_json,
    library_dir,
    open_library,
    say,
    search_index,
)
from duizhao.terminal import one_line


def cmd_search(args: argparse.Namespace) -> int:
    from duizhao.core.search import QueryError, SearchError

    text = " ".join(args.query)
    with open_library(args) as library:
        index = search_index(library)
        try:
            results = index.search(library, text, limit=args.limit, sort=args.sort)
        except QueryError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
        except SearchError as exc:
            raise CommandError(str(exc)) from None
        finally:
            index.close()
    for warning in results.warnings:
        say(f"duizhao: note: {one_line(warning)}")
    if args.json:
        emit_json([hit.to_json() for hit in results.hits])
        return EXIT_OK
    for hit in results.hits:
        date = one_line((hit.published or "")[:10])
        print(f"#{hit.id:<5} {hit.score:6.2f}  {date:<10}  {one_line(hit.title)}")
        for fragment in hit.fragments:
            print("        " + _marked(fragment.text, fragment.highlights))
    say(f"{len(results.hits)} of {results.total} matching articles")
    return EXIT_OK


def _marked(text: str, spans: Any) -> str:
    """Highlights as 【…】 for a terminal that may not show colour."""
    out, at = [], 0
    for start, end in spans:
        out.append(text[at:start] + "【" + text[start:end] + "】")
        at = end
    return one_line(("".join(out) + text[at:]).replace("\n", " "))


def cmd_reindex(args: argparse.Namespace) -> int:
    from duizhao.core.search import SearchError

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            sys.stderr.write(f"\r\x1b[K[{done}/{total}] indexing")
            sys.stderr.flush()

    with open_library(args) as library:
        index = search_index(library)
        try:
            count = index.rebuild(library, progress=progress)
        except SearchError as exc:
            raise CommandError(str(exc)) from None
        finally:
            index.close()
    if interactive:
        sys.stderr.write("\r\x1b[K")
    if args.json:
        emit_json({"indexed": count})
    say(f"indexed {count} articles")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity of the library and its index, and how to repair what is wrong."""
    from duizhao.core.library import Finding, Library, LibraryError, LibraryMissing, check_library
    from duizhao.core.search import check_index

    directory = library_dir(args)
    state: dict[str, Any] = {"library": str(directory), "articles": None, "index": None}
    try:
        library = Library.open(directory, readonly=True)
    except LibraryMissing as exc:
        raise CommandError(str(exc)) from None
    except LibraryError as exc:  # the file itself is unusable: that is what check found
        findings = [Finding("database", str(exc), "restore library.sqlite3 from a backup")]
    else:
        with library:
            findings = check_library(library)
            try:
                health = check_index(library)
                state["articles"] = library.count()
            except LibraryError:
                pass  # the library's own finding says why it cannot be read
            else:
                findings += health.findings
                state["index"] = health.to_json()
    if args.json:
        emit_json({**state, "ok": not findings, "findings": [f.to_json() for f in findings]})
    else:
        for finding in findings:
            where = f"{finding.where} #{finding.article}" if finding.article else finding.where
            print(f"{where}: {one_line(finding.problem)}")
            print(f"    repair: {one_line(finding.repair)}")
    index = state["index"]["state"] if state["index"] else "not checked"
    summary = f"{state['articles']} articles, search index {index}"
    if state["articles"] is None:
        summary = "the library could not be read"
    noun = "problem" if len(findings) == 1 else "problems"
    found = f"{len(findings)} {noun} found" if findings else "no problems found"
    say(f"library {one_line(directory)}: {summary}; {found}")
    return EXIT_FAILED if findings else EXIT_OK


def _search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help='words, "a phrase", OR, NOT/-word, title: source: author: script: date:',
    )
    parser.add_argument("--limit", type=terminal.limit, default=20, metavar="N")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")


COMMANDS = {
    "search": Command(
        cmd_search, "search the library (either script finds both)", _search_arguments
    ),
    "reindex": Command(cmd_reindex, "rebuild the search index from the library"),
    "check": Command(cmd_check, "check the library and its index, and say how to repair them"),
}
