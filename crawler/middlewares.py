"""Retries that wait: the server's ``Retry-After`` when it sends one, exponential backoff otherwise."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or HTTP-date); ``None`` if absent or bad."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's ``RetryMiddleware`` (same settings, same ``retry/*`` stats) that waits before each retry.

    The wait is the response's ``Retry-After`` when present, else ``RETRY_BACKOFF_BASE * 2**(n-1)`` for
    the n-th retry, capped at ``RETRY_BACKOFF_MAX``. It applies to the whole host: until it ends, every
    request to that host waits in ``process_request``, so a 429 slows the site down, not one URL. A
    ``Retry-After`` longer than ``RETRY_AFTER_MAX`` is not waited out: the request is given up at once
    (stat ``retry/retry_after_too_long``) rather than tying the crawl up.

    Waiting requests count against ``CONCURRENT_REQUESTS`` but hold no download slot.
    """

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)
        self._resume_at: dict[str, float] = {}

    async def process_request(self, request: Request) -> None:
        wait = self._resume_at.get(urlparse_cached(request).netloc, 0.0) - monotonic()
        if wait > 0:
            await sleep(wait)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        asked = retry_after_seconds(response.headers.get(b"Retry-After"))
        if asked is not None and asked > self.retry_after_max:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            self.crawler.spider.logger.error(  # type: ignore[union-attr]
                "Gave up %s: Retry-After %.0f s exceeds RETRY_AFTER_MAX (%.0f s)", request, asked, self.retry_after_max)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        self._pause(retry, asked)
        return retry

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        retry = super().process_exception(request, exception)
        if isinstance(retry, Request):
            self._pause(retry, None)
        return retry

    def backoff(self, retry_times: int) -> float:
        return min(self.backoff_max, self.backoff_base * 2 ** max(retry_times - 1, 0))

    def _pause(self, retry: Request, asked: float | None) -> None:
        delay = asked if asked is not None else self.backoff(retry.meta.get("retry_times", 1))
        host = urlparse_cached(retry).netloc
        self._resume_at[host] = max(self._resume_at.get(host, 0.0), monotonic() + delay)
        retry.meta["retry_delay"] = delay
