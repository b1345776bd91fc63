"""Bounds on what one page may cost the crawl, beyond Scrapy's own (``DOWNLOAD_MAXSIZE`` bounds the body,
downloaded and inflated; ``DOWNLOAD_TIMEOUT`` the fetch): here, the size of the record written."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any, Self

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class RecordTooLarge(DropItem):
    reason = "too_large_record"


class RecordSizeLimit:
    """Item pipeline: a record whose JSON line would exceed ``RECORD_MAXSIZE`` bytes is dropped and counted
    (``articles/skipped/too_large_record``), so one page can never write a gigabyte line."""

    def __init__(self, crawler: Crawler, limit: int) -> None:
        self.crawler = crawler
        self.limit = limit

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler, crawler.settings.getint("RECORD_MAXSIZE", 4 * 1024 * 1024))

    def process_item(self, item: Any) -> Any:
        if not self.limit:
            return item
        size = len(json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False, default=str).encode("utf-8"))
        if size <= self.limit:
            return item
        url = ItemAdapter(item).get("url")
        self.crawler.stats.inc_value(f"articles/skipped/{RecordTooLarge.reason}")
        logger.warning("Record from %s is %d bytes, over RECORD_MAXSIZE (%d): dropped", url, size, self.limit)
        raise RecordTooLarge(f"record from {url} is {size} bytes, over RECORD_MAXSIZE")
