"""``scrapy crawl`` that exits 1 when the crawl's alarms failed, so cron and CI notice a broken crawl.

Scrapy's own ``crawl`` returns 1 only when the crawler could not start (a seen-store in use by
another crawl is such a case). This subclass also returns 1 when :mod:`crawler.alarms` marked the
finished crawl failed (stat ``alarms/failed``). Everything else is Scrapy's command unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.alarms import crawl_failed

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler


class Command(ScrapyCrawlCommand):
    _crawler: Crawler | None = None

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self._crawler = super()._create_crawler(spidercls)
        return self._crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.exitcode == 0 and self._crawler is not None and self._alarms_failed(self._crawler):
            self.exitcode = 1

    @staticmethod
    def _alarms_failed(crawler: Crawler) -> bool:
        try:
            stats = crawler.stats.get_stats()
        except RuntimeError:  # stats never created: the crawl did not start (bootstrap_failed covers it)
            return False
        return crawl_failed(stats)
