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
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence

from duizhao import locations
from duizhao.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandError, say
from duizhao.cli.parsing import SUBCOMMANDS, build_parser, build_window_parser, split_command
from duizhao.terminal import one_line

__all__ = ["main"]


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
    command, args_list = split_command(args_list)
    try:
        if command is None:
            args = build_window_parser().parse_args(args_list)
            return _open_window(args)
        args = build_parser().parse_args(args_list)
        return SUBCOMMANDS[command].run(args)
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
