"""The crawl benchmark's baseline: fetch every page of a sitemap, yield a tiny dict, extract nothing."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider

LOC_RE = re.compile(rb"<loc>([^<]+)</loc>")


class NoopSpider(Spider):
    name = "noop"

    def __init__(self, sitemap: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemap = sitemap
        # The same request guard as the project's spiders (crawler.guard): the local portal is a host the
        # crawl was given, so its loopback address is allowed, and nothing else is.
        host = urlsplit(sitemap).hostname or ""
        self.allowed_domains = [host]
        self.seed_hosts = [host]

    async def start(self) -> Any:
        yield Request(self.sitemap, callback=self.parse_sitemap)

    def parse_sitemap(self, response: Any) -> Any:
        for match in LOC_RE.finditer(response.body):
            yield Request(match.group(1).decode(), callback=self.parse_page)

    def parse_page(self, response: Any) -> Any:
        yield {"url": response.url, "size": len(response.body)}
