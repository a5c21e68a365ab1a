"""What the grouping knows of an article: its date, names, rare words, lead and text.

:func:`article_features` makes an article's :class:`Features` once and keeps
them in the library's ``derived`` table (kind ``story-features``), keyed by
the article's content, its metadata and the entity recogniser's version, so
a regrouping of thousands of articles reads them back instead of making them
again. The sentence vector of the title and lead is kept the same way by
:func:`duizhao.core.meaning.article_vectors` (kind ``story``).

- **entities**: the linked ids (``entity_id`` joins 川普 and 特朗普, and
  both scripts) of the people, places and organisations the article names;
- **words**: the content words of the title and lead, as the normalised
  Simplified analysis text cuts them;
- **meaning**: the title and lead in that analysis text, with linked names
  written canonically (as the comparison does for its claims);
- **shingles**: hashes of overlapping character runs of the body, to tell a
  syndicated copy from a rewrite (:func:`copy_share`);
- **date**: the publication day, or None.

Hashes are CRC-32, not ``hash()``, so nothing depends on ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from duizhao.core.text import analysis_view, convert, shared_segmenter

#: bump when what is extracted changes: cached features are then made again
FEATURES_VERSION = 1
KIND = "story-features"
#: characters of the body read as its lead (after the title)
LEAD_CHARS = 160
#: characters of the body shingled to recognise copies, and how many of the
#: smallest shingle hashes are kept (a bottom-k sketch estimates the overlap)
COPY_CHARS = 1_500
SHINGLE = 6
SKETCH = 128
NAME_TYPES = ("PERSON", "PLACE", "ORG")
_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]+$")
_SPACE = re.compile(r"\s+")
#: common words that say nothing of which event it is
_STOP = frozenset(
    [
        "我们",
        "他们",
        "你们",
        "一个",
        "没有",
        "可以",
        "表示",
        "认为",
        "已经",
        "进行",
        "以及",
        "目前",
        "今天",
        "昨天",
        "今年",
        "去年",
        "记者",
        "报道",
        "新闻",
        "消息",
        "指出",
        "这个",
        "那个",
        "因为",
        "所以",
        "如果",
        "但是",
        "而且",
        "其中",
        "之后",
        "之前",
        "以上",
        "以下",
        "当地",
        "时间",
        "相关",
        "就是",
        "还是",
        "不是",
        "这些",
        "那些",
        "一些",
        "问题",
        "情况",
        "方面",
        "表明",
        "透露",
        "宣布",
        "发布",
        "来源",
        "编辑",
        "this",
        "that",
        "with",
        "from",
        "have",
        "been",
        "will",
        "said",
    ]
)


@dataclass(frozen=True, slots=True)
class Features:
    article_id: int
    date: dt.date | None
    outlet: str
    title: str
    meaning: str  # title and lead, analysis text, names canonical
    entities: tuple[str, ...]  # sorted linked ids
    names: dict[str, str]  # linked id -> canonical name (analysis script)
    words: tuple[str, ...]  # sorted content words of title and lead
    shingles: frozenset[int]

    def to_json(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "outlet": self.outlet,
            "title": self.title,
            "meaning": self.meaning,
            "entities": list(self.entities),
            "names": self.names,
            "words": list(self.words),
            "shingles": sorted(self.shingles),
        }

    @classmethod
    def from_json(cls, article_id: int, data: dict[str, Any]) -> Features:
        date = data.get("date")
        return cls(
            article_id,
            dt.date.fromisoformat(date) if date else None,
            str(data.get("outlet") or ""),
            str(data.get("title") or ""),
            str(data.get("meaning") or ""),
            tuple(str(x) for x in data.get("entities", [])),
            {str(k): str(v) for k, v in dict(data.get("names", {})).items()},
            tuple(str(x) for x in data.get("words", [])),
            frozenset(int(x) for x in data.get("shingles", [])),
        )


def published_day(stamp: str | None) -> dt.date | None:
    """The day of an ISO date or date-time, or None."""
    if not stamp:
        return None
    try:
        return dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def _key(article: Any, recogniser: str) -> str:
    meta = article.metadata
    parts = (
        str(FEATURES_VERSION),
        recogniser,
        article.content_hash,
        meta.title or "",
        meta.published or "",
        meta.source or "",
    )
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def make_features(article: Any, entities: list[Any]) -> Features:
    """The features of an article and its recognised entities (no library)."""
    meta = article.metadata
    title = (meta.title or "").strip()
    body = article.text
    lead_start, lead_end = _lead(body, title)
    names: dict[str, str] = {}
    for e in entities:
        if e.type in NAME_TYPES and e.entity_id:
            names.setdefault(e.entity_id, convert(e.canonical or e.text, "t2s"))
    lead = _canonical_lead(article, lead_start, lead_end, entities, names)
    analysed_title = _canonical_title(convert(title, "t2s") if title else "", entities, names)
    return Features(
        article.id,
        published_day(meta.published),
        (meta.source or "").strip(),
        title,
        "。".join(x for x in (analysed_title, lead) if x),
        tuple(sorted(names)),
        dict(sorted(names.items())),
        _words(analysed_title + "\n" + lead),
        shingles(analysis_view(body[:COPY_CHARS], article.script).text),
    )


def _lead(body: str, title: str) -> tuple[int, int]:
    """Where the lead is in the body: its first characters after any repeated title."""
    start = len(body) - len(body.lstrip())
    if title and body[start:].startswith(title):
        start += len(title)
    return start, min(len(body), start + LEAD_CHARS)


def _canonical_lead(
    article: Any, start: int, end: int, entities: list[Any], names: dict[str, str]
) -> str:
    """The lead in the analysis script, each linked name written canonically."""
    view = analysis_view(article.text[:end], article.script)
    out, at = [], view.to_view(start, start)[0]
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.entity_id not in names or e.start < start or e.end > end:
            continue
        v_start, v_end = view.to_view(e.start, e.end)
        if v_start < at:
            continue
        out.append(view.text[at:v_start])
        out.append(names[e.entity_id])
        at = v_end
    out.append(view.text[at:])
    return _SPACE.sub(" ", "".join(out)).strip()


def _canonical_title(title: str, entities: list[Any], names: dict[str, str]) -> str:
    """The title with names the body links written canonically (names of two
    or more characters: a one-character abbreviation is too ambiguous)."""
    surfaces: dict[str, str] = {}
    for e in entities:
        if e.entity_id in names:
            written = convert(e.text, "t2s")
            if len(written) >= 2 and written != names[e.entity_id]:
                surfaces.setdefault(written, names[e.entity_id])
    for written in sorted(surfaces, key=lambda s: (-len(s), s)):
        title = title.replace(written, surfaces[written])
    return title


def _words(text: str) -> tuple[str, ...]:
    segmenter = shared_segmenter()
    found = set()
    for start, end in segmenter.cut(text):
        word = text[start:end].lower()
        if _WORD.match(word) and word not in _STOP:
            found.add(word)
    return tuple(sorted(found))


def shingles(text: str) -> frozenset[int]:
    """The :data:`SKETCH` smallest CRC-32s of the runs of :data:`SHINGLE`
    non-space characters (a bottom-k sketch of the text)."""
    squeezed = _SPACE.sub("", text)
    every = {
        zlib.crc32(squeezed[i : i + SHINGLE].encode("utf-8"))
        for i in range(max(0, len(squeezed) - SHINGLE + 1))
    }
    return frozenset(sorted(every)[:SKETCH])


def copy_share(a: frozenset[int], b: frozenset[int]) -> float:
    """The estimated Jaccard overlap of two texts' shingles (0 … 1) from their sketches."""
    if not a or not b:
        return 0.0
    union = sorted(a | b)[:SKETCH]
    return sum(1 for h in union if h in a and h in b) / len(union)


def article_features(library: Any, article: Any, *, store: bool = True) -> Features:
    """An article's features, from the library when current, else made now
    (its entities recognised if need be) and kept unless ``store`` is False."""
    from duizhao.core.entities import article_entities, default_recogniser, find_entities

    recogniser = default_recogniser()
    key = _key(article, recogniser.version())
    data = library.cached_derived(article.id, KIND, key)
    if data is not None:
        try:
            return Features.from_json(article.id, json.loads(data.decode("utf-8")))
        except (ValueError, TypeError, AttributeError):
            pass  # a damaged entry is made again
    if store:
        entities = article_entities(library, article, recogniser)
    else:
        entities = find_entities(library, article, recogniser).entities
    features = make_features(article, list(entities))
    if store:
        encoded = json.dumps(features.to_json(), ensure_ascii=False, sort_keys=True)
        library.store_derived(article.id, KIND, key, encoded.encode("utf-8"))
    return features
