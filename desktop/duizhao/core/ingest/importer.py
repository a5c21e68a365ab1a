"""Import files, folders and web addresses into a library, one transaction each.

:func:`collect` expands the paths the user gave into the files to read
(folders recursively, hidden entries skipped, symlinked folders not followed
so loops cannot happen) and reports paths that cannot be read at all.
:func:`import_paths` reads, parses and stores each file, reporting every one
as imported, duplicate or failed with a one-line reason -- any exception in
one file, a full disk included, is that file's reason, and the next file goes
on -- and stops between files when asked to cancel.

A path that is an http(s) URL is fetched (only then: nothing else reaches the
network) by the :class:`~duizhao.core.ingest.fetching.Fetcher` of the options,
or one made for this import, and read like a file of its kind; the page is
stored with its URL. A URL that fails is that URL's failed result.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from duizhao.core.ingest.cleaning import RuleSet
from duizhao.core.ingest.fetching import Fetcher, FetchError, file_name, is_url
from duizhao.core.ingest.outlets import apply_descriptions, fill_origins
from duizhao.core.ingest.pipeline import ImportRefused, parse
from duizhao.core.library import ImportResult, ImportStatus, Library, LibraryError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
log = logging.getLogger(__name__)

Progress = Callable[[int, int, ImportResult], None]


@dataclass(frozen=True, slots=True)
class ImportOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    rules: RuleSet | None = None
    #: used for URLs; None: one is made for each call of :func:`import_paths`
    fetcher: Fetcher | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A path to import, or a reason it cannot be."""

    display: str
    path: Path
    error: str | None = None
    url: str | None = None  # a web address to fetch instead of a file
    data: bytes | None = None  # content given directly (pasted), read as ``path``'s name


def pasted(data: bytes, name: str, display: str) -> Candidate:
    """Content from the clipboard: read as a file called ``name`` (its suffix
    picks the reader), shown as ``display`` in the report."""
    return Candidate(display, Path(name), data=data)


def collect(paths: list[str | Path]) -> list[Candidate]:
    found: list[Candidate] = []
    for given in paths:
        if isinstance(given, str) and is_url(given):
            found.append(Candidate(shown(given), Path(), url=given))
            continue
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
    if candidate.url is not None:
        return _import_url(library, candidate, options)
    if candidate.data is not None:
        return store(library, candidate.display, candidate.data, candidate.path.name, options)
    try:
        size = candidate.path.stat().st_size
        if size > options.max_bytes:
            return failed(
                f"file too large ({_size(size)}; the limit is {_size(options.max_bytes)})"
            )
        data = candidate.path.read_bytes()
    except OSError as exc:
        return failed(f"cannot read file: {exc.strerror or exc}")
    name = shown(candidate.path.name)
    return store(
        library, candidate.display, data, name, options, path=shown(candidate.path.resolve())
    )


def _import_url(library: Library, candidate: Candidate, options: ImportOptions) -> ImportResult:
    assert candidate.url is not None
    fetcher = options.fetcher or Fetcher(max_bytes=options.max_bytes)
    try:
        fetched = fetcher.fetch(candidate.url)
        name = file_name(fetched)
    except FetchError as exc:
        return ImportResult(candidate.display, ImportStatus.FAILED, error=str(exc))
    return store(library, candidate.display, fetched.data, name, options, url=fetched.url)


def store(
    library: Library,
    display: str,
    data: bytes,
    name: str,
    options: ImportOptions,
    *,
    path: str | None = None,
    url: str | None = None,
) -> ImportResult:
    """Read ``data`` as a file called ``name`` and store it, unless the same
    bytes or text are there already. Fetched bytes keep their ``url`` (unless
    the page states its own address); it stands as their path too."""
    existing = library.find_raw(data)
    if existing is not None:
        article = library.get(existing)
        return ImportResult(
            display, ImportStatus.DUPLICATE, existing, article.title, article.script
        )
    try:
        document = parse(data, name, options.rules)
    except ImportRefused as exc:
        return ImportResult(display, ImportStatus.FAILED, error=str(exc))
    if document.metadata.url is None:
        document.metadata.url = url
    status, article_id = library.add(document, name, path or url)
    if document.origin.outlet is None and document.metadata.source:
        apply_descriptions(library, document.metadata.source)  # an outlet the user described
    article = library.get(article_id)
    return ImportResult(display, status, article_id, article.title, article.script)


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
    if options.fetcher is None and any(c.url for c in candidates):
        options = ImportOptions(
            options.max_bytes, options.rules, Fetcher(max_bytes=options.max_bytes)
        )
    results: list[ImportResult] = []
    for index, candidate in enumerate(candidates, start=1):
        if cancelled is not None and cancelled():
            break
        result = import_one(library, candidate, options)
        results.append(result)
        if progress is not None:
            progress(index, len(candidates), result)
    return results


def with_fetcher(options: ImportOptions, candidates: list[Candidate]) -> ImportOptions:
    """``options`` with one fetcher for all the URLs among ``candidates`` (so one
    request per host per second holds across them); unchanged without URLs."""
    if options.fetcher is not None or not any(c.url for c in candidates):
        return options
    return replace(options, fetcher=Fetcher(max_bytes=options.max_bytes))


def _size(size: int) -> str:
    """A file size for a message, in a unit that shows it (never "0.0 MB")."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"
