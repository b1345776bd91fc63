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
