"""What a crawl may find on disk from the runs before it, and what it leaves for the runs after it.

* :class:`FeedLock`: one writer per feed file. A crawl takes an exclusive ``flock`` on ``<feed>.lock``
  next to each local feed it writes, before anything is fetched or truncated; a second crawl on the same
  file stops at once with one ERROR line (exit 1). The kernel drops the lock when the process dies, so a
  killed crawl never leaves a stale lock behind (the empty ``.lock`` file stays; it holds nothing).

* :class:`JobdirState`: ``JOBDIR`` kept consistent with the feed. Scrapy's ``JOBDIR`` survives a clean stop
  (Ctrl-C) but not a kill: ``requests.seen`` (every request ever scheduled, flushed part by part) outlives
  the queue it describes (whose index is written only at close), so after a SIGKILL the same command found
  the sitemaps "seen", fetched nothing and lost the rest of the crawl, on every later run too. Here:

  - a run marks the JOBDIR ``crawl.running`` while it runs (and holds ``crawl.lock``: one crawl per JOBDIR);
  - a run that finds the mark left by a killed run rebuilds the JOBDIR from the feed, the one record of
    what was really written: the queue and ``spider.state`` are dropped, and ``requests.seen`` is replaced
    by the fingerprints of the pages whose records are whole lines in the feeds it appends to. Discovery
    starts again; a page already in the feed is a duplicate, so it is neither fetched nor written again,
    with or without the seen-store;
  - a run that *finished* clears the JOBDIR: there is nothing left to resume, and the same command in it
    starts a new crawl. With the seen-store that crawl is incremental by the store; without it, the JOBDIR
    is rebuilt from the feed as after a kill, so what the feed holds is not written again;
  - a paused run (Ctrl-C, ``finish_reason`` ``shutdown``) leaves it as Scrapy wrote it: the same command
    resumes.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit
from urllib.request import url2pathname

from scrapy import Request, signals
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

from . import locks
from .errors import CrawlRefused

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

RUNNING_MARK = "crawl.running"
FINISHED_MARK = "crawl.finished"
LOCK_NAME = "crawl.lock"
# What Scrapy keeps in a JOBDIR (scheduler queue, dupefilter, SpiderState extension).
SCRAPY_STATE = ("requests.queue", "requests.seen", "spider.state")


class Busy(CrawlRefused):
    pass


def try_lock(path: Path) -> IO[str]:
    """:func:`crawler.locks.acquire`, failing with :class:`Busy` (a refusal) whose message is the holder's pid."""
    try:
        return locks.acquire(path)
    except locks.LockHeld as held:
        raise Busy(held.holder) from None


def local_feeds(crawler: Crawler) -> list[tuple[Path, dict[str, Any]]]:
    """The local feed files this crawl will write, with their options; per-run names (``%(time)s``) left out:
    no other run can write them."""
    name = crawler.spider.name if crawler.spider is not None else crawler.spidercls.name
    return feed_files(crawler.settings, name)


def feed_files(settings: BaseSettings, name: str) -> list[tuple[Path, dict[str, Any]]]:
    """:func:`local_feeds` from the settings and the spider's name."""
    feeds = []
    for uri, options in settings.getdict("FEEDS").items():
        uri = str(uri)
        if "%(time)s" in uri or "%(batch_" in uri:
            continue
        try:
            uri = uri % {"name": name}
        except (KeyError, ValueError, TypeError):
            continue
        parts = urlsplit(uri)
        if parts.scheme == "file":
            path = Path(url2pathname(parts.path))
        elif len(parts.scheme) <= 1:
            path = Path(uri)
        else:
            continue
        feeds.append((path.absolute(), dict(options or {})))
    return feeds


class FeedLock:
    """Extension (built first): one crawl at a time per feed file."""

    def __init__(self, held: list[IO[str]]) -> None:
        self.held = held

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        held_locks: list[IO[str]] = []
        for path, _options in local_feeds(crawler):
            lock_path = path.with_name(path.name + ".lock")
            try:
                held_locks.append(try_lock(lock_path))
            except Busy as busy:
                for held in held_locks:
                    held.close()
                logger.error("feed %s is being written by another crawl (pid %s); not starting", path, busy)
                raise
        extension = cls(held_locks)
        crawler.signals.connect(extension.release, signals.engine_stopped)
        return extension

    def release(self) -> None:
        for lock in self.held:
            lock.close()  # closing the descriptor releases the flock


class JobdirState:
    """Extension: a JOBDIR that is always consistent with the feed (module doc)."""

    def __init__(self, crawler: Crawler, directory: Path, lock: IO[str]) -> None:
        self.crawler = crawler
        self.directory = directory
        self.lock = lock
        self.rebuilt: set[bytes] = set()  # fingerprints of the pages the feed already holds

    def holds(self, request: Request) -> bool:
        """Whether ``request`` was dropped because its page is already in the feed (after a rebuild)."""
        return bool(self.rebuilt) and self.crawler.request_fingerprinter.fingerprint(request) in self.rebuilt

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = job_dir(crawler.settings)
        if not path:
            raise NotConfigured
        directory = Path(path)
        try:
            lock = try_lock(directory / LOCK_NAME)
        except Busy as busy:
            logger.error("JOBDIR %s is in use by another crawl (pid %s); not starting", directory, busy)
            raise
        extension = cls(crawler, directory, lock)
        mark = directory / RUNNING_MARK
        if mark.exists():
            extension.rebuild_from_feeds(f"the last crawl in it (pid {mark.read_text(encoding='utf-8').strip()}) "
                                         "was killed; its queue is dropped")
        elif (directory / FINISHED_MARK).exists() and not crawler.settings.getbool("SEENSTORE_ENABLED"):
            extension.rebuild_from_feeds("its crawl had finished")
        (directory / FINISHED_MARK).unlink(missing_ok=True)
        mark.write_text(str(os.getpid()), encoding="utf-8")
        crawler.signals.connect(extension.engine_stopped, signals.engine_stopped)
        return extension

    def clear(self) -> None:
        for name in SCRAPY_STATE:
            target = self.directory / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()

    def rebuild_from_feeds(self, why: str) -> None:
        """After a killed run: Scrapy's state replaced by what the feeds hold (module doc)."""
        self.clear()
        urls = set()
        for path, options in local_feeds(self.crawler):
            if options.get("overwrite") or not path.is_file():
                continue  # -O truncates it: nothing in it counts as done
            urls.update(feed_urls(path))
        seen = RFPDupeFilter(str(self.directory), fingerprinter=self.crawler.request_fingerprinter)
        for url in sorted(urls):
            request = Request(url)
            seen.request_seen(request)
            self.rebuilt.add(self.crawler.request_fingerprinter.fingerprint(request))
        seen.close("rebuilt")
        self.crawler.stats.set_value("jobdir/rebuilt_from_feed", len(urls))
        logger.warning("JOBDIR %s: %s; the crawl starts again, skipping the %d page(s) already in the feed",
                       self.directory, why, len(urls))

    def engine_stopped(self) -> None:
        reason = self.crawler.stats.get_value("finish_reason")
        if reason == "finished":
            self.clear()
            (self.directory / FINISHED_MARK).write_text(str(os.getpid()), encoding="utf-8")
            logger.info("JOBDIR %s: the crawl finished; its state is cleared (the same command starts anew)",
                        self.directory)
        (self.directory / RUNNING_MARK).unlink(missing_ok=True)
        self.lock.close()


def feed_urls(path: Path) -> set[str]:
    """``url`` and ``canonicalUrl`` of every whole line of a JSONL feed (a torn last line is not a record)."""
    urls: set[str] = set()
    with path.open("rb") as feed:
        for line in feed:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                urls.update(url for url in (record.get("url"), record.get("canonicalUrl")) if isinstance(url, str))
    return urls
