"""The ``duizhao`` command: the window, or one of the subcommands of DESIGN.md.

Every subcommand takes ``--library DIR`` and ``--json``. Machine-readable
output goes to stdout; progress and human messages to stderr. Exit codes:
0 success, 1 some input failed (the rest was still done), 2 bad usage.

``--library`` must name a Duizhao library: only ``import`` creates one (and
says so; never in a folder holding other files). Commands that only read
open it read-only, so they work on read-only media and never create or
change anything; commands that write check it first (``integrity_check``)
and refuse a damaged one. Arguments are range-checked and printed text
escaped at the edge (:mod:`duizhao.terminal`), and any fault -- a full disk,
a read-only file, a damaged row, even a bug -- ends in one line on stderr,
never a traceback (``DUIZHAO_TRACEBACK=1`` shows one); the core's warnings
are one-line notes.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from duizhao import __version__, locations, terminal
from duizhao.terminal import for_terminal, one_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
VIEWS = ("original", "simplified", "traditional", "taiwan", "hongkong")


class CommandError(Exception):
    """A one-line message for stderr; the command exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


# -- output -------------------------------------------------------------------


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def say(message: str) -> None:
    print(message, file=sys.stderr)


# -- subcommands --------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import ImportOptions, import_paths

    options = ImportOptions(max_bytes=int(args.max_size * 1024 * 1024))
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, result: Any) -> None:
        if interactive:
            sys.stderr.write(f"\r\x1b[K[{done}/{total}] {one_line(result.path)}")
            sys.stderr.flush()

    with _library(args, "create") as library:
        results = import_paths(library, args.paths, options, progress=progress)
        if any(r.status == "imported" for r in results):
            _update_index(library)
    if interactive:
        sys.stderr.write("\r\x1b[K")
    if args.json:
        emit_json([r.to_json() for r in results])
    else:
        for r in results:
            if r.status == "failed":
                print(f"failed     {one_line(r.path)}: {one_line(r.error)}")
            else:
                print(f"{r.status:<10} #{r.id:<5} {one_line(r.title)}  ({one_line(r.path)})")
    counts = {
        s: sum(1 for r in results if r.status == s) for s in ("imported", "duplicate", "failed")
    }
    say(", ".join(f"{n} {s}" for s, n in counts.items()))
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with _library(args) as library:
        summaries = library.summaries()
    if args.json:
        emit_json([s.to_json() for s in summaries])
        return EXIT_OK
    for s in summaries:
        date = one_line((s.published or "")[:10])
        source = one_line(s.source or "-")
        print(f"{s.id:>5}  {date:<10}  {s.script:<11}  {source:<14}  {one_line(s.title)}")
    say(f"{len(summaries)} articles")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from duizhao.core.text import view_text

    with _library(args) as library:
        if args.raw:
            data = library.raw(args.id)
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return EXIT_OK
        article = library.get(args.id)
        if args.json:
            from duizhao.core.entities import article_entities, in_view
            from duizhao.core.text import build_view

            entities = article_entities(library, article)
            names = [(e.start, e.end) for e in entities if e.type == "PERSON"]
            view = build_view(article.text, article.script, args.view, protect=names)
            emit_json(
                {
                    "id": article.id,
                    "title": article.title,
                    "view": args.view,
                    "text": view.text,
                    "entities": in_view(entities, view),
                }
            )
            return EXIT_OK
    text = view_text(article.text, article.script, args.view)
    meta = article.metadata
    print(one_line(article.title))
    details = [
        meta.source,
        (("≈" if meta.published_estimated else "") + meta.published) if meta.published else None,
        f"作者 {meta.author}" if meta.author else None,
        f"译者 {meta.translator}" if meta.translator else None,
        str(article.script),
    ]
    print(one_line(" · ".join(d for d in details if d)))
    print()
    print(for_terminal(text))
    return EXIT_OK


def cmd_cleaning(args: argparse.Namespace) -> int:
    """What import took out of an article's text, and by which rule."""
    with _library(args) as library:
        article = library.get(args.id)
        removed = library.removed_parts(args.id)
    if args.json:
        emit_json(
            {
                "id": article.id,
                "title": article.title,
                "removed": [part.to_json() for part in removed],
            }
        )
        return EXIT_OK
    for part in removed:
        print(f"{part.line:>5}  {one_line(part.rule):<22} {one_line(part.text)}")
    say(f"{len(removed)} pieces removed from #{article.id} {one_line(article.title)}")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace) -> int:
    from duizhao.core.entities import article_entities

    with _library(args) as library:
        article = library.get(args.id)
        entities = article_entities(library, article)
    if args.json:
        emit_json([e.to_json() for e in entities])
        return EXIT_OK
    for e in entities:
        print(
            f"{e.start:>6}-{e.end:<6} {e.type:<7} {one_line(e.text)}  "
            f"→ {one_line(e.canonical)} ({one_line(e.entity_id)})"
        )
    say(f"{len(entities)} entities in #{article.id} {one_line(article.title)}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    with _library(args, "write") as library:
        removed, missing = _each_article(args.ids, library.remove)
        if removed:
            _update_index(library)
    if args.json:
        emit_json([{"id": a.id, "title": a.title, "status": "removed"} for a in removed])
    for article in removed:
        say(
            f"removed #{article.id} {one_line(article.title)} "
            f"(undo: duizhao restore {article.id})"
        )
    return EXIT_FAILED if missing else EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with _library(args, "write") as library:
        restored, missing = _each_article(args.ids, library.restore)
        if restored:
            _update_index(library)
    if args.json:
        emit_json([{"id": a.id, "title": a.title, "status": "restored"} for a in restored])
    for article in restored:
        say(f"restored #{article.id} {one_line(article.title)}")
    return EXIT_FAILED if missing else EXIT_OK


def _each_article(ids: list[int], action: Callable[[int], Any]) -> tuple[list[Any], int]:
    """Apply ``action`` to every id; an unknown id is reported and the rest still done."""
    from duizhao.core.library import ArticleNotFound

    done: list[Any] = []
    missing = 0
    for article_id in ids:
        try:
            done.append(action(article_id))
        except ArticleNotFound as exc:
            say(f"duizhao: {exc}")
            missing += 1
    return done, missing


def cmd_reclean(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import default_rules, reclean

    rules = default_rules()

    def kept(article_id: int, reason: str) -> None:
        say(f"kept #{article_id} as it was: {one_line(reason)}")

    def repaired(article_id: int) -> None:
        say(f"repaired #{article_id}: rebuilt from its raw input")

    with _library(args, "write") as library:
        changed = library.reclean(
            lambda doc: reclean(doc, rules),
            rules.version,
            force=args.all,
            on_kept=kept,
            on_repaired=repaired,
        )
        if changed:
            _update_index(library)
    if args.json:
        emit_json({"rules_version": rules.version, "changed": changed})
    say(f"cleaned again with rules version {rules.version}: {len(changed)} articles changed")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from duizhao.core.search import QueryError, SearchError

    text = " ".join(args.query)
    with _library(args) as library:
        index = _search_index(library)
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

    with _library(args) as library:
        index = _search_index(library)
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

    directory = _library_dir(args)
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


def _search_index(library: Any) -> Any:
    from duizhao.core.search import SearchIndex
    from duizhao.core.text import Segmenter, use_shared_segmenter

    use_shared_segmenter(Segmenter(locations.cache_dir() / "jieba"))
    return SearchIndex(library.directory)


def _update_index(library: Any) -> None:
    """Keep the search index in step after a change; a failure only delays it."""
    from duizhao.core.search import SearchError

    index = _search_index(library)
    try:
        index.sync(library)
    except SearchError as exc:
        say(f"duizhao: note: search index not updated now ({exc}); it catches up on next search")
    finally:
        index.close()


def use_encoder_cache() -> None:
    """Give the sentence encoder the app's cache directory (a faster, lighter load)."""
    from duizhao.core.meaning import Encoder, use_shared_encoder

    use_shared_encoder(Encoder(locations.cache_dir() / "encoder"))


def _comparison(args: argparse.Namespace) -> Any:
    from duizhao.core.compare import CompareError, compare

    use_encoder_cache()
    if len(set(args.ids)) < 2:
        raise CommandError("compare needs at least two different article ids", EXIT_USAGE)
    with _library(args) as library:
        try:
            return compare(library, args.ids, getattr(args, "topic", None))
        except CompareError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None


def cmd_compare(args: argparse.Namespace) -> int:
    comparison = _comparison(args)
    if args.json:
        emit_json(comparison.to_json())
        return EXIT_OK
    for article_id, title in comparison.articles:
        details = comparison.details.get(article_id, {})
        about = " · ".join(str(x) for x in (details.get("outlet"), details.get("published")) if x)
        print(one_line(f"#{article_id} {title}" + (f"  ({about})" if about else "")))
    for n, topic in enumerate(comparison.topics, 1):
        print(f"\n== {n}. {one_line(topic.label)}  [{one_line('、'.join(topic.terms[:8]))}]")
        for point in topic.series:
            print(f"  {point.date}  {one_line(point.text)}  #{point.article}")
        for row in topic.rows:
            badge = row.relation if row.comparable else "not comparable"
            print(f"  [{badge}] {one_line('；'.join(row.reasons))}")
            for cell in row.cells:
                claim = cell.claim
                said = f" ({claim.source})" if claim.source else ""
                where = f"#{claim.article}{said} {claim.start}-{claim.end}"
                print(f"    {one_line(where)}: {one_line(claim.text.strip())}")
            if len(row.pairs) > 1:
                for pair in row.pairs:
                    a, b = pair.articles
                    reasons = one_line("；".join(r.text for r in pair.reasons))
                    print(f"      #{a}↔#{b} {pair.relation} {pair.confidence:.0%}: {reasons}")
    say(f"{len(comparison.topics)} topics in {len(comparison.articles)} articles")
    return EXIT_OK


def cmd_export_compare(args: argparse.Namespace) -> int:
    from duizhao.core.compare import export

    target = Path(args.output)
    if target.is_dir():
        raise CommandError(f"cannot write {one_line(target)}: it is a folder")
    comparison = _comparison(args)
    try:
        path = _write_export(target, lambda to: export(comparison, args.format, to))
    except OSError as exc:
        raise CommandError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    if args.json:
        emit_json({"path": str(path), "format": args.format, "topics": len(comparison.topics)})
    else:
        say(f"wrote {one_line(path)} ({len(comparison.topics)} topics)")
    return EXIT_OK


def _write_export(target: Path, write: Callable[[Path], Path]) -> Path:
    """Write through a temporary file beside ``target``, then rename it into
    place, so a failure (a full disk) never leaves a cut-off file or destroys
    the one that was there. A device or pipe (``/dev/stdout``) is written directly;
    a file the user made read-only is refused rather than replaced."""
    if target.exists() and not target.is_file():
        return write(target)
    if target.exists() and not os.access(target, os.W_OK):
        raise PermissionError(13, "the file is read-only", str(target))
    real = target.resolve() if target.is_symlink() else target  # keep the user's link
    temporary = real.with_name(f".{real.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, real)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _library_dir(args: argparse.Namespace) -> Path:
    return locations.library_dir(args.library)


@contextmanager
def _library(args: argparse.Namespace, mode: str = "read") -> Iterator[Any]:
    """The library of ``--library``, opened for ``mode``: "read" (read-only,
    never creates), "write" (must exist; checked before writing), "create"
    (``import``: made when missing, and said so). Damaged articles met while
    working are named on stderr at the end."""
    from duizhao.core.library import Library

    directory = _library_dir(args)
    library = Library.open(
        directory,
        create=mode == "create",
        readonly=mode == "read",
        verify=mode != "read",
    )
    if library.created:
        say(f"duizhao: created a new library in {one_line(directory)}")
    failed = False
    try:
        yield library
    except BaseException:
        failed = True  # its own one line says what went wrong
        raise
    finally:
        damaged = sorted(library.damaged)
        library.close()
        if damaged and not failed:
            shown = ", ".join(f"#{i}" for i in damaged[:5]) + (" …" if len(damaged) > 5 else "")
            say(
                f"duizhao: note: {len(damaged)} damaged article(s) left out ({shown}): "
                "`duizhao check` says how to repair them"
            )


# -- parsing ------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line (the usage itself is in --help)."""

    def error(self, message: str) -> Any:  # argparse's own signature: NoReturn
        self.exit(EXIT_USAGE, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


SUBCOMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "import": (cmd_import, "import files or folders (.txt, .md, .html)"),
    "list": (cmd_list, "list the articles in the library"),
    "show": (cmd_show, "print an article in one of its script views"),
    "entities": (cmd_entities, "list the people, places, organisations, dates and numbers"),
    "remove": (cmd_remove, "move articles to the trash (undo with restore)"),
    "restore": (cmd_restore, "bring articles back from the trash"),
    "reclean": (cmd_reclean, "clean articles again from their kept raw input"),
    "cleaning": (cmd_cleaning, "list what import removed from an article, by rule"),
    "search": (cmd_search, "search the library (either script finds both)"),
    "reindex": (cmd_reindex, "rebuild the search index from the library"),
    "compare": (cmd_compare, "compare articles: shared topics, aligned claims, relations"),
    "export-compare": (cmd_export_compare, "export a comparison as Markdown, CSV or HTML"),
    "check": (cmd_check, "check the library and its index, and say how to repair them"),
}


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="DIR",
        type=terminal.path_text,
        help="library directory (default: $DUIZHAO_LIBRARY, else the user data dir)",
    )
    common.add_argument("--json", action="store_true", help="machine-readable output on stdout")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="duizhao",
        description="Duizhao 对照: read and compare Chinese-language news side by side.",
        epilog="Without a subcommand, opens the window: duizhao [--library DIR] [--demo] [ID ...]",
    )
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common()
    for name, (_, help_text) in SUBCOMMANDS.items():
        sub.add_parser(name, parents=[common], help=help_text, description=help_text)
    p = sub.choices
    p["import"].add_argument("paths", nargs="+", metavar="PATH")
    p["import"].add_argument(
        "--max-size",
        type=terminal.megabytes,
        default=20.0,
        metavar="MB",
        help="refuse files larger than this many megabytes (default 20)",
    )
    p["show"].add_argument("id", type=terminal.article_id, metavar="ID")
    p["cleaning"].add_argument("id", type=terminal.article_id, metavar="ID")
    p["show"].add_argument("--view", choices=VIEWS, default="original")
    p["show"].add_argument(
        "--raw",
        action="store_true",
        help="write the article's raw input (the file as imported) to stdout, byte for byte",
    )
    p["entities"].add_argument("id", type=terminal.article_id, metavar="ID")
    p["remove"].add_argument("ids", type=terminal.article_id, nargs="+", metavar="ID")
    p["restore"].add_argument("ids", type=terminal.article_id, nargs="+", metavar="ID")
    p["search"].add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help='words, "a phrase", OR, NOT/-word, title: source: author: script: date:',
    )
    p["search"].add_argument("--limit", type=terminal.limit, default=20, metavar="N")
    p["search"].add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p["reclean"].add_argument(
        "--all", action="store_true", help="also articles cleaned by the current rules"
    )
    for name in ("compare", "export-compare"):
        p[name].add_argument("ids", type=terminal.article_id, nargs="+", metavar="ID")
        p[name].add_argument("--topic", metavar="TEXT", help="compare what they say on this")
    p["export-compare"].add_argument("--format", choices=("md", "csv", "html"), required=True)
    p["export-compare"].add_argument(
        "-o", "--output", type=terminal.path_text, required=True, metavar="FILE"
    )
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="duizhao",
        description="Open the Duizhao window. Subcommands: " + ", ".join(SUBCOMMANDS),
    )
    parser.add_argument("--version", action="version", version=f"duizhao {__version__}")
    parser.add_argument(
        "--library", metavar="DIR", type=terminal.path_text, help="library directory"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo library (built on first use, separate from your own)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen in a temporary directory; print one line",
    )
    parser.add_argument(
        "ids",
        type=terminal.article_id,
        nargs="*",
        metavar="ARTICLE_ID",
        help="articles to open in reading panes",
    )
    return parser


def _split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """Find the subcommand, allowing ``--library DIR`` and ``--json`` before it."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--library":
            index += 2
            continue
        if token.startswith("-"):
            index += 1
            continue
        if token in SUBCOMMANDS:
            return token, [token, *argv[:index], *argv[index + 1 :]]
        return None, argv
    return None, argv


class _Note(logging.Formatter):
    """A warning of the core (an index rebuilt, a helper that failed) as one line."""

    def format(self, record: logging.LogRecord) -> str:
        return f"duizhao: note: {one_line(record.getMessage())}"


def _notes_to_stderr() -> None:
    logger = logging.getLogger("duizhao")
    if not any(isinstance(h.formatter, _Note) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_Note())
        handler.setLevel(logging.WARNING)
        logger.addHandler(handler)
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    _notes_to_stderr()
    args_list = list(sys.argv[1:] if argv is None else argv)
    command, args_list = _split_command(args_list)
    try:
        if command is None:
            args = build_window_parser().parse_args(args_list)
            return _open_window(args)
        args = build_parser().parse_args(args_list)
        return SUBCOMMANDS[command][0](args)
    except CommandError as exc:
        say(f"duizhao: {one_line(exc)}")
        return exc.code
    except KeyboardInterrupt:
        say("duizhao: interrupted")
        return 130
    except BrokenPipeError:  # `duizhao list | head`: the reader stopped listening
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - every fault ends in one line
        return _fault(exc)


def _fault(exc: Exception) -> int:
    """One line on stderr for an error no command caught: the core's own errors
    carry their message; anything else is named as what it is."""
    from duizhao.core.library import LibraryError

    if os.environ.get("DUIZHAO_TRACEBACK"):
        raise exc
    if isinstance(exc, LibraryError):
        say(f"duizhao: {one_line(exc)}")
    elif isinstance(exc, OSError):
        where = f" ({one_line(exc.filename)})" if exc.filename else ""
        say(f"duizhao: {one_line(exc.strerror or exc)}{where}")
    elif isinstance(exc, sqlite3.Error):
        say(f"duizhao: library error: {one_line(exc)}; `duizhao check` says more")
    elif isinstance(exc, MemoryError | RecursionError):
        say(f"duizhao: out of memory or too deeply nested input ({type(exc).__name__})")
    else:
        say(
            f"duizhao: internal error: {type(exc).__name__}: {one_line(exc)} "
            "(a bug: please report it; DUIZHAO_TRACEBACK=1 shows where)"
        )
    return EXIT_FAILED


def _open_window(args: argparse.Namespace) -> int:
    if args.self_test:
        from duizhao.selftest import run_self_test

        return run_self_test()
    from duizhao.core.library import LibraryError

    if args.demo and args.library:
        raise CommandError("--demo and --library cannot be combined", EXIT_USAGE)
    if args.demo:
        from duizhao.core.ingest import ensure_demo_library

        directory = locations.demo_library_dir()
        try:
            ensure_demo_library(directory)
        except (LibraryError, OSError) as exc:
            raise CommandError(f"cannot build the demo library in {directory}: {exc}") from None
    else:
        directory = locations.library_dir(args.library)
    from duizhao.ui.app import run

    return run(directory, args.ids)
