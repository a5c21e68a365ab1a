"""The import pipeline for one file: bytes in, a cleaned and described article out.

:func:`parse` runs the steps:

1. :mod:`.encoding` decodes the bytes or refuses them with a reason;
2. :mod:`.readers` turns text, Markdown or HTML into body text and the
   metadata the format states (front matter, ``<meta>`` tags); PDF, Word and
   MHTML files skip decoding and are read by :mod:`.documents`;
3. :mod:`.cleaning` marks boilerplate lines, :mod:`.metadata` reads and
   removes metadata lines, then the tail and inline rules run;
4. a missing title or date is estimated from the text, the script detected,
   the outlet found and the region (:func:`.outlets.article_origin`).

Nothing is thrown away: the result keeps the raw bytes, the reader's text and
every removed piece with the rule that removed it, so :func:`reclean` can redo
every step from the raw input when the readers or the rules improve (and
rebuild a stored text that was damaged).
"""

from __future__ import annotations

from pathlib import PurePath

from duizhao.core.ingest import cleaning, documents, metadata, readers
from duizhao.core.ingest.encoding import DecodeError, decode
from duizhao.core.ingest.lines import Lines
from duizhao.core.ingest.outlets import article_origin
from duizhao.core.ingest.readers import ReadError
from duizhao.core.library import Metadata, ParsedDocument
from duizhao.core.text import detect_script


class ImportRefused(ValueError):
    """A file Duizhao will not import; ``str()`` is the one-line reason."""


def parse(data: bytes, name: str, rules: cleaning.RuleSet | None = None) -> ParsedDocument:
    """Decode, read and clean one file's bytes. Raises :class:`ImportRefused`."""
    path = PurePath(name)
    suffix = path.suffix.lower()
    fmt = documents.format_of(name, data)
    if fmt is not None:
        return _read_document(data, fmt, rules)
    try:
        decoded = decode(data, html=suffix in readers.HTML_SUFFIXES)
        fmt = readers.format_for(path, decoded.text)
    except DecodeError as exc:
        raise ImportRefused(str(exc)) from None
    return _read_and_clean(data, decoded.text, decoded.encoding, fmt, rules)


def reclean(document: ParsedDocument, rules: cleaning.RuleSet | None = None) -> ParsedDocument:
    """Parse ``document.raw`` again, in the format it was imported as.

    Everything is redone from the raw bytes -- decoding, reading (front matter,
    HTML extraction) and cleaning -- so a better reader or better rules repair
    what an older import cut, and a damaged stored text is rebuilt. Raises
    :class:`ImportRefused` when the new steps refuse the input.
    """
    if document.fmt in documents.FORMATS:
        result = _read_document(document.raw, document.fmt, rules)
    else:
        try:
            decoded = decode(document.raw, html=document.fmt == "html")
        except DecodeError as exc:
            raise ImportRefused(str(exc)) from None
        fmt = document.fmt if document.fmt in readers.FORMATS else "text"
        result = _read_and_clean(document.raw, decoded.text, decoded.encoding, fmt, rules)
    if result.metadata.url is None:  # the address a page was fetched from is not in its bytes
        result.metadata.url = document.metadata.url
    return result


def _read_and_clean(
    data: bytes, text: str, encoding: str, fmt: str, rules: cleaning.RuleSet | None
) -> ParsedDocument:
    try:
        output = readers.read(fmt, text)
    except ReadError as exc:
        raise ImportRefused(str(exc)) from None
    document = ParsedDocument(
        raw=data,
        encoding=encoding,
        fmt=output.fmt,
        source_text=output.text,
        text="",
        metadata=output.metadata,
        script=detect_script(""),
    )
    return clean(document, rules)


def _read_document(data: bytes, fmt: str, rules: cleaning.RuleSet | None) -> ParsedDocument:
    """A PDF, Word or MHTML file: its own reader, then the same cleaning."""
    try:
        text, stated = documents.read_document(fmt, data)
    except documents.DocumentError as exc:
        raise ImportRefused(str(exc)) from None
    document = ParsedDocument(
        raw=data,
        encoding="binary" if fmt != "mhtml" else "MIME",
        fmt=fmt,
        source_text=text,
        text="",
        metadata=stated,
        script=detect_script(""),
    )
    return clean(document, rules)


def clean(document: ParsedDocument, rules: cleaning.RuleSet | None = None) -> ParsedDocument:
    """Run cleaning, metadata lines and estimates on ``document.source_text``.

    Metadata stated by the format (front matter, HTML) is kept; what was read
    from the text or estimated is recomputed.
    """
    rules = rules or cleaning.default_rules()
    stated = document.metadata
    found = Metadata(
        title=None if stated.title_estimated else stated.title,
        source=stated.source,
        author=stated.author,
        translator=stated.translator,
        published=None if stated.published_estimated else stated.published,
        url=stated.url,
    )
    lines = Lines(document.source_text)
    cleaning.apply_line_rules(lines, rules)
    metadata.extract(lines, found)
    cleaning.apply_tail_rules(lines, rules)
    cleaning.apply_inline_rules(lines, rules)
    text = lines.text()
    if not text.strip():
        raise ImportRefused("no article text left after removing boilerplate and metadata lines")
    if not any(ch.isalnum() for ch in text):
        raise ImportRefused("no words in the text, only symbols and punctuation")
    removed = lines.removed()
    metadata.read_credits(removed, rules, found)
    if found.source is None:
        found.source = metadata.platform_source(removed)
    metadata.estimate(text, found)
    document.text = text
    document.metadata = found
    document.removed = removed
    document.script = detect_script(text)
    document.origin = article_origin(found.source, found.url, text, document.script)
    document.cleaner_version = rules.version
    return document
