"""Subcommands that cite: articles as RIS or CSL-JSON for reference managers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from duizhao import terminal
from duizhao.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Command,
    CommandError,
    each_article,
    emit_json,
    open_library,
    say,
    write_export,
)
from duizhao.terminal import one_line

FORMATS = ("ris", "csljson")


def cmd_cite(args: argparse.Namespace) -> int:
    """The articles' citations, to stdout or ``-o FILE``; an unknown id is
    reported and the others are still written (exit 1)."""
    from duizhao.core.library import CITATION_FORMATS

    target = Path(args.output) if args.output else None
    if target is not None and target.is_dir():
        raise CommandError(f"cannot write {one_line(target)}: it is a folder")
    ids = sorted(set(args.ids))
    with open_library(args) as library:
        citations, missing = each_article(ids, lambda i: _citation(library.get(i)))
    text = CITATION_FORMATS[args.format](citations)
    if target is None:
        sys.stdout.write(text)
    else:

        def write(path: Path) -> Path:
            path.write_text(text, encoding="utf-8", newline="")
            return path

        try:
            write_export(target, write)
        except OSError as exc:
            raise CommandError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
        if args.json:
            emit_json({"path": str(target), "format": args.format, "articles": len(citations)})
        else:
            say(f"wrote {one_line(target)} ({len(citations)} articles, {args.format})")
    return EXIT_FAILED if missing else EXIT_OK


def _citation(article: Any) -> Any:
    from duizhao.core.ingest import outlet_name
    from duizhao.core.library import citation

    return citation(article, outlet_name(article.origin.outlet, article.metadata.source))


def _cite_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=terminal.article_id, nargs="+", metavar="ID")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        required=True,
        help="ris (Zotero, EndNote, Mendeley) or csljson (CSL-JSON, citeproc, Zotero)",
    )
    parser.add_argument(
        "-o", "--output", type=terminal.path_text, metavar="FILE", help="default: stdout"
    )


COMMANDS = {
    "cite": Command(cmd_cite, "write articles' citations as RIS or CSL-JSON", _cite_arguments),
}
