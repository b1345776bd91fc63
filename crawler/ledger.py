"""The page ledger: every page the crawl asked for ends under exactly one outcome, and the counts add up.

A *page* is a request the spiders mark ``meta["page"]`` (article candidates, and the news spider's start
pages). Each is counted once when first scheduled (``pages/requested``; its retries and redirects carry
the mark and are not counted again) and settled once (``pages/outcome/<outcome>``):

* ``written``: its record reached the feed; ``unchanged``: the seen-store had the same record;
  ``already_in_feed``: a JOBDIR rebuilt from the feed after a kill knew the page was written;
* a reason it gave no record though it was fetched: ``not_article``, ``not_html``, ``empty``, ``http_404`` ...
  (the spider's ``articles/skipped/<reason>``), ``invalid_record`` and other item drops;
* a reason it was never fetched: ``robots_txt``, ``offsite``, ``blocked_address``, ``blocked_scheme``,
  ``duplicate`` (the dupefilter: another request got it), ``redirect_loop``, ``too_many_redirects``,
  ``too_large``, ``download_timeout``, ``download_error``.

``settle`` marks the request's meta, so a second outcome for one page is refused and counted
(``pages/settled_twice``) instead of inflating the report. At the end, the crawl report sets
``requested - settled`` beside the outcomes: ``in_flight`` for a crawl stopped early, ``unaccounted``
(a bug) for one that finished.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Self

from scrapy import Request, signals
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import TimeoutError as TwistedTimeoutError

from .guard import GuardRefused
from .runstate import JobdirState

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

PAGE = "page"  # meta key: the request is a page the ledger accounts for
_COUNTED = "_ledger_counted"
_SETTLED = "_ledger_settled"
REQUESTED = "pages/requested"
OUTCOME_PREFIX = "pages/outcome/"
SETTLED_TWICE = "pages/settled_twice"
WRITTEN = "written"
UNCHANGED = "unchanged"
ALREADY_IN_FEED = "already_in_feed"  # a JOBDIR rebuilt from the feed: the page's record is already there


def is_page(request: Request | None) -> bool:
    return request is not None and bool(request.meta.get(PAGE))


def settle(crawler: Crawler, request: Request | None, outcome: str) -> bool:
    """Count ``outcome`` for the page ``request`` is (or ended as); ``False`` if it already had one."""
    if request is not None:
        earlier = request.meta.get(_SETTLED)
        if earlier is not None:
            crawler.stats.inc_value(SETTLED_TWICE)
            logger.warning("Page %s already counted as %s, not also as %s", request.url, earlier, outcome)
            return False
        request.meta[_SETTLED] = outcome
    crawler.stats.inc_value(OUTCOME_PREFIX + outcome)
    return True


def original_url(request: Request) -> str:
    """The URL the page was asked for, before any redirect."""
    return (request.meta.get("redirect_urls") or [request.url])[0]


def _redirect_chain(request: Request) -> list[str]:
    return [*request.meta.get("redirect_urls", ()), request.url]


def is_redirect_loop(request: Request) -> bool:
    chain = _redirect_chain(request)
    return len(set(chain)) < len(chain)


def failure_reason(failure: Failure) -> str:
    """The outcome of a request that failed before its callback: never a traceback, always a short name."""
    request: Request = failure.request  # type: ignore[attr-defined]
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"
    if failure.check(GuardRefused):
        return failure.value.reason
    if failure.check(DownloadCancelledError):  # the body (or its Content-Length) exceeded DOWNLOAD_MAXSIZE
        return "too_large"
    if failure.check(DownloadTimeoutError, TwistedTimeoutError):
        return "download_timeout"
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        if "robots.txt" in message:
            return "robots_txt"
        if "max redirections" in message:
            return "redirect_loop" if is_redirect_loop(request) else "too_many_redirects"
        if "during decompression" in message:  # HttpCompressionMiddleware: inflated past DOWNLOAD_MAXSIZE
            return "too_large"
        if "offsite" in message.lower():
            return "offsite"
        return "ignored"
    return "download_error"


class PageLedger:
    """Extension: counts pages when first scheduled, and settles the outcomes only signals can see."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        ledger = cls(crawler)
        crawler.signals.connect(ledger.request_scheduled, signals.request_scheduled)
        crawler.signals.connect(ledger.request_dropped, signals.request_dropped)
        crawler.signals.connect(ledger.item_scraped, signals.item_scraped)
        crawler.signals.connect(ledger.item_dropped, signals.item_dropped)
        return ledger

    def request_scheduled(self, request: Request) -> None:
        if is_page(request) and not request.meta.get(_COUNTED):
            request.meta[_COUNTED] = True
            self.crawler.stats.inc_value(REQUESTED)

    def request_dropped(self, request: Request) -> None:
        """Refused by the scheduler (the dupefilter): a loop when the redirect chain comes back to itself."""
        if is_page(request):
            jobdir = self.crawler.get_extension(JobdirState)
            outcome = "redirect_loop" if is_redirect_loop(request) else \
                ALREADY_IN_FEED if jobdir is not None and jobdir.holds(request) else "duplicate"
            if settle(self.crawler, request, outcome) and outcome == "redirect_loop":
                logger.info("No record from %s: %s", original_url(request), outcome)

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if response is not None and is_page(response.request):
            settle(self.crawler, response.request, WRITTEN)

    def item_dropped(self, item: Any, response: Response | None, exception: BaseException) -> None:
        if response is not None and is_page(response.request):
            settle(self.crawler, response.request, drop_reason(exception))


def drop_reason(exception: BaseException) -> str:
    reason = getattr(exception, "reason", None)
    if isinstance(reason, str) and reason:
        return reason
    return "invalid_record" if str(exception).startswith("invalid record") else "dropped"
