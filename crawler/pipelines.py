"""Item pipelines: nothing reaches the feed unless it is a whole, schema-valid record."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from extractors import validation_errors

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class SchemaValidationPipeline:
    """Checks every record against the article JSON Schema; a failing record is dropped, never written.

    The reason is logged (every schema violation, up to ``VALIDATION_LOG_MAX_ERRORS``) and counted under
    ``articles/skipped/invalid_record``, so the crawl report shows it beside the other skip reasons.
    """

    def __init__(self, crawler: Crawler) -> None:
        # Keep the crawler, not its stats: stats may not be read before the crawl starts (Scrapy 2.18+).
        self.crawler = crawler
        self.max_logged = crawler.settings.getint("VALIDATION_LOG_MAX_ERRORS", 5)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        errors = validation_errors(ItemAdapter(item).asdict())
        if not errors:
            return item
        url = ItemAdapter(item).get("url")
        self.crawler.stats.inc_value("articles/skipped/invalid_record")
        shown = "; ".join(errors[: self.max_logged]) + (f"; (+{len(errors) - self.max_logged} more)"
                                                          if len(errors) > self.max_logged else "")
        logger.warning("Invalid record from %s: %s", url, shown)
        raise DropItem(f"invalid record from {url}: {len(errors)} schema error(s)")
