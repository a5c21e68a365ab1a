"""Why a library cannot be used, as one line for the user.

- :class:`LibraryError` is the root; every message is one line that names the
  library and, where there is one, the way out.
- Its kinds say what the caller can do: :class:`LibraryMissing` (nothing
  there yet), :class:`LibraryBusy` (another process writes; try again),
  :class:`LibraryReadOnly` (read-only media or permissions; reading still
  works), :class:`LibraryFull` (the disk is full; nothing was written),
  :class:`LibraryDamaged` (the file is corrupt or not a Duizhao library; it
  is left as it is).
- :class:`ArticleNotFound` and :class:`ArticleDamaged` concern one article:
  the rest of the library goes on working.

:func:`from_sqlite` turns an :class:`sqlite3.Error` raised while reading or
writing into the right kind, by SQLite's own error name, so that a full disk,
a read-only file or a corrupt page never surfaces as a traceback.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class LibraryError(Exception):
    """A library that cannot be used; the message is one line for the user."""


class LibraryMissing(LibraryError):
    """No Duizhao library at the place given."""


class LibraryBusy(LibraryError):
    pass


class LibraryReadOnly(LibraryError):
    """The library can be read but not written here."""


class LibraryFull(LibraryError):
    """The disk (or the database's size limit) is full; the change was rolled back."""


class LibraryDamaged(LibraryError):
    """The database file is corrupt, or is not a Duizhao library; nothing was written to it."""


class ArticleNotFound(LibraryError, KeyError):
    def __str__(self) -> str:
        return f"no article with id {self.args[0]}"


class ArticleDamaged(LibraryError):
    """An article whose stored row cannot be read back (an invalid UTF-8 byte, a
    bit flip). It is kept apart, byte for byte; everything else keeps working."""

    def __init__(self, article_id: int, problem: str) -> None:
        super().__init__(article_id, problem)
        self.article_id = article_id
        self.problem = problem

    def __str__(self) -> str:
        return (
            f"article #{self.article_id} is damaged ({self.problem}); it is kept apart "
            "and unchanged: `duizhao check` says how to repair it"
        )


REPAIR_HINT = "`duizhao check` says what is wrong and how to repair it"


def from_sqlite(exc: sqlite3.Error, directory: Path, doing: str = "use") -> LibraryError:
    """The one-line :class:`LibraryError` for an SQLite error met while ``doing``
    something (a verb: "read", "write to") with the library in ``directory``."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    full = name.startswith("SQLITE_IOERR") and _no_space(directory)
    if name.startswith("SQLITE_FULL") or "disk is full" in text or full:
        return LibraryFull(
            f"disk full: cannot {doing} library {directory}; nothing was changed "
            "(free some space and run it again)"
        )
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return LibraryReadOnly(f"library {directory} is read-only here: cannot {doing} it")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return LibraryBusy(
            f"library {directory} is busy: another Duizhao is writing to it ({text})"
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return LibraryDamaged(f"library {directory} is damaged ({text}): {REPAIR_HINT}")
    if name.startswith("SQLITE_IOERR"):
        return LibraryError(f"cannot {doing} library {directory}: disk I/O error ({text})")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return LibraryError(f"cannot {doing} library {directory}: {text}")
    return LibraryError(f"cannot {doing} library {directory}: {text}")


def _no_space(directory: Path) -> bool:
    """Whether the disk holding ``directory`` has (next to) no room left: an I/O
    error there is a full disk (SQLite reports a -shm file it cannot grow so)."""
    try:
        stats = os.statvfs(directory)
    except (AttributeError, OSError):
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024
