"""Claims: the check-worthy sentences of an article, with what they mention.

A :class:`Document` is what the comparison needs of an article;
:func:`extract_claims` reads its normalised Simplified analysis text sentence by
sentence, drops noise (questions, calls to action, disclaimers, link lists) and
keeps sentences with an entity, a number, a date or assertive wording, as
:class:`Claim` objects whose spans are code points of the original text and
whose keys (``t:`` terms, ``e:`` entity ids) say what they speak about.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from duizhao.core.compare.lexicon import (
    ASSERTIVE,
    CALL_TO_ACTION,
    DISCLAIMER,
    LINKS,
    STOPWORDS,
    canon,
    cues,
)
from duizhao.core.compare.quantities import Quantity, When, parse_dates, parse_numbers
from duizhao.core.compare.topic_keys import topic_keys
from duizhao.core.text import (
    Script,
    analysis_view,
    convert,
    sentences,
    shared_segmenter,
    use_shared_segmenter,
)


@dataclass(slots=True)
class Claim:
    article: int
    start: int  # original text, code points
    end: int
    text: str  # original text of the sentence
    norm: str  # its analysis (normalised Simplified) text
    score: float
    terms: frozenset[str] = frozenset()
    entity_ids: frozenset[str] = frozenset()
    labels: dict[str, str] = field(default_factory=dict)  # key -> readable label
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[When, ...] = ()
    #: what the claim is about, for naming topics (:mod:`duizhao.core.compare.topic_keys`)
    topic_keys: frozenset[str] = frozenset()
    #: entity keys of people and organisations (who acts, rather than where)
    actors: frozenset[str] = frozenset()

    #: terms and entity ids together (set when made)
    keys: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        self.keys = self.terms | self.entity_ids

    def to_json(self) -> dict[str, object]:
        return {"article": self.article, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Document:
    """What compare needs of an article: its id, title, text, script and entities."""

    id: int
    title: str
    text: str
    script: Script
    entities: tuple[Any, ...] = ()  # duizhao.core.entities.recognition.Entity


set_segmenter = use_shared_segmenter  # the one search cuts with, too
current_segmenter = shared_segmenter


# -- claims --------------------------------------------------------------------


def _excluded(norm: str) -> bool:
    stripped = norm.strip()
    if len(re.sub(r"\W", "", stripped)) < 5:
        return True
    if stripped.rstrip("”」』\"'）)").endswith(("?", "？")):  # noqa: B005
        return True
    if any(w in stripped for w in CALL_TO_ACTION) and any(
        w in stripped for w in ("欢迎", "请", "记得", "一键", "我们", "本号", "公众号")
    ):
        return True
    if any(w in stripped for w in DISCLAIMER):
        return True
    if (
        any(w in stripped for w in LINKS)
        or stripped.startswith(("![", "[", "-", "·", "•"))
        and "](" in stripped
    ):
        return True
    if re.search(r"《[^》]+》\s*\d{4}-\d{2}-\d{2}$", stripped):  # a citation line
        return True
    return stripped.count("|") >= 2


#: claims of recently compared documents, by :func:`_fingerprint` (oldest first)
_CACHE: OrderedDict[tuple[object, ...], tuple[Claim, ...]] = OrderedDict()
CACHE_SIZE = 256
_CACHE_LOCK = threading.Lock()


def _fingerprint(doc: Document) -> tuple[object, ...]:
    spans = tuple(
        (e.start, e.end, e.entity_id, getattr(e, "type", ""), e.canonical) for e in doc.entities
    )
    return (doc.id, doc.script, doc.text, hash(spans), id(current_segmenter()))


def extract_claims(doc: Document) -> list[Claim]:
    """The check-worthy sentences of ``doc``, in text order, with their features.

    Results are kept for the last :data:`CACHE_SIZE` documents (same id,
    text, script and entities), so comparing a selection again, or a larger
    one, does not read its articles again. Claims are not to be modified."""
    key = _fingerprint(doc)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return list(found)
    claims = _extract(doc)
    with _CACHE_LOCK:
        _CACHE[key] = tuple(claims)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return claims


def _extract(doc: Document) -> list[Claim]:
    view = analysis_view(doc.text, doc.script)
    entities = [e for e in doc.entities if getattr(e, "type", "") not in ("DATE", "NUMBER")]
    claims: list[Claim] = []
    for start, end in sentences(doc.text):
        v_start, v_end = view.to_view(start, end)
        norm = view.text[v_start:v_end].replace("日圆", "日元")
        if _excluded(norm):
            continue
        ids: dict[str, str] = {}
        actors: set[str] = set()
        for e in entities:
            if e.start >= start and e.end <= end and e.entity_id:
                ids["e:" + e.entity_id] = convert(e.canonical or e.text, "t2s")
                if e.type in ("PERSON", "ORG"):
                    actors.add("e:" + e.entity_id)
        numbers = parse_numbers(norm)
        dates = parse_dates(norm)
        found_cues = cues(norm, ASSERTIVE)
        score = (
            len(ids) * 1.0 + 2.0 * bool(numbers) + 2.0 * bool(dates) + 1.5 * min(len(found_cues), 2)
        )
        if score < 1.5:
            continue
        terms: dict[str, str] = {}
        segmenter = current_segmenter()
        words = [norm[s:e2] for s, e2 in segmenter.cut(norm)]
        for word in words:
            if len(word) < 2 or word in STOPWORDS or not re.search(r"[\u4e00-\u9fff]", word):
                continue
            if re.search(r"\d", word):
                continue
            terms["t:" + canon(word)] = canon(word)
            for sub_start, sub_end in segmenter.subwords(word):  # 象征 in 象征性
                sub = word[sub_start:sub_end]
                if sub not in STOPWORDS:
                    terms.setdefault("t:" + canon(sub), canon(sub))
        about = topic_keys(norm, words, ids, segmenter)
        claims.append(
            Claim(
                doc.id,
                start,
                end,
                doc.text[start:end],
                norm,
                score,
                frozenset(terms),
                frozenset(ids),
                {**about, **terms, **ids},
                numbers,
                dates,
                frozenset(about),
                frozenset(actors),
            )
        )
    return claims
