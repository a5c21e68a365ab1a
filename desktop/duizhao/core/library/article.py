"""Plain data shared across the core: articles, their metadata and import results.

Offsets everywhere in Duizhao index an article's ``text`` (the cleaned text a
reader sees in the ``original`` view), in code points, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from duizhao.core.text import Script, usage_of

#: What said an article's region (``region_source``): its outlet's profile,
#: its text, the user; ``none`` when nothing did.
REGION_SOURCES = ("outlet", "text", "user", "none")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an article comes from: its outlet (a key of the outlet profiles, None
    when unknown), the portal or site that relayed it, its region (None when not
    known) and what said so (:data:`REGION_SOURCES`; None: not looked for yet)."""

    outlet: str | None = None
    relayed_by: str | None = None
    region: str | None = None
    region_source: str | None = None

    @property
    def region_set_by_user(self) -> bool:
        return self.region_source == "user"

    def to_json(self) -> dict[str, object]:
        return {
            "outlet_key": self.outlet,
            "relayed_by": self.relayed_by,
            "region": self.region,
            "region_source": self.region_source,
        }


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input the cleaner or the metadata reader took out of the text."""

    rule: str
    text: str
    line: int  # 1-based line in the reader's output (before cleaning)

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "text": self.text, "line": self.line}


@dataclass(slots=True)
class Metadata:
    """What is known about an article besides its text. Every field may be missing."""

    title: str | None = None
    source: str | None = None
    author: str | None = None
    translator: str | None = None
    published: str | None = None  # ISO 8601, date or date-time
    url: str | None = None
    #: ``published`` was not stated but taken from a date in the text.
    published_estimated: bool = False
    #: ``title`` was not stated but taken from the first line or sentence.
    title_estimated: bool = False
    original: bool = False  # the platform's 原创 marker
    #: Who else the page credits, as ``(role, name)`` written as in the text:
    #: ``("编辑", "王一鸣")``, ``("监制", "…")``; in the order the page gives them.
    credits: tuple[tuple[str, str], ...] = ()

    def merge_missing(self, other: Metadata) -> None:
        """Fill the fields this one lacks from ``other`` (this one wins)."""
        for name in ("title", "source", "author", "translator", "published", "url"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        self.original = self.original or other.original
        self.credits = self.credits or other.credits


@dataclass(slots=True)
class ParsedDocument:
    """An input file read, decoded, cleaned and described, ready for the library."""

    raw: bytes
    encoding: str
    fmt: str  # "text", "markdown" or "html"
    source_text: str  # the reader's text before cleaning (front matter and markup gone)
    text: str  # what the reader shows
    metadata: Metadata
    script: Script
    removed: list[Removed] = field(default_factory=list)
    cleaner_version: int = 0
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library list."""

    id: int
    title: str
    source: str | None
    published: str | None
    script: Script
    chars: int
    url: str | None = None
    author: str | None = None
    origin: Origin = Origin()

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "script": str(self.script),
            "chars": self.chars,
            "url": self.url,
            # the outlet as the article states it (the command line puts its
            # profile's name here when the profile is known: outlet_key)
            "outlet": self.source,
            "author": self.author,
            **self.origin.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: its text and everything known about it."""

    id: int
    text: str
    metadata: Metadata
    script: Script
    fmt: str
    encoding: str
    original_name: str
    imported_at: str
    content_hash: str
    origin: Origin = Origin()

    @property
    def title(self) -> str:
        return self.metadata.title or self.original_name

    @property
    def region(self) -> str | None:
        return self.origin.region

    @property
    def fingerprint(self) -> str:
        """What everything derived from the text depends on: its content and the
        usage its region converts it with (a changed region rebuilds them)."""
        return fingerprint(self.content_hash, self.origin.region)


def fingerprint(content_hash: str, region: str | None) -> str:
    return f"{content_hash}/{usage_of(region)}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The outcome for one input file, shaped as the CLI's ``import --json``."""

    path: str
    status: ImportStatus
    id: int | None = None
    title: str | None = None
    script: Script | None = None
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": str(self.status),
            "id": self.id,
            "title": self.title,
            "script": str(self.script) if self.script else None,
            "error": self.error,
        }


#: Entity types, in legend order; money and percentages are NUMBER.
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "DATE", "NUMBER")


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # code points in the article's original text
    end: int
    text: str  # as it stands in the original text
    type: str  # one of ENTITY_TYPES
    entity_id: str
    canonical: str

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "entity_id": self.entity_id,
            "canonical": self.canonical,
        }
