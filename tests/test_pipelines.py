from __future__ import annotations

import logging
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.pipelines import SchemaValidationPipeline
from extractors import extract

PAGE = Path(__file__).parent / "fixtures" / "portal" / "da-nang-don-luong-khach-quoc-te-ky-luc.html"


@pytest.fixture
def crawler():
    return get_crawler(Spider, {"VALIDATION_LOG_MAX_ERRORS": 2})


@pytest.fixture
def record() -> dict:
    article = extract(PAGE.read_text(encoding="utf-8"), "https://www.vietnam.vn/da-nang-don-luong-khach-quoc-te-ky-luc")
    assert article is not None
    return article.to_dict()


def test_a_valid_record_passes_unchanged(crawler, record):
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    assert pipeline.process_item(record) is record
    assert crawler.stats.get_value("articles/skipped/invalid_record") is None


@pytest.mark.parametrize("break_it", [
    lambda r: r.pop("headline"),  # a key missing: a half record
    lambda r: r.update(headline=42),
    lambda r: r.update(extra="field"),
    lambda r: r["metadata"].update(dropped={"rule": -1}),
    lambda r: r.update(inLanguage="Vietnamese"),
])
def test_an_invalid_record_is_dropped_counted_and_explained(crawler, record, caplog, break_it):
    break_it(record)
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    with caplog.at_level(logging.WARNING, logger="crawler.pipelines"), pytest.raises(DropItem, match="schema error"):
        pipeline.process_item(record)
    assert crawler.stats.get_value("articles/skipped/invalid_record") == 1
    assert "Invalid record from https://www.vietnam.vn/da-nang" in caplog.text


def test_many_errors_are_logged_up_to_the_limit(crawler, record, caplog):
    for key in ("headline", "description", "body", "quotes"):
        record.pop(key)
    pipeline = SchemaValidationPipeline.from_crawler(crawler)
    with caplog.at_level(logging.WARNING, logger="crawler.pipelines"), pytest.raises(DropItem, match="4 schema"):
        pipeline.process_item(record)
    assert "(+2 more)" in caplog.text


# The compiled validator (fastjsonschema, draft 7) decides alone for valid records: it must reject exactly
# what jsonschema (draft 2020-12) rejects, on every kind of break the schema guards against.
BREAKS = {
    "missing key": lambda r: r.pop("headline"),
    "wrong type": lambda r: r.update(headline=42),
    "extra key": lambda r: r.update(extra="field"),
    "negative count": lambda r: r["metadata"].update(dropped={"rule": -1}),
    "bad language": lambda r: r.update(inLanguage="Vietnamese"),
    "author not an object": lambda r: r.update(authors=["Nguyễn Văn A"]),
    "author type": lambda r: r.update(authors=[{"name": "A", "nameRaw": None, "url": None, "type": "Robot"}]),
    "empty image url": lambda r: r.update(mainImage={"url": "", "caption": None, "credit": None, "alt": None,
                                                     "width": None, "height": None}),
    "image width a string": lambda r: r.update(images=[{"url": "https://x/a.jpg", "caption": None, "credit": None,
                                                        "alt": None, "width": "640", "height": None}]),
    "body block type": lambda r: r.update(body=[{"type": "aside", "text": "x"}]),
    "metadata extra": lambda r: r["metadata"].update(other=1),
    "free not bool": lambda r: r.update(isAccessibleForFree="yes"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_compiled_validator_rejects_what_jsonschema_rejects(record, name):
    from crawler.pipelines import is_valid_record
    from extractors import validation_errors

    assert is_valid_record(record) and validation_errors(record) == []
    BREAKS[name](record)
    assert validation_errors(record) != []
    assert not is_valid_record(record)


def test_the_compiled_validator_accepts_every_fixture_record():
    import json

    from crawler.pipelines import is_valid_record

    expected = sorted((Path(__file__).parent / "fixtures").rglob("*.json"))
    records = [json.loads(p.read_text("utf-8")) for p in expected if not p.name.endswith(".meta.json")]
    records = [r for r in records if isinstance(r, dict) and "metadata" in r]
    assert len(records) >= 4
    assert all(is_valid_record(r) for r in records)
