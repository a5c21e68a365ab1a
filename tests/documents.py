"""Parsed documents made straight from text, for tests that fill a library
without going through the readers (``duizhao.core.ingest.parse`` does that)."""

from __future__ import annotations

from duizhao.core.library import Metadata, ParsedDocument, Removed
from duizhao.core.text import Script


def plain_document(
    text: str,
    *,
    title: str | None = "测试标题",
    raw: bytes | None = None,
    published: str | None = None,
    source: str | None = None,
    removed: list[Removed] | None = None,
    script: Script = Script.SIMPLIFIED,
) -> ParsedDocument:
    """``text`` as a plain-text import of it would store it."""
    return ParsedDocument(
        raw=text.encode("utf-8") if raw is None else raw,
        encoding="UTF-8",
        fmt="text",
        source_text=text,
        text=text,
        metadata=Metadata(title=title, published=published, source=source),
        script=script,
        removed=removed or [],
        cleaner_version=1,
    )
