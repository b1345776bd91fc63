"""The extraction pipeline: each stage once per page, typed results, the record from the field list."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime

import pytest

from extractors import content, embedded, extract, metadata, pipeline
from extractors.record import ARTICLE_FIELDS

LONG = ("The city council approved the budget on Tuesday after a long debate about schools, roads and "
        "the new hospital, which will open next year.")
PAGE = (f'<html lang="en"><head><title>Budget approved</title><meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="2026-01-02T10:00:00+00:00">'
        f'<script>var state = {{"x": "{"y" * 600}"}};</script></head>'
        f'<body><nav><a href="/">Home</a></nav><article><h1>Budget approved</h1><p>{LONG}</p><p>{LONG}</p>'
        f'<p>{LONG}</p></article></body></html>')


def test_every_record_field_comes_from_exactly_one_stage_result() -> None:
    sources = Counter(item.name for stage in pipeline.RECORD_STAGES for item in dataclasses.fields(stage)
                      if item.name in ARTICLE_FIELDS)
    assert set(sources) == set(ARTICLE_FIELDS) - {"url", "metadata"}
    assert all(count == 1 for count in sources.values()), sources


def test_stage_results_are_frozen() -> None:
    for stage in (*pipeline.RECORD_STAGES, pipeline.Reading, pipeline.Cleaned):
        assert stage.__dataclass_params__.frozen, stage  # type: ignore[attr-defined]


@pytest.mark.parametrize("function", [(content, "main_reading"), (content, "body_blocks"), (metadata, "headline"),
                                      (metadata, "PageDates"), (pipeline, "find_credits")])
def test_each_stage_step_runs_once_per_page(monkeypatch: pytest.MonkeyPatch, function: tuple[object, str]) -> None:
    module, name = function
    original = getattr(module, name)
    calls: list[int] = []

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    article = extract(PAGE, "https://news.example.com/a/1", fetched_at=datetime(2026, 1, 3, tzinfo=UTC))
    assert article is not None and article.headline == "Budget approved" and len(article.body) == 3
    assert len(calls) == 1


def test_scripts_are_read_before_cleaning_deletes_them() -> None:
    from extractors.document import Document
    from extractors.page import ArticlePage

    doc = Document.parse(PAGE, "https://news.example.com/a/1")
    assert len(doc.scripts) == 1 and doc.scripts[0].startswith("var state")
    pipeline.clean_page(doc, ArticlePage())
    assert doc.tree.css("script, nav") == []
    assert embedded._script_values(doc) == [{"x": "y" * 600}]  # from the document stage's copy
