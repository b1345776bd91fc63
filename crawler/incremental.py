"""Incremental crawls on top of the seen-store: skip what an earlier run wrote, re-write what changed.

Three components, all enabled by ``SEENSTORE_ENABLED`` (settings.py, section "Incremental crawling"):

* :class:`SeenStoreExtension` opens and locks the store for the crawl's life, recovers after a
  crash, gives the spider its default ``since`` (where the last successful run's window ended),
  records every article once its line is in the feed, and closes the run with its status.
* :class:`IncrementalMiddleware` (a spider middleware: it sees the article response with its
  ``meta["sitemap_lastmod"]`` next to the record) drops article requests whose sitemap ``lastmod``
  is the stored one, and re-fetched records identical to the stored one (same fingerprint: whole
  record less download time); it stamps ``metadata.revision`` on the rest: ``new``,
  ``lastmod-changed`` (the sitemap said it changed, and it did) or ``content-changed`` (it changed
  with no new ``lastmod``, e.g. an entry without one).
* :class:`DurableFileFeedStorage` writes local feed files unbuffered, one ``write`` per line, with
  ``fsync`` in batches off the event loop (:mod:`crawler.feedwriter`); the store records an article only
  once its line is synced, so it never records one whose line could still be lost.

``-a full=1`` fetches and writes everything (revision ``unchanged`` for what did not change);
the store is still updated.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from scrapy import Request, Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from crawler.feedwriter import DurabilityGate, GroupCommitFile
from crawler.runstate import local_feeds
from crawler.seenstore import (
    FINISHED,
    SeenArticle,
    SeenStore,
    SeenStoreBusy,
    normalize_lastmod,
    record_fingerprint,
    record_key,
    truncate_partial_line,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

NEW = "new"
LASTMOD_CHANGED = "lastmod-changed"
CONTENT_CHANGED = "content-changed"
UNCHANGED = "unchanged"  # only written under -a full=1
LINE_FORMATS = frozenset({"jsonl", "jsonlines", "jl"})
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


def is_full_crawl(spider: Spider) -> bool:
    return str(getattr(spider, "full", "") or "").strip().lower() in TRUE_WORDS


def is_article_record(item: Any) -> bool:
    return isinstance(item, dict) and "url" in item and isinstance(item.get("metadata"), dict)


def sitemap_lastmod(response: Response | None) -> str | None:
    return normalize_lastmod(response.meta.get("sitemap_lastmod")) if response is not None else None


DEMO_STATE_DIR = Path("output/demo")


def seenstore_path(crawler: Crawler) -> Path:
    """``SEENSTORE_PATH`` for the spider; a crawl of a local copy of the portal (the offline demo, by hand)
    keeps its own state under ``output/demo/`` unless ``SEENSTORE_PATH`` is given, so it never moves a real
    crawl's window."""
    settings, spider = crawler.settings, crawler.spider
    path = Path(settings.get("SEENSTORE_PATH") % {"name": spider.name})
    given = (settings.getpriority("SEENSTORE_PATH") or 0) > SETTINGS_PRIORITIES["project"]
    if getattr(spider, "is_copy", False) and not given:
        path = DEMO_STATE_DIR / path.name
    return path.absolute()


def overwrite_means_full(crawler: Crawler) -> None:
    """``-O`` over a feed that holds records asks for a file holding the crawl's result, so with the seen-store
    that run writes every article of the window (as ``-a full=1``), not only those new since the last run: a
    rerun never turns a full feed into an empty one. ``-O`` to a new or empty file, ``-o`` (append) and
    per-run files (no ``-O``) stay incremental."""
    spider = crawler.spider
    if is_full_crawl(spider):
        return
    overwritten = [str(path) for path, options in local_feeds(crawler)
                   if options.get("overwrite") and path.is_file() and path.stat().st_size > 0]
    if overwritten:
        spider.full = "1"  # type: ignore[attr-defined]
        logger.info("seen-store: -O overwrites %s, so every article of the window is written (a full crawl); "
                    "use -o to append only new articles", ", ".join(map(str, overwritten)))


class SeenStoreExtension:
    """Owns the crawl's :class:`SeenStore`; the middleware and the feed storage reach it through this."""

    def __init__(self, crawler: Crawler, store: SeenStore) -> None:
        self.crawler = crawler
        self.store = store
        self.run_id: int | None = None
        self.written_urls: set[str] = set()  # this run's: their repeats are the dupefilter's business
        # Fingerprints the middleware compared, by key: what is stored, whatever a later pipeline changes.
        self.fingerprints: dict[str, str] = {}
        self._feeds: dict[str, GroupCommitFile] = {}
        self.durability = DurabilityGate()  # records wait for their line's fsync

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("SEENSTORE_ENABLED"):
            raise NotConfigured
        assert crawler.spider is not None  # extensions are built after the spider
        if settings.get("REDIS_URL"):  # a crawl shared through Redis keeps its seen-store there
            from crawler.redis_seenstore import RedisSeenStore

            return cls._built(crawler, RedisSeenStore.from_settings(settings, crawler.spider.name))
        path = seenstore_path(crawler)
        try:
            store = SeenStore.open(path)
        except SeenStoreBusy as exc:
            logger.error("%s; not starting", exc)
            raise
        return cls._built(crawler, store)

    @classmethod
    def _built(cls, crawler: Crawler, store: SeenStore) -> Self:
        store.recover()
        overwrite_means_full(crawler)
        extension = cls(crawler, store)
        extension._default_since(crawler.spider)
        crawler.signals.connect(extension.spider_opened, signals.spider_opened)
        crawler.signals.connect(extension.engine_stopped, signals.engine_stopped)
        return extension

    def _default_since(self, spider: Spider) -> None:
        """No ``-a since``: start where the last successful run's window ended (that day included)."""
        if getattr(spider, "since_given", True) or is_full_crawl(spider):
            return
        last_until = self.store.last_window_until(spider.name)
        window = getattr(spider, "window", None)
        if not last_until or window is None:
            return
        since = date.fromisoformat(last_until)
        if since > window.until:
            logger.info("seen-store: last window ended %s, after until=%s: default since kept", since, window.until)
            return
        spider.window = type(window)(since, window.until, window.tz)
        logger.info("seen-store: since=%s (where the last successful run's window ended)", since)

    def spider_opened(self, spider: Spider) -> None:
        self.run_id = self.store.start_run(spider.name)
        # Connected now, after every extension's from_crawler: so after the FeedExporter has written the line.
        self.crawler.signals.connect(self.item_scraped, signals.item_scraped)

    def attach_feed(self, path: Path, file: GroupCommitFile) -> None:
        assert self.run_id is not None
        key = str(path.resolve())
        self._feeds[key] = file
        self.durability.attach(key, file)
        self.store.attach_feed(key, os.fstat(file.fileno()).st_size, self.run_id)

    def item_scraped(self, item: Any, response: Response | None, spider: Spider) -> None:
        if not is_article_record(item):
            return
        revision = item["metadata"].get("revision") or NEW
        lastmod, fingerprint = sitemap_lastmod(response), self.fingerprints.pop(record_key(item), None)
        self.durability.after_durable(lambda sizes: self.store.record(
            item, lastmod=lastmod, revision=revision, feed_sizes=sizes, fingerprint=fingerprint))
        self.written_urls.update((item["url"], record_key(item)))
        if response is not None:
            self.written_urls.update((response.url, *response.meta.get("redirect_urls", ())))
        self.crawler.stats.inc_value(f"seenstore/written/{revision}")

    def engine_stopped(self) -> None:
        stats = self.crawler.stats
        reason = stats.get_value("finish_reason")
        failed_alarms = stats.get_value("alarms/failed", 0)
        status = FINISHED if reason == "finished" and not failed_alarms else ("alarm" if failed_alarms else reason)
        window = getattr(self.crawler.spider, "window", None)
        if self.run_id is not None:
            until = window.until.isoformat() if window is not None else None
            self.store.finish_run(self.run_id, status=status or "unknown", window_until=until)
        self.store.close()


class IncrementalMiddleware(BaseSpiderMiddleware):
    """Filters article requests and records against the seen-store; stamps ``metadata.revision``."""

    def __init__(self, crawler: Crawler, extension: SeenStoreExtension) -> None:
        super().__init__(crawler)
        self.extension = extension

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = crawler.get_extension(SeenStoreExtension)
        if extension is None:
            raise NotConfigured("SeenStoreExtension is not enabled")
        return cls(crawler, extension)

    @property
    def _full(self) -> bool:
        return is_full_crawl(self.crawler.spider)

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if not request.meta.get("article") or self._full:
            return request
        lastmod = normalize_lastmod(request.meta.get("sitemap_lastmod"))
        if lastmod is None:
            return request
        if request.url in self.extension.written_urls:
            return request
        seen = self.extension.store.find(request.url)
        if seen is not None and seen.lastmod == lastmod:
            self.crawler.stats.inc_value("seenstore/skipped/unchanged_lastmod")
            return None
        return request

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        if not is_article_record(item):
            return item
        store = self.extension.store
        key = record_key(item)
        seen = store.get(key)
        lastmod = sitemap_lastmod(response)
        fingerprint = record_fingerprint(item)
        revision = self._revision(seen, lastmod, fingerprint)
        if revision == UNCHANGED and not self._full:
            self.crawler.stats.inc_value("seenstore/skipped/unchanged_content")
            if lastmod is not None and seen is not None and seen.lastmod != lastmod:
                store.touch_lastmod(key, lastmod)
            return None
        item["metadata"]["revision"] = revision
        self.extension.fingerprints[key] = fingerprint
        return item

    @staticmethod
    def _revision(seen: SeenArticle | None, lastmod: str | None, fingerprint: str) -> str:
        if seen is None:
            return NEW
        # A new lastmod alone is not a change: a bumped date over the same record would only duplicate it.
        if fingerprint == seen.record_hash:
            return UNCHANGED
        if lastmod is not None and seen.lastmod is not None and lastmod != seen.lastmod:
            return LASTMOD_CHANGED
        return CONTENT_CHANGED


class DurableFileFeedStorage(FileFeedStorage):
    """``file://`` and plain-path feeds, written durably; a half-written last line is cut before appending."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler: Crawler | None = None):
        super().__init__(uri, feed_options=feed_options)
        self.feed_options = feed_options or {}
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None) -> Self:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Spider) -> IO[bytes]:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.write_mode == "ab" and path.exists():
            truncate_partial_line(path)
        file = open_feed_file(path, self.write_mode, self.crawler)
        extension = self.crawler.get_extension(SeenStoreExtension) if self.crawler else None
        if extension is not None:
            if self._is_line_feed():
                extension.attach_feed(path, file)
            else:
                logger.warning("seen-store: feed %s is not plain JSONL; after a crash it is not reconciled", path)
        return file  # type: ignore[return-value]

    def _is_line_feed(self) -> bool:
        return self.feed_options.get("format") in LINE_FORMATS and not self.feed_options.get("postprocessing")


def open_feed_file(path: Path, mode: str, crawler: Crawler | None) -> GroupCommitFile:
    """A feed file with group commit: ``SEENSTORE_FSYNC``, ``FEED_FSYNC_LINES``, ``FEED_FSYNC_INTERVAL``."""
    if crawler is None:
        return GroupCommitFile(path, mode)
    settings = crawler.settings
    return GroupCommitFile(path, mode, fsync=settings.getbool("SEENSTORE_FSYNC", True),
                           every_lines=settings.getint("FEED_FSYNC_LINES", 200),
                           every_seconds=settings.getfloat("FEED_FSYNC_INTERVAL", 0.5))
