"""The quality floor: aggregate scores on a small fixed subset of the dev sets, checked in CI.

    python -m benchmarks floor            # print the subset's scores next to the floors
    python -m benchmarks floor --update   # raise the floors to today's scores (never lowers one)
    python -m benchmarks floor --vendor   # copy the subset's pages and truth from ../shared/bench into tests/

``tests/test_quality_floor.py`` fails when a score drops below its floor; the floor file
(``tests/quality/floor.json``) therefore only rises. The subset is the pages of
``tests/quality/snippets.json`` (each picked for one mechanism: a boilerplate kind, a body layout, a
date source), vendored gzipped into ``tests/quality/pages/<set>/`` with their truth in
``tests/quality/truth.jsonl``, so the floor and its test run from the repository alone; only
``--vendor`` reads the benchmark data. Pages added since the folds exist are seen-fold pages only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
from pathlib import Path
from typing import Any

from .data import REPO_ROOT, Page, bench_root, decode_page, placeholder_url
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
from .systems import Prediction, ours

QUALITY_DIR = REPO_ROOT / "tests" / "quality"
SNIPPETS = QUALITY_DIR / "snippets.json"
FLOOR = QUALITY_DIR / "floor.json"
PAGES_DIR = QUALITY_DIR / "pages"
TRUTH = QUALITY_DIR / "truth.jsonl"
PROVENANCE = QUALITY_DIR / "PROVENANCE.md"
SETS = ("scrapinghub", "fundus", "readability", "dates")
# Scores may wobble by float rounding only; anything more is a regression.
TOLERANCE = 1e-6


def entries() -> list[dict[str, Any]]:
    return json.loads(SNIPPETS.read_text(encoding="utf-8"))["pages"]


def page_path(set_name: str, page_id: str) -> Path:
    return PAGES_DIR / set_name / f"{page_id}.html.gz"


def subset() -> dict[str, list[Page]]:
    """The vendored pages by set, in ``snippets.json`` order (no ../shared needed)."""
    rows = [json.loads(line) for line in TRUTH.read_text(encoding="utf-8").split("\n") if line] if TRUTH.exists() else []
    truth = {(row["set"], row["id"]): row for row in rows}
    by_set: dict[str, list[Page]] = {name: [] for name in SETS}
    for entry in entries():
        key = (entry["set"], entry["id"])
        path = page_path(*key)
        if key not in truth or not path.exists():
            raise SystemExit(f"floor page {key} is not vendored: run `python -m benchmarks floor --vendor`")
        html = decode_page(entry["set"], gzip.decompress(path.read_bytes()))
        by_set[entry["set"]].append(Page(id=entry["id"], url=truth[key]["url"], html=html,
                                         truth=truth[key]["truth"], set_name=entry["set"]))
    return by_set


# Where each set's pages come from (as ../shared/bench/PROVENANCE.md records it).
SOURCES = {
    "scrapinghub": (("scrapinghub/article-extraction-benchmark, commit 4a3bc979f76c0df73cb95fe272e2fc1b96f9f010: "
                    "`html/<id>.html.gz` and `ground-truth.json` (`articleBody`, `url`)"), "MIT"),
    "fundus": (("flairNLP/fundus, commit 18da6e53592f99cf0ac5770dc63d6ba99ba63ae8, "
               "`tests/resources/parser/test_data/`: the page and its parser test's expected values"), "MIT"),
    "readability": (("mozilla/readability, `test/test-pages/<id>/source.html`, truth the text of `expected.html`; "
                    "as mirrored in j-szulc/html-cleaning-dataset-merged, commit "
                    "46e01a04b47051838a228bf23631430b2c9de375, folder `readability/`"), "Apache-2.0"),
    "dates": (("adbar/htmldate, commit b8952828329abaeeb3be21387b526f2be614ce67, `tests/eval/` and `tests/test_set/`, "
              "truth from `tests/eval_default.json` (`bbaw-*`) and `tests/eval_mediacloud_2020.json` (`mediacloud-*`)"),
              "Apache-2.0"),
}


def write_provenance(rows: list[dict[str, Any]]) -> None:
    lines = ["# The quality floor's pages: where they come from", "",
             ("Written by `python -m benchmarks floor --vendor`, which copies the pages listed in `snippets.json` "
             "from `../shared/bench` (see its PROVENANCE.md): each page's bytes as stored there, gzipped, in "
             "`pages/<set>/<id>.html.gz`, and its truth in `truth.jsonl`. Test data of public repositories under "
             "the licences below; the page contents belong to their publishers (tests and benchmarks only)."), "",
             "| set | source | licence |", "|---|---|---|"]
    lines += [f"| {name} | {source} | {licence} |" for name, (source, licence) in SOURCES.items()]
    lines += ["", "| set | page | URL | guards | licence |", "|---|---|---|---|---|"]
    guards = {(e["set"], e["id"]): e["guards"] for e in entries()}
    for row in rows:
        url = row["url"] if not row["url"].startswith("https://readability.invalid/") else "(none: a test page)"
        lines.append(f"| {row['set']} | `{row['id']}` | {url} | {guards[(row['set'], row['id'])]} "
                     f"| {SOURCES[row['set']][1]} |")
    PROVENANCE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def vendor() -> None:
    """Copy each listed page (its bytes as stored, gzipped) and its truth from the benchmark data."""
    root = bench_root()
    wanted = [(e["set"], e["id"]) for e in entries()]
    truths: dict[str, dict[str, Any]] = {
        "scrapinghub": json.loads((root / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8")),
        "readability": json.loads((root / "readability" / "ground-truth.json").read_text(encoding="utf-8")),
    }
    for set_name in ("fundus", "dates"):
        rows = [json.loads(line) for line in (root / set_name / "truth.jsonl").read_text(encoding="utf-8").split("\n")
                if line]
        truths[set_name] = {row["id"]: row for row in rows}
    rows = []
    for set_name, page_id in wanted:
        truth = dict(truths[set_name][page_id])
        if set_name == "dates" and not isinstance(truth.get("date"), str):
            truth["date"] = None  # the set writes NaN for a page without a date
        url = truth.get("url") or placeholder_url(set_name, page_id)
        if set_name in ("readability", "dates") and not is_seen(page_id, url, set_name):
            raise SystemExit(f"{set_name} page {page_id} is in an unseen fold: the floor takes seen pages only")
        source = root / set_name / "html" / f"{page_id}.html.gz"
        data = gzip.decompress(source.read_bytes())
        target = page_path(set_name, page_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.compress(data, mtime=0))
        rows.append({"set": set_name, "id": page_id, "url": url, "truth": truth})
    TRUTH.write_text("".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows),
                     encoding="utf-8")
    write_provenance(rows)
    kept = {page_path(*key) for key in wanted}
    for stale in PAGES_DIR.glob("*/*.html.gz"):
        if stale not in kept:
            stale.unlink()
    print(f"vendored {len(rows)} pages into {PAGES_DIR} "
          f"({sum(p.stat().st_size for p in kept) / 1e6:.2f} MB), truth in {TRUTH}")


def predictions(pages: list[Page]) -> dict[str, Prediction]:
    return {page.id: ours(page.html, page.url) for page in pages}


def scores(pages: dict[str, list[Page]], predicted: dict[str, Prediction]) -> dict[str, float]:
    sh, fundus = pages.get("scrapinghub", []), pages.get("fundus", [])
    sh_body = body_scores([Overlap.of(p.truth["articleBody"], predicted[p.id].body) for p in sh])
    fundus_body = body_scores([Overlap.of("\n".join(p.truth["paragraphs"]), predicted[p.id].body, normalise=True)
                               for p in fundus])
    readability_body = body_scores([Overlap.of(p.truth["articleBody"], predicted[p.id].body)
                                    for p in pages.get("readability", [])])
    timed = []
    for page in fundus:
        truth = parse_moment(page.truth["published"])
        if truth is not None and truth_has_time(truth):
            timed.append(same_instant(truth, parse_moment(predicted[page.id].published)))
    captions = [c["caption"] for p in fundus for c in p.truth.get("captions") or [] if c.get("caption")]
    found = sum(caption_matches(c["caption"], predicted[p.id].captions)
                for p in fundus for c in p.truth.get("captions") or [] if c.get("caption"))
    dates = [(p.truth["date"], predicted[p.id].published) for p in pages.get("dates", [])]
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
        "readability_body_f1": round(readability_body["f1"], 4),
        # as the dates benchmark scores it: the right day, or no date where the page has none
        "dates_date_day": round(statistics.fmean(
            (pred is None) if truth is None else same_day(parse_moment(truth), parse_moment(pred))
            for truth, pred in dates), 4) if dates else 1.0,
    }


def load_floor(path: Path = FLOOR) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"floors": {}}


def raised(floor: dict[str, float], current: dict[str, float]) -> dict[str, float]:
    """Each floor raised to the current score where that is higher; never lowered."""
    return {key: max(value, floor.get(key, 0.0)) for key, value in current.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="raise the floors to today's scores")
    parser.add_argument("--vendor", action="store_true",
                        help="copy the pages of snippets.json and their truth from ../shared/bench into tests/quality")
    args = parser.parse_args()
    if args.vendor:
        vendor()
    pages = subset()
    current = scores(pages, predictions([p for group in pages.values() for p in group]))
    stored = load_floor()
    floors = stored.get("floors", {})
    for key, value in current.items():
        floor = floors.get(key)
        mark = "" if floor is None else ("  BELOW FLOOR" if value < floor - TOLERANCE else "")
        print(f"{key:<24} {value:.4f}   floor {floor if floor is not None else '-'}{mark}")
    if args.update:
        stored = {"about": "Aggregate scores of the generic extractor on the pages of snippets.json. "
                           "Raised by `python -m benchmarks floor --update`; never lowered.",
                  "floors": raised(floors, current)}
        FLOOR.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", FLOOR)


if __name__ == "__main__":
    main()
