"""The thin vnexpress and vtv profiles, on variants of the real pages saved as fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import Article, extract, page_class_for
from extractors.fixtures import discover
from extractors.sites.vnexpress import VnExpressPage
from extractors.sites.vtv import VtvPage

# The variants are of these pages (each site has more than one fixture).
FIXTURES = {f.site: f for f in discover(Path(__file__).parent / "fixtures")
            if f.id in ("vnexpress/vnexpress_2025_10_22_lymphoma_ruot_non", "vtv/vtv_2026_06_25_bai_rac_tan_lap")}
VNEXPRESS = FIXTURES["vnexpress"]
VTV = FIXTURES["vtv"]
BYLINE = '<p class="Normal" style="text-align:right;"><strong>Lê Phương</strong></p>'


def article(fixture_site: str, html: str) -> Article:
    fixture = FIXTURES[fixture_site]
    found = extract(html, fixture.url, fetched_at=fixture.fetched_at)
    assert found is not None
    return found


@pytest.mark.parametrize(("url", "page"), [("https://vnexpress.net/x-4954454.html", VnExpressPage),
                                           ("https://e.vnexpress.net/news/x-4954454.html", VnExpressPage),
                                           ("https://vtv.vn/x-100260624162946883.htm", VtvPage)])
def test_registered(url: str, page: type) -> None:
    assert page_class_for(url) is page


def test_vnexpress_two_reporters_in_one_byline() -> None:
    html = VNEXPRESS.html()
    assert BYLINE in html
    record = article("vnexpress", html.replace(BYLINE, BYLINE.replace("Lê Phương", "Lê Phương - Thu Hà")))
    assert [(a.name, a.nameRaw) for a in record.authors] == [("Lê Phương", "Lê Phương - Thu Hà"),
                                                              ("Thu Hà", "Lê Phương - Thu Hà")]
    assert "Thu Hà" not in record.articleBody


def test_vnexpress_without_byline_has_no_author_rather_than_the_site_name() -> None:
    record = article("vnexpress", VNEXPRESS.html().replace(BYLINE, ""))
    assert record.authors == []
    assert len(record.body) == 5


def test_vtv_video_and_description() -> None:
    record = article("vtv", VTV.html())
    assert [v.url.rsplit("/", 1)[-1] for v in record.videos] == ["bai-rac-tan-lap-edt-60413941800356748704298.mp4"]
    assert record.description is not None and record.description.startswith("Sau hơn 3 năm")


def test_vtv_only_video_stream_blocks_are_videos() -> None:
    html = VTV.html().replace('type="VideoStream"', 'type="Photo"', 1)
    assert article("vtv", html).videos == []
