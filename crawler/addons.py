"""Scrapy add-ons of the project."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import Settings


class DefaultFeed:
    """Writes ``DEFAULT_FEED`` (``output/%(name)s-%(time)s.jsonl``) when the run names no feed of its own.

    Scrapy 2.19 merges ``-O``/``-o`` with the ``FEEDS`` setting instead of replacing it, so a default in
    ``FEEDS`` would be written on every run, beside the file asked for. This add-on sets ``FEEDS`` only
    when it is still empty once the command line has been applied.
    """

    def update_settings(self, settings: Settings) -> None:
        uri = settings.get("DEFAULT_FEED")
        if uri and not settings.getdict("FEEDS"):
            settings.set("FEEDS", {uri: {"format": "jsonlines", "encoding": "utf-8"}}, priority="addon")


class RedisCrawl:
    """``-s REDIS_URL=redis://host:port/db``: this process is one worker of a crawl shared through Redis.

    Points Scrapy at :mod:`crawler.distributed` (scrapy-redis's scheduler and duplicate filter, with a
    reliable queue); the seen-store follows (:mod:`crawler.redis_seenstore`). Without ``REDIS_URL`` it
    does nothing, and neither redis nor scrapy-redis is imported.
    """

    def update_settings(self, settings: Settings) -> None:
        if not settings.get("REDIS_URL"):
            return
        settings.set("SCHEDULER", "crawler.distributed.ReliableScheduler", priority="addon")
        settings.set("SCHEDULER_QUEUE_CLASS", "crawler.distributed.ReliableQueue", priority="addon")
        settings.set("DUPEFILTER_CLASS", "crawler.distributed.RunDupeFilter", priority="addon")
        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", "crawler.distributed.SharedCrawlMiddleware",
                                                950)
