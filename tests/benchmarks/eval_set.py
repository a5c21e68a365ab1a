"""The development set of real news in ``../shared/eval``, read for benchmarks.

The files are copyrighted excerpts kept beside the project: benchmarks read
them at run time and skip when they are absent; nothing of them enters the
project. Each file is a header (``title:``, ``source:``, ``url:``, ``date:``,
``script:``), a blank line, then the body; ``gold.json`` quotes the bodies.

:func:`load` reads the set; :func:`import_into` writes each article as
Markdown with YAML front matter (the way a clipping tool saves a page) and
imports it through the real importer, so the articles are cleaned as any
import is; :func:`locate` finds a gold quote in an imported article.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT.parent / "shared" / "eval"
BUILD = ROOT / "build"


@dataclass(frozen=True)
class EvalArticle:
    file: str
    title: str
    source: str
    url: str
    date: str | None  # ISO date as far as the header gives it
    body: str


@dataclass(frozen=True)
class EvalSet:
    articles: dict[str, EvalArticle]
    gold: dict[str, Any]

    def story_files(self) -> dict[str, list[str]]:
        return {sid: list(s["files"]) for sid, s in sorted(self.gold["stories"].items())}


def available(directory: Path = EVAL_DIR) -> bool:
    return (directory / "gold.json").is_file() and (directory / "articles").is_dir()


def _header_date(value: str) -> str | None:
    found = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip())
    if not found:
        return None
    year, month, day = found.groups()
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def load(directory: Path = EVAL_DIR) -> EvalSet:
    articles: dict[str, EvalArticle] = {}
    for path in sorted((directory / "articles").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()}
        title = fields.get("title", "")
        if title.startswith("[no headline"):
            title = ""
        articles[path.name] = EvalArticle(
            path.name,
            title,
            fields.get("source", "").split(" (")[0],
            fields.get("url", ""),
            _header_date(fields.get("date", "")),
            body,
        )
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    return EvalSet(articles, gold)


def import_into(library: Any, eval_set: EvalSet, files: list[str] | None = None) -> dict[str, int]:
    """Import the articles (all, or ``files``) into ``library``; {file: article id}."""
    from duizhao.core.ingest import parse

    ids: dict[str, int] = {}
    for name in files or sorted(eval_set.articles):
        article = eval_set.articles[name]
        meta = {"source": article.source, "url": article.url}
        if article.title:
            meta["title"] = article.title
        if article.date:  # a day, or a month (2024-07) when the page gave no more
            meta["date"] = article.date
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        data = f"---\n{front}---\n\n{article.body}\n".encode()
        _, article_id = library.add(parse(data, name.replace(".txt", ".md")), name)
        ids[name] = article_id
    return ids


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """The span of ``quote`` in an imported article's text (None if cleaning removed it)."""
    at = text.find(quote)
    return None if at < 0 else (at, at + len(quote))


def add_set_arguments(parser: Any, json_name: str, library_help: str) -> None:
    """The options every scorer on the demo and the real set takes."""
    parser.add_argument("--json", type=Path, default=BUILD / json_name)
    parser.add_argument("--library", type=Path, help=library_help)
    parser.add_argument("--only", choices=("demo", "eval"), help="one set (default: both)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)


def score_sets(
    args: Any,
    evaluate_demo: Callable[[Path], dict[str, Any]],
    evaluate_real: Callable[[Path, Path], dict[str, Any]],
    report: Callable[[dict[str, Any], bool], None],
) -> int:
    """Score the demo library and (when present) the real set as ``args`` asks,
    print each with ``report`` and write them to ``args.json``."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = args.library or Path(tmp)
        if args.only in (None, "demo"):
            print("Demo library (our own writing):")
            out["demo"] = evaluate_demo(base / "demo")
            report(out["demo"], args.verbose)
        if args.only in (None, "eval"):
            if available(args.eval_dir):
                print(f"\nDevelopment set of real news ({args.eval_dir}):")
                out["eval"] = evaluate_real(args.eval_dir, base / "eval")
                report(out["eval"], args.verbose)
            else:
                print(f"skipped the real-news set: {args.eval_dir} is absent")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")
    return 0
