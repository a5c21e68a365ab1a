"""Import files and folders into a library, one transaction per file.

:func:`collect` expands the paths the user gave into the files to read
(folders recursively, hidden entries skipped, symlinked folders not followed
so loops cannot happen) and reports paths that cannot be read at all.
:func:`import_paths` reads, parses and stores each file, reporting every one
as imported, duplicate or failed with a one-line reason -- any exception in
one file, a full disk included, is that file's reason, and the next file goes
on -- and stops between files when asked to cancel.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from duizhao.core.ingest.cleaning import RuleSet
from duizhao.core.ingest.outlets import fill_origins
from duizhao.core.ingest.pipeline import ImportRefused, parse
from duizhao.core.library import ImportResult, ImportStatus, Library, LibraryError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
log = logging.getLogger(__name__)

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
        try:
            folder = path.is_dir()
        except OSError as exc:  # a folder on the way that cannot be searched
            found.append(Candidate(shown(given), path, f"cannot read: {exc.strerror or exc}"))
            continue
        if folder:
            found.extend(_walk(path))
        else:
            found.append(_candidate(path, shown(given)))
    return found


def _candidate(path: Path, display: str) -> Candidate:
    """A file to read, or why ``path`` is not one."""
    try:
        if path.is_file():
            return Candidate(display, path)
        if path.is_symlink() and not path.exists():
            return Candidate(display, path, "broken symbolic link")
        if path.exists() or path.is_symlink():
            return Candidate(display, path, "not a regular file")
        return Candidate(display, path, "no such file or directory")
    except OSError as exc:
        return Candidate(display, path, f"cannot read: {exc.strerror or exc}")


def shown(path: str | Path) -> str:
    """A path as text that can be stored and printed: a file name that is not
    valid UTF-8 shows its odd bytes as ``\\xNN`` (the name on disk is unchanged)."""
    text = os.fspath(path)
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _walk(folder: Path) -> Iterator[Candidate]:
    errors: list[Candidate] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename or str(folder)
        errors.append(Candidate(shown(where), Path(where), f"cannot read folder: {exc.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=on_error, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            yield _candidate(path, shown(path))
    yield from errors


def import_one(library: Library, candidate: Candidate, options: ImportOptions) -> ImportResult:
    """Import one file. Whatever goes wrong -- a refused input, a full disk, a
    bug in a reader -- is this file's failed result with a one-line reason;
    its transaction is rolled back and the next file goes on."""
    try:
        return _import_one(library, candidate, options)
    except Exception as exc:  # noqa: BLE001 - one file never stops the import
        log.debug("import of %s failed", candidate.display, exc_info=True)
        return ImportResult(candidate.display, ImportStatus.FAILED, error=_reason(exc))


def _reason(exc: Exception) -> str:
    if isinstance(exc, LibraryError | ImportRefused):
        text = str(exc)
    elif isinstance(exc, MemoryError):
        text = "not enough memory to read this file"
    elif isinstance(exc, RecursionError):
        text = "nested too deeply to read"
    elif isinstance(exc, OSError):
        text = f"cannot read file: {exc.strerror or exc}"
    else:
        text = f"could not be read ({type(exc).__name__}: {exc})"
    flat = " ".join(text.split())
    return flat if len(flat) <= 300 else flat[:299] + "…"


def _import_one(library: Library, candidate: Candidate, options: ImportOptions) -> ImportResult:
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
    existing = library.find_raw(data)
    if existing is not None:
        article = library.get(existing)
        return ImportResult(
            candidate.display, ImportStatus.DUPLICATE, existing, article.title, article.script
        )
    name = shown(candidate.path.name)
    try:
        document = parse(data, name, options.rules)
    except ImportRefused as exc:
        return failed(str(exc))
    status, article_id = library.add(document, name, shown(candidate.path.resolve()))
    article = library.get(article_id)
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
    fill_origins(library)  # articles imported before outlets were known
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
