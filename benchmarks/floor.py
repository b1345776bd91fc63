"""The quality floor: aggregate scores on a small fixed subset of both sets, checked in CI.

    python -m benchmarks.floor            # print the subset's scores next to the floors
    python -m benchmarks.floor --update   # raise the floors to today's scores (never lowers one)

``tests/test_quality_floor.py`` fails when a score drops below its floor; the floor file
(``tests/quality/floor.json``) therefore only rises. The subset is the pages of
``tests/quality/snippets.json``: each was picked for one boilerplate mechanism.
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from .data import REPO_ROOT, Page, fundus_pages, scrapinghub_pages
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
from .systems import Prediction, ours

QUALITY_DIR = REPO_ROOT / "tests" / "quality"
SNIPPETS = QUALITY_DIR / "snippets.json"
FLOOR = QUALITY_DIR / "floor.json"
# Scores may wobble by float rounding only; anything more is a regression.
TOLERANCE = 1e-6


def subset() -> tuple[list[Page], list[Page]]:
    entries = json.loads(SNIPPETS.read_text(encoding="utf-8"))["pages"]
    sh_ids = [e["id"] for e in entries if e["set"] == "scrapinghub"]
    fundus_ids = [e["id"] for e in entries if e["set"] == "fundus"]
    return scrapinghub_pages(sh_ids), fundus_pages(fundus_ids)


def predictions(pages: list[Page]) -> dict[str, Prediction]:
    return {page.id: ours(page.html, page.url) for page in pages}


def scores(sh: list[Page], fundus: list[Page], predicted: dict[str, Prediction]) -> dict[str, float]:
    sh_body = body_scores([Overlap.of(p.truth["articleBody"], predicted[p.id].body) for p in sh])
    fundus_body = body_scores([Overlap.of("\n".join(p.truth["paragraphs"]), predicted[p.id].body, normalise=True)
                               for p in fundus])
    timed = []
    for page in fundus:
        truth = parse_moment(page.truth["published"])
        if truth is not None and truth_has_time(truth):
            timed.append(same_instant(truth, parse_moment(predicted[page.id].published)))
    captions = [c["caption"] for p in fundus for c in p.truth.get("captions") or [] if c.get("caption")]
    found = sum(caption_matches(c["caption"], predicted[p.id].captions)
                for p in fundus for c in p.truth.get("captions") or [] if c.get("caption"))
    return {
        "scrapinghub_body_f1": round(sh_body["f1"], 4),
        "fundus_body_f1": round(fundus_body["f1"], 4),
        "fundus_headline": round(statistics.fmean(
            headline_match(p.truth["title"], predicted[p.id].headline) for p in fundus), 4),
        "fundus_date_day": round(statistics.fmean(
            same_day(parse_moment(p.truth["published"]), parse_moment(predicted[p.id].published)) for p in fundus), 4),
        "fundus_date_time": round(statistics.fmean(timed), 4) if timed else 1.0,
        "fundus_authors_f1": round(statistics.fmean(
            set_scores(p.truth.get("authors") or [], predicted[p.id].authors)[2] for p in fundus), 4),
        "fundus_caption_recall": round(found / len(captions), 4) if captions else 1.0,
    }


def load_floor(path: Path = FLOOR) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"floors": {}}


def raised(floor: dict[str, float], current: dict[str, float]) -> dict[str, float]:
    """Each floor raised to the current score where that is higher; never lowered."""
    return {key: max(value, floor.get(key, 0.0)) for key, value in current.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="raise the floors to today's scores")
    args = parser.parse_args()
    sh, fundus = subset()
    current = scores(sh, fundus, predictions(sh + fundus))
    stored = load_floor()
    floors = stored.get("floors", {})
    for key, value in current.items():
        floor = floors.get(key)
        mark = "" if floor is None else ("  BELOW FLOOR" if value < floor - TOLERANCE else "")
        print(f"{key:<24} {value:.4f}   floor {floor if floor is not None else '-'}{mark}")
    if args.update:
        stored = {"about": "Aggregate scores of the generic extractor on the pages of snippets.json. "
                           "Raised by `python -m benchmarks.floor --update`; never lowered.",
                  "floors": raised(floors, current)}
        FLOOR.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", FLOOR)


if __name__ == "__main__":
    main()
