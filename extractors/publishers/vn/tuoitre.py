"""Tuổi Trẻ (VCCorp-style CMS, targets.md §4)."""

from ...sites.families import VCCorpFamily
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
    profile=VCCorpFamily,
    notes=(
        "Measured only on a reconstruction (tests/fixtures/tuoitre/, built from targets.md §4): headline, date, body, caption and credit right, the same with the family profile as with generic; only the first of two reporters is credited (known error). Unmeasured on a real page. RSS pubDate reads 'Fri, 03 Apr 2026 22:32:47 GMT+7', which parses without an offset: the source zone makes it Vietnam time."
    ),
)
