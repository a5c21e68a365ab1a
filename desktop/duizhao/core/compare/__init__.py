"""Compare: what several articles say about the same things, side by side.

Reading a sentence:

- :mod:`.numerals` -- numerals as news writes them (Arabic, Chinese, digit by
  digit, with 万/亿/兆) read into numbers;
- :mod:`.quantities` -- figures with their unit, kind and the interval a
  hedged figure asserts; :mod:`.when` -- dates resolved against publication;
- :mod:`.lexicon` -- the word lists (notions, qualifiers, negators, modality,
  predicate classes, verdicts, attribution);
- :mod:`.words` -- clauses, content words and the scopes of negators;
- :mod:`.attribution` -- who asserts a sentence;
- :mod:`.frames` -- a sentence's facts: figures with what they measure and
  when, event dates, predicates, verdicts, statements;
- :mod:`.claims` -- an article's check-worthy sentences with their frames.

Comparing articles:

- :mod:`.prepare` -- each article's entities, claims and claim vectors, the
  native work (names, sentence meaning) on worker threads beside the Python work;
- :mod:`.placed` -- every fact of the selection, numbered, with its specific words;
- :mod:`.scores` -- how likely two facts answer the same question, a block at a time;
- :mod:`.assignment` -- optimal one-to-one matching;
- :mod:`.align` -- facts of different articles scored and matched into rows;
- :mod:`.extras` -- rows of two the matching left out: leftovers, one specific
  figure said twice, assertions that deny each other;
- :mod:`.relations` -- each pair in a row: relation, reasons, confidence;
- :mod:`.questions` -- rows grouped into the questions the story raises;
- :mod:`.comparison` -- the whole step (:func:`compare`);
- :mod:`.export` -- a comparison as Markdown, CSV or HTML.
"""

from duizhao.core.compare.claims import Claim, Document, extract_claims
from duizhao.core.compare.comparison import (
    MAX_ARTICLES,
    CompareCancelled,
    CompareError,
    Comparison,
    compare,
    compare_documents,
)
from duizhao.core.compare.export import export
from duizhao.core.compare.questions import Point, Row, Topic
from duizhao.core.compare.relations import RELATIONS, PairRelation

__all__ = [
    "MAX_ARTICLES",
    "RELATIONS",
    "Claim",
    "CompareCancelled",
    "CompareError",
    "Comparison",
    "Document",
    "PairRelation",
    "Point",
    "Row",
    "Topic",
    "compare",
    "compare_documents",
    "export",
    "extract_claims",
]
