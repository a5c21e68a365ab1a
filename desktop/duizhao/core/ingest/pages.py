"""HTML pages: the article's text, never less of it than the page shows.

:func:`read_html` parses with lxml (no network, no scripts) and has
trafilatura extract the main text, with metadata from ``<meta>`` tags first
(:func:`page_metadata`). Two safeguards keep text from being lost silently:

1. **Void elements repaired** (:func:`close_void_elements`). libxml2 parses
   HTML 4: it does not know that HTML5's ``<source>``, ``<track>``, ``<embed>``
   and ``<wbr>`` never hold content, so it nests everything after a bare one
   inside it -- and trafilatura, which drops those elements, dropped the rest
   of the article with them. Their contents are moved back out after them.
2. **The extraction is checked against the page** (:func:`missing_prose`).
   The paragraphs the extraction kept locate the article on the page (the
   smallest element holding them all); prose paragraphs inside it that the
   extraction lacks are counted. When they amount to :data:`MAX_MISSING` of
   what was kept, trafilatura runs again favouring recall, and if text is
   still missing the article's paragraphs are taken as the page shows them;
   the cleaning rules then remove boilerplate, as for any text, and record it.
   A page where trafilatura finds nothing but which shows prose is read the
   same way instead of being refused.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from duizhao.core.ingest.dates import normalise_datetime
from duizhao.core.library import Metadata

#: Missing prose, as a share of the extracted text, that calls for a second look.
MAX_MISSING = 0.2
#: A paragraph with at least this many letters and an end of sentence is prose.
PROSE_CHARS = 20

#: Elements HTML5 defines as empty, some of which libxml2 lets hold content.
VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr")  # fmt: skip
#: Never visible text.
_HIDDEN = ("script", "style", "noscript", "template", "head", "svg", "object", "iframe")
#: Elements whose text is one paragraph.
_PARAGRAPHS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
     "dd", "dt", "figcaption", "caption", "address"}
)  # fmt: skip
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "span", "font", "center"})
_SENTENCE_END = re.compile(r"[。！？!?；;…」』”]|[.](?:\s|$)")
_LETTER = re.compile(r"\w")
_SPACE = re.compile(r"\s+")

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


class PageError(ValueError):
    """A page Duizhao will not read; the message is one line."""


def read_html(text: str) -> tuple[str, Metadata]:
    """The article text and metadata of a page; :class:`PageError` when it has none."""
    import lxml.html
    from lxml.etree import ParserError

    # lxml refuses str input that declares its own encoding; it is decoded already.
    text = _XML_DECLARATION.sub("", text, count=1)
    # huge_tree: nesting up to 2048 levels and text nodes over 10 MB are read whole
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (ParserError, ValueError) as exc:
        raise PageError(f"broken HTML: {exc}") from None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise PageError(
            "HTML nested deeper than 2048 elements: the parser stops there and the rest "
            "of the page would be lost"
        )
    close_void_elements(tree)
    metadata = page_metadata(tree)
    document = _extract(tree, precision=True)
    body = (getattr(document, "text", None) or "") if document is not None else ""
    missing, shown = missing_prose(tree, body)
    if missing > MAX_MISSING * max(_letters(body), 1):
        again = _extract(tree, precision=False)
        recalled = (getattr(again, "text", None) or "") if again is not None else ""
        if missing_prose(tree, recalled)[0] <= MAX_MISSING * max(_letters(recalled), 1):
            document, body = again, recalled
        else:
            body = "\n".join(shown)  # the article's paragraphs as the page shows them
    if not body.strip():
        raise PageError("no article text found in the HTML")
    if document is not None:
        found = Metadata(
            title=getattr(document, "title", None) or None,
            source=getattr(document, "sitename", None) or None,
            author=getattr(document, "author", None) or None,
            published=normalise_datetime(getattr(document, "date", None) or ""),
            url=getattr(document, "url", None) or None,
        )
        metadata.merge_missing(found)
    return body, metadata


def _extract(tree: Any, *, precision: bool) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        copy.deepcopy(tree),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=precision,
        favor_recall=not precision,
        prune_xpath="//nav",  # menus only: without this a page of links imports as its menu
    )


def close_void_elements(tree: Any) -> None:
    """Move what libxml2 nested inside an empty HTML5 element back out after it."""
    for element in list(tree.iter(*VOID)):
        parent = element.getparent()
        if parent is None or (element.text is None and len(element) == 0):
            continue
        tail, children = element.tail, list(element)
        element.tail = element.text
        element.text = None
        at = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(at + offset, child)
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "") or None


# -- what the page shows ------------------------------------------------------------


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _blocks(tree: Any) -> list[tuple[Any, str]]:
    """(element, text) of every paragraph the page shows, in page order: the text
    of paragraph elements, and the loose text of containers."""
    body = tree.find("body")
    root = copy.deepcopy(body if body is not None else tree)
    for hidden in list(root.iter(*_HIDDEN)):
        if hidden.getparent() is not None:
            hidden.drop_tree()
    blocks: list[tuple[Any, str]] = []
    stack = [root]
    while stack:  # page order, not descending into a paragraph
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        text = ""
        if element.tag in _PARAGRAPHS:
            text = " ".join(element.text_content().split())
        else:
            if element.tag in _CONTAINERS:
                loose = [element.text or ""] + [child.tail or "" for child in element]
                text = " ".join(" ".join(loose).split())
            stack.extend(reversed(element))
        if text:
            blocks.append((element, text))
    return blocks


def _prose(text: str) -> bool:
    return _letters(text) >= PROSE_CHARS and bool(_SENTENCE_END.search(text))


def _kept(text: str, extracted: str) -> bool:
    """Whether the extraction holds a paragraph: its start and its end are there."""
    flat = _flat(text)
    window = min(len(flat), 16)
    return flat[:window] in extracted and flat[-window:] in extracted


def missing_prose(tree: Any, body: str) -> tuple[int, list[str]]:
    """Letters of prose inside the article that ``body`` lacks, and the article's
    paragraphs as the page shows them (the whole page's when ``body`` is empty)."""
    blocks = _blocks(tree)
    extracted = _flat(body)
    kept = [(element, text) for element, text in blocks if _kept(text, extracted)]
    anchors = [element for element, text in kept if _prose(text)] or [
        element for element, text in kept if _letters(text) >= PROSE_CHARS // 2
    ]  # only a heading kept: it still says where the article is
    if extracted and not anchors:
        return 0, []  # the extraction matches no paragraph: nothing to compare with
    inside = _within(anchors, blocks)
    missing = sum(
        _letters(text) for _, text in inside if _prose(text) and not _kept(text, extracted)
    )
    return missing, [text for _, text in inside]


def _within(anchors: list[Any], blocks: list[tuple[Any, str]]) -> list[tuple[Any, str]]:
    """The blocks inside the smallest element holding every anchor, or the one
    around a single paragraph (all blocks when there is no anchor)."""
    if not anchors:
        return blocks
    common = [anchors[0], *anchors[0].iterancestors()]
    for anchor in anchors[1:]:
        lineage = {id(anchor), *(id(a) for a in anchor.iterancestors())}
        common = [element for element in common if id(element) in lineage]
    container = common[0]
    if container.tag in _PARAGRAPHS and container.getparent() is not None:
        container = container.getparent()  # one paragraph kept: look at its neighbours
    inside = {id(element) for element in container.iter()}
    return [(element, text) for element, text in blocks if id(element) in inside]


# -- metadata -----------------------------------------------------------------------


def page_metadata(tree: Any) -> Metadata:
    """What a page's ``<meta>`` tags, ``<title>`` and canonical link say."""
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
