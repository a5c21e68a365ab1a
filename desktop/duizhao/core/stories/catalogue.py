"""The library's stories: grouping kept in the library, incremental, corrected by hand.

Tables (schema migration 7): ``stories`` (id, label), ``story_members``
(each live article's story, and which article it is a copy of),
``story_pins`` (an article the user put in a story) and ``story_merges``
(a story the user merged into another).

- :func:`regroup` groups the whole library again (:mod:`.grouping`), then
  gives each group the id of the old story it overlaps most, so ids stay
  stable, and applies the user's merges and pins on top: corrections
  survive every regrouping.
- :class:`StoryIndex` holds the library's features in memory, so an
  imported article is assigned (:meth:`StoryIndex.assign`) by scoring it
  against the others once: it joins the story it scores best with on
  average, or starts its own. Articles in the trash leave their story.
- :func:`move_article`, :func:`split_story`, :func:`merge_stories` and
  :func:`unpin` are the corrections; :func:`list_stories` and
  :func:`get_story` read what is stored.

Everything is ordered by ids and dates, never by hash order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from duizhao.core.library import described_outlets
from duizhao.core.stories.coverage import described_region, outlet_and_region
from duizhao.core.stories.features import Features, article_features, copy_share
from duizhao.core.stories.grouping import (
    COMMON_NAME,
    COPY_KEYS,
    COPY_SHARE,
    NEIGHBOURS,
    THRESHOLD,
    Scorer,
    cluster,
    copy_groups,
    nearest,
)
from duizhao.core.stories.labels import story_label
from duizhao.core.yielding import breathe, let_go

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class StoryError(ValueError):
    """Bad input for a story correction (unknown story or article); one line."""


class StoriesCancelled(Exception):  # noqa: N818 - the name says what happened
    """Raised when the ``cancelled`` callback of a regrouping answers True."""


@dataclass(slots=True)
class Story:
    id: int
    label: str
    articles: list[int]  # by date, then id
    outlets: list[str]
    regions: dict[str, int]
    first: str | None
    last: str | None
    copies: dict[int, int] = field(default_factory=dict)  # copy -> the article it copies
    pinned: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "label": self.label,
            "articles": self.articles,
            "outlets": self.outlets,
            "regions": self.regions,
            "first": self.first,
            "last": self.last,
            "copies": {str(k): v for k, v in sorted(self.copies.items())},
            "pinned": self.pinned,
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- features of the whole library ---------------------------------------------------------


def _vector(library: Any, features: Features) -> np.ndarray:
    from duizhao.core.meaning import article_vectors, shared_encoder

    return article_vectors(library, features.article_id, "story", [features.meaning],
                           shared_encoder())[0]  # fmt: skip


def _load(
    library: Any, progress: Progress | None, cancelled: Cancelled | None
) -> tuple[list[Features], np.ndarray, dict[int, Any]]:
    from duizhao.core.meaning import one_blas_thread

    ids = library.ids()
    features: list[Features] = []
    vectors: list[np.ndarray] = []
    articles: dict[int, Any] = {}
    with one_blas_thread():
        for n, article_id in enumerate(ids, 1):
            if cancelled is not None and cancelled():
                raise StoriesCancelled("regrouping cancelled")
            breathe()
            try:
                article = library.get(article_id)
            except Exception:  # noqa: BLE001 - a damaged article is left out, not fatal
                continue
            f = article_features(library, article, store=not library.readonly)
            features.append(f)
            vectors.append(_vector(library, f))
            articles[article_id] = article.metadata
            if progress is not None:
                progress(n, len(ids), "Reading articles")
    matrix = np.vstack(vectors) if vectors else np.zeros((0, 512), dtype=np.float32)
    return features, matrix, articles


# -- stored state --------------------------------------------------------------------------


def _members(library: Any) -> dict[int, tuple[int, int | None]]:
    rows = library.query(
        "SELECT m.article_id, m.story_id, m.copy_of FROM story_members m "
        "JOIN articles a ON a.id = m.article_id WHERE a.deleted_at IS NULL"
    )
    return {int(r[0]): (int(r[1]), None if r[2] is None else int(r[2])) for r in rows}


def _pins(library: Any) -> dict[int, int]:
    return {
        int(r[0]): int(r[1]) for r in library.query("SELECT article_id, story_id FROM story_pins")
    }


def _merges(library: Any) -> dict[int, int]:
    return {
        int(r[0]): int(r[1]) for r in library.query("SELECT story_id, into_id FROM story_merges")
    }


def _resolve(story_id: int, merges: dict[int, int]) -> int:
    seen = {story_id}
    while story_id in merges and merges[story_id] not in seen:
        story_id = merges[story_id]
        seen.add(story_id)
    return story_id


def _stable_ids(groups: list[list[int]], old: dict[int, int]) -> list[int | None]:
    """The old story id each group keeps (None: a new story): largest overlaps first."""
    overlaps: list[tuple[int, int, int]] = []
    for g, members in enumerate(groups):
        counts: dict[int, int] = {}
        for a in members:
            if a in old:
                counts[old[a]] = counts.get(old[a], 0) + 1
        overlaps.extend((-c, s, g) for s, c in counts.items())
    taken: set[int] = set()
    given: list[int | None] = [None] * len(groups)
    for _, story_id, g in sorted(overlaps):
        if given[g] is None and story_id not in taken:
            given[g] = story_id
            taken.add(story_id)
    return given


def _copies(members: Sequence[Features], scorer_dates: dict[int, dt.date | None]) -> dict[int, int]:
    """copy -> original, among one story's articles: the earliest of each set of copies."""
    order = sorted(members, key=lambda f: (scorer_dates.get(f.article_id) is None,
                                           scorer_dates.get(f.article_id) or dt.date.min,
                                           f.article_id))  # fmt: skip
    out: dict[int, int] = {}
    for x, f in enumerate(order):
        if not f.shingles:
            continue
        for earlier in order[:x]:
            if earlier.article_id in out:
                continue
            if copy_share(earlier.shingles, f.shingles) >= COPY_SHARE:
                out[f.article_id] = earlier.article_id
                break
    return out


def _write(
    library: Any,
    assignment: dict[int, int],
    copies: dict[int, int],
    labels: dict[int, str],
    *,
    replace: bool,
) -> None:
    with library.transaction() as db:
        for story_id in sorted(set(assignment.values())):
            db.execute(
                "INSERT OR IGNORE INTO stories (id, label, made_at) VALUES (?, '', ?)",
                (story_id, _now()),
            )
        if replace:
            db.execute("DELETE FROM story_members")
        for article_id in sorted(assignment):
            breathe()
            db.execute(
                "INSERT INTO story_members (article_id, story_id, copy_of) VALUES (?, ?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, "
                "copy_of = excluded.copy_of",
                (article_id, assignment[article_id], copies.get(article_id)),
            )
        for story_id, label in sorted(labels.items()):
            db.execute("UPDATE stories SET label = ? WHERE id = ?", (label, story_id))


def _new_story(db: Any) -> int:
    cursor = db.execute("INSERT INTO stories (label, made_at) VALUES ('', ?)", (_now(),))
    return int(cursor.lastrowid)


# -- the whole library ---------------------------------------------------------------------


def regroup(
    library: Any, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> list[Story]:
    """Group every live article again, keep story ids, apply the user's corrections."""
    features, vectors, _ = _load(library, progress, cancelled)
    order = sorted(range(len(features)), key=lambda i: features[i].article_id)
    features = [features[i] for i in order]
    vectors = vectors[order] if order else vectors
    copies_of: dict[int, list[int]] = {}  # a representative -> its copies (positions)
    for copies in copy_groups(features):
        copies_of[copies[0]] = copies[1:]
    copied = {c for rest in copies_of.values() for c in rest}
    kept = [i for i in range(len(features)) if i not in copied]
    scorer = Scorer([features[i] for i in kept], vectors[kept] if kept else vectors)
    if cancelled is not None and cancelled():
        raise StoriesCancelled("regrouping cancelled")
    groups = cluster(len(scorer.features), scorer.edges(progress))
    ids: list[list[int]] = []
    for group in groups:
        members = []
        for i in group:
            members.append(features[kept[i]].article_id)
            members.extend(features[c].article_id for c in copies_of.get(kept[i], []))
        ids.append(sorted(members))
    old = {a: s for a, (s, _) in _members(library).items()}
    given = _stable_ids(ids, old)
    merges, pins = _merges(library), _pins(library)
    assignment: dict[int, int] = {}
    with library.transaction() as db:
        for g, members in enumerate(ids):
            old_id = given[g]
            story_id = _resolve(old_id if old_id is not None else _new_story(db), merges)
            for a in members:
                assignment[a] = story_id
    for article_id, story_id in sorted(pins.items()):
        if article_id in assignment:
            assignment[article_id] = _resolve(story_id, merges)
    _finish(library, features, assignment, replace=True)
    scorer.release()  # freeing 10,000 articles' features at once would stall the window
    let_go(features, ids)
    return list_stories(library, include_single=True)


def _finish(
    library: Any, features: Sequence[Features], assignment: dict[int, int], *, replace: bool,
    touched: Iterable[int] | None = None,
) -> None:  # fmt: skip
    by_id = {f.article_id: f for f in features}
    stories: dict[int, list[Features]] = {}
    for article_id, story_id in assignment.items():
        if article_id in by_id:
            stories.setdefault(story_id, []).append(by_id[article_id])
    wanted = set(stories) if touched is None else set(touched)
    copies: dict[int, int] = {}
    labels: dict[int, str] = {}
    dates = {f.article_id: f.date for f in features}
    for story_id in sorted(wanted):
        members = stories.get(story_id, [])
        copies.update(_copies(members, dates))
        labels[story_id] = story_label(members)
    if touched is not None:
        assignment = {a: s for a, s in assignment.items() if s in wanted}
    _write(library, assignment, copies, labels, replace=replace)


# -- incremental ---------------------------------------------------------------------------


class StoryIndex:
    """The library's story features in memory, for assigning imports quickly.

    It scores an import against the same candidates a regrouping would (its
    :data:`NEIGHBOURS` nearest leads, the articles sharing a rare name) and
    finds its copies by their shingle keys, so one assignment costs a matrix
    product and a few dozen pair scores whatever the library's size. Name
    and word weights are those of the library when the index was loaded."""

    def __init__(self, features: Sequence[Features], vectors: np.ndarray,
                 membership: dict[int, int]) -> None:  # fmt: skip
        self.scorer = Scorer(features, vectors)
        self.membership = dict(membership)
        self._features: list[Features] = []
        width = self.scorer.vectors.shape[1] if len(self.scorer.features) else 512
        self._vectors = np.zeros((max(16, 2 * len(self.scorer.features)), width), np.float32)
        self._sizes: dict[int, int] = {}
        for story_id in self.membership.values():
            self._sizes[story_id] = self._sizes.get(story_id, 0) + 1
        self._members: dict[int, list[int]] = {}  # story -> positions of its articles
        self._copy_keys: dict[int, list[int]] = {}
        self._names: dict[str, list[int]] = {}
        for f, v in zip(self.scorer.features, self.scorer.vectors, strict=True):
            self._add(f, v)

    @classmethod
    def load(cls, library: Any, progress: Progress | None = None) -> StoryIndex:
        features, vectors, _ = _load(library, progress, None)
        return cls(features, vectors, {a: s for a, (s, _) in _members(library).items()})

    def __len__(self) -> int:
        return len(self._features)

    def _add(self, f: Features, vector: np.ndarray) -> None:
        at = len(self._features)
        if at == len(self._vectors):
            grown = np.zeros((2 * at, self._vectors.shape[1]), np.float32)
            grown[:at] = self._vectors
            self._vectors = grown
        self._vectors[at] = vector
        self._features.append(f)
        story_id = self.membership.get(f.article_id)
        if story_id is not None:
            self._members.setdefault(story_id, []).append(at)
        for key in sorted(f.shingles)[:COPY_KEYS]:
            self._copy_keys.setdefault(key, []).append(at)
        for name in f.entities:
            self._names.setdefault(name, []).append(at)

    def assign(self, library: Any, article_id: int) -> int:
        """Put an (imported) article in a story: the one it scores best with on
        average, or a new one. Returns the story id."""
        if article_id in self.membership:
            return self.membership[article_id]
        article = library.get(article_id)
        new = article_features(library, article, store=not library.readonly)
        vector = _vector(library, new)
        story_id = self.place(new, vector)
        with library.transaction() as db:
            if story_id is None:
                story_id = _new_story(db)
        self.membership[article_id] = story_id
        self._sizes[story_id] = self._sizes.get(story_id, 0) + 1
        self._add(new, vector)
        members = [self._features[at] for at in self._members[story_id]]
        _finish(library, members, {f.article_id: story_id for f in members},
                replace=False, touched=[story_id])  # fmt: skip
        return story_id

    def _copy_of(self, new: Features) -> int | None:
        """The position of an article ``new`` is a copy of (the closest), or None."""
        best: tuple[float, int] | None = None
        seen: set[int] = set()
        for key in sorted(new.shingles)[:COPY_KEYS]:
            for at in self._copy_keys.get(key, []):
                if at in seen:
                    continue
                seen.add(at)
                share = copy_share(new.shingles, self._features[at].shingles)
                if share >= COPY_SHARE and (best is None or (-share, at) < (-best[0], best[1])):
                    best = (share, at)
        return None if best is None else best[1]

    def place(self, new: Features, vector: np.ndarray) -> int | None:
        """The story ``new`` belongs to, or None for a story of its own."""
        copy = self._copy_of(new)
        if copy is not None:
            found = self.membership.get(self._features[copy].article_id)
            if found is not None:
                return found
        count = len(self._features)
        sims = self._vectors[:count] @ vector if count else np.zeros(0, np.float32)
        candidates = set(nearest(sims, NEIGHBOURS).tolist())
        for name in new.entities:
            holders = self._names.get(name, [])
            if len(holders) <= COMMON_NAME:
                candidates.update(holders)
        totals: dict[int, float] = {}
        for at in sorted(candidates):
            f = self._features[at]
            story_id = self.membership.get(f.article_id)
            if story_id is not None:
                score = self.scorer.pair(new, f, float(sims[at]))
                totals[story_id] = totals.get(story_id, 0.0) + score
        best: tuple[float, int] | None = None
        for story_id in sorted(totals):
            average = totals[story_id] / self._sizes[story_id]
            if average >= THRESHOLD and (best is None or average > best[0]):
                best = (average, story_id)
        return None if best is None else best[1]


def assign_articles(
    library: Any, article_ids: Sequence[int], *, cancelled: Cancelled | None = None
) -> dict[int, int]:
    """Assign a few imported articles (loads the index once)."""
    index = StoryIndex.load(library)
    out = {}
    for a in sorted(set(article_ids)):
        if cancelled is not None and cancelled():
            raise StoriesCancelled("grouping cancelled")
        out[a] = index.assign(library, a)
    return out


def bring_up_to_date(
    library: Any,
    *,
    again: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Group the library when it was never grouped (or ``again``), or when more
    articles wait than are grouped; else assign the articles imported since."""
    waiting = unassigned(library)
    grouped = library.count() - len(waiting)
    if again or (waiting and grouped == 0) or len(waiting) > max(50, grouped):
        regroup(library, progress=progress, cancelled=cancelled)
    elif waiting:
        if progress is not None:
            progress(0, len(waiting), "Assigning new articles")
        assign_articles(library, waiting, cancelled=cancelled)


# -- reading -------------------------------------------------------------------------------


def list_stories(library: Any, *, include_single: bool = False) -> list[Story]:
    """The stored stories (of two or more articles unless ``include_single``),
    newest first, then by id."""
    rows = library.query(
        "SELECT m.story_id, m.article_id, m.copy_of, a.published, a.source, a.url, s.label "
        "FROM story_members m JOIN articles a ON a.id = m.article_id "
        "JOIN stories s ON s.id = m.story_id WHERE a.deleted_at IS NULL "
        "ORDER BY m.story_id, a.published IS NULL, a.published, m.article_id"
    )
    pins = _pins(library)
    described = described_outlets(library)
    found: dict[int, Story] = {}
    for story_id, article_id, copy_of, published, source, url, label in rows:
        sid, aid = int(story_id), int(article_id)
        story = found.setdefault(sid, Story(sid, str(label), [], [], {}, None, None))
        story.articles.append(aid)
        outlet, region = described_region(
            outlet_and_region(
                None if source is None else str(source), None if url is None else str(url)
            ),
            described,
        )
        if outlet not in story.outlets:
            story.outlets.append(outlet)
        story.regions[region] = story.regions.get(region, 0) + 1
        if copy_of is not None:
            story.copies[aid] = int(copy_of)
        if pins.get(aid) == sid:
            story.pinned.append(aid)
        day = str(published)[:10] if published else None
        if day:
            story.first = day if story.first is None else min(story.first, day)
            story.last = day if story.last is None else max(story.last, day)
    out = [s for s in found.values() if include_single or len(s.articles) > 1]
    for s in out:
        s.outlets.sort()
        s.regions = dict(sorted(s.regions.items()))
    return sorted(out, key=lambda s: (s.last is None, _neg(s.last), s.id))


def _neg(day: str | None) -> str:
    """A key that sorts ISO days newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in day) if day else ""


def get_story(library: Any, story_id: int) -> Story:
    for story in list_stories(library, include_single=True):
        if story.id == story_id:
            return story
    raise StoryError(f"no story {story_id} in this library (see duizhao stories)")


def story_of(library: Any, article_id: int) -> int | None:
    rows = library.query("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,))
    return int(rows[0][0]) if rows else None


def unassigned(library: Any) -> list[int]:
    """Live articles in no story yet (imported since the last grouping)."""
    rows = library.query(
        "SELECT a.id FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
        "WHERE a.deleted_at IS NULL AND m.article_id IS NULL ORDER BY a.id"
    )
    return [int(r[0]) for r in rows]


# -- corrections ---------------------------------------------------------------------------


def _check_article(library: Any, article_id: int) -> int:
    story_id = story_of(library, article_id)
    if story_id is None:
        library.get(article_id)  # raises ArticleNotFound for an unknown id
        raise StoryError(f"article {article_id} is in no story yet: run duizhao stories first")
    return story_id


def _check_story(library: Any, story_id: int) -> None:
    if not library.query(
        "SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id "
        "WHERE m.story_id = ? AND a.deleted_at IS NULL",
        (story_id,),
    ):
        raise StoryError(f"no story {story_id} in this library (see duizhao stories)")


def _relabel(library: Any, story_ids: Iterable[int]) -> None:
    wanted = sorted(set(story_ids))
    features = []
    assignment: dict[int, int] = {}
    for article_id, (story_id, _) in sorted(_members(library).items()):
        if story_id in wanted:
            features.append(article_features(library, library.get(article_id)))
            assignment[article_id] = story_id
    _finish(library, features, assignment, replace=False, touched=wanted)


def _pin(db: Any, article_id: int, story_id: int) -> None:
    """Put an article in a story and keep it there (inside a transaction)."""
    db.execute(
        "INSERT INTO story_pins (article_id, story_id, made_at) VALUES (?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, "
        "made_at = excluded.made_at",
        (article_id, story_id, _now()),
    )
    db.execute(
        "UPDATE story_members SET story_id = ?, copy_of = NULL WHERE article_id = ?",
        (story_id, article_id),
    )


def move_article(library: Any, article_id: int, story_id: int | None) -> int:
    """Put an article in a story (None: a new story of its own), pinned there
    so regrouping keeps it. Returns the story id."""
    before = _check_article(library, article_id)
    if story_id is not None:
        _check_story(library, story_id)
    with library.transaction() as db:
        target = story_id if story_id is not None else _new_story(db)
        _pin(db, article_id, target)
    _relabel(library, [before, target])
    return target


def split_story(library: Any, story_id: int, article_ids: Sequence[int]) -> int:
    """Take some articles out of a story into a new one (pinned). Returns its id."""
    _check_story(library, story_id)
    wanted = sorted(set(article_ids))
    members = {a for a, (s, _) in _members(library).items() if s == story_id}
    outside = [a for a in wanted if a not in members]
    if not wanted or outside:
        raise StoryError(
            f"split needs articles of story {story_id}"
            + (f"; not in it: {', '.join(map(str, outside))}" if outside else "")
        )
    if len(wanted) == len(members):
        raise StoryError("split must leave at least one article in the story")
    with library.transaction() as db:
        target = _new_story(db)
        for a in wanted:
            _pin(db, a, target)
    _relabel(library, [story_id, target])
    return target


def merge_stories(library: Any, into: int, others: Sequence[int]) -> int:
    """Merge stories into ``into``: their articles move, and regrouping keeps them there."""
    _check_story(library, into)
    merged = sorted(set(others) - {into})
    if not merged:
        raise StoryError("merge needs another story than the one merged into")
    for s in merged:
        _check_story(library, s)
    with library.transaction() as db:
        for s in merged:
            db.execute(
                "INSERT INTO story_merges (story_id, into_id, made_at) VALUES (?, ?, ?) "
                "ON CONFLICT(story_id) DO UPDATE SET into_id = excluded.into_id",
                (s, into, _now()),
            )
            db.execute("UPDATE story_pins SET story_id = ? WHERE story_id = ?", (into, s))
            db.execute("UPDATE story_members SET story_id = ? WHERE story_id = ?", (into, s))
        db.execute("DELETE FROM story_merges WHERE story_id = ?", (into,))
    _relabel(library, [into])
    return into


def unpin(library: Any, article_id: int) -> None:
    """Forget the user's placing of an article (the next regrouping places it)."""
    _check_article(library, article_id)
    with library.transaction() as db:
        db.execute("DELETE FROM story_pins WHERE article_id = ?", (article_id,))
