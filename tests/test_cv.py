"""The publisher-grouped cross-validation (``benchmarks/cv.py``), run on the vendored floor pages.

The floor's ScrapingHub and fundus pages include pages of both fold groups, so the seen/unseen split,
the gap, the publisher bootstrap and the rule that unseen pages are never listed are all exercised
without ../shared.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks import cv, floor
from benchmarks.folds import is_seen
from benchmarks.runner import run
from benchmarks.sets import SETS


@pytest.fixture(scope="module")
def floor_pages():
    return floor.subset()


def _evaluate(set_name, pages, systems=("ours",), **kwargs):
    bench_set = replace(SETS[set_name], load=lambda ids: pages)
    return bench_set, cv.evaluate(bench_set, list(systems), **kwargs)


def test_figures_are_given_for_seen_unseen_all_and_the_gap(floor_pages) -> None:
    pages = floor_pages["fundus"]
    seen = sum(is_seen(p.id, p.url, "fundus") for p in pages)
    assert 0 < seen < len(pages), "the floor's fundus pages should hold both fold groups"
    _, result = _evaluate("fundus", pages)
    assert result["folds"]["pages"] == {"seen": seen, "unseen": len(pages) - seen, "all": len(pages)}
    figures = result["systems"]["ours"]["figures"]
    assert set(SETS["fundus"].primary) <= set(figures)
    for values in figures.values():
        if values["seen"] is not None and values["unseen"] is not None:
            assert values["gap"] == pytest.approx(values["seen"] - values["unseen"], abs=1e-4)
        assert values["gap_se"] is None or values["gap_se"] >= 0


def test_a_system_is_scored_on_its_own_fields_only(floor_pages) -> None:
    _, result = _evaluate("dates", floor_pages["dates"], systems=("ours", "htmldate"))
    assert set(result["systems"]["htmldate"]["figures"]) == {"date_day", "date_found"}
    assert "gap_se" not in result["systems"]["htmldate"]["figures"]["date_day"]  # the bootstrap is ours only
    # every floor dates page is seen: no unseen figure, so no gap
    assert result["systems"]["ours"]["figures"]["date_day"]["unseen"] is None
    assert result["systems"]["ours"]["figures"]["date_day"]["gap"] is None


def test_an_empty_fold_group_has_no_figures_and_no_gap(floor_pages) -> None:
    seen_only = [p for p in floor_pages["fundus"] if is_seen(p.id, p.url, "fundus")]
    _, result = _evaluate("fundus", seen_only)
    body = result["systems"]["ours"]["figures"]["body_f1"]
    assert body["unseen"] is None and body["gap"] is None and body["seen"] == body["all"] > 0.9


def test_the_worst_pages_listed_are_seen_pages_only(floor_pages, capsys) -> None:
    pages = floor_pages["scrapinghub"]
    unseen = [p for p in pages if not is_seen(p.id, p.url, "scrapinghub")]
    unseen_ids = {p.id for p in unseen}
    assert unseen, "the floor's ScrapingHub pages should include unseen ones"
    bench_set = SETS["scrapinghub"]
    outcomes = run("ours", pages)
    scores = [bench_set.score(o) for o in outcomes]
    # make every unseen page the worst, so listing it would be the first thing a leak shows
    for outcome, score in zip(outcomes, scores):
        if outcome.page.id in unseen_ids:
            score["body"] = type(score["body"]).of("truth text that no page has", outcome.prediction.body)
    cv.show_worst_seen(bench_set, outcomes, scores, count=len(pages))
    printed = capsys.readouterr().out
    assert "worst seen" in printed
    for page in unseen:
        assert page.id[:40] not in printed
        assert page.url not in printed


def test_a_partial_run_does_not_overwrite_the_results(monkeypatch, capsys) -> None:
    written = []
    monkeypatch.setattr(cv, "write_result", lambda *args: written.append(args))
    only_floor_pages = replace(SETS["scrapinghub"], load=lambda ids: floor.subset()["scrapinghub"])
    monkeypatch.setattr(cv, "SETS", {"scrapinghub": only_floor_pages})
    cv.main(["--systems", "ours"])
    assert not written
    assert "not written: a partial run" in capsys.readouterr().out
