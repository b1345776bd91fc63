"""``scrapy crawl news -a publisher=...`` against the publishers' local copy (tests/fixtures/copies/) on
127.0.0.1: each publisher's registered sources, read with their date rules, fetched from the copy
(``-a base_url=``), every page extracted with its publisher's profile as the page it copies.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.alarms import check_publisher_fill_rates
from crawler.demo_portal import PortalServer
from crawler.spiders.news import NewsSpider
from extractors import validation_errors
from extractors.fixtures import discover
from extractors.record import ARTICLE_FIELDS
from extractors.registry import get_publisher, select_publishers

FIXTURES = Path(__file__).parent / "fixtures"
COPIES = FIXTURES / "copies"
ALIASES = json.loads((COPIES / "aliases.json").read_text("utf-8"))
# fixture page file -> its fixture (the copy serves fixture pages by these aliases)
BY_FILE = {f.html_path.resolve(): f for f in discover(FIXTURES) if f.site not in ("portal", "copies")}
COMPARED = ("headline", "datePublished", "authors", "articleBody", "description", "sourceOrganization")


@pytest.fixture(scope="module")
def copy_server() -> Iterator[PortalServer]:
    with PortalServer(COPIES) as server:
        yield server


def fixture_of(local_url: str):
    """The fixture page a URL of the copy serves."""
    return BY_FILE[(COPIES / ALIASES[urlsplit(local_url).path]).resolve()]


def stat(log: str, key: str) -> int | None:
    found = re.search(rf"'{re.escape(key)}': (\d+)", log)
    return int(found.group(1)) if found else None


@pytest.fixture(scope="module")
def vn_crawl(copy_server, crawl, tmp_path_factory):
    return crawl(copy_server, "news", tmp_path_factory.mktemp("publishers_vn"),
                 args={"publisher": "vn", "base_url": copy_server.url})


def test_vn_crawl_finishes_cleanly_and_stays_in_the_copy(vn_crawl, copy_server):
    assert vn_crawl.returncode == 0, vn_crawl.log[-3000:]
    assert "Traceback" not in vn_crawl.log and "ALARM" not in vn_crawl.log
    hosts = {urlsplit(f"https://{path.lstrip('/')}").hostname for path in vn_crawl.requested() if path != "/robots.txt"}
    domains = [domain for publisher in select_publishers("vn") for domain in publisher.domains]
    assert hosts and all(any(h == d or h.endswith("." + d) for d in domains) for h in hosts)
    assert all(hit.status == 200 for hit in vn_crawl.hits)


def test_vn_crawl_reads_every_publishers_sources(vn_crawl):
    requested = set(vn_crawl.requested())
    for publisher in select_publishers("vn"):
        for source in publisher.sources:
            parts = urlsplit(source.url)
            assert f"/{parts.hostname}{parts.path}" in requested, source.url
    assert vn_crawl.report["sitemaps"]["errors"] == {}
    # vietnam.vn's index names a tag sitemap too: its source follows only the daily post sitemaps.
    assert "/www.vietnam.vn/sitemap/sitemap-tag.xml" not in requested
    assert stat(vn_crawl.log, "sitemaps/skipped/not_followed") == 1


def test_vn_crawl_writes_each_article_of_the_copy_once_as_its_fixture_reads(vn_crawl):
    records = vn_crawl.records
    served = {(COPIES / target).resolve() for target in ALIASES.values()}
    articles = {fixture.id for path, fixture in BY_FILE.items() if path in served and fixture.expected() is not None}
    assert sorted(fixture_of(r["url"]).id for r in records) == sorted(articles)
    assert len(articles) >= 25
    for record in records:
        fixture = fixture_of(record["url"])
        expected = fixture.expected()
        assert validation_errors(record) == [] and tuple(record) == ARTICLE_FIELDS
        assert record["metadata"]["extractor"] == expected["metadata"]["extractor"], fixture.id
        assert {k: record[k] for k in COMPARED} == {k: expected[k] for k in COMPARED}, fixture.id
    assert vn_crawl.report["skipped"] == {"empty": 1, "listing": 1}  # baomoi's redirect stub (no text), a tag page


def test_vn_crawl_counts_each_publishers_records(vn_crawl):
    assert stat(vn_crawl.log, "publishers/vietnam_vn/written") == 2
    assert stat(vn_crawl.log, "publishers/vietnam_vn/filled/sourceOrganization") == 2
    assert stat(vn_crawl.log, "publishers/vtv/written") == 2
    assert stat(vn_crawl.log, "publishers/baomoi/written") is None  # its one page is no article
    assert vn_crawl.report["arguments"]["publisher"] == [p.name for p in select_publishers("vn")]


def test_two_publishers_by_name(copy_server, crawl, tmp_path):
    result = crawl(copy_server, "news", tmp_path, args={"publisher": "vnexpress,vtv", "base_url": copy_server.url})
    assert result.returncode == 0, result.log[-3000:]
    assert sorted(r["metadata"]["extractor"] for r in result.records) == ["vnexpress@V1", "vnexpress@V1", "vtv@V1", "vtv@V1"]
    assert {path.split("/")[1] for path in result.requested() if path != "/robots.txt"} == {"vnexpress.net", "vtv.vn"}


def test_a_feed_date_without_offset_reads_in_the_sources_zone(copy_server, crawl, tmp_path):
    """Tuổi Trẻ's RSS writes 'Wed, 18 Nov 2026 06:30:00 GMT+7', no offset once parsed: that is 17 Nov 23:30 UTC.
    Counted in UTC days, the publisher's source (zone Asia/Ho_Chi_Minh) puts it on 17 November; the same
    feed given by hand (no source rule: an offset-less date is read in the window's zone) on 18 November."""
    (tmp_path / "a").mkdir()
    by_publisher = crawl(copy_server, "news", tmp_path / "a", args={
        "publisher": "tuoitre", "base_url": copy_server.url, "tz": "UTC", "since": "2026-11-17", "until": "2026-11-17"},
        settings={"ALARMS_ENABLED": "0"})
    assert by_publisher.returncode == 0, by_publisher.log[-3000:]
    assert [fixture_of(r["url"]).site for r in by_publisher.records] == ["tuoitre"]
    assert stat(by_publisher.log, "sitemaps/entries/outside_window") is None
    (tmp_path / "b").mkdir()
    by_hand = crawl(copy_server, "news", tmp_path / "b", args={
        "feed": "https://tuoitre.vn/rss/tin-moi-nhat.rss", "base_url": copy_server.url, "tz": "UTC",
        "since": "2026-11-17", "until": "2026-11-17"}, settings={"ALARMS_ENABLED": "0"})
    assert by_hand.returncode == 0, by_hand.log[-3000:]
    assert by_hand.records == []
    assert stat(by_hand.log, "sitemaps/entries/outside_window") == 1


def test_a_publisher_floor_that_fails_fails_the_crawl(copy_server, crawl, tmp_path):
    """Dân trí's page has no keywords: a floor on them (raised for this run) fires its own alarm."""
    result = crawl(copy_server, "news", tmp_path, args={"publisher": "dantri", "base_url": copy_server.url},
                   settings={"PUBLISHER_ALARM_FLOORS": json.dumps({"dantri": {"keywords": 0.5}})})
    assert result.returncode == 1
    assert "ALARM fill_rate/dantri/keywords: publisher dantri: field keywords filled in 0% of 1 article(s)" in result.log
    assert len(result.records) == 1


def test_check_publisher_fill_rates():
    stats = {"publishers/a/written": 4, "publishers/a/filled/headline": 4, "publishers/a/filled/datePublished": 1}
    alarms = check_publisher_fill_rates(stats, {"a": {"headline": 0.9, "datePublished": 0.5}, "b": {"headline": 0.9}})
    assert [alarm.reason for alarm in alarms] == ["fill_rate/a/datePublished"]  # b wrote nothing: not judged


def test_publisher_arguments():
    spider = NewsSpider(publisher="vnexpress,vtv")
    assert spider.allowed_domains == ["vnexpress.net", "vtv.vn"]
    assert spider.publisher_floors == {"vnexpress": dict(get_publisher("vnexpress").alarm_floors),
                                       "vtv": dict(get_publisher("vtv").alarm_floors)}
    copy = NewsSpider(publisher="vtv", base_url="http://127.0.0.1:8765")
    assert copy.allowed_domains == ["127.0.0.1"]
    local = copy.fetch_url("https://vtv.vn/a-1.htm?x=1")
    assert local == "http://127.0.0.1:8765/vtv.vn/a-1.htm?x=1"
    assert copy.extraction_url(local) == "https://vtv.vn/a-1.htm?x=1"
    assert copy.fetch_url("https://elsewhere.example/x") == "https://elsewhere.example/x"  # left to the offsite filter
    assert NewsSpider(publisher="vtv", since="2026-11-01").window.tz.key == "Asia/Ho_Chi_Minh"


def test_records_are_counted_per_publisher_with_their_warnings():
    spider = NewsSpider(publisher="cafef,vtv")
    counted: list[str] = []
    spider.stat = lambda key, count=1: counted.append(key)  # type: ignore[method-assign]
    stale = {"url": "https://cafef.vn/a-1.chn", "headline": "H", "datePublished": None, "articleBody": "B",
             "metadata": {"warnings": ['no [data-role="content"]: generic content scoring used']}}
    spider.count_publisher_record(stale)
    spider.count_publisher_record({"url": "https://elsewhere.example/x", "headline": "H", "metadata": {}})
    assert counted == ["publishers/cafef/written", "publishers/cafef/filled/headline",
                       "publishers/cafef/filled/articleBody", 'publishers/cafef/warnings/no [data-role="content"]']


@pytest.mark.parametrize("args", [{"publisher": "nosuchpaper"}, {"publisher": "vtv", "base_url": "not-a-url"}])
def test_bad_publisher_arguments_are_clear_errors(args):
    with pytest.raises(ValueError, match="publisher=|base_url="):
        NewsSpider(**args)
