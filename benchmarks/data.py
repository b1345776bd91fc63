"""Benchmark pages, loaded once into memory: ``../shared/bench`` next to the repository root (or ``$VNNEWS_BENCH``).

Sets: ``scrapinghub`` (body truth), ``fundus`` (headline, date, authors, body, captions), ``readability``
(Mozilla Readability's test pages, body truth in the ScrapingHub layout) and ``dates`` (htmldate's
evaluation pages, publication day). Each page is read as bytes and decoded the way the extractor
decodes a crawled page (:func:`extractors.encoding.decode_html`), so every system gets the same text.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def bench_root() -> Path:
    """``$VNNEWS_BENCH`` if set, else ``<repo>/../shared/bench``."""
    override = os.environ.get("VNNEWS_BENCH")
    root = Path(override) if override else REPO_ROOT.parent / "shared" / "bench"
    if not root.is_dir():
        raise SystemExit(f"benchmark data not found at {root} (clone the repo next to shared/ or set VNNEWS_BENCH)")
    return root


@dataclass(slots=True)
class Page:
    id: str
    url: str
    html: str
    truth: dict[str, Any] = field(default_factory=dict)
    set_name: str = ""


def decode_page(set_name: str, data: bytes) -> str:
    """A page's bytes as text. ScrapingHub and fundus pages are UTF-8 (read as their benchmarks read
    them); the readability and dates pages are decoded as a crawled page is (BOM, ``<meta charset>``,
    else UTF-8): the dates pages are not all UTF-8."""
    if set_name in ("scrapinghub", "fundus"):
        return data.decode("utf-8", errors="replace")
    from extractors.encoding import decode_html

    return decode_html(data)


def read_page(set_name: str, path: Path) -> str:
    data = path.read_bytes()
    return decode_page(set_name, gzip.decompress(data) if path.suffix == ".gz" else data)


def placeholder_url(set_name: str, page_id: str) -> str:
    """The URL given for a page whose truth has none (the readability set): a host that cannot exist."""
    return f"https://{set_name}.invalid/{page_id}"


def scrapinghub_pages(ids: list[str] | None = None) -> list[Page]:
    root = bench_root() / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = ids if ids is not None else sorted(truth)
    return [Page(id=key, url=truth[key]["url"], html=read_page("scrapinghub", root / "html" / f"{key}.html.gz"),
                 truth=truth[key], set_name="scrapinghub") for key in wanted]


def fundus_pages(ids: list[str] | None = None) -> list[Page]:
    root = bench_root() / "fundus"
    rows = [json.loads(line) for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_id = {row["id"]: row for row in rows}
    wanted = ids if ids is not None else sorted(by_id)
    return [Page(id=key, url=by_id[key]["url"], html=read_page("fundus", root / "html" / f"{key}.html.gz"),
                 truth=by_id[key], set_name="fundus") for key in wanted]


def readability_pages(ids: list[str] | None = None) -> list[Page]:
    root = bench_root() / "readability"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = ids if ids is not None else sorted(truth)
    return [Page(id=key, url=truth[key].get("url") or placeholder_url("readability", key),
                 html=read_page("readability", root / "html" / f"{key}.html.gz"), truth=truth[key],
                 set_name="readability")
            for key in wanted]


def dates_pages(ids: list[str] | None = None) -> list[Page]:
    """htmldate's evaluation pages; ``truth["date"]`` is the publication day, or None where the page has none
    (the set writes NaN there)."""
    root = bench_root() / "dates"
    rows = [json.loads(line) for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_id = {row["id"]: {**row, "date": row["date"] if isinstance(row.get("date"), str) else None} for row in rows}
    wanted = ids if ids is not None else sorted(by_id)
    pages = []
    for key in wanted:
        path = next(p for p in (root / "html" / f"{key}.html.gz", root / "html" / f"{key}.html") if p.exists())
        pages.append(Page(id=key, url=by_id[key]["url"], html=read_page("dates", path), truth=by_id[key],
                          set_name="dates"))
    return pages


def iter_pages(set_name: str) -> Iterator[Page]:
    """Pages one at a time, each read from disk when needed (for memory measurements)."""
    root = bench_root() / set_name
    if set_name == "scrapinghub":
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth):
            yield Page(id=key, url=truth[key]["url"], html=read_page(set_name, root / "html" / f"{key}.html.gz"))
    else:
        for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield Page(id=row["id"], url=row["url"], html=read_page(set_name, root / "html" / f"{row['id']}.html.gz"))
