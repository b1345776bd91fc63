"""Viet Nam News, the news agency's English daily (no layout facts in targets.md)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vietnamnews",
    title="Viet Nam News",
    domains=("vietnamnews.vn",),
    languages=("en",),
    country="vn",
    sources=(
        Source("https://vietnamnews.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/vietnamnews/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
