"""Score ``duizhao compare`` on the demo library against tests/data/demo_notes.yaml.

For each demo story: import the demo into a temporary library, compare the
story's articles, then

- pair recall: share of gold pairs whose two claims (the claim whose span
  contains the gold substring) end up in the same row;
- relation accuracy: share of recalled pairs whose row relation is the gold one
  (a claim may sit in several rows; the smallest row holding both is judged).

Prints a table per story and overall; writes build/compare_eval.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

from duizhao.core.compare import compare  # noqa: E402
from duizhao.core.ingest import ensure_demo_library  # noqa: E402
from duizhao.core.library import Library  # noqa: E402

NOTES = ROOT / "tests" / "data" / "demo_notes.yaml"


def evaluate(library_dir: Path) -> dict[str, Any]:
    notes = yaml.safe_load(NOTES.read_text(encoding="utf-8"))
    ensure_demo_library(library_dir)
    stories: dict[str, Any] = {}
    with Library.open(library_dir) as library:
        by_name = {a.original_name: a for a in library.articles()}
        for story in notes["stories"]:
            files = story["files"]
            articles = [by_name[f] for f in files if f in by_name]
            started = time.perf_counter()
            result = compare(library, [a.id for a in articles]).to_json()
            elapsed = time.perf_counter() - started
            id_of = {a.original_name: a.id for a in articles}
            text_of = {a.original_name: a.text for a in articles}
            rows = [(row, t["label"]) for t in result["topics"] for row in t["rows"]]
            pairs = [p for p in notes["pairs"] if p["story"] == story["id"]]
            details = []
            recalled = correct = 0
            for p in pairs:
                ends = []
                for side in ("a", "b"):
                    f, sub = p[side]["file"], p[side]["text"]
                    pos = text_of[f].find(sub)
                    ends.append((id_of[f], pos, pos + len(sub)))

                def holds(row: dict[str, Any], end: tuple[int, int, int]) -> bool:
                    return any(
                        c["article"] == end[0] and c["start"] <= end[1] and end[2] <= c["end"]
                        for c in row["claims"]
                    )

                found = [(r, label) for r, label in rows if holds(r, ends[0]) and holds(r, ends[1])]
                # a claim may sit in several rows: judge the most specific one
                found.sort(key=lambda f: len(f[0]["claims"]))
                got = found[0][0]["relation"] if found else None
                recalled += bool(found)
                correct += got == p["relation"]
                details.append(
                    {
                        "topic": p["topic"],
                        "a": p["a"]["text"],
                        "b": p["b"]["text"],
                        "gold": p["relation"],
                        "got": got,
                        "reasons": found[0][0]["reasons"] if found else [],
                    }
                )
            stories[story["id"]] = {
                "pairs": len(pairs),
                "recalled": recalled,
                "correct": correct,
                "pair_recall": recalled / len(pairs) if pairs else 0.0,
                "relation_accuracy": correct / recalled if recalled else 0.0,
                "topics": len(result["topics"]),
                "seconds": round(elapsed, 2),
                "details": details,
            }
    total = sum(s["pairs"] for s in stories.values())
    rec = sum(s["recalled"] for s in stories.values())
    cor = sum(s["correct"] for s in stories.values())
    overall = {
        "pairs": total,
        "recalled": rec,
        "correct": cor,
        "pair_recall": rec / total if total else 0.0,
        "relation_accuracy": cor / rec if rec else 0.0,
    }
    return {"stories": stories, "overall": overall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "compare_eval.json")
    parser.add_argument("--library", type=Path, help="library dir (default: a temporary one)")
    parser.add_argument("--verbose", action="store_true", help="print every gold pair")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = evaluate(args.library or Path(tmp) / "demo")
    print(
        f"{'story':<12} {'pairs':>5} {'recalled':>8} {'correct':>7} "
        f"{'pair_recall':>11} {'relation_acc':>12}"
    )
    for name, s in [*data["stories"].items(), ("overall", data["overall"])]:
        print(
            f"{name:<12} {s['pairs']:>5} {s['recalled']:>8} {s['correct']:>7} "
            f"{s['pair_recall']:>11.2f} {s['relation_accuracy']:>12.2f}"
        )
        if args.verbose and name != "overall":
            for d in s["details"]:
                mark = "ok " if d["gold"] == d["got"] else "-- "
                print(
                    f"   {mark}{d['gold']:<11} {d['got']!s:<11} {d['a']} | {d['b']} {d['reasons']}"
                )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
