"""What the project's spiders share: article requests, the extraction callback, sitemap reading, and the
stats that say why a page gave no record.

Stats written here (the crawl report reads them):

- ``pages/fetched``: article candidates that got an HTTP response (any status);
- ``articles/extracted``: records handed to the item pipelines;
- ``articles/skipped/<reason>``: candidates that gave no record: ``not_article``, ``http_<status>``,
  ``not_html``, ``extract_error``, ``download_error``;
- ``sitemaps/fetched``, ``sitemaps/errors/<status or reason>``: sitemap and feed documents read or failed.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from .. import workers
from ..sitemaps import Entry, NotASitemap, Sitemap, parse_feed, parse_sitemap, response_body

# Sitemaps and feeds are fetched before the articles they list, so discovery finishes early.
DISCOVERY_PRIORITY = 10
_CODE_RE = re.compile(r"^[a-z]{2}(?:-[a-z]{2,4})?$")


def split_list(value: str | list[str] | None) -> list[str]:
    """``-a name=a,b`` arrives as the string ``"a,b"``; code callers may pass a list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else value.split(",")
    return [item.strip() for item in items if item.strip()]


def parse_languages(value: str) -> frozenset[str] | None:
    """``all`` is ``None`` (no filter); otherwise one edition code or a comma list (``vi``, ``en``, ``vi,en``)."""
    codes = [code.lower() for code in split_list(value)]
    if not codes or "all" in codes:
        return None
    bad = [code for code in codes if not _CODE_RE.match(code)]
    if bad:
        raise ValueError(f"lang={value!r}: expected all, vi, en or another 2-letter edition code")
    return frozenset(codes)


class ArticleSpider(Spider):
    """Base of the project's spiders. Subclasses discover URLs; this class turns responses into records."""

    @property
    def crawl_arguments(self) -> dict[str, Any]:
        """The spider's effective arguments, echoed in the crawl report."""
        return {}

    def extraction_url(self, url: str) -> str:
        """The URL the extractor reads a page as (it picks the site profile by it): the page's own here."""
        return url

    def stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)

    # ----- articles ---------------------------------------------------------------------------

    def article_request(self, url: str, *, lastmod: str | None = None,
                        callback: Callable[[Response], Any] | None = None) -> Request:
        """A request for a page expected to be an article.

        ``meta["article"]`` marks it for components that act on article fetches only (an incremental
        seen-store); ``meta["sitemap_lastmod"]`` carries the date the sitemap/feed gave, as given.
        """
        meta: dict[str, Any] = {"article": True}
        if lastmod:
            meta["sitemap_lastmod"] = lastmod
        return Request(url, callback=callback or self.parse_article, errback=self.article_failed, meta=meta)

    async def parse_article(self, response: Response) -> AsyncIterator[dict[str, Any]]:
        """The record of an article page, in schema key order; nothing (and a counted reason) otherwise.

        The page is extracted in a worker process (:mod:`crawler.workers`) while the loop keeps downloading.
        """
        self.stat("pages/fetched")
        if not isinstance(response, TextResponse):
            self.skip("not_html", response.url)
            return
        outcome = await workers.extract(self.crawler, self.extraction_page(response))
        if outcome.record is None:
            if outcome.detail:
                self.logger.error("Extraction failed on %s: %s", response.url, outcome.detail)
            self.skip(outcome.reason or "not_article", response.url)
            return
        record = outcome.record
        record["url"] = response.url
        record["metadata"]["spider"] = self.name
        self.stat("articles/extracted")
        yield record

    def extraction_page(self, response: Response) -> workers.Page:
        """What the extractor is given: the body's bytes, the header's charset, the time of the fetch."""
        content_type = response.headers.get(b"Content-Type")
        return workers.Page(
            body=response.body,
            url=self.extraction_url(response.url),
            content_type=content_type.decode("latin-1") if content_type else None,
            options={"fetched_at": datetime.now(UTC)},
        )

    def article_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        if failure.check(HttpError):
            self.stat("pages/fetched")
            self.skip(f"http_{failure.value.response.status}", request.url)
        elif failure.check(IgnoreRequest):
            # Filtered before any fetch (robots.txt, offsite): Scrapy counts these under its own stats.
            self.logger.debug("Not fetched: %s (%s)", request.url, failure.value)
        else:
            self.logger.warning("Download failed: %s (%r)", request.url, failure.value)
            self.skip("download_error", request.url)

    def skip(self, reason: str, url: str) -> None:
        self.stat(f"articles/skipped/{reason}")
        self.logger.info("No record from %s: %s", url, reason)

    # ----- sitemaps and feeds -----------------------------------------------------------------

    def discovery_request(self, url: str, callback: Callable[..., Any], **cb_kwargs: Any) -> Request:
        """A request for a sitemap or feed: failures are errors, counted under ``sitemaps/errors/``."""
        return Request(url, callback=callback, errback=self.discovery_failed, cb_kwargs=cb_kwargs,
                       priority=DISCOVERY_PRIORITY)

    def read_sitemap(self, response: Response) -> Sitemap | None:
        """The parsed sitemap, or ``None`` after logging and counting why the body is not one."""
        self.stat("sitemaps/fetched")
        try:
            sitemap = parse_sitemap(response_body(response))
        except NotASitemap as exc:
            self.discovery_error(exc.reason, response.url, str(exc))
            return None
        if not sitemap.entries:
            self.stat("sitemaps/empty")
            self.logger.warning("Sitemap %s lists no entry", response.url)
        return sitemap

    def read_feed(self, response: Response) -> list[Entry] | None:
        self.stat("sitemaps/fetched")
        try:
            entries = parse_feed(response_body(response))
        except NotASitemap as exc:
            self.discovery_error(exc.reason, response.url, str(exc))
            return None
        if not entries:
            self.stat("sitemaps/empty")
            self.logger.warning("Feed %s lists no entry", response.url)
        return entries

    def discovery_failed(self, failure: Failure) -> None:
        """A sitemap or feed that did not arrive: never treated as an empty one."""
        url = failure.request.url  # type: ignore[attr-defined]
        if failure.check(HttpError):
            self.discovery_error(str(failure.value.response.status), url, "HTTP error status")
        elif failure.check(IgnoreRequest):
            self.discovery_error("not_fetched", url, str(failure.value))
        else:
            self.discovery_error("download_error", url, repr(failure.value))

    def discovery_error(self, reason: str, url: str, detail: str) -> None:
        self.stat(f"sitemaps/errors/{reason}")
        self.logger.error("Sitemap/feed %s unusable (%s): %s", url, reason, detail)

    def entry_stat(self, outcome: str) -> None:
        """Count what became of a sitemap/feed entry: ``kept``, ``outside_window``, ``other_language`` ..."""
        self.stat(f"sitemaps/entries/{outcome}")
