"""What a pane's header says about its article, and the names of views and scripts.

:data:`VIEW_LABELS` names the script views in Chinese (原文 简体 繁體 臺灣 香港)
for selectors and menus; :func:`header_html` makes the two header lines:
the title, then source · date · author · translator · script. Everything
from the article is escaped: a title is text, never markup.
"""

from __future__ import annotations

import html

from duizhao.core.library import Article
from duizhao.core.text import Script

VIEW_LABELS = {
    "original": "原文",
    "simplified": "简体",
    "traditional": "繁體",
    "taiwan": "臺灣",
    "hongkong": "香港",
}
SCRIPT_LABELS = {
    Script.SIMPLIFIED: "简体",
    Script.TRADITIONAL: "繁體",
    Script.MIXED: "简繁混合",
    Script.UNKNOWN: "文字未定",
}


def header_details(article: Article) -> str:
    """source · date · author · translator · script (the parts that are known)."""
    meta = article.metadata
    published = shown_date(meta.published or "")
    if published and meta.published_estimated:
        published = f"≈{published} (from the text)"
    details = [
        meta.source,
        published,
        f"作者 {meta.author}" if meta.author else None,
        f"译者 {meta.translator}" if meta.translator else None,
        SCRIPT_LABELS.get(article.script, str(article.script)),
    ]
    return " · ".join(d for d in details if d)


def header_html(article: Article) -> str:
    return f"<b>{html.escape(article.title)}</b><br>{html.escape(header_details(article))}"


def shown_date(value: str) -> str:
    """An ISO date or date-time as a reader wants it: 2026-02-27 07:30, no seconds or zone."""
    date, _, time = value.partition("T")
    if not time:
        return date
    clock = time[:5]
    return f"{date} {clock}" if clock not in ("", "00:00") else date

