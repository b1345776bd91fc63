"""Kênh 14, entertainment news (VCCorp CMS family, targets.md §4; real page: research/pages/vn)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="kenh14",
    title="Kênh 14",
    domains=("kenh14.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://kenh14.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Real 2014 mobile page tests/fixtures/kenh14/: headline, date, body end right; NOT enough: the byline is missed, the sapo opens the body, photos get a paragraph as caption (known errors)."
    ),
)
