"""Subcommands of stories: the library's articles grouped by event, and corrections.

``duizhao stories`` brings the grouping up to date first: a library never
grouped is grouped whole, articles imported since are assigned one by one
(``--regroup`` groups everything again; the user's corrections are kept).
``duizhao story ID`` shows one story; ``--add``, ``--split`` and ``--merge``
correct it, and the corrections survive every regrouping.
"""

from __future__ import annotations

import argparse
import sys
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
)
from duizhao.terminal import one_line

SCRIPTS = ("simplified", "traditional", "taiwan", "hongkong")


def _up_to_date(library: Any, again: bool) -> None:
    from duizhao.core.stories import bring_up_to_date

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, message: str) -> None:
        if interactive:
            sys.stderr.write(f"\r\x1b[K{message} {done}/{total}")
            sys.stderr.flush()

    use_encoder_cache()
    bring_up_to_date(library, again=again, progress=progress)
    if interactive:
        sys.stderr.write("\r\x1b[K")


def _shown(story: Any, script: str) -> dict[str, object]:
    from duizhao.core.stories import label_in

    data = story.to_json()
    data["label"] = label_in(story.label, script)
    return data


def cmd_stories(args: argparse.Namespace) -> int:
    from duizhao.core.library import LibraryReadOnly
    from duizhao.core.stories import list_stories

    try:
        with open_library(args, "write") as library:
            _up_to_date(library, args.regroup)
            stories = list_stories(library, include_single=args.all)
    except LibraryReadOnly:
        with open_library(args) as library:  # read-only media: the stories as last grouped
            stories = list_stories(library, include_single=args.all)
        say("duizhao: note: the library is read-only: stories as last grouped, not updated")
    if args.json:
        emit_json([_shown(s, args.script) for s in stories])
        return EXIT_OK
    for s in stories:
        data = _shown(s, args.script)
        span = f"{s.first or '?'} … {s.last or '?'}"
        print(one_line(f"story {s.id}  {data['label']}  ({len(s.articles)} articles, {span})"))
        print(one_line(f"    outlets: {'、'.join(s.outlets)}"))
    say(f"{len(stories)} stories")
    return EXIT_OK


def cmd_story(args: argparse.Namespace) -> int:
    from duizhao.core.library import ArticleNotFound
    from duizhao.core.stories import (
        StoryError,
        get_story,
        merge_stories,
        move_article,
        split_story,
    )

    corrections = [x for x in (args.add, args.split, args.merge) if x]
    if len(corrections) > 1:
        raise CommandError("give one of --add, --split, --merge at a time", EXIT_USAGE)
    mode = "write" if corrections else "read"
    with open_library(args, mode) as library:
        try:
            if args.add:
                for article_id in sorted(set(args.add)):
                    move_article(library, article_id, args.id)
            elif args.split:
                new = split_story(library, args.id, args.split)
                say(f"articles {', '.join(map(str, sorted(set(args.split))))} now form story {new}")
            elif args.merge:
                merge_stories(library, args.id, args.merge)
            story = get_story(library, args.id)
            titles = {a: library.get(a).title for a in story.articles}
            meta = {a: library.get(a).metadata for a in story.articles}
        except StoryError as exc:
            raise CommandError(str(exc)) from None
        except ArticleNotFound as exc:
            raise CommandError(str(exc)) from None
    data = _shown(story, args.script)
    data["titles"] = {str(a): t for a, t in titles.items()}
    if args.json:
        emit_json(data)
        return EXIT_OK
    print(one_line(f"story {story.id}  {data['label']}"))
    for a in story.articles:
        m = meta[a]
        about = " · ".join(x for x in (m.source, (m.published or "")[:10]) if x)
        mark = f"  (copy of #{story.copies[a]})" if a in story.copies else ""
        print(one_line(f"  #{a} {titles[a]}  ({about}){mark}"))
    return EXIT_OK


def _stories_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true", help="also list articles alone in a story")
    parser.add_argument(
        "--regroup", action="store_true", help="group the whole library again (corrections kept)"
    )
    parser.add_argument("--script", choices=SCRIPTS, default="simplified", help="labels' script")


def _story_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=terminal.article_id, metavar="ID", help="story id")
    parser.add_argument(
        "--add", type=terminal.article_id, nargs="+", metavar="ARTICLE",
        help="move these articles into this story (kept there when regrouping)",
    )  # fmt: skip
    parser.add_argument(
        "--split", type=terminal.article_id, nargs="+", metavar="ARTICLE",
        help="take these articles out of this story into a new one",
    )  # fmt: skip
    parser.add_argument(
        "--merge", type=terminal.article_id, nargs="+", metavar="STORY",
        help="merge these stories into this one",
    )  # fmt: skip
    parser.add_argument("--script", choices=SCRIPTS, default="simplified", help="label's script")


COMMANDS = {
    "stories": Command(
        cmd_stories,
        "group the articles into stories (same event) and list them",
        _stories_arguments,
    ),
    "story": Command(
        cmd_story, "show a story; correct it with --add, --split or --merge", _story_arguments
    ),
}
