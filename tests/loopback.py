"""A web server on 127.0.0.1 for the tests of import from the web and feeds.

:func:`serve` starts ``http.server`` in a thread on a free loopback port and
answers from a table of routes the test fills: a path maps to a
:class:`Route` (status, headers, body) or to a callable that writes the answer
itself (slow pages, endless bodies). Every request is logged with its path
and User-Agent, so a test can check what was asked for -- and what was not.
Nothing here reaches outside the machine. The pages are written for the tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    base: str
    routes: dict[str, Route | Handler]
    log: list[tuple[str, str]]  # (path, user agent)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _agent in self.log]


@contextmanager
def serve() -> Iterator[Server]:
    routes: dict[str, Route | Handler] = {}
    log: list[tuple[str, str]] = []

    class _Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            log.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if callable(route):
                with suppress(BrokenPipeError, ConnectionResetError):
                    route(self)
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", routes, log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def page(title: str, *paragraphs: str, extra: str = "") -> bytes:
    """An HTML news page with a title, paragraphs and ``extra`` markup in its body."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        f"{extra}</article></body></html>"
    ).encode()
