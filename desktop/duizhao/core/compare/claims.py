"""Claims: the sentences of an article worth checking, each with its frame.

A :class:`Document` is what the comparison needs of an article (text,
script, entities, publication date). :func:`extract_claims` reads its
normalised Simplified analysis text sentence by sentence, drops noise
(questions, calls to action, disclaimers, link lists, credits), and keeps
the sentences whose :class:`~duizhao.core.compare.frames.Frame` holds at
least one fact, as :class:`Claim` objects: the sentence's span and text in
the original article, who asserts it (:mod:`.attribution`), its frame, and
the spans of its facts in the original text.

:attr:`Claim.meaning` is what the sentence encoder reads: the normalised text
with every linked name replaced by its canonical name, so 川普 and 特朗普, or a
Traditional and a Simplified sentence, are embedded alike.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from duizhao.core.compare.attribution import source_of
from duizhao.core.compare.frames import Fact, Frame, Mention, build_frame
from duizhao.core.compare.lexicon import CALL_TO_ACTION, DISCLAIMER, LINKS
from duizhao.core.compare.numerals import fold
from duizhao.core.text import Script, analysis_view, convert, sentences, shared_segmenter

#: sentences longer than this are read in pieces of this size (a run-on list)
MAX_SENTENCE = 400


@dataclass(frozen=True, slots=True)
class Document:
    """What a comparison needs of an article."""

    id: int
    title: str
    text: str
    script: Script
    entities: tuple[Any, ...] = ()  # duizhao.core.library.Entity
    published: dt.date | None = None
    outlet: str = ""
    url: str = ""  # where it was published, for the citation next to each claim
    author: str = ""
    #: a date known only to the month: ``published`` is its first day, this its last
    published_last: dt.date | None = None
    region: str | None = None  # picks the analysis text's configuration


@dataclass(frozen=True, slots=True)
class Claim:
    article: int
    index: int  # its place among the article's claims
    start: int  # the sentence, in code points of the original text
    end: int
    text: str
    norm: str  # the sentence's normalised text, digits folded
    meaning: str  # what the sentence encoder reads
    source: str  # who asserts it, as written ("" when the outlet itself)
    frame: Frame
    spans: tuple[tuple[int, int], ...]  # each fact's focus, original text
    published: dt.date | None

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self.frame.facts

    def focus(self, fact: Fact) -> tuple[int, int]:
        return self.spans[self.frame.facts.index(fact)]

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source": self.source,
        }


def excluded(norm: str) -> bool:
    """Noise that is never a claim: too short, a question, a call to action, a
    disclaimer or credit line, a list of links, a table row of pipes."""
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
    if any(w in stripped for w in LINKS) or (
        stripped.startswith(("![", "[", "-", "·", "•")) and "](" in stripped
    ):
        return True
    if re.search(r"《[^》]+》\s*\d{4}-\d{2}-\d{2}$", stripped):  # a citation line
        return True
    return stripped.count("|") >= 2


#: claims of recently compared documents (oldest first)
_CACHE: OrderedDict[tuple[object, ...], tuple[Claim, ...]] = OrderedDict()
CACHE_SIZE = 256
_CACHE_LOCK = threading.Lock()


def _fingerprint(doc: Document) -> tuple[object, ...]:
    spans = tuple(
        (e.start, e.end, e.entity_id, getattr(e, "type", ""), e.canonical) for e in doc.entities
    )
    when = (doc.published, doc.published_last)
    return (doc.id, doc.script, doc.region, doc.text, when, spans, id(shared_segmenter()))


def extract_claims(doc: Document) -> list[Claim]:
    """The claims of ``doc`` in text order. The last :data:`CACHE_SIZE` documents'
    claims are kept, so comparing a selection again does not read them again."""
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


def _pieces(text: str) -> list[tuple[int, int]]:
    """Sentences, a very long one cut at clause marks into readable pieces."""
    out: list[tuple[int, int]] = []
    for start, end in sentences(text):
        while end - start > MAX_SENTENCE:
            cut = max(
                (m.end() for m in re.finditer(r"[，,；;、]", text[start : start + MAX_SENTENCE])),
                default=MAX_SENTENCE,
            )
            out.append((start, start + cut))
            start += cut
        if end > start:
            out.append((start, end))
    return out


def _extract(doc: Document) -> list[Claim]:
    view = analysis_view(doc.text, doc.script, doc.region)
    names = [e for e in doc.entities if getattr(e, "type", "") not in ("DATE", "NUMBER")]
    canonical = {e.entity_id: convert(e.canonical or e.text, "t2s") for e in names}
    segmenter = shared_segmenter()
    claims: list[Claim] = []
    for start, end in _pieces(doc.text):
        v_start, v_end = view.to_view(start, end)
        norm = fold(view.text[v_start:v_end])
        if excluded(norm):
            continue
        mentions = _mentions(names, start, end, view, v_start)
        frame = build_frame(norm, mentions, doc.published, segmenter, doc.published_last)
        if not frame.facts:
            continue
        spans = tuple(_to_original(view, v_start, f.start, f.end, start, end) for f in frame.facts)
        who = source_of(norm)
        source = ""
        if who is not None:
            s, e = _to_original(view, v_start, who[0], who[1], start, end)
            source = doc.text[s:e].strip()
        claims.append(
            Claim(
                doc.id,
                len(claims),
                start,
                end,
                doc.text[start:end],
                norm,
                _meaning(norm, mentions, canonical),
                source,
                frame,
                spans,
                doc.published,
            )
        )
    return claims


def _mentions(names: list[Any], start: int, end: int, view: Any, v_start: int) -> list[Mention]:
    found = []
    for e in names:
        if e.start >= start and e.end <= end and e.entity_id:
            s, t = view.to_view(e.start, e.end)
            found.append(Mention(s - v_start, t - v_start, e.entity_id, e.type))
    return found


def _to_original(view: Any, v_start: int, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    a, b = view.to_original(v_start + s, v_start + max(e, s))
    return max(lo, a), min(hi, max(a, b))


def _meaning(norm: str, mentions: list[Mention], canonical: dict[str, str]) -> str:
    """The sentence with linked names written canonically (for the encoder)."""
    out, at = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < at:
            continue
        out.append(norm[at : m.start])
        out.append(canonical.get(m.entity_id, norm[m.start : m.end]))
        at = m.end
    out.append(norm[at:])
    return "".join(out)
