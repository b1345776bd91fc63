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
