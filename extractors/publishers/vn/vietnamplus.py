"""VietnamPlus, the news agency (TTXVN) site (cms-title / zce-content-body CMS family, targets.md §5)."""

from .. import STANDARD_FLOORS, Publisher, Source

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
    generic_checked=(
        "Real page tests/fixtures/vietnamplus/: headline, date, sapo, body right; NOT enough: the '(TTXVN/Vietnam+)' agency line closes the body and the HLS lead video is missed (known errors; a cms-family profile hint: source line .article__source)."
    ),
)
