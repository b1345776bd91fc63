"""The results table: ``benchmarks/results/*.json`` -> ``benchmarks/results/SUMMARY.md``.

    python -m benchmarks.report

Every number comes from the JSON files of the last runs; each target of issue 4 is checked
against them (met / missed), ours next to trafilatura's value from the same run.
"""

from __future__ import annotations

import json
from typing import Any

from .data import RESULTS_DIR

SUMMARY = RESULTS_DIR / "SUMMARY.md"


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS_DIR / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _row(target: str, ours: float | None, theirs: float | None, floor: float | None, digits: int = 3,
         higher_than_theirs: bool = True) -> str:
    met = ours is not None and (floor is None or ours >= floor) and (
        not higher_than_theirs or theirs is None or ours > theirs)
    return f"| {target} | {_fmt(ours, digits)} | {_fmt(theirs, digits)} | {'met' if met else '**missed**'} |"


def build() -> str:
    sh, fundus, speed = _load("scrapinghub"), _load("fundus"), _load("speed")
    lines = ["# Benchmark results", ""]
    first = next((r for r in (sh, fundus, speed) if r), None)
    if first is None:
        return "# Benchmark results\n\nNo results yet: run `python -m benchmarks all`.\n"
    versions = first["versions"]
    runs = ", ".join(f"{r['benchmark']} {r['date']}" for r in (sh, fundus, speed) if r)
    packages = ", ".join(f"{name} {version}" for name, version in versions.items())
    lines += [f"Run: {runs}.", f"Versions: {packages}.",
              "Ours = the generic `ArticlePage` (no site profile); trafilatura with default settings, same process.",
              "", "## Targets of issue 4", "",
              "| target | ours | trafilatura | |", "|---|---|---|---|"]
    if sh:
        ours_sh = sh["systems"]["ours"]["body"]
        theirs = max((sh["systems"][s]["body"]["f1"] for s in ("trafilatura", "trafilatura-no-comments")
                      if s in sh["systems"]), default=None)
        lines.append(_row("ScrapingHub body F1 ≥ 0.97 (vs the better trafilatura setting)", ours_sh["f1"], theirs, 0.97))
    if fundus:
        o = fundus["systems"]["ours"]["scores"]
        t = fundus["systems"].get("trafilatura-full", {}).get("scores", {})
        lines += [
            _row("fundus headline ≥ 0.95", o["headline"], t.get("headline"), 0.95),
            _row("fundus date, same day ≥ 0.97", o["date_day"], t.get("date_day"), 0.97),
            _row(f"fundus date, same instant ≥ 0.85 ({o['date_time_pages']} pages with a time)", o["date_time"],
                 t.get("date_time"), 0.85),
            _row("fundus authors F1 ≥ 0.85", o["authors_f1"], t.get("authors_f1"), 0.85),
            _row(f"(fundus authors F1 of people only, on the {o['authors_people_truth_pages']} pages whose truth "
                 "names people only)", o["people_f1_people_truth"], t.get("people_f1_people_truth"), 0.85),
            _row(f"(fundus date, same day, on the truth with {len(fundus.get('truth_corrections', {}))} hand-checked "
                 "errors corrected)", o.get("corrected_truth", {}).get("date_day"),
                 t.get("corrected_truth", {}).get("date_day"), 0.97),
            _row("(fundus authors F1, corrected truth)", o.get("corrected_truth", {}).get("authors_f1"),
                 t.get("corrected_truth", {}).get("authors_f1"), 0.85),
            _row("fundus body F1 ≥ 0.96 (vs paragraphs)", o["body"]["f1"], t.get("body", {}).get("f1"), 0.96),
            _row("fundus caption recall ≥ 0.80", o["caption_recall"], t.get("caption_recall") or 0.0, 0.80),
        ]
    if speed:
        for set_name, systems in speed["sets"].items():
            ours = systems.get("ours", {})
            for other in ("trafilatura", "trafilatura-full"):
                if other in systems:
                    ratio = ours.get("pages_per_second", 0) / systems[other]["pages_per_second"]
                    lines.append(f"| ≥ 10× {other} pages/s on {set_name} | {ours.get('pages_per_second')} p/s "
                                 f"| {systems[other]['pages_per_second']} p/s | "
                                 f"{'met' if ratio >= 10 else '**missed**'} ({ratio:.1f}×) |")
    health = []
    for result in (sh, fundus):
        if result:
            h = result["systems"]["ours"]["health"]
            health.append(f"{result['benchmark']}: {h['errors']} errors, slowest page {h['max_seconds']} s")
    if health:
        ok = all(r["systems"]["ours"]["health"]["errors"] == 0 and r["systems"]["ours"]["health"]["max_seconds"] < 1
                 for r in (sh, fundus) if r)
        lines.append(f"| no page raises, every page < 1 s | {'; '.join(health)} | | {'met' if ok else '**missed**'} |")
    lines += ["", "## Detail", ""]
    if sh:
        lines += ["### ScrapingHub (181 pages, `articleBody`)", "", "| system | precision | recall | F1 |",
                  "|---|---|---|---|"]
        for name, result in sh["systems"].items():
            b = result["body"]
            lines.append(f"| {name} | {b['precision']:.4f} | {b['recall']:.4f} | {b['f1']:.4f} |")
        lines.append("")
    if fundus:
        lines += ["### fundus set (178 pages, 121 publishers)", "",
                  ("| system | headline | date (day) | date (instant) | authors F1 (P / R) | body F1 (P / R) "
                   "| body F1 vs summary+paragraphs | caption recall (precision) |"), "|---|---|---|---|---|---|---|---|"]
        for name, result in fundus["systems"].items():
            s = result["scores"]
            lines.append(
                f"| {name} | {s['headline']:.3f} | {s['date_day']:.3f} | {_fmt(s['date_time'])} | "
                f"{s['authors_f1']:.3f} ({s['authors_precision']:.3f} / {s['authors_recall']:.3f}) | "
                f"{s['body']['f1']:.4f} ({s['body']['precision']:.3f} / {s['body']['recall']:.3f}) | "
                f"{s['body_vs_summary_and_paragraphs']['f1']:.4f} | {_fmt(s['caption_recall'])} "
                f"({_fmt(s.get('caption_precision'))}) |")
        lines.append("")
    if speed:
        lines += [f"### Speed (one core: CPU {speed['cpu']}; HTML in memory; median of {speed['repeat']} run(s) per page)",
                  "", "| set | system | median ms | p95 ms | max ms | pages/s | peak RSS MB (growth) |",
                  "|---|---|---|---|---|---|---|"]
        for set_name, systems in speed["sets"].items():
            for name, s in systems.items():
                memory = s.get("memory")
                mem = f"{memory['peak_rss_mb']} (+{memory['growth_mb']})" if memory else "–"
                lines.append(f"| {set_name} | {name} | {s['median_ms']} | {s['p95_ms']} | {s['max_ms']} | "
                             f"{s['pages_per_second']} | {mem} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def main() -> None:
    text = build()
    SUMMARY.parent.mkdir(parents=True, exist_ok=True)
    SUMMARY.write_text(text, encoding="utf-8")
    print(text)
    print("wrote", SUMMARY)


if __name__ == "__main__":
    main()
