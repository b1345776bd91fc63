"""Every fixture page against its hand-reviewed expected record: one test per fixture per field.

Also per fixture: the strings that must never reach a text field (its meta's ``must_not_contain``)
and those that must stay out of the body (``not_in_body``: captions, credits, the source line); the
expected record valid under the JSON Schema; the expected file in its canonical form (keys sorted,
Vietnamese unescaped and NFC). After a deliberate change, ``python -m extractors refresh`` rewrites
the expected files and ``git diff`` shows what changed, for review.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extractors import validation_errors
from extractors.fixtures import CAPTURE_KINDS, Fixture, discover, dumps_record, text_values
from extractors.record import ARTICLE_FIELDS

ROOT = Path(__file__).parent / "fixtures"
# tests/fixtures/portal/ is the crawler's copy of a site, not extractor fixtures.
FIXTURES = [fixture for fixture in discover(ROOT) if fixture.site != "portal"]
ARTICLES = [fixture for fixture in FIXTURES if fixture.expected() is not None]
NOT_ARTICLES = [fixture for fixture in FIXTURES if fixture.expected() is None]


def _ids(fixture: Fixture) -> str:
    return fixture.id


@cache
def _current(fixture_id: str) -> dict[str, Any] | None:
    """One extraction per fixture, shared by its per-field tests."""
    return next(f for f in FIXTURES if f.id == fixture_id).current()


def test_fixture_set_is_complete() -> None:
    sites = {fixture.site for fixture in FIXTURES}
    assert {"vietnam_vn", "vnexpress", "vtv"} <= sites
    assert len(NOT_ARTICLES) >= 1, "a listing page must be among the fixtures"
    assert {f.meta["capture"] for f in FIXTURES} == set(CAPTURE_KINDS)


@pytest.mark.parametrize(
    ("fixture", "field"),
    [(fixture, field) for fixture in ARTICLES for field in ARTICLE_FIELDS],
    ids=[f"{fixture.id}:{field}" for fixture in ARTICLES for field in ARTICLE_FIELDS],
)
def test_field(fixture: Fixture, field: str) -> None:
    current = _current(fixture.id)
    assert current is not None, f"{fixture.id} is no longer extracted as an article"
    assert current[field] == fixture.expected()[field]  # type: ignore[index]


@pytest.mark.parametrize("fixture", NOT_ARTICLES, ids=_ids)
def test_not_an_article(fixture: Fixture) -> None:
    assert _current(fixture.id) is None


@pytest.mark.parametrize("fixture", ARTICLES, ids=_ids)
def test_must_not_contain(fixture: Fixture) -> None:
    record = _current(fixture.id)
    assert record is not None
    leaks = [(path, banned) for path, value in text_values(record) for banned in fixture.must_not_contain
             if banned in value]
    assert leaks == []


@pytest.mark.parametrize("fixture", ARTICLES, ids=_ids)
def test_not_in_body(fixture: Fixture) -> None:
    record = _current(fixture.id)
    assert record is not None and record["articleBody"]
    texts = [record["articleBody"], *(block["text"] for block in record["body"])]
    leaks = [banned for banned in fixture.meta.get("not_in_body", []) for text in texts if banned in text]
    assert leaks == []


@pytest.mark.parametrize("fixture", ARTICLES, ids=_ids)
def test_expected_record_validates(fixture: Fixture) -> None:
    expected = fixture.expected()
    assert expected is not None
    assert validation_errors(expected) == []
    assert sorted(expected) == sorted(ARTICLE_FIELDS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=_ids)
def test_expected_file_round_trips(fixture: Fixture) -> None:
    text = fixture.expected_path.read_text("utf-8")
    assert text == dumps_record(json.loads(text)), "not in canonical form: run `python -m extractors refresh`"
    assert "\\u" not in text, "Vietnamese must be stored unescaped"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("fixture", FIXTURES, ids=_ids)
def test_meta_says_what_the_page_is(fixture: Fixture) -> None:
    meta = fixture.meta
    assert meta["capture"] in CAPTURE_KINDS
    assert fixture.fetched_at is not None and fixture.fetched_at.tzinfo is not None
    assert fixture.html_path.exists()
    assert len(meta.get("note", "")) > 40, "say what the page is and where it comes from"
    if meta["capture"] == "reconstruction":
        assert "RECONSTRUCTION" in meta["note"]
        assert "RECONSTRUCTION" in fixture.html()[:600], "mark the HTML itself too"
    if fixture.expected() is not None:
        assert meta["must_not_contain"], "list the boilerplate this page must not leak"


def test_vnexpress_agrees_with_fundus_except_its_caption_in_the_body() -> None:
    """The real VnExpress page's expected record against fundus's expected output for the same page.

    Fundus keeps the photo caption ("Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp") as a body
    paragraph; that is wrong, and here it is the image's caption and credit.
    """
    fixture = next(f for f in FIXTURES if f.id == "vnexpress/vnexpress_2025_10_22_lymphoma_ruot_non")
    fundus = json.loads(fixture.directory.joinpath(f"{fixture.name}.fundus.json").read_text("utf-8"))["V1"]
    record = fixture.expected()
    assert record is not None
    caption_paragraph = "Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp"
    fundus_paragraphs = fundus["body"]["sections"][0]["paragraphs"]
    assert caption_paragraph in fundus_paragraphs
    assert [block["text"] for block in record["body"]] == [p for p in fundus_paragraphs if p != caption_paragraph]
    assert record["headline"] == fundus["title"]
    assert [author["name"] for author in record["authors"]] == fundus["authors"]
    assert [record["description"]] == fundus["body"]["summary"]
    assert record["datePublished"] == fundus["publishing_date"].replace(" ", "T")
    assert record["keywords"] == fundus["topics"]
    [image] = record["images"]
    [fundus_image] = fundus["images"]
    assert (image["caption"], [image["credit"]], image["alt"]) == (
        fundus_image["caption"], fundus_image["authors"], fundus_image["description"])
    assert image["url"] in [version["url"] for version in fundus_image["versions"]]
