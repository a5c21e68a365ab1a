"""Dates and times as Chinese news writes them, normalised to ISO 8601.

Recognised: ``2026-02-11 08:42:17``, ``2026/1/24 16:27``, ``2026.01.24``,
``2026年1月24日 16:27``, ``2026年1月24日``, ISO 8601 with ``T`` and zone.
A date alone stays a date (``2026-01-24``); seconds are kept when given.
A stated date may also be a month alone (``2024-07``, ``2024年7月``): it stays
a date of month precision, ``2024-07`` (:func:`normalise_datetime`; never read
from running text, where 7月 alone says too little).
"""

from __future__ import annotations

import datetime as dt
import re

_NUM_DATE = (
    r"(?P<y>(?:19|20)\d\d)\s*(?:[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号號]?)"
)
_TIME = (
    r"(?:[T\s]*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
DATE_TIME = re.compile(_NUM_DATE + _TIME)
#: A line that is nothing but a date-time (platform headers put one under the title).
DATE_TIME_LINE = re.compile(r"^\s*" + _NUM_DATE + _TIME + r"\s*$")


def from_match(match: re.Match[str]) -> str | None:
    """ISO text for a :data:`DATE_TIME` match, or None when it is not a real date."""
    year = int(match["y"])
    month = int(match["m"] or match["m2"])
    day = int(match["d"] or match["d2"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if match["H"] is None:
        return date.isoformat()
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return date.isoformat()
    stamp = dt.datetime(year, month, day, hour, minute, second)
    text = stamp.isoformat(timespec="seconds" if match["S"] else "minutes")
    tz = match["tz"]
    if tz:
        text += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    return text


#: A stated month without a day at the start of a value: ``2024-07``, ``2024/7``, ``2024年7月``.
_MONTH_ONLY = re.compile(
    r"^\s*(?P<y>(?:19|20)\d\d)\s*(?:[-/.]\s*(?P<m>\d{1,2})(?![\d\-/.])|年\s*(?P<m2>\d{1,2})\s*月)"
)


def normalise_datetime(text: str) -> str | None:
    """The first date(-time) in ``text`` as ISO 8601, or None.

    A value that starts with a month alone (``2024-07 (from the URL)``) is that
    month, ``2024-07``: a published date of month precision."""
    match = DATE_TIME.search(text)
    month = _MONTH_ONLY.match(text)
    if month is not None and (match is None or match.start() > month.start()):
        number = int(month["m"] or month["m2"])
        return f"{month['y']}-{number:02d}" if 1 <= number <= 12 else None
    return from_match(match) if match else None


_MONTH_DAY = re.compile(r"(?<![年\d/.\-])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]")
_REFERENCES = re.compile(
    r"^\s*[【\[]?(参考资料|參考資料|参考文献|參考文獻|资料来源|資料來源|References)[】\]]?\s*[:：]?\s*$",
    re.M,
)


def estimate_published(text: str) -> str | None:
    """The latest date the article itself mentions, as a stand-in for an unstated one.

    Full dates count; so do month-day dates (1月19日), given the year of the
    latest full date anywhere in the text. A references list (参考资料) only
    lends its year: the dates of cited sources are not the article's. Dates
    the article looks forward to (将于…, …前后, …起) are left out.
    """
    references = _REFERENCES.search(text)
    body = text[: references.start()] if references else text
    best: str | None = None
    for match in DATE_TIME.finditer(body):
        value = from_match(match)
        if value and not _planned(body, match) and (best is None or value[:10] > best[:10]):
            best = value
    context = latest_date(text)
    if context is not None:
        year = int(context[:4])
        for match in _MONTH_DAY.finditer(body):
            try:
                date = dt.date(year, int(match["m"]), int(match["d"])).isoformat()
            except ValueError:
                continue
            if not _planned(body, match) and (best is None or date > best[:10]):
                best = date
    return best


_PLANNED_BEFORE = re.compile(
    r"(将|将于|將|將於|定于|定於|计划|計劃|预计|預計|拟|擬|有望|最快|最晚)\s*$"
)
_PLANNED_AFTER = re.compile(r"\s*(前后|前後|之前|以前|前|起|开始|開始|之后|之後|以后|以後)")


def _planned(text: str, match: re.Match[str]) -> bool:
    """A date the article looks forward to (将于3月20日, 3月20日前后): not when it was written."""
    return bool(
        _PLANNED_BEFORE.search(text[max(0, match.start() - 4) : match.start()])
        or _PLANNED_AFTER.match(text, match.end(), match.end() + 4)
    )


def latest_date(text: str) -> str | None:
    """The latest full date (year, month, day) mentioned in ``text``, as ISO date-time or date."""
    best: str | None = None
    for match in DATE_TIME.finditer(text):
        value = from_match(match)
        if value and (best is None or value[:10] > best[:10]):
            best = value
    return best
