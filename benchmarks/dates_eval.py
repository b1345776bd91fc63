"""Publication-day accuracy on ../shared/bench/dates, ours and htmldate side by side, by fold (interim).

    python -m benchmarks.dates_eval              # ours (record and dates stage) and htmldate
    python -m benchmarks.dates_eval --no-htmldate

The ``method`` helper's ``python -m benchmarks dates`` supersedes this; kept until the two are
reconciled. Pages are read as bytes and decoded as the extractor decodes them (htmldate gets that same
text). A page scores when the predicted date's day, as written, is the truth's ``date``. "record" is
``datePublished`` of the record (None when the page is judged no article); "dates stage" is the dates
stage's value on every page (what the record would carry); htmldate is
``find_date(html, url=url, original_date=True)``. Seen = folds 0-2, unseen = folds 3-4
(``benchmarks.folds``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import warnings

from extractors import pipeline
from extractors.document import Document
from extractors.encoding import decode_html
from extractors.page import ArticlePage

from .data import bench_root
from .folds import is_seen
from .systems import FETCHED_AT


def ours(raw: bytes, url: str) -> tuple[str | None, str | None]:
    """(the record's datePublished, the dates stage's datePublished)."""
    profile = ArticlePage()
    article = pipeline.run(Document.parse(raw, url, FETCHED_AT), profile)
    doc = Document.parse(raw, url, FETCHED_AT)
    cleaned = pipeline.clean_page(doc, profile)
    header = pipeline.read_header(doc, profile)
    reading = pipeline.read_main(doc, profile)
    media = pipeline.read_media(doc, profile, cleaned, reading)
    body = pipeline.read_content(doc, profile, cleaned, header, reading, media)
    dated = pipeline.read_dates(doc, profile, cleaned, header, reading, body)
    return (article.datePublished if article else None), dated.datePublished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-htmldate", action="store_true")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    root = bench_root() / "dates"
    rows = []
    for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        raw = gzip.decompress((root / "html" / f"{truth['id']}.html.gz").read_bytes())
        record, stage = ours(raw, truth["url"])
        row = {"seen": is_seen(truth["id"], truth["url"], "dates"),
               "record": (record or "")[:10] == truth["date"], "dates stage": (stage or "")[:10] == truth["date"]}
        if not args.no_htmldate:
            from htmldate import find_date

            try:
                found = find_date(decode_html(raw), url=truth["url"], original_date=True)
            except Exception:  # noqa: BLE001  a benchmark reports a failure as a miss
                found = None
            row["htmldate"] = found == truth["date"]
        rows.append(row)
    for name, chosen in (("all", rows), ("seen", [r for r in rows if r["seen"]]),
                         ("unseen", [r for r in rows if not r["seen"]])):
        scores = " ".join(f"{key}={sum(r[key] for r in chosen) / len(chosen):.3f}" for key in rows[0] if key != "seen")
        print(f"{name:<7} pages={len(chosen):<4} {scores}")


if __name__ == "__main__":
    main()
