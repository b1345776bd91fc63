"""The second reading: a second opinion on a page whose first reading is weak.

The first reading (:func:`content.find_main`) trusts class and id names: a subtree named ``share``,
``related``, ``sidebar``... holds no body. On most pages that is right, and cheap. On some it hides
the article: a documentation page whose section ids are slugs of their headings
(``id="sharing-with-multiple-developers"``), a stream of short stories each wrapped in a
``…-share-wrapper``, a CMS that names its text boxes ``promo-text``. Then the chosen container holds
a small part of the page's prose, or nothing is chosen at all.

The second reading uses the same walk (no new pass over the tree): only reader comments, teaser
cards and ``<aside>``/``<nav>``/``<footer>`` blocks stay boilerplate, every other name is ignored, and
the container is chosen again by the same score. The page keeps the second reading only when it
gives clearly more body text than the first (the measured rule below); otherwise the names are
trusted again and the first reading stands.

Calibration (seen folds 0-2 of ScrapingHub, fundus and readability only; the figures on the unseen
folds are in the README's "Body rules" section):

* ``WEAK_SHARE``: the first reading is weak when its container holds under this share of the page's
  prose (prose counted with every name ignored). 16 seen pages fall under 0.4: the two the second
  reading repairs hold 0.05 and 0.07 (a documentation page, a photo-gallery story); the four it made
  worse hold 0.31-0.40 (its container was then the whole ``<body>``: sidebars, teasers, other
  stories); the other ten are the same either way (0.06-0.37). 0.2 keeps the first two and none of
  the four.
* ``GAIN``/``MIN_GAIN``: the second reading must give at least twice the first's body characters plus
  300, so a first reading that rightly dropped a box is not traded for one that keeps it (a guard: on
  the seen pages under 0.2 the second reading gave 4.5x and 20x, or the same container).

Cost: the weakness test is two numbers of the walk already made; the second reading (one pass over
the element totals, and the two candidates' lines counted) runs only on weak pages.
"""

from __future__ import annotations

from collections.abc import Callable

from . import pagetype
from .segments import Reading, Totals, confirm_boilerplate

WEAK_SHARE = 0.2
MIN_PAGE_PROSE = 400  # characters of prose on the whole page below which there is nothing to find
GAIN = 2.0
MIN_GAIN = 300


def second_reading(reading: Reading, first: Totals | None, choose: Callable[[Reading], Totals | None],
                   body_chars: Callable[[Totals, bool], int]) -> Totals | None:
    """The container of the names-off reading when it should replace ``first``, else ``None`` (and the
    reading's boilerplate verdicts are those of the first reading again).

    ``choose`` picks a container from a reading; ``body_chars(container, trust_names)`` counts the body
    text it gives."""
    page_prose = reading.root.good
    if page_prose < MIN_PAGE_PROSE or (first is not None and first.effective_good >= WEAK_SHARE * page_prose):
        return None
    first_chars = body_chars(first, True) if first is not None else 0
    confirm_boilerplate(reading.containers, page_prose, trust_names=False)
    second = choose(reading)
    if second is not None and second is not first and body_chars(second, False) >= GAIN * first_chars + MIN_GAIN:
        return second
    confirm_boilerplate(reading.containers, page_prose)
    return None


# The short-lines reading: a page of short blocks (lines of a poem, a list of short entries, a story cut
# into one-line <div>s without full stops) has no "prose" by the first reading's measure, so it gives no
# container or one with a line or two. When the reading so far gives under MIN_BODY_CHARS of body, the
# container is chosen again counting short lines without links as text, and short lines are kept.
MIN_BODY_CHARS = 200  # pagetype's article minimum: below it the page would give no record
MIN_SHORT_TEXT = 400  # characters of short lines on the page below which there is nothing to find


def short_lines_reading(reading: Reading, current: Totals | None, choose: Callable[[Reading], Totals | None],
                        body_chars: Callable[[Totals, bool], int]) -> Totals | None:
    """The container of the short-lines reading when the reading so far gives too little body, else ``None``.

    ``body_chars(container, keep_short)`` counts the body text a container gives."""
    if reading.root.short < MIN_SHORT_TEXT or (current is not None and current.effective_good >= MIN_BODY_CHARS):
        return None  # (prose in the container: its body is long enough, or the short lines cannot help)
    current_chars = body_chars(current, False) if current is not None else 0
    if current_chars >= MIN_BODY_CHARS:
        return None
    found = choose(reading)
    if found is None or body_chars(found, True) < max(MIN_BODY_CHARS, GAIN * current_chars):
        return None
    # Short lines under teaser titles are a list of other pages (the first reading's brief stands).
    return found if pagetype.teaser_titles(found.node) < pagetype.MIN_TEASERS else None
