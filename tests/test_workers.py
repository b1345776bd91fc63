"""Extraction in worker processes: same records as in process, a hung or crashed worker costs one page."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.demo_portal import Scripted
from crawler.offline_demo import scrapy_env
from crawler.workers import EXTRACT_ERROR, TEST_HOOK_ENV, TIMEOUT, ExtractionPool, Page, extract_outcome
from extractors import extract, extract_page

PORTAL = Path(__file__).parent / "fixtures" / "portal"
ARTICLE = PORTAL / "da-nang-don-luong-khach-quoc-te-ky-luc.html"
ARTICLE_URL = "https://www.vietnam.vn/da-nang-don-luong-khach-quoc-te-ky-luc"
FETCHED = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)


def page(body: bytes, charset: str | None = "utf-8") -> Page:
    return Page(body=body, url=ARTICLE_URL, charset=charset, options={"fetched_at": FETCHED})


def run_pool(pages: list[Page], *, size: int = 2, timeout: float = 20.0) -> tuple[list, ExtractionPool]:
    async def main() -> list:
        pool = ExtractionPool(size, timeout)
        pool.start()
        try:
            return list(await asyncio.gather(*(pool.extract(p) for p in pages))), pool
        finally:
            pool.close()

    return asyncio.run(main())


def test_a_worker_gives_the_record_extract_gives():
    expected = extract(ARTICLE.read_bytes(), ARTICLE_URL, fetched_at=FETCHED).to_dict()
    (outcome,), _ = run_pool([page(ARTICLE.read_bytes())])
    assert outcome.reason is None
    assert outcome.record == expected


def test_a_header_charset_other_than_utf8_is_honoured():
    text = ARTICLE.read_text(encoding="utf-8").replace('charset="utf-8"', "").replace("charset=utf-8", "")
    body = text.encode("utf-16")  # not UTF-8: decoded in the worker by the header's charset
    outcome = extract_outcome(page(body, "utf-16"))
    assert outcome.record is not None and outcome.record["headline"] == extract(ARTICLE.read_bytes(),
                                                                                 ARTICLE_URL).headline


def test_a_non_article_gives_its_reason():
    html = b"<html><body><p>no article here</p></body></html>"
    (outcome,), _ = run_pool([page(html)])
    assert outcome.record is None and outcome.reason == extract_page(html, ARTICLE_URL).reason == "no_text"


def test_a_hung_worker_is_killed_and_replaced_and_the_other_pages_go_on(monkeypatch):
    monkeypatch.setenv(TEST_HOOK_ENV, "hang:HANG-THIS-PAGE")
    good = ARTICLE.read_bytes()
    hung = good.replace(b"</body>", b"<!-- HANG-THIS-PAGE --></body>")
    started = time.monotonic()
    outcomes, pool = run_pool([page(hung), page(good), page(good), page(good)], size=2, timeout=2.0)
    assert [o.reason for o in outcomes] == [TIMEOUT, None, None, None]
    assert all(o.record is not None for o in outcomes[1:])
    assert pool.replaced == 1
    assert time.monotonic() - started < 15


def test_a_crashed_worker_is_replaced_and_its_page_counted(monkeypatch):
    monkeypatch.setenv(TEST_HOOK_ENV, "crash:CRASH-THIS-PAGE")
    good = ARTICLE.read_bytes()
    crashing = good.replace(b"</body>", b"<!-- CRASH-THIS-PAGE --></body>")
    outcomes, pool = run_pool([page(crashing), page(good), page(crashing), page(good)], size=1)
    assert [o.reason for o in outcomes] == [EXTRACT_ERROR, None, EXTRACT_ERROR, None]
    assert "signal" in (outcomes[0].detail or "")
    assert pool.replaced == 2


# ----- in a crawl ------------------------------------------------------------------------------------

def test_a_crawl_counts_a_page_that_hangs_its_worker_and_writes_the_rest(fresh_portal, tmp_path):
    hung_path = "/tp-hcm-khoi-cong-tuyen-metro-so-2"
    body = (PORTAL / "tp-hcm-khoi-cong-tuyen-metro-so-2.html").read_bytes()
    fresh_portal.script(hung_path, Scripted(200, {"Content-Type": "text/html; charset=utf-8"},
                                            body.replace(b"</body>", b"<!-- HANG-THIS-PAGE --></body>")))
    command = [sys.executable, "-m", "scrapy", "crawl", "vietnam_vn", "-a", f"base_url={fresh_portal.url}",
               "-a", "since=2026-11-21", "-a", "until=2026-11-23", "-O", "out.jsonl"]
    for name, value in {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "TELNETCONSOLE_ENABLED": "0",
                        "EXTRACT_WORKERS": "2", "EXTRACT_TIMEOUT": "2", "CLOSESPIDER_TIMEOUT": "60",
                        "SEENSTORE_PATH": str(tmp_path / "seen.sqlite3")}.items():
        command += ["-s", f"{name}={value}"]
    started = time.monotonic()
    done = subprocess.run(command, cwd=tmp_path, env={**scrapy_env(), TEST_HOOK_ENV: "hang:HANG-THIS-PAGE"},
                          capture_output=True, text=True, timeout=90, check=False)
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    urls = {r["url"].removeprefix(fresh_portal.url) for r in records}
    assert hung_path not in urls
    assert len(records) == 7  # the portal's 8 articles of the window, less the hung one
    assert "'articles/skipped/timeout': 1" in done.stderr
    assert "'extraction/workers_replaced': 1" in done.stderr
    assert "Traceback" not in done.stderr
    assert elapsed < 60


@pytest.mark.parametrize("workers", ["0", "1"])
def test_in_process_and_one_worker_write_the_same_records(portal, tmp_path, workers):
    command = [sys.executable, "-m", "scrapy", "crawl", "vietnam_vn", "-a", f"base_url={portal.url}",
               "-a", "since=2026-11-21", "-a", "until=2026-11-23", "-O", "out.jsonl",
               "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "SEENSTORE_ENABLED=0",
               "-s", f"EXTRACT_WORKERS={workers}", "-s", "TELNETCONSOLE_ENABLED=0"]
    done = subprocess.run(command, cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=90,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 8
    assert ("Extraction: 1 worker process(es)" in done.stderr) == (workers == "1")
    for record in records:  # the crawl's record is the extractor's, whichever process made it
        path = record["url"].removeprefix(portal.url)
        expected = extract((PORTAL / f"{path.strip('/')}.html").read_bytes(),
                           "https://www.vietnam.vn" + path).to_dict()
        for key in ("headline", "articleBody", "datePublished", "authors", "images"):
            assert record[key] == expected[key], (path, key)
