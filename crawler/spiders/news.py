"""Any news site, from its sitemap, its feed, pages to start from, or its registered publisher."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime
from typing import Any, Self
from urllib.parse import urljoin

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import sitemap_urls_from_robots

from extractors.publishers import Publisher, Source
from extractors.registry import publisher_for, select_publishers

from ..copies import LocalCopy
from ..errors import SpiderArgumentError
from ..ledger import PAGE
from ..report import is_filled
from ..sitemaps import Entry
from ..urls import host_of, is_on_domains, normalize_url
from ..window import DateWindow, parse_timestamp, parse_timezone
from .base import ArticleSpider, parse_count, split_list


class NewsSpider(ArticleSpider):
    """A generic news spider: articles are extracted with the site's profile if the registry has one,
    else with the generic extractor. It never leaves the domains (and subdomains) of the URLs it is given.

    Arguments (``scrapy crawl news -a name=value``; at least one of the first four):

    - ``publisher``: registered publisher name(s), comma-separated, or a country code (``vn``: every
      Vietnamese publisher); ``python -m extractors publishers`` lists them. Their sources are read with
      their date rules (the zone of offset-less dates, which sitemap-index children to follow) and each
      publisher's alarm floors are checked on its own records (``-s PUBLISHER_ALARM_FLOORS`` changes them).
    - ``sitemap``: URL(s), comma-separated, of a sitemap, sitemap index or Google News sitemap, or of a
      ``robots.txt`` whose ``Sitemap:`` lines are followed.
    - ``feed``: URL(s) of RSS 2.0, RSS 1.0 or Atom feeds.
    - ``start_urls``: URL(s) of pages to read: each is extracted if it is an article, and its links on
      the same domains are followed ``depth`` hops (default 1: the linked pages are read, not followed).
    - ``since``, ``until``: an optional date window (``YYYY-MM-DD``, inclusive) on the dates sitemaps and
      feeds give (``lastmod``, else ``news:publication_date`` / ``pubDate`` / ``published``). Entries with
      no date are kept. A sitemap index child whose ``lastmod`` is before ``since`` is not read.
    - ``tz``: the zone the window's days are counted in (default: the publishers' zone when they share
      one, else ``UTC``; e.g. ``Asia/Ho_Chi_Minh``).
    - ``base_url``: read the publishers from a local copy instead (``crawler.copies``): every URL on
      ``https://HOST/PATH`` is fetched as ``BASE_URL/HOST/PATH`` and its page extracted as the original.
    """

    name = "news"

    def __init__(self, sitemap: str | None = None, feed: str | None = None, start_urls: str | None = None,
                 since: str | None = None, until: str | None = None, tz: str | None = None, depth: str | int = 1,
                 publisher: str | None = None, base_url: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.publishers: list[Publisher] = self._publishers(publisher)
        self.sitemap_urls = split_list(sitemap)
        self.feed_urls = split_list(feed)
        self.start_urls = split_list(start_urls)
        given = [*self.sitemap_urls, *self.feed_urls, *self.start_urls]
        if not given and not self.publishers:
            raise SpiderArgumentError("the news spider needs -a publisher=NAME, -a sitemap=URL, -a feed=URL or "
                                      "-a start_urls=URL,...")
        hosts = {host_of(url).removeprefix("www.") for url in given}
        if "" in hosts:
            bad = [url for url in given if not host_of(url)]
            raise SpiderArgumentError(f"expected absolute http(s) URLs in -a sitemap/feed/start_urls, got {bad}")
        hosts.update(domain for pub in self.publishers for domain in pub.domains)
        self.copy = LocalCopy.from_base_url(base_url, sorted(hosts)) if base_url else None
        self.allowed_domains = [self.copy.host] if self.copy else sorted(hosts)
        # The request guard lets a host given here be a local address (an intranet site, a test server).
        self.seed_hosts = [self.copy.host] if self.copy else sorted({host_of(url) for url in given})
        zone = parse_timezone(tz or self._default_zone())  # checked even without a window: a typo should not pass
        self.window = DateWindow.from_args(since, until, tz=zone) if since or until else None
        self.since_given = since is not None
        self.depth = parse_count("depth", depth)
        # Domains are checked here, not by LinkExtractor(allow_domains=...), which compares host:port.
        self.links = LinkExtractor(unique=True)
        self.publisher_floors = {pub.name: dict(pub.alarm_floors) for pub in self.publishers}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.publishers:
            overrides = crawler.settings.getdict("PUBLISHER_ALARM_FLOORS")
            for name, floors in spider.publisher_floors.items():
                floors.update({field: float(rate) for field, rate in overrides.get(name, {}).items()})
            crawler.signals.connect(spider.count_publisher_record, signal=signals.item_scraped)
        return spider

    @staticmethod
    def _publishers(spec: str | None) -> list[Publisher]:
        if not spec:
            return []
        try:
            return select_publishers(spec)
        except KeyError as error:
            raise SpiderArgumentError(f"publisher={spec!r}: {error.args[0]}") from None

    def _default_zone(self) -> str:
        zones = {pub.timezone for pub in self.publishers}
        return zones.pop() if len(zones) == 1 else "UTC"

    @property
    def crawl_arguments(self) -> dict[str, Any]:
        return {"publisher": [pub.name for pub in self.publishers], "sitemap": self.sitemap_urls,
                "feed": self.feed_urls, "start_urls": self.start_urls, "depth": self.depth,
                **({"base_url": self.copy.base_url} if self.copy else {}),
                **(self.window.as_args() if self.window else {})}

    def extraction_url(self, url: str) -> str:
        """A page of a local copy is read as the page it copies: same profile, same link resolution."""
        return self.copy.original(url) if self.copy else url

    def fetch_url(self, url: str) -> str:
        """Where a URL is fetched: itself, or its place in the local copy."""
        return self.copy.local(url) if self.copy else url

    async def start(self) -> Any:
        for pub in self.publishers:
            for source in pub.sources:
                callback = self.parse_feed if source.kind == "feed" else self.parse_sitemap
                yield self.discovery_request(self.fetch_url(source.url), callback, source=source)
        for url in self.sitemap_urls:
            yield self.discovery_request(self.fetch_url(url), self.parse_sitemap)
        for url in self.feed_urls:
            yield self.discovery_request(self.fetch_url(url), self.parse_feed)
        for url in self.start_urls:
            # A start page is re-read on every run (it lists what is new), so it is not marked as an article.
            yield Request(self.fetch_url(url), callback=self.parse_page, errback=self.article_failed,
                          meta={PAGE: True})

    # ----- sitemaps and feeds -----------------------------------------------------------------

    def parse_sitemap(self, response: Response, source: Source | None = None) -> Iterator[Request]:
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.body, base_url=self.extraction_url(response.url)):
                yield self.discovery_request(self.fetch_url(url), self.parse_sitemap, source=source)
            return
        sitemap = self.read_sitemap(response)
        if sitemap is None:
            return
        if sitemap.kind == "sitemapindex":
            for entry in sitemap.entries:
                if source is not None and source.follow and not re.search(source.follow, entry.loc):
                    self.stat("sitemaps/skipped/not_followed")
                    continue
                if self.window is not None and (day := self.window.day_of(self.dated(entry.lastmod, source))) \
                        and day < self.window.since:
                    self.stat("sitemaps/skipped/outside_window")
                    continue
                url = urljoin(self.extraction_url(response.url), entry.loc)
                yield self.discovery_request(self.fetch_url(url), self.parse_sitemap, source=source)
        else:
            yield from self.article_requests(response, sitemap.entries, source)

    def parse_feed(self, response: Response, source: Source | None = None) -> Iterator[Request]:
        entries = self.read_feed(response)
        if entries is not None:
            yield from self.article_requests(response, entries, source)

    def article_requests(self, response: Response, entries: Iterable[Entry],
                         source: Source | None = None) -> Iterator[Request]:
        for entry in entries:
            if self.window is not None:
                day = self.window.day_of(self.dated(entry.timestamp, source))
                if day is not None and day not in self.window:
                    self.entry_stat("outside_window")
                    continue
            self.entry_stat("kept")
            url = normalize_url(urljoin(self.extraction_url(response.url), entry.loc))
            yield self.article_request(self.fetch_url(url), lastmod=entry.timestamp)

    @staticmethod
    def dated(raw: str | None, source: Source | None) -> str | None:
        """A sitemap/feed date with the source's zone put on it when it has no offset of its own."""
        if source is None or raw is None:
            return raw
        when = parse_timestamp(raw)
        if isinstance(when, datetime) and when.tzinfo is None:
            return when.replace(tzinfo=parse_timezone(source.timezone)).isoformat()
        return raw

    # ----- start pages ------------------------------------------------------------------------

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """A start page (or a page linked from one): its record if it is an article, then its links."""
        async for record in self.parse_article(response):
            yield record
        if response.meta.get("depth", 0) >= self.depth or not isinstance(response, TextResponse):
            return
        for link in self.links.extract_links(response):
            if is_on_domains(link.url, [*self.allowed_domains, *self.settings.getlist("GUARD_ALLOWED_DOMAINS")]):
                yield self.article_request(normalize_url(link.url), callback=self.parse_page)

    # ----- per-publisher fill rates (crawler.alarms checks them against the publishers' floors) ------

    def count_publisher_record(self, item: Any) -> None:
        """Count a written record under its publisher: ``publishers/<name>/written``, ``.../filled/<field>``
        for each floored field, ``.../warnings/<warning>`` for each extraction warning."""
        pub = publisher_for(self.extraction_url(str(item.get("url", ""))))
        if pub is None or pub.name not in self.publisher_floors:
            return
        self.stat(f"publishers/{pub.name}/written")
        for field in self.publisher_floors[pub.name]:
            if is_filled(item.get(field)):
                self.stat(f"publishers/{pub.name}/filled/{field}")
        # A profile whose selector found nothing says so in the record: counted per publisher, a stale
        # profile shows in the stats while the data keeps flowing.
        for warning in set((item.get("metadata") or {}).get("warnings") or []):
            self.stat(f"publishers/{pub.name}/warnings/{warning.partition(':')[0]}")
