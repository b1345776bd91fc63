"""vietnam.vn, discovered the way the portal publishes: its sitemap index of daily post sitemaps and its
Google News sitemap."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from scrapy import Request
from scrapy.http import Response

from ..errors import SpiderArgumentError
from ..sitemaps import Entry
from ..urls import PORTAL_ALIASES, PORTAL_HOST, host_of, normalize_portal_url, path_language
from ..window import VIETNAM_TZ, DateWindow
from .base import ArticleSpider, parse_languages

DEFAULT_BASE_URL = "https://www.vietnam.vn"


class VietnamVnSpider(ArticleSpider):
    """The vietnam.vn portal, both editions, from its sitemaps.

    Arguments (``scrapy crawl vietnam_vn -a name=value``):

    - ``since``, ``until``: ``YYYY-MM-DD``, inclusive, as Vietnam dates. Default: the last two days
      (yesterday and today in Vietnam).
    - ``lang``: ``vi`` (no path prefix), ``en`` (``/en/``), ``all`` (default: every edition, ``/ko/``
      and others included), or another edition code or comma list (``vi,en``).
    - ``base_url``: the portal's root, default ``https://www.vietnam.vn``. ``sitemap.xml`` and
      ``news-sitemap.xml`` are fetched from it, so the same spider crawls a local copy of the portal.

    Date rule. ``sitemap.xml`` lists one file per day, ``sitemap/sitemap-post/YYYY-MM-DD.xml``. Which
    zone names the file's day is not documented, so a file is read when its day lies within
    ``[since - 1 day, until + 1 day]``. Each ``<url>`` in it is kept when its ``<lastmod>`` (UTC),
    converted to Vietnam time (UTC+7), falls on a day within ``[since, until]``; an entry without a
    ``<lastmod>`` takes its file's day. Entries of ``news-sitemap.xml`` follow the same rule on
    ``<lastmod>``, else ``<news:publication_date>``; an undated one is skipped. The index's other
    children (pages, tags, authors, categories) are not followed.

    URLs are normalised (``vcdn.vietnam.vn`` and ``vietnam.vn`` to ``www.vietnam.vn``, no trailing slash),
    so an article listed in both sitemaps, or under two spellings, is fetched once.

    A local copy (``base_url`` on another host) is extracted with the vietnam.vn profile, as the portal
    pages it copies; each record's ``url`` stays the address actually fetched.
    """

    name = "vietnam_vn"
    DAILY_SITEMAP_RE = re.compile(r"/sitemap-post/(\d{4}-\d{2}-\d{2})\.xml(?:\.gz)?$")
    FILE_DAY_MARGIN = timedelta(days=1)

    def __init__(self, since: str | None = None, until: str | None = None, lang: str = "all",
                 base_url: str = DEFAULT_BASE_URL, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.base_url = base_url.rstrip("/")
        self.window = DateWindow.from_args(since, until, tz=VIETNAM_TZ)
        self.since_given = since is not None
        self.lang = lang
        self.languages = parse_languages(lang)
        host = host_of(self.base_url)
        if not host:
            raise SpiderArgumentError(f"-a base_url={base_url}: expected an absolute URL such as {DEFAULT_BASE_URL}")
        self.is_copy = host not in PORTAL_ALIASES
        self.allowed_domains = [host] if self.is_copy else ["vietnam.vn"]
        # The request guard lets a host given here be a local address (the offline portal on 127.0.0.1).
        self.seed_hosts = [host]

    @property
    def file_window(self) -> DateWindow:
        """Days of the daily sitemap files worth reading (the window may be moved after ``__init__``)."""
        return self.window.widened(self.FILE_DAY_MARGIN.days)

    @property
    def crawl_arguments(self) -> dict[str, Any]:
        return {**self.window.as_args(), "lang": self.lang, "base_url": self.base_url}

    def extraction_url(self, url: str) -> str:
        """Pages of a local copy are read as the portal pages they copy: same profile, same link resolution."""
        if not self.is_copy:
            return url
        parts = urlsplit(url)
        return urlunsplit(("https", PORTAL_HOST, parts.path, parts.query, ""))

    async def start(self) -> Any:
        yield self.discovery_request(f"{self.base_url}/sitemap.xml", self.parse_sitemap)
        yield self.discovery_request(f"{self.base_url}/news-sitemap.xml", self.parse_sitemap)

    def parse_sitemap(self, response: Response, file_day: date | None = None) -> Iterator[Request]:
        sitemap = self.read_sitemap(response)
        if sitemap is None:
            return
        if sitemap.kind == "sitemapindex":
            yield from self.daily_sitemap_requests(response, sitemap.entries)
        else:
            yield from self.article_requests(response, sitemap.entries, file_day)

    def daily_sitemap_requests(self, response: Response, entries: Iterable[Entry]) -> Iterator[Request]:
        for entry in entries:
            day = self.file_day(entry.loc)
            if day is None:
                self.stat("sitemaps/skipped/not_post")
                continue
            if day not in self.file_window:
                self.stat("sitemaps/skipped/outside_window")
                continue
            yield self.discovery_request(urljoin(response.url, entry.loc), self.parse_sitemap, file_day=day)

    def file_day(self, loc: str) -> date | None:
        """The day a daily post sitemap is named after; ``None`` for any other sitemap."""
        match = self.DAILY_SITEMAP_RE.search(loc)
        try:
            return date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            return None

    def article_requests(self, response: Response, entries: Iterable[Entry],
                         file_day: date | None) -> Iterator[Request]:
        for entry in entries:
            url = normalize_portal_url(urljoin(response.url, entry.loc))
            if self.languages is not None and path_language(url) not in self.languages:
                self.entry_stat("other_language")
                continue
            day = self.window.day_of(entry.timestamp) or file_day
            if day is None:
                self.entry_stat("undated")
                continue
            if day not in self.window:
                self.entry_stat("outside_window")
                continue
            self.entry_stat("kept")
            yield self.article_request(url, lastmod=entry.timestamp)
