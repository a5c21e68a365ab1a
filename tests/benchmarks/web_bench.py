"""Import from the web, feeds and PDF: how fast, as medians.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/web_bench.py [--repeat 5]

- ``feed parse``: :func:`duizhao.core.ingest.parse_feed` on an RSS feed of
  10,000 items (our own titles), ms;
- ``page import``: 20 pages served by a loopback server imported through
  :func:`duizhao.core.ingest.import_paths` (no pause between requests), ms per
  page -- fetch, read, clean, store; the one-second pace per host that the
  real fetcher keeps is left out, it would only measure the pause;
- ``pdf read``: a 20-page Chinese PDF drawn by Qt, read by
  :func:`duizhao.core.ingest.parse`, ms per page.

Every sentence is written for the benchmark. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "desktop"))
sys.path.insert(0, str(HERE.parent))

from duizhao.core.ingest import (  # noqa: E402
    Fetcher,
    ImportOptions,
    import_paths,
    parse,
    parse_feed,
)
from duizhao.core.library import Library  # noqa: E402
from loopback import Route, page, serve  # noqa: E402
from pdfs import make_pdf  # noqa: E402

SENTENCES = (
    "新修的河堤步道今天向市民开放，沿岸种了几百棵樱花树，周末来散步的人很多。",
    "管理部门说，步道每隔五百米设有饮水点和休息椅，夜里还有路灯照明。",
    "附近的居民希望以后能在步道旁边开几家小店，卖些茶水和点心。",
    "工程负责人表示，下一段步道将在明年春天完工，届时全长会超过十公里。",
)


def feed(items: int) -> bytes:
    entries = "".join(
        f"<item><title>第{n}条消息</title><link>https://news.example.org/{n}</link>"
        f"<guid>item-{n}</guid><description>{SENTENCES[n % 4]}</description></item>"
        for n in range(items)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>基准</title>"
        f"{entries}</channel></rss>"
    ).encode()


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def bench_feed(repeat: int) -> float:
    data = feed(10_000)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = parse_feed(data)
        times.append(time.perf_counter() - start)
        assert len(parsed.items) == 10_000
    return median_ms(times)


def bench_pages(repeat: int) -> float:
    times = []
    with serve() as server:
        for n in range(20):
            body = [f"{s}（第{n}篇）" for s in SENTENCES]
            server.routes[f"/p{n}"] = Route(page(f"河堤步道第{n}篇", *body))
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder)) as library:
                options = ImportOptions(fetcher=Fetcher(interval=0.0))
                start = time.perf_counter()
                results = import_paths(library, [server.url(f"/p{n}") for n in range(20)], options)
                times.append((time.perf_counter() - start) / 20)
                assert all(r.status == "imported" for r in results), results
    return median_ms(times)


def bench_pdf(repeat: int) -> float:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    paragraphs = "".join(f"<p>{SENTENCES[n % 4]}{SENTENCES[(n + 1) % 4]}</p>" for n in range(160))
    with tempfile.TemporaryDirectory() as folder:
        data = make_pdf(Path(folder) / "long.pdf", "<h1>河堤步道</h1>" + paragraphs).read_bytes()
    import pypdf

    pages = len(pypdf.PdfReader(__import__("io").BytesIO(data)).pages)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        parse(data, "long.pdf")
        times.append((time.perf_counter() - start) / pages)
    del app
    print(f"  (the PDF has {pages} pages)")
    return median_ms(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"feed parse, 10,000 items: {bench_feed(args.repeat):8.1f} ms")
    print(f"page import (loopback):   {bench_pages(args.repeat):8.1f} ms per page")
    print(f"pdf read:                 {bench_pdf(args.repeat):8.1f} ms per page")


if __name__ == "__main__":
    main()
