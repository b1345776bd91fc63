from __future__ import annotations

from datetime import UTC, date

import pytest

from crawler.window import VIETNAM_TZ, DateWindow, WindowError, parse_timestamp, parse_timezone

WINDOW = DateWindow(date(2026, 11, 21), date(2026, 11, 23), VIETNAM_TZ)


@pytest.mark.parametrize(("raw", "day"), [
    ("2026-11-20T16:59:59.999Z", date(2026, 11, 20)),  # 23:59 in Vietnam
    ("2026-11-20T17:00:00.000Z", date(2026, 11, 21)),  # midnight in Vietnam
    ("2026-11-23T10:00:00+07:00", date(2026, 11, 23)),
    ("2026-11-23T10:00:00", date(2026, 11, 23)),  # naive: taken as window-zone local
    ("2026-11-22", date(2026, 11, 22)),
    ("Sun, 22 Nov 2026 20:00:00 GMT", date(2026, 11, 23)),  # RSS pubDate
    ("not a date", None),
    (None, None),
])
def test_day_of_converts_to_the_window_zone(raw, day):
    assert WINDOW.day_of(raw) == day


def test_window_bounds_are_inclusive():
    assert date(2026, 11, 21) in WINDOW and date(2026, 11, 23) in WINDOW
    assert date(2026, 11, 20) not in WINDOW and date(2026, 11, 24) not in WINDOW
    wide = WINDOW.widened(1)
    assert (wide.since, wide.until) == (date(2026, 11, 20), date(2026, 11, 24))


def test_defaults_are_the_last_two_days():
    window = DateWindow.from_args(None, None, tz=VIETNAM_TZ, today=date(2026, 11, 23))
    assert (window.since, window.until) == (date(2026, 11, 22), date(2026, 11, 23))
    only_since = DateWindow.from_args("2026-11-01", None, tz=VIETNAM_TZ, today=date(2026, 11, 23))
    assert (only_since.since, only_since.until) == (date(2026, 11, 1), date(2026, 11, 23))


@pytest.mark.parametrize(("since", "until"), [("21/11/2026", None), ("2026-11-23", "2026-11-21"), (None, "x")])
def test_bad_windows_raise(since, until):
    with pytest.raises(WindowError):
        DateWindow.from_args(since, until, tz=VIETNAM_TZ)


def test_time_zones():
    assert parse_timezone("UTC") is UTC
    assert parse_timezone("+07:00").utcoffset(None).total_seconds() == 7 * 3600
    assert str(parse_timezone("Asia/Ho_Chi_Minh")) == "Asia/Ho_Chi_Minh"
    with pytest.raises(WindowError):
        parse_timezone("Mars/Olympus")


def test_parse_timestamp_kinds():
    assert parse_timestamp("2026-11-22") == date(2026, 11, 22)
    assert parse_timestamp("2026-07-08T04:04:10.339Z").tzinfo is not None
