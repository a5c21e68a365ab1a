"""Import files and folders into a library, one transaction per file.

:func:`collect` expands the paths the user gave into the files to read
(folders recursively, hidden entries skipped, symlinked folders not followed
so loops cannot happen) and reports paths that cannot be read at all.
:func:`import_paths` reads, parses and stores each file, reporting every one
as imported, duplicate or failed with a one-line reason, and stops between
files when asked to cancel.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from duizhao.core.ingest.cleaning import RuleSet
from duizhao.core.ingest.pipeline import ImportRefused, parse
from duizhao.core.library import ImportResult, ImportStatus, Library, LibraryError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

Progress = Callable[[int, int, ImportResult], None]


@dataclass(frozen=True, slots=True)
class ImportOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    rules: RuleSet | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A path to import, or a reason it cannot be."""

    display: str
    path: Path
    error: str | None = None


def collect(paths: list[str | Path]) -> list[Candidate]:
    found: list[Candidate] = []
    for given in paths:
        path = Path(given)
        display = str(given)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            found.append(Candidate(display, path))
        elif path.exists() or path.is_symlink():
            reason = (
                "broken symbolic link"
                if path.is_symlink() and not path.exists()
                else ("not a regular file")
            )
            found.append(Candidate(display, path, reason))
        else:
            found.append(Candidate(display, path, "no such file or directory"))
    return found


def _walk(folder: Path) -> Iterator[Candidate]:
    errors: list[Candidate] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename or str(folder)
        errors.append(Candidate(str(where), Path(where), f"cannot read folder: {exc.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.is_file():
                yield Candidate(str(path), path)
            else:
                yield Candidate(str(path), path, "not a regular file")
    yield from errors


def import_one(library: Library, candidate: Candidate, options: ImportOptions) -> ImportResult:
    def failed(reason: str) -> ImportResult:
        return ImportResult(candidate.display, ImportStatus.FAILED, error=reason)

    if candidate.error:
        return failed(candidate.error)
    try:
        size = candidate.path.stat().st_size
        if size > options.max_bytes:
            return failed(
                f"file too large ({_size(size)}; the limit is {_size(options.max_bytes)})"
            )
        data = candidate.path.read_bytes()
    except OSError as exc:
        return failed(f"cannot read file: {exc.strerror or exc}")
    try:
        existing = library.find_raw(data)
        if existing is not None:
            article = library.get(existing)
            return ImportResult(
                candidate.display, ImportStatus.DUPLICATE, existing, article.title, article.script
            )
        try:
            document = parse(data, candidate.path.name, options.rules)
        except ImportRefused as exc:
            return failed(str(exc))
        status, article_id = library.add(
            document, candidate.path.name, str(candidate.path.resolve())
        )
        article = library.get(article_id)
    except LibraryError as exc:
        return failed(str(exc))
    return ImportResult(candidate.display, status, article_id, article.title, article.script)


def import_paths(
    library: Library,
    paths: list[str | Path],
    options: ImportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import every file under ``paths``; the results are in the order files were read."""
    options = options or ImportOptions()
    candidates = collect(paths)
    results: list[ImportResult] = []
    for index, candidate in enumerate(candidates, start=1):
        if cancelled is not None and cancelled():
            break
        result = import_one(library, candidate, options)
        results.append(result)
        if progress is not None:
            progress(index, len(candidates), result)
    return results


def _size(size: int) -> str:
    """A file size for a message, in a unit that shows it (never "0.0 MB")."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
