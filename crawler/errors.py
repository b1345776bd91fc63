"""Errors that stop a crawl before it starts, with one line that says why (no traceback).

``scrapy crawl`` (:mod:`crawler.commands.crawl`) prints ``error: <message>`` and exits 2 for a bad spider
argument; for a refusal (the feed, the seen-store or the JOBDIR in use by another crawl) the component
has logged its one ERROR line and the exit status is 1.
"""

from __future__ import annotations


class SpiderArgumentError(ValueError):
    """A ``-a name=value`` the spider cannot use; the message names the argument and what it accepts."""


class CrawlRefused(RuntimeError):
    """The crawl must not start (another crawl holds a resource it would write); already logged."""
