"""Alarms: a scheduled crawl of a portal that changed its layout, or that blocks us, fails loudly.

At the end of a crawl, Spidermon runs :class:`AlarmSuite`. Its monitor checks three things against
settings (settings.py, section "Alarms"):

* articles found (written + unchanged in the seen-store) >= ``ALARM_MIN_ARTICLES``;
* for each field in ``ALARM_MIN_FILL_RATES``, the share of written records with that field filled,
  the same counts as the crawl report's ``field_fill_rate`` (:class:`crawler.report.CrawlReport`).
  The setting maps field to minimum, or spider name (``"*"`` for the others) to such a map; a spider
  with ``publisher_floors`` (``news -a publisher=...``) is also held to each publisher's own floors;
* responses that were 403/429 or a bot-challenge page <= ``ALARM_MAX_BLOCKED_RATIO`` of all responses
  (counted by :class:`BlockedResponseCounter`).

When one fails, :class:`FailCrawl` logs one ERROR line per alarm, naming the field or the reason, and
sets the stat ``alarms/failed``; ``scrapy crawl`` (:mod:`crawler.commands.crawl`) then exits with
status 1, and the seen-store does not count the run as successful. Spidermon alone cannot set the exit
status: Scrapy's ``crawl`` command returns 1 only when the crawler fails to start.

A crawl paused with Ctrl-C (finish reason ``shutdown``) is not judged: it will be resumed.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured, ScrapyDeprecationWarning
from scrapy.utils.httpobj import urlparse_cached
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

from crawler.report import CrawlReport

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)
# unittest (which Spidermon's monitors run on) leaves frames of modules defining __unittest out of a failure's
# report: a failed alarm prints its one message, not a traceback of this module (its ERROR line says the rest).
__unittest = True
# Spidermon 1.27 logs its results through Spider.log(), deprecated in Scrapy 2.19: one warning per crawl, not ours.
warnings.filterwarnings("ignore", r"Spider\.log\(\) is deprecated", ScrapyDeprecationWarning)

BLOCKED_STATUSES = frozenset({403, 429})
# Bot-protection interstitials (Cloudflare, DDoS-Guard, hCaptcha, reCAPTCHA ...): phrases, not single common words.
CHALLENGE_RE = re.compile(
    rb"captcha|just a moment\.\.\.|cf-chl|challenge-platform|checking your browser|verify you are (?:a )?human"
    rb"|ddos-guard|enable javascript and cookies to continue",
    re.IGNORECASE,
)
CHALLENGE_MAX_BYTES = 64 * 1024
PAUSED = "shutdown"
STATS_PREFIX = "alarms/"


@dataclass(frozen=True, slots=True)
class Alarm:
    reason: str
    """Short and stable: ``no_articles``, ``fill_rate/<field>``, ``blocked``."""
    message: str


def is_challenge(response: Response) -> bool:
    """A 202, or a small 2xx page that is a bot check rather than the content asked for."""
    if response.status == 202:
        return True
    return 200 <= response.status < 300 and len(response.body) <= CHALLENGE_MAX_BYTES and \
        CHALLENGE_RE.search(response.body) is not None


def is_robots_txt_fetch(request: Request | None) -> bool:
    """The robots.txt request RobotsTxtMiddleware makes for each host (not one a spider asked for)."""
    return request is not None and bool(request.meta.get("dont_obey_robotstxt")) and \
        urlparse_cached(request).path == "/robots.txt"


def check_articles(found: int, minimum: int, *, jobdir_replayed: bool = False) -> list[Alarm]:
    if found >= minimum:
        return []
    hint = " (JOBDIR holds a finished crawl: every request was a duplicate; use a fresh JOBDIR per run)" \
        if jobdir_replayed else ""
    return [Alarm("no_articles", f"{found} article(s) found (written or unchanged), expected at least {minimum}{hint}")]


def check_fill_rates(filled: Mapping[str, int], written: int, minimums: Mapping[str, float]) -> list[Alarm]:
    """One alarm per field filled in fewer than its minimum share of written records (none if none written)."""
    if not written:
        return []
    alarms = []
    for field, minimum in minimums.items():
        rate = filled.get(field, 0) / written
        if rate < minimum:
            alarms.append(Alarm(f"fill_rate/{field}", f"field {field} filled in {rate:.0%} of {written} article(s) "
                                                      f"({filled.get(field, 0)}), below the minimum {minimum:.0%}"))
    return alarms


def check_publisher_fill_rates(stats: Mapping[str, Any], floors: Mapping[str, Mapping[str, float]]) -> list[Alarm]:
    """The ``news`` spider's per-publisher floors, on the counts it keeps (``publishers/<name>/...``)."""
    alarms = []
    for name, minimums in floors.items():
        written = stats.get(f"publishers/{name}/written", 0)
        filled = {field: stats.get(f"publishers/{name}/filled/{field}", 0) for field in minimums}
        alarms += [Alarm(f"fill_rate/{name}/{alarm.reason.partition('/')[2]}", f"publisher {name}: {alarm.message}")
                   for alarm in check_fill_rates(filled, written, minimums)]
    return alarms


def fill_rate_minimums(setting: Mapping[str, Any], spider: str) -> dict[str, float]:
    """``{field: rate}`` as is, or ``{spider: {field: rate}, "*": {...}}`` resolved for ``spider``."""
    if all(isinstance(value, Mapping) for value in setting.values()):
        setting = setting.get(spider, setting.get("*", {}))
    return {field: float(rate) for field, rate in setting.items()}


def check_blocked(blocked: int, challenged: int, responses: int, max_ratio: float) -> list[Alarm]:
    if not responses or (blocked + challenged) / responses <= max_ratio:
        return []
    return [Alarm("blocked", f"{blocked + challenged} of {responses} responses were blocked "
                             f"({blocked} HTTP 403/429, {challenged} challenge pages), above {max_ratio:.0%}")]


class BlockedResponseCounter:
    """Extension: counts every response, and those that were 403/429 or a challenge page."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("ALARMS_ENABLED"):
            raise NotConfigured
        counter = cls(crawler)
        crawler.signals.connect(counter.response_received, signals.response_received)
        return counter

    def response_received(self, response: Response, request: Request) -> None:
        if is_robots_txt_fetch(request):  # not content: one per host, it would dilute the ratio
            return
        stats = self.crawler.stats
        stats.inc_value(f"{STATS_PREFIX}responses")
        if response.status in BLOCKED_STATUSES:
            stats.inc_value(f"{STATS_PREFIX}responses/blocked")
        elif is_challenge(response):
            stats.inc_value(f"{STATS_PREFIX}responses/challenge")
            logger.warning("Challenge page instead of content: %s (HTTP %d)", response.url, response.status)


@monitors.name("Alarms")
class AlarmMonitor(Monitor):
    """The crawl found articles, filled their key fields, and was not blocked."""

    def setUp(self) -> None:
        self.settings = self.data.crawler.settings
        if not self.settings.getbool("ALARMS_ENABLED"):
            self.skipTest("ALARMS_ENABLED is off")
        if self.data.stats.get("finish_reason") == PAUSED:
            self.skipTest("crawl paused (finish reason: shutdown); judged when it finishes")
        self.data.meta.setdefault("alarms", [])

    def _raise(self, alarms: list[Alarm]) -> None:
        self.data.meta["alarms"].extend(alarms)
        if alarms:
            self.fail("; ".join(alarm.message for alarm in alarms))

    @monitors.name("articles found")
    def test_articles_found(self) -> None:
        stats = self.data.stats
        found = stats.get("articles/extracted", 0) + stats.get("seenstore/skipped/unchanged_lastmod", 0) + \
            stats.get("pages/outcome/already_in_feed", 0)
        replayed = bool(self.settings.get("JOBDIR")) and not stats.get("response_received_count") and \
            stats.get("dupefilter/filtered", 0) > 0
        self._raise(check_articles(found, self.settings.getint("ALARM_MIN_ARTICLES", 1), jobdir_replayed=replayed))

    @monitors.name("field fill rates")
    def test_field_fill_rates(self) -> None:
        report = self.data.crawler.get_extension(CrawlReport)
        if report is None:
            self.skipTest("the crawl report (CRAWL_REPORT_ENABLED) is off: no fill rates")
        minimums = fill_rate_minimums(self.settings.getdict("ALARM_MIN_FILL_RATES"), self.data.spider.name)
        publisher_floors = getattr(self.data.spider, "publisher_floors", {})  # news -a publisher=...
        self._raise(check_fill_rates(report.filled, report.written, minimums)
                    + check_publisher_fill_rates(self.data.stats, publisher_floors))

    @monitors.name("responses not blocked")
    def test_responses_not_blocked(self) -> None:
        stats = self.data.stats
        self._raise(check_blocked(
            stats.get(f"{STATS_PREFIX}responses/blocked", 0),
            stats.get(f"{STATS_PREFIX}responses/challenge", 0),
            stats.get(f"{STATS_PREFIX}responses", 0),
            self.settings.getfloat("ALARM_MAX_BLOCKED_RATIO", 0.5),
        ))


class FailCrawl(Action):
    """Logs one ERROR line per alarm and marks the crawl failed (``scrapy crawl`` exits 1)."""

    def run_action(self) -> None:
        stats = self.data.crawler.stats
        alarms: list[Alarm] = self.data.meta.get("alarms", [])
        for alarm in alarms:
            logger.error("ALARM %s: %s", alarm.reason, alarm.message)
            stats.set_value(f"{STATS_PREFIX}failed/{alarm.reason}", 1)
        if not alarms:  # a monitor that broke rather than failed: still not a successful crawl
            names = ", ".join(result.item.name for result in self.result.monitors_failed_results)
            logger.error("ALARM monitor_error: %s", names)
        stats.set_value(f"{STATS_PREFIX}failed", max(len(alarms), 1))


class AlarmSuite(MonitorSuite):
    """Spidermon's close suite (``SPIDERMON_SPIDER_CLOSE_MONITORS``); subclass it to add notifying actions."""

    monitors: ClassVar[list[type[Monitor]]] = [AlarmMonitor]
    monitors_failed_actions: ClassVar[list[type[Action]]] = [FailCrawl]


def crawl_failed(stats: Mapping[str, Any]) -> bool:
    """Whether the alarms failed the crawl (read by the ``crawl`` command after the crawl)."""
    return bool(stats.get(f"{STATS_PREFIX}failed"))
