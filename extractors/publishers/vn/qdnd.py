"""Quân đội nhân dân, the army daily (no layout facts in targets.md)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="qdnd",
    title="Báo Quân đội nhân dân",
    domains=("qdnd.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://www.qdnd.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/qdnd/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
