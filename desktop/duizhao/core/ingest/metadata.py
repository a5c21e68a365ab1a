"""Metadata written into the text itself, as Chinese platforms and papers do.

Read from the first lines (and 来源/作者 lines at the foot):

- ``原创 <标题>`` on the first line: the title, and the 原创 (original) marker;
- ``来源：<outlet> 2025年10月28日`` / ``來源：``: the source, and a date in it;
- ``作者：`` / ``记者`` / ``文 |名字`` / ``文/名字``: the author;
- ``译者：`` / ``譯者：`` / ``编译：``: the translator;
- a line that is only a date-time (``2026-02-11 08:42:17``) above the first
  line of prose (one with a 。): the published time;
  a short line just above it, under the title, is the author's account name,
  and a lone number just below it is a counter (removed by the cleaner);
- otherwise a short first line without closing punctuation is the title.

A self-media platform named in a removed disclaimer (由“潮声号”作者上传)
stands in for a missing source (:func:`platform_source`).

Recognised lines leave the text (recorded as removed, rule ``metadata:<field>``).
When nothing states a title or date, :func:`estimate` takes the first sentence
and the latest date the text mentions (see
:func:`.dates.estimate_published`), and says so.
"""

from __future__ import annotations

import re

from duizhao.core.ingest.cleaning import RuleSet
from duizhao.core.ingest.dates import (
    DATE_TIME,
    DATE_TIME_LINE,
    estimate_published,
    from_match,
)
from duizhao.core.ingest.lines import Line, Lines
from duizhao.core.library import Metadata, Removed

HEADER_LINES = 10
FOOTER_LINES = 6
TITLE_MAX = 60
ESTIMATED_TITLE_MAX = 40

_SEP = r"\s*[:：|丨｜/]\s*"
_ORIGINAL = re.compile(r"^原创\s*[:：]?\s*(?P<v>\S.*)$|^原創\s*[:：]?\s*(?P<v2>\S.*)$")
_SOURCE = re.compile(
    r"^[(（]?(来源|來源|出处|出處|稿源|Source)" + _SEP + r"(?P<v>.+?)[)）]?$", re.I
)
_AUTHOR = re.compile(
    r"^(作者|撰文|撰稿|记者|記者|文|By)" + _SEP + r"(?P<v>[^\s|丨｜].{0,30}?)"
    r"(?:\s+(编|編|图|圖|责编|責編)\s*[|丨｜/:：].*)?$",
    re.I,
)
_TRANSLATOR = re.compile(r"^(译者|譯者|翻译|翻譯|编译|編譯|译|譯)" + _SEP + r"(?P<v>.{1,40})$")
_TERMINAL = "。！？!?；;…"
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


def extract(lines: Lines, metadata: Metadata) -> None:
    """Fill ``metadata`` (fields already set win) from header and footer lines."""
    found = Metadata()
    header = [line for line in lines.kept()][:HEADER_LINES]
    if header:
        _original_title(lines, header[0], found)
    body_started = False
    for index, line in enumerate(header):
        if not line.kept:
            continue
        if _labelled(lines, line, found):
            continue
        if "。" in line.text:
            body_started = True  # a date-time line below prose is text (a timeline, a link list)
        elif DATE_TIME_LINE.match(line.text) and not body_started:
            match = DATE_TIME.search(line.text)
            if found.published is None and match is not None:
                found.published = from_match(match)
            lines.remove(line, "metadata:published")
            _account_above(lines, header, index, found)
    footer = list(lines.kept())[-FOOTER_LINES:]
    for line in footer:
        _labelled(lines, line, found)
    if found.title is None and metadata.title is None:
        _heading_title(lines, found)
    elif metadata.title is not None:
        _drop_repeated_title(lines, metadata.title)
    metadata.merge_missing(found)


def estimate(text: str, metadata: Metadata) -> None:
    """Fill a missing title from the first sentence and a missing date from the text."""
    if not metadata.title:
        first = next((line.strip() for line in text.split("\n") if line.strip()), "")
        match = _SENTENCE.match(first)
        sentence = (match.group(0) if match else first).strip().rstrip("，,、：:")
        if len(sentence) > ESTIMATED_TITLE_MAX:
            sentence = _shorten(sentence)
        if sentence:
            metadata.title = sentence
            metadata.title_estimated = True
    if not metadata.published:
        date = estimate_published(text)
        if date:
            metadata.published = date
            metadata.published_estimated = True


_PLATFORM = re.compile(r"[“\"「『]([^”\"」』\s]{1,12}(?:号|號))[”\"」』]")
_PLATFORM_RULES = frozenset({"platform-disclaimer", "hosting-disclaimer"})


def read_credits(removed: list[Removed], rules: RuleSet, found: Metadata) -> None:
    """Author and credits from the bylines and credit lines the rules removed.

    A byline fills a missing author (several names joined with 、, each as
    written); every other credit is kept as ``(role, name)``, in page order,
    each once.
    """
    with_field = {rule.id: rule for rule in rules.rules if rule.field is not None}
    authors: list[str] = []
    credits: list[tuple[str, str]] = []
    for item in removed:
        rule = with_field.get(item.rule)
        if rule is None:
            continue
        for role, name in rule.names(item.text):
            if not name:
                continue
            if rule.field == "author":
                authors.append(name)
            else:
                credits.append((role, name))
    if authors and found.author is None:
        found.author = "、".join(dict.fromkeys(authors))
    if credits:
        found.credits = tuple(dict.fromkeys([*found.credits, *credits]))


def platform_source(removed: list[Removed]) -> str | None:
    """The self-media platform a removed disclaimer names (…由“潮声号”作者上传…)."""
    for item in removed:
        if item.rule in _PLATFORM_RULES:
            match = _PLATFORM.search(item.text)
            if match:
                return match.group(1)
    return None


def _shorten(sentence: str) -> str:
    """Cut a long first sentence at its last clause break that leaves a readable title."""
    head = sentence[: ESTIMATED_TITLE_MAX - 1]
    cut = max(head.rfind(mark) for mark in "，,：:、——")
    if cut >= ESTIMATED_TITLE_MAX // 3:
        head = head[:cut]
    return head.rstrip().rstrip("—-–") + "…"


def _original_title(lines: Lines, line: Line, found: Metadata) -> None:
    match = _ORIGINAL.match(line.text.strip())
    if match:
        found.title = (match["v"] or match["v2"]).strip()
        found.original = True
        lines.remove(line, "metadata:title")


def _labelled(lines: Lines, line: Line, found: Metadata) -> bool:
    text = line.text.strip()
    if len(text) > 80:
        return False
    match = _SOURCE.match(text)
    if match:
        value = match["v"]
        date = DATE_TIME.search(value)
        if date:
            if found.published is None:
                found.published = from_match(date)
            value = (value[: date.start()] + value[date.end() :]).strip(" ，,·|丨")
        if value and found.source is None:
            found.source = value
        lines.remove(line, "metadata:source")
        return True
    match = _TRANSLATOR.match(text)
    if match:
        found.translator = found.translator or match["v"].strip()
        lines.remove(line, "metadata:translator")
        return True
    match = _AUTHOR.match(text)
    if match:
        found.author = found.author or match["v"].strip()
        lines.remove(line, "metadata:author")
        return True
    return False


def _account_above(lines: Lines, header: list[Line], index: int, found: Metadata) -> None:
    """A platform header: title / account name / date-time. Take the name as author."""
    if index < 2 or found.author is not None:
        return
    above, title = header[index - 1], header[index - 2]
    name = above.text.strip()
    if (
        above.kept
        # the title line above it was recognised, or is the first line and reads as one
        and (not title.kept or (index == 2 and _title_like(title.text)))
        and 0 < len(name) <= 20
        and not any(ch in name for ch in _TERMINAL + "，,")
    ):
        found.author = name
        lines.remove(above, "metadata:author")


def _heading_title(lines: Lines, found: Metadata) -> None:
    kept = list(lines.kept())
    if len(kept) < 2:
        return
    if _title_like(kept[0].text):
        found.title = kept[0].text.strip()
        lines.remove(kept[0], "metadata:title")


def _title_like(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= TITLE_MAX and text[-1] not in _TERMINAL and not DATE_TIME.search(text)


#: How many first lines may repeat the title (under a menu line, a player, a section name).
REPEAT_LINES = 6
#: A note after a stated title, in brackets ("… (from the URL)"), and one before it.
_TITLE_NOTE_AFTER = re.compile(r"\s+[(（][^()（）]*[)）]\s*$")
_TITLE_NOTE_BEFORE = re.compile(r"^\s*\[[^\]]*\]\s*")


def _drop_repeated_title(lines: Lines, title: str) -> None:
    """A stated title often opens the body too; show it once, in the header.

    Among the first lines above the prose, a line that is the title (spaces,
    Markdown marks and a bracketed note of the title aside), or that ends with
    it after a short menu or date stamp (返回 財經 2026-03-02 10:15 <title>), goes.
    """
    wanted = {_squash(title)}
    for pattern in (_TITLE_NOTE_AFTER, _TITLE_NOTE_BEFORE):
        wanted |= {_squash(pattern.sub("", item)) for item in list(wanted)}
    wanted = {item for item in wanted if len(item) >= 4}
    for index, line in enumerate(list(lines.kept())):
        if index >= REPEAT_LINES or "。" in line.text:
            break
        squashed = _squash(line.text)
        if squashed in wanted or any(
            squashed.endswith(item) and len(squashed) - len(item) <= 40 for item in wanted
        ):
            lines.remove(line, "metadata:title")


def _squash(text: str) -> str:
    return re.sub(r"[\s#*_`]+", "", text)
