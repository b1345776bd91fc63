"""Dates: machine values (JSON-LD, meta, ``<time datetime>``) and visible dates, day first.

Never fills a missing part from today (the newspaper4k#575 bug) and never invents a time of day:
a page that prints only a day gives a day with its zone (``2023-05-24+07:00``). A value without an
offset gets one only from evidence: the same instant given elsewhere on the page with an offset,
another date of the page with an offset, or the site's country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as du_parser

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)(?:\D{0,4}?(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?")
_DMY_SHORT_RE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])\D{1,6}?(\d{1,2}):(\d{2})")
_GMT_OFFSET_RE = re.compile(r"(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_ISO_HINT_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
_ISO_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
# Zone abbreviations that machine dates carry ("Fri Apr 28 19:20:36 CEST 2023"); unambiguous ones only.
TZ_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "TRT": 3, "IST": 5.5, "ICT": 7, "WIB": 7, "SGT": 8, "HKT": 8, "JST": 9,
    "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "SAST": 2,
}
_TZINFOS = {name: int(hours * 3600) for name, hours in TZ_ABBREVIATIONS.items()}
# The zone of a site's country, for values that give none (single-zone countries only).
COUNTRY_ZONES = {
    "vn": "Asia/Ho_Chi_Minh", "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich",
    "li": "Europe/Vaduz", "lu": "Europe/Luxembourg", "it": "Europe/Rome", "fr": "Europe/Paris",
    "es": "Europe/Madrid", "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "no": "Europe/Oslo",
    "se": "Europe/Stockholm", "dk": "Europe/Copenhagen", "fi": "Europe/Helsinki", "pl": "Europe/Warsaw",
    "cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "ro": "Europe/Bucharest",
    "gr": "Europe/Athens", "pt": "Europe/Lisbon", "ie": "Europe/Dublin", "uk": "Europe/London",
    "is": "Atlantic/Reykjavik", "tr": "Europe/Istanbul", "ua": "Europe/Kyiv", "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul", "tw": "Asia/Taipei", "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong",
    "sg": "Asia/Singapore", "th": "Asia/Bangkok", "in": "Asia/Kolkata", "lb": "Asia/Beirut",
    "il": "Asia/Jerusalem", "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi",
    "tz": "Africa/Dar_es_Salaam", "py": "America/Asuncion", "ar": "America/Argentina/Buenos_Aires",
    "cl": "America/Santiago", "co": "America/Bogota", "pe": "America/Lima", "nz": "Pacific/Auckland",
    "id": "Asia/Jakarta", "my": "Asia/Kuala_Lumpur", "ph": "Asia/Manila", "kh": "Asia/Phnom_Penh",
    "la": "Asia/Vientiane",
}
MONTHS = {
    # en, de, fr, es, it, pt, nl, nordic, pl, cs, tr: the month names newspapers print.
    1: "january jan januar janvier enero gennaio janeiro januari januar styczeń stycznia leden ledna ocak",
    2: "february feb februar février febrero febbraio fevereiro februari februar luty lutego únor února şubat",
    3: "march mar märz mars marzo março maart marts marzec marca březen března mart",
    4: "april apr avril abril aprile kwiecień kwietnia duben dubna nisan",
    5: "may mai mayo maggio maio mei maj maja květen května mayıs",
    6: "june jun juni juin junio giugno junho czerwiec czerwca červen června haziran",
    7: "july jul juli juillet julio luglio julho lipiec lipca červenec července temmuz",
    8: "august aug août agosto augustus augusti sierpień sierpnia srpen srpna ağustos",
    9: "september sep sept septembre septiembre settembre setembro wrzesień września září eylül",
    10: "october oct oktober octobre octubre ottobre outubro oktober październik października říjen října ekim",
    11: "november nov novembre noviembre novembro listopad listopada kasım",
    12: "december dec dezember décembre diciembre dicembre dezembro grudzień grudnia prosinec prosince aralık",
}
_MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names.split()}
_MONTH_ALT = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:de\s+)?(\d{{4}})"
    r"(?:\D{0,6}?(\d{1,2})[:.h](\d{2}))?", re.IGNORECASE)
_MONTH_DAY_YEAR_RE = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?:\D{{0,6}}?(\d{{1,2}}):(\d{{2}})\s*([ap]\.?m\.?)?)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Moment:
    """A parsed date: a calendar day, maybe a time of day, maybe an offset."""

    value: datetime | date

    @property
    def has_time(self) -> bool:
        return isinstance(self.value, datetime)

    @property
    def has_offset(self) -> bool:
        return isinstance(self.value, datetime) and self.value.tzinfo is not None

    def with_zone(self, tz: tzinfo) -> Moment:
        """The same wall clock in ``tz`` (a naive value completed; an aware one is left alone)."""
        if isinstance(self.value, datetime) and self.value.tzinfo is None:
            return Moment(self.value.replace(tzinfo=_fixed(tz, self.value)))
        return self

    def same_wall_clock(self, other: Moment) -> bool:
        if not (isinstance(self.value, datetime) and isinstance(other.value, datetime)):
            return False
        return abs((self.value.replace(tzinfo=None) - other.value.replace(tzinfo=None)).total_seconds()) < 60

    def iso(self, day_zone: tzinfo | None) -> str:
        """ISO 8601; a day with a known zone as ``2023-05-24+07:00``."""
        if isinstance(self.value, datetime):
            return to_iso(self.value)
        return day_in_zone(self.value, day_zone) if day_zone is not None else self.value.isoformat()


def _fixed(tz: tzinfo, moment: datetime) -> timezone:
    """The fixed offset ``tz`` has at ``moment`` (so DST zones serialise as +02:00, not a zone name)."""
    offset = tz.utcoffset(moment.replace(tzinfo=None)) if not isinstance(tz, timezone) else tz.utcoffset(None)
    return timezone(offset or timedelta(0))


def to_iso(moment: datetime | date) -> str:
    """ISO 8601 without microseconds; a ``date`` stays a date."""
    if isinstance(moment, datetime):
        return moment.replace(microsecond=0).isoformat()
    return moment.isoformat()


def parse_machine(value: str | None) -> Moment | None:
    """A machine date in any form pages use: ISO 8601 and its variants (space, ``+0200``, fractions),
    RFC 2822 (``Fri, 28 Apr 2023 19:20:36 +0200``), Java's ``Fri Apr 28 19:20:36 CEST 2023``."""
    if not value or len(value) > 64:
        return None
    text = value.strip()
    match = _ISO_RE.match(text)
    if match:
        year, month, day, hour, minute, second, _fraction, zone = match.groups()
        try:
            if hour is None:  # "2024-08-22" (even "2024-08-22+02:00"): only a day
                return Moment(date(int(year), int(month), int(day)))
            tz = _parse_offset(zone) if zone else None
            return Moment(datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
                                   tzinfo=tz))
        except ValueError:
            return None
    if not re.search(r"\d{4}", text) or not re.search(r"[a-zA-Z]{3}", text):
        return None
    try:
        moment = du_parser.parse(text, tzinfos=_TZINFOS)
    except (ValueError, OverflowError, TypeError):
        return None
    return Moment(moment) if re.search(r"\d:\d", text) else Moment(moment.date())


def _parse_offset(zone: str) -> timezone:
    if zone.upper() == "Z":
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)))


def parse_iso(value: str | None, *, default_tz: tzinfo | None = None) -> datetime | None:
    """An ISO-ish machine date (JSON-LD, meta, ``<time datetime>``). Naive values get ``default_tz``."""
    if not value or not _ISO_HINT_RE.match(value.strip()):
        return None
    moment = parse_machine(value)
    if moment is None or not isinstance(moment.value, datetime):
        if moment is not None:
            return datetime(moment.value.year, moment.value.month, moment.value.day, tzinfo=default_tz)
        return None
    if moment.value.tzinfo is None and default_tz is not None:
        return moment.with_zone(default_tz).value  # type: ignore[return-value]
    return moment.value


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


def parse_visible(text: str | None) -> Moment | None:
    """A printed date: ``22/10/2025, 19:25 (GMT+7)``, ``01. April 2025, 15:25``, ``April 25, 2024 4:21 pm``.

    Numeric dates are read day first. A printed ``GMT+7`` gives the offset; otherwise the result is
    naive (the caller completes it from the page's zone).
    """
    if not text or len(text) > 300:
        return None
    offset = _GMT_OFFSET_RE.search(text)
    tz = None
    if offset:
        sign = 1 if offset.group(1) == "+" else -1
        tz = timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))
    found: tuple[int, int, int, str | None, str | None] | None = None
    if match := _DMY_RE.search(text):
        day, month, year, hour, minute, _ = match.groups()
        found = (int(year), int(month), int(day), hour, minute)
    elif match := _DMY_SHORT_RE.search(text):  # "Do 25.04.24 | 14:07 Uhr": a two-digit year needs a time
        day, month, year, hour, minute = match.groups()
        found = (2000 + int(year), int(month), int(day), hour, minute)
    elif match := _DAY_MONTH_YEAR_RE.search(text):
        day, month_name, year, hour, minute = match.groups()
        found = (int(year), _MONTH_NUMBER[month_name.lower()], int(day), hour, minute)
    elif match := _MONTH_DAY_YEAR_RE.search(text):
        month_name, day, year, hour, minute, meridiem = match.groups()
        if hour is not None and meridiem:
            hour = str(int(hour) % 12 + (12 if meridiem.lower().startswith("p") else 0))
        found = (int(year), _MONTH_NUMBER[month_name.lower()], int(day), hour, minute)
    if found is None:
        return None
    year, month, day, hour, minute = found
    try:
        if hour is None:
            return Moment(date(year, month, day))
        return Moment(datetime(year, month, day, int(hour), int(minute), tzinfo=tz))
    except ValueError:
        return None


def zone_of_host(host: str | None) -> tzinfo | None:
    """The zone of a site's country code (``vnexpress.net`` has none; ``faz.de`` is Europe/Berlin)."""
    if not host:
        return None
    tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
    name = COUNTRY_ZONES.get(tld)
    return ZoneInfo(name) if name else None


def day_in_zone(day: date, tz: tzinfo = VIETNAM_TZ) -> str:
    """A day-precision date with its zone and no invented time of day: ``2023-05-24+07:00``.

    This is the XML Schema / schema.org ``Date`` form with a timezone: the page gave a
    calendar day in local time, so that is all the record claims.
    """
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=tz).isoformat()[-6:]
    return f"{day.isoformat()}{offset}"
