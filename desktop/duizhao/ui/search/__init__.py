"""Search in the window: the panel, its results model and the result delegate.

- :mod:`.panel` — :class:`SearchPanel`, the query box and results, searching
  on the task runner;
- :mod:`.model` — :class:`SearchResultsModel`, one row per hit, with the
  HTML a result is drawn with;
- :mod:`.delegate` — :class:`HitDelegate`, which draws it.
"""

from __future__ import annotations

from duizhao.ui.search.delegate import HitDelegate
from duizhao.ui.search.model import FIRST_MATCH_ROLE, HIT_ROLE, HTML_ROLE, SearchResultsModel
from duizhao.ui.search.panel import BUSY_MESSAGE, SearchOutcome, SearchPanel

__all__ = [
    "BUSY_MESSAGE",
    "FIRST_MATCH_ROLE",
    "HIT_ROLE",
    "HTML_ROLE",
    "HitDelegate",
    "SearchOutcome",
    "SearchPanel",
    "SearchResultsModel",
]
