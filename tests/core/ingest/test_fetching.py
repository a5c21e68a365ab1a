"""Import from the web: pages served by a loopback server the test starts.

Each bad answer a real site can give -- a timeout, a redirect loop, 404/500,
a 50 MB body, an image -- is one failed result with a one-line reason, and
the other URLs and files of the same import still go in. Every page here was
written for these tests.
"""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from duizhao.core.ingest import ImportOptions, import_paths
from duizhao.core.ingest.fetching import Fetcher, FetchError, check_url, user_agent
from duizhao.core.library import Library
from loopback import Route, page, serve
from pdfs import make_pdf

TITLE = "河湾小镇开通夜间渡船"
PARAS = (
    "河湾小镇从本周起开通夜间渡船，每晚九点到十二点之间每半小时开出一班，方便下夜班的居民回家。",
    "镇上的交通办公室说，渡船由两艘新造的电动船承担，每艘可以坐四十人，还能放下十辆自行车。",
    "一位在对岸工厂上班的工人说，以前夜里只能绕远路走大桥，现在坐船十分钟就能到家门口。",
    "办公室表示，试行三个月以后会根据乘客人数决定是否增加班次，并在码头增设照明和座椅。",
)


@pytest.fixture
def server():
    with serve() as running:
        yield running


@pytest.fixture
def library(tmp_path: Path):
    with Library.open(tmp_path / "lib", create=True) as opened:
        yield opened


def fast(**kwargs: object) -> Fetcher:
    """A fetcher without the one-second wait between requests to one host."""
    return Fetcher(interval=0.0, **kwargs)  # type: ignore[arg-type]


def run(library: Library, paths: list[str], fetcher: Fetcher | None = None):
    return import_paths(library, paths, ImportOptions(fetcher=fetcher or fast()))


def test_a_page_is_read_and_stored_with_its_url(server, library):
    server.routes["/news/ferry"] = Route(page(TITLE, *PARAS))
    [result] = run(library, [server.url("/news/ferry")])
    assert result.status == "imported", result.error
    article = library.get(result.id)
    assert article.title == TITLE
    assert PARAS[1] in article.text
    assert article.metadata.url == server.url("/news/ferry")
    assert server.log[0][1] == user_agent()
    assert user_agent().startswith("Duizhao/")
    again = run(library, [server.url("/news/ferry")])
    assert again[0].status == "duplicate"
    assert again[0].id == result.id


def test_the_url_survives_cleaning_again(server, library):
    from duizhao.core.ingest import default_rules, reclean

    server.routes["/a"] = Route(page(TITLE, *PARAS))
    [result] = run(library, [server.url("/a")])
    rules = default_rules()
    library.reclean(lambda doc: reclean(doc, rules), rules.version, force=True)
    assert library.get(result.id).metadata.url == server.url("/a")


def test_scripts_frames_and_images_are_never_fetched(server, library):
    hostile = (
        f"<script src='{server.url('/evil.js')}'></script>"
        "<script>document.write('脚本写出的文字')</script>"
        f"<iframe src='{server.url('/frame')}'></iframe>"
        f"<img src='{server.url('/pixel.png')}'>"
        f"<link rel='stylesheet' href='{server.url('/style.css')}'>"
    )
    server.routes["/page"] = Route(page(TITLE, *PARAS, extra=hostile))
    [result] = run(library, [server.url("/page")])
    assert result.status == "imported", result.error
    assert server.paths() == ["/page"]
    assert "脚本" not in library.get(result.id).text


def test_one_bad_url_fails_in_one_line_and_the_rest_goes_on(server, library, tmp_path):
    server.routes["/good"] = Route(page(TITLE, *PARAS))
    server.routes["/gone"] = Route(b"no", status=500)
    local = tmp_path / "note.txt"
    local.write_text("本地文件的标题\n" + PARAS[2] + "\n" + PARAS[3] + "\n", encoding="utf-8")
    results = run(
        library, [server.url("/missing"), server.url("/gone"), str(local), server.url("/good")]
    )
    assert [r.status for r in results] == ["failed", "failed", "imported", "imported"]
    assert results[0].error == "HTTP 404 Not Found"
    assert results[1].error.startswith("HTTP 500")
    assert all("\n" not in r.error for r in results[:2])


def test_redirects_are_followed_up_to_five(server, library):
    for hop in range(5):
        server.routes[f"/r{hop}"] = Route(status=302, headers={"Location": f"/r{hop + 1}"})
    server.routes["/r5"] = Route(page(TITLE, *PARAS))
    [result] = run(library, [server.url("/r0")])
    assert result.status == "imported", result.error
    assert library.get(result.id).metadata.url == server.url("/r5")
    server.routes["/s0"] = Route(status=301, headers={"Location": "/r0"})
    [six] = run(library, [server.url("/s0")])
    assert six.error == "too many redirects (more than 5)"


def test_a_redirect_loop_stops(server, library):
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Route(status=307, headers={"Location": "/loop"})
    [result] = run(library, [server.url("/loop")])
    assert result.status == "failed"
    assert "redirect loop" in result.error
    assert len(server.log) == 2


def test_a_redirect_to_another_scheme_is_refused(server, library):
    server.routes["/ftp"] = Route(status=302, headers={"Location": "ftp://127.0.0.1/x"})
    server.routes["/file"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    results = run(library, [server.url("/ftp"), server.url("/file")])
    assert [r.error for r in results] == [
        "only http and https addresses are fetched, not ftp:",
        "only http and https addresses are fetched, not file:",
    ]


def test_a_slow_server_times_out(server, library):
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(2)
        handler.send_response(200)
        handler.end_headers()

    server.routes["/slow"] = slow
    server.routes["/ok"] = Route(page(TITLE, *PARAS))
    started = time.monotonic()
    results = run(library, [server.url("/slow"), server.url("/ok")], fast(read_timeout=0.3))
    assert time.monotonic() - started < 2
    assert results[0].error == "timed out waiting for the server"
    assert results[1].status == "imported"


def test_a_trickling_body_meets_the_deadline(server):
    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(50):
            handler.wfile.write(b"<p>x</p>" * 10000)
            handler.wfile.flush()
            time.sleep(0.05)

    server.routes["/drip"] = trickle
    with pytest.raises(FetchError, match="longer than 0.2 s"):
        fast(deadline=0.2).fetch(server.url("/drip"))


def test_a_50_mb_body_is_cut_off_not_read(server, library):
    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        chunk = b"<p>" + "很长".encode() * 20000 + b"</p>"
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            handler.wfile.write(chunk)

    server.routes["/huge"] = endless
    server.routes["/stated"] = Route(b"x" * 10, headers={"Content-Length": str(50 * 1024 * 1024)})
    results = run(library, [server.url("/huge")])
    assert results[0].error == "too large (more than 20 MB, the limit): stopped reading"
    with pytest.raises(FetchError, match=r"too large \(50.0 MB; the limit is 20 MB\)"):
        fast().fetch(server.url("/stated"))


def test_an_image_is_refused_in_one_line(server, library):
    server.routes["/photo.png"] = Route(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png"
    )
    server.routes["/disguised"] = Route(b"\xff\xd8\xff\xe0" + b"\0" * 100, content_type="text/html")
    results = run(library, [server.url("/photo.png"), server.url("/disguised")])
    assert results[0].error == "an image (image/png), not an article"
    assert results[1].error == "an image (text/html), not an article"


def test_a_pdf_served_by_a_url_is_read_as_pdf(qapp, server, library, tmp_path):
    html = f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAS)
    data = make_pdf(tmp_path / "a.pdf", html).read_bytes()
    server.routes["/report"] = Route(data, content_type="application/octet-stream")
    [result] = run(library, [server.url("/report")])
    assert result.status == "imported", result.error
    article = library.get(result.id)
    assert (article.fmt, article.title, article.metadata.url) == (
        "pdf",
        TITLE,
        server.url("/report"),
    )
    assert article.text.splitlines() == list(PARAS)


def test_bad_addresses_are_refused_before_any_request():
    for url, reason in [
        ("ftp://example.org/a", "only http and https"),
        ("http:///nohost", "no host name"),
        ("http://a b.org/", "spaces"),
        ("http://example.org:port/", "port is not a number"),
    ]:
        with pytest.raises(FetchError, match=reason):
            check_url(url)


def test_one_request_per_host_per_second():
    """Requests to one host wait their turn; another host does not wait."""
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = Fetcher(clock=lambda: now[0], sleep=sleep)
    fetcher._wait_turn("a.example")
    now[0] += 0.25
    fetcher._wait_turn("a.example")
    fetcher._wait_turn("b.example")
    fetcher._wait_turn("a.example")
    assert waits == [pytest.approx(0.75), pytest.approx(1.0)]


def test_a_refused_connection_is_one_line(library):
    with serve() as gone:
        url = gone.url("/x")
    [result] = run(library, [url])
    assert result.error == "cannot connect to the server (refused or unreachable)"
