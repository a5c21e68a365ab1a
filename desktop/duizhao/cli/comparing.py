"""Subcommands of the comparison: compare articles, export a comparison."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from duizhao import terminal
from duizhao.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Command,
    CommandError,
    emit_json,
    open_library,
    say,
    use_encoder_cache,
    write_export,
)
from duizhao.terminal import one_line


def _comparison(args: argparse.Namespace) -> Any:
    from duizhao.core.compare import CompareError, compare

    use_encoder_cache()
    story = getattr(args, "story", None)
    if story is not None and args.ids:
        raise CommandError("give article ids or --story, not both", EXIT_USAGE)
    if story is None and len(set(args.ids)) < 2:
        raise CommandError("compare needs at least two different article ids", EXIT_USAGE)
    with open_library(args) as library:
        ids = args.ids if story is None else _story_articles(library, story)
        try:
            return compare(library, ids, getattr(args, "topic", None))
        except CompareError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None


def _story_articles(library: Any, story_id: int) -> list[int]:
    """A story's articles to compare: its copies left out (they say the same)."""
    from duizhao.core.stories import StoryError, get_story

    try:
        story = get_story(library, story_id)
    except StoryError as exc:
        raise CommandError(str(exc)) from None
    ids = [a for a in story.articles if a not in story.copies]
    if len(ids) < 2:
        raise CommandError(f"story {story_id} has fewer than two articles to compare")
    return ids


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
    from duizhao.core.library import notes_for

    comparison = _comparison(args)
    with open_library(args) as library:  # the rows' notes and pins travel with the export
        notes = notes_for(library, [i for i, _title in comparison.articles])
    try:
        path = write_export(target, lambda to: export(comparison, args.format, to, notes))
    except OSError as exc:
        raise CommandError(f"cannot write {one_line(target)}: {exc.strerror or exc}") from None
    if args.json:
        emit_json({"path": str(path), "format": args.format, "topics": len(comparison.topics)})
    else:
        say(f"wrote {one_line(path)} ({len(comparison.topics)} topics)")
    return EXIT_OK


def _compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", type=terminal.article_id, nargs="*", metavar="ID")
    parser.add_argument(
        "--story", type=terminal.article_id, metavar="ID",
        help="compare a story's articles (see duizhao stories) instead of ids",
    )  # fmt: skip
    parser.add_argument("--topic", metavar="TEXT", help="compare what they say on this")


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    _compare_arguments(parser)
    parser.add_argument("--format", choices=("md", "csv", "html"), required=True)
    parser.add_argument("-o", "--output", type=terminal.path_text, required=True, metavar="FILE")


COMMANDS = {
    "compare": Command(
        cmd_compare,
        "compare articles: shared topics, aligned claims, relations",
        _compare_arguments,
    ),
    "export-compare": Command(
        cmd_export_compare, "export a comparison as Markdown, CSV or HTML", _export_arguments
    ),
}
