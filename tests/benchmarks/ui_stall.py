"""UI stall benchmark: how long the event loop stops while an import runs.

Writes ``--articles`` synthetic articles (``corpus.py``: our own text from
jieba's word frequencies, a third in Taiwan Traditional) as Markdown files with
front matter, then imports and indexes them through the window's
:class:`~duizhao.ui.importing.ImportController` on a real
:class:`~duizhao.ui.tasks.TaskRunner`, under ``QT_QPA_PLATFORM=offscreen``.
Meanwhile a ``--tick-ms`` QTimer in the GUI thread records the time between
its ticks with ``time.perf_counter``: a gap much longer than the tick is a
moment the window could not repaint or take a key press. The import's worker
thread is pure Python for long stretches (parsing, jieba, Whoosh) and shares
the GIL with the GUI thread, so that is where stalls come from.

Reported per phase (idle baseline, collecting/importing, indexing) and over
the whole run: tick count, median, p99 and the longest gap in milliseconds,
with the longest gaps listed. Target: longest gap < 100 ms.

Variants (``--variants``): ``default`` (what the app does: the worker
breathes between files and while indexing, Python's default 5 ms switch
interval, and start-up's objects frozen out of the garbage collector's way
with ``gc.freeze()``, as the window does after its warm-up), ``no-yield`` (no
breath between files), ``switch-1ms`` (``sys.setswitchinterval(0.001)``),
``no-freeze`` (no ``gc.freeze()``) and ``gc-off`` (no cyclic collector).
Each variant runs on a fresh library, after a ``cold-start`` import of ten
articles that is reported on its own row (the first import of a process loads
jieba's dictionary and OpenCC's tables).

What was found (1,000 articles of 2,000 characters, two shared cores):
importing itself never stalls (longest gap 10-14 ms; the worker yields
between files). Indexing does: the longest gap is 1.0-1.8 s
whatever the switch interval or yielding, because Whoosh's ``SortingPool.save``
sorts its whole in-memory pool of postings (up to ``limitmb=128``) with one
``list.sort()`` — a single C call that holds the GIL. Sorting in chunks
(:mod:`duizhao.core.search.postings`, now installed by the search module) removes
that call at the same indexing speed and gives identical search results.
What remained were gaps of 130-350 ms that were no single long call either: a
Python watchdog thread was starved as long as the GUI thread. CPython's GIL
hand-over was the cause (:mod:`duizhao.core.yielding`): a waiting thread only
asks the holder to let go if nobody took the GIL during its 5 ms wait, and a
worker flushing 8 KB file buffers drops and retakes it every fraction of a
millisecond. Whoosh now writes through 1 MB buffers and the worker breathes
(a 0.2 ms sleep every 15 ms of work): longest gap 54-61 ms, of which the
garbage collector's full passes are the rest (``gc-off``: 36-37 ms). Since a
large import's analysis moved to a helper process and its longest full
collection was 64-98 ms, the window freezes start-up's objects out of the
collector's way (``gc.freeze()``; ``no-freeze`` measures without). The
first import of a process loaded jieba's dictionary with one 0.3-0.5 s
``marshal.load``; it now loads in chunks (:mod:`duizhao.core.text.segment`), and
the cold-start row stays near 30 ms.

    .venv/bin/python tests/benchmarks/ui_stall.py                  # 1,000 articles
    .venv/bin/python tests/benchmarks/ui_stall.py --articles 20 --variants default

JSON goes to ``build/ui_stall.json`` (``--json PATH`` to change).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from corpus import articles
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from duizhao.ui.importing import ImportController, ImportOutcome
from duizhao.ui.tasks import TaskRunner

REPO = Path(__file__).resolve().parents[2]
TARGET_MS = 100.0
VARIANTS = ("default", "no-yield", "switch-1ms", "no-freeze", "gc-off")
COLD_ARTICLES = 10


def write_articles(folder: Path, count: int, chars: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n, article in enumerate(articles(count, chars=chars)):
        text = (
            f"---\ntitle: {article.title}\nsource: {article.source}\n"
            f"date: {article.published}\n---\n\n{article.text}\n"
        )
        (folder / f"article-{n:05d}.md").write_text(text, encoding="utf-8")
        total += len(article.text)
    return total


def _stats(gaps: list[float]) -> dict[str, float | int]:
    if not gaps:
        return {"ticks": 0, "median_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0}
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return {
        "ticks": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p99_ms": round(p99, 2),
        "max_ms": round(ordered[-1], 2),
    }


class GcRecorder:
    """Durations of the garbage collector's full (generation 2) passes, in any thread."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._began = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._began) * 1000)

    def __enter__(self) -> GcRecorder:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


class TickRecorder:
    """Records the gap before every tick of a QTimer, labelled with the current phase."""

    def __init__(self, tick_ms: int) -> None:
        self.timer = QTimer()
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self.phase = "idle"
        self.gaps: list[tuple[str, float, float]] = []  # phase, gap ms, at (s since start)
        self._start = self._last = 0.0

    def start(self) -> None:
        self._start = self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((self.phase, (now - self._last) * 1000, now - self._start))
        self._last = now


def run_variant(
    variant: str,
    source: Path,
    work: Path,
    tick_ms: int,
    idle_s: float,
    timeout_s: float,
    label: str | None = None,
) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    old_switch = sys.getswitchinterval()
    if variant == "switch-1ms":
        sys.setswitchinterval(0.001)
    label = label or variant
    runner = TaskRunner(work / f"lib-{label}")
    controller = ImportController(runner, yield_between_files=variant != "no-yield")
    recorder = TickRecorder(tick_ms)
    outcome: list[ImportOutcome] = []
    errors: list[str] = []
    phase_times: dict[str, float] = {}
    loop = QEventLoop()
    patches = ExitStack()
    if variant != "no-freeze":
        gc.collect()
        gc.freeze()  # what the window does after its warm-up (MainWindow.warm_up)
        patches.callback(gc.unfreeze)
    if variant == "gc-off":
        gc.disable()  # is it the cyclic collector walking the posting pool?
        patches.callback(gc.enable)

    def on_phase(phase: str) -> None:
        recorder.phase = phase
        phase_times[phase] = time.perf_counter()

    controller.phase_changed.connect(on_phase)
    controller.finished.connect(lambda o: (outcome.append(o), loop.quit()))
    controller.failed.connect(lambda m: (errors.append(m), loop.quit()))
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    try:
        gc_pauses = patches.enter_context(GcRecorder())
        load_before = os.getloadavg()[0]
        recorder.start()
        idle = QEventLoop()
        QTimer.singleShot(int(idle_s * 1000), idle.quit)
        idle.exec()  # the baseline: the timer's own jitter with nothing else running
        recorder.phase = "collecting"
        started = time.perf_counter()
        controller.start([source])
        loop.exec()
        ended = time.perf_counter()
        recorder.stop()
        load_after = os.getloadavg()[0]
    finally:
        runner.shutdown()
        sys.setswitchinterval(old_switch)
        patches.close()
    app.processEvents()
    if errors or not outcome:
        raise SystemExit(f"{label}: import did not finish: {errors or 'timed out'}")
    result = outcome[0]
    gaps = recorder.gaps
    busy = [g for p, g, _ in gaps if p != "idle"]
    phases = {}
    for phase in ("idle", "collecting", "importing", "indexing"):
        phases[phase] = _stats([g for p, g, _ in gaps if p == phase])
    worst = sorted(gaps, key=lambda item: item[1], reverse=True)[:5]
    import_s = phase_times.get("indexing", ended) - phase_times.get("importing", started)
    index_s = ended - phase_times["indexing"] if "indexing" in phase_times else 0.0
    return {
        "variant": label,
        "switch_interval_ms": 1.0 if variant == "switch-1ms" else old_switch * 1000,
        "yield_between_files": variant != "no-yield",
        "summary": result.summary(),
        "indexed": result.indexed,
        "seconds": {
            "total": round(ended - started, 2),
            "import": round(import_s, 2),
            "index": round(index_s, 2),
        },
        "busy": _stats(busy),
        "phases": phases,
        "worst": [{"phase": p, "gap_ms": round(g, 1), "at_s": round(t, 2)} for p, g, t in worst],
        "under_target": bool(busy) and max(busy) < TARGET_MS,
        "gc_full": {
            "count": len(gc_pauses.pauses),
            "max_ms": round(max(gc_pauses.pauses, default=0.0), 1),
        },
        "load_average": [round(load_before, 2), round(load_after, 2)],
    }


def print_table(runs: list[dict[str, Any]], tick_ms: int) -> None:
    print(f"Event-loop gaps (ms) with a {tick_ms} ms timer; target: longest < {TARGET_MS:g} ms")
    header = f"{'variant':<12} {'phase':<11} {'ticks':>6} {'median':>7} {'p99':>7} {'max':>7}"
    print(header)
    print("-" * len(header))
    for run in runs:
        rows = [("busy (all)", run["busy"]), *run["phases"].items()]
        for phase, s in rows:
            if not s["ticks"]:
                continue
            print(
                f"{run['variant']:<12} {phase:<11} {s['ticks']:>6} {s['median_ms']:>7.1f} "
                f"{s['p99_ms']:>7.1f} {s['max_ms']:>7.1f}"
            )
        seconds = run["seconds"]
        worst = ", ".join(f"{w['gap_ms']:.0f} ms ({w['phase']})" for w in run["worst"][:3])
        verdict = "under target" if run["under_target"] else "OVER target"
        gc_full = run["gc_full"]
        verdict += f"; {gc_full['count']} full GCs, longest {gc_full['max_ms']:.0f} ms"
        verdict += f"; load {run['load_average'][0]}-{run['load_average'][1]}"
        print(
            f"{'':<12} {run['summary']}; import {seconds['import']} s, index {seconds['index']} s;"
            f" longest: {worst}; {verdict}"
        )
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--chars", type=int, default=2000, help="characters per article")
    parser.add_argument("--tick-ms", type=int, default=5)
    parser.add_argument("--idle", type=float, default=0.5, help="seconds of idle baseline")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per variant")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json", type=Path, default=REPO / "build" / "ui_stall.json")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication starts
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variants {unknown}; choose from {', '.join(VARIANTS)}")
    QApplication.instance() or QApplication([])
    runs = []
    with tempfile.TemporaryDirectory(prefix="duizhao-ui-stall-") as tmp:
        work = Path(tmp)
        chars = write_articles(work / "in", args.articles, args.chars)
        # The first import of a process pays once for loading jieba's dictionary and
        # OpenCC's tables; measure that apart so the variants compare like with like.
        write_articles(work / "cold", min(args.articles, COLD_ARTICLES), args.chars)
        runs.append(
            run_variant(
                "default", work / "cold", work, args.tick_ms, args.idle, args.timeout, "cold-start"
            )
        )
        for variant in variants:
            runs.append(
                run_variant(variant, work / "in", work, args.tick_ms, args.idle, args.timeout)
            )
    print_table(runs, args.tick_ms)
    data = {
        "articles": args.articles,
        "characters": chars,
        "tick_ms": args.tick_ms,
        "target_ms": TARGET_MS,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "runs": runs,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
