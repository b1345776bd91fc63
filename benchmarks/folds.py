"""Publisher folds: which bench pages a rule may be tuned on, and which only judge it.

A page's publisher is its fundus id without the date (``de-NTV_2025_12_12`` -> ``de-NTV``), a readability test page is its own publisher, else its
URL's host without ``www.``. ``fold(publisher) = crc32(publisher) % 5``: folds 0-2 are *seen*
(tuning: look at their pages, write rules from them), folds 3-4 are *unseen* (held out: read only
their aggregate scores, never a page). A rule stays only if it pays on the unseen folds; every
benchmark reports seen, unseen and the gap (seen - unseen).
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import urlsplit

FOLDS = 5
SEEN_FOLDS = frozenset({0, 1, 2})
UNSEEN_FOLDS = frozenset({3, 4})
_FUNDUS_DATE_RE = re.compile(r"_\d{4}_\d{2}_\d{2}$")


def publisher_of(page_id: str, url: str, set_name: str) -> str:
    if set_name == "fundus":
        return _FUNDUS_DATE_RE.sub("", page_id)
    if set_name == "readability":  # no URLs in its truth; each test page is a different site
        return f"readability-{page_id}"
    return (urlsplit(url).hostname or page_id).lower().removeprefix("www.")


def fold_of(publisher: str) -> int:
    return zlib.crc32(publisher.encode("utf-8")) % FOLDS


def is_seen(page_id: str, url: str, set_name: str) -> bool:
    return fold_of(publisher_of(page_id, url, set_name)) in SEEN_FOLDS
