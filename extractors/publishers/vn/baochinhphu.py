"""Báo Chính phủ, the government portal (VCCorp-style CMS, targets.md §4)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="baochinhphu",
    title="Báo Điện tử Chính phủ",
    domains=("baochinhphu.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://baochinhphu.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/baochinhphu/, built from targets.md §4): headline (entity-encoded in JSON-LD), date, body, caption right; the site's own name in JSON-LD is credited as author (known error). Unmeasured on a real page."
    ),
)
