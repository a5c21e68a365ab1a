"""Readers: decoded text of one format in, body text and stated metadata out.

- plain text: the text itself;
- Markdown: YAML front matter (``title``, ``source``, ``author``, ``url``,
  ``date``, plus ``translator``; read safely by :mod:`.frontmatter`) and light
  markup removal — headings,
  emphasis, links and inline code become plain text; images are left for the
  cleaner, which records them;
- HTML: trafilatura extracts the main text (no network, no scripts run: it
  parses with lxml and never fetches), metadata from ``<meta>`` tags first.

Readers raise :class:`ReadError` with a one-line reason for input they refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from duizhao.core.ingest import frontmatter
from duizhao.core.ingest.dates import normalise_datetime
from duizhao.core.library import Metadata


class ReadError(ValueError):
    pass


@dataclass(slots=True)
class ReaderOutput:
    fmt: str
    text: str
    metadata: Metadata


MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FORMATS = ("text", "markdown", "html")


def format_for(path: PurePath, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    return "text"


def read(fmt: str, text: str) -> ReaderOutput:
    if fmt == "markdown":
        return read_markdown(text)
    if fmt == "html":
        return read_html(text)
    return ReaderOutput("text", text, Metadata())


# -- Markdown ---------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # thematic breaks
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # block quotes
    (re.compile(r"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links keep their text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])", re.A), r"\1"),  # italic
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
)
def read_markdown(text: str) -> ReaderOutput:
    metadata = Metadata()
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            metadata = frontmatter.metadata(match.group(1))
        except frontmatter.FrontMatterError as exc:
            raise ReadError(str(exc)) from None
        text = text[match.end() :]
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return ReaderOutput("markdown", text, metadata)


# -- HTML -------------------------------------------------------------------

_META_FIELDS = {
    "title": ("og:title", "twitter:title", "headline", "title"),
    "source": ("og:site_name", "application-name", "publisher", "article:publisher", "source"),
    "author": ("author", "article:author", "byl", "dc.creator"),
    "published": (
        "article:published_time",
        "og:published_time",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "datepublished",
    ),
    "url": ("og:url",),
}


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_html(text: str) -> ReaderOutput:
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    # lxml refuses str input that declares its own encoding; it is decoded already.
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise ReadError(f"broken HTML: {exc}") from None
    metadata = _html_meta(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        prune_xpath="//nav",  # menus only: without this a page of links imports as its menu
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise ReadError("no article text found in the HTML")
    if document is not None:
        found = Metadata(
            title=getattr(document, "title", None) or None,
            source=getattr(document, "sitename", None) or None,
            author=getattr(document, "author", None) or None,
            published=normalise_datetime(getattr(document, "date", None) or ""),
            url=getattr(document, "url", None) or None,
        )
        metadata.merge_missing(found)
    return ReaderOutput("html", body, metadata)


def _html_meta(tree: Any) -> Metadata:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = (meta.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    metadata = Metadata()
    for name, keys in _META_FIELDS.items():
        for key in keys:
            if key in values:
                value: str | None = values[key]
                if name == "published":
                    value = normalise_datetime(values[key])
                if value:
                    setattr(metadata, name, value)
                    break
    if metadata.title is None:
        title = tree.findtext(".//title")
        if title and title.strip():
            metadata.title = title.strip()
    link = tree.find(".//link[@rel='canonical']")
    if metadata.url is None and link is not None and link.get("href"):
        metadata.url = link.get("href")
    return metadata
