"""Outlet profiles: who published an article, from where, and who carried it.

The data
    ``resources/outlets/outlets.yaml`` lists Chinese-language outlets and the
    foreign services people read in Chinese: a stable ``key``, the ``names``
    the outlet writes itself under, its web ``domains``, its ``region`` and
    its ``kind`` (see the file's header). :func:`outlet_profiles` loads it
    once; a broken file raises :class:`OutletDataError` with one line naming
    the entry and the fault.

Finding an article's outlet (:func:`find_outlet`)
    Two witnesses: the *source line* as written (front matter ``source:``,
    a 来源 line) and the article's *URL*. In the source line, outlet names
    are found across scripts (both sides are compared in Simplified, via
    OpenCC ``hk2s``, case folded; a Latin name must stand as a word, so AP
    is not found in APEC), and so are domains written in it (udn.com).
    When nothing matches exactly, a Han name of four or more characters
    may be found with one typo (a character added or two neighbours swapped;
    in a name of five or more, also one changed or missing: 中央通迅社):
    how = ``"fuzzy"``. In four characters a changed character as often makes
    another outlet's name (东方日报 / 东岸日报), a missing one a prefix.

    The *publisher* is the first outlet the source line names that is not a
    portal: in "ETtoday新聞雲（綜合BBC報導）" ETtoday published and BBC is only
    its material. A portal or another site that carries the copy is noted as
    ``relayed_by``: the URL's outlet when it differs from the publisher (中央社
    read on tw.news.yahoo.com is 中央社, relayed by Yahoo奇摩新聞), else a
    portal the source line names. With no publisher in the source line, the
    URL's outlet is the outlet (how = ``"domain"``), then a portal the line
    names. Nothing known: ``None``.

Ties are broken by position in the line, then by the longer name, then by
key, so the result does not depend on hash order.

An article's origin (:func:`article_origin`)
    is its outlet, the site that relayed it, and its region: the outlet's
    (Singapore, Malaysia and overseas outlets are ``other``) when a publisher
    is known -- a portal is not one: Yahoo carries Taiwan, Hong Kong and
    foreign copy alike -- else what the text's usage says
    (:func:`duizhao.core.text.regions.detect_region`), else not known.
    :func:`fill_origins` does that for articles imported before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

import yaml

from duizhao.core.library import Library, LibraryError, Origin
from duizhao.core.resources import ResourceError, read_text
from duizhao.core.text import Script, convert, detect_region

Region = Literal["mainland", "taiwan", "hongkong", "macau", "singapore-malaysia", "overseas"]
Kind = Literal[
    "state", "public-broadcaster", "commercial", "self-media", "wire", "foreign-public", "portal"
]
How = Literal["domain", "name", "fuzzy"]
REGIONS: tuple[str, ...] = get_args(Region)
KINDS: tuple[str, ...] = get_args(Kind)
RESOURCE = "outlets/outlets.yaml"
#: The article region of an outlet's region.
ARTICLE_REGION = {
    "mainland": "mainland",
    "taiwan": "taiwan",
    "hongkong": "hongkong",
    "macau": "macau",
    "singapore-malaysia": "other",
    "overseas": "other",
}
#: Names at least this long (in characters, Han) may be found with one typo:
#: a character added, or two neighbours swapped ...
FUZZY_MIN = 4
#: ... and from this long, a character changed or missing too.
FUZZY_CHANGE_MIN = 5

_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELDS = frozenset({"key", "names", "domains", "region", "kind", "note"})
_REQUIRED = ("key", "names", "domains", "region", "kind")
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
#: A domain, or a domain and one path segment (an edition on a shared host: bbc.com/zhongwen).
_DOMAIN = re.compile(rf"{_LABEL}(?:\.{_LABEL})+(?:/[\w-]+)?")
#: A domain written inside a source line: letters, digits and dots with a known ending.
_DOMAIN_IN_TEXT = re.compile(r"(?<![\w.])(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[\w-]+)?", re.ASCII)
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class OutletDataError(ValueError):
    """The outlets data file cannot be used; the message is one line."""


@dataclass(frozen=True)
class Outlet:
    key: str
    names: tuple[str, ...]
    domains: tuple[str, ...]
    region: str
    kind: str
    note: str = ""

    @property
    def name(self) -> str:
        """The display name: the first name the data gives."""
        return self.names[0]

    @property
    def is_portal(self) -> bool:
        return self.kind == "portal"

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "names": list(self.names),
            "domains": list(self.domains),
            "region": self.region,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class OutletMatch:
    outlet: Outlet
    how: str
    relayed_by: Outlet | None = None


def normalise_name(text: str) -> str:
    """The form names are compared in: NFKC, case folded, Simplified characters."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return convert(folded, "hk2s")


# -- loading ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Profiles:
    outlets: tuple[Outlet, ...]
    by_key: dict[str, Outlet]
    #: domain (host, or host/path) -> outlet
    domains: dict[str, Outlet]
    #: normalised name -> outlet, longest names first
    names: tuple[tuple[str, Outlet], ...]
    #: one-typo keys (a name and each of its one-character deletions) -> outlets
    fuzzy: dict[str, tuple[tuple[str, Outlet], ...]]
    fuzzy_lengths: tuple[int, ...]


def _fail(where: str, message: str) -> OutletDataError:
    return OutletDataError(f"{RESOURCE}: {where}: {message}")


def _strings(entry: dict[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = entry[field]
    if not isinstance(value, list) or not value:
        raise _fail(where, f"'{field}' must be a non-empty list")
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise _fail(where, f"'{field}' must hold non-empty strings")
    return tuple(item.strip() for item in value)


def _outlet(entry: object, index: int) -> Outlet:
    where = f"entry {index + 1}"
    if not isinstance(entry, dict):
        raise _fail(where, "is not a mapping")
    key = entry.get("key")
    if isinstance(key, str):
        where = f"entry {index + 1} ({key})"
    unknown = sorted(set(map(str, entry)) - _FIELDS)
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    for field in _REQUIRED:
        if field not in entry:
            raise _fail(where, f"missing {field!r}")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise _fail(where, "'key' must be lower-case ASCII words joined by hyphens")
    if entry["region"] not in REGIONS:
        raise _fail(where, f"unknown region {entry['region']!r} (one of {', '.join(REGIONS)})")
    if entry["kind"] not in KINDS:
        raise _fail(where, f"unknown kind {entry['kind']!r} (one of {', '.join(KINDS)})")
    domains = tuple(d.lower().rstrip("/") for d in _strings(entry, "domains", where))
    for domain in domains:
        if not _DOMAIN.fullmatch(domain):
            raise _fail(where, f"bad domain {domain!r}")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise _fail(where, "'note' must be text")
    return Outlet(
        key=key,
        names=_strings(entry, "names", where),
        domains=domains,
        region=str(entry["region"]),
        kind=str(entry["kind"]),
        note=note,
    )


def _deletions(text: str) -> set[str]:
    return {text[:i] + text[i + 1 :] for i in range(len(text))}


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def load_profiles(text: str) -> _Profiles:
    """Parse and check outlet data (the file's text); raises :class:`OutletDataError`."""
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark is not None else "file"
        raise _fail(line, "not valid YAML") from None
    if not isinstance(data, list) or not data:
        raise _fail("file", "must be a non-empty list of outlets")
    outlets = [_outlet(entry, index) for index, entry in enumerate(data)]
    by_key: dict[str, Outlet] = {}
    domains: dict[str, Outlet] = {}
    names: dict[str, Outlet] = {}
    for outlet in outlets:
        if outlet.key in by_key:
            raise _fail(f"entry {outlet.key}", "key used twice")
        by_key[outlet.key] = outlet
        for domain in outlet.domains:
            other = domains.setdefault(domain, outlet)
            if other is not outlet:
                raise _fail(f"entry {outlet.key}", f"domain {domain} also claimed by {other.key}")
        for name in outlet.names:
            norm = normalise_name(name)
            other = names.setdefault(norm, outlet)
            if other is not outlet:
                raise _fail(f"entry {outlet.key}", f"name {name} also claimed by {other.key}")
    ordered = tuple(sorted(names.items(), key=lambda item: (-len(item[0]), item[0])))
    fuzzy: dict[str, set[tuple[str, str]]] = {}
    for norm, outlet in ordered:
        if len(norm) >= FUZZY_MIN and _has_han(norm):
            for variant in {norm} | _deletions(norm):
                fuzzy.setdefault(variant, set()).add((norm, outlet.key))
    return _Profiles(
        outlets=tuple(sorted(outlets, key=lambda o: o.key)),
        by_key=by_key,
        domains=domains,
        names=ordered,
        fuzzy={k: tuple((n, by_key[o]) for n, o in sorted(v)) for k, v in fuzzy.items()},
        fuzzy_lengths=tuple(sorted({len(n) for n, _ in ordered if len(n) >= FUZZY_MIN})),
    )


@cache
def _profiles() -> _Profiles:
    try:
        text = read_text(RESOURCE)
    except ResourceError as exc:
        raise OutletDataError(str(exc)) from None
    return load_profiles(text)


def outlet_profiles() -> tuple[Outlet, ...]:
    """Every known outlet, sorted by key (loaded once)."""
    return _profiles().outlets


def outlet_by_key(key: str) -> Outlet | None:
    return _profiles().by_key.get(key)


def outlet_name(key: str | None, stated: str | None = None) -> str | None:
    """An outlet's name: its profile's when ``key`` names one, else as ``stated``."""
    outlet = outlet_by_key(key) if key else None
    return outlet.name if outlet else (stated or key)


# -- matching ---------------------------------------------------------------------


def _domain_outlet(profiles: _Profiles, host: str, path: str = "") -> Outlet | None:
    """The outlet of the longest domain entry that ``host`` (and ``path``) fall under."""
    host = host.lower().strip(".")
    if host.startswith("www."):
        host = host[4:]
    path = path.lower()
    parts = host.split(".")
    for start in range(len(parts) - 1):
        suffix = ".".join(parts[start:])
        segment = path.strip("/").split("/", 1)[0]
        if segment:
            outlet = profiles.domains.get(f"{suffix}/{segment}")
            if outlet is not None:
                return outlet
        outlet = profiles.domains.get(suffix)
        if outlet is not None:
            return outlet
    return None


def outlet_for_url(url: str | None) -> Outlet | None:
    """The outlet whose domain the URL is on, or ``None``."""
    if not url:
        return None
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return None
    return _domain_outlet(_profiles(), host, parts.path) if host else None


def _latin_edge_ok(text: str, start: int, end: int) -> bool:
    def word(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()

    if word(text[start]) and start > 0 and word(text[start - 1]):
        return False
    return not (word(text[end - 1]) and end < len(text) and word(text[end]))


@dataclass(frozen=True, order=True)
class _Found:
    start: int
    length: int
    key: str
    how: str


def _exact(profiles: _Profiles, norm: str) -> Iterator[_Found]:
    taken = [False] * len(norm)
    for name, outlet in profiles.names:
        start = norm.find(name)
        while start != -1:
            end = start + len(name)
            if not any(taken[start:end]) and _latin_edge_ok(norm, start, end):
                taken[start:end] = [True] * (end - start)
                yield _Found(start, -len(name), outlet.key, "name")
            start = norm.find(name, start + 1)
    for found in _DOMAIN_IN_TEXT.finditer(norm):
        host, _, path = found.group().partition("/")
        on = _domain_outlet(profiles, host, path)
        if on is not None and not any(taken[found.start() : found.end()]):
            yield _Found(found.start(), -len(found.group()), on.key, "domain")


def _fuzzy(profiles: _Profiles, norm: str) -> Iterator[_Found]:
    for start in range(len(norm)):
        for length in range(FUZZY_MIN - 1, profiles.fuzzy_lengths[-1] + 2):
            window = norm[start : start + length]
            if len(window) < length or not _has_han(window):
                continue
            for variant in sorted({window} | _deletions(window)):
                for name, outlet in profiles.fuzzy.get(variant, ()):
                    if abs(len(name) - length) <= 1 and _typo_allowed(name, window):
                        yield _Found(start, -length, outlet.key, "fuzzy")


def _typo_allowed(name: str, window: str) -> bool:
    """Every typo in names of :data:`FUZZY_CHANGE_MIN` or more; in shorter ones
    only an added character or two neighbours swapped: there a changed
    character makes another outlet's name as often as a typo (东方日报 /
    东岸日报, 环球时报 / 环球译报), and a missing one a mere prefix (自由时间)."""
    if len(name) >= FUZZY_CHANGE_MIN or len(window) > len(name):
        return True
    return len(window) == len(name) and sorted(window) == sorted(name)


def _in_source(profiles: _Profiles, source: str) -> list[_Found]:
    norm = normalise_name(source)
    found = sorted(_exact(profiles, norm))
    if not found and profiles.fuzzy_lengths:
        found = sorted(set(_fuzzy(profiles, norm)))
    return found


def find_outlet(source: str | None = None, url: str | None = None) -> OutletMatch | None:
    """Who published an article, from its source line and URL (see the module's notes)."""
    profiles = _profiles()
    by_url = outlet_for_url(url)
    found = _in_source(profiles, source) if source and source.strip() else []
    publisher = next((f for f in found if not profiles.by_key[f.key].is_portal), None)
    named_portal = next((f for f in found if profiles.by_key[f.key].is_portal), None)
    if publisher is not None:
        outlet = profiles.by_key[publisher.key]
        carrier: Outlet | None = by_url if by_url is not None and by_url != outlet else None
        if carrier is None and named_portal is not None:
            carrier = profiles.by_key[named_portal.key]
        return OutletMatch(outlet, publisher.how, carrier)
    if by_url is not None:
        return OutletMatch(by_url, "domain")
    if named_portal is not None:
        return OutletMatch(profiles.by_key[named_portal.key], named_portal.how)
    return None


# -- an article's origin -------------------------------------------------------------


def article_origin(
    source: str | None, url: str | None, text: str, script: Script | None = None
) -> Origin:
    """Outlet, relay and region of an article (see the module's notes)."""
    match = find_outlet(source, url)
    outlet = match.outlet.key if match else None
    relayed_by = match.relayed_by.key if match and match.relayed_by else None
    if match is not None and not match.outlet.is_portal:
        return Origin(outlet, relayed_by, ARTICLE_REGION[match.outlet.region], "outlet")
    guess = detect_region(text, script).region
    return Origin(outlet, relayed_by, guess, "text" if guess else "none")


def apply_descriptions(library: Library, only: str | None = None) -> list[int]:
    """Give the articles of each outlet the user described (or of ``only``)
    that outlet's region, unless the user set an article's region by hand;
    returns the ids whose region changed. Safe to run again."""
    from dataclasses import replace

    from duizhao.core.library import articles_of_source, described_outlets

    changed = []
    for name, described in described_outlets(library).items():
        if only is not None and name != " ".join(only.split()):
            continue
        region = ARTICLE_REGION.get(described.region)
        for article_id in articles_of_source(library, name):
            origin = library.get(article_id).origin
            if origin.region == region and origin.region_source == "outlet":
                continue
            library.set_origin(article_id, replace(origin, region=region, region_source="outlet"))
            changed.append(article_id)
    return changed


def fill_origins(library: Library) -> list[int]:
    """Find the origin of every article that has none yet (imported before
    outlets were known); returns their ids."""
    done = []
    for article_id in library.without_origin():
        try:
            article = library.get(article_id, include_trashed=True)
        except LibraryError:
            continue  # damaged: reclean rebuilds it, origin and all
        meta = article.metadata
        library.set_origin(
            article_id, article_origin(meta.source, meta.url, article.text, article.script)
        )
        done.append(article_id)
    return done
