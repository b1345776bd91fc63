"""Run a system over pages, timing each call and catching (and counting) any exception."""

from __future__ import annotations

import argparse
import json
import subprocess
import time
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .data import REPO_ROOT, RESULTS_DIR, Page
from .systems import SYSTEMS, Prediction, versions


@dataclass(slots=True)
class Outcome:
    page: Page
    prediction: Prediction
    seconds: float
    error: str | None = None


def run(system: str, pages: list[Page]) -> list[Outcome]:
    call = SYSTEMS[system]
    outcomes = []
    for page in pages:
        start = time.perf_counter()
        try:
            prediction, error = call(page.html, page.url), None
        except Exception as exc:  # noqa: BLE001  a benchmark reports any crash, it does not stop on one
            prediction, error = Prediction(), f"{type(exc).__name__}: {exc} | {traceback.format_exc(limit=-2)}"
        outcomes.append(Outcome(page, prediction, time.perf_counter() - start, error))
    return outcomes


def health(outcomes: list[Outcome]) -> dict[str, Any]:
    slowest = max(outcomes, key=lambda o: o.seconds)
    return {"errors": sum(o.error is not None for o in outcomes),
            "error_pages": [o.page.id for o in outcomes if o.error],
            "max_seconds": round(slowest.seconds, 4), "slowest_page": slowest.page.id,
            "pages_over_1s": sum(o.seconds >= 1.0 for o in outcomes)}


def arguments(description: str, default_systems: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--systems", nargs="+", default=default_systems, choices=sorted(SYSTEMS),
                        help=f"systems to run (default: {' '.join(default_systems)})")
    parser.add_argument("--ids", nargs="+", help="only these page ids")
    parser.add_argument("--no-write", action="store_true", help="print only; leave results/ untouched")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print the N worst SEEN pages of ours (unseen folds are never listed)")
    return parser.parse_args()


def code_version() -> str | None:
    """The commit measured, ``+dirty`` when the extractor or benchmark code differs from it (None without git)."""
    try:
        commit = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10, check=True).stdout.strip()
        changed = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain", "--", "extractors",
                                  "benchmarks/*.py"], capture_output=True, text=True, timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+dirty" if changed.strip() else "")


def write_result(name: str, payload: dict[str, Any]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    payload = {"benchmark": name, "date": datetime.now(UTC).isoformat(timespec="seconds"), "code": code_version(),
               "versions": versions(), **payload}
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
