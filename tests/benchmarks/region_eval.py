"""The region detector scored on real news: does a text's usage name its outlet's region?

Usage: python tests/benchmarks/region_eval.py [--eval DIR] [--seeds DIR] [--json PATH]

Reads ``../shared/eval/articles`` and ``../shared/seeds`` at run time (skipped
when absent; nothing of them enters the project). The truth for an article is
the region of the outlet its header names (``source:`` and ``url:``, through
:func:`duizhao.core.ingest.find_outlet`; Macau counts as Hong Kong usage, as
the detector does not tell them apart). The detector reads the body alone
(:func:`duizhao.core.text.detect_region`).

Scored: the Traditional articles whose outlet is from Taiwan, Hong Kong or
Macau -- the ones the detector is for. Reported: how many it decides
(coverage), how many of those are right (precision), right over all
(accuracy); then what it says of the other Traditional articles (overseas
outlets, unknown outlets), and, because the threshold is a choice, the same
figures for the other thresholds (``MIN_SCORE`` 2: one word is enough; 4, the
default: two forms; 6). Files with no header (the seeds) have no truth: only
what the detector says of them is listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))
SHARED = REPO.parent / "shared"

USAGE_OF = {"taiwan": "taiwan", "hongkong": "hongkong", "macau": "hongkong"}
THRESHOLDS = (2, 4, 6)


def _read(path: Path) -> tuple[dict[str, str], str]:
    """(header fields, body) of an eval file; a file with no header gives ({}, text)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    head, sep, body = text.partition("\n\n")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in ("title", "source", "url", "date", "script"):
            return {}, text
        fields[key.strip()] = value.strip()
    return (fields, body) if sep else ({}, text)


def _decide(hongkong: int, taiwan: int, minimum: int) -> str | None:
    from duizhao.core.text.regions import RATIO

    if hongkong >= minimum and hongkong >= RATIO * taiwan:
        return "hongkong"
    if taiwan >= minimum and taiwan >= RATIO * hongkong:
        return "taiwan"
    return None


def evaluate(eval_dir: Path, seeds_dir: Path) -> dict[str, Any]:
    from duizhao.core.ingest import find_outlet
    from duizhao.core.text import Script, detect_region, detect_script
    from duizhao.core.text.regions import MIN_SCORE

    rows: list[dict[str, Any]] = []
    paths = sorted((eval_dir / "articles").glob("*.txt")) if eval_dir.is_dir() else []
    paths += sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    for path in paths:
        fields, body = _read(path)
        match = find_outlet(fields.get("source"), fields.get("url")) if fields else None
        script = detect_script(body)
        guess = detect_region(body, script)
        rows.append(
            {
                "file": f"{path.parent.parent.name}/{path.name}"
                if path.parent.name == "articles"
                else f"seeds/{path.name}",
                "script": str(script),
                "outlet": match.outlet.key if match else None,
                "outlet_region": match.outlet.region if match else None,
                "truth": USAGE_OF.get(match.outlet.region) if match else None,
                "hongkong": guess.hongkong,
                "taiwan": guess.taiwan,
                "detected": guess.region,
                "traditional": script in (Script.TRADITIONAL, Script.MIXED),
            }
        )
    scored = [r for r in rows if r["traditional"] and r["truth"]]
    runs = []
    for minimum in THRESHOLDS:
        said = [(r, _decide(r["hongkong"], r["taiwan"], minimum)) for r in scored]
        decided = [(r, d) for r, d in said if d]
        right = sum(1 for r, d in decided if d == r["truth"])
        others = [r for r in rows if r["traditional"] and not r["truth"]]
        runs.append(
            {
                "min_score": minimum,
                "default": minimum == MIN_SCORE,
                "articles": len(scored),
                "decided": len(decided),
                "right": right,
                "coverage": round(len(decided) / len(scored), 3) if scored else None,
                "precision": round(right / len(decided), 3) if decided else None,
                "accuracy": round(right / len(scored), 3) if scored else None,
                "others_decided": sum(
                    1 for r in others if _decide(r["hongkong"], r["taiwan"], minimum)
                ),
                "others": len(others),
            }
        )
    known = [r for r in rows if r["file"].startswith("eval/")]
    return {
        "eval_articles": len(known),
        "outlet_found": sum(1 for r in known if r["outlet"]),
        "runs": runs,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=SHARED / "eval")
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not (args.eval / "articles").is_dir() and not args.seeds.is_dir():
        print(f"skipped: no evaluation data at {args.eval} or {args.seeds}")
        return 0
    result = evaluate(args.eval, args.seeds)
    print(
        f"outlet found from the header for {result['outlet_found']} of "
        f"{result['eval_articles']} eval articles"
    )
    print()
    print(f"{'file':<39} {'script':<11}  {'outlet (region)':<24} HK TW  detected")
    for r in result["rows"]:
        outlet = f"{r['outlet'] or '-'} ({r['outlet_region'] or '-'})"
        print(
            f"{r['file'][:39]:<39} {r['script'][:11]:<11}  {outlet[:24]:<24} "
            f"{r['hongkong']:>2} {r['taiwan']:>2}  {r['detected'] or '-'}"
        )
    print()
    print("Traditional articles of Taiwan / Hong Kong / Macau outlets, detected from the text:")
    for run in result["runs"]:
        mark = " (default)" if run["default"] else ""
        print(
            f"  MIN_SCORE {run['min_score']}{mark}: decided {run['decided']} of "
            f"{run['articles']} (coverage {run['coverage']}), right {run['right']} "
            f"(precision {run['precision']}, accuracy {run['accuracy']}); "
            f"other Traditional articles given a region: "
            f"{run['others_decided']} of {run['others']}"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
