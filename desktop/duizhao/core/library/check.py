"""``duizhao check``: is the library whole, row by row, and how is it repaired?

:func:`check_library` reads everything and writes nothing:

1. the file: SQLite's ``PRAGMA integrity_check`` (pages, b-trees, indexes)
   and ``PRAGMA foreign_key_check`` (a raw input without its article …);
2. every article row, as the bytes stored on disk: each text column must be
   valid UTF-8 (a bit flip leaves bytes that are not, and ``integrity_check``
   does not look), ``chars`` must count the text, ``content_hash`` must be the
   text's, ``script`` one of the scripts;
3. every raw input: present, its SHA-256 the one recorded at import, its
   reader text valid UTF-8; every removed part and cached entity list readable;
4. saved workspaces and row notes readable.

Each problem is a :class:`Finding`: where it is, what is wrong, and what to
run to repair it -- ``duizhao reclean`` rebuilds a damaged article from its
intact raw input, ``duizhao remove`` takes out one that cannot be rebuilt,
derived data is made again by itself. The search index is checked by
:mod:`duizhao.core.search` (it sits above the library) and its findings added
by the caller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from duizhao.core.library.article import Script
from duizhao.core.library.errors import LibraryError
from duizhao.core.library.store import Library, content_hash, raw_hash

#: Article columns that hold text, in the order they are read.
_TEXT_COLUMNS = (
    "title",
    "source",
    "author",
    "translator",
    "url",
    "published",
    "script",
    "text",
    "content_hash",
    "fmt",
    "encoding",
    "original_name",
    "original_path",
    "imported_at",
    "deleted_at",
)
_SCRIPTS = {str(s) for s in Script}
MAX_INTEGRITY_LINES = 20


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: ``where`` is "database", "article", "index" or "workspace"."""

    where: str
    problem: str
    repair: str
    article: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "where": self.where,
            "article": self.article,
            "problem": self.problem,
            "repair": self.repair,
        }


REBUILD = "`duizhao reclean` rebuilds it from its raw input (the file as imported)"
RESTORE = (
    "restore library.sqlite3 from a backup; or copy what is readable out with the sqlite3 "
    "tool (`.recover`) and import the original files again"
)


def check_library(library: Library) -> list[Finding]:
    """Every problem found in ``library`` (empty when it is whole). A file too
    damaged to read on is a finding too, with what was found before it."""
    findings: list[Finding] = []
    try:
        findings += _database(library)
        for (article_id,) in library.stored_rows("SELECT id FROM articles ORDER BY id"):
            findings += _article(library, int(article_id))
        findings += _workspaces(library)
    except LibraryError as exc:
        findings.append(Finding("database", f"reading stopped: {exc}", RESTORE))
    return findings


def _database(library: Library) -> list[Finding]:
    lines = [str(r[0]) for r in library.query(f"PRAGMA integrity_check({MAX_INTEGRITY_LINES})")]
    findings: list[Finding] = []
    if lines != ["ok"]:
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        findings.append(Finding("database", f"SQLite integrity check: {lines[0]}{more}", RESTORE))
    orphans = library.query("PRAGMA foreign_key_check")
    tables = sorted({str(r[0]) for r in orphans})
    if orphans:
        findings.append(
            Finding(
                "database",
                f"{len(orphans)} rows of {', '.join(tables)} belong to no article",
                "harmless to reading; " + RESTORE,
            )
        )
    return findings


def _undecodable(values: dict[str, object]) -> list[str]:
    problems = []
    for name, value in values.items():
        if isinstance(value, bytes):
            try:
                value.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.append(f"its {name} is not valid UTF-8 at byte {exc.start}")
    return problems


def _article(library: Library, article_id: int) -> list[Finding]:
    columns = ", ".join(_TEXT_COLUMNS)
    row = library.stored_rows(f"SELECT {columns}, chars FROM articles WHERE id = ?", (article_id,))[
        0
    ]
    values = dict(zip(_TEXT_COLUMNS, row, strict=False))
    problems = _undecodable(values)
    text = _text(values["text"])
    if text is not None:
        if row[-1] != len(text):
            problems.append(f"its length is recorded as {row[-1]} but its text has {len(text)}")
        if _text(values["content_hash"]) != content_hash(text):
            problems.append("its text does not match its checksum (changed outside Duizhao)")
    script = _text(values["script"])
    if script is not None and script not in _SCRIPTS:
        problems.append(f"its script {script!r} is not one Duizhao knows")
    raw_problem = _raw_input(library, article_id)
    if raw_problem is not None:
        problems.append(raw_problem)
    problems += _removed_parts(library, article_id)
    findings: list[Finding] = []
    if problems:
        if raw_problem is None:
            repair = REBUILD
        elif problems == [raw_problem]:
            repair = (
                "its text is intact and can be read; to keep its original again, "
                "`duizhao remove` it and import the original file again"
            )
        else:
            repair = "`duizhao remove` takes it out of the library; import the original file again"
        findings.append(Finding("article", "; ".join(problems), repair, article_id))
    cached = library.stored_rows("SELECT data FROM entities WHERE article_id = ?", (article_id,))
    if cached and not _json(cached[0][0]):
        findings.append(
            Finding(
                "article",
                "its cached entities cannot be read",
                "nothing to do: they are recognised again when next needed",
                article_id,
            )
        )
    return findings


def _raw_input(library: Library, article_id: int) -> str | None:
    rows = library.stored_rows(
        "SELECT raw, raw_hash, source_text FROM raw_inputs WHERE article_id = ?", (article_id,)
    )
    if not rows:
        return "its raw input is missing"
    raw, recorded, source_text = rows[0]
    if not isinstance(raw, bytes) or raw_hash(raw) != _text(recorded):
        return "its raw input does not match its checksum (damaged)"
    undecodable = _undecodable({"reader text": source_text})
    return undecodable[0] if undecodable else None


def _removed_parts(library: Library, article_id: int) -> list[str]:
    rows = library.stored_rows(
        "SELECT rule, text FROM removed_parts WHERE article_id = ?", (article_id,)
    )
    damaged = sum(1 for rule, text in rows if _undecodable({"rule": rule, "text": text}))
    return [f"{damaged} of its removed parts cannot be read"] if damaged else []


def _workspaces(library: Library) -> list[Finding]:
    findings = []
    for key, *values in library.stored_rows(
        "SELECT id, name, articles, topic, state FROM workspaces ORDER BY id"
    ):
        if _undecodable(dict(zip(("name", "articles", "topic", "state"), values, strict=True))):
            findings.append(
                Finding(
                    "workspace",
                    f"saved workspace {key} cannot be read",
                    "open the comparison again and save it under a new name",
                )
            )
    notes = library.stored_rows("SELECT article_set, topic_key, row_key, note FROM row_notes")
    names = ("article set", "topic key", "row key", "note")
    damaged = sum(1 for row in notes if _undecodable(dict(zip(names, row, strict=True))))
    if damaged:
        findings.append(
            Finding(
                "workspace",
                f"{damaged} row notes cannot be read",
                "write those notes again in the comparison",
            )
        )
    return findings


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None if value is None else str(value)


def _json(value: object) -> bool:
    text = _text(value)
    if text is None:
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
