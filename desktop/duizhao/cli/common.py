"""What every subcommand shares: its one-line errors, its output, the library it opens.

Machine-readable output goes to stdout; progress and human messages to
stderr. ``--library`` must name a Duizhao library: only ``import`` creates
one. Commands that only read open it read-only, so they work on read-only
media and never create or change anything; commands that write check it
first (``integrity_check``) and refuse a damaged one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from duizhao import locations
from duizhao.terminal import one_line

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
VIEWS = ("original", "simplified", "traditional", "taiwan", "hongkong")


class CommandError(Exception):
    """A one-line message for stderr; the command exits with ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Command:
    """One subcommand: what it runs, its one-line help, and its own arguments
    (``--library`` and ``--json`` are added to every one)."""

    run: Callable[[argparse.Namespace], int]
    help: str
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def say(message: str) -> None:
    print(message, file=sys.stderr)


def use_encoder_cache() -> None:
    """Give the sentence encoder the app's cache directory (a faster, lighter load)."""
    from duizhao.core.meaning import Encoder, use_shared_encoder

    use_shared_encoder(Encoder(locations.cache_dir() / "encoder"))


def search_index(library: Any) -> Any:
    from duizhao.core.search import SearchIndex
    from duizhao.core.text import Segmenter, use_shared_segmenter

    use_shared_segmenter(Segmenter(locations.cache_dir() / "jieba"))
    return SearchIndex(library.directory)


def update_index(library: Any) -> None:
    """Keep the search index in step after a change; a failure only delays it."""
    from duizhao.core.search import SearchError

    index = search_index(library)
    try:
        index.sync(library)
    except SearchError as exc:
        say(f"duizhao: note: search index not updated now ({exc}); it catches up on next search")
    finally:
        index.close()


def each_article(ids: list[int], action: Callable[[int], Any]) -> tuple[list[Any], int]:
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


def write_export(target: Path, write: Callable[[Path], Path]) -> Path:
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


def library_dir(args: argparse.Namespace) -> Path:
    return locations.library_dir(args.library)


@contextmanager
def open_library(args: argparse.Namespace, mode: str = "read") -> Iterator[Any]:
    """The library of ``--library``, opened for ``mode``: "read" (read-only,
    never creates), "write" (must exist; checked before writing), "create"
    (``import``: made when missing, and said so). Damaged articles met while
    working are named on stderr at the end."""
    from duizhao.core.library import Library

    directory = library_dir(args)
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
