"""A second opinion on the publication day where the page's own reading finds none: htmldate.

htmldate (Barbaresi) reads the whole page with heuristics of its own (attributes, element and text
patterns, the oldest plausible date with ``original_date=True``). Ours is tried first (machine values, the
date by the headline, the URL); htmldate runs only on pages where ours found nothing, so its cost (a second
parse, with lxml) is paid on those pages only. It gives a day, never a time: the
record writes it ``T00:00:00`` in the page's zone with precision ``"day"``.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

# htmldate logs every page it cannot date; a crawl counts undated pages itself.
logging.getLogger("htmldate").setLevel(logging.CRITICAL)
# htmldate's fast mode: its extensive search (dateparser over the page's text) read 0.912 of bench/dates
# against 0.899 fast, but took 0.4 s a page on average where it ran and 8.7 s on one page; fast mode takes
# ~16 ms (at most ~70 ms) on the 6% of bench/dates pages and 1.7% of ScrapingHub pages where it runs.
EXTENSIVE_SEARCH = False


def publication_day(html: str, url: str, *, not_after: datetime) -> date | None:
    """The day htmldate reads as the page's original publication, or ``None`` (also when it fails)."""
    from htmldate import find_date  # imported on the first page that needs it: most pages never do

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=EXTENSIVE_SEARCH,
                          max_date=not_after.strftime("%Y-%m-%d"))
        return date.fromisoformat(found) if found else None
    except Exception:  # noqa: BLE001  a second opinion must never cost the page its record
        return None
