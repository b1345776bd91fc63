"""The seen-store in Redis, shared by every worker of a crawl (``-s REDIS_URL=...``), across runs.

Same interface and meaning as :class:`crawler.seenstore.SeenStore` (SQLite, one crawl at a time), so
:mod:`crawler.incremental` works unchanged: an article is recorded once its line is synced, keyed by
canonical URL (else URL), with its hashes and sitemap ``lastmod``. Many workers write it at once, so
there is no lock; each record is one hash field, written whole.

Keys, under ``REDIS_KEY`` (default ``vnnews:<spider>``): ``:seen`` (key -> the article as JSON),
``:seen_urls`` (fetched URL -> key), ``:window_until`` (where the last successful run's window ended),
``:runs`` (a counter), ``:feeds`` (``host:path`` of a worker's feed -> bytes accounted for).

Crash: a worker killed after writing lines but before they were recorded finds them again when it is
started with the same feed in append mode (``-o``): before it crawls, lines past the offset recorded
for that file (on this host) are recorded.
"""

from __future__ import annotations

import json
import logging
import socket
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.runstate import feed_files
from crawler.seenstore import SeenArticle, content_hash, record_fingerprint, record_key, utc_now

if TYPE_CHECKING:
    from typing import Self

    from redis import Redis
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


class RedisSeenStore:
    def __init__(self, server: Redis, prefix: str, appended_feeds: list[Path] | None = None) -> None:
        self.server = server
        self.prefix = prefix
        self.path = f"redis:{prefix}"  # what the log names it by
        self.appended_feeds = appended_feeds or []  # this worker's local feeds opened for appending

    @classmethod
    def from_settings(cls, settings: BaseSettings, spider_name: str) -> Self:
        from scrapy_redis import connection

        server = connection.from_settings(settings)
        server.ping()
        return cls(server, settings.get("REDIS_KEY", "vnnews:%(spider)s") % {"spider": spider_name},
                   appended_local_feeds(settings, spider_name))

    def _key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def close(self) -> None:
        self.server.close()

    # -- articles -----------------------------------------------------------------------------

    def get(self, key: str) -> SeenArticle | None:
        raw = self.server.hget(self._key("seen"), key)
        return SeenArticle(**json.loads(raw)) if raw else None

    def find(self, url: str) -> SeenArticle | None:
        found = self.get(url)
        if found is not None:
            return found
        key = self.server.hget(self._key("seen_urls"), url)
        return self.get(key.decode() if isinstance(key, bytes) else key) if key else None

    def record(self, record: dict, *, lastmod: str | None, revision: str, feed_sizes: dict[str, int] | None = None,
               fingerprint: str | None = None) -> None:
        key = record_key(record)
        now = utc_now()
        seen = self.get(key)
        article = SeenArticle(key=key, url=record["url"], content_hash=content_hash(record),
                              record_hash=fingerprint or record_fingerprint(record),
                              lastmod=lastmod if lastmod is not None else (seen.lastmod if seen else None),
                              first_seen=seen.first_seen if seen else now, last_written=now, revision=revision)
        pipe = self.server.pipeline()
        pipe.hset(self._key("seen"), key, json.dumps(asdict(article), ensure_ascii=False))
        pipe.hset(self._key("seen_urls"), record["url"], key)
        for path, size in (feed_sizes or {}).items():
            pipe.hset(self._key("feeds"), _feed_id(path), size)
        pipe.execute()

    def touch_lastmod(self, key: str, lastmod: str) -> None:
        seen = self.get(key)
        if seen is not None:
            updated = {**asdict(seen), "lastmod": lastmod}
            self.server.hset(self._key("seen"), key, json.dumps(updated, ensure_ascii=False))

    def count(self) -> int:
        return self.server.hlen(self._key("seen"))

    # -- runs ---------------------------------------------------------------------------------

    def recover(self) -> int:
        """Before crawling: record the lines a killed run of this worker wrote to its feeds but never recorded."""
        return sum(self._reconcile(str(path.resolve()), path.stat().st_size)
                   for path in self.appended_feeds if path.is_file())

    def start_run(self, spider: str) -> int:
        return int(self.server.incr(self._key("runs")))

    def finish_run(self, run_id: int, *, status: str, window_until: str | None) -> None:
        if status == "finished" and window_until:
            self.server.set(self._key("window_until"), window_until)

    def last_window_until(self, spider: str) -> str | None:
        value = self.server.get(self._key("window_until"))
        return value.decode() if isinstance(value, bytes) else value

    # -- this worker's feed -------------------------------------------------------------------

    def attach_feed(self, feed_path: str, size: int, run_id: int) -> None:
        """The feed this worker writes, ``size`` bytes long when opened: all of it accounted for."""
        self._reconcile(feed_path, size)

    def _reconcile(self, feed_path: str, size: int) -> int:
        known = self.server.hget(self._key("feeds"), _feed_id(feed_path))
        start = int(known) if known is not None and int(known) <= size else size
        recovered = 0
        for record in _records_between(Path(feed_path), start, size):
            self.record(record, lastmod=None, revision=(record.get("metadata") or {}).get("revision") or "new")
            recovered += 1
        if recovered:
            logger.warning("seen-store %s: %d line(s) of %s written but not recorded by a killed run: recorded",
                           self.path, recovered, feed_path)
        self.server.hset(self._key("feeds"), _feed_id(feed_path), size)
        return recovered


def appended_local_feeds(settings: BaseSettings, spider_name: str) -> list[Path]:
    """The local files of ``FEEDS`` written in append mode (``-o``); ``-O`` files start empty anyway."""
    return [path for path, options in feed_files(settings, spider_name) if not options.get("overwrite")]


def _feed_id(path: str) -> str:
    return f"{socket.gethostname()}:{path}"


def _records_between(path: Path, start: int, end: int) -> list[dict[str, Any]]:
    if end <= start or not path.exists():
        return []
    with path.open("rb") as feed:
        feed.seek(start)
        lines = feed.read(end - start).splitlines()
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            logger.error("feed %s: unreadable line after byte %d left as is", path, start)
    return [record for record in records if isinstance(record, dict) and "url" in record]
