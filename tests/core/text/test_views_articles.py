"""Toggling the views of real-looking articles keeps every mapped span."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.ingest import parse
from duizhao.core.ingest.demo import demo_articles_dir
from duizhao.core.library import ParsedDocument
from duizhao.core.text import VIEWS, Segmenter, analysis_view, build_view, sentences

DEMO = sorted(p for p in demo_articles_dir().iterdir() if p.is_file())


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    return Segmenter(tmp_path_factory.mktemp("jieba"))


def check_article(document: ParsedDocument, segmenter: Segmenter) -> None:
    text = document.text
    sentence_spans = sentences(text)
    token_spans = [(t.start, t.end) for t in segmenter.tokens(text, document.script)]
    assert sentence_spans
    assert token_spans
    for view_name in VIEWS:
        view = build_view(text, document.script, view_name)
        for start, end in sentence_spans + token_spans:
            v_start, v_end = view.to_view(start, end)
            assert v_end > v_start
            back = view.to_original(v_start, v_end)
            assert back[0] <= start
            assert back[1] >= end
            u_start, u_end = view.to_view_utf16(start, end)
            back16 = view.to_original_from_utf16(u_start, u_end)
            assert back16[0] <= start
            assert back16[1] >= end
        # sentences keep their order and do not swallow each other in any view
        mapped = [view.to_view(s, e) for s, e in sentence_spans]
        assert all(a[1] <= b[0] for a, b in zip(mapped, mapped[1:], strict=False))


@pytest.mark.parametrize("path", DEMO, ids=[p.name for p in DEMO])
def test_demo_article_views_keep_spans(path: Path, segmenter: Segmenter) -> None:
    check_article(parse(path.read_bytes(), path.name), segmenter)


@pytest.mark.seeds
def test_seed_article_views_keep_spans(seeds_dir: Path, segmenter: Segmenter) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        check_article(parse(path.read_bytes(), path.name), segmenter)


def test_analysis_text_is_simplified_for_both_scripts() -> None:
    traditional = parse("這款軟體的記憶體不足，用戶很多。".encode(), "t.txt")
    simplified = parse("这款软件的内存不足，用户很多。".encode(), "s.txt")
    analysis = analysis_view(traditional.text, traditional.script, "taiwan")
    assert analysis.text == simplified.text
    # of unknown region, only the characters change
    plain = analysis_view(traditional.text, traditional.script)
    assert plain.text == "这款软体的记忆体不足，用户很多。"
    assert analysis_view(simplified.text, simplified.script).text == simplified.text
