"""Báo Chính phủ, the government portal (VCCorp-style CMS, targets.md §4)."""

from ...sites.families import VccorpCms
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
    profile=VccorpCms,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/baochinhphu/, built from targets.md §4): headline (entity-encoded in JSON-LD), date, body, caption right; the same with the family profile as with generic; the site's own name in JSON-LD is credited as author (known error: the profile's site_names apply only with a byline_selector). Unmeasured on a real page."
    ),
)
