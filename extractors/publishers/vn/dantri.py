"""Dân trí (targets.md §6)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="dantri",
    title="Báo Dân trí",
    domains=("dantri.com.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://dantri.com.vn/rss/home.rss", "feed"),
        Source("https://dantri.com.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Real 2016 mobile page tests/fixtures/dantri/: headline, author, body and captions right; the date loses its time, the description keeps '(Dân trí) - ', a banner gets a caption (known errors). Generic is enough for the body; the date is a generic dates error."
    ),
)
