"""Alarms: a crawl of a changed, empty or blocking portal exits 1 with an ERROR line naming why.

Real ``scrapy crawl`` processes against the portal copy (healthy), the copy with its article pages
redesigned (tests/scheduled_crawls.redesign_article_pages), an empty date window, and a portal that answers article
pages with 403, 429 or a bot-challenge page. The checks themselves are also tested as plain functions.
"""

from __future__ import annotations

import json

import pytest
from scheduled_crawls import (
    FULL_WINDOW,
    copy_portal,
    crawl_command,
    is_article_path,
    records,
    redesign_article_pages,
    run_crawl,
    store_runs,
)
from scrapy.http import HtmlResponse

from crawler.alarms import (
    check_articles,
    check_blocked,
    check_fill_rates,
    fill_rate_minimums,
    is_challenge,
)
from crawler.demo_portal import PortalServer

CHALLENGE_PAGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                  b"<div id=\"challenge-platform\">Checking your browser before accessing the site.</div></body></html>")


def crawl(server: PortalServer, workdir, args: dict[str, str] | None = None, settings: dict[str, str] | None = None):
    command = crawl_command("vietnam_vn", args={**FULL_WINDOW, "base_url": server.url, **(args or {})},
                            settings=settings, output="out.jsonl")
    return run_crawl(workdir, command)


def alarm_lines(log: str) -> list[str]:
    return [line.split("ERROR: ", 1)[1] for line in log.splitlines() if "ERROR: ALARM " in line]


class BlockingPortal(PortalServer):
    """The portal, with every article page answered by ``status`` (403, 429) or a challenge page (200)."""

    def __init__(self, answer: str) -> None:
        super().__init__()
        self.answer = answer

    def respond(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        if not is_article_path(raw_path):
            return super().respond(raw_path)
        if self.answer == "challenge":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, CHALLENGE_PAGE
        return int(self.answer), {"Content-Type": "text/html; charset=utf-8"}, b"<h1>Access denied</h1>"


# ----- whole crawls --------------------------------------------------------------------------------

def test_healthy_crawl_passes_every_alarm(tmp_path):
    with PortalServer() as server:
        result = crawl(server, tmp_path)
    assert result.process.returncode == 0, result.log[-3000:]
    assert alarm_lines(result.log) == []
    assert "[Spidermon] Alarms/field fill rates... OK" in result.log
    assert store_runs(tmp_path / "output" / "demo" / "seen-vietnam_vn.sqlite3")[-1]["status"] == "finished"


def test_changed_article_markup_fails_the_crawl_naming_the_emptied_fields(tmp_path):
    root = copy_portal(tmp_path / "portal")
    assert redesign_article_pages(root) >= 8
    with PortalServer(root) as server:
        result = crawl(server, tmp_path / "crawl")
    assert result.process.returncode == 1, result.log[-3000:]
    alarms = alarm_lines(result.log)
    assert {alarm.split(":", 1)[0] for alarm in alarms} == {"ALARM fill_rate/datePublished",
                                                             "ALARM fill_rate/sourceOrganization"}
    assert any("field datePublished filled in 0% of" in alarm and "below the minimum 80%" in alarm for alarm in alarms)
    written = records(tmp_path / "crawl" / "out.jsonl")
    assert written and all(record["headline"] and record["articleBody"] for record in written)
    report = json.loads((tmp_path / "crawl" / "out.report.json").read_text(encoding="utf-8"))
    assert report["field_fill_rate"]["datePublished"] == 0.0
    assert report["field_fill_rate"]["sourceOrganization"] == 0.0
    assert report["field_fill_rate"]["headline"] == 1.0
    assert report["alarms_failed"] == ["fill_rate/datePublished", "fill_rate/sourceOrganization"]
    assert sum(report["incremental"]["written"].values()) == len(written)
    # Not a successful run: the next one's default window still starts where the last good one ended.
    assert store_runs(tmp_path / "crawl" / "output" / "demo" / "seen-vietnam_vn.sqlite3")[-1]["status"] == "alarm"


def test_zero_articles_fails_the_crawl(tmp_path):
    with PortalServer() as server:
        result = crawl(server, tmp_path, args={"since": "2026-01-01", "until": "2026-01-02"})
    assert result.process.returncode == 1, result.log[-3000:]
    assert alarm_lines(result.log) == [
        "ALARM no_articles: 0 article(s) found (written or unchanged), expected at least 1"]


@pytest.mark.parametrize("answer", ["403", "429", "challenge"])
def test_mostly_blocked_responses_fail_the_crawl(answer, tmp_path):
    with BlockingPortal(answer) as server:
        result = crawl(server, tmp_path, settings={"RETRY_ENABLED": "0"})
    assert result.process.returncode == 1, result.log[-3000:]
    blocked = [alarm for alarm in alarm_lines(result.log) if alarm.startswith("ALARM blocked: ")]
    assert len(blocked) == 1
    kind = "challenge pages" if answer == "challenge" else "HTTP 403/429"
    assert f"0 {kind}" not in blocked[0] and kind in blocked[0]


def test_alarms_off_lets_the_same_crawl_pass(tmp_path):
    with PortalServer() as server:
        result = crawl(server, tmp_path, args={"since": "2026-01-01", "until": "2026-01-02"},
                       settings={"ALARMS_ENABLED": "0"})
    assert result.process.returncode == 0, result.log[-3000:]
    assert alarm_lines(result.log) == []


# ----- the checks as functions ---------------------------------------------------------------------

def test_fill_rate_alarm_per_field_below_its_minimum_only():
    alarms = check_fill_rates({"headline": 10, "datePublished": 7, "articleBody": 10}, 10,
                              {"headline": 0.9, "datePublished": 0.8, "articleBody": 0.9, "sourceOrganization": 0.5})
    assert [alarm.reason for alarm in alarms] == ["fill_rate/datePublished", "fill_rate/sourceOrganization"]
    assert alarms[0].message == "field datePublished filled in 70% of 10 article(s) (7), below the minimum 80%"
    assert check_fill_rates({}, 0, {"headline": 0.9}) == []  # nothing written: the article count speaks


def test_fill_rate_minimums_flat_or_per_spider():
    assert fill_rate_minimums({"headline": 0.5}, "news") == {"headline": 0.5}
    nested = {"*": {"headline": 0.9}, "vietnam_vn": {"sourceOrganization": 0.7}}
    assert fill_rate_minimums(nested, "vietnam_vn") == {"sourceOrganization": 0.7}
    assert fill_rate_minimums(nested, "news") == {"headline": 0.9}


def test_article_and_blocked_thresholds():
    assert check_articles(1, 1) == []
    assert check_articles(0, 1)[0].reason == "no_articles"
    assert check_blocked(5, 0, 10, 0.5) == []  # half is not most
    assert check_blocked(4, 2, 10, 0.5)[0].message == (
        "6 of 10 responses were blocked (4 HTTP 403/429, 2 challenge pages), above 50%")
    assert check_blocked(0, 0, 0, 0.5) == []


@pytest.mark.parametrize(("status", "body", "expected"), [
    (202, b"", True),
    (200, CHALLENGE_PAGE, True),
    (200, b"<html><body><h1>Captcha</h1><form>Please solve the CAPTCHA</form></body></html>", True),
    (200, "<html><body><p>Thách thức (challenge) lớn của ngành du lịch năm nay.</p></body></html>".encode(), False),
    (200, b"<html><body>" + b"<p>news</p>" * 8000 + b"captcha</body></html>", False),  # a real, long page
    (403, CHALLENGE_PAGE, False),  # counted as blocked by its status instead
])
def test_challenge_page_detection(status, body, expected):
    response = HtmlResponse("http://127.0.0.1/bai-viet", status=status, body=body, encoding="utf-8")
    assert is_challenge(response) is expected
