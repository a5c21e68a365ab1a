"""The demo library: the articles in ``resources/demo`` imported into a library of their own.

``duizhao --demo`` opens it; it lives beside (never inside) the user's
library. It is rebuilt when the shipped demo articles change, detected by a
fingerprint of their bytes kept in the library directory.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from duizhao.core.ingest.importer import import_paths
from duizhao.core.library import FILE_NAME, ImportResult, Library
from duizhao.core.resources import resource_path

STAMP = "demo-fingerprint"


def demo_articles_dir() -> Path:
    return resource_path("demo")


def fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_demo_library(directory: Path, articles: Path | None = None) -> list[ImportResult]:
    """Make ``directory`` hold exactly the demo articles; returns what was imported
    (nothing when the library was already current)."""
    articles = articles or demo_articles_dir()
    wanted = fingerprint(articles)
    stamp = directory / STAMP
    if stamp.is_file() and stamp.read_text().strip() == wanted and (directory / FILE_NAME).exists():
        return []
    if directory.exists():
        for name in (FILE_NAME, f"{FILE_NAME}-wal", f"{FILE_NAME}-shm", STAMP):
            (directory / name).unlink(missing_ok=True)
        index = directory / "index"
        if index.is_dir():
            shutil.rmtree(index)
    with Library.open(directory) as library:
        results = import_paths(library, [articles])
    stamp.write_text(wanted + "\n")
    return results
