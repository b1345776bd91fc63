"""Tuoi Tre News, Tuổi Trẻ's English edition (no layout facts in targets.md)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="tuoitrenews",
    title="Tuoi Tre News",
    domains=("tuoitrenews.vn",),
    languages=("en",),
    country="vn",
    sources=(
        Source("https://tuoitrenews.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    edition_of="tuoitre",
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/tuoitrenews/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
