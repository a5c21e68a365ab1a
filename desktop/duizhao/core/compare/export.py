"""Exports of a comparison: Markdown (a table per topic), CSV (one row per
claim) and self-contained HTML (escaped text, no external resources).

Every claim carries its citation -- outlet, author, date and URL of its
article as far as known (:func:`cite`) -- so a claim can be quoted from the
export alone; every row carries its note and whether it is pinned, from the
row notes of the article set (``notes``: by topic key and row key, as
:func:`duizhao.core.library.notes_for` gives them).

Article text is anyone's text, so every format escapes it: HTML and Markdown
escape ``<``, ``>`` and ``&`` (Markdown viewers render inline HTML), and a CSV
cell that a spreadsheet would run as a formula (one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.comparison import Comparison

FORMATS = ("md", "csv", "html")

_RELATION_NAMES = {"contradicts": "矛盾", "differs": "不一致", "agrees": "一致", "related": "相关"}
_PIN = "📌"


class Note(Protocol):
    """A row's note and pin (:class:`duizhao.core.library.RowNote`)."""

    note: str
    pinned: bool


Notes = Mapping[tuple[str, str], Note]


def cite(comparison: Comparison, article_id: int) -> str:
    """The article's citation in one line: outlet, author, date, URL (those known)."""
    details = comparison.details.get(article_id, {})
    parts = [details.get(k) for k in ("outlet", "author", "published", "url")]
    return "，".join(str(p) for p in parts if p)


def _note(notes: Notes | None, topic: Any, row: Any) -> tuple[bool, str]:
    found = (notes or {}).get((topic.key, row.key))
    return (bool(found.pinned), found.note) if found is not None else (False, "")


def _link(url: object) -> str:
    """An escaped link for HTML when the URL is a web address; else escaped text."""
    text = str(url or "")
    if text.startswith(("http://", "https://")):
        quoted = html.escape(text, quote=True)
        return f'<a href="{quoted}" rel="noreferrer noopener">{quoted}</a>'
    return html.escape(text)


def headings(comparison: Comparison) -> dict[int, str]:
    """Each article's column heading: #id, outlet and date as far as known."""
    out = {}
    for article_id, _title in comparison.articles:
        details = comparison.details.get(article_id, {})
        about = " ".join(str(x) for x in (details.get("outlet"), details.get("published")) if x)
        out[article_id] = f"#{article_id} {about}".strip()
    return out


def _said(claim: Claim) -> str:
    return f"{claim.source}：" if claim.source and claim.source not in claim.text else ""


def _md_cell(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return escaped.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip()


class _SafeCells:
    """A CSV writer whose text cells a spreadsheet shows as text, never runs as formulas."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: list[object]) -> None:
        self._writer.writerow(
            ["'" + v if isinstance(v, str) and v[:1] in "=+-@\t\r" and v else v for v in row]
        )


def to_markdown(comparison: Comparison, notes: Notes | None = None) -> str:
    ids = [i for i, _ in comparison.articles]
    heads = headings(comparison)
    out = ["# 对照比较", ""]
    for i, title in comparison.articles:
        cited = cite(comparison, i)
        out.append(
            f"- {_md_cell(heads[i])}：{_md_cell(title)}"
            + (f"（{_md_cell(cited)}）" if cited else "")
        )
    out.append("")
    if not comparison.topics:
        out.append("_没有找到共同话题。_")
    for n, topic in enumerate(comparison.topics, 1):
        out += [f"## {n}. {_md_cell(topic.label)}", ""]
        if topic.terms:
            out += ["关键词：" + _md_cell("、".join(topic.terms)), ""]
        header = ["关系", *[_md_cell(heads[i]) for i in ids], "理由", "备注"]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for row in topic.rows:
            by_article = {c.article: c for c in row.claims}
            pinned, note = _note(notes, topic, row)
            cells = [
                (_PIN if pinned else "") + f"{row.relation}（{_RELATION_NAMES[row.relation]}）"
            ]
            for i in ids:
                c = by_article.get(i)
                cited = f" —— {cite(comparison, i)}" if c and cite(comparison, i) else ""
                cells.append(
                    _md_cell(f"{_said(c)}{c.text} [{c.start}–{c.end}]{cited}") if c else ""
                )
            cells.append(_md_cell("；".join(row.reasons)))
            cells.append(_md_cell(note))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def to_csv(comparison: Comparison, notes: Notes | None = None) -> str:
    buffer = io.StringIO()
    writer = _SafeCells(csv.writer(buffer))
    titles = dict(comparison.articles)
    writer.writerow(
        [
            "topic",
            "row",
            "relation",
            "reasons",
            "article",
            "title",
            "outlet",
            "published",
            "source",
            "start",
            "end",
            "text",
            "author",
            "url",
            "pinned",
            "note",
        ]  # fmt: skip
    )
    for topic in comparison.topics:
        for n, row in enumerate(topic.rows, 1):
            pinned, note = _note(notes, topic, row)
            for c in sorted(row.claims, key=lambda c: c.article):
                details = comparison.details.get(c.article, {})
                writer.writerow(
                    [
                        topic.label,
                        n,
                        row.relation,
                        "；".join(row.reasons),
                        c.article,
                        titles.get(c.article, ""),
                        comparison.details.get(c.article, {}).get("outlet") or "",
                        comparison.details.get(c.article, {}).get("published") or "",
                        c.source,
                        c.start,
                        c.end,
                        c.text,
                        details.get("author") or "",
                        details.get("url") or "",
                        "yes" if pinned else "",
                        note,
                    ]
                )
    return buffer.getvalue()


_STYLE = """
body{font-family:sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:2em}
th,td{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.contradicts{background:#fde2e2}.differs{background:#fff3cd}
.agrees{background:#e2f5e2}.related{background:#fff}
.offsets{color:#888;font-size:.8em}
.cite{display:block;color:#555;font-size:.8em;margin-top:.3em}
.pinned td:first-child::before{content:"📌 "}
"""


def to_html(comparison: Comparison, notes: Notes | None = None) -> str:
    e = html.escape
    ids = [i for i, _ in comparison.articles]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8"><title>对照比较</title>',
        f"<style>{_STYLE}</style></head><body>",
        "<h1>对照比较</h1><ul>",
    ]
    heads = headings(comparison)
    parts += [
        f"<li>{e(heads[i])}：{e(title)}{_html_cite(comparison, i)}</li>"
        for i, title in comparison.articles
    ]
    parts.append("</ul>")
    if not comparison.topics:
        parts.append("<p>没有找到共同话题。</p>")
    for n, topic in enumerate(comparison.topics, 1):
        parts.append(f"<h2>{n}. {e(topic.label)}</h2>")
        if topic.terms:
            parts.append(f"<p>关键词：{e('、'.join(topic.terms))}</p>")
        parts.append("<table><tr><th>关系</th>")
        parts += [f"<th>{e(heads[i])}</th>" for i in ids]
        parts.append("<th>理由</th><th>备注</th></tr>")
        for row in topic.rows:
            by_article = {c.article: c for c in row.claims}
            pinned, note = _note(notes, topic, row)
            classes = e(row.relation) + (" pinned" if pinned else "")
            parts.append(
                f'<tr class="{classes}"><td>{e(row.relation)}'
                f"（{_RELATION_NAMES[row.relation]}）</td>"
            )
            for i in ids:
                c = by_article.get(i)
                if c:
                    parts.append(
                        f"<td>{e(_said(c) + c.text)} "
                        f'<span class="offsets">[{c.start}–{c.end}]</span>'
                        f"{_html_cite(comparison, i)}</td>"
                    )
                else:
                    parts.append("<td></td>")
            parts.append(f"<td>{'<br>'.join(e(r) for r in row.reasons)}</td>")
            parts.append(f"<td>{e(note)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_cite(comparison: Comparison, article_id: int) -> str:
    details = comparison.details.get(article_id, {})
    parts = [
        html.escape(str(details[k])) for k in ("outlet", "author", "published") if details.get(k)
    ]
    if details.get("url"):
        parts.append(_link(details["url"]))
    return f'<span class="cite">{"，".join(parts)}</span>' if parts else ""


def export(comparison: Comparison, fmt: str, path: Path, notes: Notes | None = None) -> Path:
    """Write the comparison as ``fmt`` to ``path``, with the rows' notes and pins."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    text = {"md": to_markdown, "csv": to_csv, "html": to_html}[fmt](comparison, notes)
    path.parent.mkdir(parents=True, exist_ok=True)
    # CSV with a BOM so spreadsheet programs read the Chinese text as UTF-8
    path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
    return path
