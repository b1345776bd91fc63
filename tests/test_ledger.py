"""The page ledger and the record-size bound, as units (the crawl tests in test_faults.py run them for real)."""

from __future__ import annotations

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawler.bounds import RecordSizeLimit, RecordTooLarge
from crawler.guard import GuardRefused
from crawler.ledger import PAGE, PageLedger, drop_reason, failure_reason, settle


@pytest.fixture
def crawler():
    crawler = get_crawler(Spider)
    crawler.stats.open_spider()
    return crawler


def failed(exception: Exception, request: Request) -> Failure:
    failure = Failure(exception)
    failure.request = request
    return failure


@pytest.mark.parametrize("exception,reason", [
    (DownloadCancelledError("too big"), "too_large"),
    (DownloadTimeoutError("slow"), "download_timeout"),
    (ConnectionResetError("reset"), "download_error"),
    (GuardRefused("blocked_address", "10.0.0.1"), "blocked_address"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots_txt"),
    (IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE during decompression."), "too_large"),
    (IgnoreRequest("max redirections reached"), "too_many_redirects"),
])
def test_failure_reasons(exception, reason):
    assert failure_reason(failed(exception, Request("https://a.example/p"))) == reason


def test_http_errors_and_redirect_loops():
    request = Request("https://a.example/p")
    assert failure_reason(failed(HttpError(Response(request.url, status=503)), request)) == "http_503"
    looping = Request("https://a.example/a", meta={"redirect_urls": ["https://a.example/a", "https://a.example/b"]})
    assert failure_reason(failed(IgnoreRequest("max redirections reached"), looping)) == "redirect_loop"


def test_a_page_is_counted_once_and_settled_once(crawler):
    ledger = PageLedger.from_crawler(crawler)
    request = Request("https://a.example/p", meta={PAGE: True})
    ledger.request_scheduled(request)
    retry = request.replace(dont_filter=True)  # a retry or a redirect carries the mark: not counted again
    ledger.request_scheduled(retry)
    assert settle(crawler, retry, "http_503") is True
    assert settle(crawler, retry, "download_error") is False
    stats = crawler.stats.get_stats()
    assert stats["pages/requested"] == 1 and stats["pages/outcome/http_503"] == 1
    assert stats["pages/settled_twice"] == 1 and "pages/outcome/download_error" not in stats


def test_a_redirect_back_to_the_start_is_a_loop_not_a_duplicate(crawler):
    ledger = PageLedger.from_crawler(crawler)
    again = Request("https://a.example/a", meta={PAGE: True, "redirect_urls": ["https://a.example/a",
                                                                             "https://a.example/b"]})
    ledger.request_dropped(again)
    other = Request("https://a.example/c", meta={PAGE: True})
    ledger.request_dropped(other)
    stats = crawler.stats.get_stats()
    assert stats["pages/outcome/redirect_loop"] == 1 and stats["pages/outcome/duplicate"] == 1


def test_a_record_over_the_size_bound_is_dropped_and_counted(crawler):
    limit = RecordSizeLimit(crawler, limit=1000)
    small = {"url": "https://a.example/p", "articleBody": "Hà Nội " * 10}
    assert limit.process_item(small) is small
    with pytest.raises(RecordTooLarge) as dropped:
        limit.process_item({"url": "https://a.example/q", "articleBody": "Hà Nội " * 500})
    assert drop_reason(dropped.value) == "too_large_record"
    assert crawler.stats.get_value("articles/skipped/too_large_record") == 1
