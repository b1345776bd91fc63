"""The crawl's date window: ``-a since=YYYY-MM-DD -a until=YYYY-MM-DD``, both days inclusive.

A timestamp belongs to the day it falls on in the window's time zone, so a UTC sitemap ``<lastmod>``
of ``2026-11-20T18:05Z`` is 21 November in Vietnam (UTC+7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import SpiderArgumentError

# Vietnam has had no daylight saving time since 1975: a fixed offset needs no tz database.
VIETNAM_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
TZ_FORMS = "expected UTC, an offset like +07:00 or a zone like Asia/Ho_Chi_Minh"


class WindowError(SpiderArgumentError):
    """A spider argument that does not describe a date window."""


def parse_timestamp(raw: str | None) -> datetime | date | None:
    """A sitemap/feed date: W3C datetime (ISO 8601, ``Z`` allowed), a bare day, or RFC 822 (RSS ``pubDate``).

    Returns a ``date`` for a bare day, a ``datetime`` (possibly naive) otherwise, ``None`` if unreadable.
    """
    value = (raw or "").strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


def parse_timezone(name: str) -> tzinfo:
    """``UTC``, an offset such as ``+07:00``, or an IANA name such as ``Asia/Ho_Chi_Minh``."""
    if name.upper() in ("UTC", "Z"):
        return UTC
    if name[:1] in "+-":
        try:
            return datetime.strptime(name, "%z").tzinfo or UTC
        except ValueError as exc:
            raise WindowError(f"-a tz={name}: {TZ_FORMS}") from exc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WindowError(f"-a tz={name}: unknown time zone; {TZ_FORMS}") from exc


def _parse_day(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise WindowError(f"-a {name}={value}: expected a date as YYYY-MM-DD") from exc


@dataclass(frozen=True, slots=True)
class DateWindow:
    since: date
    until: date
    tz: tzinfo = UTC

    @classmethod
    def from_args(cls, since: str | None, until: str | None, *, tz: tzinfo, default_days: int = 2,
                  today: date | None = None) -> DateWindow:
        """Missing ``until`` is today in ``tz``; missing ``since`` is ``default_days`` days up to ``until``."""
        end = _parse_day("until", until) if until else (today or datetime.now(tz).date())
        start = _parse_day("since", since) if since else end - timedelta(days=default_days - 1)
        if start > end:
            raise WindowError(f"-a since={start} is after -a until={end}")
        return cls(start, end, tz)

    def day_of(self, raw: str | None) -> date | None:
        """The window-zone day of a timestamp (naive times are taken as window-zone local)."""
        when = parse_timestamp(raw)
        if when is None or not isinstance(when, datetime):
            return when
        if when.tzinfo is None:
            return when.date()
        return when.astimezone(self.tz).date()

    def __contains__(self, day: date) -> bool:
        return self.since <= day <= self.until

    def widened(self, days: int) -> DateWindow:
        return DateWindow(self.since - timedelta(days=days), self.until + timedelta(days=days), self.tz)

    def as_args(self) -> dict[str, str]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(), "tz": str(self.tz)}
