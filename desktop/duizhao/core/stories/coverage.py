"""Who covers a story: each article's outlet and the region it reports from.

One small function, :func:`outlet_and_region`, so that outlet profiles (the
``resources/outlets`` table and :func:`duizhao.core.ingest.find_outlet`)
come in through one place. Until an outlet is known, the article's
``source`` as written is its outlet and its region is ``unknown``.
"""

from __future__ import annotations

#: the regions of the outlet profiles, in the order a coverage bar shows them
REGIONS = ("mainland", "taiwan", "hongkong", "macau", "singapore-malaysia", "overseas", "unknown")
UNKNOWN_OUTLET = "unknown outlet"


def outlet_and_region(source: str | None, url: str | None) -> tuple[str, str]:
    """The outlet's name and region of an article with this source line and URL."""
    outlet = (source or "").strip()
    return (outlet or UNKNOWN_OUTLET, "unknown")
