"""VnExpress International, VnExpress's English edition (same CMS as vnexpress.net)."""

from ...sites.vnexpress import VnExpressPage
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vnexpress_en",
    title="VnExpress International",
    domains=("e.vnexpress.net",),
    languages=("en",),
    country="vn",
    sources=(
        Source("https://e.vnexpress.net/robots.txt", "robots"),
    ),
    profile=VnExpressPage,
    alarm_floors=STANDARD_FLOORS,
    edition_of="vnexpress",
    notes="Uses the vnexpress profile (same CMS). measured only on a reconstruction (tests/fixtures/vnexpress_en/, built from targets.md §3): headline, date, author, body, caption right; the English credit 'Photo by VnExpress/Name' is not parsed (known error).",
)
