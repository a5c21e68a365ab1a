"""The Stories panel: stories of the library, their coverage and timeline.

- :mod:`.model` -- the stories as a table model, its filter and sort, the
  coverage bar;
- :mod:`.timeline` -- a story's articles on a date axis by outlet;
- :mod:`.panel` -- the panel, grouping in the task runner.
"""

from duizhao.ui.stories.model import StoriesModel, StoriesProxy, StoriesSnapshot
from duizhao.ui.stories.panel import StoriesPanel, make_snapshot
from duizhao.ui.stories.timeline import Mark, StoryTimeline

__all__ = [
    "Mark",
    "StoriesModel",
    "StoriesPanel",
    "StoriesProxy",
    "StoriesSnapshot",
    "StoryTimeline",
    "make_snapshot",
]
