"""Exports of a comparison: Markdown (a table per topic), CSV (one row per
claim) and self-contained HTML (escaped text, no external resources).

Article text is anyone's text, so every format escapes it: HTML and Markdown
escape ``<``, ``>`` and ``&`` (Markdown viewers render inline HTML), and a CSV
cell that a spreadsheet would run as a formula (one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) gets a leading ``'``."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path
from typing import Any

from duizhao.core.compare.claims import Claim
from duizhao.core.compare.comparison import Comparison

FORMATS = ("md", "csv", "html")

_RELATION_NAMES = {"contradicts": "矛盾", "differs": "不一致", "agrees": "一致", "related": "相关"}


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


def to_markdown(comparison: Comparison) -> str:
    ids = [i for i, _ in comparison.articles]
    heads = headings(comparison)
    out = ["# 对照比较", ""]
    for i, title in comparison.articles:
        out.append(f"- {_md_cell(heads[i])}：{_md_cell(title)}")
    out.append("")
    if not comparison.topics:
        out.append("_没有找到共同话题。_")
    for n, topic in enumerate(comparison.topics, 1):
        out += [f"## {n}. {_md_cell(topic.label)}", ""]
        if topic.terms:
            out += ["关键词：" + _md_cell("、".join(topic.terms)), ""]
        header = ["关系", *[_md_cell(heads[i]) for i in ids], "理由"]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for row in topic.rows:
            by_article = {c.article: c for c in row.claims}
            cells = [f"{row.relation}（{_RELATION_NAMES[row.relation]}）"]
            for i in ids:
                c = by_article.get(i)
                cells.append(_md_cell(f"{_said(c)}{c.text} [{c.start}–{c.end}]") if c else "")
            cells.append(_md_cell("；".join(row.reasons)))
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def to_csv(comparison: Comparison) -> str:
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
        ]  # fmt: skip
    )
    for topic in comparison.topics:
        for n, row in enumerate(topic.rows, 1):
            for c in sorted(row.claims, key=lambda c: c.article):
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
"""


def to_html(comparison: Comparison) -> str:
    e = html.escape
    ids = [i for i, _ in comparison.articles]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8"><title>对照比较</title>',
        f"<style>{_STYLE}</style></head><body>",
        "<h1>对照比较</h1><ul>",
    ]
    heads = headings(comparison)
    parts += [f"<li>{e(heads[i])}：{e(title)}</li>" for i, title in comparison.articles]
    parts.append("</ul>")
    if not comparison.topics:
        parts.append("<p>没有找到共同话题。</p>")
    for n, topic in enumerate(comparison.topics, 1):
        parts.append(f"<h2>{n}. {e(topic.label)}</h2>")
        if topic.terms:
            parts.append(f"<p>关键词：{e('、'.join(topic.terms))}</p>")
        parts.append("<table><tr><th>关系</th>")
        parts += [f"<th>{e(heads[i])}</th>" for i in ids]
        parts.append("<th>理由</th></tr>")
        for row in topic.rows:
            by_article = {c.article: c for c in row.claims}
            parts.append(
                f'<tr class="{e(row.relation)}"><td>{e(row.relation)}'
                f"（{_RELATION_NAMES[row.relation]}）</td>"
            )
            for i in ids:
                c = by_article.get(i)
                if c:
                    parts.append(
                        f"<td>{e(_said(c) + c.text)} "
                        f'<span class="offsets">[{c.start}–{c.end}]</span></td>'
                    )
                else:
                    parts.append("<td></td>")
            parts.append(f"<td>{'<br>'.join(e(r) for r in row.reasons)}</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def export(comparison: Comparison, fmt: str, path: Path) -> Path:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    text = {"md": to_markdown, "csv": to_csv, "html": to_html}[fmt](comparison)
    path.parent.mkdir(parents=True, exist_ok=True)
    # CSV with a BOM so spreadsheet programs read the Chinese text as UTF-8
    path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="")
    return path
