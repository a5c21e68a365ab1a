"""Text: scripts and script views with exact offset maps, words and sentences.

The lowest layer of the core; everything above reads articles through it.

- :mod:`.textmap` -- :class:`OffsetMap` between a text and a converted copy of
  it, in code points and in UTF-16 units (:class:`Utf16Index`, what Qt counts).
- :mod:`.script` -- which script a text is written in (:func:`detect_script`),
  OpenCC conversion (:func:`convert`), and the views of an article
  (:func:`build_view`, :func:`view_text`, :class:`ViewCache`), among them the
  normalised Simplified *analysis* view (:func:`analysis_view`) that
  segmentation, search, entities and the comparison all read; a view may be
  built with people's names protected, which :mod:`.names` converts as names.
- :mod:`.regions` -- where a text was written, as its usage tells
  (:func:`detect_region`: Hong Kong or Taiwan usage, or not known); an
  article's region picks the configurations of its views (:data:`CONFIGS`).
- :mod:`.segment` -- jieba behind :class:`Segmenter` (one shared instance,
  :func:`shared_segmenter`), and :func:`sentences`.
- :mod:`.reading` -- the reading aid: the word at a position (:func:`word_at`)
  and its pinyin, zhuyin and CC-CEDICT glosses (:func:`reading`).

Every span these modules return is in code points of the original text.
"""

from duizhao.core.text.names import name_text
from duizhao.core.text.reading import Reading, reading, word_at
from duizhao.core.text.regions import REGIONS, RegionGuess, UsageDataError, detect_region
from duizhao.core.text.script import (
    ANALYSIS_CONFIGS,
    CONFIGS,
    USAGES,
    VIEW_CONFIGS,
    VIEWS,
    Script,
    View,
    ViewCache,
    analysis_view,
    build_view,
    convert,
    converter,
    converter_version,
    detect_script,
    usage_of,
    view_config,
    view_text,
)
from duizhao.core.text.segment import (
    Segmenter,
    sentences,
    shared_segmenter,
    use_shared_segmenter,
)
from duizhao.core.text.textmap import OffsetMap, Utf16Index

__all__ = [
    "ANALYSIS_CONFIGS",
    "CONFIGS",
    "REGIONS",
    "USAGES",
    "VIEWS",
    "VIEW_CONFIGS",
    "OffsetMap",
    "Reading",
    "RegionGuess",
    "Script",
    "Segmenter",
    "UsageDataError",
    "Utf16Index",
    "View",
    "ViewCache",
    "analysis_view",
    "build_view",
    "convert",
    "converter",
    "converter_version",
    "detect_region",
    "detect_script",
    "name_text",
    "reading",
    "sentences",
    "shared_segmenter",
    "usage_of",
    "use_shared_segmenter",
    "view_config",
    "view_text",
    "word_at",
]
