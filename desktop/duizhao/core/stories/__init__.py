"""Stories: the library's articles about one event, across outlets and scripts.

- :mod:`.features` -- what the grouping reads of an article (title and lead,
  linked names, rare words, date, a sketch of its text to tell copies),
  kept in the library once made;
- :mod:`.grouping` -- how alike two articles are, and average-linkage
  clusters of them;
- :mod:`.catalogue` -- stories kept in the library (schema migration 7):
  :func:`regroup`, the incremental :class:`StoryIndex`, the user's
  corrections (move, split, merge) that survive regrouping, and reading;
- :mod:`.labels` -- a headline-like label from key names and event words;
- :mod:`.coverage` -- each article's outlet and region.
"""

from duizhao.core.stories.catalogue import (
    StoriesCancelled,
    Story,
    StoryError,
    StoryIndex,
    assign_articles,
    bring_up_to_date,
    get_story,
    list_stories,
    merge_stories,
    move_article,
    regroup,
    split_story,
    story_of,
    unassigned,
    unpin,
)
from duizhao.core.stories.coverage import (
    REGIONS,
    UNKNOWN_OUTLET,
    described_region,
    outlet_and_region,
)
from duizhao.core.stories.features import Features, article_features, make_features
from duizhao.core.stories.grouping import THRESHOLD, Scorer, cluster
from duizhao.core.stories.labels import label_in, story_label

__all__ = [
    "REGIONS",
    "THRESHOLD",
    "UNKNOWN_OUTLET",
    "Features",
    "Scorer",
    "StoriesCancelled",
    "Story",
    "StoryError",
    "StoryIndex",
    "article_features",
    "assign_articles",
    "bring_up_to_date",
    "cluster",
    "get_story",
    "label_in",
    "list_stories",
    "make_features",
    "merge_stories",
    "move_article",
    "described_region",
    "outlet_and_region",
    "regroup",
    "split_story",
    "story_label",
    "story_of",
    "unassigned",
    "unpin",
]
