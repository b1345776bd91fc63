"""Tuổi Trẻ (VCCorp-style CMS, targets.md §4)."""

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="tuoitre",
    title="Tuổi Trẻ",
    domains=("tuoitre.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://tuoitre.vn/rss/tin-moi-nhat.rss", "feed"),
        Source("https://tuoitre.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=VccorpCms,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/tuoitre/, built from targets.md §4): headline, date, body, caption and credit right with generic and with the family profile; generic credited only the first of the two reporters, the family's byline [data-role=author] both. Unmeasured on a real page. RSS pubDate reads 'Fri, 03 Apr 2026 22:32:47 GMT+7', which parses without an offset: the source zone makes it Vietnam time."
    ),
)
