"""Subcommands on articles: import, list, show, their entities and cleaning,
remove and restore (the trash), and cleaning again."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from duizhao import terminal
from duizhao.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    VIEWS,
    Command,
    each_article,
    emit_json,
    open_library,
    say,
    update_index,
)
from duizhao.cli.regions import outlet_name
from duizhao.terminal import for_terminal, one_line


def cmd_import(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import ImportOptions, import_paths

    options = ImportOptions(max_bytes=int(args.max_size * 1024 * 1024))
    progress = Progress("")
    with open_library(args, "create") as library:
        results = import_paths(library, args.paths, options, progress=progress)
        if any(r.status == "imported" for r in results):
            update_index(library)
    progress.done()
    return report_imports(args, results)


class Progress:
    """``[done/total] path`` on an interactive stderr, rewritten in place."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.interactive = sys.stderr.isatty()

    def __call__(self, done: int, total: int, result: Any) -> None:
        if self.interactive:
            sys.stderr.write(f"\r\x1b[K[{self.label}{done}/{total}] {one_line(result.path)}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.interactive:
            sys.stderr.write("\r\x1b[K")


def report_imports(args: argparse.Namespace, results: list[Any], what: str = "") -> int:
    """One line (or JSON object) per import result, the counts on stderr; the exit code."""
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
    say(", ".join(f"{n} {s}" for s, n in counts.items()) + what)
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        summaries = library.summaries()
    if args.json:
        emit_json(
            [{**s.to_json(), "outlet": outlet_name(s.origin.outlet, s.source)} for s in summaries]
        )
        return EXIT_OK
    for s in summaries:
        date = one_line((s.published or "")[:10])
        source = one_line(s.source or "-")
        print(f"{s.id:>5}  {date:<10}  {s.script:<11}  {source:<14}  {one_line(s.title)}")
    say(f"{len(summaries)} articles")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from duizhao.core.text import view_text

    with open_library(args) as library:
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
            view = build_view(
                article.text, article.script, args.view, protect=names, region=article.region
            )
            meta = article.metadata
            emit_json(
                {
                    "id": article.id,
                    "title": article.title,
                    "view": args.view,
                    "text": view.text,
                    "entities": in_view(entities, view),
                    "source": meta.source,
                    "url": meta.url,
                    "outlet": outlet_name(article.origin.outlet, meta.source),
                    "author": meta.author,
                    "published": meta.published,
                    "credits": [{"role": role, "name": name} for role, name in meta.credits],
                    **article.origin.to_json(),  # outlet_key, relayed_by, region …
                }
            )
            return EXIT_OK
    text = view_text(article.text, article.script, args.view, article.region)
    meta = article.metadata
    print(one_line(article.title))
    details = [
        meta.source,
        (("≈" if meta.published_estimated else "") + meta.published) if meta.published else None,
        f"作者 {meta.author}" if meta.author else None,
        f"译者 {meta.translator}" if meta.translator else None,
        str(article.script),
        f"region {article.region}" if article.region else None,
    ]
    print(one_line(" · ".join(d for d in details if d)))
    if meta.credits:
        print(one_line(" ".join(f"{role}：{name}" for role, name in meta.credits)))
    if meta.url:
        print(one_line(meta.url))
    print()
    print(for_terminal(text))
    return EXIT_OK


def cmd_cleaning(args: argparse.Namespace) -> int:
    """What import took out of an article's text, and by which rule."""
    with open_library(args) as library:
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

    with open_library(args) as library:
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
    with open_library(args, "write") as library:
        removed, missing = each_article(args.ids, library.remove)
        if removed:
            update_index(library)
    if args.json:
        emit_json([{"id": a.id, "title": a.title, "status": "removed"} for a in removed])
    for article in removed:
        say(f"removed #{article.id} {one_line(article.title)} (undo: duizhao restore {article.id})")
    return EXIT_FAILED if missing else EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    with open_library(args, "write") as library:
        restored, missing = each_article(args.ids, library.restore)
        if restored:
            update_index(library)
    if args.json:
        emit_json([{"id": a.id, "title": a.title, "status": "restored"} for a in restored])
    for article in restored:
        say(f"restored #{article.id} {one_line(article.title)}")
    return EXIT_FAILED if missing else EXIT_OK


def cmd_reclean(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import default_rules, fill_origins, reclean

    rules = default_rules()

    def kept(article_id: int, reason: str) -> None:
        say(f"kept #{article_id} as it was: {one_line(reason)}")

    def repaired(article_id: int) -> None:
        say(f"repaired #{article_id}: rebuilt from its raw input")

    with open_library(args, "write") as library:
        changed = library.reclean(
            lambda doc: reclean(doc, rules),
            rules.version,
            force=args.all,
            on_kept=kept,
            on_repaired=repaired,
        )
        if fill_origins(library) or changed:
            update_index(library)
    if args.json:
        emit_json({"rules_version": rules.version, "changed": changed})
    say(f"cleaned again with rules version {rules.version}: {len(changed)} articles changed")
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a folder, or an http(s) address (fetched only when given here)",
    )
    parser.add_argument(
        "--max-size",
        type=terminal.megabytes,
        default=20.0,
        metavar="MB",
        help="refuse files larger than this many megabytes (default 20)",
    )


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=terminal.article_id, metavar="ID")
    parser.add_argument("--view", choices=VIEWS, default="original")
    parser.add_argument(
        "--raw",
        action="store_true",
        help="write the article's raw input (the file as imported) to stdout, byte for byte",
    )


def _one_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=terminal.article_id, metavar="ID")


def _some_ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=terminal.article_id, nargs="+", metavar="ID")


def _reclean_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--all", action="store_true", help="also articles cleaned by the current rules"
    )


COMMANDS = {
    "import": Command(
        cmd_import,
        "import files, folders or web pages (.txt, .md, .html, .pdf, .docx, .mhtml, https://…)",
        _import_arguments,
    ),
    "list": Command(cmd_list, "list the articles in the library"),
    "show": Command(cmd_show, "print an article in one of its script views", _show_arguments),
    "entities": Command(
        cmd_entities, "list the people, places, organisations, dates and numbers", _one_id
    ),
    "remove": Command(cmd_remove, "move articles to the trash (undo with restore)", _some_ids),
    "restore": Command(cmd_restore, "bring articles back from the trash", _some_ids),
    "reclean": Command(
        cmd_reclean, "clean articles again from their kept raw input", _reclean_arguments
    ),
    "cleaning": Command(cmd_cleaning, "list what import removed from an article, by rule", _one_id),
}
