"""Người Lao Động (VCCorp-style CMS family, targets.md §4)."""

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="nld",
    title="Báo Người Lao Động",
    domains=("nld.com.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://nld.com.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=VccorpCms,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/nld/, built from the VCCorp family of targets.md §4): headline, date, author, body, caption and credit right, the same with the family profile as with generic. Unmeasured on a real page."
    ),
)
