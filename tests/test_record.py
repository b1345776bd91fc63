"""The record type and its shipped JSON Schema agree, key for key, and serialise cleanly."""

from __future__ import annotations

import json

import pytest

from extractors import article_schema, validation_errors
from extractors.record import ARTICLE_FIELDS, Article, Author, BodyBlock, Image, Metadata, Organization, Quote


def _full_record() -> Article:
    return Article(
        url="https://www.vietnam.vn/en/vi-du",
        headline="Thủ tướng phát biểu",
        inLanguage="vi",
        datePublished="2023-05-24T00:00:00+07:00",
        authors=[Author(name="Nguyễn Văn A")],
        publisher=Organization(name="Vietnam.vn", url="https://www.vietnam.vn/"),
        sourceOrganization=Organization(name="Báo Quốc Tế"),
        articleBody="Đoạn một.\n\nĐoạn hai.",
        body=[BodyBlock(type="paragraph", text="Đoạn một."), BodyBlock(type="paragraph", text="Đoạn hai.")],
        quotes=[Quote(text="Chúng tôi sẽ hành động", speaker="Mao Ning", paragraphIndex=1)],
        images=[Image(url="https://vstatic.vietnam.vn/a.jpg", caption="Cảng", credit="Reuters")],
        metadata=Metadata(dateDownloaded="2026-11-27T09:00:00+00:00", datePublishedPrecision="day", dropped={"no_data": 2}),
    )


def test_schema_properties_are_the_record_fields_in_order():
    schema = article_schema()
    assert tuple(schema["properties"]) == ARTICLE_FIELDS
    assert schema["required"] == list(ARTICLE_FIELDS)


@pytest.mark.parametrize("component", ["image", "organization"])
def test_schema_components_match_dataclasses(component):
    cls = {"image": Image, "organization": Organization}[component]
    assert tuple(article_schema()["$defs"][component]["properties"]) == tuple(cls.__dataclass_fields__)


def test_metadata_schema_matches_dataclass():
    assert tuple(article_schema()["properties"]["metadata"]["properties"]) == tuple(Metadata.__dataclass_fields__)


def test_every_key_always_present_and_valid():
    record = _full_record().to_dict()
    assert list(record) == list(ARTICLE_FIELDS)
    assert validation_errors(record) == []
    minimal = Article(url="https://example.com/a").to_dict()
    assert minimal["authors"] == [] and minimal["headline"] is None
    assert validation_errors(minimal) == []


def test_schema_rejects_a_missing_key_and_a_wrong_type():
    record = _full_record().to_dict()
    del record["headline"]
    assert any("headline" in e for e in validation_errors(record))
    record = _full_record().to_dict()
    record["authors"] = "Nguyễn Văn A"
    assert any(e.startswith("authors") for e in validation_errors(record))


def test_json_is_utf8_unescaped_and_round_trips():
    text = _full_record().to_json()
    assert "Báo Quốc Tế" in text and "\\u" not in text
    assert json.loads(text) == _full_record().to_dict()
