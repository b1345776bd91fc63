"""``scrapy crawl`` that exits 1 when the crawl's alarms failed, so cron and CI notice a broken crawl.

Scrapy's own ``crawl`` returns 1 only when the crawler could not start (a seen-store in use by
another crawl is such a case). This subclass also returns 1 when :mod:`crawler.alarms` marked the
finished crawl failed (stat ``alarms/failed``), and 2 with one line ``error: ...`` for a bad spider
argument (``-a since=bad-date``). A crawl refused at start (:class:`crawler.errors.CrawlRefused`: feed,
seen-store or JOBDIR in use) shows its one ERROR line and no traceback. Everything else is Scrapy's
command unchanged.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.alarms import crawl_failed
from crawler.errors import CrawlRefused, SpiderArgumentError
from crawler.seenstore import SeenStoreBusy
from crawler.window import WindowError

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
        process = self.crawler_process
        assert process is not None
        crawl = process.crawl

        def crawl_and_watch(*crawl_args: Any, **crawl_kwargs: Any) -> Any:
            started = crawl(*crawl_args, **crawl_kwargs)
            if hasattr(started, "add_done_callback"):  # an asyncio task (AsyncCrawlerProcess)
                started.add_done_callback(self._startup_failed)
            return started

        process.crawl = crawl_and_watch  # type: ignore[method-assign]
        try:
            super().run(args, opts)
        finally:
            process.crawl = crawl  # type: ignore[method-assign]
        if self._argument_error is not None:
            print(f"error: {self._argument_error}", file=sys.stderr)
            self.exitcode = 2
        elif self.exitcode == 0 and self._crawler is not None and self._alarms_failed(self._crawler):
            self.exitcode = 1

    _argument_error: Exception | None = None

    def _startup_failed(self, task: Any) -> None:
        """A crawl that could not start for a reason already told in one line: no traceback beside it."""
        if task.cancelled():
            return
        error = task.exception()  # retrieved: asyncio does not print it as "never retrieved"
        if error is None:
            return
        if isinstance(error, (SpiderArgumentError, WindowError)):
            self._argument_error = error
        elif not isinstance(error, (CrawlRefused, SeenStoreBusy)):
            logging.getLogger(__name__).error("The crawl could not start", exc_info=error)

    @staticmethod
    def _alarms_failed(crawler: Crawler) -> bool:
        try:
            stats = crawler.stats.get_stats()
        except RuntimeError:  # stats never created: the crawl did not start (bootstrap_failed covers it)
            return False
        return crawl_failed(stats)
