"""Score the story grouping (``duizhao stories``) on the demo library and on real news.

Two sets, scored the same way:

- ``demo`` — the demo library (our own writing, resources/demo) against the
  ``story`` of each article in tests/data/demo_notes.yaml;
- ``eval`` — the development set of real news in ../shared/eval (six
  stories of six articles and five distractors, gold.json; skipped when
  absent), imported through the real importer as compare_eval.py does
  (``eval_set.import_into``).

The whole library is grouped (:func:`duizhao.core.stories.regroup`), and
scored with B-cubed precision, recall and F1 over articles (each article's
share of its group that is of its gold story, and of its gold story that is
in its group; a distractor is a gold story of its own), and whether every
distractor is alone. Prints a table per set; writes build/story_eval.json.
``--library DIR`` keeps the libraries (entities and vectors are then reused).

    .venv/bin/python tests/benchmarks/story_eval.py [--only demo|eval] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_set  # noqa: E402
from compare_eval import demo_gold  # noqa: E402

from duizhao.core.ingest import ensure_demo_library  # noqa: E402
from duizhao.core.library import Library  # noqa: E402
from duizhao.core.stories import regroup  # noqa: E402


def bcubed(found: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of groups ``found`` (item -> group)
    against ``gold`` (item -> class), over the items of ``gold``."""
    items = sorted(gold)
    if not items:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for item in items:
        group = [x for x in items if found[x] == found[item]]
        kind = [x for x in items if gold[x] == gold[item]]
        both = sum(1 for x in group if gold[x] == gold[item])
        precision += both / len(group)
        recall += both / len(kind)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(library: Library, gold: dict[str, str], ids: dict[str, int]) -> dict[str, Any]:
    started = time.perf_counter()
    stories = regroup(library)
    seconds = time.perf_counter() - started
    group_of = {a: s.id for s in stories for a in s.articles}
    found = {name: group_of[ids[name]] for name in gold}
    precision, recall, f1 = bcubed(found, gold)
    sizes: dict[int, int] = {}
    for g in found.values():
        sizes[g] = sizes.get(g, 0) + 1
    distractors = sorted(n for n, k in gold.items() if k == n)
    alone = [n for n in distractors if sizes[found[n]] == 1]
    groups: dict[int, list[str]] = {}
    for name in sorted(found):
        groups.setdefault(found[name], []).append(name)
    return {
        "articles": len(gold),
        "stories_gold": len(set(gold.values())) - len(distractors),
        "groups_found": sum(1 for g in groups.values() if len(g) > 1),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "distractors": len(distractors),
        "distractors_alone": len(alone),
        "seconds": round(seconds, 2),
        "groups": [
            {"label": next(s.label for s in stories if s.id == g), "files": files}
            for g, files in sorted(groups.items(), key=lambda kv: kv[1][0])
        ],
    }


def evaluate_demo(library_dir: Path) -> dict[str, Any]:
    ensure_demo_library(library_dir)
    gold = {f: story for story, files in demo_gold().stories.items() for f in files}
    with Library.open(library_dir) as library:
        ids = {a.original_name: a.id for a in library.articles()}
        return score(library, gold, ids)


def evaluate_real(eval_dir: Path, library_dir: Path) -> dict[str, Any]:
    data = eval_set.load(eval_dir)
    gold = {f: story for story, files in data.story_files().items() for f in files}
    gold.update({f: f for f in data.gold["distractors"]})
    with Library.open(library_dir) as library:
        ids = {a.original_name: a.id for a in library.articles()}
        missing = [f for f in sorted(data.articles) if f not in ids]
        if missing:
            ids.update(eval_set.import_into(library, data, missing))
        return score(library, gold, ids)


def report(data: dict[str, Any], verbose: bool) -> None:
    print(
        f"  B-cubed precision {data['precision']:.3f}  recall {data['recall']:.3f}  "
        f"F1 {data['f1']:.3f}   ({data['articles']} articles, {data['stories_gold']} gold "
        f"stories, {data['groups_found']} groups of two or more found)"
    )
    print(
        f"  distractors alone: {data['distractors_alone']} of {data['distractors']}   "
        f"grouping took {data['seconds']:.2f} s"
    )
    if verbose:
        for g in data["groups"]:
            print(f"    {g['label']}: {', '.join(g['files'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    eval_set.add_set_arguments(
        parser,
        "story_eval.json",
        "a directory to keep the libraries in",
    )
    parser.add_argument("--verbose", action="store_true", help="print every group found")
    return eval_set.score_sets(parser.parse_args(argv), evaluate_demo, evaluate_real, report)


if __name__ == "__main__":
    raise SystemExit(main())
