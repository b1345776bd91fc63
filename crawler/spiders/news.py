"""Any news site, from its sitemap, its feed, or pages to start from."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import sitemap_urls_from_robots

from ..sitemaps import Entry
from ..urls import host_of, is_on_domains, normalize_url
from ..window import DateWindow, parse_timezone
from .base import ArticleSpider, split_list


class NewsSpider(ArticleSpider):
    """A generic news spider: articles are extracted with the site's profile if the registry has one,
    else with the generic extractor. It never leaves the domains (and subdomains) of the URLs it is given.

    Arguments (``scrapy crawl news -a name=value``; at least one of the first three):

    - ``sitemap``: URL(s), comma-separated, of a sitemap, sitemap index or Google News sitemap, or of a
      ``robots.txt`` whose ``Sitemap:`` lines are followed.
    - ``feed``: URL(s) of RSS 2.0, RSS 1.0 or Atom feeds.
    - ``start_urls``: URL(s) of pages to read: each is extracted if it is an article, and its links on
      the same domains are followed ``depth`` hops (default 1: the linked pages are read, not followed).
    - ``since``, ``until``: an optional date window (``YYYY-MM-DD``, inclusive) on the dates sitemaps and
      feeds give (``lastmod``, else ``news:publication_date`` / ``pubDate`` / ``published``). Entries with
      no date are kept. A sitemap index child whose ``lastmod`` is before ``since`` is not read.
    - ``tz``: the zone the window's days are counted in (default ``UTC``; e.g. ``Asia/Ho_Chi_Minh``).
    """

    name = "news"

    def __init__(self, sitemap: str | None = None, feed: str | None = None, start_urls: str | None = None,
                 since: str | None = None, until: str | None = None, tz: str = "UTC", depth: str | int = 1,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemap_urls = split_list(sitemap)
        self.feed_urls = split_list(feed)
        self.start_urls = split_list(start_urls)
        given = [*self.sitemap_urls, *self.feed_urls, *self.start_urls]
        if not given:
            raise ValueError("the news spider needs -a sitemap=URL, -a feed=URL or -a start_urls=URL,...")
        hosts = sorted({host_of(url).removeprefix("www.") for url in given})
        if "" in hosts:
            raise ValueError(f"expected absolute URLs, got {given}")
        self.allowed_domains = hosts
        self.window = DateWindow.from_args(since, until, tz=parse_timezone(tz)) if since or until else None
        self.since_given = since is not None
        self.depth = int(depth)
        # Domains are checked here, not by LinkExtractor(allow_domains=...), which compares host:port.
        self.links = LinkExtractor(unique=True)

    @property
    def crawl_arguments(self) -> dict[str, Any]:
        return {"sitemap": self.sitemap_urls, "feed": self.feed_urls, "start_urls": self.start_urls,
                "depth": self.depth, **(self.window.as_args() if self.window else {})}

    async def start(self) -> Any:
        for url in self.sitemap_urls:
            yield self.discovery_request(url, self.parse_sitemap)
        for url in self.feed_urls:
            yield self.discovery_request(url, self.parse_feed)
        for url in self.start_urls:
            # A start page is re-read on every run (it lists what is new), so it is not marked as an article.
            yield Request(url, callback=self.parse_page, errback=self.article_failed)

    # ----- sitemaps and feeds -----------------------------------------------------------------

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.body, base_url=response.url):
                yield self.discovery_request(url, self.parse_sitemap)
            return
        sitemap = self.read_sitemap(response)
        if sitemap is None:
            return
        if sitemap.kind == "sitemapindex":
            for entry in sitemap.entries:
                if self.window is not None and (day := self.window.day_of(entry.lastmod)) and day < self.window.since:
                    self.stat("sitemaps/skipped/outside_window")
                    continue
                yield self.discovery_request(urljoin(response.url, entry.loc), self.parse_sitemap)
        else:
            yield from self.article_requests(response, sitemap.entries)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        entries = self.read_feed(response)
        if entries is not None:
            yield from self.article_requests(response, entries)

    def article_requests(self, response: Response, entries: Iterable[Entry]) -> Iterator[Request]:
        for entry in entries:
            if self.window is not None:
                day = self.window.day_of(entry.timestamp)
                if day is not None and day not in self.window:
                    self.entry_stat("outside_window")
                    continue
            self.entry_stat("kept")
            yield self.article_request(normalize_url(urljoin(response.url, entry.loc)), lastmod=entry.timestamp)

    # ----- start pages ------------------------------------------------------------------------

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """A start page (or a page linked from one): its record if it is an article, then its links."""
        async for record in self.parse_article(response):
            yield record
        if response.meta.get("depth", 0) >= self.depth or not isinstance(response, TextResponse):
            return
        for link in self.links.extract_links(response):
            if is_on_domains(link.url, self.allowed_domains):
                yield self.article_request(normalize_url(link.url), callback=self.parse_page)
