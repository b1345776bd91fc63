"""Field quality on the fundus set (178 pages, 121 publishers, many languages).

    python -m benchmarks.quality_fundus                 # ours + trafilatura (bare_extraction), writes results/
    python -m benchmarks.quality_fundus --systems ours --no-write --show 10

Fields: headline (exact, whitespace-normalised), datePublished (same calendar day; same instant
where the truth has a time), authors (set F1 of names; also of the names with the credited news
agency, ``sourceOrganization``, added), body (shingle P/R/F1 against the truth's
paragraphs, and against summary + paragraphs; both texts NFC with soft hyphens and zero-width
characters removed), caption recall.
"""

from __future__ import annotations

import statistics
from typing import Any

from extractors.authors import AGENCIES

from .data import fundus_pages
from .folds import is_seen
from .metrics import (
    Overlap,
    body_scores,
    caption_matches,
    headline_match,
    parse_moment,
    same_day,
    same_instant,
    set_scores,
    truth_has_time,
)
from .runner import Outcome, arguments, health, run, write_result

DEFAULT_SYSTEMS = ["ours", "trafilatura-full"]

# Truth values the page itself contradicts, checked by hand against the page. The primary scores use
# the truth as given; these corrections only feed the "corrected truth" figures printed beside them.
TRUTH_CORRECTIONS: dict[str, dict[str, Any]] = {
    "de-KlasseGegenKlasse_2026_01_07": {"published": "2026-01-06",
                                        "why": "the page prints 06.01.2026; the truth swaps day and month"},
    "tr-AnadoluAjansi_2025_04_05": {"published": "2025-04-05",
                                    "why": "the page prints 05.04.2025; the truth swaps day and month"},
    "ch-SRF_2025_01_05": {"authors": ["Monika Bolliger", "Anna Trechsel"],
                          "why": "byline 'Monika Bolliger und Anna Trechsel, Sweidah': Sweidah is the dateline"},
    "de-JungeWelt_2026_05_18": {"authors": ["Anna Martel", "Lea Wagner"],
                                "why": "byline 'Anna Martel und Lea Wagner, Nairobi': Nairobi is the dateline"},
    "de-NTV_2024_08_05": {"authors": ["Seb Dumitru"], "why": "byline 'Von Seb Dumitru, Lille': Lille is the dateline"},
    "fr-LeMonde_2023_09_01": {"authors": ["Bertrand Bissuel"],
                              "why": "byline 'Par Bertrand Bissuel' and JSON-LD author; the truth credits the paper"},
}


def corrected_truth(page_id: str, truth: dict[str, Any]) -> dict[str, Any]:
    fix = {k: v for k, v in TRUTH_CORRECTIONS.get(page_id, {}).items() if k != "why"}
    return {**truth, **fix}


def score_page(outcome: Outcome) -> dict[str, Any]:
    truth, pred = outcome.page.truth, outcome.prediction
    fixed = corrected_truth(outcome.page.id, truth)
    true_moment, pred_moment = parse_moment(truth["published"]), parse_moment(pred.published)
    has_time = true_moment is not None and truth_has_time(true_moment)
    paragraphs = "\n".join(truth["paragraphs"])
    with_summary = "\n".join([*truth.get("summary", []), *truth["paragraphs"]])
    author_p, author_r, author_f1 = set_scores(truth.get("authors") or [], pred.authors)
    people = pred.authors if pred.people is None else pred.people
    fixed_moment = parse_moment(fixed["published"])
    true_captions = [c["caption"] for c in truth.get("captions") or [] if c.get("caption")]
    return {
        "people_truth": _names_people(truth),
        "headline": headline_match(truth["title"], pred.headline),
        "date_day": same_day(true_moment, pred_moment),
        "date_time": same_instant(true_moment, pred_moment) if has_time else None,
        "authors": {"precision": author_p, "recall": author_r, "f1": author_f1},
        "people_f1": set_scores(truth.get("authors") or [], people)[2],
        "corrected": {"date_day": same_day(fixed_moment, pred_moment),
                      "authors_f1": set_scores(fixed.get("authors") or [], pred.authors)[2]},
        "body": Overlap.of(paragraphs, pred.body, normalise=True),
        "body_vs_summary_and_paragraphs": Overlap.of(with_summary, pred.body, normalise=True),
        "captions_found": sum(caption_matches(c, pred.captions) for c in true_captions),
        "captions_true": len(true_captions),
        "captions_predicted": len(pred.captions),
        # Precision where the truth lists captions: its lists are not always complete, so a real caption
        # can count as wrong; a relative measure (junk such as bylines and sign-up boxes taken for captions).
        "captions_checked": len(pred.captions) if true_captions else 0,
        "captions_right": sum(any(caption_matches(t, [c]) for t in true_captions) for c in pred.captions),
    }


def _names_people(truth: dict[str, Any]) -> bool:
    """The truth's authors are all people: none is the publisher, a news agency or a domain name.

    The fundus parsers credit organisations as authors ("dpa", "ORF.at", "Associated Press") as our
    record does (``type: "Organization"``); on the pages whose truth names people only, the F1 of our
    ``Person`` authors alone is also reported: how well people are found, organisations aside.
    """
    folded = lambda text: "".join(ch for ch in text.casefold() if ch.isalnum())
    publisher = folded(truth.get("publisher") or "")
    for name in truth.get("authors") or []:
        key = folded(name)
        if not key or key in AGENCIES or "." in name or key in publisher or (publisher and publisher in key) \
                or any(word in key for word in ("agentur", "agency", "presse", "redaktion", "news")):
            return False
    return bool(truth.get("authors"))


def summarise(scored: list[dict[str, Any]]) -> dict[str, Any]:
    timed = [s["date_time"] for s in scored if s["date_time"] is not None]
    captions_true = sum(s["captions_true"] for s in scored)
    return {
        "headline": statistics.fmean(s["headline"] for s in scored),
        "date_day": statistics.fmean(s["date_day"] for s in scored),
        "date_time": statistics.fmean(timed) if timed else None,
        "date_time_pages": len(timed),
        "authors_f1": statistics.fmean(s["authors"]["f1"] for s in scored),
        "authors_precision": statistics.fmean(s["authors"]["precision"] for s in scored),
        "authors_recall": statistics.fmean(s["authors"]["recall"] for s in scored),
        "corrected_truth": {key: statistics.fmean(s["corrected"][key] for s in scored)
                            for key in ("date_day", "authors_f1")},
        # None when no page's truth names people only (a small fold may have none)
        "people_f1_people_truth": statistics.fmean(people) if (people := [s["people_f1"] for s in scored
                                                                          if s["people_truth"]]) else None,
        "authors_people_truth_pages": sum(s["people_truth"] for s in scored),
        "body": body_scores([s["body"] for s in scored]),
        "body_vs_summary_and_paragraphs": body_scores([s["body_vs_summary_and_paragraphs"] for s in scored]),
        "caption_recall": sum(s["captions_found"] for s in scored) / captions_true if captions_true else None,
        "captions_true": captions_true,
        "captions_predicted": sum(s["captions_predicted"] for s in scored),
        "caption_precision": (sum(s["captions_right"] for s in scored) / checked
                              if (checked := sum(s["captions_checked"] for s in scored)) else None),
    }


def _page_row(outcome: Outcome, score: dict[str, Any]) -> dict[str, Any]:
    pred = outcome.prediction
    return {"headline": score["headline"], "date_day": score["date_day"], "date_time": score["date_time"],
            "authors_f1": round(score["authors"]["f1"], 4), "body_f1": round(score["body"].f1, 4),
            "captions": f"{score['captions_found']}/{score['captions_true']}",
            "predicted": {"headline": pred.headline, "published": pred.published, "authors": pred.authors}}


def main() -> None:
    args = arguments(__doc__.splitlines()[0], DEFAULT_SYSTEMS)
    pages = fundus_pages(args.ids)
    systems = {}
    for system in args.systems:
        outcomes = run(system, pages)
        scored = [score_page(o) for o in outcomes]
        summary = summarise(scored)
        systems[system] = {"scores": summary, "health": health(outcomes),
                           "pages": {o.page.id: _page_row(o, s) for o, s in zip(outcomes, scored)
                                     if is_seen(o.page.id, o.page.url, "fundus")}}  # seen folds only
        print(f"{system:<18} headline={summary['headline']:.3f} day={summary['date_day']:.3f} "
              f"time={summary['date_time'] or 0:.3f} ({summary['date_time_pages']}) "
              f"authorsF1={summary['authors_f1']:.3f} (P={summary['authors_precision']:.3f} "
              f"R={summary['authors_recall']:.3f}; people only, on people-only truth {summary['people_f1_people_truth']:.3f} on "
              f"{summary['authors_people_truth_pages']}) bodyF1={summary['body']['f1']:.4f} "
              f"(P={summary['body']['precision']:.3f} R={summary['body']['recall']:.3f}; "
              f"+summary {summary['body_vs_summary_and_paragraphs']['f1']:.4f}) "
              f"captions={summary['caption_recall'] or 0:.3f} (precision {summary['caption_precision'] or 0:.3f}) errors={systems[system]['health']['errors']} "
              f"max={systems[system]['health']['max_seconds']}s")
        fixed = summary["corrected_truth"]
        print(f"{'':<18} corrected truth ({len(TRUTH_CORRECTIONS)} pages): day={fixed['date_day']:.3f} "
              f"authorsF1={fixed['authors_f1']:.3f}")
        if args.show and system == "ours":  # seen folds only: unseen pages are never listed
            seen = [(o, s) for o, s in zip(outcomes, scored) if is_seen(o.page.id, o.page.url, "fundus")]
            print(f"   worst seen pages by body F1 ({len(seen)} of {len(outcomes)} pages are seen):")
            for outcome, score in sorted(seen, key=lambda pair: pair[1]["body"].f1)[: args.show]:
                print(f"   body {score['body'].f1:.3f} P={score['body'].precision} R={score['body'].recall} "
                      f"{outcome.page.id}")
    if not args.no_write:
        corrections = {page_id: fix["why"] for page_id, fix in TRUTH_CORRECTIONS.items()}
        print("wrote", write_result("fundus", {"pages": len(pages), "truth_corrections": corrections,
                                               "systems": systems}))


if __name__ == "__main__":
    main()
