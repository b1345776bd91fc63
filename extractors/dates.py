"""Dates: machine values (JSON-LD, meta, ``<time datetime>``), printed dates (day first) and URL dates.

Never fills a missing part from today (the newspaper4k#575 bug) and never invents a time of day: inside
the extractor a page that prints only a day gives a day with its zone (``2023-05-24+07:00``); the record
writes every date in one form, ``YYYY-MM-DDThh:mm:ss±hh:mm`` (:func:`record_form`), that day as
``2023-05-24T00:00:00+07:00`` with precision ``"day"``. A value without an offset gets one only from
evidence: the same instant given elsewhere on the page with an offset, another date of the page with an
offset, or the site's country (its host, else its language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from dateutil import parser as du_parser

VIETNAM_TZ = timezone(timedelta(hours=7), "ICT")

_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)(?:\D{0,4}?(\d{1,2})[:hg](\d{2})(?::(\d{2}))?)?")
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
    "la": "Asia/Vientiane", "bg": "Europe/Sofia", "hr": "Europe/Zagreb", "si": "Europe/Ljubljana",
    "gb": "Europe/London",
}
MONTHS = {
    # en, de, fr, es, it, pt, nl, nordic, pl, cs, tr, ru, ro, hu, ar: the month names newspapers print.
    1: "ianuarie január يناير january jan januar jänner janvier janv enero ene gennaio gen janeiro "
       "januari styczeń stycznia leden ledna ocak января январь",
    2: "februarie február فبراير february feb februar feber février févr fevr febrero febbraio "
       "fevereiro fev februari luty lutego únor února şubat февраля февраль",
    3: "martie március مارس march mar märz mars marzo março maart marts marzec marca březen března "
       "mart марта март",
    4: "aprilie április أبريل إبريل april apr avril avr abril abr aprile kwiecień kwietnia duben "
       "dubna nisan апреля апрель",
    5: "mai május مايو may mayo maggio mag maio mei maj maja květen května mayıs мая май",
    6: "iunie június يونيو june jun juni juin junio giugno giu junho czerwiec czerwca červen června "
       "haziran июня июнь",
    7: "iulie július يوليو july jul juli juillet juil julio luglio lug julho lipiec lipca červenec "
       "července temmuz июля июль",
    8: "augusztus أغسطس august aug août agosto ago augustus augusti sierpień sierpnia srpen srpna "
       "ağustos августа август",
    9: "septembrie szeptember سبتمبر september sep sept septembre septiembre settembre set setembro "
       "wrzesień września září eylül сентября сентябрь",
    10: "octombrie október أكتوبر october oct oktober okt octobre octubre ottobre ott outubro out "
        "październik października říjen října ekim октября октябрь",
    11: "noiembrie نوفمبر november nov novembre noviembre novembro listopad listopada kasım ноября "
        "ноябрь",
    12: "decembrie ديسمبر december dec dezember dez décembre déc diciembre dic dicembre dezembro "
        "grudzień grudnia prosinec prosince aralık декабря декабрь",
}
_MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names.split()}
_MONTH_ALT = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
# A time of day after a date ("22/10/2025, 19:25", "April 25, 2024 at 4:21 pm", "15.2.2018 um 19:51 Uhr")
# and before one ("19:25 22/10/2025", "07:30 | 21/11/2026", "10:05 ngày 7/3/2026").
_TIME = r"(\d{1,2})(?::|\s?[hg]\s?)(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?"
_TIME_AFTER_RE = re.compile(rf"[^\d\n]{{0,9}}?(?<![\d.]){_TIME}", re.IGNORECASE)
_TIME_BEFORE_RE = re.compile(rf"(?<![\d.:]){_TIME}\s*(?:uhr\s*)?[,|\-–—/]?\s*(?:ngày\s*|le\s*|am\s*)?$", re.IGNORECASE)
# Dates as printed. Each names the groups year, month (a number or a name), day.
_PRINTED_RES = (
    # 22/10/2025, 25.01.2022, 5. 1. 2022, 7-3-2026: day first
    re.compile(r"(?<![\d.,/-])(?P<day>\d{1,2})(?P<sep>\.\s?|/|-)(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})"
               r"(?![\d/-])"),
    # 2022-01-05, 2022/01/05, 2022.01.05: year first
    re.compile(r"(?<![\d.,/-])(?P<year>(?:19|20)\d{2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
               r"(?![\d/-])"),
    # 2020年7月13日, 2020년 3월 4일
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})"),
    # ngày 7 tháng 3 năm 2026, 7 tháng 3, 2026
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s*(?:,|năm)\s*(?P<year>(?:19|20)\d{2})",
               re.IGNORECASE),
    # 5. Januar 2022, 5 de enero de 2022, 1er mars 2024, 5th January 2022, 5 января 2022 г.
    re.compile(rf"(?<![\d.])(?P<day>\d{{1,2}})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+)?(?P<month>{_MONTH_ALT})\.?,?\s+"
               r"(?:de\s+)?(?P<year>(?:19|20)\d{2})(?!\d)", re.IGNORECASE),
    # 2020. október 7. (Hungarian: year first)
    re.compile(rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\.\s*(?P<month>{_MONTH_ALT})\s+(?P<day>\d{{1,2}})\.", re.IGNORECASE),
    # January 5, 2022, Jan. 5th 2022
    re.compile(rf"(?<![^\W\d_])(?P<month>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
               r"(?P<year>(?:19|20)\d{2})(?!\d)", re.IGNORECASE),
)
# Do 25.04.24 | 14:07 Uhr: a two-digit year only with a time of day.
_DMY_SHORT_RE = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2})(?![\d.])")


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
            return Moment(self.value.replace(tzinfo=fixed_offset(tz, self.value)))
        return self

    def same_wall_clock(self, other: Moment) -> bool:
        if not (isinstance(self.value, datetime) and isinstance(other.value, datetime)):
            return False
        return abs((self.value.replace(tzinfo=None) - other.value.replace(tzinfo=None)).total_seconds()) < 60

    def same_instant(self, other: Moment) -> bool:
        if not (self.has_offset and other.has_offset):
            return False
        return abs((self.value - other.value).total_seconds()) < 60  # type: ignore[operator]

    def iso(self, day_zone: tzinfo | None) -> str:
        """ISO 8601; a day with a known zone as ``2023-05-24+07:00``."""
        if isinstance(self.value, datetime):
            return to_iso(self.value)
        return day_in_zone(self.value, day_zone) if day_zone is not None else self.value.isoformat()


def offset_between(instant: datetime, wall_clock: datetime) -> timezone | None:
    """The offset at which ``instant`` reads as ``wall_clock`` (a naive time the page prints for it):
    a real zone's (a quarter-hour step within UTC-12..UTC+14), to the minute; ``None`` when there is none."""
    if instant.tzinfo is None or wall_clock.tzinfo is not None:
        return None
    difference = (wall_clock - instant.astimezone(UTC).replace(tzinfo=None)).total_seconds()
    steps = round(difference / 900)
    if not -48 <= steps <= 56 or abs(difference - steps * 900) >= 60:
        return None
    return timezone(timedelta(minutes=15 * steps))


def fixed_offset(tz: tzinfo, moment: datetime) -> timezone:
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
        tz = printed_offset(text) or default_tz
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz)
    except ValueError:
        return None


def printed_offset(text: str) -> timezone | None:
    """The offset a text prints (``(GMT+7)``, ``UTC-05:00``); ``None`` when it prints none or no real one."""
    offset = _GMT_OFFSET_RE.search(text)
    if offset is None or int(offset.group(2)) > 14 or int(offset.group(3) or 0) > 59:
        return None
    sign = 1 if offset.group(1) == "+" else -1
    return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))


@dataclass(frozen=True, slots=True)
class Printed:
    """A date found in a text: the value (naive unless the text prints ``GMT+7``) and where it stands."""

    moment: Moment
    start: int
    end: int


def printed_dates(text: str, *, month_first: bool = False) -> list[Printed]:
    """Every printed date in ``text``, in order, with its time of day when one stands beside it.

    Numeric dates are read day first (``month_first`` for pages in US English); a reading that cannot
    be a date is tried the other way round (``11/28/2023``). A two-digit year counts only with a time.
    """
    found: list[Printed] = []
    taken: list[tuple[int, int]] = []
    tz = printed_offset(text)
    for pattern in (*_PRINTED_RES, _DMY_SHORT_RE):
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            after = _TIME_AFTER_RE.match(text, match.end())
            before = None if after else _TIME_BEFORE_RE.search(text, max(0, match.start() - 24), match.start())
            if pattern is _DMY_SHORT_RE and after is None:
                continue
            moment = _printed_moment(match, after or before, tz, month_first and pattern is _PRINTED_RES[0])
            if moment is None:
                continue
            start = before.start() if before else match.start()
            found.append(Printed(moment, start, after.end() if after else match.end()))
            taken.append((start, found[-1].end))
    return sorted(found, key=lambda printed: printed.start)


def _printed_moment(match: re.Match[str], clock: re.Match[str] | None, tz: tzinfo | None,
                    month_first: bool) -> Moment | None:
    parts = match.groupdict()
    year = int(parts["year"]) if len(parts["year"]) == 4 else 2000 + int(parts["year"])
    day = int(parts["day"])
    month = int(parts["month"]) if parts["month"].isdigit() else _MONTH_NUMBER[parts["month"].lower()]
    if parts["month"].isdigit() and (month_first or month > 12) and day <= 12:
        day, month = month, day
    try:
        if clock is None:
            return Moment(date(year, month, day))
        hour, minute, second, meridiem = clock.groups()
        hour_of_day = int(hour)
        if meridiem:
            if hour_of_day > 12:
                return Moment(date(year, month, day))
            hour_of_day = hour_of_day % 12 + (12 if meridiem.lower() == "p" else 0)
        if hour_of_day > 23 or int(minute) > 59:
            return Moment(date(year, month, day))
        return Moment(datetime(year, month, day, hour_of_day, int(minute), int(second or 0), tzinfo=tz))
    except ValueError:
        return None


def parse_visible(text: str | None, *, month_first: bool = False) -> Moment | None:
    """The first printed date of a short text: ``22/10/2025, 19:25 (GMT+7)``, ``01. April 2025, 15:25``,
    ``April 25, 2024 4:21 pm``. A printed ``GMT+7`` gives the offset; otherwise the result is naive (the
    caller completes it from the page's zone)."""
    if not text or len(text) > 300:
        return None
    found = printed_dates(text, month_first=month_first)
    return found[0].moment if found else None


_URL_DATE_RES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"),  # /2022/01/05/
    re.compile(r"(?<![\d])((?:19|20)\d{2})[-_/]?(\d{2})[-_/]?(\d{2})(?!\d)"),  # -20220105, /2022-01-05-
    # -20231125081530123.htm (Dân trí, Tuổi Trẻ...): a timestamp ID, a date only when its clock is a real one
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d\d{0,3}(?!\d)"),
)


def url_date(url: str, *, not_after: date | None = None) -> date | None:
    """The day a URL's path states (``/2022/01/05/``, ``-20220105``, ``/2022-01-05-``); ``None`` when it
    states none or a number merely looks like one (an ID: a day after ``not_after`` or before 1995)."""
    path = urlsplit(url).path
    for pattern in _URL_DATE_RES:
        for match in pattern.finditer(path):
            try:
                day = date(*(int(part) for part in match.groups()))
            except ValueError:
                continue
            if day.year >= 1995 and (not_after is None or day <= not_after):
                return day
    return None


def zone_of_host(host: str | None) -> tzinfo | None:
    """The zone of a site's country code (``vnexpress.net`` has none; ``faz.de`` is Europe/Berlin)."""
    if not host:
        return None
    tld = host.lower().rstrip(".").rsplit(".", 1)[-1]
    name = COUNTRY_ZONES.get(tld)
    return ZoneInfo(name) if name else None


# Languages spoken in one time zone's country: the zone of a page whose host and dates name none.
LANGUAGE_COUNTRY = {"vi": "vn", "ko": "kr", "ja": "jp", "th": "th", "he": "il", "el": "gr", "hu": "hu",
                    "cs": "cz", "sk": "sk", "pl": "pl", "tr": "tr", "da": "dk", "fi": "fi", "nb": "no", "nn": "no",
                    "no": "no", "sv": "se", "it": "it", "nl": "nl", "de": "de", "ro": "ro", "bg": "bg", "hr": "hr",
                    "sl": "si", "uk": "ua", "km": "kh", "lo": "la", "id": "id", "ms": "my", "tl": "ph"}


def zone_of_language(lang: str | None) -> tzinfo | None:
    """The zone a page's language tag names: its region when it gives one (``de-AT``, ``vi_VN``), else the
    one country of a language spoken in one zone (``vi``, ``de``); ``None`` for ``en``, ``es``, ``fr``..."""
    if not lang:
        return None
    language, _, region = lang.strip().lower().replace("_", "-").partition("-")
    country = region[:2] if len(region) == 2 else LANGUAGE_COUNTRY.get(language)
    return zone_of_host(f"x.{country}") if country else None


def day_in_zone(day: date, tz: tzinfo = VIETNAM_TZ) -> str:
    """A day-precision date with its zone and no invented time of day: ``2023-05-24+07:00``.

    This is the XML Schema / schema.org ``Date`` form with a timezone: the page gave a
    calendar day in local time, so that is all the record claims.
    """
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=tz).isoformat()[-6:]
    return f"{day.isoformat()}{offset}"


Precision = Literal["day", "minute", "second"]
_DAY_FORM_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})([+-]\d{2}:\d{2}|Z)?$")
_RAW_SECONDS_RE = re.compile(r"\d:\d{2}:\d{2}")


def record_form(value: str | None, raw: str | None = None) -> tuple[str | None, Precision | None]:
    """A date as the record writes it, Zyte's form ``YYYY-MM-DDThh:mm:ss±hh:mm`` (``datetime.fromisoformat``
    reads it), and how much of it the page gave: ``"day"`` (the time is unknown: ``T00:00:00`` in the day's
    zone, never a guessed time), ``"minute"`` or ``"second"`` (seconds given, by the value or its raw form).
    A value the page gave no zone for at all is written in UTC (``+00:00``)."""
    if not value:
        return None, None
    day = _DAY_FORM_RE.match(value.strip())
    if day:
        zone = day.group(2) or "+00:00"
        return f"{day.group(1)}T00:00:00{'+00:00' if zone == 'Z' else zone}", "day"
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None, None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = moment.second or (raw is not None and _RAW_SECONDS_RE.search(raw) is not None)
    return to_iso(moment), "second" if seconds else "minute"

