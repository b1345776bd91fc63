"""The seen-store: which articles earlier crawls wrote, so a scheduled crawl writes only what is new.

One SQLite file (WAL) per spider. It holds three tables:

* ``articles``: one row per article ever written, keyed by canonical URL (else URL), with the
  record's ``contentHash`` (sha1 of the body), a fingerprint of the whole record (what decides
  whether a re-fetched article changed), the sitemap ``lastmod`` it was fetched under and the
  revision it was written as;
* ``runs``: one row per crawl, with its status and the end of the sitemap date window it covered,
  so the next run can start where the last successful one ended;
* ``feeds``: for each JSONL feed file, how many bytes of it the store has accounted for. The feed
  file is the truth: after a crash, complete lines past that offset are recorded and a half-written
  last line is cut off (:meth:`SeenStore.reconcile`), so the store always agrees with the file.

One crawl at a time: :meth:`SeenStore.open` takes an exclusive ``flock`` on a sidecar
``<db>.lock`` file, held for the crawl's life and released by the kernel even after SIGKILL. A
second crawl gets :class:`SeenStoreBusy` before it opens the database.

No Scrapy import: the crawler glue lives in :mod:`crawler.incremental`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Self

from crawler import locks

logger = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key          TEXT PRIMARY KEY,
    url          TEXT NOT NULL,
    content_hash TEXT,
    record_hash  TEXT NOT NULL,
    lastmod      TEXT,
    first_seen   TEXT NOT NULL,
    last_written TEXT NOT NULL,
    revision     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_url ON articles (url);
CREATE TABLE IF NOT EXISTS runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    spider       TEXT NOT NULL,
    pid          INTEGER NOT NULL,
    started      TEXT NOT NULL,
    finished     TEXT,
    status       TEXT NOT NULL,
    window_until TEXT
);
CREATE TABLE IF NOT EXISTS feeds (
    path   TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    run_id INTEGER NOT NULL
);
"""

RUNNING = "running"
FINISHED = "finished"


class SeenStoreBusy(RuntimeError):
    """Another live process holds the store's lock."""


@dataclass(frozen=True, slots=True)
class SeenArticle:
    key: str
    url: str
    content_hash: str | None
    record_hash: str
    lastmod: str | None
    first_seen: str
    last_written: str
    revision: str


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalize_lastmod(value: str | None) -> str | None:
    """One spelling per instant (``…Z``, ``+00:00``, ``+07:00`` all compare equal); unparseable stays as is."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return text
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat()


def record_key(record: dict) -> str:
    """Canonical URL, else URL: the same article under tracking parameters or mirrors is one row."""
    return record.get("canonicalUrl") or record["url"]


# Fields that differ between two fetches of an unchanged page: left out of the fingerprint.
VOLATILE_METADATA = frozenset({"dateDownloaded", "revision"})


def record_fingerprint(record: dict) -> str:
    """sha1 of the record as written, less its volatile metadata: equal means "nothing new to write"."""
    stable = {**record, "metadata": {k: v for k, v in (record.get("metadata") or {}).items()
                                     if k not in VOLATILE_METADATA}}
    text = json.dumps(stable, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def content_hash(record: dict) -> str | None:
    """The record's ``metadata.contentHash``, else the same sha1 of ``articleBody`` computed here."""
    stated = (record.get("metadata") or {}).get("contentHash")
    if stated:
        return stated
    body = record.get("articleBody")
    return hashlib.sha1(body.encode("utf-8")).hexdigest() if body else None


class SeenStore:
    """An open, locked seen-store. Build with :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, connection: sqlite3.Connection, lock_file: IO[str]) -> None:
        self.path = path
        self._db = connection
        self._lock_file = lock_file

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Self:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock_file = _acquire_lock(path)
        try:
            connection = sqlite3.connect(path, isolation_level=None)
            connection.row_factory = sqlite3.Row
            connection.execute("PRAGMA journal_mode=WAL")
            # NORMAL loses at most the last commits on power loss, never consistency; reconcile() re-adds them.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(SCHEMA)
        except BaseException:
            lock_file.close()
            raise
        return cls(path, connection, lock_file)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]
        if not self._lock_file.closed:
            self._lock_file.close()  # closing the descriptor releases the flock

    # -- articles -----------------------------------------------------------------------------

    def get(self, key: str) -> SeenArticle | None:
        row = self._db.execute("SELECT * FROM articles WHERE key = ?", (key,)).fetchone()
        return SeenArticle(**row) if row else None

    def find(self, url: str) -> SeenArticle | None:
        """The article fetched from ``url``, or whose canonical URL is ``url`` (the sitemap gives either)."""
        row = self._db.execute(
            "SELECT * FROM articles WHERE key = ? UNION ALL SELECT * FROM articles WHERE url = ? LIMIT 1", (url, url)
        ).fetchone()
        return SeenArticle(**row) if row else None

    def record(
        self,
        record: dict,
        *,
        lastmod: str | None,
        revision: str,
        feed_sizes: dict[str, int] | None = None,
        fingerprint: str | None = None,
    ) -> None:
        """Remember one written record, and the feed sizes that now include its line, in one transaction.

        ``fingerprint``: the one the decision to write was based on, if not the record's own.
        """
        now = utc_now()
        with self._transaction():
            self._db.execute(
                """INSERT INTO articles (key, url, content_hash, record_hash, lastmod, first_seen, last_written,
                                         revision)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET url = excluded.url, content_hash = excluded.content_hash,
                       record_hash = excluded.record_hash, lastmod = COALESCE(excluded.lastmod, articles.lastmod),
                       last_written = excluded.last_written, revision = excluded.revision""",
                (record_key(record), record["url"], content_hash(record), fingerprint or record_fingerprint(record),
                 lastmod, now, now, revision),
            )
            for feed_path, size in (feed_sizes or {}).items():
                self._db.execute("UPDATE feeds SET size = ? WHERE path = ?", (size, feed_path))

    def touch_lastmod(self, key: str, lastmod: str) -> None:
        """An unchanged article seen under a new or first-known lastmod: skip it before download next time."""
        with self._transaction():
            self._db.execute("UPDATE articles SET lastmod = ? WHERE key = ?", (lastmod, key))

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, spider: str) -> int:
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (spider, pid, started, status) VALUES (?, ?, ?, ?)",
                (spider, os.getpid(), utc_now(), RUNNING),
            )
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, *, status: str, window_until: str | None) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE runs SET finished = ?, status = ?, window_until = ? WHERE id = ?",
                (utc_now(), status, window_until, run_id),
            )

    def last_window_until(self, spider: str) -> str | None:
        """Where the last successful run's sitemap window ended: the next run starts there."""
        row = self._db.execute(
            "SELECT window_until FROM runs WHERE spider = ? AND status = ? AND window_until IS NOT NULL "
            "ORDER BY id DESC LIMIT 1",
            (spider, FINISHED),
        ).fetchone()
        return row[0] if row else None

    def runs(self) -> list[dict]:
        return [dict(row) for row in self._db.execute("SELECT * FROM runs ORDER BY id")]

    # -- feeds and crash recovery -------------------------------------------------------------

    def attach_feed(self, feed_path: str, size: int, run_id: int) -> None:
        """A feed file this run appends to, ``size`` bytes long (after repair) when opened."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO feeds (path, size, run_id) VALUES (?, ?, ?) "
                "ON CONFLICT (path) DO UPDATE SET size = excluded.size, run_id = excluded.run_id",
                (feed_path, size, run_id),
            )

    def recover(self) -> int:
        """After a crash: reconcile the feeds of runs that never finished, and mark those runs crashed.

        Returns how many articles were found written but not recorded.
        """
        crashed = [row[0] for row in self._db.execute("SELECT id FROM runs WHERE status = ?", (RUNNING,))]
        if not crashed:
            return 0
        marks = ",".join("?" * len(crashed))
        feeds = self._db.execute(f"SELECT path, size FROM feeds WHERE run_id IN ({marks})", crashed).fetchall()
        recovered = sum(self.reconcile(path, size) for path, size in feeds)
        with self._transaction():
            self._db.execute(f"UPDATE runs SET status = 'crashed' WHERE id IN ({marks})", crashed)
        logger.warning(
            "seen-store %s: %d earlier run(s) did not finish; %d written article(s) recorded from their feeds",
            self.path, len(crashed), recovered,
        )
        return recovered

    def reconcile(self, feed_path: str, committed: int) -> int:
        """Record complete lines past ``committed`` and cut a half-written last line off the feed file."""
        path = Path(feed_path)
        if not path.exists():
            return 0
        size = path.stat().st_size
        if size < committed:
            logger.warning("feed %s is shorter than the seen-store knew (%d < %d): left alone", path, size, committed)
            return 0
        with path.open("rb") as feed:
            feed.seek(committed)
            tail = feed.read()
        complete_len = tail.rfind(b"\n") + 1
        if complete_len < len(tail):
            truncate_partial_line(path)
        recovered = 0
        for line in tail[:complete_len].splitlines():
            try:
                record = json.loads(line)
                # not in the record: lastmod; the next fetch fills it in (touch_lastmod)
                self.record(record, lastmod=None, revision=(record.get("metadata") or {}).get("revision") or "new")
            except (ValueError, KeyError, TypeError, AttributeError):
                logger.error("feed %s: unreadable line after byte %d left as is", path, committed)
                continue
            recovered += 1
        with self._transaction():
            self._db.execute("UPDATE feeds SET size = ? WHERE path = ?", (committed + complete_len, feed_path))
        return recovered

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (or ``ROLLBACK``): the connection runs in autocommit mode otherwise."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def truncate_partial_line(path: Path) -> int:
    """Cut everything after the last newline (a line a killed writer left half-written). Returns bytes cut."""
    with path.open("r+b") as feed:
        size = feed.seek(0, os.SEEK_END)
        keep = size
        chunk = 1 << 16
        while keep > 0:
            start = max(0, keep - chunk)
            feed.seek(start)
            newline = feed.read(keep - start).rfind(b"\n")
            if newline >= 0:
                keep = start + newline + 1
                break
            keep = start
        if keep == size:
            return 0
        feed.truncate(keep)
        os.fsync(feed.fileno())
    logger.warning("feed %s: removed a half-written last line (%d bytes)", path, size - keep)
    return size - keep


def _acquire_lock(db_path: Path) -> IO[str]:
    try:
        return locks.acquire(db_path.with_name(db_path.name + ".lock"))
    except locks.LockHeld as held:
        raise SeenStoreBusy(f"seen-store {db_path} is in use by another crawl (pid {held.holder})") from None
