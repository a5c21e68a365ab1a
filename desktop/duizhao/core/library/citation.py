"""Citations of articles: what a reference manager needs, and two formats it imports.

- :func:`citation` takes what the library knows of an article (title, outlet,
  authors, date, URL, language, when it was imported) into a
  :class:`Citation`; the outlet is its profile's name when the caller knows
  it (:func:`duizhao.core.ingest.outlet_name`), else the source as stated;
- :func:`to_ris` writes RIS (``TY  - NEWS`` records), :func:`to_csl_json`
  CSL-JSON (``article-newspaper`` items); Zotero, EndNote, Mendeley and
  citeproc processors read both. Names are written as the article writes
  them (Chinese names are not split into family and given names: CSL's
  ``literal``), every text is kept as it is, CJK included.

The same articles in any order give the same output: items follow the ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from duizhao.core.library.article import Article
from duizhao.core.text import Script

#: A name list in a byline: 、 or ， between names, or " 和 "/"及".
_NAME_SEPARATORS = re.compile(r"\s*[、，,;；]\s*|\s+(?:和|及|與|与|and)\s+")
_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")
_LANGUAGES = {
    Script.SIMPLIFIED: "zh-Hans",
    Script.TRADITIONAL: "zh-Hant",
}


@dataclass(frozen=True, slots=True)
class Citation:
    """One article as a reference: every field may be missing but the id and title."""

    key: str  # "duizhao-<id>": stable, unique within a library
    article_id: int
    title: str
    outlet: str | None
    authors: tuple[str, ...]
    published: tuple[int, ...]  # (year,), (year, month) or (year, month, day); () unknown
    published_estimated: bool
    url: str | None
    language: str | None
    accessed: tuple[int, ...]  # when it was imported into the library

    def to_json(self) -> dict[str, object]:
        """The fields ``show --json`` and the exports use."""
        return {
            "title": self.title,
            "outlet": self.outlet,
            "author": "、".join(self.authors) or None,
            "published": _iso(self.published) or None,
            "url": self.url,
        }


def citation(article: Article, outlet: str | None = None) -> Citation:
    """``article`` as a reference; ``outlet`` names its publisher when its profile
    is known (else the source as the article states it)."""
    meta = article.metadata
    authors = tuple(name for name in _NAME_SEPARATORS.split(meta.author or "") if name.strip())
    return Citation(
        key=f"duizhao-{article.id}",
        article_id=article.id,
        title=article.title,
        outlet=outlet or meta.source,
        authors=authors,
        published=date_parts(meta.published),
        published_estimated=meta.published_estimated,
        url=meta.url,
        language=_LANGUAGES.get(article.script),
        accessed=date_parts(article.imported_at),
    )


def date_parts(value: str | None) -> tuple[int, ...]:
    """``2024-07-05T10:00`` → (2024, 7, 5); ``2024-07`` → (2024, 7); else ()."""
    match = _DATE.match(value or "")
    if match is None:
        return ()
    return tuple(int(part) for part in (match["y"], match["m"], match["d"]) if part)


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{part:04d}" if i == 0 else f"{part:02d}" for i, part in enumerate(parts))


def _sorted(citations: Iterable[Citation]) -> list[Citation]:
    return sorted(citations, key=lambda c: c.article_id)


# -- RIS ----------------------------------------------------------------------


def _ris_value(text: str) -> str:
    """One line: RIS has no escapes, so line breaks inside a value become spaces."""
    return " ".join(text.split())


def _ris_date(parts: tuple[int, ...]) -> str:
    """RIS's ``YYYY/MM/DD/`` with empty parts left empty (``2024/07//``)."""
    year, month, day = (list(parts) + [0, 0, 0])[:3]
    return f"{year:04d}/{f'{month:02d}' if month else ''}/{f'{day:02d}' if day else ''}/"


def to_ris(citations: Iterable[Citation]) -> str:
    """RIS records, one ``TY  - NEWS`` … ``ER  -`` block per article."""
    out: list[str] = []
    for item in _sorted(citations):
        fields: list[tuple[str, str]] = [("TY", "NEWS"), ("ID", item.key), ("TI", item.title)]
        fields += [("AU", name) for name in item.authors]
        if item.outlet:
            fields.append(("T2", item.outlet))
        if item.published:
            fields.append(("PY", f"{item.published[0]:04d}"))
            fields.append(("DA", _ris_date(item.published)))
        if item.url:
            fields.append(("UR", item.url))
        if item.language:
            fields.append(("LA", item.language))
        if item.accessed:
            fields.append(("Y2", _ris_date(item.accessed)))
        if item.published_estimated:
            fields.append(("N1", "Date estimated from the text by Duizhao"))
        out.extend(f"{tag}  - {_ris_value(value)}" for tag, value in fields)
        out.append("ER  - ")
        out.append("")
    return "\n".join(out)


# -- CSL-JSON -----------------------------------------------------------------


def _csl_date(parts: tuple[int, ...]) -> dict[str, object]:
    return {"date-parts": [list(parts)]}


def csl_items(citations: Iterable[Citation]) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for item in _sorted(citations):
        data: dict[str, object] = {"id": item.key, "type": "article-newspaper", "title": item.title}
        if item.authors:
            data["author"] = [{"literal": name} for name in item.authors]
        if item.outlet:
            data["container-title"] = item.outlet
        if item.published:
            data["issued"] = _csl_date(item.published)
            if item.published_estimated:
                data["issued"] = {**_csl_date(item.published), "circa": True}
        if item.url:
            data["URL"] = item.url
        if item.language:
            data["language"] = item.language
        if item.accessed:
            data["accessed"] = _csl_date(item.accessed)
        items.append(data)
    return items


def to_csl_json(citations: Iterable[Citation]) -> str:
    """A CSL-JSON array (UTF-8 text, CJK as written)."""
    return json.dumps(csl_items(citations), ensure_ascii=False, indent=2) + "\n"


FORMATS = {"ris": to_ris, "csljson": to_csl_json}
