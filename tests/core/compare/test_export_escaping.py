"""Exports carry article text, which anyone can write: Markdown escapes HTML
(viewers render inline HTML), CSV cells never start a spreadsheet formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from duizhao.core.compare.claims import Document, extract_claims
from duizhao.core.compare.comparison import Comparison
from duizhao.core.compare.export import to_csv, to_html, to_markdown
from duizhao.core.compare.placed import Placed
from duizhao.core.compare.questions import Topic, make_row
from duizhao.core.text import Script

SCRIPT = '<img src=x onerror="alert(1)">渡口<script>steal()</script> & 码头'
FORMULAS = ('=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def comparison(texts: tuple[str, ...]) -> Comparison:
    """Rows of two claims whose sentences are ``texts`` (a real claim, its text replaced)."""
    document = Document(1, "轮渡", "轮渡码头今天启用了三个泊位。", Script.SIMPLIFIED)
    (base, *_) = extract_claims(document)
    claims = [
        replace(base, article=i % 2 + 1, index=i, start=0, end=len(t), text=t)
        for i, t in enumerate(texts)
    ]
    placed = [Placed(i, c, c.facts[0]) for i, c in enumerate(claims)]
    rows = [make_row([placed[i], placed[i + 1]]) for i in range(0, len(placed) - 1, 2)]
    topics = [Topic("t", texts[0], [texts[0]], rows)]
    details: dict[int, dict[str, object]] = {1: {"outlet": "<b>报</b>"}, 2: {"outlet": "=报"}}
    return Comparison([(1, texts[0]), (2, "轮渡新闻")], topics, details)


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
    start, end = rows[0].index("start"), rows[0].index("end")
    assert all(row[start].isdigit() and row[end].isdigit() for row in rows[1:])  # numbers stay
    assert "'=报" in cells  # an outlet's name too


# -- citations, notes and pins ----------------------------------------------------


class _Note:
    def __init__(self, note: str, pinned: bool) -> None:
        self.note = note
        self.pinned = pinned


def cited() -> tuple[Comparison, dict[tuple[str, str], _Note]]:
    base = comparison(("轮渡码头今天启用了三个泊位。", "轮渡码头今天启用了两个泊位。"))
    base.details[1] = {
        "outlet": "海滨晚报",
        "author": "程一帆",
        "published": "2026-03-02",
        "url": "https://example.org/ferry?a=1&b=2",
    }
    topic = base.topics[0]
    return base, {(topic.key, topic.rows[0].key): _Note("核对泊位数", True)}


def test_every_export_cites_each_claim_and_carries_notes_and_pins() -> None:
    result, notes = cited()
    md = to_markdown(result, notes)
    assert "海滨晚报，程一帆，2026-03-02，https://example.org/ferry?a=1&amp;b=2" in md
    assert "核对泊位数" in md
    assert "📌" in md
    page = to_html(result, notes)
    assert '<a href="https://example.org/ferry?a=1&amp;b=2"' in page
    assert 'class="t pinned"' not in page  # the relation class stays first
    assert "pinned" in page
    assert "核对泊位数" in page
    rows = list(csv.DictReader(io.StringIO(to_csv(result, notes))))
    first = next(r for r in rows if r["article"] == "1")
    assert first["url"] == "https://example.org/ferry?a=1&b=2"
    assert first["author"] == "程一帆"
    assert first["pinned"] == "yes"
    assert first["note"] == "核对泊位数"


def test_a_link_that_is_not_the_web_is_text() -> None:
    result, _notes = cited()
    result.details[1]["url"] = "javascript:alert(1)"
    page = to_html(result)
    assert 'href="javascript' not in page
