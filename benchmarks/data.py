"""Benchmark pages, loaded once into memory: ``../shared/bench`` next to the repository root."""

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


def _read_gz(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def scrapinghub_pages(ids: list[str] | None = None) -> list[Page]:
    root = bench_root() / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    wanted = ids if ids is not None else sorted(truth)
    return [Page(id=key, url=truth[key]["url"], html=_read_gz(root / "html" / f"{key}.html.gz"), truth=truth[key])
            for key in wanted]


def fundus_pages(ids: list[str] | None = None) -> list[Page]:
    root = bench_root() / "fundus"
    rows = [json.loads(line) for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    by_id = {row["id"]: row for row in rows}
    wanted = ids if ids is not None else sorted(by_id)
    return [Page(id=key, url=by_id[key]["url"], html=_read_gz(root / "html" / f"{key}.html.gz"), truth=by_id[key])
            for key in wanted]


def iter_pages(set_name: str) -> Iterator[Page]:
    """Pages one at a time, each read from disk when needed (for memory measurements)."""
    root = bench_root() / set_name
    if set_name == "scrapinghub":
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth):
            yield Page(id=key, url=truth[key]["url"], html=_read_gz(root / "html" / f"{key}.html.gz"))
    else:
        for line in (root / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield Page(id=row["id"], url=row["url"], html=_read_gz(root / "html" / f"{row['id']}.html.gz"))
