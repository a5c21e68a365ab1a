"""Exports carry article text, which anyone can write: Markdown escapes HTML
(viewers render inline HTML), CSV cells never start a spreadsheet formula."""

from __future__ import annotations

import csv
import io

from duizhao.core.compare.comparison import Claim, Comparison, Row, Topic
from duizhao.core.compare.export import to_csv, to_html, to_markdown

SCRIPT = '<img src=x onerror="alert(1)">渡口<script>steal()</script> & 码头'
FORMULAS = ('=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def comparison(texts: tuple[str, ...]) -> Comparison:
    claims = [Claim(article=i % 2 + 1, start=0, end=len(t), text=t, norm=t, score=1.0)
              for i, t in enumerate(texts)]  # fmt: skip
    rows = [
        Row([claims[i], claims[i + 1]], "differs", [texts[i]]) for i in range(0, len(claims) - 1, 2)
    ]
    return Comparison([(1, texts[0]), (2, "轮渡新闻")], [Topic(texts[0], [texts[0]], rows)])


def test_markdown_shows_html_as_text() -> None:
    out = to_markdown(comparison((SCRIPT, "轮渡码头今天启用。")))
    assert "<img" not in out
    assert "<script>" not in out
    assert "&lt;script&gt;steal()&lt;/script&gt; &amp; 码头" in out


def test_html_escapes_as_before() -> None:
    out = to_html(comparison((SCRIPT, "轮渡码头今天启用。")))
    assert "<script>steal" not in out
    assert "&lt;img src=x" in out


def test_csv_cells_never_start_a_formula_and_keep_their_text() -> None:
    texts = FORMULAS + ("普通的句子。", "另一句。")
    rows = list(csv.reader(io.StringIO(to_csv(comparison(texts)))))
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    for text in FORMULAS:
        assert "'" + text in cells
    assert "普通的句子。" in cells
    assert all(row[6].isdigit() and row[7].isdigit() for row in rows[1:])  # offsets stay numbers
