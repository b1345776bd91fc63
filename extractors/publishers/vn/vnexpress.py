"""VnExpress (targets.md §3; fundus's VnExpress publisher)."""

from ...sites.vnexpress import VnExpressPage
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vnexpress",
    title="VnExpress",
    domains=("vnexpress.net",),
    languages=("vi",),
    country="vn",
    sources=(
        # RSS pubDate is RFC 822 with +0700.
        Source("https://vnexpress.net/rss/tin-moi-nhat.rss", "feed"),
        Source("https://vnexpress.net/rss/thoi-su.rss", "feed"),
        Source("https://vnexpress.net/robots.txt", "robots"),
    ),
    profile=VnExpressPage,
    alarm_floors=STANDARD_FLOORS,
)
