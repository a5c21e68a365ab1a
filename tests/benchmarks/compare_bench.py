"""Speed of ``duizhao.core.compare.comparison.compare`` on synthetic articles.

Articles are written here from sentence templates of our own: people,
places and organisations drawn from the shipped gazetteer, numbers, dates
and a few subjects shared between articles (so there is something to
align), about 3,000 characters each; every third one converted to Taiwan
Traditional. Deterministic for a seed; no copied text.

Measured (medians of ``--repeat`` runs, each on a fresh library):

- ``cold``: ten articles, nothing cached (entity recognition of every
  article, claims, their sentence vectors, alignment, relations, topics); the
  recogniser's model and the sentence encoder are loaded before timing;
- ``named``: ten articles whose names were recognised before (as for articles
  read in a pane): claims, their sentence vectors, alignment, relations, topics;
- ``cached``: the same ten articles compared again (the comparison is kept);
- ``recomputed``: the same again with the kept comparison dropped: entities
  and sentence vectors from the library, claims from memory, alignment,
  relations and topics made anew;
- ``fifty``: fifty articles with a progress callback (time, calls, whether
  the progress was monotonic and reached its total).

Prints a table and writes build/compare_bench.json (``--json PATH``).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "desktop"))

from duizhao.core.compare import compare  # noqa: E402
from duizhao.core.compare.comparison import _RESULTS  # noqa: E402
from duizhao.core.entities import (  # noqa: E402
    article_entities,
    default_gazetteer,
    default_recogniser,
)
from duizhao.core.ingest import import_paths  # noqa: E402
from duizhao.core.library import Library  # noqa: E402
from duizhao.core.meaning import Encoder, use_shared_encoder  # noqa: E402
from duizhao.core.text import convert, shared_segmenter  # noqa: E402

#: targets from the brief (seconds)
TARGETS = {"cold": 2.0, "cached": 0.3}

#: (subject, two things measured about it, the unit they are counted in)
SUBJECTS = [
    ("港口扩建", "集装箱吞吐量", "泊位", "万吨"),
    ("新能源补贴", "补贴总额", "申请企业", "家"),
    ("高铁延伸", "日均客流", "车站", "万人"),
    ("晶圆厂建设", "投资额", "产能", "亿元"),
    ("大豆进口", "进口量", "库存", "万吨"),
    ("免签政策", "入境游客", "航班", "万人"),
    ("海上风电", "装机容量", "风机", "台"),
    ("稻米收购", "收购价", "产量", "万吨"),
    ("地铁票价", "票价", "乘客", "万人"),
    ("渔业配额", "捕捞量", "渔船", "艘"),
    ("电动车关税", "关税税率", "出口量", "辆"),
    ("水库加固", "蓄水量", "堤坝", "座"),
    ("医保改革", "报销比例", "参保人数", "万人"),
    ("锂矿开采", "开采许可", "矿区", "座"),
    ("机场扩建", "起降架次", "跑道", "架"),
]

#: sentence frames; each article uses a different random half of them
TEMPLATES = [
    "{person}{month}月{day}日在{place}表示，{subject}将于{year}年{month2}月正式启动。",
    "据{org}统计，{place}今年的{noun}约为{n}{unit}，比去年增加{pct}%。",
    "{org}预计，到{year}年底{subject}的{noun}可能达到{n}{unit}。",
    "{person}认为{subject}是{place}发展的转折点，意义深远。",
    "也有学者指出，{subject}的实际作用有限，象征意义大于实质。",
    "{place}官员尚未确认{subject}的开工日期，{org}称仍在评估。",
    "{person}与{person2}在{place}会面，双方讨论了{subject}的{noun}问题。",
    "{org}已经批准{subject}第一期工程，总投资约{n}亿元。",
    "消息人士透露，{subject}的{noun}数据并未按计划公布。",
    "{place}的{noun}在{month}月下降了{pct}%，分析认为与{subject}有关。",
    "{person}强调，{place}不会因为外部压力而放弃{subject}。",
    "报道说，{org}将在{month}月{day}日前后公布{subject}的详细方案。",
    "{place}居民对{subject}看法不一，有人担心{noun}会继续减少。",
    "{org}发言人否认{subject}已经暂停，称各项工作照常进行。",
    "按照计划，{subject}的{noun}将在{year}年提高到{n}{unit}左右。",
    "{person}在接受采访时说，{subject}无法如期完成。",
    "{place}去年的{noun}为{n}{unit}，创下历史新高。",
    "业内人士估计，{subject}带动的{noun}约有{n}{unit}。",
    "{org}的报告显示，{place}的{noun}连续三个季度增长。",
    "{person}批评{org}在{subject}上反应迟缓。",
    "多家媒体援引{org}的说法称，{subject}将分两期推进。",
    "{place}议会{month}月通过了与{subject}有关的法案。",
    "在{place}，{subject}引发的争议仍未平息。",
    "{org}表示，{subject}的第一批{noun}已于{month}月{day}日到位。",
]


@dataclass(frozen=True, slots=True)
class Names:
    people: list[str]
    places: list[str]
    orgs: list[str]


def names() -> Names:
    g = default_gazetteer()
    return Names(
        [e.name for e in g.of_type("PERSON")][:120],
        [e.name for e in g.of_type("PLACE")][:120],
        [e.name for e in g.of_type("ORG")][:120],
    )


def article(rng: random.Random, pool: Names, chars: int = 3_000) -> str:
    """One article of about ``chars`` characters on three of the subjects,
    each subject with its own people, places and organisations."""
    subjects = rng.sample(SUBJECTS, 3)
    frames = rng.sample(TEMPLATES, len(TEMPLATES) // 2)
    casts = {}
    for subject in subjects:
        # the same subject has the same cast in every article (seeded by its name)
        own = random.Random(subject[0])
        casts[subject[0]] = (
            own.sample(pool.people, 4),
            own.sample(pool.places, 3),
            own.sample(pool.orgs, 3),
        )
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        subject, noun, noun2, unit = rng.choice(subjects)
        people, places, orgs = casts[subject]
        sentences = []
        for template in rng.sample(frames, 4):
            sentences.append(
                template.format(
                    person=rng.choice(people),
                    person2=rng.choice(people),
                    place=rng.choice(places),
                    org=rng.choice(orgs),
                    subject=subject,
                    noun=rng.choice((noun, noun2)),
                    unit=unit,
                    n=rng.choice((12, 30, 45, 118, 260, 1200)),
                    pct=rng.randint(2, 40),
                    year=rng.choice((2026, 2027, 2028)),
                    month=rng.randint(1, 12),
                    month2=rng.randint(1, 12),
                    day=rng.randint(1, 28),
                )
            )
        paragraph = "".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def write_articles(folder: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    pool = names()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = article(rng, pool)
        if i % 3 == 2:
            text = convert(text, "s2twp")
        title = f"合成报道 {i + 1}"
        (folder / f"a{i:03d}.md").write_text(f"---\ntitle: {title}\n---\n\n{text}\n", "utf-8")


def fresh_library(tmp: Path, folder: Path) -> tuple[Library, list[int]]:
    library = Library.open(tmp)
    results = import_paths(library, [folder])
    return library, sorted(r.id for r in results if r.id is not None)


def run(repeat: int, articles: tuple[int, int]) -> dict[str, Any]:
    small, large = articles
    # the models and the dictionary load once per process, not per comparison: the
    # entity model, jieba's dictionary and the sentence encoder (from its cache)
    default_recogniser().start()
    shared_segmenter().start()
    encoder = Encoder(ROOT / "build" / "bench-encoder-cache")
    use_shared_encoder(encoder)
    encoder.load()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        write_articles(tmp / "small", small)
        write_articles(tmp / "large", large, seed=12)
        cold, cached, recomputed, topics = [], [], [], 0
        for n in range(repeat):
            library, ids = fresh_library(tmp / f"lib{n}", tmp / "small")
            with library:
                start = time.perf_counter()
                result = compare(library, ids)
                cold.append(time.perf_counter() - start)
                start = time.perf_counter()
                compare(library, ids)
                cached.append(time.perf_counter() - start)
                _RESULTS.clear()
                start = time.perf_counter()
                compare(library, ids)
                recomputed.append(time.perf_counter() - start)
                topics = len(result.topics)
            _RESULTS.clear()
        named = []
        for n in range(repeat):
            library, ids = fresh_library(tmp / f"named{n}", tmp / "small")
            with library:  # names already recognised, as for articles read in a pane
                for article_id in ids:
                    article_entities(library, library.get(article_id))
                start = time.perf_counter()
                compare(library, ids)
                named.append(time.perf_counter() - start)
            _RESULTS.clear()
        out["named"] = {"articles": small, "seconds": statistics.median(named), "topics": topics}
        out["cold"] = {"articles": small, "seconds": statistics.median(cold), "topics": topics}
        out["cached"] = {"articles": small, "seconds": statistics.median(cached), "topics": topics}
        out["recomputed"] = {
            "articles": small,
            "seconds": statistics.median(recomputed),
            "topics": topics,
        }
        calls: list[tuple[int, int, str]] = []
        library, ids = fresh_library(tmp / "lib-large", tmp / "large")
        with library:
            start = time.perf_counter()
            result = compare(library, ids, progress=lambda d, t, m: calls.append((d, t, m)))
            elapsed = time.perf_counter() - start
            _RESULTS.clear()
            start = time.perf_counter()
            compare(library, ids)
            again = time.perf_counter() - start
        monotonic = all(a[0] < b[0] for a, b in zip(calls, calls[1:], strict=False))
        out["fifty"] = {
            "articles": large,
            "seconds": elapsed,
            "cached_seconds": again,
            "topics": len(result.topics),
            "progress_calls": len(calls),
            "progress_monotonic": monotonic,
            "progress_complete": bool(calls) and calls[-1][0] == calls[-1][1],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--articles", default="10,50", help="small,large (default 10,50)")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "compare_bench.json")
    args = parser.parse_args(argv)
    small, large = (int(x) for x in args.articles.split(","))
    data = run(args.repeat, (small, large))
    print(f"{'case':<8} {'articles':>8} {'seconds':>8} {'target':>7} {'topics':>6}  notes")
    for case in ("cold", "named", "cached", "recomputed"):
        d = data[case]
        target = f"{TARGETS[case]:.1f}" if case in TARGETS else "-"
        print(f"{case:<8} {d['articles']:>8} {d['seconds']:>8.3f} {target:>7} {d['topics']:>6}")
    f = data["fifty"]
    notes = (
        f"{f['progress_calls']} progress calls, monotonic={f['progress_monotonic']}, "
        f"complete={f['progress_complete']}, recomputed {f['cached_seconds']:.3f} s"
    )
    print(
        f"{'fifty':<8} {f['articles']:>8} {f['seconds']:>8.3f} {'-':>7} {f['topics']:>6}  {notes}"
    )
    data["repeat"] = args.repeat
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
