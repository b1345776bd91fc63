"""Dates: printed dates chosen by the headline, URL dates, the page's own offset, the sitemap's date as the
last resort, and the record's one form (YYYY-MM-DDThh:mm:ss±hh:mm) with its precision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from extractors import dates, extract, validation_errors

FETCHED = datetime(2026, 12, 1, tzinfo=UTC)
TEXT = ("Người dân và du khách đổ về trung tâm thành phố từ sáng sớm để xem lễ hội, trong khi chính quyền "
        "tăng cường lực lượng giữ trật tự và hướng dẫn giao thông trên các tuyến phố chính. ")
BODY = "".join(f"<p>{TEXT * 2}</p>" for _ in range(4))


def page(header: str = "", *, lang: str = "vi", head: str = "", after: str = "", title: str = "Lễ hội mùa thu") -> str:
    """An article page: ``header`` under the headline, ``after`` after the body."""
    return (f'<html lang="{lang}"><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>'
            f'{header}{BODY}</article>{after}</body></html>')


def record(html: str, url: str = "https://example.com/tin/le-hoi-mua-thu", **kwargs):  # type: ignore[no-untyped-def]
    article = extract(html, url, fetched_at=FETCHED, **kwargs)
    assert article is not None
    assert validation_errors(article.to_dict()) == []
    return article


def published(html: str, url: str = "https://example.com/tin/le-hoi-mua-thu", **kwargs) -> tuple:  # type: ignore[type-arg]
    article = record(html, url, **kwargs)
    return article.datePublished, article.metadata.datePublishedPrecision


# ----- printed dates ------------------------------------------------------------------------------

def test_a_printed_vietnamese_date_with_its_time_and_offset() -> None:
    html = page('<div class="header-content"><span>Thứ bảy, 7/3/2026, 00:05 (GMT+7)</span></div>')
    assert published(html) == ("2026-03-07T00:05:00+07:00", "minute")


def test_a_day_first_numeric_date_in_the_pages_zone() -> None:
    # 21/11/2026 is 21 November; <html lang="vi"> puts the page in Vietnam (example.com names no country)
    assert published(page('<p class="meta">Ngày đăng: 21/11/2026</p>')) == ("2026-11-21T00:00:00+07:00", "day")
    assert published(page('<p class="meta">Ngày đăng: 05/01/2026</p>')) == ("2026-01-05T00:00:00+07:00", "day")


def test_a_dotted_german_date() -> None:
    html = page('<div class="byline">Von Anna Schmidt | 25.01.2022</div>', lang="de")
    assert published(html, "https://www.zeitung.de/politik/artikel") == ("2022-01-25T00:00:00+01:00", "day")


@pytest.mark.parametrize(("printed", "lang", "expected"), [
    ("Published January 5, 2022", "en", "2022-01-05"),
    ("Jan. 5th, 2022 at 4:21 p.m.", "en", "2022-01-05T16:21:00"),
    ("Veröffentlicht am 5. Januar 2022, 10:15 Uhr", "de", "2022-01-05T10:15:00"),
    ("Publié le 5 janvier 2022", "fr", "2022-01-05"),
    ("ngày 5 tháng 1 năm 2022", "vi", "2022-01-05"),
])
def test_dates_with_month_names(printed: str, lang: str, expected: str) -> None:
    value, precision = published(page(f'<div class="date">{printed}</div>', lang=lang))
    assert value is not None and value.startswith(expected)
    assert precision == ("minute" if "T" in expected else "day")


def test_the_date_by_the_headline_not_a_comments_or_a_related_articles() -> None:
    comments = ('<section class="comments"><div class="comment"><b>Lan</b> 09/03/2026 10:00 '
                '<p>Hay quá!</p></div></section>')
    related = '<ul class="related-news"><li><a href="/b">Tin khác</a> <span class="date">01/03/2026</span></li></ul>'
    html = page('<div class="date">Thứ bảy, 7/3/2026</div>', after=related + comments)
    assert published(html)[0] == "2026-03-07T00:00:00+07:00"
    # no date of the article's own: the comment's and the related item's dates are not its date
    assert published(page(after=related + comments))[0] is None


def test_published_label_beats_updated_label() -> None:
    html = page('<div class="meta"><span>Cập nhật: 08/03/2026 09:00</span> <span>Ngày đăng: 07/03/2026 08:00</span>'
                '</div>')
    assert published(html)[0] == "2026-03-07T08:00:00+07:00"


def test_a_date_in_running_text_is_not_the_articles() -> None:
    html = page(f"<p>{TEXT} Lễ hội năm trước diễn ra ngày 12/10/2025 và thu hút nhiều khách.</p>")
    assert published(html)[0] is None


# ----- URL dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "day"), [
    ("https://example.com/2022/01/05/le-hoi-mua-thu/", "2022-01-05"),
    ("https://example.com/tin/le-hoi-mua-thu-20220105.html", "2022-01-05"),
    ("https://example.com/2022-01-05-le-hoi-mua-thu", "2022-01-05"),
    ("https://dantri.com.vn/xa-hoi/le-hoi-mua-thu-20231125081530123.htm", "2023-11-25"),  # a timestamp ID
    ("https://vnexpress.net/le-hoi-mua-thu-4512345.html", None),  # an article ID, not a date
    ("https://example.vn/le-hoi-20231125991530123.htm", None),  # no real clock: an ID
    ("https://example.com/tin/19991299-le-hoi", None),  # no such day
])
def test_the_urls_date_when_the_page_prints_none(url: str, day: str | None) -> None:
    value, precision = published(page(), url)
    assert (value[:10] if value else None) == day
    assert precision == ("day" if day else None)


def test_url_dates_after_a_printed_date_and_agreeing_ones_preferred() -> None:
    assert dates.url_date("https://example.com/2026/03/07/x", not_after=FETCHED.date()).isoformat() == "2026-03-07"
    assert dates.url_date("https://example.com/2030/03/07/x", not_after=FETCHED.date()) is None  # after the fetch
    html = page('<div class="date">06/03/2026</div><div class="date">07/03/2026</div>')
    assert published(html, "https://example.com/2026/03/07/le-hoi")[0] == "2026-03-07T00:00:00+07:00"


# ----- the page's own offset ----------------------------------------------------------------------

def test_the_offset_comes_from_the_page_when_the_host_names_no_country() -> None:
    head = '<meta property="article:published_time" content="2025-10-22T19:25:52">'
    # vnexpress.net: no country code; <html lang="vi"> says Vietnam
    assert published(page(head=head), "https://vnexpress.net/le-hoi-4512345.html")[0] == "2025-10-22T19:25:52+07:00"
    assert published(page(head=head, lang="vi-VN"), "https://news.example.org/a")[0] == "2025-10-22T19:25:52+07:00"


def test_a_utc_instant_is_shown_in_the_offset_the_page_prints_it_in() -> None:
    head = '<meta property="article:published_time" content="2023-11-09T01:49:09Z">'
    html = page('<div class="byline">By Jane Li | November 8, 2023 at 5:49 p.m.</div>', lang="en", head=head)
    value, precision = published(html, "https://news.example.com/story")
    assert (value, precision) == ("2023-11-08T17:49:09-08:00", "second")
    assert datetime.fromisoformat(value) == datetime(2023, 11, 9, 1, 49, 9, tzinfo=UTC)  # the same instant


# ----- the sitemap's date -------------------------------------------------------------------------

def test_the_listed_date_only_when_the_page_gives_none() -> None:
    listed = "2026-11-21T08:30:00+07:00"
    assert published(page(), listed_date=listed) == (listed, "second")
    assert published(page(), listed_date="2026-11-21") == ("2026-11-21T00:00:00+07:00", "day")
    own = page('<div class="date">20/11/2026</div>')
    assert published(own, listed_date=listed) == ("2026-11-20T00:00:00+07:00", "day")  # the page's own day wins
    assert published(own, listed_date="not a date")[0] == "2026-11-20T00:00:00+07:00"


# ----- the record's form --------------------------------------------------------------------------

def test_a_day_only_date_is_midnight_in_its_zone_with_day_precision() -> None:
    article = record(page('<div class="date">24/05/2023</div>'))
    assert article.datePublished == "2023-05-24T00:00:00+07:00"
    assert article.metadata.datePublishedPrecision == "day"
    assert datetime.fromisoformat(article.datePublished).utcoffset().total_seconds() == 7 * 3600  # type: ignore[union-attr]
    no_date = record(page())
    assert (no_date.datePublished, no_date.metadata.datePublishedPrecision) == (None, None)
    old_form = {**article.to_dict(), "datePublished": "2023-05-24+07:00"}
    assert any(error.startswith("datePublished") for error in validation_errors(old_form))


@pytest.mark.parametrize(("value", "raw", "expected"), [
    ("2023-05-24+07:00", "24/05/2023", ("2023-05-24T00:00:00+07:00", "day")),
    ("2023-05-24", None, ("2023-05-24T00:00:00+00:00", "day")),
    ("2023-05-24T10:05:00+07:00", "24/05/2023 10:05", ("2023-05-24T10:05:00+07:00", "minute")),
    ("2023-05-24T10:05:00+07:00", "2023-05-24T10:05:00+07:00", ("2023-05-24T10:05:00+07:00", "second")),
    ("2023-05-24T10:05:07.123+07:00", None, ("2023-05-24T10:05:07+07:00", "second")),
    (None, None, (None, None)),
])
def test_record_form(value: str | None, raw: str | None, expected: tuple) -> None:  # type: ignore[type-arg]
    assert dates.record_form(value, raw) == expected


def test_a_printed_offset_out_of_range_is_ignored_not_raised() -> None:
    assert dates.parse_visible("22/10/2025, 19:25 (GMT+32)") is not None
    assert dates.printed_offset("GMT+32") is None


def test_a_date_in_the_headline_is_its_subject_not_its_date() -> None:
    html = page(title="Giá cà phê hôm nay 21/11/2026")
    assert published(html)[0] is None


def test_the_listed_date_is_marked_so_a_crawl_report_does_not_count_it_as_the_pages() -> None:
    from extractors.record import LISTED_DATE_WARNING

    assert record(page(), listed_date="2026-11-21T08:30:00+07:00").metadata.warnings == [LISTED_DATE_WARNING]
    assert LISTED_DATE_WARNING not in record(page('<div class="date">20/11/2026</div>'),
                                              listed_date="2026-11-21").metadata.warnings


def test_a_crawl_report_counts_only_the_pages_own_dates_as_filled() -> None:
    from crawler.report import CrawlReport

    report = CrawlReport(crawler=None)  # type: ignore[arg-type]  # item_scraped reads only the item
    report.item_scraped(record(page(), listed_date="2026-11-21T08:30:00+07:00").to_dict())
    report.item_scraped(record(page('<div class="date">20/11/2026</div>')).to_dict())
    assert report.written == 2 and report.filled["datePublished"] == 1 and report.filled["headline"] == 2


def test_htmldate_reads_the_day_only_where_ours_finds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractors import htmldate_fallback
    from extractors.record import SECOND_OPINION_DATE_WARNING

    head = '<meta name="DC.date.created" content="2026-03-07">'  # a key our machine dates do not read
    assert published(page(head=head)) == ("2026-03-07T00:00:00+07:00", "day")
    assert record(page(head=head)).metadata.warnings == [SECOND_OPINION_DATE_WARNING]  # said, and not counted
    calls: list[str] = []
    original = htmldate_fallback.publication_day

    def counted(html: str, url: str, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(url)
        return original(html, url, **kwargs)

    monkeypatch.setattr(htmldate_fallback, "publication_day", counted)
    assert published(page('<div class="date">20/11/2026</div>', head=head))[0] == "2026-11-20T00:00:00+07:00"
    assert calls == []  # the page's own date: htmldate never runs
    monkeypatch.setattr(htmldate_fallback, "publication_day", lambda *args, **kwargs: None)
    assert published(page(head=head))[0] is None
