"""vietnam.vn: the state portal that republishes Vietnamese newspapers (targets.md §1)."""

from ...sites.vietnam_vn import VietnamVnPage
from .. import AGGREGATOR_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vietnam_vn",
    title="Vietnam.vn",
    domains=("vietnam.vn",),  # and its vcdn.vietnam.vn mirror
    languages=("vi", "en", "ko"),
    country="vn",
    sources=(
        # lastmod in UTC with milliseconds ("2026-07-08T04:04:10.339Z"); only the daily post sitemaps are articles.
        Source("https://www.vietnam.vn/sitemap.xml", "sitemap", timezone="UTC",
               follow=r"/sitemap-post/\d{4}-\d{2}-\d{2}\.xml"),
        Source("https://www.vietnam.vn/news-sitemap.xml", "news_sitemap", timezone="UTC"),
    ),
    profile=VietnamVnPage,
    alarm_floors=AGGREGATOR_FLOORS,
    aggregator=True,
    notes="The vietnam_vn spider crawls it with its day-file date rule; `news -a publisher=vietnam_vn` reads the "
          "same sitemaps with the generic window rule.",
)
