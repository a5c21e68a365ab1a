"""Regions: where an article was written, as far as its usage tells.

An article's *region* -- ``taiwan``, ``hongkong``, ``macau``, ``mainland`` or
``other`` (Singapore, Malaysia, overseas), or not known -- decides the phrase
conventions its views and its analysis text follow
(:func:`duizhao.core.text.script.usage_of`). It comes from the outlet's
profile when the outlet is known (``duizhao.core.ingest.outlets``), from the
user when they set it, and otherwise from the text (:func:`detect_region`).

Detection
    Hong Kong and Taiwan write Traditional Chinese with different everyday
    words (的士 / 計程車, 警署 / 警局, 軟件 / 軟體), a few different standard
    glyphs (綫 / 線, 衞 / 衛, 着 / 著) and, in Hong Kong, written Cantonese
    (嘅, 咗, 唔). ``resources/regions/usage.yaml`` lists them; each side scores
    its forms found in the text, a word or a Cantonese form counting
    :data:`WORD_WEIGHT`, a character 1, and no single form more than
    :data:`CAP` times (one word repeated all through an article is one piece
    of evidence, not twenty). A side wins with at least :data:`MIN_SCORE` and
    :data:`RATIO` times the other side's score; otherwise the region stays
    unknown, and the article is converted character by character, with no
    phrase rewritten on a guess.

    Simplified text is not guessed at: Singapore, Malaysia and many overseas
    outlets write Simplified as the mainland does, so Simplified script alone
    does not say "mainland" and the region stays unknown (the outlet, when
    known, says more).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from duizhao.core.resources import ResourceError, read_text
from duizhao.core.text.script import Script, detect_script

#: An article's region as stored and shown; ``None`` is not known.
REGIONS = ("taiwan", "hongkong", "macau", "mainland", "other")
RESOURCE = "regions/usage.yaml"
WORD_WEIGHT = 2
CAP = 3
MIN_SCORE = 4
RATIO = 2.0
_SIDES = ("hongkong", "taiwan")
_KINDS = {"words": WORD_WEIGHT, "characters": 1, "cantonese": WORD_WEIGHT}


class UsageDataError(ValueError):
    """The usage lists cannot be read; the message is one line."""


@dataclass(frozen=True)
class RegionGuess:
    """What the text says: the region (None when the evidence is weak) and the scores."""

    region: str | None
    hongkong: int = 0
    taiwan: int = 0
    #: the forms found, (side, form, count), for explaining a guess
    evidence: tuple[tuple[str, str, int], ...] = ()


@cache
def usage_lists() -> dict[str, tuple[tuple[str, int], ...]]:
    """Per side, the (form, weight) pairs of ``resources/regions/usage.yaml``."""
    try:
        data = yaml.safe_load(read_text(RESOURCE))
    except (ResourceError, yaml.YAMLError) as exc:
        raise UsageDataError(f"{RESOURCE}: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or set(data) != set(_SIDES):
        raise UsageDataError(f"{RESOURCE}: must map exactly {' and '.join(_SIDES)} to lists")
    lists: dict[str, tuple[tuple[str, int], ...]] = {}
    seen: dict[str, str] = {}
    for side in _SIDES:
        entry = data[side]
        if not isinstance(entry, dict) or not set(entry) <= set(_KINDS):
            raise UsageDataError(f"{RESOURCE}: {side}: only {', '.join(_KINDS)}")
        forms: list[tuple[str, int]] = []
        for kind, weight in _KINDS.items():
            values = entry.get(kind) or []
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise UsageDataError(f"{RESOURCE}: {side}.{kind} must be a list of text")
            for form in values:
                if seen.setdefault(form, side) != side:
                    raise UsageDataError(f"{RESOURCE}: {form} is listed for both sides")
                forms.append((form, weight))
        lists[side] = tuple(sorted(forms))
    return lists


def detect_region(text: str, script: Script | None = None) -> RegionGuess:
    """Hong Kong or Taiwan usage in a Traditional (or mixed) text, or ``None``."""
    script = script or detect_script(text)
    if script not in (Script.TRADITIONAL, Script.MIXED):
        return RegionGuess(None)
    scores = dict.fromkeys(_SIDES, 0)
    evidence: list[tuple[str, str, int]] = []
    for side, forms in usage_lists().items():
        for form, weight in forms:
            count = text.count(form)
            if count:
                scores[side] += weight * min(count, CAP)
                evidence.append((side, form, count))
    hk, tw = scores["hongkong"], scores["taiwan"]
    region = None
    if hk >= MIN_SCORE and hk >= RATIO * tw:
        region = "hongkong"
    elif tw >= MIN_SCORE and tw >= RATIO * hk:
        region = "taiwan"
    return RegionGuess(region, hk, tw, tuple(evidence))
