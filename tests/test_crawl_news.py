"""``scrapy crawl news`` over the same bundled portal copy: sitemap, feed and start-page modes.

The copy's host (127.0.0.1) has no site profile, so these records come from the generic extractor. The
copy's pages print their date only in the vietnam.vn source line, which the generic extractor does not
read: no record has a datePublished, so the default alarm on that field (crawler.alarms) would fail
every crawl here. The alarms are off in this module; what is tested is the spider and its output.
"""

from __future__ import annotations

import json

import pytest
from portal_pages import IN_WINDOW, NOT_ARTICLES, OUTSIDE_WINDOW, ROBOTS_DISALLOWED, WINDOW, record_paths

from crawler.spiders.news import NewsSpider
from extractors import validation_errors
from extractors.record import ARTICLE_FIELDS

VI_ARTICLES_ON_THE_LISTING = [
    "/gia-ca-phe-hom-nay-21-11-2026", "/da-nang-don-luong-khach-quoc-te-ky-luc",
    "/nong-dan-mien-tay-trung-mua-sau-rieng", "/tp-hcm-khoi-cong-tuyen-metro-so-2", "/hoi-an-lung-linh-dem-ram",
    "/vinh-ha-long-don-mua-du-lich-cao-diem", "/sapa-don-dot-khong-khi-lanh-dau-mua",
    "/hoi-nghi-xuc-tien-dau-tu-vao-viet-nam", "/le-hoi-hoa-tam-giac-mach-ha-giang", "/ha-noi-mo-them-tuyen-pho-di-bo",
]


NO_ALARMS = {"ALARMS_ENABLED": "0"}


def assert_clean_output(result, spider: str = "news") -> None:
    assert result.returncode == 0, result.log[-3000:]
    assert "Traceback" not in result.log
    for line in result.lines:
        record = json.loads(line)
        assert validation_errors(record) == []
        assert tuple(record) == ARTICLE_FIELDS
        assert record["metadata"]["spider"] == spider
        assert record["metadata"]["extractor"].startswith("generic@")
    written = record_paths(result.records)
    assert len(written) == len(set(written)), "an article was written twice"


@pytest.fixture(scope="module")
def sitemap_crawl(portal, crawl, tmp_path_factory):
    """robots.txt -> both sitemaps, the same window as the vietnam_vn tests, counted in Vietnam days."""
    return crawl(portal, "news", tmp_path_factory.mktemp("news_sitemap"),
                 args={"sitemap": f"{portal.url}/robots.txt", **WINDOW, "tz": "Asia/Ho_Chi_Minh"},
                 settings=NO_ALARMS)


def test_sitemap_mode_writes_the_window_exactly_once(sitemap_crawl):
    assert_clean_output(sitemap_crawl)
    assert sorted(record_paths(sitemap_crawl.records)) == sorted(IN_WINDOW)


def test_sitemap_mode_writes_nothing_else(sitemap_crawl):
    written = set(record_paths(sitemap_crawl.records))
    assert not written & {*OUTSIDE_WINDOW, *NOT_ARTICLES, ROBOTS_DISALLOWED}
    assert ROBOTS_DISALLOWED not in sitemap_crawl.requested()
    assert sitemap_crawl.report["sitemaps"]["errors"] == {}
    # The index child for 2026-11-19 (lastmod 19 Nov 23:59Z = 20 Nov in Vietnam) ends before the window.
    assert "/sitemap/sitemap-post/2026-11-19.xml" not in sitemap_crawl.requested()


def test_sitemap_mode_writes_unescaped_utf8(sitemap_crawl):
    raw = sitemap_crawl.output.read_bytes()
    assert "Nông dân miền Tây trúng mùa sầu riêng".encode() in raw
    assert b"\\u" not in raw


def test_feed_mode(portal, crawl, tmp_path):
    result = crawl(portal, "news", tmp_path, args={"feed": f"{portal.url}/feeds/latest.rss"}, settings=NO_ALARMS)
    assert_clean_output(result)
    assert sorted(record_paths(result.records)) == sorted(["/da-nang-don-luong-khach-quoc-te-ky-luc",
                                                    "/en/hue-festival-thu-hut-du-khach-quoc-te",
                                                    "/sapa-don-dot-khong-khi-lanh-dau-mua"])
    # Tracking parameters are dropped before fetching.
    assert all(not record["url"].count("utm_") for record in result.records)
    assert result.report["skipped"] == {"no_text": 1}  # the events page: a title and two lines


def test_feed_mode_with_a_window(portal, crawl, tmp_path):
    result = crawl(portal, "news", tmp_path, args={"feed": f"{portal.url}/feeds/latest.rss",
                                                   "since": "2026-11-22", "until": "2026-11-22", "tz": "+07:00"},
                   settings=NO_ALARMS)
    assert_clean_output(result)
    assert record_paths(result.records) == ["/en/hue-festival-thu-hut-du-khach-quoc-te"]


def test_start_urls_mode_follows_links_on_the_start_domain_only(portal, crawl, tmp_path):
    result = crawl(portal, "news", tmp_path, args={"start_urls": f"{portal.url}/chuyen-muc/kinh-te"},
                   settings=NO_ALARMS)
    assert_clean_output(result)
    assert sorted(record_paths(result.records)) == sorted(VI_ARTICLES_ON_THE_LISTING)
    # The listing itself, the home page, the events page and the 404 give no record, each counted.
    assert result.report["skipped"]["listing"] >= 2  # the listing and the home page
    assert result.report["skipped"]["no_text"] >= 1  # the events page
    assert result.report["skipped"]["http_404"] >= 1
    assert result.report["not_fetched"]["offsite"] == 0  # the listing's external link was never requested
    # depth=1: links found on the linked pages are not followed.
    assert "/le-hoi-hoa-tam-giac-mach-ha-giang" in result.requested()


def test_start_urls_depth_zero_reads_the_start_pages_only(portal, crawl, tmp_path):
    start = f"{portal.url}/da-nang-don-luong-khach-quoc-te-ky-luc"
    result = crawl(portal, "news", tmp_path, args={"start_urls": start, "depth": "0"}, settings=NO_ALARMS)
    assert_clean_output(result)
    assert record_paths(result.records) == ["/da-nang-don-luong-khach-quoc-te-ky-luc"]
    assert [p for p in result.requested() if p != "/robots.txt"] == ["/da-nang-don-luong-khach-quoc-te-ky-luc"]


# ----- arguments (no crawl) ------------------------------------------------------------------------

def test_start_domains_are_the_allowed_domains():
    spider = NewsSpider(sitemap="https://www.example.com/sitemap.xml", feed="https://feeds.example.org/rss",
                        start_urls="https://news.example.net/a,https://news.example.net/b")
    assert spider.allowed_domains == ["example.com", "feeds.example.org", "news.example.net"]
    assert spider.start_urls == ["https://news.example.net/a", "https://news.example.net/b"]
    assert spider.window is None


@pytest.mark.parametrize("args", [{}, {"sitemap": "/relative/sitemap.xml"},
                                  {"feed": "https://x.example/rss", "since": "yesterday"},
                                  {"feed": "https://x.example/rss", "since": "2026-11-21", "tz": "Mars/Olympus"}])
def test_bad_arguments_are_clear_errors(args):
    with pytest.raises(ValueError):
        NewsSpider(**args)
