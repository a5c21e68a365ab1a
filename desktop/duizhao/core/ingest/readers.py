"""Readers: decoded text of one format in, body text and stated metadata out.

- plain text: the text itself;
- Markdown: YAML front matter (``title``, ``source``, ``author``, ``url``,
  ``date``, plus ``translator``; read safely by :mod:`.frontmatter`) and light
  markup removal — headings,
  emphasis, links and inline code become plain text; images are left for the
  cleaner, which records them;
- HTML: :mod:`.pages` -- trafilatura extracts the main text (no network, no
  scripts run: it parses with lxml and never fetches), checked against the
  text the page shows so none is lost silently; metadata from ``<meta>`` tags.

Readers raise :class:`ReadError` with a one-line reason for input they refuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from duizhao.core.ingest import frontmatter, pages
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


def read_html(text: str) -> ReaderOutput:
    try:
        body, metadata = pages.read_html(text)
    except pages.PageError as exc:
        raise ReadError(str(exc)) from None
    return ReaderOutput("html", body, metadata)
