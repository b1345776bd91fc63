"""Crash safety and one writer per feed, with real ``scrapy crawl`` processes against the portal copy.

- SIGKILL at several points, with JOBDIR (with and without the seen-store), then the same command: every
  article exactly once, no torn line, no stuck state (a third run in the same JOBDIR works too);
- two crawls on one feed: the second stops at once, before fetching anything;
- ``-O`` twice on the same file: the second run's file holds every article again, never zero lines.
"""

from __future__ import annotations

import signal
from collections import Counter

import pytest
from portal_pages import IN_WINDOW, WINDOW, record_paths
from scheduled_crawls import (
    ONE_BY_ONE,
    GatedPortal,
    SlowPortal,
    complete_lines,
    crawl_command,
    is_article_path,
    records,
    run_crawl,
    start_crawl,
    wait_for,
)

from crawler.demo_portal import PortalServer

ARTICLE_DELAY = 0.15


@pytest.mark.parametrize(("kill_after", "seen_store"), [(1, "1"), (4, "1"), (2, "0")],
                         ids=["after-1-with-seen-store", "after-4-with-seen-store", "after-2-jobdir-alone"])
def test_sigkill_with_jobdir_then_the_same_command_writes_every_article_exactly_once(kill_after, seen_store, tmp_path):
    feed = tmp_path / "out.jsonl"
    settings = {**ONE_BY_ONE, "JOBDIR": str(tmp_path / "job"), "SEENSTORE_ENABLED": seen_store}
    with SlowPortal(delay=ARTICLE_DELAY) as server:
        command = crawl_command("vietnam_vn", args={**WINDOW, "base_url": server.url}, settings=settings,
                                output="out.jsonl", append=True)
        killed = start_crawl(tmp_path, command)
        wait_for(lambda: len(complete_lines(feed)) >= kill_after, what=f"{kill_after} article(s)")
        killed.process.kill()
        assert killed.wait() == -signal.SIGKILL
        after_kill = records(feed)
        assert len(after_kill) < len(IN_WINDOW), "the kill should land mid-crawl"
        first_hit = len(server.requests)
        rerun = run_crawl(tmp_path, command)
        refetched = [hit.path for hit in server.requests[first_hit:] if is_article_path(hit.path)]
        third = run_crawl(tmp_path, command)  # the JOBDIR is not stuck either
    assert rerun.process.returncode == 0, rerun.log[-3000:]
    assert "was killed; its queue is dropped" in rerun.log
    final = records(feed)  # fails on a torn line
    assert Counter(record_paths(final)) == Counter(list(IN_WINDOW))  # every article, exactly once
    assert final[: len(after_kill)] == after_kill
    assert not set(record_paths(after_kill)) & set(refetched)  # what the feed held was not fetched again
    assert third.process.returncode == 0, third.log[-3000:]
    assert "ALARM" not in rerun.log + third.log and "Traceback" not in rerun.log + third.log
    assert Counter(record_paths(records(feed))) == Counter(list(IN_WINDOW))
    assert (tmp_path / "out.jsonl.lock").exists()  # left by the killed crawl: stale, and no obstacle


def test_a_second_crawl_on_the_same_feed_stops_before_fetching_anything(tmp_path):
    feed = tmp_path / "shared.jsonl"
    with GatedPortal(open_articles=4) as server:
        first = start_crawl(tmp_path, crawl_command(
            "vietnam_vn", args={**WINDOW, "base_url": server.url}, output="shared.jsonl", append=True,
            settings={**ONE_BY_ONE, "SEENSTORE_PATH": "output/first.sqlite3"}))
        wait_for(lambda: complete_lines(feed), what="the first crawl's first article")
        # Another spider, another seen-store: only the feed is shared.
        second = run_crawl(tmp_path, crawl_command(
            "news", args={"sitemap": f"{server.url}/sitemap.xml"}, output="shared.jsonl", append=True,
            settings={**ONE_BY_ONE, "SEENSTORE_PATH": "output/second.sqlite3"}))
        assert first.process.poll() is None, "the first crawl should still be running"
        server.release()
        assert first.wait() == 0, first.log[-3000:]
    assert second.process.returncode == 1
    errors = [line for line in second.log.splitlines() if "ERROR" in line]
    assert len(errors) == 1 and f"feed {feed} is being written by another crawl (pid {first.process.pid})" in errors[0]
    assert "Traceback" not in second.log
    assert "Crawled (" not in second.log and "downloader/request_count" not in second.log  # sent nothing
    assert Counter(record_paths(records(feed))) == Counter(list(IN_WINDOW))


def test_the_readme_command_twice_with_dash_o_never_empties_the_feed(tmp_path):
    feed = tmp_path / "vietnam_vn.jsonl"
    with PortalServer() as server:
        command = crawl_command("vietnam_vn", args={**WINDOW, "base_url": server.url}, output="vietnam_vn.jsonl")
        first = run_crawl(tmp_path, command)
        first_records = records(feed)
        second = run_crawl(tmp_path, command)
        second_records = records(feed)
        appended = run_crawl(tmp_path, command[:-2] + ["-o", "vietnam_vn.jsonl"])
    assert first.process.returncode == second.process.returncode == appended.process.returncode == 0
    assert sorted(record_paths(first_records)) == sorted(IN_WINDOW)
    assert sorted(record_paths(second_records)) == sorted(IN_WINDOW)  # -O over a full feed: a full crawl
    assert {record["metadata"]["revision"] for record in second_records} == {"unchanged"}
    assert "every article of the window is written" in second.log
    assert records(feed) == second_records  # -o: incremental, nothing new to append
