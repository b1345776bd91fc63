"""Pause and resume (SIGINT with JOBDIR) and crash recovery (SIGKILL) of a real ``scrapy crawl``.

The portal copy answers article pages slowly and the crawl takes them one at a time, so the signal
lands part way through; each scenario is compared with an uninterrupted crawl of the same window.
"""

from __future__ import annotations

import signal

import pytest
from portal_pages import record_paths
from scheduled_crawls import (
    FULL_WINDOW,
    ONE_BY_ONE,
    SlowPortal,
    complete_lines,
    crawl_command,
    is_article_path,
    records,
    run_crawl,
    start_crawl,
    store_rows,
    store_runs,
    wait_for,
)

from crawler.demo_portal import PortalServer

STORE = "output/demo/seen-vietnam_vn.sqlite3"  # a local copy keeps its state there
ARTICLE_DELAY = 0.1


def keys(written: list[dict]) -> list[str]:
    return [record["canonicalUrl"] or record["url"] for record in written]


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> list[str]:
    """Article paths of the whole window, crawled in one go."""
    workdir = tmp_path_factory.mktemp("uninterrupted")
    with PortalServer() as server:
        result = run_crawl(workdir, crawl_command("vietnam_vn", args={**FULL_WINDOW, "base_url": server.url},
                                                  output="out.jsonl"))
    assert result.process.returncode == 0, result.log[-3000:]
    written = record_paths(records(workdir / "out.jsonl"))
    assert len(written) >= 10
    return sorted(written)


@pytest.mark.parametrize("seen_store", ["1", "0"], ids=["with-seen-store", "jobdir-alone"])
def test_ctrl_c_then_resume_with_jobdir_loses_nothing_and_writes_nothing_twice(seen_store, uninterrupted, tmp_path):
    settings = {**ONE_BY_ONE, "JOBDIR": str(tmp_path / "job"), "SEENSTORE_ENABLED": seen_store}
    feed = tmp_path / "out.jsonl"
    with SlowPortal(delay=ARTICLE_DELAY) as server:
        command = crawl_command("vietnam_vn", args={**FULL_WINDOW, "base_url": server.url}, settings=settings,
                                output="out.jsonl", append=True)
        paused = start_crawl(tmp_path, command)
        wait_for(lambda: complete_lines(feed), what="the first article")
        paused.process.send_signal(signal.SIGINT)  # one Ctrl-C: a graceful stop that keeps the queue
        assert paused.wait() == 0, paused.log[-3000:]
        written_before_resume = len(records(feed))
        resumed = run_crawl(tmp_path, command)
    assert "'finish_reason': 'shutdown'" in paused.log
    assert "ALARM" not in paused.log  # a paused crawl is not judged
    assert 0 < written_before_resume < len(uninterrupted), "the pause should land mid-crawl"
    assert resumed.process.returncode == 0, resumed.log[-3000:]
    assert "Resuming crawl" in resumed.log
    union = record_paths(records(feed))
    assert sorted(union) == uninterrupted
    if seen_store == "1":
        assert sorted(store_rows(tmp_path / STORE)) == sorted(keys(records(feed)))


def test_sigkill_then_rerun_repairs_the_feed_and_recrawls_only_what_never_reached_disk(uninterrupted, tmp_path):
    feed = tmp_path / "out.jsonl"
    with SlowPortal(delay=ARTICLE_DELAY) as server:
        command = crawl_command("vietnam_vn", args={**FULL_WINDOW, "base_url": server.url}, settings=ONE_BY_ONE,
                                output="out.jsonl", append=True)
        killed = start_crawl(tmp_path, command)
        wait_for(lambda: len(complete_lines(feed)) >= 2, what="two articles")
        killed.process.kill()
        assert killed.wait() == -signal.SIGKILL

        # What the kill left: whole lines only, and no store row without its line.
        after_kill = records(feed)
        assert 0 < len(after_kill) < len(uninterrupted), "the kill should land mid-crawl"
        assert set(store_rows(tmp_path / STORE)) <= set(keys(after_kill))
        # A kill inside write() would leave a torn line; one cannot be timed, so leave one by hand.
        with feed.open("ab") as out:
            out.write(b'{"url": "' + server.url.encode() + b'/bai-viet-viet-do", "canonicalUrl": nu')

        first_hit = len(server.requests)
        rerun = run_crawl(tmp_path, command)
        rerun_fetched = {hit.path for hit in server.requests[first_hit:] if is_article_path(hit.path)}
    assert rerun.process.returncode == 0, rerun.log[-3000:]
    assert "removed a half-written last line" in rerun.log
    assert "1 earlier run(s) did not finish" in rerun.log
    final = records(feed)  # fails on any half line
    assert sorted(record_paths(final)) == uninterrupted  # every article, none twice
    assert final[: len(after_kill)] == after_kill
    missing = set(uninterrupted) - set(record_paths(after_kill))
    assert set(record_paths(final[len(after_kill):])) == missing
    assert missing <= rerun_fetched
    rows = store_rows(tmp_path / STORE)
    assert sorted(rows) == sorted(keys(final)) and len(rows) == len(final)
    assert [run["status"] for run in store_runs(tmp_path / STORE)] == ["crashed", "finished"]
