"""Helpers for the scheduled-crawl tests: ``scrapy crawl`` as a real subprocess, portal copies that change.

The crawls run the way cron or Scrapyd runs them: a ``scrapy crawl`` process, with the project's
settings, in a working directory of its own (so ``output/seen-<spider>.sqlite3`` lands there), against
the bundled portal copy served on 127.0.0.1. Processes can be signalled (SIGINT, SIGKILL) mid-crawl.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.demo_portal import PORTAL_ROOT, PortalServer
from crawler.offline_demo import scrapy_env

REPO_ROOT = Path(__file__).resolve().parent.parent
# Every article the copy's daily sitemaps list (Vietnam days 2026-11-19 .. 2026-11-25).
FULL_WINDOW = {"since": "2026-11-19", "until": "2026-11-25"}
# No politeness against our own loopback server; a hard stop so a broken crawl cannot hang the suite.
FAST = {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "CLOSESPIDER_TIMEOUT": "60",
        "TELNETCONSOLE_ENABLED": "0", "LOG_LEVEL": "INFO"}
# One request at a time, a little apart, so a signal finds most of the crawl still in the scheduler (a
# graceful stop finishes what the downloader holds, up to CONCURRENT_REQUESTS). Scrapy 2.19 starts every
# queued request of a slot at once when DOWNLOAD_DELAY is 0, whatever the per-domain limit says.
ONE_BY_ONE = {**FAST, "DOWNLOAD_DELAY": "0.05", "CONCURRENT_REQUESTS": "1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}
TIMEOUT = 120


def copy_portal(dest: Path) -> Path:
    """A private copy of the portal, to change pages between runs."""
    shutil.copytree(PORTAL_ROOT, dest)
    return dest


# A (made-up) redesign of the portal's article pages: the source-and-date block becomes an empty widget
# that JavaScript fills in the browser, and the "Nguồn: ..." line under the body moves into it. Headline,
# lead and body are untouched, so records still look plausible while sourceOrganization and
# datePublished are gone from the HTML: the change that, unmonitored, empties fields for weeks.
_SOURCE_BLOCK_RE = re.compile(r'<div class="post-source">.*?</div>', re.DOTALL)
_SOURCE_LINK_RE = re.compile(r'<p class="post-source-link">.*?</p>\n?', re.DOTALL)
_CLIENT_RENDERED_BADGE = ('<div class="post-meta-v2" data-component="SourceBadge"><span class="post-meta-v2__logo">'
                          '</span><time class="post-meta-v2__time" data-client-render></time></div>')


def redesign_article_pages(root: Path) -> int:
    """Apply the redesign above to every article page under ``root``; the number of pages changed."""
    changed = 0
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = _SOURCE_LINK_RE.sub("", _SOURCE_BLOCK_RE.sub(_CLIENT_RENDERED_BADGE, html))
        if new != html:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def is_article_path(path: str) -> bool:
    return not path.startswith(("/robots.txt", "/sitemap", "/news-sitemap"))


class GatedPortal(PortalServer):
    """The portal, answering the first ``open_articles`` article pages, then holding every other one until
    :meth:`release`: a crawl is certainly still running while a test does something beside it."""

    def __init__(self, root: Path = PORTAL_ROOT, *, open_articles: int = 1) -> None:
        super().__init__(root)
        self.open_articles = open_articles
        self.gate = threading.Event()
        self._answered = 0
        self._count_lock = threading.Lock()

    def release(self) -> None:
        self.gate.set()

    def respond(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        if is_article_path(raw_path):
            with self._count_lock:
                self._answered += 1
                held = self._answered > self.open_articles
            if held:
                self.gate.wait(TIMEOUT)
        return super().respond(raw_path)

    def stop(self) -> None:
        self.release()
        super().stop()


class SlowPortal(PortalServer):
    """The portal, answering article pages after ``delay`` seconds, so a signal lands mid-crawl."""

    def __init__(self, root: Path = PORTAL_ROOT, *, delay: float) -> None:
        super().__init__(root)
        self.delay = delay

    def respond(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        if is_article_path(raw_path):
            time.sleep(self.delay)
        return super().respond(raw_path)


@dataclass
class Crawl:
    """One ``scrapy crawl`` process and where it writes."""

    workdir: Path
    command: list[str]
    process: subprocess.Popen[bytes]

    @property
    def log_path(self) -> Path:
        return self.workdir / f"crawl-{self.process.pid}.log"

    def wait(self, timeout: float = TIMEOUT) -> int:
        return self.process.wait(timeout=timeout)

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def crawl_command(spider: str, *, args: dict[str, str], settings: dict[str, str] | None = None,
                  output: str | None = None, append: bool = False) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in args.items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    if output is not None:
        command += ["-o" if append else "-O", output]
    return command


def crawl_env() -> dict[str, str]:
    return {**scrapy_env(), "PYTHONUNBUFFERED": "1"}  # the log is read while the crawl runs


def start_crawl(workdir: Path, command: list[str]) -> Crawl:
    workdir.mkdir(parents=True, exist_ok=True)
    log = (workdir / "starting.log").open("wb")
    process = subprocess.Popen(command, cwd=workdir, env=crawl_env(), stdout=log, stderr=subprocess.STDOUT)
    log.close()
    (workdir / "starting.log").rename(workdir / f"crawl-{process.pid}.log")
    return Crawl(workdir, command, process)


def run_crawl(workdir: Path, command: list[str], timeout: float = TIMEOUT) -> Crawl:
    crawl = start_crawl(workdir, command)
    crawl.wait(timeout)
    return crawl


def wait_for(condition: Callable[[], bool], timeout: float = 60, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def complete_lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True) if path.exists() else []


def records(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSONL feed, parsed; fails on a half-written or unreadable line."""
    lines = complete_lines(path)
    assert all(line.endswith(b"\n") for line in lines), f"{path} ends in a half-written line"
    return [json.loads(line) for line in lines]


def store_rows(db: Path) -> dict[str, dict[str, Any]]:
    """The seen-store's article rows by key (read-only, so a live crawl's lock does not matter)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        return {row["key"]: dict(row) for row in connection.execute("SELECT * FROM articles")}


def store_runs(db: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute("SELECT * FROM runs ORDER BY id")]


def stats_value(log: str, key: str) -> Any:
    """A value from the stats Scrapy dumps at the end of the log (``'key': value,``), or ``None``."""
    marker = f"'{key}': "
    at = log.rfind(marker)
    if at < 0:
        return None
    raw = log[at + len(marker):].split("\n", 1)[0].rstrip(",}")
    try:
        return json.loads(raw.replace("'", '"'))
    except ValueError:
        return raw
