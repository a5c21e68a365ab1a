"""The window's benchmarks: start-up, view toggle, memory (the ``window`` section).

- **start**: ``duizhao --library L`` on a 10,000-article library, from
  process start to the window shown with its first article open (the app
  prints ``shown <monotonic time>`` and quits when ``DUIZHAO_QUIT_WHEN_SHOWN``
  is set), offscreen, a fresh settings dir.
- **toggle**: a 20,000-character article with its entities in a reading pane;
  switching the pane to each view in turn, including re-highlighting and the
  events that follow, median per switch.
- **memory**: resident set size of a window on the 10,000-article library
  (index built) with four panes open, entities shown (the recogniser loaded),
  one search run and the four articles compared (the sentence encoder loaded,
  from its cache in ``build/bench-encoder-cache``, as the app keeps it).

The 10,000-article library is built once from ``corpus.py`` and kept under
``build/bench-window-library`` (the generator is deterministic).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication
REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LIBRARY_ARTICLES = 10_000
TOGGLE_CHARS = 20_000


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        PYTHONPATH=os.pathsep.join([str(REPO / "desktop"), str(HERE)]),
    )
    env.pop("DUIZHAO_LIBRARY", None)
    return env


def big_library(count: int = LIBRARY_ARTICLES) -> Path:
    """A library of ``count`` synthetic articles with its search index, built once
    and reused (indexing 10,000 articles takes a few minutes)."""
    from corpus import articles, as_document

    from duizhao.core.library import Library

    directory = REPO / "build" / f"bench-window-library-{count}"
    with Library.open(directory) as library:
        if library.count() >= count:
            return directory
        for n, article in enumerate(articles(count, seed=3)[library.count() :]):
            library.add(as_document(article), f"synthetic-{n}.txt")
        from duizhao.core.search import SearchIndex

        SearchIndex(directory).sync(library)
    return directory


def _count(library: Path) -> int:
    from duizhao.core.library import Library

    with Library.open(library) as opened:
        return opened.count()


def bench_start(library: Path, repeat: int) -> dict[str, object]:
    times = []
    with tempfile.TemporaryDirectory() as config:
        env = _env(Path(config))
        env["DUIZHAO_QUIT_WHEN_SHOWN"] = "1"
        for _ in range(repeat):
            start = time.monotonic()  # CLOCK_MONOTONIC: the same clock in the child
            proc = subprocess.run(
                [sys.executable, "-m", "duizhao", "--library", str(library)],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            shown = [line for line in proc.stdout.splitlines() if line.startswith("shown ")]
            if proc.returncode != 0 or not shown:
                raise RuntimeError(f"window did not start: {proc.stderr.strip()[-400:]}")
            elapsed = float(shown[0].split()[1]) - start
            times.append(elapsed)
    with_count = _count(library)
    return {
        "articles": with_count,
        "median_s": round(statistics.median(times), 3),
        "runs_s": [round(t, 3) for t in times],
    }


_MEMORY_SCRIPT = r"""
import sys
from pathlib import Path
from duizhao.ui.app import create_app
from duizhao.core.library.store import Library
from duizhao.ui.mainwindow import MainWindow
app = create_app()
library = Library.open(sys.argv[1])
window = MainWindow(library)
window.resize(1600, 1000)
window.show()
ids = library.ids()[:4]
window.panes.set_pane_count(4)
for pane, article_id in zip(window.panes.panes, ids):
    window.panes.open_article(article_id, pane)
app.processEvents()
window.search_library("经济 发展")
# Cached entities would spare the recogniser: load it, as a first opening does.
from duizhao.core.entities.recognition import default_recogniser
default_recogniser().recognise("特朗普周五访问北京。")
def entities_shown():
    return all(p.entities for p in window.panes.panes)
import time
deadline = time.monotonic() + 120
searched = lambda: window.search_panel.shown_query() and not window.search_panel.is_searching()
while time.monotonic() < deadline and not (entities_shown() and searched()):
    app.processEvents()
    time.sleep(0.01)
# The comparison of the four open articles loads the sentence encoder.
import os
from duizhao.core.meaning import Encoder, use_shared_encoder
use_shared_encoder(Encoder(Path(os.environ["DUIZHAO_BENCH_CACHE"])))
compared = []
window.compare_pane.compared.connect(compared.append)
window.compare_open()
deadline = time.monotonic() + 120
while time.monotonic() < deadline and not compared:
    app.processEvents()
    time.sleep(0.01)
assert compared, "the comparison did not finish: " + window.compare_pane.message.text()
for line in open("/proc/self/status"):
    if line.startswith(("VmRSS", "VmHWM")):
        print(line.strip())
window.close()
library.close()
"""


def bench_memory(library: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as config:
        env = _env(Path(config))
        env["DUIZHAO_BENCH_CACHE"] = str(REPO / "build" / "bench-encoder-cache")
        proc = subprocess.run(
            [sys.executable, "-c", _MEMORY_SCRIPT, str(library)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    values = {}
    for line in proc.stdout.splitlines():
        key, _, rest = line.partition(":")
        values[key] = int(rest.split()[0]) // 1024
    if not values:
        raise RuntimeError(f"memory probe failed: {proc.stderr.strip()[-400:]}")
    return {"rss_mb": values.get("VmRSS"), "peak_mb": values.get("VmHWM")}


def bench_toggle(repeat: int) -> dict[str, object]:
    from run import demo_article

    from duizhao.core.entities import default_recogniser
    from duizhao.core.ingest import import_paths
    from duizhao.core.library import Library
    from duizhao.core.text import Script
    from duizhao.ui.app import create_app
    from duizhao.ui.mainwindow import MainWindow

    app = create_app()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "long.txt"
        text = demo_article(Script.SIMPLIFIED, TOGGLE_CHARS)
        source.write_text("长文\n" + text, encoding="utf-8")
        library = Library.open(Path(tmp) / "lib")
        import_paths(library, [source])
        article = library.get(library.ids()[0])
        entities = default_recogniser().recognise(article.text, article.script)
        window = MainWindow(library)
        window.resize(1400, 900)
        window.show()
        pane = window.panes.open_article(article.id)
        assert pane is not None
        pane.set_entities(entities)
        app.processEvents()
        cycle = ["taiwan", "simplified", "hongkong", "traditional", "original"]
        times: dict[str, list[float]] = {v: [] for v in cycle}
        for _ in range(repeat):
            for view in cycle:
                start = time.perf_counter()
                pane.set_view(view)
                app.processEvents()
                times[view].append(time.perf_counter() - start)
        for view in cycle:
            median = statistics.median(times[view]) * 1000
            rows.append({"view": view, "median_ms": round(median, 1)})
        window.close()
        library.close()
    return {"chars": len(article.text), "entities": len(entities), "views": rows}


def bench_window(repeat: int) -> dict[str, object]:
    quick = repeat < 5
    library = big_library(200 if quick else LIBRARY_ARTICLES)
    result: dict[str, object] = {
        "toggle": bench_toggle(3 if quick else 11),
        "start": bench_start(library, 1 if quick else 5),
        "memory": bench_memory(library),
    }
    result["stall"] = bench_stall(50 if quick else 1000)
    return result


def bench_stall(articles: int) -> dict[str, object]:
    """The longest event-loop gap while ``articles`` are imported and indexed
    (``ui_stall.py``, default variant, in its own process)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stall.json"
        proc = subprocess.run(
            [
                sys.executable,
                str(HERE / "ui_stall.py"),
                "--articles",
                str(articles),
                "--variants",
                "default",
                "--json",
                str(out),
            ],
            env=_env(Path(tmp)),
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"ui_stall failed: {proc.stderr.strip()[-400:]}")
        data = json.loads(out.read_text("utf-8"))
    run = next(r for r in data["runs"] if r["variant"] == "default")
    return {"articles": articles, "seconds": run["seconds"], "busy": run["busy"]}


def print_window(result: dict[str, object]) -> None:
    toggle = result["toggle"]
    print(
        f"\nWindow: view toggle of a {toggle['chars']:,}-character article with "  # type: ignore[index]
        f"{toggle['entities']:,} entities (median ms, target < 100)"  # type: ignore[index]
    )
    for row in toggle["views"]:  # type: ignore[index]
        print(f"  {row['view']:<14}{row['median_ms']:>8.1f}")
    start = result["start"]
    print(
        f"Window shown with a {start['articles']:,}-article library: "  # type: ignore[index]
        f"{start['median_s']:.2f} s median (target ≤ 1.5 s)"  # type: ignore[index]
    )
    memory = result["memory"]
    print(
        f"Resident memory, four panes + a search: {memory['rss_mb']} MB "  # type: ignore[index]
        f"(peak {memory['peak_mb']} MB, target < 400)"  # type: ignore[index]
    )
    stall = result["stall"]
    busy = stall["busy"]  # type: ignore[index]
    print(
        f"Event loop during an import of {stall['articles']:,} articles "  # type: ignore[index]
        f"({stall['seconds']['total']:.0f} s): median gap {busy['median_ms']:.1f} ms, "  # type: ignore[index]
        f"p99 {busy['p99_ms']:.0f} ms, longest {busy['max_ms']:.0f} ms (target < 100)"
    )
