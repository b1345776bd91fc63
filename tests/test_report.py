from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.utils.test import get_crawler

from crawler.report import CrawlReport, build_report, is_filled, report_path_for, summary_lines
from extractors.record import ARTICLE_FIELDS

STATS = {
    "pages/fetched": 12,
    "articles/skipped/not_article": 2,
    "articles/skipped/http_404": 1,
    "articles/skipped/invalid_record": 1,
    "articles/profile_fallback/vietnam_vn/body": 2,
    "sitemaps/fetched": 6,
    "sitemaps/errors/403": 1,
    "sitemaps/entries/kept": 13,
    "robotstxt/forbidden": 1,
    "dupefilter/filtered": 2,
    "response_received_count": 19,
    "downloader/response_status_count/200": 18,
    "downloader/response_status_count/404": 1,
    "retry/count": 3,
}


def test_build_report():
    # started 5 s ago as the test runs, not as the module was imported: the suite's crawls run in between
    stats = {**STATS, "start_time": datetime.now(UTC) - timedelta(seconds=5)}
    report = build_report(stats, Counter({"headline": 8, "datePublished": 6}), 8, spider="vietnam_vn",
                          reason="finished", arguments={"since": "2026-11-21"}, outputs=["output/x.jsonl"])
    assert report["pages_fetched"] == 12
    assert report["articles_written"] == 8
    assert report["skipped"] == {"http_404": 1, "invalid_record": 1, "not_article": 2}
    assert report["profile_fallback"] == {"vietnam_vn/body": 2}
    assert report["not_fetched"] == {"robots_txt": 1, "offsite": 0, "blocked_address": 0, "blocked_scheme": 0,
                                     "duplicate": 2}
    assert report["sitemaps"] == {"fetched": 6, "errors": {"403": 1}, "skipped": {}, "entries": {"kept": 13}}
    assert report["responses"] == {"total": 19, "by_status": {"200": 18, "404": 1}}
    assert report["retries"] == 3
    assert report["field_fill_rate"]["headline"] == 1.0
    assert report["field_fill_rate"]["datePublished"] == 0.75
    assert report["field_fill_rate"]["authors"] == 0.0
    assert list(report["field_fill_rate"]) == list(ARTICLE_FIELDS)
    assert 4.5 < report["elapsed_seconds"] < 60


def test_page_outcomes_add_up_to_the_pages_requested():
    stats = {"pages/requested": 7, "pages/outcome/written": 3, "pages/outcome/offsite": 1,
             "pages/outcome/http_404": 1}
    finished = build_report(stats, Counter(), 3, spider="news", reason="finished")["pages"]
    assert finished == {"requested": 7, "outcomes": {"http_404": 1, "offsite": 1, "unaccounted": 2, "written": 3},
                        "settled_twice": 0}
    stopped = build_report(stats, Counter(), 3, spider="news", reason="closespider_timeout")["pages"]
    assert stopped["outcomes"]["in_flight"] == 2 and sum(stopped["outcomes"].values()) == stopped["requested"]


def test_an_empty_crawl_reports_zero_rates_not_an_error():
    report = build_report({}, Counter(), 0, spider="news", reason="finished")
    assert report["articles_written"] == 0 and set(report["field_fill_rate"].values()) == {0.0}
    assert report["started"] is None


def test_summary_lines():
    report = build_report(STATS, Counter({"headline": 2}), 2, spider="news", reason="finished")
    lines = summary_lines(report)
    assert lines[0] == "12 pages fetched, 2 articles written"
    assert lines[1] == "skipped: http_404=1, invalid_record=1, not_article=2"
    assert lines[2] == "sitemaps: 6 read, errors: 403=1"
    assert "headline 100%" in lines[3] and "authors 0%" in lines[3]


@pytest.mark.parametrize(("uri", "expected"), [
    ("output/vietnam_vn.jsonl", Path("output/vietnam_vn.report.json")),
    ("output/vietnam_vn-2026-11-21T01-02-03+00-00.jsonl",
     Path("output/vietnam_vn-2026-11-21T01-02-03+00-00.report.json")),
    ("file:///tmp/out/feed.jl", Path("/tmp/out/feed.report.json")),
    ("/tmp/out/feed.jsonl.gz", Path("/tmp/out/feed.report.json")),
    ("/tmp/out/vn.vietnam.jsonl", Path("/tmp/out/vn.vietnam.report.json")),
    ("s3://bucket/feed.jsonl", None),
    ("stdout:", None),
])
def test_report_path_is_next_to_the_feed(uri, expected):
    assert report_path_for(uri) == expected


@pytest.mark.parametrize(("value", "filled"), [
    (None, False), ("", False), ([], False), ({}, False), ("x", True), ([1], True), (False, True), (0, True),
])
def test_is_filled(value, filled):
    assert is_filled(value) is filled


def test_the_extension_counts_filled_fields_of_written_items():
    extension = CrawlReport.from_crawler(get_crawler(Spider))
    extension.item_scraped({"url": "u", "headline": "H", "authors": [], "publisher": None})
    extension.item_scraped({"url": "v", "headline": "", "authors": [{"name": "A"}], "publisher": None})
    assert extension.written == 2
    assert extension.filled == Counter({"url": 2, "headline": 1, "authors": 1})


def test_the_extension_can_be_turned_off():
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        CrawlReport.from_crawler(get_crawler(Spider, {"CRAWL_REPORT_ENABLED": False}))
