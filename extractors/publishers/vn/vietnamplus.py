"""VietnamPlus, the news agency (TTXVN) site (cms-title / zce-content-body CMS family, targets.md §5)."""

from ...sites.families import ZceCms
from .. import STANDARD_FLOORS, Publisher, Source


class VietnamPlusPage(ZceCms):
    """The agency credit '(TTXVN/Vietnam+)' closes the body in .article__source: no body (and VietnamPlus is
    the agency's own site, so it names no other paper)."""

    name = "vietnamplus"
    drop_selectors = ".article__source"


PUBLISHER = Publisher(
    name="vietnamplus",
    title="VietnamPlus",
    domains=("vietnamplus.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://www.vietnamplus.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=VietnamPlusPage,
    notes=(
        "Real page tests/fixtures/vietnamplus/: headline, date, sapo, body right, generic kept the '(TTXVN/Vietnam+)' agency line (.article__source) as the last body paragraph; the profile drops it (drop_selectors). Still missed: the HLS lead video (known error). No person is credited: the newsroom is the author, and the record warns profile_fallback:authors (no .article__author on the page)."
    ),
)
