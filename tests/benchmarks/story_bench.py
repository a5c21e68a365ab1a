"""How fast stories are kept: an import assigned, and a whole library regrouped.

    .venv/bin/python tests/benchmarks/story_bench.py [--articles 10000] [--imports 20] [--stall]

A synthetic library (``corpus.py``: articles of 2,000 characters written from
jieba's word frequencies, a third in Taiwan Traditional, no copied text) of
``--articles`` articles is built in a temporary directory, and each article's
story features and title-and-lead vector are made once, as the first grouping
after import makes them (entities left empty: recognising 20 million
characters is the entity benchmark's business, and the synthetic text names
nobody). Then, medians of repeated runs:

- **regroup**: :func:`duizhao.core.stories.regroup` of the whole library from
  those kept features (reading them back, scoring candidate pairs,
  clustering, storing the stories), run ``--repeat`` times;
- **assign**: ``--imports`` new articles added one at a time, each assigned by
  :meth:`StoryIndex.assign` (its features and vector made, scored against
  the library, its story stored); the index is loaded once beforehand (the
  window keeps it), and that load is reported too.

- **stall** (``--stall``): one more regrouping run by the window's task
  runner (its writer thread) while a 5 ms timer ticks in the GUI thread; the
  longest gap between ticks is the longest the window stood still.

Prints a table and writes build/story_bench.json. Numbers depend on the
machine's load: this one is shared, so medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from duizhao.core.entities import default_recogniser  # noqa: E402
from duizhao.core.library import Library  # noqa: E402
from duizhao.core.meaning import article_vectors, one_blas_thread, shared_encoder  # noqa: E402
from duizhao.core.stories import StoryIndex, make_features, regroup  # noqa: E402
from duizhao.core.stories.features import KIND, _key  # noqa: E402
from duizhao.core.text import shared_segmenter  # noqa: E402


def _keep_features(library: Library, article_id: int, version: str) -> None:
    article = library.get(article_id)
    features = make_features(article, [])
    data = json.dumps(features.to_json(), ensure_ascii=False, sort_keys=True).encode("utf-8")
    library.store_derived(article_id, KIND, _key(article, version), data)
    library.store_entities(article_id, version, article.content_hash, "[]")
    article_vectors(library, article_id, "story", [features.meaning], shared_encoder())


def build(directory: Path, count: int, extra: int) -> tuple[list[int], list[Any]]:
    made = corpus.articles(count + extra, seed=3)
    version = default_recogniser().version()
    started = time.perf_counter()
    with Library.open(directory) as library, one_blas_thread():
        ids = []
        for article in made[:count]:
            _, article_id = library.add(corpus.as_document(article), "synthetic.txt")
            ids.append(article_id)
        for article_id in ids:
            _keep_features(library, article_id, version)
    print(f"built {count} articles with features in {time.perf_counter() - started:.1f} s")
    return ids, made[count:]


def stall(directory: Path) -> dict[str, Any]:
    """A full regrouping run as the window runs it (the task runner's writer)
    while a 5 ms QTimer ticks in the GUI thread: the longest gap between ticks
    is the longest moment the window could not repaint (``ui_stall.py``'s recorder)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    from ui_stall import TickRecorder

    from duizhao.ui.stories import make_snapshot
    from duizhao.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner(directory)
    ticks = TickRecorder(5)
    loop = QEventLoop()
    started = time.perf_counter()
    task = runner.write("regroup", lambda context: make_snapshot(context, True))
    task.ended.connect(loop.quit)
    ticks.start()
    loop.exec()
    ticks.stop()
    seconds = time.perf_counter() - started
    runner.shutdown()
    gaps = sorted(g for _, g, _ in ticks.gaps)
    del app
    return {
        "stall_regroup_s": round(seconds, 2),
        "stall_max_ms": round(gaps[-1], 1) if gaps else 0.0,
        "stall_p99_ms": round(gaps[int(0.99 * (len(gaps) - 1))], 1) if gaps else 0.0,
    }


def _drop_imports(directory: Path, count: int) -> None:
    """Take the articles a previous run imported out again (a kept library)."""
    with Library.open(directory) as library:
        for article_id in library.ids():
            if article_id > count:
                library.remove(article_id)
        library.purge()


def bench(
    count: int, imports: int, repeat: int, keep: Path | None, with_stall: bool = False
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        directory = (keep or Path(tmp)) / f"lib-{count}"
        if keep is not None and directory.exists():
            fresh = corpus.articles(count + imports, seed=3)[count:]
            _drop_imports(directory, count)
        else:
            _, fresh = build(directory, count, imports)
        out: dict[str, Any] = {"articles": count}
        with Library.open(directory) as library:
            runs = []
            for _ in range(repeat):
                started = time.perf_counter()
                stories = regroup(library)
                runs.append(time.perf_counter() - started)
            out["regroup_s"] = round(statistics.median(runs), 2)
            out["regroup_runs_s"] = [round(r, 2) for r in runs]
            out["stories"] = sum(1 for s in stories if len(s.articles) > 1)
            started = time.perf_counter()
            index = StoryIndex.load(library)
            out["index_load_s"] = round(time.perf_counter() - started, 2)
            version = default_recogniser().version()
            shared_encoder().load()  # a kept library skipped the build that loaded them
            shared_segmenter().start()
            times = []
            for article in fresh:
                _, article_id = library.add(corpus.as_document(article), "new.txt")
                # its entities as import's recognition would have left them
                digest = library.get(article_id).content_hash
                library.store_entities(article_id, version, digest, "[]")
                started = time.perf_counter()
                index.assign(library, article_id)
                times.append(time.perf_counter() - started)
            out["assign_ms_median"] = round(1000 * statistics.median(times), 1)
            out["assign_ms_max"] = round(1000 * max(times), 1)
            out["assign_ms_all"] = [round(1000 * t, 1) for t in times]
        if with_stall:
            out.update(stall(directory))
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--imports", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "story_bench.json")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR",
        help="build the library in DIR once and reuse it on later runs",
    )  # fmt: skip
    parser.add_argument(
        "--stall", action="store_true",
        help="also regroup through the window's task runner and measure GUI stalls",
    )  # fmt: skip
    args = parser.parse_args(argv)
    data = bench(args.articles, args.imports, args.repeat, args.keep, args.stall)
    print(f"articles               {data['articles']:>8}")
    print(f"regroup (median)       {data['regroup_s']:>8.2f} s   runs {data['regroup_runs_s']}")
    print(f"stories of 2+ found    {data['stories']:>8}")
    print(f"index load             {data['index_load_s']:>8.2f} s")
    print(f"assign an import       {data['assign_ms_median']:>8.1f} ms median, "
          f"{data['assign_ms_max']:.1f} ms max")  # fmt: skip
    if "stall_max_ms" in data:
        print(f"regroup in the window   {data['stall_regroup_s']:>8.2f} s, longest GUI stall "
              f"{data['stall_max_ms']:.1f} ms (p99 {data['stall_p99_ms']:.1f} ms)")  # fmt: skip
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
