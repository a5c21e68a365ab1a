"""Import: files in, cleaned and described articles in the library.

- :mod:`.encoding` decodes bytes (UTF-8 with or without BOM, UTF-16/32,
  GB18030, Big5 …) or refuses them with a reason;
- :mod:`.readers` turns text, Markdown or HTML into body text and the
  metadata the format states: front matter read safely by
  :mod:`.frontmatter`, web pages by :mod:`.pages` (main text checked against
  what the page shows);
- :mod:`.documents` reads PDF (text layer), Word (.docx) and MHTML files;
- :mod:`.fetching` fetches a URL, only when the user gives one;
  :mod:`.feeds` reads RSS and Atom and imports each new item once;
- :mod:`.lines` holds the text as lines that rules can remove, remembering
  what was removed and why;
- :mod:`.cleaning` applies the boilerplate rules of
  ``resources/cleaning/rules.yaml``; :mod:`.metadata` reads (and removes)
  metadata lines; :mod:`.dates` reads dates in the forms news pages use;
- :mod:`.pipeline` runs those steps for one file (:func:`parse`) and again
  from the stored raw input when the rules improve (:func:`reclean`);
- :mod:`.importer` walks paths and writes each file to the library in its
  own transaction (:func:`import_paths`);
- :mod:`.demo` builds the demo library from ``resources/demo``;
- :mod:`.outlets` knows the outlets (``resources/outlets/outlets.yaml``):
  who published an article and who relayed it (:func:`find_outlet`).
"""

from duizhao.core.ingest.cleaning import RuleSet, default_rules
from duizhao.core.ingest.demo import ensure_demo_library
from duizhao.core.ingest.encoding import DecodeError
from duizhao.core.ingest.feeds import FeedParseError, fetch_feeds, parse_feed
from duizhao.core.ingest.fetching import Fetcher, FetchError, check_url, is_url
from duizhao.core.ingest.importer import (
    Candidate,
    ImportOptions,
    collect,
    import_one,
    import_paths,
    pasted,
    with_fetcher,
)
from duizhao.core.ingest.outlets import (
    KINDS,
    REGIONS,
    Outlet,
    OutletDataError,
    OutletMatch,
    apply_descriptions,
    article_origin,
    fill_origins,
    find_outlet,
    outlet_by_key,
    outlet_for_url,
    outlet_name,
    outlet_profiles,
)
from duizhao.core.ingest.pipeline import ImportRefused, parse, reclean
from duizhao.core.ingest.readers import ReadError

__all__ = [
    "KINDS",
    "REGIONS",
    "Outlet",
    "OutletDataError",
    "OutletMatch",
    "apply_descriptions",
    "article_origin",
    "fill_origins",
    "find_outlet",
    "outlet_by_key",
    "outlet_for_url",
    "outlet_name",
    "outlet_profiles",
    "Candidate",
    "DecodeError",
    "FeedParseError",
    "FetchError",
    "Fetcher",
    "ImportOptions",
    "ImportRefused",
    "ReadError",
    "RuleSet",
    "check_url",
    "collect",
    "default_rules",
    "ensure_demo_library",
    "fetch_feeds",
    "import_one",
    "import_paths",
    "is_url",
    "parse",
    "parse_feed",
    "pasted",
    "reclean",
    "with_fetcher",
]
