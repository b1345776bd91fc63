"""VietNamNet (no layout facts in targets.md; a real page is known in a public repository, not copied)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vietnamnet",
    title="VietNamNet",
    domains=("vietnamnet.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://vietnamnet.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/vietnamnet/, built from no known facts: an invented plain layout): headline, date, author, caption right, the lead opens the body (known error). Says nothing of the real site."
    ),
)
