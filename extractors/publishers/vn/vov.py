"""VOV, the national radio's news site (targets.md §6)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vov",
    title="VOV (Đài Tiếng nói Việt Nam)",
    domains=("vov.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://vov.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/vov/, built from targets.md §6): headline, date, author, caption right; the bold sapo opens the body and the 'Name/VOV.VN' byline closes it (known errors). Unmeasured on a real page."
    ),
)
