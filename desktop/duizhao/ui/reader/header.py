"""What a pane's header says about its article, and the names of views and scripts.

:data:`VIEW_LABELS` names the script views in Chinese (原文 简体 繁體 臺灣 香港)
for selectors and menus (:func:`view_label_tip` says each in the interface's
language); :func:`header_html` makes the two header lines: the title, then
source · date · author · translator · script (the region has its own button
beside them, :class:`~duizhao.ui.reader.titlebar.RegionButton`; its names are
:func:`region_name`). What comes from the article (title, source, names) is
written in the script of the pane's view, so a
Traditional article shown in 简体 has a Simplified title; the labels around
it are the interface's. Everything from the article is escaped: a title is
text, never markup. A third line shows the article's URL (:func:`web_link`):
a link only for http and https, which the pane opens in the system browser
when it is clicked, never by itself.
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


#: An article's region (:data:`duizhao.core.text.REGIONS`), and None: not known.
REGION_NAMES = {
    "taiwan": QT_TRANSLATE_NOOP("Regions", "Taiwan"),
    "hongkong": QT_TRANSLATE_NOOP("Regions", "Hong Kong"),
    "macau": QT_TRANSLATE_NOOP("Regions", "Macau"),
    "mainland": QT_TRANSLATE_NOOP("Regions", "Mainland China"),
    "other": QT_TRANSLATE_NOOP("Regions", "Elsewhere"),
    None: QT_TRANSLATE_NOOP("Regions", "Region not known"),
}
#: What said the region (an article's ``region_source``).
REGION_SOURCES = {
    "outlet": QT_TRANSLATE_NOOP("Regions", "from its outlet"),
    "text": QT_TRANSLATE_NOOP("Regions", "from its usage of words"),
    "user": QT_TRANSLATE_NOOP("Regions", "set by you"),
}


def region_name(region: str | None) -> str:
    """An article's region in the interface's language."""
    return QCoreApplication.translate("Regions", REGION_NAMES.get(region, region or ""))


def region_text(article: Article) -> str:
    """The region and what said so: "Hong Kong (from its outlet)"."""
    source = REGION_SOURCES.get(article.origin.region_source or "")
    name = region_name(article.region)
    return f"{name} ({QCoreApplication.translate('Regions', source)})" if source else name


def view_label_tip(view: str) -> str:
    """What a view shows, in the interface's language."""
    return QCoreApplication.translate("Views", VIEW_TIPS.get(view, view))


def in_view_script(text: str, script: Script, view: str, region: str | None = None) -> str:
    """``text`` from an article in ``script`` (from ``region``) written as ``view`` writes it."""
    if not text:
        return text
    try:
        config = view_config(script, view, region)
    except ValueError:
        return text
    return convert(text, config) if config else text


def header_details(article: Article, view: str = "original") -> str:
    """source · date · author · translator · script (the parts that are known),
    what comes from the article in the script of ``view``."""
    meta = article.metadata

    def own(text: str | None) -> str:
        return in_view_script(text or "", article.script, view, article.region)

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
    return in_view_script(article.title, article.script, view, article.region)


#: Characters of a URL shown in the header (the whole URL is in the tool tip).
URL_SHOWN = 70


def web_link(article: Article) -> str | None:
    """The article's URL when it is a web address (http, https), else None."""
    url = (article.metadata.url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def shown_url(url: str) -> str:
    """A URL without its scheme, cut to :data:`URL_SHOWN` characters."""
    text = url.split("://", 1)[-1]
    return text if len(text) <= URL_SHOWN else text[: URL_SHOWN - 1] + "…"


def header_html(article: Article, view: str = "original") -> str:
    title = html.escape(header_title(article, view))
    out = f"<b>{title}</b><br>{html.escape(header_details(article, view))}"
    link = web_link(article)
    if link is not None:
        out += f'<br><a href="{html.escape(link, quote=True)}">{html.escape(shown_url(link))}</a>'
    elif article.metadata.url:
        out += f"<br>{html.escape(shown_url(article.metadata.url))}"
    return out


def shown_date(value: str) -> str:
    """An ISO date or date-time as a reader wants it: 2026-02-27 07:30, no seconds or zone."""
    date, _, time = value.partition("T")
    if not time:
        return date
    clock = time[:5]
    return f"{date} {clock}" if clock not in ("", "00:00") else date

