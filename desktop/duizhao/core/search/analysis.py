"""Analysis for the index: an article's text cut into the terms it is found by.

Documents are indexed from their normalised Simplified analysis text
(:func:`duizhao.core.text.analysis_view`), cut into words by jieba. Every
token carries its position (so phrases match) and its character offsets in
the original text. Words of three or more characters also index the
dictionary words inside them at the same position (国债 inside 国债券), so a
shorter query still matches without breaking phrases.

A document is analysed with the configuration of its region
(:func:`duizhao.core.text.view_config`: ``tw2sp`` for Taiwan, ``hk2s`` for Hong
Kong and Macau, plain ``t2s`` when not known). A query word is normalised
every way a reader may mean it (:func:`query_variants`, :data:`QUERY_CONFIGS`):
``t2s``, the Taiwan-aware ``tw2sp``, ``s2t`` then ``tw2sp`` for a Simplified
word that Taiwan writes differently, ``hk2s``, and ``s2twp`` then ``t2s`` for
Taiwan words in an article of unknown region; a name the gazetteer knows also brings its
other names (川普 finds 特朗普), and an abbreviation of :mod:`.terms` its full
forms (美債 finds 美国国债, 央行 finds 中国人民银行).

:func:`document_fields` is what the index stores of one article; it is
picklable, so the helper process of :mod:`duizhao.core.search.pool` can make it
while :mod:`duizhao.core.search.index` writes. :class:`DuizhaoTokenizer` is the
Whoosh tokenizer both feed (it lives in the index's pickled schema).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from whoosh.analysis import Token, Tokenizer

from duizhao.core.library import Article
from duizhao.core.text import Script, analysis_view, convert, shared_segmenter, use_shared_segmenter

#: ``s2t+tw2sp`` reads a Simplified query the way a Taiwan article is indexed
#: (查询 → 查詢 → 查找), so Simplified words find Taiwan vocabulary too;
#: ``hk2s`` the way a Hong Kong article is (Hong Kong variant characters), and
#: ``s2twp+t2s`` the way a Traditional article of unknown region is, whose
#: Taiwan words are only simplified character by character (软件 → 軟體 → 软体).
QUERY_CONFIGS = ("t2s", "tw2sp", "s2t+tw2sp", "hk2s", "s2twp+t2s")
#: A query name expands to at most this many of the gazetteer's names for it.
MAX_ALIASES = 16

use_segmenter = use_shared_segmenter  # the app passes one with its own cache dir
segmenter = shared_segmenter


_WORDISH = re.compile(r"[^\W_]")


def _searchable(word: str) -> bool:
    """A word with a letter, digit or Han character in it (punctuation is not indexed)."""
    return _WORDISH.search(word) is not None


@dataclass(frozen=True, slots=True)
class IndexToken:
    text: str  # normalised, lower case
    position: int
    start: int  # original text offsets
    end: int


def index_tokens(text: str, script: Script, region: str | None = None) -> list[IndexToken]:
    """The tokens a document's text is indexed under (see the module docstring)."""
    view = analysis_view(text, script, region)
    return [
        IndexToken(word, position, *view.to_original(start, end))
        for start, end, word, position in _terms(view.text)
    ]


def index_terms(text: str, script: Script, region: str | None = None) -> list[tuple[str, int]]:
    """(word, position) of :func:`index_tokens`: what the index stores, without
    mapping offsets to the original text (a tenth of the analysis time)."""
    view = analysis_view(text, script, region)
    return [(word, position) for _, _, word, position in _terms(view.text)]


def _terms(text: str) -> Iterator[tuple[int, int, str, int]]:
    """(start, end, word, position) of the words of an analysis text, sub-words included."""
    seg = segmenter()
    position = 0
    for start, end in seg.cut(text):
        word = text[start:end]
        if not _searchable(word):
            continue
        yield start, end, word.lower(), position
        for sub_start, sub_end in seg.subwords(word):
            yield start + sub_start, start + sub_end, word[sub_start:sub_end].lower(), position
        position += 1


def query_variants(text: str) -> list[list[str]]:
    """The word sequences a query term may mean: one per normalisation, and those
    of every other name the gazetteer knows for it (川普 → 特朗普, G7 → 七国集团)."""
    return [list(words) for words in _variants(text)]


@lru_cache(maxsize=512)
def _variants(text: str) -> tuple[tuple[str, ...], ...]:
    from duizhao.core.entities import default_gazetteer
    from duizhao.core.search.terms import default_terms

    variants = _normalised(text)
    entry = default_gazetteer().lookup(text)
    if entry is not None:
        for surface in entry.surfaces[:MAX_ALIASES]:
            variants.extend(v for v in _normalised(surface) if v not in variants)
    term = default_terms().lookup(text)  # an abbreviation and its full forms (美债, 美国国债)
    if term is not None:
        for form in term.forms[:MAX_ALIASES]:
            variants.extend(v for v in _normalised(form) if v not in variants)
    return tuple(variants)


def _normalised(text: str) -> list[tuple[str, ...]]:
    variants: list[tuple[str, ...]] = []
    for config in QUERY_CONFIGS:
        converted = convert(text, config)  # "a+b": a, then b
        words = tuple(
            word.lower()
            for s, e in segmenter().cut(converted)
            if _searchable(word := converted[s:e])
        )
        if words and words not in variants:
            variants.append(words)
    return variants


class _Analysed(str):
    """Text whose terms were computed already (Whoosh only takes strings)."""

    terms: list[tuple[str, int]]
    script: Script
    region: str | None


def _analysed(text: str, script: Script, region: str | None) -> _Analysed:
    value = _Analysed(text)
    value.terms = index_terms(text, script, region)
    value.script = script
    value.region = region
    return value


class DuizhaoTokenizer(Tokenizer):
    """Yields the tokens of :func:`index_tokens`; stateless, so Whoosh can pickle it
    into the index's schema."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        items: Iterable[tuple[str, int, int, int]]
        if isinstance(value, _Analysed) and not chars:  # what indexing asks for
            items = ((text, position, 0, 0) for text, position in value.terms)
        else:
            if isinstance(value, _Analysed):
                script, region = value.script, value.region
            else:
                script, region = Script.MIXED, "taiwan"  # a query: Taiwan-aware, as before
            tokens = index_tokens(str(value), script, region)
            items = ((t.text, t.position, t.start, t.end) for t in tokens)
        for text, position, start, end in items:
            token.text = text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def document_fields(article: Article) -> dict[str, Any]:
    """What the index stores of an article: its analysed title, body, source and
    author, its script and its date (picklable: a helper process may make it)."""
    meta = article.metadata
    fields: dict[str, Any] = {
        "id": article.id,
        "content_hash": article.fingerprint,  # content and usage: a new region redoes it
        "title": _analysed(article.title, article.script, article.region),
        "body": _analysed(article.text, article.script, article.region),
        "script": str(article.script),
    }
    if meta.source:
        fields["source"] = _analysed(meta.source, article.script, article.region)
    if meta.author:
        fields["author"] = _analysed(meta.author, article.script, article.region)
    published = _published(meta.published)
    if published is not None:
        fields["published"] = published
    return fields


_MONTH = re.compile(r"(\d{4})-(\d{2})")


def _published(value: str | None) -> dt.datetime | None:
    """The date the index filters on; a month alone (2024-07) is its first day,
    so ``date:2024-07`` and ranges over it find the article."""
    if not value:
        return None
    month = _MONTH.fullmatch(value)
    try:
        if month is not None:
            return dt.datetime(int(month[1]), int(month[2]), 1)
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return stamp.replace(tzinfo=None) if stamp.tzinfo else stamp
