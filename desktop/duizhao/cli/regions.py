"""Subcommands on where articles come from: an article's region (see it,
correct it, or find it again) and the outlets Duizhao knows."""

from __future__ import annotations

import argparse

from duizhao import terminal
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

#: What ``duizhao region ID REGION`` takes: a region, or ``auto`` to find it
#: again from the outlet and the text (undoing a correction).
CHOICES = ("taiwan", "hongkong", "macau", "mainland", "other", "auto")
SOURCE_WORDS = {
    "outlet": "from its outlet",
    "text": "from its text's usage",
    "user": "set by you",
    "none": "neither its outlet nor its text says",
    None: "not looked for yet",
}


def outlet_name(key: str | None, stated: str | None = None) -> str | None:
    """An outlet's name: its profile's when ``key`` names one, else as ``stated``."""
    from duizhao.core.ingest import outlet_name as named

    return named(key, stated)


def _describe(article: object) -> dict[str, object]:
    from duizhao.core.text import detect_region

    origin = article.origin  # type: ignore[attr-defined]
    guess = detect_region(article.text, article.script)  # type: ignore[attr-defined]
    return {
        "id": article.id,  # type: ignore[attr-defined]
        "title": article.title,  # type: ignore[attr-defined]
        "source": article.metadata.source,  # type: ignore[attr-defined]
        **origin.to_json(),
        "outlet_name": outlet_name(origin.outlet),
        "relayed_by_name": outlet_name(origin.relayed_by),
        "detected": {"region": guess.region, "hongkong": guess.hongkong, "taiwan": guess.taiwan},
    }


def cmd_region(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from duizhao.core.ingest import article_origin

    with open_library(args, "write" if args.region else "read") as library:
        article = library.get(args.id)
        if args.region == "auto":
            meta = article.metadata
            article = library.set_origin(
                args.id, article_origin(meta.source, meta.url, article.text, article.script)
            )
        elif args.region:
            article = library.set_origin(
                args.id, replace(article.origin, region=args.region, region_source="user")
            )
        if args.region:
            update_index(library)
        described = _describe(article)
    if args.json:
        emit_json(described)
        return EXIT_OK
    outlet = described["outlet_name"] or "unknown outlet"
    relay = described["relayed_by_name"]
    print(f"#{article.id}  {one_line(article.title)}")
    print(f"outlet: {one_line(str(outlet))}" + (f" (via {one_line(str(relay))})" if relay else ""))
    region = article.origin.region or "not known"
    print(f"region: {region} ({SOURCE_WORDS.get(article.origin.region_source, '?')})")
    detected = described["detected"]
    assert isinstance(detected, dict)
    print(
        f"its text: Hong Kong usage {detected['hongkong']}, Taiwan usage {detected['taiwan']}"
        f" -> {detected['region'] or 'not clear'}"
    )
    if args.region:
        say("its views, search entry and entities follow the new region")
    return EXIT_OK


def cmd_outlets(args: argparse.Namespace) -> int:
    from duizhao.core.ingest import outlet_profiles

    if args.unknown:
        return _unknown_outlets(args)
    outlets = outlet_profiles()
    if args.json:
        emit_json([o.as_dict() for o in outlets])
        return EXIT_OK
    for o in outlets:
        print(f"{o.key:<28} {o.region:<19} {o.kind:<19} {' / '.join(o.names[:3])}")
    say(f"{len(outlets)} outlets (`duizhao outlets --unknown`: the library's others)")
    return EXIT_OK


def _unknown_outlets(args: argparse.Namespace) -> int:
    """The library's sources with no outlet profile, and what the user said of them."""
    from duizhao.core.library import described_outlets, unknown_sources

    with open_library(args) as library:
        sources = unknown_sources(library)
        described = described_outlets(library)
    if args.json:
        emit_json(
            [
                {"name": name, "articles": count, "described": _json(described.get(name))}
                for name, count in sources
            ]
        )
        return EXIT_OK
    for name, count in sources:
        said = described.get(name)
        about = f"{said.region}, {said.kind or 'kind not given'}" if said else "not described"
        print(f"{count:>5}  {one_line(name)}  ({about})")
    say(
        f"{len(sources)} outlets with no profile; describe one with "
        "`duizhao outlet NAME --region REGION [--kind KIND]`"
    )
    return EXIT_OK


def _json(described: object) -> object:
    return None if described is None else described.to_json()  # type: ignore[attr-defined]


def cmd_outlet(args: argparse.Namespace) -> int:
    """Describe an outlet with no profile (its region and kind), or forget it."""
    from duizhao.core.ingest import apply_descriptions
    from duizhao.core.library import DescribeError, describe_outlet, forget_outlet

    if not args.forget and args.region is None:
        raise CommandError("say the outlet's --region (or --forget its description)", EXIT_USAGE)
    with open_library(args, "write") as library:
        try:
            if args.forget:
                if not forget_outlet(library, args.name):
                    raise CommandError(f"no description of {one_line(args.name)} to forget")
                changed: list[int] = []
                described = None
            else:
                described = describe_outlet(library, args.name, args.region, args.kind)
                changed = apply_descriptions(library, args.name)
        except DescribeError as exc:
            raise CommandError(str(exc), EXIT_USAGE) from None
        if changed:
            update_index(library)
    if args.json:
        emit_json({"described": _json(described), "articles_changed": changed})
    elif described is None:
        say(
            f"forgot {one_line(args.name)}; its articles keep their region "
            "(`duizhao region ID auto` finds it again)"
        )
    else:
        say(
            f"described {one_line(described.name)}: {described.region}"
            + (f", {described.kind}" if described.kind else "")
            + f"; {len(changed)} of its articles now read with that region's usage"
        )
    return EXIT_OK


def _outlets_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--unknown",
        action="store_true",
        help="the library's sources with no outlet profile, and how you described them",
    )


def _outlet_arguments(parser: argparse.ArgumentParser) -> None:
    from duizhao.core.ingest import KINDS, REGIONS

    parser.add_argument(
        "name",
        metavar="NAME",
        help="the outlet as its articles write it (see duizhao outlets --unknown)",
    )
    parser.add_argument("--region", choices=REGIONS, help="where it reports from")
    parser.add_argument("--kind", choices=KINDS, help="what kind of outlet it is")
    parser.add_argument("--forget", action="store_true", help="drop its description")


def _region_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", type=terminal.article_id, metavar="ID")
    parser.add_argument(
        "region",
        nargs="?",
        choices=CHOICES,
        help="set the region (auto: find it again from the outlet and the text)",
    )


COMMANDS = {
    "region": Command(
        cmd_region, "see or correct where an article comes from (its region)", _region_arguments
    ),
    "outlets": Command(
        cmd_outlets, "list the outlets Duizhao knows, with region and kind", _outlets_arguments
    ),
    "outlet": Command(
        cmd_outlet, "describe an outlet with no profile: its region and kind", _outlet_arguments
    ),
}
