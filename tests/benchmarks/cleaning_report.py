"""What the cleaner removes from real pages, per file: rule and text.

Usage: python tests/benchmarks/cleaning_report.py [--only eval|seeds] [--kept N] [--json PATH]

Reads ../shared/eval/articles and ../shared/seeds at run time (skipped when
absent; their text never enters the project) and parses each file as
``duizhao import`` would, then prints the metadata read (title, source,
author, credits, url, date) and every removed piece as ``rule: text``.
``--kept N`` also prints the first N kept lines, to look for furniture left.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))

from duizhao.core.ingest import ImportRefused, parse  # noqa: E402

SHARED = REPO.parent / "shared"
SETS = {"eval": SHARED / "eval" / "articles", "seeds": SHARED / "seeds"}
SHOWN = 70  # characters of a removed piece printed


def report(path: Path, kept: int) -> dict[str, object]:
    try:
        document = parse(path.read_bytes(), path.name)
    except ImportRefused as exc:
        return {"file": path.name, "error": str(exc)}
    meta = document.metadata
    return {
        "file": path.name,
        "title": meta.title,
        "source": meta.source,
        "author": meta.author,
        "credits": [list(c) for c in getattr(meta, "credits", ())],
        "url": meta.url,
        "published": meta.published,
        "removed": [[item.rule, item.text] for item in document.removed],
        "kept": [line for line in document.text.split("\n") if line.strip()][:kept],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SETS))
    parser.add_argument("--kept", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: list[dict[str, object]] = []
    for name, folder in sorted(SETS.items()):
        if args.only and name != args.only:
            continue
        if not folder.is_dir():
            print(f"{name}: {folder} absent, skipped", file=sys.stderr)
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in {".txt", ".md", ".html", ".htm"}:
                results.append(report(path, args.kept))
    by_rule: dict[str, int] = {}
    for result in results:
        print(f"== {result['file']}")
        if "error" in result:
            print(f"   refused: {result['error']}")
            continue
        for key in ("title", "source", "author", "credits", "url", "published"):
            if result[key]:
                print(f"   {key}: {str(result[key])[:SHOWN]}")
        for rule, text in result["removed"]:  # type: ignore[attr-defined]
            by_rule[rule] = by_rule.get(rule, 0) + 1
            shown = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
            print(f"   - {rule}: {shown}")
        for line in result["kept"]:  # type: ignore[attr-defined]
            print(f"   | {line[:SHOWN]}")
    print(f"\n{len(results)} files; removed pieces by rule:")
    for rule, count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        print(f"   {count:4d}  {rule}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
