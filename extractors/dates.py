"""Dates: ISO strings from metadata, and visible dates, Vietnamese day-first style.

Never fills a missing part from today (the newspaper4k#575 bug) and never invents a time
of day: a page that prints only a day gives a day (``2023-05-24+07:00``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo

from dateutil import parser as du_parser

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)(?:\D{0,4}?(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?")
_GMT_OFFSET_RE = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)
_ISO_HINT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def to_iso(moment: datetime | date) -> str:
    """ISO 8601 without microseconds; a ``date`` stays a date."""
    if isinstance(moment, datetime):
        return moment.replace(microsecond=0).isoformat()
    return moment.isoformat()


def parse_iso(value: str | None, *, default_tz: tzinfo | None = None) -> datetime | None:
    """An ISO-ish machine date (JSON-LD, meta, ``<time datetime>``). Naive values get ``default_tz``."""
    if not value or not _ISO_HINT_RE.match(value.strip()):
        return None
    try:
        moment = du_parser.isoparse(value.strip().replace(" ", "T", 1).replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        try:
            moment = du_parser.parse(value.strip())
        except (ValueError, OverflowError):
            return None
    if moment.tzinfo is None and default_tz is not None:
        moment = moment.replace(tzinfo=default_tz)
    return moment


def parse_day_first(text: str | None, *, default_tz: tzinfo = VIETNAM_TZ) -> datetime | date | None:
    """A visible date such as ``24/05/2023`` or ``Thứ tư, 22/10/2025, 19:25 (GMT+7)``.

    Day first, always. Returns a ``date`` when the text has no time of day, else an aware
    ``datetime`` (the printed GMT offset wins over ``default_tz``).
    """
    if not text:
        return None
    match = _DMY_RE.search(text)
    if not match:
        return None
    day, month, year, hour, minute, second = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        tz = default_tz
        offset = _GMT_OFFSET_RE.search(text)
        if offset:
            sign = 1 if offset.group(1) == "+" else -1
            tz = timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def day_in_zone(day: date, tz: tzinfo = VIETNAM_TZ) -> str:
    """A day-precision date with its zone and no invented time of day: ``2023-05-24+07:00``.

    This is the XML Schema / schema.org ``Date`` form with a timezone: the page gave a
    calendar day in local time, so that is all the record claims.
    """
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=tz).isoformat()[-6:]
    return f"{day.isoformat()}{offset}"
