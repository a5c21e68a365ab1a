"""What a pane's header says about its article, and the names of views and scripts.

:data:`VIEW_LABELS` names the script views in Chinese (原文 简体 繁體 臺灣 香港)
for selectors and menus (:func:`view_label_tip` says each in the interface's
language); :func:`header_html` makes the two header lines: the title, then
source · date · author · translator · script. What comes from the article
(title, source, names) is written in the script of the pane's view, so a
Traditional article shown in 简体 has a Simplified title; the labels around
it are the interface's. Everything from the article is escaped: a title is
text, never markup.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from duizhao.core.library import Article
from duizhao.core.text import Script, convert, view_config

VIEW_LABELS = {
    "original": "原文",
    "simplified": "简体",
    "traditional": "繁體",
    "taiwan": "臺灣",
    "hongkong": "香港",
}
VIEW_TIPS = {
    "original": QT_TRANSLATE_NOOP("Views", "Original: as the article was written"),
    "simplified": QT_TRANSLATE_NOOP("Views", "Simplified characters"),
    "traditional": QT_TRANSLATE_NOOP("Views", "Traditional characters"),
    "taiwan": QT_TRANSLATE_NOOP("Views", "Traditional, with Taiwan's words"),
    "hongkong": QT_TRANSLATE_NOOP("Views", "Traditional, with Hong Kong's words"),
}
SCRIPT_LABELS = {
    Script.SIMPLIFIED: "简体",
    Script.TRADITIONAL: "繁體",
    Script.MIXED: "简繁混合",
    Script.UNKNOWN: "文字未定",
}


def view_label_tip(view: str) -> str:
    """What a view shows, in the interface's language."""
    return QCoreApplication.translate("Views", VIEW_TIPS.get(view, view))


def in_view_script(text: str, script: Script, view: str) -> str:
    """``text`` from an article in ``script`` written as ``view`` writes it."""
    if not text:
        return text
    try:
        config = view_config(script, view)
    except ValueError:
        return text
    return convert(text, config) if config else text


def header_details(article: Article, view: str = "original") -> str:
    """source · date · author · translator · script (the parts that are known),
    what comes from the article in the script of ``view``."""
    meta = article.metadata

    def own(text: str | None) -> str:
        return in_view_script(text or "", article.script, view)

    published = shown_date(meta.published or "")
    if published and meta.published_estimated:
        published = QCoreApplication.translate("Header", "≈{date} (from the text)").format(
            date=published
        )
    author = QCoreApplication.translate("Header", "by {name}")
    translator = QCoreApplication.translate("Header", "translated by {name}")
    details = [
        own(meta.source),
        published,
        author.format(name=own(meta.author)) if meta.author else None,
        translator.format(name=own(meta.translator)) if meta.translator else None,
        SCRIPT_LABELS.get(article.script, str(article.script)),
    ]
    return " · ".join(d for d in details if d)


def header_title(article: Article, view: str = "original") -> str:
    """The article's title in the script of ``view``."""
    return in_view_script(article.title, article.script, view)


def header_html(article: Article, view: str = "original") -> str:
    title = html.escape(header_title(article, view))
    return f"<b>{title}</b><br>{html.escape(header_details(article, view))}"


def shown_date(value: str) -> str:
    """An ISO date or date-time as a reader wants it: 2026-02-27 07:30, no seconds or zone."""
    date, _, time = value.partition("T")
    if not time:
        return date
    clock = time[:5]
    return f"{date} {clock}" if clock not in ("", "00:00") else date
