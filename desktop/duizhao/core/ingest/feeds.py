"""News feeds: RSS and Atom read safely, and new items imported once each.

:func:`parse_feed` reads RSS 2.0, RSS 1.0 (RDF) and Atom with lxml (already
needed for web pages, so no new package) under strict rules: a feed that
declares its own entities is refused before parsing (they can expand without
end), the parser resolves no entity, loads no DTD and touches no network, and
malformed XML is refused with the parser's first complaint. Elements are
matched by local name, so namespaced and plain feeds read alike. Items are
mapped to :class:`FeedItem` (key, link, title, date, content); an item whose
GUID repeats one before it in the same feed is dropped.

:func:`fetch_feeds` fetches each subscription (only when called: ``duizhao
feeds fetch`` or the Feeds panel), then the page of each item not seen
before -- at most ``limit`` per feed and fetch, newest first as the feed
lists them; the rest wait for the next fetch. An item is deduplicated by its
key, by its link (imported before by any feed or by hand) and by its text
(the library's content hash); an item whose page cannot be fetched is
imported from the content the feed carries when there is enough of it, else
it is a failed result and is tried again next time.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from lxml import etree

from duizhao.core.ingest import fetching
from duizhao.core.ingest.importer import ImportOptions, store
from duizhao.core.library import (
    Feed,
    ImportResult,
    ImportStatus,
    Library,
    known_url,
    list_feeds,
    mark_seen,
    record_fetch,
    seen_keys,
)

DEFAULT_LIMIT = 20
#: Feed content shorter than this (characters of text) is only a teaser.
MIN_CONTENT = 200
FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"

Progress = Callable[[int, int, ImportResult], None]


class FeedParseError(ValueError):
    """A feed that cannot be read; ``str()`` is the one-line reason."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    key: str
    url: str | None
    title: str | None
    published: str | None
    content: str | None  # HTML or text the feed carries


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem]


_ENTITY = re.compile(rb"<!ENTITY", re.I)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_feed(data: bytes) -> ParsedFeed:
    if data[:512].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise FeedParseError(
            "a web page, not an RSS or Atom feed (import it with `duizhao import`)"
        )
    if _ENTITY.search(data[:65536]):
        raise FeedParseError("the feed declares its own XML entities: refused (they can expand)")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "unreadable"
        raise FeedParseError(f"malformed XML: {first[:200]}") from None
    if root is None:
        raise FeedParseError("empty feed")
    kind = etree.QName(root).localname.lower()
    if kind == "feed":
        title, entries = _text(_child(root, "title")), _children(root, "entry")
        read = _atom_item
    elif kind in ("rss", "rdf"):
        channel = _child(root, "channel")
        title = _text(_child(channel, "title")) if channel is not None else None
        holder = channel if kind == "rss" and channel is not None else root
        entries = _children(holder, "item")
        read = _rss_item
    else:
        raise FeedParseError(f"not an RSS or Atom feed (its root element is <{kind}>)")
    items: list[FeedItem] = []
    keys: set[str] = set()
    for entry in entries:
        item = read(entry)
        if item is None or item.key in keys:
            continue
        keys.add(item.key)
        items.append(item)
    return ParsedFeed(title, items)


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child(node: etree._Element | None, *names: str) -> etree._Element | None:
    if node is None:
        return None
    for name in names:
        found = _children(node, name)
        if found:
            return found[0]
    return None


def _text(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    text = " ".join("".join(node.itertext()).split())
    return text or None


def _raw_text(node: etree._Element | None) -> str | None:
    """Content as given (HTML escaped in RSS, or XHTML inside Atom)."""
    if node is None:
        return None
    if len(node) and node.get("type") == "xhtml":
        return "".join(etree.tostring(c, encoding="unicode") for c in node)
    text = "".join(node.itertext()).strip()
    return text or None


def _key(guid: str | None, url: str | None, title: str | None, content: str | None) -> str | None:
    if guid:
        return guid[:500]
    if url:
        return url[:500]
    if title or content:
        digest = hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()
        return f"sha256:{digest}"
    return None


def _date(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return text[:40]


def _http_url(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    return text if fetching.is_url(text) else None


def _rss_item(entry: etree._Element) -> FeedItem | None:
    url = _http_url(_text(_child(entry, "link")))
    guid = _text(_child(entry, "guid"))
    title = _text(_child(entry, "title"))
    content = _raw_text(_child(entry, "encoded")) or _raw_text(_child(entry, "description"))
    key = _key(guid, url, title, content)
    if key is None:
        return None
    published = _date(_text(_child(entry, "pubDate"))) or _text(_child(entry, "date"))
    return FeedItem(key, url, title, published, content)


def _atom_item(entry: etree._Element) -> FeedItem | None:
    url = None
    for link in _children(entry, "link"):
        if link.get("rel", "alternate") == "alternate" and _http_url(link.get("href")):
            url = _http_url(link.get("href"))
            break
    title = _text(_child(entry, "title"))
    content = _raw_text(_child(entry, "content")) or _raw_text(_child(entry, "summary"))
    key = _key(_text(_child(entry, "id")), url, title, content)
    if key is None:
        return None
    published = _text(_child(entry, "published", "updated"))
    return FeedItem(key, url, title, published, content)


# -- fetching -----------------------------------------------------------------------


def fetch_feeds(
    library: Library,
    fetcher: fetching.Fetcher,
    options: ImportOptions | None = None,
    *,
    feeds: list[Feed] | None = None,
    limit: int = DEFAULT_LIMIT,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Fetch every feed (or ``feeds``) and import its new items; one result per
    item tried, and one failed result per feed that could not be read."""
    options = options or ImportOptions(fetcher=fetcher)
    results: list[ImportResult] = []
    chosen = list_feeds(library) if feeds is None else feeds
    for number, feed in enumerate(chosen, start=1):
        if cancelled is not None and cancelled():
            break
        try:
            fetched = fetcher.fetch(feed.url, accept=FEED_ACCEPT)
            parsed = parse_feed(fetched.data)
        except (fetching.FetchError, FeedParseError) as exc:
            record_fetch(library, feed.id, None, str(exc))
            result = ImportResult(feed.url, ImportStatus.FAILED, error=f"feed: {exc}")
            results.append(result)
            if progress is not None:
                progress(number, len(chosen), result)
            continue
        record_fetch(library, feed.id, parsed.title, None)
        seen = seen_keys(library, feed.id)
        new = [item for item in parsed.items if item.key not in seen][:limit]
        for item in new:
            if cancelled is not None and cancelled():
                break
            result = _import_item(library, feed, item, fetcher, options)
            results.append(result)
            if progress is not None:
                progress(number, len(chosen), result)
    return results


def _import_item(
    library: Library,
    feed: Feed,
    item: FeedItem,
    fetcher: fetching.Fetcher,
    options: ImportOptions,
) -> ImportResult:
    shown = item.url or item.title or item.key
    if item.url is not None:
        existing = known_url(library, item.url)
        if existing is not None:
            mark_seen(library, feed.id, item.key, item.url, existing)
            article = library.get(existing)
            status = ImportStatus.DUPLICATE
            return ImportResult(shown, status, existing, article.title, article.script)
    result = _from_page(library, item, fetcher, options) if item.url else None
    if (result is None or result.status == ImportStatus.FAILED) and _enough(item.content):
        result = _from_content(library, item, options)
    if result is None:
        result = ImportResult(shown, ImportStatus.FAILED, error="the item has no link and no text")
    if result.status != ImportStatus.FAILED:
        mark_seen(library, feed.id, item.key, item.url, result.id)
    return result


def _from_page(
    library: Library, item: FeedItem, fetcher: fetching.Fetcher, options: ImportOptions
) -> ImportResult:
    assert item.url is not None
    try:
        fetched = fetcher.fetch(item.url)
        name = fetching.file_name(fetched)
    except fetching.FetchError as exc:
        return ImportResult(item.url, ImportStatus.FAILED, error=str(exc))
    return store(library, item.url, fetched.data, name, options, url=fetched.url)


def _enough(content: str | None) -> bool:
    if not content:
        return False
    text = re.sub(r"<[^>]{0,2000}>", "", content)
    return sum(1 for ch in text if ch.isalnum()) >= MIN_CONTENT


def _from_content(library: Library, item: FeedItem, options: ImportOptions) -> ImportResult:
    """The item as the feed carries it, made into a small page with its title and date."""
    from html import escape

    title = escape(item.title or "")
    date = f"<meta name='date' content='{escape(item.published)}'>" if item.published else ""
    content = item.content or ""
    if "<" not in content:
        content = "".join(f"<p>{escape(p)}</p>" for p in content.split("\n"))
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{date}</head>"
        f"<body><article><h1>{title}</h1>{content}</article></body></html>"
    )
    shown = item.url or item.title or item.key
    return store(library, shown, page.encode("utf-8"), "item.html", options, url=item.url)
