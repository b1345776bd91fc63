"""Sài Gòn Giải Phóng (a source paper vietnam.vn credits, targets.md §1.4; no layout facts)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="sggp",
    title="Báo Sài Gòn Giải Phóng",
    domains=("sggp.org.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://www.sggp.org.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/sggp/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
