"""Entities: people, places, organisations, dates and numbers, linked across scripts.

Recognition
    runs on an article's normalised Simplified analysis text
    (:func:`~duizhao.core.text.script.analysis_view`) and every span it returns is
    in code points of the article's original text, mapped back through the
    view's offset map. The text is cut into sentences and the sentences into
    chunks of at most :data:`~duizhao.core.entities.lac.MAX_CHUNK` characters (at a
    comma when there is one), which Baidu LAC (:mod:`duizhao.core.entities.lac`)
    tags in batches. Its ``PER``/``LOC``/``ORG`` words are the first
    candidates; on top of them:

    gazetteer
        every name of :mod:`duizhao.core.entities.gazetteer` found in the text
        (:mod:`duizhao.core.entities.names`) whose ends fall on LAC word
        boundaries is a candidate too, with the gazetteer's type, and so is a
        known place that starts a longer common word (中国 in 中国人);
    span repair
        (:mod:`duizhao.core.entities.repair`) names LAC cut in two are joined
        (高市 + 早苗, 唐纳德 · 特朗普), names it ran together cut apart, titles,
        particles and generic words of location trimmed (江主席, 四川东部),
        a place and an organisation word made one organisation (北京 + 大学),
        a country and its government made the country (中国政府), place
        compounds split (中美 → 中 + 美; 访华, 美方), and titles of works and
        other proper nouns tagged again on their own to find the names inside
        (邓小平 in 《邓小平文选》);
    bodies and places
        ministries and agencies named bare by field and kind (内政部, 海关总署,
        fused with a title: 内政部长; :mod:`duizhao.core.entities.bodies`), and
        places LAC cut before their unit (光 + 复乡 → 光复乡;
        :mod:`duizhao.core.entities.places`);
    rules
        dates and numbers (:mod:`duizhao.core.entities.rules`), and LAC's time
        words where they are dates (上周, not 目前); a match that starts with a
        Han character must be whole LAC words (no number in 零部件).

    Where candidates overlap the longest wins (北京大学 over 北京), then the
    gazetteer over LAC over the rules. The mentions chosen then go through
    the Latin names (:mod:`duizhao.core.entities.latin`: whole runs of
    capitalised words, glosses in brackets, a glossed name found again where
    it recurs), what stands around them (:mod:`duizhao.core.entities.context`:
    periodicals in 《》, 某某案, terms and pairs named after people, storm
    names), the endings of organisations' names
    (:mod:`duizhao.core.entities.organisations`: 恒大 + 物业, 美国科技公司 is
    美国) and the bylines and credit lines, whose names are people
    (:mod:`duizhao.core.entities.credits`: 编辑：高山 夏天); last, a single
    character is a name only as a place's standing abbreviation (中, 美,
    华 …). :class:`Options` switches each improvement off, for the
    evaluation's ablation.

Linking
    every entity gets an ``entity_id``: the gazetteer id of the entry its text
    names (川普, 特朗普 and 唐纳德·特朗普 are all ``donald-trump``; 習近平 in a
    Traditional article is ``xi-jinping``), else an id made from its
    normalised form (``name:`` + :func:`~duizhao.core.entities.gazetteer.normalise`, so
    an unknown name is one entity in both scripts), ``date:`` + an ISO date
    where one can be given, or ``number:`` + the folded number
    (:func:`link`). ``canonical`` is the gazetteer's name or the Simplified
    form of the text. Where OpenCC's phrase conversion made the view's map
    coarser than the entity (Taiwan 哈薩克斯坦總統 became 哈萨克斯坦斯坦总统
    in one block), the span is narrowed to the characters that convert into
    the entity, and the name as written is looked up too.

Storage
    :func:`article_entities` reads an article's entities from the library's
    cache (keyed by :meth:`Recogniser.version` and the article's content
    hash) or computes and stores them; :func:`analyse_library` does the whole
    library with progress and cancellation, for a worker thread.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from duizhao.core.entities import rules as entity_rules
from duizhao.core.entities.bodies import find_bodies
from duizhao.core.entities.context import in_context
from duizhao.core.entities.credits import credit_names
from duizhao.core.entities.gazetteer import Gazetteer, default_gazetteer, normalise
from duizhao.core.entities.lac import MAX_CHUNK, Lac, Word, model_version, release_freed_memory
from duizhao.core.entities.latin import latin_names, recurring
from duizhao.core.entities.names import NameMatcher
from duizhao.core.entities.organisations import organisations
from duizhao.core.entities.places import unit_places
from duizhao.core.entities.repair import (
    Mention,
    abbreviated_places,
    place_abbreviation,
    repair,
    resolve,
    stands_alone,
)
from duizhao.core.library import ENTITY_TYPES, Article, Entity
from duizhao.core.text import (
    Script,
    View,
    analysis_view,
    converter,
    converter_version,
    detect_script,
    sentences,
)

if TYPE_CHECKING:
    from duizhao.core.library import Library

#: Bump when what the recogniser returns changes; cached results are then redone.
VERSION = 5  # 5: names an index or a Games is named after; credit lines
TYPES = ENTITY_TYPES
_FROM_LAC = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
_COMMON_TAGS = frozenset({"n", "nz", "nw", "vn", "v", "s", "an", "a"})
#: LAC's tags for titles of works and other proper nouns, which may hold a name.
_TITLE_TAGS = frozenset({"nw", "nz"})
#: What is named after a known name in one word (纳斯达克指数, 巴黎奥运): the
#: name is tagged, the index or the Games are not.
NAMED_AFTER = frozenset(
    ("指数", "综合指数", "工业指数", "工业平均指数", "奥运", "奥运会", "亚运", "亚运会", "世博会")
)
#: Characters of analysis text handed to LAC at a time: bounds memory on long texts.
BLOCK_CHARS = 65_536
#: Where a long sentence may be cut, best first.
_SOFT_BREAKS = "，,；;：:、 \u3000"


class RecognitionCancelled(Exception):
    """Recognition stopped between two blocks because the caller asked."""


@dataclass(frozen=True, slots=True)
class Options:
    """Which improvements on LAC run (all, normally; the evaluation switches them)."""

    gazetteer: bool = True
    repair: bool = True
    rules: bool = True

    def label(self) -> str:
        on = [name for name in ("gazetteer", "repair", "rules") if getattr(self, name)]
        return "+".join(on) or "lac"


class Recogniser:
    """Entity recognition and linking. Thread-safe; the model loads on first use."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        lac: Lac | None = None,
        options: Options | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self.lac = lac or shared_lac()
        self.options = options or Options()
        self._matcher: NameMatcher | None = None
        self._version: str | None = None
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    @property
    def matcher(self) -> NameMatcher:
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = NameMatcher(self.gazetteer)
        return self._matcher

    def start(self) -> None:
        """Load the model and the gazetteer now (from a worker thread)."""
        self.lac.start()
        if self.options.gazetteer:
            _ = self.matcher

    def version(self) -> str:
        """What cached results were made with: this module, the model, the
        gazetteer's names, the view maps and the options."""
        if self._version is None:
            self._version = self._make_version()
        return self._version

    def _make_version(self) -> str:
        names = hashlib.sha256(
            json.dumps(sorted(self.gazetteer.aliases().items())).encode("utf-8")
        ).hexdigest()[:12]
        return (
            f"entities-{VERSION}/{model_version()}/gazetteer-{names}/"
            f"{converter_version()}/{self.options.label()}"
        )

    # -- recognition ------------------------------------------------------------

    def recognise(
        self,
        text: str,
        script: Script | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Entity]:
        """The entities of ``text`` (an article's original text), in order."""
        return self.recognise_many([text], [script], cancelled)[0]

    def recognise_many(
        self,
        texts: Sequence[str],
        scripts: Sequence[Script | None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[list[Entity]]:
        """:meth:`recognise` for many texts, LAC batched across all of them."""
        views = []
        for k, text in enumerate(texts):
            script = scripts[k] if scripts is not None else None
            views.append(analysis_view(text, script or detect_script(text)))
        return self.recognise_views(views, cancelled)

    def recognise_views(
        self, views: Sequence[View], cancelled: Callable[[], bool] | None = None
    ) -> list[list[Entity]]:
        """Entities of analysis views already made (see :func:`analysis_view`).

        The texts are cut into regions of whole chunks, at most
        :data:`BLOCK_CHARS` characters each; LAC tags a block of regions at a
        time and only that block's words are held, so memory stays bounded
        however long a text is. ``cancelled()`` is asked before each block
        (:class:`RecognitionCancelled` ends the work there), so a window closing
        waits for one block at most, not a whole article."""
        found: list[list[Entity]] = [[] for _ in views]
        block: list[tuple[int, int, int, list[tuple[int, str]]]] = []
        size = 0
        for index, view in enumerate(views):
            for start, end, pieces in _regions(view.text):
                block.append((index, start, end, pieces))
                size += end - start
                if size >= BLOCK_CHARS:
                    if cancelled is not None and cancelled():
                        raise RecognitionCancelled
                    self._run_block(views, block, found)
                    block, size = [], 0
        if block:
            if cancelled is not None and cancelled():
                raise RecognitionCancelled
            self._run_block(views, block, found)
        return found

    def _run_block(
        self,
        views: Sequence[View],
        block: list[tuple[int, int, int, list[tuple[int, str]]]],
        found: list[list[Entity]],
    ) -> None:
        texts = [chunk for *_, pieces in block for _, chunk in pieces]
        tagged = iter(self.lac.analyse(texts))
        regions: list[tuple[int, int, str, list[Word]]] = []
        for index, start, end, pieces in block:
            words = [
                Word(offset + w.start - start, offset + w.end - start, w.tag)
                for offset, _ in pieces
                for w in next(tagged)
            ]
            words.sort(key=lambda w: w.start)
            regions.append((index, start, views[index].text[start:end], words))
        inner = self._inner_names(regions) if self.options.repair else {}
        for k, (index, start, region, words) in enumerate(regions):
            view = views[index]
            for mention in self._mentions(region, words, inner.get(k, [])):
                entity = self._entity(view, region, mention, start)
                if entity is not None:
                    found[index].append(entity)

    def _inner_names(
        self, regions: list[tuple[int, int, str, list[Word]]]
    ) -> dict[int, list[Mention]]:
        """Names inside titles of works and other proper nouns (邓小平 in
        《邓小平文选》 or 邓小平理论): such a word is tagged again on its own,
        where LAC sees the name in it. Per region, in its offsets."""
        spans: list[tuple[int, int]] = []  # (region, word start)
        texts: list[str] = []
        for k, (_, _, region, words) in enumerate(regions):
            for w in words:
                if w.tag in _TITLE_TAGS and w.end - w.start >= 3:
                    spans.append((k, w.start))
                    texts.append(region[w.start : w.end])
        out: dict[int, list[Mention]] = {}
        for (k, offset), text, words in zip(spans, texts, self.lac.analyse(texts), strict=True):
            for w in words:
                if w.tag in _FROM_LAC and w.end - w.start < len(text):
                    mention = Mention(offset + w.start, offset + w.end, _FROM_LAC[w.tag], 2)
                    out.setdefault(k, []).append(mention)
        return out

    def _entity(self, view: View, region: str, mention: Mention, offset: int) -> Entity | None:
        surface = region[mention.start : mention.end]
        start, end = view.to_original(mention.start + offset, mention.end + offset)
        if end - start != len(surface):
            start, end = _refine(view.original, start, end, surface)
        if end <= start:
            return None
        entity_type, entity_id, canonical = self._link(
            surface, mention.type, view.original[start:end]
        )
        return Entity(start, end, view.original[start:end], entity_type, entity_id, canonical)

    def _mentions(self, text: str, words: list[Word], inner: list[Mention]) -> list[Mention]:
        options = self.options
        candidates: list[Mention] = list(inner)
        named = [w for w in words if w.tag in _FROM_LAC]
        if options.repair:
            known = self._known if options.gazetteer else (lambda _: None)
            candidates.extend(repair(text, words, known))
            candidates.extend(abbreviated_places(text, words))
            candidates.extend(Mention(s, e, "ORG", 3) for s, e in find_bodies(text, words))
            candidates.extend(Mention(s, e, "PLACE", 2) for s, e in unit_places(text, words, known))
        else:
            candidates.extend(Mention(w.start, w.end, _FROM_LAC[w.tag], 2) for w in named)
        if options.gazetteer:
            starts = {w.start: w for w in words}
            ends = {w.end for w in words}
            for start, end, entry in self.matcher.find(text):
                if (
                    start in starts
                    and end in ends
                    or (  # a place that starts a longer common word: 中国人, 四川盆地
                        entry.type == "PLACE"
                        and start in starts
                        and starts[start].end > end
                        and starts[start].tag in _COMMON_TAGS
                    )
                    or (  # a name an index or a Games is named after: 纳斯达克指数, 巴黎奥运
                        start in starts and text[end : starts[start].end] in NAMED_AFTER
                    )
                ):
                    candidates.append(Mention(start, end, entry.type, 3))
        if options.rules:
            word_starts = {w.start for w in words}
            word_ends = {w.end for w in words}
            for item in entity_rules.find(text):
                # a rule match that starts with a Han character must be whole
                # words (零部件 holds no number, 一时 no time)
                if _is_han(text[item.start]) and not (
                    item.start in word_starts and item.end in word_ends
                ):
                    continue
                candidates.append(Mention(item.start, item.end, item.type, 1))
            for w in words:
                if w.tag == "TIME" and entity_rules.is_date_word(text[w.start : w.end]):
                    candidates.append(Mention(w.start, w.end, "DATE", 0))
        mentions = resolve(candidates)
        if options.repair:
            mentions = recurring(text, latin_names(text, mentions))
            mentions = organisations(text, words, in_context(text, mentions), self._known)
            mentions = credit_names(text, mentions, self._known)
            mentions = [m for m in mentions if stands_alone(text, m)]
        return mentions

    def _known(self, surface: str) -> str | None:
        entry = self.gazetteer.lookup(surface)
        return None if entry is None else entry.type

    def _link(self, surface: str, entity_type: str, written: str = "") -> tuple[str, str, str]:
        """(type, entity_id, canonical) of a span of analysis text (``written``:
        the same span in the original text, tried when the analysis form is unknown)."""
        if entity_type in ("DATE", "NUMBER"):
            return entity_type, *link(surface, entity_type)
        entry = self.gazetteer.lookup(surface)
        if entry is None and written and written != surface:
            entry = self.gazetteer.lookup(written)
        if entry is not None:  # the gazetteer's type, so one entity has one type
            kind = entry.type if self.options.gazetteer else entity_type
            return kind, entry.id, entry.name
        if entity_type == "PLACE" and len(surface) == 1:
            entry = self.gazetteer.entry(place_abbreviation(surface) or "")
            if entry is not None:
                return entry.type, entry.id, entry.name
        return entity_type, *link(surface, entity_type)


def entity_id_for(surface: str, gazetteer: Gazetteer | None = None) -> str:
    """The ``entity_id`` a name typed by a user stands for, in either script
    (for a search filter such as ``entity:川普``): the gazetteer's id, else the
    id recognition gives the name when it does not know it."""
    entry = (gazetteer or default_gazetteer()).lookup(surface)
    return entry.id if entry is not None else "name:" + normalise(surface)


def link(surface: str, entity_type: str) -> tuple[str, str]:
    """(entity_id, canonical) of a name the gazetteer does not know, a date or
    a number, from its analysis (Simplified) text."""
    if entity_type == "DATE":
        return "date:" + entity_rules.date_key(surface), surface.strip()
    if entity_type == "NUMBER":
        return "number:" + entity_rules.number_key(surface), surface.strip()
    return "name:" + normalise(surface), surface.strip()


# -- chunks -------------------------------------------------------------------------


def chunks(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, str]]:
    """``text`` as (offset, chunk): its sentences, each cut to at most ``limit``
    characters at a comma where it can, else at ``limit``. Chunks with no
    letter, digit or Han character are left out."""
    out: list[tuple[int, str]] = []
    for start, end in sentences(text):
        while end - start > limit:
            cut = _cut(text, start, start + limit)
            _keep(text, start, cut, out)
            start = cut
        _keep(text, start, end, out)
    return out


def _cut(text: str, start: int, stop: int) -> int:
    """Where to cut ``text[start:stop]``: after the last soft break in its second half."""
    for k in range(stop - 1, start + (stop - start) // 2, -1):
        if text[k] in _SOFT_BREAKS:
            return k + 1
    return stop


def _refine(original: str, start: int, end: int, surface: str) -> tuple[int, int]:
    """The part of ``original[start:end]`` that an entity's analysis ``surface``
    stands for, where the view's map only knows a coarser block (OpenCC's phrase
    conversions: Taiwan 哈薩克斯坦總統 became 哈萨克斯坦斯坦总统 in one piece):
    the longest run whose characters convert one by one into a run of the
    surface, if it is at least two characters (or the whole surface)."""
    covering = original[start:end]
    chars = converter("t2s").charwise(covering)
    best_at, best_size = 0, 0
    for i in range(len(chars)):
        for j in range(len(surface)):
            size = 0
            while (
                i + size < len(chars)
                and j + size < len(surface)
                and chars[i + size] == surface[j + size]
            ):
                size += 1
            if size > best_size:
                best_at, best_size = i, size
    if best_size >= min(2, len(surface)):
        return start + best_at, start + best_at + best_size
    return start, end


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _regions(text: str) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """``text``'s chunks grouped into regions of at most :data:`BLOCK_CHARS`
    characters: (start, end, [(offset, chunk)]), offsets in ``text``."""
    regions: list[tuple[int, int, list[tuple[int, str]]]] = []
    pieces: list[tuple[int, str]] = []
    for offset, chunk in chunks(text):
        if pieces and offset + len(chunk) - pieces[0][0] > BLOCK_CHARS:
            regions.append((pieces[0][0], pieces[-1][0] + len(pieces[-1][1]), pieces))
            pieces = []
        pieces.append((offset, chunk))
    if pieces:
        regions.append((pieces[0][0], pieces[-1][0] + len(pieces[-1][1]), pieces))
    return regions


def _keep(text: str, start: int, end: int, out: list[tuple[int, str]]) -> None:
    piece = text[start:end]
    if any(ch.isalnum() for ch in piece):
        out.append((start, piece))


# -- the shared recogniser and the library cache ------------------------------------


@cache
def shared_lac() -> Lac:
    """One LAC per process (the model takes ~100 MB)."""
    return Lac()


@cache
def default_recogniser() -> Recogniser:
    return Recogniser()


def to_cache(entities: list[Entity]) -> str:
    """Entities as the library stores them (the text is read back from the article)."""
    return json.dumps(
        [[e.start, e.end, e.type, e.entity_id, e.canonical] for e in entities],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def from_cache(data: str, text: str) -> list[Entity]:
    return [
        Entity(start, end, text[start:end], entity_type, entity_id, canonical)
        for start, end, entity_type, entity_id, canonical in json.loads(data)
    ]


@dataclass(frozen=True, slots=True)
class Found:
    """An article's entities and, when they were recognised just now, the cache
    entry to store (``None`` when they came from the cache)."""

    entities: list[Entity]
    version: str
    entry: str | None


def find_entities(
    library: Library,
    article: Article,
    recogniser: Recogniser | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Found:
    """An article's entities from the cache when it is current, else recognised
    now; reads the library only (the window stores the entry through its writer).
    Raises :class:`RecognitionCancelled` when ``cancelled()`` says so between blocks."""
    recogniser = recogniser or default_recogniser()
    return cached_found(library, article, recogniser) or recognise_found(
        article, recogniser, cancelled
    )


def cached_found(library: Library, article: Article, recogniser: Recogniser) -> Found | None:
    """An article's entities from the library's cache when current, else None."""
    version = recogniser.version()
    cached = library.cached_entities(article.id, version, article.content_hash)
    return None if cached is None else Found(from_cache(cached, article.text), version, None)


def recognise_found(
    article: Article, recogniser: Recogniser, cancelled: Callable[[], bool] | None = None
) -> Found:
    """An article's entities recognised now, with the cache entry to store; needs
    no library, so it may run on a worker thread."""
    if cancelled is None:  # a recogniser of the caller's may not take the flag
        entities = recogniser.recognise(article.text, article.script)
    else:
        entities = recogniser.recognise(article.text, article.script, cancelled)
    release_freed_memory()  # the model's buffers for this article: ~7 MB each, else kept
    return Found(entities, recogniser.version(), to_cache(entities))


def remember_entities(library: Library, article: Article, found: Found) -> None:
    """Store a fresh recognition from :func:`find_entities` in the cache."""
    if found.entry is not None:
        library.store_entities(article.id, found.version, article.content_hash, found.entry)


def article_entities(
    library: Library, article: Article, recogniser: Recogniser | None = None
) -> list[Entity]:
    """An article's entities, from the cache when it is current, else
    recognised now and stored."""
    found = find_entities(library, article, recogniser)
    remember_entities(library, article, found)
    return found.entities


def analyse_library(
    library: Library,
    recogniser: Recogniser | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Recognise every article whose cached entities are missing or stale;
    ``progress(done, total)`` after each, stop early when ``cancelled()``.
    Returns how many were analysed. Call it from a worker thread with that
    thread's own :class:`~duizhao.core.library.store.Library`."""
    recogniser = recogniser or default_recogniser()
    version = recogniser.version()
    todo = library.stale_entities(version)
    done = 0
    for article_id in todo:
        if cancelled is not None and cancelled():
            break
        article = next(iter(library.articles([article_id])), None)
        if article is not None:
            entities = recogniser.recognise(article.text, article.script)
            library.store_entities(article.id, version, article.content_hash, to_cache(entities))
        done += 1
        if progress is not None:
            progress(done, len(todo))
    return done


def in_view(entities: Sequence[Entity], view: View) -> list[dict[str, object]]:
    """Entities as ``duizhao show --json`` lists them: offsets mapped into the
    view's text (:meth:`View.to_view`), the text as the view shows it."""
    out: list[dict[str, object]] = []
    for entity in entities:
        start, end = view.to_view(entity.start, entity.end)
        out.append(
            {
                "start": start,
                "end": end,
                "text": view.text[start:end],
                "type": entity.type,
                "entity_id": entity.entity_id,
            }
        )
    return out
