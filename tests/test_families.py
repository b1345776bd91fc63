"""The CMS family profiles (extractors/sites/families.py) on variants of their real fixture pages."""

from __future__ import annotations

from pathlib import Path

from extractors import extract
from extractors.fixtures import discover
from extractors.registry import get_publisher
from extractors.sites.families import CmsTitleFamily, VCCorpFamily

FIXTURES = {f.site: f for f in discover(Path(__file__).parent / "fixtures")}


def record(site: str, html: str):
    fixture = FIXTURES[site]
    found = extract(html, fixture.url, fetched_at=fixture.fetched_at)
    assert found is not None
    return found


def test_the_families_profiles():
    assert {name for name in ("cafef", "soha", "tuoitre", "thanhnien", "nld", "baochinhphu")
            if get_publisher(name).profile is VCCorpFamily} == {"cafef", "soha", "tuoitre", "thanhnien", "nld", "baochinhphu"}
    assert {name for name in ("nhandan", "vietnamplus", "tienphong", "vietnamplus_en")
            if get_publisher(name).profile is CmsTitleFamily} == {"nhandan", "vietnamplus", "tienphong", "vietnamplus_en"}


def test_vccorp_body_keeps_the_sapo_and_the_source_box_out():
    page = record("cafef", FIXTURES["cafef"].html())
    assert page.articleBody.startswith("Gửi kiến nghị tới Bộ Tài chính")
    assert "Link bài gốc" not in page.articleBody and page.metadata.warnings == []


def test_vccorp_without_its_body_element_reads_generically_and_says_so():
    """A layout change (the selector finds nothing): the data keeps flowing, the record warns (drift alarm)."""
    page = record("cafef", FIXTURES["cafef"].html().replace('data-role="content"', 'data-role="text"'))
    assert page.articleBody and "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026." in page.articleBody
    assert page.metadata.warnings == ['no [data-role="content"]: generic content scoring used']


def test_cms_title_byline_is_the_author_and_no_body():
    page = record("nhandan", FIXTURES["nhandan"].html())
    assert [(a.name, a.type) for a in page.authors] == [("TP", "Person")]
    assert not page.articleBody.endswith("TP")


def test_cms_title_without_a_byline_falls_back_to_the_generic_credits():
    page = record("nhandan", FIXTURES["nhandan"].html().replace("article__author", "article__signature"))
    assert [a.name for a in page.authors] == ["Báo Nhân Dân điện tử"]  # the generic reading (JSON-LD)


def test_vccorp_pays_on_a_site_it_was_not_written_for():
    """Written for cafef; on soha's real page generic kept the sapo and the footer boxes in the body."""
    page = record("soha", FIXTURES["soha"].html())
    assert page.articleBody.startswith("Vào khoảng 18h ngày 19/7")
    assert not any(text in page.articleBody for text in ("Chọn SOHA", "Link bài gốc", "Đường dây nóng"))
