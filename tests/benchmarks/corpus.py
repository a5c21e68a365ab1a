"""A synthetic corpus for the search benchmark: no copied text.

Words are drawn from jieba's dictionary by their frequencies (Han words of two
to four characters among the 60,000 most frequent), strung into sentences,
paragraphs, titles; a third of the articles are converted to Traditional
(Taiwan usage). Sources and dates are invented. Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from duizhao.core.library import Metadata, ParsedDocument
from duizhao.core.text import Script, convert

SOURCES = ["东岸日报", "海峡时报", "港湾新闻", "环球译报", "南岭财经网", "北川晚报", "西江评论"]
_HAN = re.compile(r"[\u4e00-\u9fff]{2,4}")


@cache
def vocabulary() -> tuple[list[str], list[float]]:
    """Words and their *cumulative* frequencies (``random.choices(cum_weights=…)``:
    passing plain weights re-adds 60,000 numbers on every call)."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    entries = []
    for line in path.read_text("utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        if _HAN.fullmatch(word):
            entries.append((int(freq), word))
    entries.sort(reverse=True)
    top = entries[:60_000]
    return [w for _, w in top], list(accumulate(float(f) for f, _ in top))


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    text: str
    source: str
    published: str
    script: Script


def _sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    picked = rng.choices(words, cum_weights=weights, k=rng.randint(6, 16))
    cut = rng.randint(2, len(picked) - 2)
    return "".join(picked[:cut]) + "，" + "".join(picked[cut:]) + rng.choice("。。。！？")


def articles(count: int, *, chars: int = 2_000, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    words, weights = vocabulary()
    start = dt.date(2024, 1, 1)
    out = []
    for k in range(count):
        paragraphs, length = [], 0
        while length < chars:
            paragraph = "".join(_sentence(rng, words, weights) for _ in range(rng.randint(2, 5)))
            paragraphs.append(paragraph)
            length += len(paragraph) + 1
        text = "\n".join(paragraphs)[:chars]
        title = "".join(rng.choices(words, cum_weights=weights, k=rng.randint(4, 7)))
        script = Script.TRADITIONAL if k % 3 == 2 else Script.SIMPLIFIED
        source = rng.choice(SOURCES)
        if script is Script.TRADITIONAL:
            text, title, source = (convert(x, "s2twp") for x in (text, title, source))
        published = (start + dt.timedelta(days=rng.randint(0, 900))).isoformat()
        out.append(Article(title, text, source, published, script))
    return out


def as_document(article: Article) -> ParsedDocument:
    raw = article.text.encode("utf-8")
    return ParsedDocument(
        raw=raw,
        encoding="UTF-8",
        fmt="text",
        source_text=article.text,
        text=article.text,
        metadata=Metadata(title=article.title, source=article.source, published=article.published),
        script=article.script,
    )


def queries(corpus: list[Article], count: int = 100, *, seed: int = 11) -> list[str]:
    """Mixed queries: single words, two words, quoted phrases, in both scripts."""
    rng = random.Random(seed)
    words, weights = vocabulary()
    mid = words[200:5000]
    out = []
    for k in range(count):
        kind = k % 4
        if kind == 0:
            query = rng.choice(mid)
        elif kind == 1:
            query = f"{rng.choice(mid)} {rng.choice(mid)}"
        else:  # a phrase taken from a document (converted back to Simplified first)
            text = convert(rng.choice(corpus).text, "t2s")
            at = rng.randrange(0, max(1, len(text) - 8))
            match = re.search(r"[\u4e00-\u9fff]{4,6}", text[at:])
            query = f'"{match.group(0)}"' if match else rng.choice(mid)
        if k % 2:
            query = convert(query, "s2twp")
        out.append(query)
    return out
