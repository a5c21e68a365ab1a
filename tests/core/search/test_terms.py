"""Abbreviations and full forms find each other (resources/gazetteer/terms), and a
hit names its outlet. The articles are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from duizhao.core.ingest import import_paths
from duizhao.core.library import Library
from duizhao.core.search import SearchIndex
from duizhao.core.search.analysis import query_variants
from duizhao.core.search.terms import Terms, TermsError, default_terms

ARTICLES = {
    "bonds.md": "---\ntitle: 美国国债收益率走高\nsource: 江城日报\ndate: 2026-03-05\n---\n"
    "美国国债十年期收益率本周走高，市场关注财政部下月的发行计划。\n",
    "bank.md": "---\ntitle: 中国人民银行下调准备金率\nsource: 东岸日报\ndate: 2026-03-06\n---\n"
    "中国人民银行宣布下调存款准备金率零点五个百分点。\n",
    "alliance.txt": "北約峰會在海牙舉行\n來源：南方時報\n"
    "北約成員國領袖今天在海牙會面，討論防務開支。\n",
    "treaty.md": "---\ntitle: 防务开支再成焦点\nsource: 江城日报\n---\n"
    "北大西洋公约组织秘书长呼吁成员国提高防务开支。\n",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("terms")
    folder = root / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = Library.open(root / "lib")
    assert all(r.status == "imported" for r in import_paths(lib, [folder]))
    SearchIndex(root / "lib").sync(lib)
    yield lib
    lib.close()


def titles(library: Library, query: str) -> set[str]:
    index = SearchIndex(library.directory)
    try:
        return {hit.title for hit in index.search(library, query).hits}
    finally:
        index.close()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("美債", "美国国债收益率走高"),
        ("美國國債", "美国国债收益率走高"),
        ("央行", "中国人民银行下调准备金率"),
        ("北大西洋公約組織", "北約峰會在海牙舉行"),
        ("北約", "防务开支再成焦点"),
    ],
)
def test_an_abbreviation_and_its_full_form_find_each_other(
    library: Library, query: str, title: str
) -> None:
    assert title in titles(library, query)


def test_a_hit_names_its_outlet(library: Library) -> None:
    index = SearchIndex(library.directory)
    try:
        [hit] = [h for h in index.search(library, "央行").hits if "人民银行" in h.title]
    finally:
        index.close()
    assert (hit.source, hit.published[:10]) == ("东岸日报", "2026-03-06")
    assert "source" not in hit.to_json()  # the command line's contract is unchanged


def test_the_shipped_terms_load_and_expand_queries() -> None:
    terms = default_terms()
    assert len(terms) >= 30
    assert terms.lookup("美國公債") is terms.lookup("美债")
    assert ["美债"] in query_variants("美國國債")


def test_a_form_claimed_twice_is_refused() -> None:
    text = "- name: 央行\n  aliases: [人行]\n- name: 人行\n"
    with pytest.raises(TermsError, match="belongs to both"):
        Terms.from_texts([("t.yaml", text)])
    with pytest.raises(TermsError, match="unknown keys"):
        Terms.from_texts([("t.yaml", "- name: 美债\n  type: ORG\n")])


def test_terms_are_not_entities(tmp_path: Path) -> None:
    """Recognition reads only the gazetteer's own files, not the terms folder."""
    from duizhao.core.entities import default_gazetteer

    assert default_gazetteer().lookup("美债") is None
