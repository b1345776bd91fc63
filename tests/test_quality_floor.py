"""Quality floor of the generic extractor on real pages of the dev sets, vendored in ``tests/quality/pages``.

* per page (``tests/quality/snippets.json``): snippets the body must contain and must not contain, each
  page guarding one mechanism (comments, teaser cards, hidden copies, paywall prompts, layouts without
  ``<p>``...);
* on the same pages: aggregate scores (body shingle F1 on the ScrapingHub, fundus and readability
  pages; headline, dates, authors, captions on the fundus pages; the publication day on the dates
  pages) that must not drop below ``tests/quality/floor.json``. The floors only rise:
  ``python -m benchmarks floor --update`` raises them after an improvement;
* every page extracts without an exception and in under a second.

The pages and their truth are in the repository (``tests/quality/PROVENANCE.md``): no ../shared needed.
"""

from __future__ import annotations

import json
import time
from functools import cache

import pytest

from benchmarks import floor
from benchmarks.data import Page
from benchmarks.systems import Prediction, ours

SNIPPETS = json.loads(floor.SNIPPETS.read_text(encoding="utf-8"))["pages"]
CHECKED = [e for e in SNIPPETS if e["must_contain"] or e["must_not_contain"] or e.get("captions_contain")]


@cache
def _pages() -> dict[str, Page]:
    return {page.id: page for pages in floor.subset().values() for page in pages}


@cache
def _extracted() -> dict[str, tuple[Prediction, float]]:
    """One extraction per page, timed, shared by every test."""
    results = {}
    for page_id, page in _pages().items():
        start = time.perf_counter()
        prediction = ours(page.html, page.url)
        results[page_id] = (prediction, time.perf_counter() - start)
    return results


@pytest.mark.parametrize("entry", CHECKED, ids=[f"{e['set']}:{e['id'][:24]}" for e in CHECKED])
def test_snippets(entry: dict) -> None:
    prediction, _ = _extracted()[entry["id"]]
    body = prediction.body or ""
    for snippet in entry["must_contain"]:
        assert snippet in body, f"{entry['guards']}: body lost {snippet!r}"
    for snippet in entry["must_not_contain"]:
        assert snippet not in body, f"{entry['guards']}: body has {snippet!r}"
    for snippet in entry.get("captions_contain", []):
        assert any(snippet in caption for caption in prediction.captions), f"no caption with {snippet!r}"


def test_every_listed_page_is_vendored_with_its_truth() -> None:
    pages = _pages()
    assert sorted(e["id"] for e in SNIPPETS) == sorted(pages), "snippets.json and the vendored pages disagree"
    for page in pages.values():
        assert page.html.strip() and page.url and page.truth, page.id
    assert {page.set_name for page in pages.values()} == set(floor.SETS)


def test_aggregate_scores_hold_the_floor() -> None:
    predicted = {page_id: prediction for page_id, (prediction, _) in _extracted().items()}
    current = floor.scores(floor.subset(), predicted)
    floors = floor.load_floor()["floors"]
    assert set(floors) == set(current), "floor.json and benchmarks.floor.scores disagree on the scores kept"
    below = {key: (current[key], floors[key]) for key in floors if current[key] < floors[key] - floor.TOLERANCE}
    assert not below, f"scores below their floor (current, floor): {below}"


def test_every_page_extracts_as_an_article_in_under_a_second() -> None:
    pages = _pages()
    for page_id, (prediction, seconds) in _extracted().items():
        # a dates page may be no article (a page without a date, a forum thread): only its date is scored
        assert prediction.body or pages[page_id].set_name == "dates", f"{page_id}: no article extracted"
        assert seconds < 1.0, f"{page_id}: {seconds:.2f} s"


def test_the_floor_only_rises() -> None:
    assert floor.raised({"a": 0.9, "b": 0.5}, {"a": 0.8, "b": 0.6}) == {"a": 0.9, "b": 0.6}
