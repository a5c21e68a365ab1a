"""Abbreviations and their full forms, so that a search for one finds the others.

``resources/gazetteer/terms/*.yaml`` lists words news abbreviates — 美债 for
美国国债, 央行 for 中国人民银行, 北约 for 北大西洋公约组织 — each entry a ``name``
(the short form), its ``aliases`` and an optional ``note``. They are words,
not entities: recognition never reads them (an organisation in the entity
gazetteer already brings its own aliases to a query, see
:func:`duizhao.core.search.analysis.query_variants`).

:class:`Terms` indexes every form by its normalised Simplified spelling
(OpenCC ``tw2sp`` then ``hk2s``, spaces and case dropped), so 美債, 美國公債
and 美国国债 all find the same entry; :meth:`Terms.lookup` gives an entry's
forms. Loading refuses, with one line naming the file, a form claimed by two
entries, an unknown key or a missing name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import yaml

from duizhao.core.resources import ResourceError, resource_path
from duizhao.core.text import convert

RESOURCE_DIR = "gazetteer/terms"
_KEYS = frozenset({"name", "aliases", "note"})


class TermsError(ValueError):
    """A terms file that cannot be loaded; the message is one line."""


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def normalise(text: str) -> str:
    folded = "".join(text.split()).casefold()
    return convert(convert(folded, "tw2sp"), "hk2s") if not folded.isascii() else folded


class Terms:
    """Normalised form -> its entry."""

    def __init__(self, entries: Iterable[tuple[str, Term]]) -> None:
        self._by_form: dict[str, Term] = {}
        for label, term in entries:
            for form in term.forms:
                key = normalise(form)
                other = self._by_form.get(key)
                if other is not None and other is not term:
                    raise TermsError(
                        f"{label}: {form!r} belongs to both {other.name!r} and {term.name!r}"
                    )
                self._by_form[key] = term

    def lookup(self, text: str) -> Term | None:
        return self._by_form.get(normalise(text))

    def __len__(self) -> int:
        return len({id(t) for t in self._by_form.values()})

    @classmethod
    def from_texts(cls, texts: Iterable[tuple[str, str]]) -> Terms:
        entries: list[tuple[str, Term]] = []
        for label, text in texts:
            try:
                raw = yaml.safe_load(text) or []
            except yaml.YAMLError as exc:
                raise TermsError(f"{label}: not valid YAML ({exc.__class__.__name__})") from None
            if not isinstance(raw, list):
                raise TermsError(f"{label}: expected a list of entries")
            for item in raw:
                entries.append((label, _term(label, item)))
        return cls(entries)


def _term(label: str, item: object) -> Term:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise TermsError(f"{label}: every entry needs a name: {item!r}")
    unknown = set(item) - _KEYS
    if unknown:
        raise TermsError(f"{label}: {item['name']}: unknown keys {sorted(unknown)}")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise TermsError(f"{label}: {item['name']}: aliases must be a list of names")
    return Term(item["name"], tuple(aliases), str(item.get("note") or ""))


@cache
def default_terms() -> Terms:
    """The terms shipped in ``resources/gazetteer/terms``, loaded once (none if absent)."""
    try:
        folder = resource_path(RESOURCE_DIR)
    except ResourceError:
        return Terms([])
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return Terms.from_texts((str(f), f.read_text(encoding="utf-8")) for f in files)
