"""Compare: what several articles say about the same things, side by side.

- :mod:`.lexicon` -- the word lists claims are read with;
- :mod:`.quantities` -- numbers with units and dates in a claim;
- :mod:`.claims` -- the check-worthy sentences of an article (:class:`Claim`);
- :mod:`.topic_keys` and :mod:`.themes` -- what a claim is about, and which
  subjects two or more articles share;
- :mod:`.align` -- claims of different articles joined into rows;
- :mod:`.relations` -- whether two claims contradict, differ, agree or are
  only related, with the reason in words;
- :mod:`.topics` -- the shared subjects, each with its aligned rows;
- :mod:`.comparison` -- the whole step for a set of articles (:func:`compare`);
- :mod:`.export` -- a comparison as Markdown, CSV or HTML.
"""

from duizhao.core.compare.comparison import (
    RELATIONS,
    CompareCancelled,
    CompareError,
    Comparison,
    Row,
    Topic,
    compare,
)
from duizhao.core.compare.export import export

__all__ = [
    "RELATIONS",
    "CompareCancelled",
    "CompareError",
    "Comparison",
    "Row",
    "Topic",
    "compare",
    "export",
]
