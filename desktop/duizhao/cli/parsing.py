"""The command line's grammar: every subcommand's parser, the window's parser,
and where the subcommand sits among the arguments."""

from __future__ import annotations

import argparse
from typing import Any

from duizhao import __version__, terminal
from duizhao.cli import articles, citing, comparing, feeds, regions, searching, stories
from duizhao.cli.common import EXIT_USAGE, Command
from duizhao.terminal import one_line

# Each module of subcommands adds its table here, in the order --help lists them.
SUBCOMMANDS: dict[str, Command] = {
    **articles.COMMANDS,
    **searching.COMMANDS,
    **comparing.COMMANDS,
    **citing.COMMANDS,
    **feeds.COMMANDS,
    **regions.COMMANDS,
    **stories.COMMANDS,
}


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line (the usage itself is in --help)."""

    def error(self, message: str) -> Any:  # argparse's own signature: NoReturn
        self.exit(EXIT_USAGE, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


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
    for name, command in SUBCOMMANDS.items():
        command.arguments(
            sub.add_parser(name, parents=[common], help=command.help, description=command.help)
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


def split_command(argv: list[str]) -> tuple[str | None, list[str]]:
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
