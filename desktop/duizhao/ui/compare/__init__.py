"""The comparison pane: topics, aligned claims per article, pins, notes,
saved workspaces and exports (see :mod:`duizhao.ui.compare.pane`)."""

from __future__ import annotations

from duizhao.ui.compare.model import CompareRowsModel, RelationFilterModel, TopicListModel
from duizhao.ui.compare.pane import ComparePane

__all__ = ["ComparePane", "CompareRowsModel", "RelationFilterModel", "TopicListModel"]
