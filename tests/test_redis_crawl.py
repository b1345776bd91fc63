"""One crawl on many workers through a real Redis (redis-server on 127.0.0.1, no persistence).

A portal of 600 distinct article pages (the bundled portal's articles under 600 URLs, one sitemap) is
served by a separate process; three ``scrapy crawl news`` workers share it through Redis. Every page is
written exactly once across their feeds, each worker writes its share, a second run writes nothing
again, and a worker SIGKILLed part way loses nothing (after the others finish and one rerun of it).
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.portal_server import PortalProcess, RedisServer
from crawler.merge import main as merge_main
from crawler.offline_demo import scrapy_env

PAGES = 600
TEMPLATES = sorted(p for p in (Path(__file__).parent / "fixtures" / "portal").glob("*.html") if p.name != "index.html")
WORKER_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "ROBOTSTXT_OBEY": "0", "TELNETCONSOLE_ENABLED": "0",
    "CONCURRENT_REQUESTS": "8", "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "EXTRACT_WORKERS": "1",
    "ALARMS_ENABLED": "0", "CLOSESPIDER_TIMEOUT": "150", "LOG_LEVEL": "INFO",
    "REDIS_HEARTBEAT": "0.5", "REDIS_WORKER_TIMEOUT": "10",
}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    assert shutil.which("redis-server"), "redis-server is not installed (.ci/run installs it: apt-get install redis-server)"
    with RedisServer() as server:
        yield server.url


@pytest.fixture(scope="module")
def bulk_portal() -> Iterator[PortalProcess]:
    assert len(TEMPLATES) >= 8
    with PortalProcess(TEMPLATES, PAGES) as portal:
        yield portal


def worker_command(portal: PortalProcess, redis_url: str, key: str, feed: Path, **settings: str) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sitemap={portal.url}/sitemap.xml",
               "-o", str(feed)]
    for name, value in {**WORKER_SETTINGS, "REDIS_URL": redis_url, "REDIS_KEY": key, **settings}.items():
        command += ["-s", f"{name}={value}"]
    return command


def start(command: list[str], workdir: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=workdir, env=scrapy_env(), stdout=subprocess.DEVNULL,
                            stderr=log.open("w", encoding="utf-8"))


def page_numbers(feed: Path) -> list[int]:
    """The pages of a feed's whole lines (a SIGKILLed worker may leave a torn last line: its rerun cuts it)."""
    if not feed.exists():
        return []
    whole = feed.read_bytes().rpartition(b"\n")[0]
    return [int(json.loads(line)["url"].rsplit("/", 1)[1]) for line in whole.splitlines()]


def wait_all(workers: list[subprocess.Popen], logs: list[Path], timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    for worker, log in zip(workers, logs, strict=True):
        worker.wait(max(1, deadline - time.monotonic()))
        assert worker.returncode in (0, -signal.SIGKILL), log.read_text("utf-8")[-3000:]


def test_three_workers_write_every_page_once_and_a_second_run_nothing(bulk_portal, redis_url, tmp_path):
    key = f"test-{uuid.uuid4().hex[:8]}"
    feeds = [tmp_path / f"worker-{i}.jsonl" for i in range(3)]
    logs = [tmp_path / f"worker-{i}.log" for i in range(3)]
    workers = [start(worker_command(bulk_portal, redis_url, key, feed), tmp_path, log)
               for feed, log in zip(feeds, logs, strict=True)]
    wait_all(workers, logs)
    assert all(w.returncode == 0 for w in workers)
    per_worker = [page_numbers(feed) for feed in feeds]
    written = Counter(n for pages in per_worker for n in pages)
    assert sorted(written) == list(range(PAGES))  # every page ...
    assert set(written.values()) == {1}  # ... exactly once across the three feeds
    assert all(len(pages) >= PAGES // 10 for pages in per_worker), [len(p) for p in per_worker]
    log_texts = [log.read_text("utf-8") for log in logs]
    assert sum("starts the run and reads start()" in text for text in log_texts) == 1  # seeded once
    assert sum("joins the run" in text for text in log_texts) == 2
    assert all("Traceback" not in text for text in log_texts)

    again = tmp_path / "again.jsonl"
    rerun = start(worker_command(bulk_portal, redis_url, key, again), tmp_path, tmp_path / "again.log")
    wait_all([rerun], [tmp_path / "again.log"])
    assert rerun.returncode == 0
    assert page_numbers(again) == []  # written once across runs: the shared seen-store knew them all
    assert f"'seenstore/skipped/unchanged_lastmod': {PAGES}" in (tmp_path / "again.log").read_text("utf-8")


def test_a_worker_killed_part_way_loses_nothing(bulk_portal, redis_url, tmp_path):
    key = f"test-{uuid.uuid4().hex[:8]}"
    feeds = [tmp_path / f"worker-{i}.jsonl" for i in range(3)]
    logs = [tmp_path / f"worker-{i}.log" for i in range(3)]
    commands = [worker_command(bulk_portal, redis_url, key, feed) for feed in feeds]
    workers = [start(command, tmp_path, log) for command, log in zip(commands, logs, strict=True)]
    victim = 1
    deadline = time.monotonic() + 120
    while len(page_numbers(feeds[victim])) < 40:  # part way: it holds requests and has written some
        assert time.monotonic() < deadline and workers[victim].poll() is None, "the victim never got going"
        time.sleep(0.1)
    workers[victim].send_signal(signal.SIGKILL)
    wait_all(workers, logs)
    assert workers[victim].returncode == -signal.SIGKILL
    assert all(workers[i].returncode == 0 for i in range(3) if i != victim)
    after_others = Counter(n for feed in feeds for n in page_numbers(feed))
    assert set(after_others.values()) == {1}, "a page written twice"
    surviving_logs = "".join(logs[i].read_text("utf-8") for i in range(3) if i != victim)
    assert "of dead worker(s) put back in the queue" in surviving_logs
    missing_after_others = PAGES - len(after_others)

    # One rerun of the killed worker (same command, its feed appended to) writes what was still missing.
    rerun_log = tmp_path / "rerun.log"
    rerun = start(commands[victim], tmp_path, rerun_log)
    wait_all([rerun], [rerun_log])
    assert rerun.returncode == 0, rerun_log.read_text("utf-8")[-3000:]
    written = Counter(n for feed in feeds for n in page_numbers(feed))
    assert sorted(written) == list(range(PAGES)), f"{PAGES - len(written)} missing ({missing_after_others} before)"
    assert set(written.values()) == {1}

    merged = tmp_path / "merged.jsonl"
    assert merge_main([str(merged), *map(str, feeds)]) == 0
    assert sorted(page_numbers(merged)) == list(range(PAGES))


def test_the_redis_seen_store_keeps_what_the_sqlite_one_keeps(redis_url, tmp_path):
    import redis

    from crawler.redis_seenstore import RedisSeenStore
    from crawler.seenstore import record_fingerprint

    store = RedisSeenStore(redis.Redis.from_url(redis_url), f"test-{uuid.uuid4().hex[:8]}")
    record = {"url": "https://x.vn/a?utm=1", "canonicalUrl": "https://x.vn/a", "articleBody": "Thân bài",
              "metadata": {"contentHash": None, "dateDownloaded": "2026-11-22T01:00:00+00:00"}}
    assert store.get("https://x.vn/a") is None and store.find("https://x.vn/a?utm=1") is None
    store.record(record, lastmod="2026-11-22T00:00:00+00:00", revision="new")
    seen = store.find("https://x.vn/a?utm=1")  # by the URL fetched, or by the canonical URL
    assert seen is not None and seen == store.get("https://x.vn/a")
    assert seen.record_hash == record_fingerprint(record) and seen.lastmod == "2026-11-22T00:00:00+00:00"
    store.record(record, lastmod=None, revision="content-changed")  # no lastmod given: the stored one kept
    again = store.get("https://x.vn/a")
    assert again.lastmod == seen.lastmod and again.first_seen == seen.first_seen
    assert again.revision == "content-changed"
    store.touch_lastmod("https://x.vn/a", "2026-11-23T00:00:00+00:00")
    assert store.get("https://x.vn/a").lastmod == "2026-11-23T00:00:00+00:00"
    run = store.start_run("news")
    store.finish_run(run, status="alarm", window_until="2026-11-23")
    assert store.last_window_until("news") is None  # only a successful run moves the window
    store.finish_run(store.start_run("news"), status="finished", window_until="2026-11-23")
    assert store.last_window_until("news") == "2026-11-23"
    assert store.count() == 1
