"""Retries against a real server: Retry-After is honoured, backoff grows, a too-long wait gives up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from itertools import pairwise
from urllib.parse import urlsplit

import pytest

from crawler.demo_portal import PortalServer, Scripted
from crawler.middlewares import BackoffRetryMiddleware, retry_after_seconds

THROTTLED = "/da-nang-don-luong-khach-quoc-te-ky-luc"  # 429 + Retry-After: 1, then the page
UNAVAILABLE = "/gia-ca-phe-hom-nay-21-11-2026"  # 503 without Retry-After, then the page
FOR_AN_HOUR = "/nong-dan-mien-tay-trung-mua-sau-rieng"  # 429 + Retry-After: 3600: given up
ALWAYS_DOWN = "/tp-hcm-khoi-cong-tuyen-metro-so-2"  # 503 every time: retries run out
BACKOFF_BASE = 0.4
RETRY_TIMES = 2


@pytest.fixture(scope="module")
def retry_crawl(crawl, tmp_path_factory):
    with PortalServer() as server:
        server.script(THROTTLED, Scripted(429, {"Retry-After": "1"}))
        server.script(UNAVAILABLE, Scripted(503, {}))
        server.script(FOR_AN_HOUR, Scripted(429, {"Retry-After": "3600"}))
        server.script(ALWAYS_DOWN, *[Scripted(503, {})] * (RETRY_TIMES + 1))
        pages = ",".join(server.url + path for path in (THROTTLED, UNAVAILABLE, FOR_AN_HOUR, ALWAYS_DOWN))
        yield crawl(server, "news", tmp_path_factory.mktemp("retries"), args={"start_urls": pages, "depth": "0"},
                    # Alarms off: generic records carry no datePublished here (see test_crawl_news.py).
                    settings={"RETRY_BACKOFF_BASE": str(BACKOFF_BASE), "RETRY_TIMES": str(RETRY_TIMES),
                              "ALARMS_ENABLED": "0"})


def hit_times(result, path: str) -> list[float]:
    return [hit.at for hit in result.hits if hit.path == path]


def test_retried_pages_are_written(retry_crawl):
    assert retry_crawl.returncode == 0, retry_crawl.log[-3000:]
    written = sorted(urlsplit(record["url"]).path for record in retry_crawl.records)
    assert written == sorted([THROTTLED, UNAVAILABLE])


def test_retry_after_is_waited_out(retry_crawl):
    first, second = hit_times(retry_crawl, THROTTLED)
    assert second - first >= 1.0


def test_backoff_without_retry_after(retry_crawl):
    first, second = hit_times(retry_crawl, UNAVAILABLE)
    assert second - first >= BACKOFF_BASE


def test_backoff_doubles_until_retries_run_out(retry_crawl):
    times = hit_times(retry_crawl, ALWAYS_DOWN)
    assert len(times) == RETRY_TIMES + 1
    gaps = [b - a for a, b in pairwise(times)]
    assert gaps[0] >= BACKOFF_BASE and gaps[1] >= 2 * BACKOFF_BASE


def test_a_retry_after_beyond_the_maximum_is_given_up_not_waited(retry_crawl):
    assert len(hit_times(retry_crawl, FOR_AN_HOUR)) == 1
    assert "exceeds RETRY_AFTER_MAX" in retry_crawl.log


def test_report_counts_retries_and_final_failures(retry_crawl):
    report = retry_crawl.report
    assert report["retries"] == 2 + RETRY_TIMES
    assert report["skipped"] == {"http_429": 1, "http_503": 1}
    assert report["articles_written"] == 2


# ----- units -----------------------------------------------------------------------------------------

def test_retry_after_forms():
    now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(b"120") == 120.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now=now) == 0.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds(b"soon") is None


def test_backoff_is_exponential_and_capped():
    from scrapy.settings import Settings

    middleware = BackoffRetryMiddleware(Settings({"RETRY_BACKOFF_BASE": 2, "RETRY_BACKOFF_MAX": 10}))
    assert [middleware.backoff(n) for n in (1, 2, 3, 4)] == [2, 4, 8, 10]
