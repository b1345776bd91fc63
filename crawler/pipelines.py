"""Item pipelines: nothing reaches the feed unless it is a whole, schema-valid record."""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from extractors import article_schema, validation_errors

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


@cache
def compiled_validator() -> Callable[[dict[str, Any]], Any]:
    """The article schema compiled to Python code (fastjsonschema): ~0.03 ms a record, jsonschema's ~0.5 ms.

    fastjsonschema knows drafts 4-7; the schema uses nothing newer than draft 7 (``$defs`` is reached by
    ``$ref`` as a JSON pointer), which ``tests/test_pipelines.py`` holds by comparing both validators.
    """
    schema = {**article_schema(), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(schema)


def is_valid_record(record: dict[str, Any]) -> bool:
    try:
        compiled_validator()(record)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


class SchemaValidationPipeline:
    """Checks every record against the article JSON Schema; a failing record is dropped, never written.

    The compiled validator decides; only a failing record is run through jsonschema as well, for its list of
    readable errors. The reason is logged (every schema violation, up to ``VALIDATION_LOG_MAX_ERRORS``) and
    counted under ``articles/skipped/invalid_record``, so the crawl report shows it beside the other reasons.
    """

    def __init__(self, crawler: Crawler) -> None:
        # Keep the crawler, not its stats: stats may not be read before the crawl starts (Scrapy 2.18+).
        self.crawler = crawler
        self.max_logged = crawler.settings.getint("VALIDATION_LOG_MAX_ERRORS", 5)
        compiled_validator()  # compile once now, not on the first record

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        # A dict item is validated as it is: ItemAdapter.asdict() would copy the whole record first.
        record = item if isinstance(item, dict) else ItemAdapter(item).asdict()
        if is_valid_record(record):
            return item
        errors = validation_errors(record) or ["rejected by the compiled validator"]
        url = record.get("url")
        self.crawler.stats.inc_value("articles/skipped/invalid_record")
        shown = "; ".join(errors[: self.max_logged]) + (f"; (+{len(errors) - self.max_logged} more)"
                                                          if len(errors) > self.max_logged else "")
        logger.warning("Invalid record from %s: %s", url, shown)
        raise DropItem(f"invalid record from {url}: {len(errors)} schema error(s)")
