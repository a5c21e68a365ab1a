"""Faults to inject in tests: read-only media, a full disk, damaged bytes in a library.

Read-only media and a full disk are made for real where this machine allows:
as root, a small ``tmpfs`` is mounted in the test's own directory (remounted
read-only, or sized to fill up); without root, read-only is made with file
permissions (which root ignores) and a full disk is skipped -- the SQLite
``max_page_count`` tests fill the database itself and run everywhere.
Every mount is unmounted when the test ends.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> bool:
    result = subprocess.run(["mount", *args], capture_output=True, check=False)
    return result.returncode == 0


def _unmount(where: Path) -> None:
    if subprocess.run(["umount", str(where)], capture_output=True, check=False).returncode:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


@contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` (``"2m"``, ``"300k"``) mounted at ``where``; skips the
    test when this machine cannot mount one (not root, no ``mount``, a container)."""
    if not ROOT or sys.platform != "linux":
        pytest.skip("mounting a tmpfs needs root on Linux")
    where.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where)):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        _unmount(where)


class Media:
    """A folder that becomes read-only on :meth:`lock` (and writable again on
    :meth:`unlock`), the way this machine can do it."""

    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder = folder
        self.mounted = mounted
        self.locked = False

    def lock(self) -> None:
        if self.mounted:
            assert _mount("-o", "remount,ro", str(self.folder)), "remount read-only failed"
        else:
            for path in [self.folder, *self.folder.rglob("*")]:
                path.chmod(0o555 if path.is_dir() else 0o444)
        self.locked = True

    def unlock(self) -> None:
        if self.mounted:
            _mount("-o", "remount,rw", str(self.folder))
        else:
            for path in [self.folder, *self.folder.rglob("*")]:
                path.chmod(0o755 if path.is_dir() else 0o644)
        self.locked = False


@contextmanager
def read_only_media(where: Path) -> Iterator[Media]:
    """A :class:`Media` at ``where``: a tmpfs remounted read-only as root, file
    permissions otherwise."""
    if ROOT:
        with tmpfs(where, "64m"):
            media = Media(where, mounted=True)
            try:
                yield media
            finally:
                if media.locked:
                    media.unlock()
        return
    if sys.platform == "win32":
        pytest.skip("read-only folders are not made this way on Windows")
    where.mkdir(parents=True, exist_ok=True)
    media = Media(where, mounted=False)
    try:
        yield media
    finally:
        media.unlock()


def fill_up(folder: Path) -> Path:
    """Write a file in ``folder`` until its disk is full; delete the file to free it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    return filler


def set_column_bytes(database: Path, sql: str, *parameters: object) -> None:
    """Run an UPDATE on the library file behind Duizhao's back (to damage a row
    the way a bit flip does: ``CAST(x'..' AS TEXT)`` stores bytes as text)."""
    db = sqlite3.connect(database)
    try:
        db.execute(sql, parameters)
        db.commit()
    finally:
        db.close()


def flip_text_byte(database: Path, article_id: int, column: str = "text") -> None:
    """Make one article's ``column`` invalid UTF-8: its last byte becomes 0xFF."""
    set_column_bytes(
        database,
        f"UPDATE articles SET {column} = "
        f"CAST(substr(CAST({column} AS BLOB), 1, length(CAST({column} AS BLOB)) - 1) "
        "|| x'ff' AS TEXT) WHERE id = ?",
        article_id,
    )


def smash_page(database: Path, table_or_index: str) -> None:
    """Overwrite the root page of ``table_or_index`` with a pattern no b-tree has
    (what a failing disk leaves): ``integrity_check`` reports it."""
    db = sqlite3.connect(database)
    try:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table_or_index,)
        ).fetchone()[0]
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    with open(database, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes([0x0D, 0xFF, 0xFF, 0x00, 0x77]) * (page_size // 5))
