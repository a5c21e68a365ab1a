"""Subcommand on news feeds: ``duizhao feeds add URL | list | remove ID | fetch``.

Only ``fetch`` reaches the network, and only when it is run: ``add`` stores
the address (checked to be http or https), ``list`` and ``remove`` touch the
library alone. ``fetch`` prints one import result per new item, as
``import`` does for files, and one failed line per feed it could not read.
"""

from __future__ import annotations

import argparse

from duizhao.cli.articles import Progress, report_imports
from duizhao.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Command,
    CommandError,
    emit_json,
    open_library,
    say,
    update_index,
)
from duizhao.terminal import one_line

ACTIONS = ("add", "list", "remove", "fetch")


def cmd_feeds(args: argparse.Namespace) -> int:
    if args.action in ("add", "remove") and not args.target:
        raise CommandError(f"feeds {args.action} needs a feed's address or number", EXIT_USAGE)
    if args.action in ("list", "fetch") and args.target:
        raise CommandError(f"feeds {args.action} takes no address", EXIT_USAGE)
    return {"add": _add, "list": _list, "remove": _remove, "fetch": _fetch}[args.action](args)


def _add(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import FetchError, check_url
    from duizhao.core.library import add_feed

    try:
        url = check_url(args.target.strip())
    except FetchError as exc:
        raise CommandError(f"not a feed address: {exc}", EXIT_USAGE) from None
    with open_library(args, "create") as library:
        feed, created = add_feed(library, url)
    if args.json:
        emit_json({**feed.to_json(), "status": "added" if created else "already subscribed"})
    elif created:
        say(f"subscribed: feed {feed.id} {one_line(url)} (fetch it with `duizhao feeds fetch`)")
    else:
        say(f"already subscribed: feed {feed.id} {one_line(url)}")
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from duizhao.core.library import list_feeds

    with open_library(args) as library:
        feeds = list_feeds(library)
    if args.json:
        emit_json([f.to_json() for f in feeds])
        return EXIT_OK
    for f in feeds:
        when = one_line((f.fetched_at or "never fetched")[:19])
        state = f"  error: {one_line(f.error)}" if f.error else ""
        print(f"{f.id:>4}  {f.items:>5} items  {when:<19}  {one_line(f.title or f.url)}{state}")
        if f.title:
            print(f"      {one_line(f.url)}")
    say(f"{len(feeds)} feeds")
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from duizhao.core.library import FeedError, find_feed, remove_feed

    with open_library(args, "write") as library:
        try:
            feed = find_feed(library, args.target)
        except FeedError as exc:
            raise CommandError(str(exc)) from None
        remove_feed(library, feed.id)
    if args.json:
        emit_json({**feed.to_json(), "status": "removed"})
    say(f"unsubscribed from feed {feed.id} {one_line(feed.url)} (its articles stay)")
    return EXIT_OK


def _fetch(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import Fetcher, ImportOptions, fetch_feeds

    max_bytes = int(args.max_size * 1024 * 1024)
    fetcher = Fetcher(max_bytes=max_bytes)
    options = ImportOptions(max_bytes=max_bytes, fetcher=fetcher)
    progress = Progress("feed ")
    with open_library(args, "write") as library:
        results = fetch_feeds(library, fetcher, options, limit=args.limit, progress=progress)
        if any(r.status == "imported" for r in results):
            update_index(library)
    progress.done()
    return report_imports(args, results, " (new items)")


def _arguments(parser: argparse.ArgumentParser) -> None:
    from duizhao import terminal

    parser.add_argument("action", choices=ACTIONS, help="add URL | list | remove ID | fetch")
    parser.add_argument("target", nargs="?", metavar="URL|ID", help="the feed (add, remove)")
    parser.add_argument(
        "--limit",
        type=terminal.limit,
        default=20,
        metavar="N",
        help="fetch: at most N new items per feed this time (default 20; the rest wait)",
    )
    parser.add_argument(
        "--max-size",
        type=terminal.megabytes,
        default=20.0,
        metavar="MB",
        help="fetch: refuse feeds and pages larger than this many megabytes (default 20)",
    )


COMMANDS = {
    "feeds": Command(
        cmd_feeds, "subscribe to RSS/Atom feeds and fetch their new items on demand", _arguments
    ),
}
