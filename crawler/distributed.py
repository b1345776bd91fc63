"""One crawl shared by many workers (processes, machines) through Redis, on scrapy-redis.

Turned on by one setting, ``-s REDIS_URL=redis://host:port/db`` (:class:`crawler.addons.RedisCrawl` then
points Scrapy at the components below; without it this module is never imported, nor is redis).

scrapy-redis 0.9.1 gives the Redis-backed scheduler, request queue (a sorted set by priority) and
duplicate filter; it is used through its documented extension points (``SCHEDULER``,
``SCHEDULER_QUEUE_CLASS``, ``DUPEFILTER_CLASS``, ``SCHEDULER_PERSIST``). What it lacks is added here:

- **Reliable queue.** scrapy-redis pops a request and forgets it: a worker killed then loses everything
  it held. :class:`ReliableQueue` moves each popped request, atomically (a Lua script), into the worker's
  own processing set ``<key>:processing:<worker>``. A request leaves it when its callback yields a record
  (before the record is written: see below), or when the worker goes idle (everything it popped is then
  done). A worker beats ``<key>:workers`` every ``REDIS_HEARTBEAT`` seconds; one silent for
  ``REDIS_WORKER_TIMEOUT`` seconds is dead, and the first live worker to notice moves its processing
  set back into the queue, so the others crawl what it held.
- **Seeded once.** The first worker of a crawl (no live worker registered) starts a run: it clears the
  last run's duplicate filter and reads the spider's ``start()`` (the sitemap window, the feed); a worker
  joining a live crawl skips ``start()`` and takes requests from the shared queue.
- **Idle is not finished.** A worker whose own engine is idle stays open while the shared crawl has work:
  requests queued, requests held by a live worker, or ``start()`` still being read by the seeder.
- The seen-store of incremental runs lives in Redis too (:class:`crawler.redis_seenstore.RedisSeenStore`).

Exactly once. A record is written by the worker that popped its request; the request is acknowledged
(removed from the processing set) as the record leaves the spider, before it is written. A worker
killed before that point has its request crawled again by another worker; one killed after it has its
line in its feed (a SIGKILL keeps what was written), or, killed in between, the page is not in the
seen-store and the next run writes it. ``python -m crawler merge`` keeps one line per article whatever
happened.

Keys are prefixed with ``REDIS_KEY`` (default ``vnnews:%(spider)s``): one prefix per crawl job.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware
from scrapy.utils.misc import load_object
from scrapy_redis import connection, picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base as BaseQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import Self

    from redis import Redis
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

TASK_META = "redis_task"  # meta key: which popped entry a request (or its retry/redirect copy) came from

# Lua: one worker's processing set back into the queue (scores are the priorities), and it forgotten.
_REAP = """
local function reap(workers, queue, seeding, prefix, deadline)
  local dead = redis.call('ZRANGEBYSCORE', workers, '-inf', deadline)
  local moved = 0
  for _, worker in ipairs(dead) do
    local held = prefix .. worker
    moved = moved + redis.call('ZCARD', held)
    redis.call('ZUNIONSTORE', queue, 2, queue, held)
    redis.call('DEL', held)
    redis.call('ZREM', workers, worker)
    if redis.call('GET', seeding) == worker then redis.call('DEL', seeding) end
  end
  return moved
end
"""
# KEYS: workers, queue, seeding, dupefilter; ARGV: processing prefix, worker, now, timeout.
# Returns {seeds (1: this worker starts the run), requests moved back from dead workers}.
JOIN = _REAP + """
local moved = reap(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[3] - ARGV[4])
local live = redis.call('ZCARD', KEYS[1])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
if live == 0 then
  redis.call('DEL', KEYS[4])
  redis.call('SET', KEYS[3], ARGV[2])
  return {1, moved}
end
return {0, moved}
"""
# KEYS: workers, queue, seeding; ARGV: processing prefix, worker, now, timeout. Beat, reap, then say
# whether the shared crawl is drained: nothing queued, nothing held by a live worker, no seeding.
BEAT = _REAP + """
local was_dead = 0
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then was_dead = 1 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
local moved = reap(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[3] - ARGV[4])
local pending = redis.call('ZCARD', KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 then pending = pending + 1 end
for _, worker in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  pending = pending + redis.call('ZCARD', ARGV[1] .. worker)
end
return {moved, pending, was_dead}
"""
# KEYS: queue, processing; pop the best request into the processing set, same score.
POP = """
local best = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #best == 0 then return false end
redis.call('ZREM', KEYS[1], best[1])
redis.call('ZADD', KEYS[2], best[2], best[1])
return best[1]
"""


def worker_name(settings: Any) -> str:
    return settings.get("REDIS_WORKER_ID") or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class ReliableQueue(BaseQueue):
    """scrapy-redis's priority queue (a sorted set, best first), with a processing set per worker."""

    def __init__(self, server: Redis, spider: Spider, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer or picklecompat)
        self.worker = ""  # set by the scheduler before the first pop
        self.held: dict[str, bytes] = {}  # task id -> the entry in the processing set
        self._pop = server.register_script(POP)
        self._ids = 0

    @property
    def processing_prefix(self) -> str:
        return f"{self.key}:processing:"

    @property
    def processing(self) -> str:
        return self.processing_prefix + self.worker

    def __len__(self) -> int:
        return self.server.zcard(self.key)

    def push(self, request: Request) -> None:
        replaces = self.held.pop(request.meta.get(TASK_META), None)  # a retry or redirect of a held request
        pipe = self.server.pipeline()
        pipe.execute_command("ZADD", self.key, -request.priority, self._encode_request(request))
        if replaces is not None:
            pipe.zrem(self.processing, replaces)
        pipe.execute()

    def pop(self, timeout: int = 0) -> Request | None:
        data = self._pop(keys=[self.key, self.processing])
        if not data:
            return None
        request = self._decode_request(data)
        self._ids += 1
        task_id = f"{self.worker}#{self._ids}"
        self.held[task_id] = data
        request.meta[TASK_META] = task_id
        return request

    def ack(self, task_id: str | None) -> None:
        data = self.held.pop(task_id, None) if task_id else None
        if data is not None:
            self.server.zrem(self.processing, data)

    def ack_all(self) -> None:
        self.held.clear()
        self.server.delete(self.processing)

    def requeue_held(self) -> int:
        """Put back what this worker holds (a crawl stopped before the end)."""
        held = self.server.zcard(self.processing)
        self.server.zunionstore(self.key, [self.key, self.processing])
        self.server.delete(self.processing)
        self.held.clear()
        return held


class RunDupeFilter(RFPDupeFilter):
    """scrapy-redis's duplicate filter, kept for the whole run (the next run's first worker clears it)."""

    def close(self, reason: str = "") -> None:
        pass  # shared with the other workers: never cleared by one that stops


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler with workers: joins the crawl, beats, reaps dead workers, says when done."""

    def __init__(self, server: Redis, **kwargs: Any) -> None:
        super().__init__(server, **kwargs)
        self.crawler: Crawler | None = None
        self.worker = ""
        self.seeds = False
        self.heartbeat = 5.0
        self.worker_timeout = 30.0
        self._beat_loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        prefix = settings.get("REDIS_KEY", "vnnews:%(spider)s")
        server = connection.from_settings(settings)
        server.ping()
        scheduler = cls(server, persist=True, queue_key=f"{prefix}:requests",
                        queue_cls=settings.get("SCHEDULER_QUEUE_CLASS"), dupefilter_key=f"{prefix}:dupefilter",
                        dupefilter_cls=settings.get("DUPEFILTER_CLASS"), serializer=picklecompat)
        scheduler.stats = crawler.stats
        scheduler.crawler = crawler
        scheduler.worker = worker_name(settings)
        scheduler.heartbeat = settings.getfloat("REDIS_HEARTBEAT", 1.0)
        scheduler.worker_timeout = settings.getfloat("REDIS_WORKER_TIMEOUT", 30.0)
        crawler.signals.connect(scheduler.spider_idle, signals.spider_idle)
        return scheduler

    @property
    def _keys(self) -> list[str]:
        base = self.queue.key
        return [f"{base}:workers", base, f"{base}:seeding"]

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider, key=self.queue_key,
                                                 serializer=self.serializer)
        self.queue.worker = self.worker
        self.df = load_object(self.dupefilter_cls)(self.server, key=self.dupefilter_key % {"spider": spider.name},
                                                   debug=spider.settings.getbool("DUPEFILTER_DEBUG"))
        join = self.server.register_script(JOIN)
        seeds, moved = join(keys=[*self._keys, self.df.key],
                            args=[self.queue.processing_prefix, self.worker, time.time(), self.worker_timeout])
        self.seeds = bool(seeds)
        logger.info("Redis crawl %s: worker %s %s (%d request(s) queued%s)", self.queue.key, self.worker,
                    "starts the run and reads start()" if self.seeds else "joins the run", len(self.queue),
                    f", {moved} taken back from dead workers" if moved else "")
        self._beat = self.server.register_script(BEAT)
        self._beat_loop = task.LoopingCall(self.beat_and_wake)
        self._beat_loop.start(self.heartbeat, now=False)

    def close(self, reason: str) -> None:
        if self._beat_loop is not None and self._beat_loop.running:
            self._beat_loop.stop()
        if reason == "finished":
            self.queue.ack_all()
        else:
            held = self.queue.requeue_held()
            logger.info("Redis crawl: stopped (%s); %d held request(s) put back in the queue", reason, held)
        self.server.zrem(self._keys[0], self.worker)
        if self.seeds:
            self.seeding_done()

    def seeding_done(self) -> None:
        if self.server.get(self._keys[2]) in (self.worker, self.worker.encode()):
            self.server.delete(self._keys[2])

    def beat(self) -> int:
        """Say this worker lives, move dead workers' requests back, and count the crawl's pending work."""
        moved, pending, was_dead = self._beat(keys=self._keys, args=[self.queue.processing_prefix, self.worker,
                                                                     time.time(), self.worker_timeout])
        if was_dead:
            logger.error("Redis crawl: this worker was silent over REDIS_WORKER_TIMEOUT (%.0f s) and taken for dead: "
                         "the requests it held were given to others, so some may be written twice (merge keeps one)",
                         self.worker_timeout)
            self.queue.held.clear()
        if moved:
            logger.warning("Redis crawl: %d request(s) of dead worker(s) put back in the queue", moved)
            if self.stats:
                self.stats.inc_value("redis/requeued_from_dead_workers", moved)
        return pending

    def beat_and_wake(self) -> None:
        """The heartbeat; then the engine looks for work (or for the end) now, not at its own 5 s beat."""
        self.beat()
        engine = self.crawler.engine if self.crawler else None
        if engine is not None and engine.scheduler is self:
            wake_engine(engine)

    def spider_idle(self) -> None:
        """Everything this worker took is done; stay open while the shared crawl still has work."""
        self.queue.ack_all()
        if self.beat():
            raise DontCloseSpider

    def next_request(self) -> Request | None:
        request = self.queue.pop()
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def ack(self, request: Request | None) -> None:
        if request is not None:
            self.queue.ack(request.meta.get(TASK_META))


def wake_engine(engine: Any) -> None:
    """Ask the engine to pull requests now, not at its next 5 s heartbeat (Scrapy has no public call)."""
    slot = getattr(engine, "_slot", None)
    nextcall = getattr(slot, "nextcall", None)
    if nextcall is not None:
        nextcall.schedule()


def redis_scheduler(crawler: Crawler) -> ReliableScheduler | None:
    scheduler = crawler.engine.scheduler if crawler.engine is not None else None
    return scheduler if isinstance(scheduler, ReliableScheduler) else None


class SharedCrawlMiddleware(BaseSpiderMiddleware):
    """Reads ``start()`` only in the worker that starts the run; acknowledges a request as its record
    leaves the spider (placed next to the spider, so it sees every record before any filter drops it)."""

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        scheduler = redis_scheduler(self.crawler)
        if scheduler is not None and not scheduler.seeds:
            return
        async for item_or_request in start:
            yield item_or_request
        if scheduler is not None:
            scheduler.seeding_done()

    async def process_spider_output_async(self, response: Response | None, result: AsyncIterator[Any],
                                          spider: Spider | None = None) -> AsyncIterator[Any]:
        """Ack on a record, before it is written; or, for a page that gave no request, once its output ends.

        A page that gave requests (a sitemap) stays held until the worker is idle: Scrapy schedules the
        last requests of an output after the output ends, and a page taken back is only read again (its
        requests are then dropped as duplicates), never lost.
        """
        scheduler = redis_scheduler(self.crawler)
        gave_requests = False
        async for output in result:
            if isinstance(output, Request):
                gave_requests = True
            elif scheduler is not None and response is not None:
                scheduler.ack(response.request)
            yield output
        if scheduler is not None and response is not None and not gave_requests:
            scheduler.ack(response.request)

    def get_processed_item(self, item: Any, response: Response | None) -> Any:
        """The same ack for a record from a synchronous callback (Scrapy's sync path)."""
        scheduler = redis_scheduler(self.crawler)
        if scheduler is not None and response is not None:
            scheduler.ack(response.request)
        return item
