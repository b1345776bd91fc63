"""What the project's spiders share: article requests, the extraction callback, sitemap reading, and the
stats that say why a page gave no record.

Stats written here (the crawl report reads them):

- ``pages/fetched``: article candidates that got an HTTP response (any status);
- ``articles/extracted``: records handed to the item pipelines;
- ``articles/skipped/<reason>``: candidates that gave no record: the extractor's reason (``listing``,
  ``no_text``, ``empty``, ``not_article``: ``extractors.Extraction``), ``http_<status>``, ``not_html``,
  ``empty``, ``extract_error``, ``download_error``, ``download_timeout``, ``too_large``;
- ``pages/requested``, ``pages/outcome/<outcome>``: the ledger (:mod:`crawler.ledger`) of every page asked
  for, each under exactly one outcome, the ones never fetched (``offsite``, ``robots_txt`` ...) included;
- ``sitemaps/fetched``, ``sitemaps/errors/<status or reason>``: sitemap and feed documents read or failed.
- ``articles/profile_fallback/<profile>/<field>``: records whose site profile's selector found nothing for
  that field (read the generic way instead): a profile going stale.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from extractors.encoding import binary_kind

from .. import workers
from ..errors import SpiderArgumentError
from ..ledger import PAGE, failure_reason, original_url, settle
from ..sitemaps import Entry, NotASitemap, Sitemap, parse_feed_document, parse_sitemap, response_body

# Sitemaps and feeds are fetched before the articles they list, so discovery finishes early.
DISCOVERY_PRIORITY = 10
_CODE_RE = re.compile(r"^[a-z]{2}(?:-[a-z]{2,4})?$")
ISO_639_1 = frozenset(["aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu"])


def split_list(value: str | list[str] | None) -> list[str]:
    """``-a name=a,b`` arrives as the string ``"a,b"``; code callers may pass a list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else value.split(",")
    return [item.strip() for item in items if item.strip()]


def parse_languages(value: str) -> frozenset[str] | None:
    """``all`` is ``None`` (no filter); otherwise one edition code or a comma list (``vi``, ``en``, ``vi,en``)."""
    codes = [code.lower() for code in split_list(value)]
    if not codes or "all" in codes:
        return None
    bad = [code for code in codes if not _CODE_RE.match(code) or code.split("-")[0] not in ISO_639_1]
    if bad:
        raise SpiderArgumentError(f"-a lang={value}: {', '.join(bad)} is no language code; expected all, vi, en, "
                                  "or other ISO 639-1 edition codes (ko, zh, ja, fr ...), comma-separated")
    return frozenset(codes)


def parse_count(name: str, value: str | int, *, minimum: int = 0) -> int:
    """A whole-number spider argument (``-a depth=2``), or a one-line error naming it."""
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise SpiderArgumentError(f"-a {name}={value}: expected a whole number >= {minimum}")
    return number


_CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


def header_charset(response: Response) -> str | None:
    """The ``Content-Type`` header's charset as sent (``iso-8859-1``), not as a library re-labels it."""
    match = _CHARSET_PARAM_RE.search(response.headers.get(b"Content-Type", b"").decode("latin-1"))
    return match.group(1) if match else None


def unusable_body(response: Response) -> str | None:
    """Why a fetched page cannot be extracted at all: ``empty``, ``not_html`` (a PDF, an image, a binary
    served as ``text/html``); ``None`` when it can."""
    if not response.body.strip():
        return "empty"
    if not isinstance(response, TextResponse) or binary_kind(response.body) is not None:
        return "not_html"
    return None


class ArticleSpider(Spider):
    """Base of the project's spiders. Subclasses discover URLs; this class turns responses into records."""

    @property
    def crawl_arguments(self) -> dict[str, Any]:
        """The spider's effective arguments, echoed in the crawl report."""
        return {}

    def extraction_url(self, url: str) -> str:
        """The URL the extractor reads a page as (it picks the site profile by it): the page's own here."""
        return url

    def stat(self, key: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(key, count)

    # ----- articles ---------------------------------------------------------------------------

    def article_request(self, url: str, *, lastmod: str | None = None,
                        callback: Callable[[Response], Any] | None = None) -> Request:
        """A request for a page expected to be an article.

        ``meta["article"]`` marks it for components that act on article fetches only (an incremental
        seen-store); ``meta["sitemap_lastmod"]`` carries the date the sitemap/feed gave, as given.
        """
        meta: dict[str, Any] = {"article": True, PAGE: True}
        if lastmod:
            meta["sitemap_lastmod"] = lastmod
        return Request(url, callback=callback or self.parse_article, errback=self.article_failed, meta=meta)

    async def parse_article(self, response: Response) -> AsyncIterator[dict[str, Any]]:
        """The record of an article page, in schema key order; nothing (and a counted reason) otherwise.

        The page is extracted in a worker process (:mod:`crawler.workers`) while the loop keeps downloading.
        """
        self.stat("pages/fetched")
        unusable = unusable_body(response)
        if unusable is not None:
            self.skip(unusable, response.url, response.request)
            return
        outcome = await workers.extract(self.crawler, self.extraction_page(response))
        if outcome.record is None:
            if outcome.detail:
                self.logger.error("Extraction failed on %s: %s", response.url, outcome.detail)
            self.skip(outcome.reason or "not_article", response.url, response.request)
            return
        record = outcome.record
        self.count_warnings(record["metadata"])
        record["url"] = response.url
        record["metadata"]["spider"] = self.name
        self.stat("articles/extracted")
        yield record

    def extraction_page(self, response: Response) -> workers.Page:
        """What the extractor is given: the body's bytes, the header's charset as sent (the worker decodes
        the page as a browser would: :func:`extractors.encoding.decode_page`), the time of the fetch and the
        date the sitemap or feed gave."""
        return workers.Page(
            body=response.body,
            url=self.extraction_url(response.url),
            charset=header_charset(response),
            options={"fetched_at": datetime.now(UTC), "listed_date": response.meta.get("sitemap_lastmod")},
        )

    def count_warnings(self, metadata: dict[str, Any]) -> None:
        """Count what a record's warnings say about the crawl: encoding corrections (``encoding/<warning>``)
        and a site profile whose selector found nothing (``articles/profile_fallback/<profile>/<field>``:
        it may be stale)."""
        for warning in metadata.get("warnings") or []:
            kind, _, detail = warning.partition(":")
            if kind in workers.ENCODING_WARNINGS:
                self.stat(f"encoding/{kind}")
            elif kind == "profile_fallback":
                profile = (metadata.get("extractor") or "").partition("@")[0]
                self.stat(f"articles/profile_fallback/{profile}/{detail}")

    def article_failed(self, failure: Failure) -> None:
        """A page that never reached its callback, counted under one reason (:func:`crawler.ledger.failure_reason`)."""
        request = failure.request  # type: ignore[attr-defined]
        reason = failure_reason(failure)
        if failure.check(HttpError):
            self.stat("pages/fetched")
            self.skip(reason, request.url, request)
        elif failure.check(IgnoreRequest):
            # Not fetched on purpose (robots.txt, the request guard, a redirect limit): counted, no warning.
            self.stat(f"pages/not_fetched/{reason}")
            settle(self.crawler, request, reason)
            self.logger.info("No record from %s: %s (not fetched: %s)", original_url(request), reason, failure.value)
        else:
            self.logger.warning("Download failed: %s (%s: %s)", request.url, reason, failure.value)
            self.skip(reason, request.url, request)

    def skip(self, reason: str, url: str, request: Request | None = None) -> None:
        """A page that gave no record; pass its ``request`` so the ledger counts it once."""
        self.stat(f"articles/skipped/{reason}")
        settle(self.crawler, request, reason)
        self.logger.info("No record from %s: %s", original_url(request) if request is not None else url, reason)

    # ----- sitemaps and feeds -----------------------------------------------------------------

    def discovery_request(self, url: str, callback: Callable[..., Any], **cb_kwargs: Any) -> Request:
        """A request for a sitemap or feed: failures are errors, counted under ``sitemaps/errors/``."""
        meta = {"download_maxsize": self.sitemap_maxsize}
        return Request(url, callback=callback, errback=self.discovery_failed, cb_kwargs=cb_kwargs,
                       priority=DISCOVERY_PRIORITY, meta=meta)

    def read_sitemap(self, response: Response) -> Sitemap | None:
        """The parsed sitemap, or ``None`` after logging and counting why the body is not one."""
        self.stat("sitemaps/fetched")
        try:
            sitemap = parse_sitemap(response_body(response, self.sitemap_maxsize))
        except NotASitemap as exc:
            self.discovery_error(exc.reason, response.url, str(exc))
            return None
        self.unreadable_entries(response.url, sitemap.skipped)
        if not sitemap.entries:
            self.stat("sitemaps/empty")
            self.logger.warning("Sitemap %s lists no entry", response.url)
        return sitemap

    def read_feed(self, response: Response) -> list[Entry] | None:
        self.stat("sitemaps/fetched")
        try:
            feed = parse_feed_document(response_body(response, self.sitemap_maxsize))
        except NotASitemap as exc:
            self.discovery_error(exc.reason, response.url, str(exc))
            return None
        self.unreadable_entries(response.url, feed.skipped)
        entries = feed.entries
        if not entries:
            self.stat("sitemaps/empty")
            self.logger.warning("Feed %s lists no entry", response.url)
        return entries

    @property
    def sitemap_maxsize(self) -> int:
        return self.settings.getint("SITEMAP_MAXSIZE", 64 * 1024 * 1024)

    def unreadable_entries(self, url: str, skipped: dict[str, int]) -> None:
        """Entries of a sitemap/feed the strict parser could not read: counted and logged, the rest kept."""
        for reason, count in skipped.items():
            self.stat(f"sitemaps/entries/unreadable/{reason}", count)
            self.logger.warning("Sitemap/feed %s: %d entr%s not readable (%s), the others kept", url, count,
                                "y" if count == 1 else "ies", reason)

    def discovery_failed(self, failure: Failure) -> None:
        """A sitemap or feed that did not arrive: never treated as an empty one."""
        url = failure.request.url  # type: ignore[attr-defined]
        if failure.check(HttpError):
            self.discovery_error(str(failure.value.response.status), url, "HTTP error status")
        else:
            self.discovery_error(failure_reason(failure), url, str(failure.value) or repr(failure.value))

    def discovery_error(self, reason: str, url: str, detail: str) -> None:
        self.stat(f"sitemaps/errors/{reason}")
        self.logger.error("Sitemap/feed %s unusable (%s): %s", url, reason, detail)

    def entry_stat(self, outcome: str) -> None:
        """Count what became of a sitemap/feed entry: ``kept``, ``outside_window``, ``other_language`` ..."""
        self.stat(f"sitemaps/entries/{outcome}")
