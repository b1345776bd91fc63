"""The end-of-crawl report: logged, and written as JSON next to the feed (``x.jsonl`` -> ``x.report.json``).

It says how many pages were fetched, how many articles were written, why the other pages gave no
record, what discovery found, and how often each record field was filled. The feed path is read from
the feed exporter at close, so ``-O``/``-o`` (which replace the ``FEEDS`` setting) are honoured.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.feedexport import FeedExporter

from extractors.record import ARTICLE_FIELDS, OUTSIDE_DATE_WARNINGS

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

REPORT_SUFFIX = ".report.json"
FEED_SUFFIXES = frozenset({".jsonl", ".jl", ".jsonlines", ".json", ".csv", ".xml", ".gz", ".bz2", ".xz"})
# Scrapy stats kept in the report as "not fetched on purpose" (name in report -> stat key).
FILTERED_STATS = {"robots_txt": "robotstxt/forbidden", "offsite": "guard/refused/offsite",
                  "blocked_address": "guard/refused/blocked_address", "blocked_scheme": "guard/refused/blocked_scheme",
                  "duplicate": "dupefilter/filtered"}
STOPPED_EARLY = "in_flight"  # pages still queued or downloading when a crawl stopped before the end
UNACCOUNTED = "unaccounted"  # pages of a finished crawl with no outcome: a bug, tested for


def page_outcomes(stats: Mapping[str, Any], reason: str) -> dict[str, Any]:
    """Every page asked for under exactly one outcome (:mod:`crawler.ledger`); the outcomes sum to ``requested``."""
    requested = stats.get("pages/requested", 0)
    outcomes = _by_prefix(stats, "pages/outcome/")
    missing = requested - sum(outcomes.values())
    if missing > 0:
        outcomes[UNACCOUNTED if reason == "finished" else STOPPED_EARLY] = missing
    return {"requested": requested, "outcomes": dict(sorted(outcomes.items())),
            "settled_twice": stats.get("pages/settled_twice", 0)}


def is_filled(value: Any) -> bool:
    """Whether a record field carries information (``False`` does; ``None``, ``""``, ``[]``, ``{}`` do not)."""
    return value is not None and value != "" and value != [] and value != {}


def _by_prefix(stats: Mapping[str, Any], prefix: str) -> dict[str, int]:
    return {key[len(prefix):]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}


def build_report(stats: Mapping[str, Any], filled: Mapping[str, int], written: int, *, spider: str,
                 reason: str, arguments: Mapping[str, Any] | None = None,
                 outputs: list[str] | None = None) -> dict[str, Any]:
    """The report as a JSON-ready dict, from the crawl's stats and the field counts of written records."""
    started = stats.get("start_time")
    finished = datetime.now(UTC)
    return {
        "spider": spider,
        "arguments": dict(arguments or {}),
        "finish_reason": reason,
        "started": started.isoformat() if isinstance(started, datetime) else None,
        "finished": finished.isoformat(),
        "elapsed_seconds": round((finished - started).total_seconds(), 3) if isinstance(started, datetime) else None,
        "output": list(outputs or []),
        "pages": page_outcomes(stats, reason),
        "pages_fetched": stats.get("pages/fetched", 0),
        "articles_written": written,
        "skipped": _by_prefix(stats, "articles/skipped/"),
        "profile_fallback": _by_prefix(stats, "articles/profile_fallback/"),  # "<profile>/<field>": count
        "not_fetched": {name: stats.get(key, 0) for name, key in FILTERED_STATS.items()},
        "sitemaps": {
            "fetched": stats.get("sitemaps/fetched", 0),
            "errors": _by_prefix(stats, "sitemaps/errors/"),
            "skipped": _by_prefix(stats, "sitemaps/skipped/"),
            "entries": _by_prefix(stats, "sitemaps/entries/"),
        },
        "responses": {
            "total": stats.get("response_received_count", 0),
            "by_status": _by_prefix(stats, "downloader/response_status_count/"),
        },
        "retries": stats.get("retry/count", 0),
        "incremental": {
            "written": _by_prefix(stats, "seenstore/written/"),
            "skipped": _by_prefix(stats, "seenstore/skipped/"),
        },
        "alarms_failed": sorted(key for key in _by_prefix(stats, "alarms/failed/")),
        "errors_logged": stats.get("log_count/ERROR", 0),
        "field_fill_rate": {name: round(filled.get(name, 0) / written, 4) if written else 0.0
                            for name in ARTICLE_FIELDS},
    }


def summary_lines(report: Mapping[str, Any]) -> list[str]:
    """The report in a few log lines."""
    skipped = ", ".join(f"{k}={v}" for k, v in report["skipped"].items()) or "none"
    errors = ", ".join(f"{k}={v}" for k, v in report["sitemaps"]["errors"].items()) or "none"
    rates = ", ".join(f"{k} {v:.0%}" for k, v in report["field_fill_rate"].items())
    return [
        f"{report['pages_fetched']} pages fetched, {report['articles_written']} articles written",
        f"skipped: {skipped}",
        f"sitemaps: {report['sitemaps']['fetched']} read, errors: {errors}",
        f"fields filled: {rates}",
        f"pages: {report['pages']['requested']} requested: "
        + (", ".join(f"{k}={v}" for k, v in report["pages"]["outcomes"].items()) or "none"),
    ]


def report_path_for(feed_uri: str) -> Path | None:
    """``output/x.jsonl`` -> ``output/x.report.json``; ``None`` for feeds that are not local files."""
    parts = urlsplit(feed_uri)
    if parts.scheme == "file":
        path = Path(url2pathname(parts.path))
    elif len(parts.scheme) <= 1:  # a plain path (one letter: a Windows drive)
        path = Path(feed_uri)
    else:
        return None
    stem = path.name
    while Path(stem).suffix.lower() in FEED_SUFFIXES:
        stem = Path(stem).stem
    return path.with_name(stem + REPORT_SUFFIX)


class CrawlReport:
    """Extension: counts filled fields of every written record; at close, logs and writes the report.

    Settings: ``CRAWL_REPORT_ENABLED`` (default ``True``).
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.filled: Counter[str] = Counter()
        self.written = 0
        self._closed: tuple[Spider, str, list[str]] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("CRAWL_REPORT_ENABLED", True):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def item_scraped(self, item: Any) -> None:
        self.written += 1
        fields = ItemAdapter(item)
        filled = {key for key, value in fields.items() if is_filled(value)}
        if OUTSIDE_DATE_WARNINGS.intersection((fields.get("metadata") or {}).get("warnings") or ()):
            filled.discard("datePublished")  # not the page's own date markup: a lost page date must show
        self.filled.update(filled)

    def feed_uris(self) -> list[str]:
        """The feed files this crawl wrote, placeholders (``%(time)s``) already filled in."""
        exporters = [ext for ext in self.crawler.extensions.middlewares if isinstance(ext, FeedExporter)]
        return [slot.uri for exporter in exporters for slot in exporter.slots]

    def spider_closed(self, spider: Spider, reason: str) -> None:
        # Written later, at engine_stop: the alarms and the seen-store finish their own spider_closed
        # work first, so the report can say what they decided.
        self._closed = (spider, reason, self.feed_uris())

    def engine_stopped(self) -> None:
        closed = self._closed
        if closed is None:  # the crawl never opened its spider
            return
        spider, reason, outputs = closed
        report = build_report(self.crawler.stats.get_stats(), self.filled, self.written, spider=spider.name,
                              reason=reason, arguments=getattr(spider, "crawl_arguments", None), outputs=outputs)
        written_to = []
        for path in filter(None, map(report_path_for, outputs)):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                written_to.append(str(path))
            except OSError as exc:
                logger.error("Could not write the crawl report %s: %s", path, exc)
        for line in summary_lines(report):
            logger.info("Crawl report: %s", line)
        logger.info("Crawl report written to %s", ", ".join(written_to) or "no file (no local feed)")
