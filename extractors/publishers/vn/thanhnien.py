"""Thanh Niên (VCCorp-style CMS, targets.md §4)."""

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="thanhnien",
    title="Báo Thanh Niên",
    domains=("thanhnien.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://thanhnien.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=VccorpCms,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/thanhnien/, built from targets.md §4): headline, date, author, body, caption and credit right, the same with the family profile as with generic. Unmeasured on a real page."
    ),
)
