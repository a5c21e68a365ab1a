"""Fetching one URL, only when the user asks: bytes in, or a one-line reason.

:class:`Fetcher` asks for a page with urllib3 (the client trafilatura itself
uses, so it costs the package nothing) and keeps every rule of a polite and
safe client:

- http and https only, checked on the URL given and on every redirect hop;
  at most :data:`MAX_REDIRECTS` redirects, each followed by hand so the hop
  is checked before it is asked for;
- a connect and a read timeout, and a deadline for the whole response, so a
  server that sends one byte a second cannot hold the import;
- a size limit: a stated ``Content-Length`` over it is refused before the
  body is read, and the body is streamed and dropped as soon as it passes it;
- at most one request per host per second (:attr:`Fetcher.interval`);
- a User-Agent that names Duizhao and its version.

Nothing is executed and nothing else is fetched: the page's scripts, frames,
style sheets and images are never asked for (the HTML reader parses the
page's text with lxml, offline). What comes back is a :class:`Fetched`:
the final URL, the content type the server stated and the body bytes.
:func:`kind_of` says what the body is (a page, a PDF, an image …).

Every failure raises :class:`FetchError` whose message is one line.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import urllib3

MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
CHUNK = 64 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(ValueError):
    """A URL that could not be fetched; ``str()`` is the one-line reason."""


def user_agent() -> str:
    try:
        version = metadata.version("duizhao")
    except metadata.PackageNotFoundError:
        version = "0.0.0+unknown"
    return f"Duizhao/{version} (news reading workspace; fetches only what its user asks for)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # as stated, lower case, without parameters ("" if none)
    charset: str | None
    data: bytes


def is_url(text: str) -> bool:
    """Whether the user gave a web address (http or https) rather than a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host; else :class:`FetchError`."""
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url):
        raise FetchError("not a web address: it contains spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https addresses are fetched, not {parts.scheme or '?'}:")
    if not parts.hostname:
        raise FetchError("not a web address: no host name")
    try:
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise FetchError("not a web address: its port is not a number") from None
    return url


def _ca_certs() -> str | None:
    try:
        import certifi
    except ImportError:  # the system's store is used then
        return None
    return str(certifi.where())


class Fetcher:
    """Fetches URLs one at a time, politely; safe to share between threads."""

    def __init__(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        deadline: float = 60.0,
        interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._headers = {"User-Agent": user_agent(), "Accept-Encoding": "identity"}
        self._pool = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
            retries=False,
            ca_certs=_ca_certs(),
        )

    def fetch(self, url: str, accept: str = "text/html,application/xhtml+xml,*/*;q=0.8") -> Fetched:
        """The body at ``url`` after at most :data:`MAX_REDIRECTS` redirects."""
        current = check_url(url)
        seen = {current}
        for _hop in range(MAX_REDIRECTS + 1):
            response = self._request(current, accept)
            try:
                if response.status in REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(f"HTTP {response.status} redirect without a Location")
                    current = check_url(urljoin(current, location.strip()))
                    if current in seen:
                        raise FetchError(
                            "redirect loop: the server sends back to an address it sent before"
                        )
                    seen.add(current)
                    continue
                if response.status >= 400:
                    raise FetchError(f"HTTP {response.status} {response.reason or ''}".rstrip())
                if response.status != 200:
                    raise FetchError(f"HTTP {response.status}: no page in the answer")
                return self._body(current, response)
            finally:
                response.release_conn()
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")

    def _wait_turn(self, host: str) -> None:
        """At most one request per host per :attr:`interval` seconds."""
        with self._lock:
            now = self._clock()
            last = self._last.get(host)
            wait = 0.0 if last is None else last + self.interval - now
            self._last[host] = now + max(wait, 0.0)
        if wait > 0:
            self._sleep(wait)

    def _request(self, url: str, accept: str) -> urllib3.BaseHTTPResponse:
        host = (urlsplit(url).hostname or "").lower()
        self._wait_turn(host)
        try:
            return self._pool.request(
                "GET",
                url,
                headers={**self._headers, "Accept": accept},
                redirect=False,
                preload_content=False,
            )
        except urllib3.exceptions.MaxRetryError as exc:
            raise FetchError(_network_reason(exc.reason)) from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(_network_reason(exc)) from None

    def _body(self, url: str, response: urllib3.BaseHTTPResponse) -> Fetched:
        stated = response.headers.get("Content-Length", "")
        if stated.isdigit() and int(stated) > self.max_bytes:
            raise FetchError(_too_large(int(stated), self.max_bytes))
        started = self._clock()
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(_too_large(None, self.max_bytes))
                if self._clock() - started > self.deadline:
                    raise FetchError(f"the page took longer than {self.deadline:g} s to arrive")
                chunks.append(chunk)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(_network_reason(exc)) from None
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        return Fetched(url, content_type, charset, b"".join(chunks))

    def close(self) -> None:
        self._pool.clear()


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, rest = header.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def kind_of(fetched: Fetched) -> str:
    """What a body is: ``pdf``, ``image``, ``html``, ``text``, ``feed`` or ``other``.

    The first bytes decide before the stated type (servers often say
    ``application/octet-stream`` for a PDF)."""
    head = fetched.data[:1024].lstrip()
    stated = fetched.content_type
    if head.startswith(b"%PDF-"):
        return "pdf"
    if stated.startswith("image/") or head.startswith(
        (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM")
    ):
        return "image"
    if stated in ("application/pdf",):
        return "pdf"
    lowered = head.lower()
    if stated in ("application/rss+xml", "application/atom+xml") or (
        stated.endswith("xml") and (b"<rss" in lowered or b"<feed" in lowered)
    ):
        return "feed"
    if stated in ("text/html", "application/xhtml+xml") or lowered.startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    if stated in ("text/plain", "text/markdown"):
        return "text"
    if not stated and b"\x00" not in head:
        return "html"
    return "other"


#: The file name a fetched body is read under, by its kind (the suffix picks the reader).
_SUFFIXES = {"html": ".html", "pdf": ".pdf", "text": ".txt"}


def file_name(fetched: Fetched) -> str:
    """A name to read ``fetched`` under, from the last part of its URL and its
    kind; :class:`FetchError` for what is not an article (an image, a feed …)."""
    kind = kind_of(fetched)
    if kind == "image":
        raise FetchError(f"an image ({fetched.content_type or 'by its bytes'}), not an article")
    if kind == "feed":
        raise FetchError("a news feed, not an article: subscribe with `duizhao feeds add`")
    if kind not in _SUFFIXES:
        raise FetchError(f"not a page, PDF or text ({fetched.content_type or 'unknown type'})")
    stem = urlsplit(fetched.url).path.rstrip("/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = "".join(ch for ch in stem if ch.isalnum() or ch in "-_")[:80] or "page"
    return stem + _SUFFIXES[kind]


def _too_large(stated: int | None, limit: int) -> str:
    mb = limit / (1024 * 1024)
    if stated is not None:
        return f"too large ({stated / (1024 * 1024):.1f} MB; the limit is {mb:g} MB)"
    return f"too large (more than {mb:g} MB, the limit): stopped reading"


def _network_reason(exc: BaseException | None) -> str:
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError | socket.timeout | TimeoutError):
        return "timed out waiting for the server"
    # NameResolutionError and NewConnectionError are kinds of ConnectTimeoutError
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "cannot connect to the server (refused or unreachable)"
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        return "timed out connecting to the server"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return "secure connection failed (the certificate could not be checked)"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "the connection broke off"
    text = " ".join(str(exc).split()) if exc is not None else "unknown"
    return f"network error: {text[:200]}"
