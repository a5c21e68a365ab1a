"""Who covers a story: each article's outlet and the region it reports from.

One small function, :func:`outlet_and_region`, through which the outlet
profiles (``resources/outlets/outlets.yaml``, read by
:func:`duizhao.core.ingest.find_outlet`) reach the stories: an article's
outlet is the profile that its source line or its URL's domain names (中央社
relayed by a portal stays 中央社), in the profile's display name, so one
outlet written in both scripts or with a typo counts once. An outlet with no
profile is shown as its source line says, in region ``unknown`` unless the
user described it (:func:`described_region`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from duizhao.core.ingest import find_outlet

#: the regions of the outlet profiles, in the order a coverage bar shows them
REGIONS = ("mainland", "taiwan", "hongkong", "macau", "singapore-malaysia", "overseas", "unknown")
UNKNOWN_OUTLET = "unknown outlet"


@lru_cache(maxsize=4096)
def outlet_and_region(source: str | None, url: str | None) -> tuple[str, str]:
    """The outlet's name and region of an article with this source line and URL."""
    match = find_outlet(source, url)
    if match is not None:
        region = match.outlet.region if match.outlet.region in REGIONS else "unknown"
        return match.outlet.name, region
    outlet = (source or "").strip()
    return (outlet or UNKNOWN_OUTLET, "unknown")


def described_region(found: tuple[str, str], described: Mapping[str, Any]) -> tuple[str, str]:
    """``found`` (an outlet and its region), with the region the user gave an
    outlet that has no profile (``described``: by name, as articles write it)."""
    name, region = found
    if region == "unknown" and name in described:
        given = str(described[name].region)
        return name, given if given in REGIONS else "unknown"
    return found
