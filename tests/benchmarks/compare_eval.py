"""Score ``duizhao compare`` against gold pairs: on the demo library and on real news.

Two sets, scored the same way:

- ``demo`` — the demo library (our own writing, resources/demo) against
  tests/data/demo_notes.yaml: a pair whose gold relation is *differs* or
  *contradicts* is a competing pair, one that *agrees* or is only *related*
  is a near-miss trap; the pairs' ``topic`` names group them into sub-questions;
- ``eval`` — the development set of real news in ../shared/eval (6 stories,
  36 articles, gold.json; skipped when absent), imported through the real
  importer as Markdown with front matter.

For each story the story's articles are compared, and

- **pairs side by side**: competing pairs whose two claims sit in one row (a
  claim is the quoted statement when its span contains the quote, or lies
  inside a quote of several sentences);
- **flagged**: competing pairs that some row holding both calls *differs* or
  *contradicts*, in the pair's own relation;
- **traps unflagged**: traps that no row holding both flags;
- **topics** per story;
- **sub-questions covered**: each sub-question matched to a topic of its own
  (one topic per sub-question at most, the catch-all last group none, the
  matching holding the most quotes), covered when that topic holds at least
  two thirds of its quotes, and two or more.

Prints a table per set; writes build/compare_eval.json. ``--library DIR``
keeps the libraries (entities and sentence vectors are then reused).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_set  # noqa: E402

from duizhao.core.compare import compare  # noqa: E402
from duizhao.core.compare.assignment import best_matching  # noqa: E402
from duizhao.core.ingest import ensure_demo_library  # noqa: E402
from duizhao.core.library import Library  # noqa: E402

NOTES = ROOT / "tests" / "data" / "demo_notes.yaml"
FLAGS = ("differs", "contradicts")
#: a sub-question is covered when its own topic holds this share of its quotes
COVERED_SHARE = 2 / 3
REST_KEY = "t-rest"


@dataclass(frozen=True)
class Gold:
    stories: dict[str, list[str]]  # story -> files
    pairs: list[dict[str, Any]]  # story, pair, subtopic, a_file, a, b_file, b, competing
    subtopics: list[dict[str, Any]]  # story, label, quotes: [{file, text}]


def demo_gold() -> Gold:
    notes = yaml.safe_load(NOTES.read_text(encoding="utf-8"))
    stories: dict[str, list[str]] = {}
    for article in notes["articles"]:
        stories.setdefault(article["story"], []).append(article["file"])
    pairs, subtopics = [], {}
    for number, p in enumerate(notes["pairs"], 1):
        pairs.append(
            {
                "story": p["story"], "pair": number, "subtopic": p["topic"],
                "a_file": p["a"]["file"], "a": p["a"]["text"],
                "b_file": p["b"]["file"], "b": p["b"]["text"],
                "competing": p["relation"] in FLAGS, "relation": p["relation"],
            }
        )  # fmt: skip
        sub = subtopics.setdefault(
            (p["story"], p["topic"]), {"story": p["story"], "label": p["topic"], "quotes": []}
        )
        for side in ("a", "b"):
            quote = {"file": p[side]["file"], "text": p[side]["text"]}
            if quote not in sub["quotes"]:
                sub["quotes"].append(quote)
    return Gold(stories, pairs, list(subtopics.values()))


def real_gold(data: eval_set.EvalSet) -> Gold:
    pairs = [{**p, "story": p["topic"]} for p in data.gold["pairs"]]
    return Gold(data.story_files(), pairs, list(data.gold["subtopics"]))


# -- scoring ------------------------------------------------------------------------------


def _holds(row: dict[str, Any], article: int, span: tuple[int, int]) -> bool:
    for claim in row["claims"]:
        if claim["article"] != article:
            continue
        inside = claim["start"] <= span[0] and span[1] <= claim["end"]
        around = span[0] <= claim["start"] and claim["end"] <= span[1]
        if inside or around:
            return True
    return False


def _pair_relations(row: dict[str, Any], a: int, b: int) -> list[str]:
    return [p["relation"] for p in row["pairs"] if sorted(p["articles"]) == sorted([a, b])]


Where = Callable[[str, str], "tuple[int, tuple[int, int]] | None"]


def score_story(gold: Gold, story: str, result: dict[str, Any], where: Where) -> dict[str, Any]:
    topics = result["topics"]
    rows = [row for topic in topics for row in topic["rows"]]
    details = []
    for pair in (p for p in gold.pairs if p["story"] == story):
        a, b = where(pair["a_file"], pair["a"]), where(pair["b_file"], pair["b"])
        together = [r for r in rows if a and b and _holds(r, *a) and _holds(r, *b)]
        relations = sorted(
            {rel for r in together for rel in _pair_relations(r, a[0], b[0])}  # type: ignore[index]
        )
        reasons = [
            p["reasons"]
            for r in together
            for p in r["pairs"]
            if a and b and sorted(p["articles"]) == sorted([a[0], b[0]])
        ]
        details.append(
            {
                "pair": pair["pair"], "competing": pair["competing"],
                "subtopic": pair["subtopic"], "located": bool(a and b),
                "together": bool(together), "flagged": any(r in FLAGS for r in relations),
                "relations": relations, "reasons": reasons[:3],
                "gold": pair.get("relation"),
            }
        )  # fmt: skip
    coverage = _coverage([s for s in gold.subtopics if s["story"] == story], topics, where)
    competing = [d for d in details if d["competing"]]
    traps = [d for d in details if not d["competing"]]
    return {
        "competing": len(competing),
        "together": sum(d["together"] for d in competing),
        "flagged": sum(d["flagged"] for d in competing),
        "traps": len(traps),
        "traps_unflagged": sum(not d["flagged"] for d in traps),
        "topics": len(topics),
        "topic_labels": [t["label"] for t in topics],
        "subquestions": len(coverage),
        "covered": sum(c["covered"] for c in coverage),
        "details": details,
        "coverage": coverage,
    }


def _coverage(
    subtopics: list[dict[str, Any]], topics: list[dict[str, Any]], where: Where
) -> list[dict[str, Any]]:
    named = [t for t in topics if t.get("key") != REST_KEY]
    spans = [
        [x for x in (where(q["file"], q["text"]) for q in s["quotes"]) if x] for s in subtopics
    ]
    held = np.zeros((len(subtopics), len(named)))
    for i, found in enumerate(spans):
        for j, topic in enumerate(named):
            held[i, j] = sum(any(_holds(row, *x) for row in topic["rows"]) for x in found)
    matched = dict(best_matching(held, 1.0))
    out = []
    for i, sub in enumerate(subtopics):
        j = matched.get(i)
        count = int(held[i, j]) if j is not None else 0
        quotes = len(spans[i])
        out.append(
            {
                "label": sub["label"], "quotes": quotes, "held": count,
                "topic": named[j]["label"] if j is not None else None,
                "covered": quotes > 0 and count >= 2 and count >= COVERED_SHARE * quotes,
            }
        )  # fmt: skip
    return out


def overall(stories: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "competing",
        "together",
        "flagged",
        "traps",
        "traps_unflagged",
        "subquestions",
        "covered",
    )
    out: dict[str, Any] = {k: sum(s[k] for s in stories.values()) for k in keys}
    out["max_topics"] = max((s["topics"] for s in stories.values()), default=0)
    out["pair_recall"] = out["together"] / out["competing"] if out["competing"] else 0.0
    out["flagged_share"] = out["flagged"] / out["competing"] if out["competing"] else 0.0
    out["coverage"] = out["covered"] / out["subquestions"] if out["subquestions"] else 0.0
    out["seconds"] = round(sum(s["seconds"] for s in stories.values()), 2)
    return out


def _run(library: Library, gold: Gold, ids: dict[str, int]) -> dict[str, Any]:
    texts = {name: library.get(i).text for name, i in ids.items()}

    def where(file: str, quote: str) -> tuple[int, tuple[int, int]] | None:
        span = eval_set.locate(texts[file], quote) if file in texts else None
        return None if span is None else (ids[file], span)

    stories: dict[str, Any] = {}
    for story, files in gold.stories.items():
        started = time.perf_counter()
        result = compare(library, [ids[f] for f in files if f in ids]).to_json()
        scored = score_story(gold, story, result, where)
        scored["seconds"] = round(time.perf_counter() - started, 2)
        stories[story] = scored
    return {"stories": stories, "overall": overall(stories)}


def evaluate_demo(library_dir: Path) -> dict[str, Any]:
    ensure_demo_library(library_dir)
    with Library.open(library_dir) as library:
        ids = {a.original_name: a.id for a in library.articles()}
        return _run(library, demo_gold(), ids)


def evaluate_real(eval_dir: Path, library_dir: Path) -> dict[str, Any]:
    data = eval_set.load(eval_dir)
    with Library.open(library_dir) as library:
        ids = eval_set.import_into(library, data)
        return _run(library, real_gold(data), ids)


# -- printing ---------------------------------------------------------------------------------


def report(data: dict[str, Any], verbose: bool) -> None:
    print(
        f"{'story':<16} {'pairs':>5} {'together':>8} {'flagged':>7} {'traps':>5} "
        f"{'unflagged':>9} {'topics':>6} {'covered':>9} {'seconds':>7}"
    )
    for name, s in [*data["stories"].items(), ("overall", data["overall"])]:
        topics = s.get("topics", s.get("max_topics"))
        print(
            f"{name:<16} {s['competing']:>5} {s['together']:>8} {s['flagged']:>7} "
            f"{s['traps']:>5} {s['traps_unflagged']:>9} {topics:>6} "
            f"{s['covered']:>4}/{s['subquestions']:<4} {s['seconds']:>7}"
        )
        if verbose and name != "overall":
            print("   topics:", " | ".join(s["topic_labels"]))
            for d in s["details"]:
                good = d["flagged"] if d["competing"] else not d["flagged"]
                kind = "pair" if d["competing"] else "trap"
                print(
                    f"   {'ok' if good else '--'} {kind} {d['pair']:>2} {d['subtopic']:<14} "
                    f"together={d['together']!s:<5} {d['relations']} {d['reasons'][:1]}"
                )
            for c in s["coverage"]:
                print(
                    f"   {'ok' if c['covered'] else '--'} sub {c['label']:<16} "
                    f"{c['held']}/{c['quotes']} in {c['topic']}"
                )
    o = data["overall"]
    print(
        f"pairs side by side {o['pair_recall']:.2f} ({o['together']}/{o['competing']}), "
        f"flagged {o['flagged_share']:.2f} ({o['flagged']}/{o['competing']}), traps unflagged "
        f"{o['traps_unflagged']}/{o['traps']}, max topics per story {o['max_topics']}, "
        f"sub-questions covered {o['coverage']:.2f} ({o['covered']}/{o['subquestions']})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    eval_set.add_set_arguments(
        parser,
        "compare_eval.json",
        "a directory to keep the libraries in, so entities and vectors are reused "
        "between runs (default: a temporary one)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every gold pair")
    return eval_set.score_sets(parser.parse_args(argv), evaluate_demo, evaluate_real, report)


if __name__ == "__main__":
    raise SystemExit(main())
