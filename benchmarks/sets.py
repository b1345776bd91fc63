"""The four dev sets, each with its truth, its anchors and its figures, scored by the existing metrics.

A set scores one page at a time (``score``: an outcome -> that page's scores) and sums a list of
page scores into figures (``summarise``: a flat ``{figure: value}``), so any subset of its pages (a
fold group) is summed the same way. ``page_values`` gives a page's own value per figure (1.0 is
right), for listing the worst seen pages. The scoring is that of ``quality_scrapinghub``,
``quality_fundus`` and ``metrics``; nothing is re-implemented here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import quality_fundus
from .data import Page, dates_pages, fundus_pages, readability_pages, scrapinghub_pages
from .metrics import Overlap, body_scores, parse_moment, same_day
from .runner import Outcome

Figures = dict[str, float | None]


@dataclass(frozen=True, slots=True)
class BenchSet:
    name: str
    about: str
    load: Callable[[list[str] | None], list[Page]]
    anchors: tuple[str, ...]  # the other systems run on it in the cross-validation
    score: Callable[[Outcome], dict[str, Any]]
    summarise: Callable[[list[dict[str, Any]]], Figures]
    page_values: Callable[[dict[str, Any]], Figures]
    figures: dict[str, str]  # figure -> the record field it measures (a system is scored on its fields only)
    primary: tuple[str, ...]  # the figures of the summary table and the gap target


# ----- body sets: scrapinghub, readability (``articleBody`` truth, the ScrapingHub metric as is) -----------

def _body_score(outcome: Outcome) -> dict[str, Any]:
    return {"body": Overlap.of(outcome.page.truth.get("articleBody"), outcome.prediction.body)}


def _body_summary(scored: list[dict[str, Any]]) -> Figures:
    body = body_scores([s["body"] for s in scored])
    return {"body_f1": body["f1"], "body_precision": body["precision"], "body_recall": body["recall"]}


def _body_page(score: dict[str, Any]) -> Figures:
    return {"body_f1": score["body"].f1}


_BODY_FIGURES = {"body_f1": "body", "body_precision": "body", "body_recall": "body"}


# ----- fundus: every field, by quality_fundus's own scoring -----------------------------------------

def _fundus_summary(scored: list[dict[str, Any]]) -> Figures:
    s = quality_fundus.summarise(scored)
    return {"headline": s["headline"], "date_day": s["date_day"], "date_time": s["date_time"],
            "authors_f1": s["authors_f1"], "people_f1_people_truth": s["people_f1_people_truth"],
            "body_f1": s["body"]["f1"], "body_precision": s["body"]["precision"], "body_recall": s["body"]["recall"],
            "caption_recall": s["caption_recall"], "caption_precision": s["caption_precision"]}


def _fundus_page(score: dict[str, Any]) -> Figures:
    captions = score["captions_true"]
    return {"headline": float(score["headline"]), "date_day": float(score["date_day"]),
            "date_time": None if score["date_time"] is None else float(score["date_time"]),
            "authors_f1": score["authors"]["f1"], "body_f1": score["body"].f1,
            "caption_recall": score["captions_found"] / captions if captions else None}


# ----- dates: the publication day -------------------------------------------------------------------

def _date_score(outcome: Outcome) -> dict[str, Any]:
    """Right: the predicted day is the true day; on a page without a date (truth None), no date is right
    (htmldate's evaluation counts these true negatives in its accuracy)."""
    truth, predicted = outcome.page.truth.get("date"), outcome.prediction.published
    right = predicted is None if truth is None else same_day(parse_moment(truth), parse_moment(predicted))
    return {"right": right, "found": predicted is not None}


def _date_summary(scored: list[dict[str, Any]]) -> Figures:
    if not scored:
        return {"date_day": None, "date_found": None}
    return {"date_day": sum(s["right"] for s in scored) / len(scored),
            "date_found": sum(s["found"] for s in scored) / len(scored)}


def _date_page(score: dict[str, Any]) -> Figures:
    return {"date_day": float(score["right"])}


SETS: dict[str, BenchSet] = {
    "scrapinghub": BenchSet(
        "scrapinghub", "ScrapingHub article benchmark: body (`articleBody`)", scrapinghub_pages,
        ("trafilatura", "readability-lxml"), _body_score, _body_summary, _body_page, _BODY_FIGURES, ("body_f1",)),
    "fundus": BenchSet(
        "fundus", "fundus parser tests: headline, dates, authors, body (`paragraphs`), captions", fundus_pages,
        ("trafilatura-full", "readability-lxml"), quality_fundus.score_page, _fundus_summary, _fundus_page,
        {"headline": "headline", "date_day": "date", "date_time": "date", "authors_f1": "authors",
         "people_f1_people_truth": "authors", **_BODY_FIGURES, "caption_recall": "captions",
         "caption_precision": "captions"},
        ("headline", "date_day", "date_time", "authors_f1", "body_f1", "caption_recall", "caption_precision")),
    "readability": BenchSet(
        "readability", "Mozilla Readability's test pages: body (`articleBody`)", readability_pages,
        ("trafilatura", "readability-lxml"), _body_score, _body_summary, _body_page, _BODY_FIGURES, ("body_f1",)),
    "dates": BenchSet(
        "dates", "htmldate's evaluation pages: publication day", dates_pages,
        ("htmldate",), _date_score, _date_summary, _date_page, {"date_day": "date", "date_found": "date"},
        ("date_day",)),
}
