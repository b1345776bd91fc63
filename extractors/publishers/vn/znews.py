"""Znews (formerly Zing News; no layout facts in targets.md)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="znews",
    title="Znews",
    domains=("znews.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://znews.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/znews/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
