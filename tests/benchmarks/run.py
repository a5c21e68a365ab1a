"""Duizhao's benchmarks: one command, a table on stdout, JSON in build/.

Usage: python tests/benchmarks/run.py [--only SECTION] [--quick] [--json PATH]
See tests/benchmarks/README.md for what each section measures.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from duizhao.core.ingest import parse  # noqa: E402
from duizhao.core.ingest.demo import demo_articles_dir  # noqa: E402
from duizhao.core.text import (  # noqa: E402
    VIEWS,
    Script,
    Segmenter,
    analysis_view,
    build_view,
    converter,
    view_config,
)

ARTICLE_CHARS = 20_000


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def demo_article(script: Script, chars: int = ARTICLE_CHARS) -> str:
    """Demo articles of one script, concatenated and repeated to ``chars``."""
    texts = []
    for path in sorted(demo_articles_dir().iterdir()):
        document = parse(path.read_bytes(), path.name)
        if document.script is script:
            texts.append(document.text)
    joined = "\n".join(texts)
    return (joined * (chars // len(joined) + 1))[:chars]


def bench_views(repeat: int) -> dict[str, object]:
    rows = []
    for script in (Script.SIMPLIFIED, Script.TRADITIONAL):
        text = demo_article(script)
        for view in VIEWS:
            config = view_config(script, view)
            build_view(text, script, view)  # warm the character table
            total = timed(lambda: build_view(text, script, view), repeat)  # noqa: B023
            if config is None:
                raw = [0.0]
            else:
                conv = converter(config)
                raw = timed(lambda: conv.convert(text), repeat)  # noqa: B023
            total_ms, raw_ms = median_ms(total), median_ms(raw)
            rows.append(
                {
                    "article": str(script),
                    "view": view,
                    "config": config or "(unchanged)",
                    "chars": len(text),
                    "view_ms": round(total_ms, 3),
                    "opencc_ms": round(raw_ms, 3),
                    "map_ms": round(max(total_ms - raw_ms, 0.0), 3),
                    "map_over_opencc": round((total_ms - raw_ms) / raw_ms, 2) if raw_ms else None,
                    "blocks": len(build_view(text, script, view).map.blocks()),
                }
            )
        analysis = timed(lambda: analysis_view(text, script), repeat)  # noqa: B023
        rows.append(
            {
                "article": str(script),
                "view": "analysis",
                "config": "",
                "chars": len(text),
                "view_ms": round(median_ms(analysis), 3),
                "opencc_ms": None,
                "map_ms": None,
                "map_over_opencc": None,
                "blocks": None,
            }
        )
    with tempfile.TemporaryDirectory() as cache:
        Segmenter(Path(cache)).start()  # writes the cache
        segmenter = Segmenter(Path(cache))
        start = time.perf_counter()
        segmenter.start()
        startup_ms = (time.perf_counter() - start) * 1000
        text = demo_article(Script.SIMPLIFIED)
        cut = timed(lambda: segmenter.cut(text), repeat)
        tokens = timed(lambda: segmenter.tokens(text, Script.SIMPLIFIED), repeat)
    segmentation = {
        "startup_from_cache_ms": round(startup_ms, 1),
        "cut_chars_per_s": round(len(text) / statistics.median(cut)),
        "tokens_with_offsets_chars_per_s": round(len(text) / statistics.median(tokens)),
    }
    return {"views": rows, "segmentation": segmentation}


def print_views(result: dict[str, object]) -> None:
    print(f"\nViews of a {ARTICLE_CHARS:,}-character article (median ms)")
    header = f"{'article':<12}{'view':<12}{'config':<12}{'view+map':>10}{'opencc':>9}"
    print(header + f"{'map':>8}{'map/opencc':>12}{'blocks':>8}")
    for row in result["views"]:  # type: ignore[attr-defined]
        ratio = "" if row["map_over_opencc"] is None else f"{row['map_over_opencc']:.2f}x"
        opencc = "" if row["opencc_ms"] is None else f"{row['opencc_ms']:.2f}"
        map_ms = "" if row["map_ms"] is None else f"{row['map_ms']:.2f}"
        blocks = "" if row["blocks"] is None else str(row["blocks"])
        print(
            f"{row['article']:<12}{row['view']:<12}{row['config']:<12}"
            f"{row['view_ms']:>10.2f}{opencc:>9}{map_ms:>8}{ratio:>12}{blocks:>8}"
        )
    seg = result["segmentation"]
    print("\nSegmentation (jieba)")
    for key, value in seg.items():  # type: ignore[attr-defined]
        print(f"  {key:<34}{value:>12,}")


def _search_section(repeat: int) -> dict[str, object]:
    from search_bench import bench_search

    sizes = [50] if repeat < 5 else SEARCH_SIZES
    return bench_search(sizes, query_count=20 if repeat < 5 else 100)


def _print_search(result: dict[str, object]) -> None:
    from search_bench import print_search

    print_search(result)


SEARCH_SIZES = [1_000, 10_000]


def _window_section(repeat: int) -> dict[str, object]:
    from window_bench import bench_window

    return bench_window(repeat)


def _print_window(result: dict[str, object]) -> None:
    from window_bench import print_window

    print_window(result)


SECTIONS = {
    "views": (bench_views, print_views),
    "search": (_search_section, _print_search),
    "window": (_window_section, _print_window),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append")
    parser.add_argument("--quick", action="store_true", help="few repetitions: a smoke run")
    parser.add_argument("--json", type=Path, default=REPO / "build" / "benchmarks.json")
    parser.add_argument(
        "--articles",
        default=None,
        metavar="N,N",
        help="search corpus sizes (default 1000,10000; 100000 as an option)",
    )
    args = parser.parse_args(argv)
    if args.articles:
        SEARCH_SIZES[:] = [int(n) for n in args.articles.split(",")]
    repeat = 3 if args.quick else 31
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "repeat": repeat,
        "statistic": "median",
    }
    for name in args.only or sorted(SECTIONS):
        run, show = SECTIONS[name]
        results[name] = run(repeat)
        show(results[name])  # type: ignore[arg-type]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(f"\nJSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
