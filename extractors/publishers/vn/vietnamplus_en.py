"""VietnamPlus's English edition (same CMS family as vietnamplus.vn, targets.md §5)."""

from ...sites.families import ZceCms
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vietnamplus_en",
    title="VietnamPlus (English)",
    domains=("en.vietnamplus.vn",),
    languages=("en",),
    country="vn",
    sources=(
        Source("https://en.vietnamplus.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    edition_of="vietnamplus",
    profile=ZceCms,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/vietnamplus_en/, built from targets.md §5): headline, date, author, body, caption right, the same with the family profile as with generic. Unmeasured on a real page."
    ),
)
