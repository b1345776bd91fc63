"""The CMS family profiles (extractors/sites/families.py) and the publishers' thin profiles on them, on
their real fixture pages and variants of them."""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from extractors.fixtures import discover
from extractors.registry import get_publisher
from extractors.sites.families import VccorpCms, ZceCms

FIXTURES = {f.site: f for f in discover(Path(__file__).parent / "fixtures")}


def record(site: str, html: str):
    fixture = FIXTURES[site]
    found = extract(html, fixture.url, fetched_at=fixture.fetched_at)
    assert found is not None
    return found


def test_the_families_profiles():
    vccorp = {"cafef", "soha", "genk", "tuoitre", "thanhnien", "nld", "baochinhphu", "vtv"}
    zce = {"nhandan", "vietnamplus", "tienphong", "vietnamplus_en"}
    assert {name for name in vccorp if issubclass(get_publisher(name).profile, VccorpCms)} == vccorp
    assert {name for name in zce if issubclass(get_publisher(name).profile, ZceCms)} == zce


def test_vccorp_body_keeps_the_sapo_and_the_source_box_out():
    page = record("cafef", FIXTURES["cafef"].html())
    assert page.articleBody.startswith("Gửi kiến nghị tới Bộ Tài chính")
    assert "Link bài gốc" not in page.articleBody and page.metadata.warnings == []
    assert page.sourceOrganization is not None and page.sourceOrganization.name == "Đại Đoàn kết"


def test_vccorp_without_its_body_element_reads_generically_and_says_so():
    """A layout change (the selector finds nothing): the data keeps flowing, the record warns (drift alarm)."""
    html = FIXTURES["cafef"].html().replace('data-role="content"', 'data-role="text"')
    page = record("cafef", html.replace('class="detail-content afcbc-body"', 'class="text-body"'))
    assert page.articleBody and "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026." in page.articleBody
    assert "profile_fallback:body" in page.metadata.warnings


def test_zce_byline_is_the_author_and_no_body():
    page = record("nhandan", FIXTURES["nhandan"].html())
    assert [(a.name, a.type) for a in page.authors] == [("TP", "Person")]
    assert not page.articleBody.endswith("TP")


def test_zce_without_a_byline_falls_back_to_the_generic_credits():
    page = record("nhandan", FIXTURES["nhandan"].html().replace("article__author", "article__signature"))
    assert [a.name for a in page.authors] == ["Báo Nhân Dân điện tử"]  # the generic reading (JSON-LD)
    assert "profile_fallback:authors" in page.metadata.warnings


def test_vccorp_pays_on_a_site_it_was_not_written_for():
    """On soha's real page generic kept the sapo and the footer boxes in the body, gave the photo the
    video's caption (split inside 'cảnh') and missed the clip."""
    page = record("soha", FIXTURES["soha"].html())
    assert page.articleBody.startswith("Vào khoảng 18h ngày 19/7")
    assert not any(text in page.articleBody for text in ("Chọn SOHA", "Link bài gốc", "Đường dây nóng"))
    assert [(image.caption, image.credit) for image in page.images] == [("Hiện trường vụ việc", None)]
    assert [video.caption for video in page.videos] == ["Clip người dân ghi lại cảnh xe ô tô cháy khi dừng xử lý sự cố"]


def test_the_profiles_say_nothing_fell_back_on_their_own_pages():
    for site in ("cafef", "genk", "soha", "nhandan", "tienphong"):
        assert record(site, FIXTURES[site].html()).metadata.warnings == [], site
