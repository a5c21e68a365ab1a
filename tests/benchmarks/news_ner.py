"""Entity recognition scored on real news: the gold spans of ``../shared/eval/entities.json``.

Parts
    :func:`read_news` reads the 41 excerpts of ``../shared/eval/articles`` (the
    body of each is the text after its first blank line) with their gold
    PERSON, PLACE and ORG spans; :func:`converted` writes each article in the
    other script (a Traditional one as the app's 简体 view, ``tw2sp``; the
    others as its 臺灣 view, ``s2twp``) and maps the gold spans through the
    view's offset map; :func:`error_classes` counts the kinds of mistake
    issue #16 lists, from the predicted and the gold spans and the body's own
    lines. ``ner_eval.py --news`` prints and stores all of it.

The files are copyrighted excerpts, read at run time and never copied: nothing
printed here quotes them, only counts. Types are ours and the gold's alike
(PERSON, PLACE, ORG); our DATE and NUMBER are not scored against the gold,
which does not annotate them, but two error classes look at them: dates
written in Chinese numerals that are not tagged whole, and amounts with
萬/億/兆 whose NUMBER span leaves out the magnitude or the currency after it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from duizhao.core.entities.repair import STANDING_ABBREVIATIONS
from duizhao.core.library import Entity
from duizhao.core.text import Script, build_view, detect_script

TYPES = ("PERSON", "PLACE", "ORG")
Span = tuple[int, int, str]


@dataclass(slots=True)
class NewsArticle:
    name: str
    body: str
    script: Script
    gold: list[Span]


def read_news(root: Path) -> list[NewsArticle]:
    """The evaluation articles under ``root`` (``…/shared/eval``) with their gold spans."""
    gold: dict[str, list[Span]] = {}
    for item in json.loads((root / "entities.json").read_text(encoding="utf-8")):
        gold.setdefault(item["file"], []).append((item["start"], item["end"], item["type"]))
    articles = []
    for path in sorted((root / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, _, body = text.partition("\n\n")
        articles.append(NewsArticle(path.name, body, detect_script(body), gold.get(path.name, [])))
    return articles


def converted(articles: list[NewsArticle]) -> list[NewsArticle]:
    """Each article in the other script, as the app's view shows it, gold spans mapped."""
    out = []
    for article in articles:
        target = "simplified" if article.script is Script.TRADITIONAL else "taiwan"
        view = build_view(article.body, article.script, target)
        gold = [(*view.to_view(s, e), kind) for s, e, kind in article.gold]
        out.append(NewsArticle(article.name, view.text, detect_script(view.text), gold))
    return out


# -- error classes ------------------------------------------------------------------

#: A line that credits people: reporters, editors, photographers, translators.
_CREDIT = re.compile(
    r"记者|記者|编辑|編輯|责编|責編|监制|監製|撰文|撰稿|[文图圖]\s*[／/|｜]|摄影|攝影|"
    r"翻译|翻譯|译者|譯者|校对|校對|审核|審核|主编|主編|作者|编译|編譯|制作|製作"
)
_CREDIT_LINE_MAX = 60
#: Dates in Chinese numerals (二〇〇八年十一月, 十一月廿三日).
_CN_DATE = re.compile(
    r"[〇零○一二三四五六七八九]{2,4}年(?:[一二三四五六七八九十]{1,2}月)?"
    r"(?:[一二三四五六七八九十廿卅]{1,3}[日号號])?"
    r"|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十廿卅]{1,3}[日号號]"
)
#: Amounts with a magnitude and what follows it (7.43兆, 4130億美元, 2.4万亿元).
_AMOUNT = re.compile(
    r"[0-9][0-9,.]*\s*(?:[萬万億亿兆]+)(?:美元|港元|港幣|港币|新台幣|新台币|人民幣|人民币|"
    r"日圓|日元|歐元|欧元|新元|台幣|台币|元)?"
)
#: Bodies named alone by what they are (商務部, 海關總署, 國務院, 執委會).
_BODY_ENDS = tuple("部署會会局院委廳厅府處处司")
_HOW = ("missed", "cut short or in parts", "run on", "with other ends")


def _credit_lines(body: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in body.split("\n"):
        if line.strip() and len(line) <= _CREDIT_LINE_MAX and _CREDIT.search(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


#: Every class :func:`error_classes` counts (each is reported, zero or not).
CLASSES = (
    "single-character PERSON",
    "single-character PLACE",
    "single-character PLACE (an abbreviation)",
    *(f"{kind} where the gold has nothing" for kind in TYPES),
    *(f"{kind} {how}" for kind in TYPES for how in _HOW),
    "right span, wrong type",
    "bare or named body (部 署 會 局 院 …) missed",
    "credit-line people missed",
    "credit-line spans wrong",
    "Chinese-numeral dates",
    "Chinese-numeral dates not tagged whole",
    "amounts with 萬/億/兆",
    "amounts with 萬/億/兆 not tagged whole",
)


def error_classes(articles: list[NewsArticle], found: list[list[Entity]]) -> dict[str, int]:
    """Counts of the kinds of mistake issue #16 names, over all articles."""
    c: Counter[str] = Counter({name: 0 for name in CLASSES})
    for article, entities in zip(articles, found, strict=True):
        body = article.body
        predicted = {(e.start, e.end, e.type) for e in entities if e.type in TYPES}
        gold = set(article.gold)
        for s, e, kind in sorted(predicted - gold):
            if e - s == 1 and kind in ("PERSON", "PLACE"):
                standing = kind == "PLACE" and body[s] in STANDING_ABBREVIATIONS
                c["single-character " + kind + (" (an abbreviation)" if standing else "")] += 1
            overlaps = [g for g in gold if g[0] < e and s < g[1]]
            if not overlaps:
                c[f"{kind} where the gold has nothing"] += 1
            elif any((g[0], g[1]) == (s, e) for g in overlaps):
                c["right span, wrong type"] += 1
        for s, e, kind in sorted(gold - predicted):
            same = [p for p in predicted if p[2] == kind and p[0] < e and s < p[1]]
            if not same:
                if not any(p[0] < e and s < p[1] for p in predicted):
                    c[f"{kind} missed"] += 1
            elif all(s <= p[0] and p[1] <= e for p in same):
                c[f"{kind} cut short or in parts"] += 1
            elif any(p[0] <= s and e <= p[1] for p in same):
                c[f"{kind} run on"] += 1
            else:
                c[f"{kind} with other ends"] += 1
            if kind == "ORG" and body[e - 1] in _BODY_ENDS:
                c["bare or named body (部 署 會 局 院 …) missed"] += 1
        for a, b in _credit_lines(body):
            names = {g for g in gold if a <= g[0] and g[1] <= b and g[2] == "PERSON"}
            on_line = {p for p in predicted if a <= p[0] and p[1] <= b}
            c["credit-line people missed"] += len(names - on_line)
            c["credit-line spans wrong"] += len(on_line - gold)
        dates = [(e.start, e.end) for e in entities if e.type == "DATE"]
        for match in _CN_DATE.finditer(body):
            c["Chinese-numeral dates"] += 1
            if not any(s <= match.start() and match.end() <= e for s, e in dates):
                c["Chinese-numeral dates not tagged whole"] += 1
        numbers = [(e.start, e.end) for e in entities if e.type == "NUMBER"]
        for match in _AMOUNT.finditer(body):
            c["amounts with 萬/億/兆"] += 1
            if not any(s <= match.start() and match.end() <= e for s, e in numbers):
                c["amounts with 萬/億/兆 not tagged whole"] += 1
    return {name: c[name] for name in CLASSES}
