"""Outlets the user described: an outlet with no profile, named as its
articles write it (``source``), with the region it reports from and its kind.

One table (schema migration 10), ``described_outlets``. Describing an outlet
gives its articles that have no known outlet, and whose region the user did
not set by hand, the outlet's region (what derives from their text follows,
see :meth:`Library.set_origin`); articles imported later from the same
source take it at import (:mod:`duizhao.core.ingest.importer`). Describing it
again replaces the description; forgetting it leaves the articles' regions
as they are until ``duizhao region ID auto``. Regions and kinds are those of
the outlet profiles (:data:`duizhao.core.ingest.REGIONS`, ``KINDS``), checked
by the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duizhao.core.library.store import Library

#: the longest outlet name accepted (a source line, not a paragraph)
MAX_NAME = 200


class DescribeError(ValueError):
    """A description that cannot be made; the message is one line."""


@dataclass(frozen=True, slots=True)
class Described:
    name: str  # as articles write it
    region: str  # a region of the outlet profiles (mainland … overseas)
    kind: str | None
    described_at: str

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "region": self.region,
            "kind": self.kind,
            "described_at": self.described_at,
        }


def described_outlets(library: Library) -> dict[str, Described]:
    """Every outlet the user described, by name."""
    rows = library.query(
        "SELECT name, region, kind, described_at FROM described_outlets ORDER BY name"
    )
    return {
        str(r[0]): Described(str(r[0]), str(r[1]), None if r[2] is None else str(r[2]), str(r[3]))
        for r in rows
    }


def describe_outlet(library: Library, name: str, region: str, kind: str | None) -> Described:
    """Keep (or replace) the description of the outlet written ``name``."""
    name = " ".join(name.split())
    if not name:
        raise DescribeError("an outlet's name cannot be empty")
    if len(name) > MAX_NAME:
        raise DescribeError(f"an outlet's name is at most {MAX_NAME} characters")
    when = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with library.transaction() as db:
        db.execute(
            "INSERT INTO described_outlets (name, region, kind, described_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET region = excluded.region, kind = excluded.kind, "
            "described_at = excluded.described_at",
            (name, region, kind, when),
        )
    return Described(name, region, kind, when)


def forget_outlet(library: Library, name: str) -> bool:
    """Drop a description; False when there was none."""
    with library.transaction() as db:
        gone = db.execute("DELETE FROM described_outlets WHERE name = ?", (" ".join(name.split()),))
    return gone.rowcount > 0


def articles_of_source(library: Library, name: str) -> list[int]:
    """Live articles written as coming from ``name`` whose outlet has no profile
    and whose region the user did not set by hand: the ones a description reaches."""
    rows = library.query(
        "SELECT id FROM articles WHERE deleted_at IS NULL AND outlet IS NULL "
        "AND trim(source) = ? AND (region_source IS NULL OR region_source != 'user') "
        "ORDER BY id",
        (" ".join(name.split()),),
    )
    return [int(str(r[0])) for r in rows]


def unknown_sources(library: Library) -> list[tuple[str, int]]:
    """Sources of live articles with no outlet profile, with how many articles
    each, most first: the outlets shown as unknown, to be described."""
    rows = library.query(
        "SELECT trim(source), COUNT(*) FROM articles WHERE deleted_at IS NULL "
        "AND outlet IS NULL AND source IS NOT NULL AND trim(source) != '' "
        "GROUP BY trim(source) ORDER BY COUNT(*) DESC, trim(source)"
    )
    return [(str(r[0]), int(str(r[1]))) for r in rows]
