"""``scrapy crawl vietnam_vn`` against the bundled portal copy, over real HTTP on 127.0.0.1.

The copy (tests/fixtures/portal/, reconstructed pages, see its README) and which of its pages belong in
the window are described in ``portal_pages.py``.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from portal_pages import IN_WINDOW, NOT_ARTICLES, OUTSIDE_WINDOW, ROBOTS_DISALLOWED, WINDOW, record_paths

from crawler.settings import USER_AGENT
from crawler.spiders.vietnam_vn import VietnamVnSpider
from crawler.window import VIETNAM_TZ, WindowError
from extractors import validation_errors
from extractors.record import ARTICLE_FIELDS


@pytest.fixture(scope="module")
def window_crawl(portal, crawl, tmp_path_factory):
    return crawl(portal, "vietnam_vn", tmp_path_factory.mktemp("vietnam_vn"),
                 args={**WINDOW, "base_url": portal.url})


def test_crawl_finishes_cleanly(window_crawl):
    assert window_crawl.returncode == 0, window_crawl.log[-3000:]
    assert "Traceback" not in window_crawl.log


def test_every_article_in_the_window_written_exactly_once(window_crawl):
    written = record_paths(window_crawl.records)
    assert sorted(written) == sorted(IN_WINDOW)
    assert len(written) == len(set(written))


def test_nothing_outside_the_window_and_no_record_for_non_articles(window_crawl):
    written = set(record_paths(window_crawl.records))
    assert not written & {*OUTSIDE_WINDOW, *NOT_ARTICLES, ROBOTS_DISALLOWED}


def test_every_line_is_a_schema_valid_record_in_schema_order(window_crawl, portal):
    for line in window_crawl.lines:
        record = json.loads(line)
        assert validation_errors(record) == []
        assert tuple(record) == ARTICLE_FIELDS
        assert record["metadata"]["spider"] == "vietnam_vn"
        # A local copy is read with the vietnam.vn profile, as the pages it copies.
        assert record["metadata"]["extractor"].startswith("vietnam_vn@")
        assert record["url"].startswith(portal.url + "/")  # the address fetched
        assert record["canonicalUrl"] == "https://www.vietnam.vn" + urlsplit(record["url"]).path


def test_records_say_their_edition(window_crawl):
    languages = {urlsplit(record["url"]).path: record["inLanguage"] for record in window_crawl.records}
    assert languages == IN_WINDOW


def test_vietnamese_text_is_written_unescaped(window_crawl):
    raw = window_crawl.output.read_bytes()
    assert "Đà Nẵng đón lượng khách quốc tế kỷ lục".encode() in raw
    assert b"\\u" not in raw


def test_discovery_reads_only_the_sitemaps_it_needs(window_crawl):
    requested = window_crawl.requested()
    assert requested[0] == "/robots.txt"
    daily = sorted(p for p in requested if p.startswith("/sitemap/sitemap-post/"))
    # Files named since-1 .. until+1 are read; those further out, and non-post sitemaps, are not.
    assert daily == [f"/sitemap/sitemap-post/2026-11-{day}.xml" for day in range(20, 25)]
    assert "/sitemap/sitemap-page.xml" not in requested and "/sitemap/sitemap-tag.xml" not in requested
    assert "/news-sitemap.xml" in requested


def test_robots_txt_is_obeyed_and_the_user_agent_is_honest(window_crawl):
    assert ROBOTS_DISALLOWED not in window_crawl.requested()
    assert {hit.user_agent for hit in window_crawl.hits} == {USER_AGENT}


def test_each_page_is_fetched_once(window_crawl):
    article_hits = [p for p in window_crawl.requested() if not p.endswith((".xml", ".txt"))]
    assert len(article_hits) == len(set(article_hits))
    assert "/en/viet-nam-lot-top-diem-den-hap-dan-nam-2027/" not in article_hits  # normalised before fetching


def test_report_counts_pages_articles_and_skips(window_crawl):
    report = window_crawl.report
    assert report["spider"] == "vietnam_vn"
    assert report["arguments"]["since"] == WINDOW["since"] and report["arguments"]["until"] == WINDOW["until"]
    assert report["output"] == ["out.jsonl"]  # the feed URI as given to -O
    assert report["articles_written"] == len(IN_WINDOW)
    assert report["pages_fetched"] == len(IN_WINDOW) + len(NOT_ARTICLES)
    assert report["skipped"] == {"listing": 1, "no_text": 1, "http_404": 1}
    assert report["not_fetched"]["robots_txt"] == 1
    assert report["not_fetched"]["duplicate"] == 1
    assert report["sitemaps"]["errors"] == {}
    assert report["field_fill_rate"]["headline"] == 1.0
    assert report["field_fill_rate"]["articleBody"] == 1.0
    assert set(report["field_fill_rate"]) == set(ARTICLE_FIELDS)


def test_report_is_logged_at_the_end(window_crawl):
    assert f"Crawl report: {len(IN_WINDOW) + len(NOT_ARTICLES)} pages fetched, {len(IN_WINDOW)} articles written" \
        in window_crawl.log
    assert "Crawl report: skipped: http_404=1, listing=1, no_text=1" in window_crawl.log


def test_lang_filter_and_default_feed_file(portal, crawl, tmp_path):
    """``-a lang=vi`` keeps unprefixed URLs only; with no -O the project's feed is output/<spider>-<time>.jsonl."""
    result = crawl(portal, "vietnam_vn", tmp_path, args={**WINDOW, "base_url": portal.url, "lang": "vi"},
                   output=None)
    assert result.returncode == 0, result.log[-3000:]
    feeds = list((tmp_path / "output").glob("vietnam_vn-*.jsonl"))
    assert len(feeds) == 1
    assert re.fullmatch(r"vietnam_vn-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+00-00\.jsonl", feeds[0].name)
    reports = list((tmp_path / "output").glob("vietnam_vn-*.report.json"))
    assert [r.name.removesuffix(".report.json") for r in reports] == [feeds[0].name.removesuffix(".jsonl")]
    records = [json.loads(line) for line in feeds[0].read_text(encoding="utf-8").splitlines()]
    assert sorted(record_paths(records)) == sorted(p for p, lang in IN_WINDOW.items() if lang == "vi")
    assert not any(p.startswith(("/en/", "/ko/")) for p in result.requested())


def test_sitemap_errors_are_counted_never_read_as_empty(fresh_portal, crawl, tmp_path):
    from crawler.demo_portal import Scripted

    fresh_portal.script("/sitemap.xml", Scripted(403, {"Content-Type": "text/html"}, b"<h1>Forbidden</h1>"))
    fresh_portal.script("/news-sitemap.xml", Scripted(200, {"Content-Type": "text/html; charset=utf-8"},
                                                      b"<!DOCTYPE html><html><body>Please wait</body></html>"))
    # Alarms off: a crawl that finds nothing fails them by design (exit 1); this test is about the counts.
    result = crawl(fresh_portal, "vietnam_vn", tmp_path, args={**WINDOW, "base_url": fresh_portal.url},
                   settings={"ALARMS_ENABLED": "0"})
    assert result.returncode == 0, result.log[-3000:]
    assert result.lines == []
    assert result.report["sitemaps"]["errors"] == {"403": 1, "not_sitemap": 1}
    assert result.report["articles_written"] == 0
    assert "ERROR: Sitemap/feed" in result.log and "unusable (403)" in result.log


# ----- arguments (no crawl) ------------------------------------------------------------------------

def test_default_window_is_the_last_two_days_in_vietnam():
    spider = VietnamVnSpider(base_url="http://127.0.0.1:1")
    today = datetime.now(VIETNAM_TZ).date()
    assert (spider.window.since, spider.window.until) == (today - timedelta(days=1), today)
    assert spider.since_given is False
    assert spider.languages is None


def test_base_url_decides_every_discovery_url_and_the_allowed_domain():
    spider = VietnamVnSpider(base_url="http://127.0.0.1:8765/", **WINDOW)
    assert spider.base_url == "http://127.0.0.1:8765"
    assert spider.allowed_domains == ["127.0.0.1"]
    assert spider.extraction_url("http://127.0.0.1:8765/en/x?a=1") == "https://www.vietnam.vn/en/x?a=1"
    live = VietnamVnSpider(**WINDOW)
    assert live.allowed_domains == ["vietnam.vn"]
    assert live.extraction_url("https://www.vietnam.vn/x") == "https://www.vietnam.vn/x"


@pytest.mark.parametrize("args", [{"since": "21/11/2026"}, {"since": "2026-11-24", "until": "2026-11-23"},
                                  {"lang": "english"}, {"base_url": "not a url"}])
def test_bad_arguments_are_clear_errors(args):
    with pytest.raises(ValueError):
        VietnamVnSpider(**args)


def test_window_error_names_the_argument():
    with pytest.raises(WindowError, match="-a until=tomorrow: expected a date as YYYY-MM-DD"):
        VietnamVnSpider(until="tomorrow")


def test_fixture_pages_exist_for_every_listed_article():
    root = Path(__file__).parent / "fixtures" / "portal"
    for path in [*IN_WINDOW, *OUTSIDE_WINDOW, "/chuyen-muc/kinh-te", "/events/hoi-cho-du-lich-quoc-te-2026"]:
        assert (root / f"{path.strip('/')}.html").is_file(), path


# ----- the vietnam.vn fixture pages (tests/fixtures/vietnam_vn/), served as part of the copy ------------

FIXTURE_PAGES = {
    "/en/trung-quoc-phan-doi-manh-me-viec-nato-tien-vao-nhat-ban-bat-chap-viec-thu-tuong-kishida-tran-an":
        "en_2023_05_24_nato_japan_reconstruction",
    "/an-giang-mo-tuyen-du-lich-duong-song-noi-long-xuyen-voi-chau-doc":
        "vi_2025_07_13_du_lich_duong_song_reconstruction",
}
# Set by the crawl, not by the page: where it was fetched from, when, by which spider, and (with the
# seen-store on) whether it is new.
CRAWL_SET = ("url", "metadata.dateDownloaded", "metadata.spider", "metadata.revision")


def without_crawl_fields(record: dict) -> dict:
    record = json.loads(json.dumps(record))
    for dotted in CRAWL_SET:
        *parents, leaf = dotted.split(".")
        holder = record
        for parent in parents:
            holder = holder[parent]
        holder.pop(leaf)
    return record


def test_fixture_pages_of_both_editions_crawl_to_their_expected_records(portal, crawl, tmp_path):
    """The crawl writes for each reconstructed page the record the extractor tests expect of it."""
    result = crawl(portal, "vietnam_vn", tmp_path,
                   args={"since": "2023-05-24", "until": "2025-07-13", "base_url": portal.url})
    assert result.returncode == 0, result.log[-3000:]
    records = {urlsplit(record["url"]).path: record for record in result.records}
    assert sorted(records) == sorted(FIXTURE_PAGES)
    fixtures = Path(__file__).parent / "fixtures" / "vietnam_vn"
    for path, name in FIXTURE_PAGES.items():
        expected = json.loads((fixtures / f"{name}.json").read_text(encoding="utf-8"))
        assert without_crawl_fields(records[path]) == without_crawl_fields(expected), name
        assert records[path]["metadata"]["spider"] == "vietnam_vn"
    assert result.report["skipped"] == {"listing": 1}  # the tag listing, /en/tag/nato
    assert "/en/tag/nato" in result.requested()
