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
from collections.abc import Callable
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
#: Markup spans are short; bounding them keeps every rule linear on a hostile
#: line (unbounded, 80 KB of "**a " took 14 s and a megabyte hours).
MAX_SPAN = 300
_MD_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # ATX headings: the trailing #s and spaces are stripped outside the regex
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$", re.M), lambda m: m[1].rstrip(" \t#")),
    (re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M), ""),  # thematic breaks
    (re.compile(r"^ {0,3}>[ \t]?", re.M), ""),  # block quotes
    # links keep their text
    (re.compile(rf"(?<!!)\[([^\]\n]{{1,{MAX_SPAN}}})\]\([^)\n]{{0,{MAX_SPAN}}}\)"), r"\1"),
    (re.compile(rf"(\*\*|__)(?=\S)(.{{1,{MAX_SPAN}}}?)(?<=\S)\1"), r"\2"),  # bold
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
