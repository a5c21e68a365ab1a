"""Opening a library directory: what is created, what is refused, and read-only access.

:func:`connect` is the only way in. It decides, before anything is written:

- **where**: the directory must exist and hold ``library.sqlite3``, unless
  ``create`` is asked for; then a missing directory is made, but a directory
  that holds other files is refused (``--library /`` or a home folder must
  not become a library).
- **what**: the file must be a Duizhao library (:func:`.schema.recognise`):
  an empty (0-byte) file, a non-SQLite file, an empty SQLite database or
  another program's database is refused and left untouched; a library that
  fails ``PRAGMA integrity_check`` (when ``verify`` is asked for) is refused
  before anything is written to it.
- **how**: ``readonly`` connects with ``mode=ro`` (and on read-only media,
  where SQLite cannot make its ``-shm`` file, with ``immutable=1`` when no
  ``-wal`` file holds changes), so reading never writes and works on a
  read-only disk (a library an older Duizhao wrote is upgraded once first,
  where it can be written). A writable open first checks that it can write,
  so the failure is one line ("read-only file system") instead of an SQLite
  error halfway through a command.

A new library is built under a temporary name and linked into place, so a
process killed while creating one never leaves an empty ``library.sqlite3``
behind (an empty file is refused as damaged, never taken for a new library).
:func:`transaction` is the write transaction every change goes through: SQLite
errors inside it become the one-line errors of :mod:`.errors`.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from duizhao.core.library.errors import (
    REPAIR_HINT,
    LibraryBusy,
    LibraryDamaged,
    LibraryError,
    LibraryMissing,
    LibraryReadOnly,
    from_sqlite,
)
from duizhao.core.library.schema import SCHEMA_VERSION, migrate, recognise

FILE_NAME = "library.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
_NEW_PREFIX = ".library-new-"


@dataclass(frozen=True, slots=True)
class Opened:
    connection: sqlite3.Connection
    readonly: bool
    created: bool


def connect(
    directory: Path, *, timeout: float, create: bool, readonly: bool, verify: bool
) -> Opened:
    """Open the library in ``directory`` (see the module docstring); raises a
    :class:`~duizhao.core.library.errors.LibraryError` with one line."""
    create = create and not readonly
    _check_directory(directory, create)
    path = directory / FILE_NAME
    created = False
    if not os.path.lexists(path):
        if not create:
            raise LibraryMissing(
                f"no Duizhao library in {directory} (it has no {FILE_NAME}): "
                f"`duizhao import PATH --library {directory}` creates one"
            )
        _refuse_other_files(directory)
        _create(path, directory, timeout)
        created = True
    _check_file(path, directory, timeout)
    probe = _connect_readonly(path, directory, timeout)
    version = _examine(probe, path, directory, verify=verify and not created)
    if not readonly:
        probe.close()
        connection = _writable_connection(path, directory, timeout)
        return Opened(connection, readonly=False, created=created)
    if version < SCHEMA_VERSION:  # an older Duizhao made it: upgrade it once, then read
        probe.close()
        try:
            _writable_connection(path, directory, timeout).close()
        except LibraryReadOnly:
            raise LibraryReadOnly(
                f"library {directory} was made by an older Duizhao (schema {version}) and "
                "cannot be upgraded where it is (read-only): open it once on writable storage"
            ) from None
        probe = _connect_readonly(path, directory, timeout)
    return Opened(probe, readonly=True, created=False)


# -- where --------------------------------------------------------------------------


def _check_directory(directory: Path, create: bool) -> None:
    if directory.is_dir():
        return
    if os.path.lexists(directory):
        what = "cannot create library directory" if create else "cannot open library"
        raise LibraryError(f"{what} {directory}: it is a file, not a folder")
    if not create:
        raise LibraryMissing(
            f"no Duizhao library at {directory} (no such folder): "
            f"`duizhao import PATH --library {directory}` creates one"
        )
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"cannot create library directory {directory}: {exc.strerror or exc}"
        ) from None


def _own(name: str) -> bool:
    """Names a library directory may hold besides the database itself."""
    return name.startswith((FILE_NAME, ".")) or name == "index"


def _refuse_other_files(directory: Path) -> None:
    try:
        others = sorted(name for name in os.listdir(directory) if not _own(name))
    except OSError as exc:
        raise LibraryError(f"cannot read library directory {directory}: {exc.strerror}") from None
    if others:
        shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
        raise LibraryError(
            f"{directory} holds other files ({shown}) and no Duizhao library: "
            "give a new or empty folder for the library"
        )


def _create(path: Path, directory: Path, timeout: float) -> None:
    """Build a new library under a temporary name, then link it into place."""
    temporary = directory / f"{_NEW_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        db = sqlite3.connect(temporary, timeout=timeout, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            migrate(db, lambda: transaction(db, directory))
        finally:
            db.close()  # the last connection: its -wal is checkpointed and removed
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process created it meanwhile: use theirs
        except OSError:  # a file system without hard links (FAT): rename instead
            if not os.path.lexists(path):
                os.replace(temporary, path)
    except sqlite3.Error as exc:
        raise from_sqlite(exc, directory, "create") from None
    except OSError as exc:
        raise LibraryError(f"cannot create a library in {directory}: {exc.strerror}") from None
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with suppress(OSError):
                os.unlink(f"{temporary}{suffix}")


# -- what ---------------------------------------------------------------------------


def _check_file(path: Path, directory: Path, timeout: float) -> None:
    """Refuse what is plainly not a library before SQLite sees it."""
    size, head = _head(path)
    wal = path.with_name(FILE_NAME + "-wal")
    if size == 0 and not (wal.is_file() and wal.stat().st_size > 0):
        _wait_for_writer(path, directory, timeout)  # another process may be making it
        size, head = _head(path)
    if size == 0:
        if wal.is_file() and wal.stat().st_size > 0:
            return  # a new library whose pages are all still in its -wal file
        raise LibraryDamaged(
            f"{path} is empty (0 bytes), not a Duizhao library: refused, nothing changed "
            "(if it was one, restore it from a backup)"
        )
    if head != SQLITE_HEADER:
        raise LibraryDamaged(
            f"{path} is not a Duizhao library (not an SQLite database): refused, nothing changed"
        )


def _head(path: Path) -> tuple[int, bytes]:
    try:
        if not path.is_file():
            raise LibraryDamaged(f"{path} is not a regular file, not a Duizhao library")
        with open(path, "rb") as handle:
            return os.fstat(handle.fileno()).st_size, handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"cannot read library {path}: {exc.strerror}") from None


def _wait_for_writer(path: Path, directory: Path, timeout: float) -> None:
    """Wait (up to ``timeout``) for a process that holds the write lock of an
    empty database file; :class:`LibraryBusy` if it keeps it."""
    try:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
    except sqlite3.Error as exc:
        error = from_sqlite(exc, directory, "open")
        if isinstance(error, LibraryBusy):
            raise LibraryBusy(
                f"library {directory} is busy: another process is writing to it "
                f"(waited {timeout:g} s)"
            ) from None
    finally:
        db.close()


def _examine(db: sqlite3.Connection, path: Path, directory: Path, *, verify: bool) -> int:
    try:
        version = recognise(db, str(path))
        if verify:
            found = str(db.execute("PRAGMA integrity_check(1)").fetchone()[0])
            if found != "ok":
                raise LibraryDamaged(
                    f"library {directory} is damaged (integrity check: {found.splitlines()[0]}); "
                    f"nothing was written to it: {REPAIR_HINT}"
                )
    except sqlite3.Error as exc:
        db.close()
        if "not a database" in str(exc):
            raise LibraryDamaged(
                f"{path} is not a Duizhao library ({exc}): refused, nothing changed"
            ) from None
        raise from_sqlite(exc, directory, "read") from None
    except LibraryError:
        db.close()
        raise
    return version


# -- how ----------------------------------------------------------------------------


def _connect_readonly(path: Path, directory: Path, timeout: float) -> sqlite3.Connection:
    uri = "file:" + quote(str(path.absolute()))
    try:
        db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError as exc:
        # SQLite could not make or grow the -shm file beside the database:
        # read-only media, no permission, or a full disk
        name = str(getattr(exc, "sqlite_errorname", ""))
        if not name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")):
            raise from_sqlite(exc, directory, "read") from None
    except sqlite3.DatabaseError as exc:
        raise LibraryDamaged(
            f"{path} is not a Duizhao library ({exc}): refused, nothing changed"
        ) from None
    if not os.access(path, os.R_OK):
        raise LibraryError(f"cannot read library {path}: permission denied")
    wal = path.with_name(FILE_NAME + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        raise LibraryReadOnly(
            f"library {directory} cannot be read here: it was not closed cleanly (its "
            f"{wal.name} holds recent changes) and SQLite cannot open it on this storage "
            "(read-only or full): copy the folder to writable storage with free space"
        )
    try:
        db = sqlite3.connect(uri + "?immutable=1", uri=True, timeout=timeout, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise from_sqlite(exc, directory, "read") from None
    return db


def not_writable(directory: Path) -> str | None:
    """Why nothing can be written in ``directory`` (None when it can)."""
    try:
        if os.statvfs(directory).f_flag & os.ST_RDONLY:
            return "read-only file system"
    except (AttributeError, OSError):  # no statvfs on Windows
        pass
    path = directory / FILE_NAME
    if not os.access(directory, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return "no permission to write"
    return None


def _writable_connection(path: Path, directory: Path, timeout: float) -> sqlite3.Connection:
    reason = not_writable(directory)
    if reason is not None:
        raise LibraryReadOnly(
            f"library {directory} is read-only ({reason}): it cannot be changed here; "
            "reading works (list, show, search)"
        )
    try:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise from_sqlite(exc, directory, "open") from None
    try:
        db.execute("PRAGMA foreign_keys = ON")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise LibraryError(f"library {directory} cannot use WAL journaling ({mode})")
        db.execute("PRAGMA synchronous = NORMAL")
        migrate(db, lambda: transaction(db, directory))
    except sqlite3.Error as exc:
        db.close()
        error = from_sqlite(exc, directory, "open")
        if isinstance(error, LibraryBusy):
            error = LibraryBusy(
                f"library {directory} is busy: another Duizhao is writing to it "
                f"(waited {timeout:g} s)"
            )
        raise error from None
    except LibraryError:
        db.close()
        raise
    return db


@contextmanager
def transaction(db: sqlite3.Connection, directory: Path) -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE``): committed when the block
    ends, rolled back when it raises; SQLite errors become :class:`LibraryError`."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise from_sqlite(exc, directory, "write to") from None
    try:
        yield
        db.execute("COMMIT")
    except BaseException as exc:
        if db.in_transaction:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise from_sqlite(exc, directory, "write to") from None
        raise
