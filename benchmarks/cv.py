"""Publisher-grouped cross-validation over every dev set: each figure for seen, unseen, all and the gap.

    python -m benchmarks cv                        # ours + every anchor on all four sets -> results/cv.json
    python -m benchmarks cv --systems ours         # ours only, printed (about 15 s)
    python -m benchmarks cv --systems ours --show 5   # ... and the 5 worst SEEN pages per figure

Pages are split by publisher (``benchmarks/folds.py``): folds 0-2 are *seen* (tune on them, look at
their pages), folds 3-4 *unseen* (read only these aggregates). The gap is seen minus unseen; issue 9
asks for a gap of at most 0.02 on every field. Each system runs once per page and every figure of a
set is summed from the same page scores. Unseen pages are never listed, here or in the JSON.
Only a full run (default systems, every set) writes ``results/cv.json``; a partial run prints.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from .folds import SEEN_FOLDS, UNSEEN_FOLDS, fold_of, is_seen, publisher_of
from .runner import Outcome, run, write_result
from .sets import SETS, BenchSet, Figures
from .systems import FIELDS, SYSTEMS

GAP_TARGET = 0.02
GROUPS = ("seen", "unseen", "all")
RESAMPLES = 200  # publisher bootstrap of ours' gaps: how much of a gap the choice of publishers alone makes


def default_systems(bench_set: BenchSet) -> list[str]:
    return ["ours", *bench_set.anchors]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def summarise(bench_set: BenchSet, scores: list[dict[str, Any]]) -> Figures:
    """The set's figures of these page scores; every figure None for no pages (an empty fold group)."""
    return bench_set.summarise(scores) if scores else dict.fromkeys(bench_set.figures)


def grouped_figures(bench_set: BenchSet, system: str, outcomes: list[Outcome],
                    scores: list[dict[str, Any]], resamples: int = 0) -> dict[str, dict[str, float | None]]:
    """``{figure: {seen, unseen, all, gap}}`` for the figures of the fields ``system`` gives; with
    ``resamples``, also ``gap_se``: the standard error of the gap when each group's publishers are
    resampled with replacement (a gap within about two of them may be the folds' luck, not tuning)."""
    seen = [is_seen(o.page.id, o.page.url, bench_set.name) for o in outcomes]
    by_group: dict[str, Figures] = {
        "seen": summarise(bench_set, [s for s, keep in zip(scores, seen) if keep]),
        "unseen": summarise(bench_set, [s for s, keep in zip(scores, seen) if not keep]),
        "all": summarise(bench_set, scores),
    }
    wanted = [figure for figure, field in bench_set.figures.items() if field in FIELDS[system]]
    spread = _gap_spread(bench_set, outcomes, scores, seen, wanted, resamples) if resamples else {}
    figures = {}
    for figure in wanted:
        values = {group: _round(by_group[group][figure]) for group in GROUPS}
        gap = None if values["seen"] is None or values["unseen"] is None else round(values["seen"] - values["unseen"], 4)
        figures[figure] = {**values, "gap": gap} | ({"gap_se": spread.get(figure)} if resamples else {})
    return figures


def _gap_spread(bench_set: BenchSet, outcomes: list[Outcome], scores: list[dict[str, Any]], seen: list[bool],
                figures: list[str], resamples: int) -> dict[str, float | None]:
    """Standard error of each figure's gap under a publisher bootstrap (fixed seed: runs are repeatable)."""
    groups: dict[bool, dict[str, list[dict[str, Any]]]] = {True: {}, False: {}}
    for outcome, score, keep in zip(outcomes, scores, seen):
        publisher = publisher_of(outcome.page.id, outcome.page.url, bench_set.name)
        groups[keep].setdefault(publisher, []).append(score)
    rng = random.Random(0)
    gaps: dict[str, list[float]] = {figure: [] for figure in figures}
    for _ in range(resamples):
        drawn = {}
        for keep, publishers in groups.items():
            names = list(publishers)
            drawn[keep] = summarise(bench_set, [s for name in rng.choices(names, k=len(names)) for s in publishers[name]])
        for figure in figures:
            if drawn[True][figure] is not None and drawn[False][figure] is not None:
                gaps[figure].append(drawn[True][figure] - drawn[False][figure])
    return {figure: round(statistics.stdev(values), 4) if len(values) > 1 else None for figure, values in gaps.items()}


def fold_counts(bench_set: BenchSet, outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """Pages and publishers in each group (counts only: no unseen page or publisher is named)."""
    publishers = {"seen": set(), "unseen": set()}
    pages = {"seen": 0, "unseen": 0}
    for outcome in outcomes:
        publisher = publisher_of(outcome.page.id, outcome.page.url, bench_set.name)
        group = "seen" if fold_of(publisher) in SEEN_FOLDS else "unseen"
        publishers[group].add(publisher)
        pages[group] += 1
    return {"pages": {**pages, "all": len(outcomes)},
            "publishers": {group: len(names) for group, names in publishers.items()}
            | {"all": sum(len(names) for names in publishers.values())}}


def health_counts(outcomes: list[Outcome]) -> dict[str, Any]:
    """Errors and slow pages counted; only seen pages are named."""
    seen_errors = [o.page.id for o in outcomes if o.error and is_seen(o.page.id, o.page.url, o.page.set_name)]
    return {"errors": sum(o.error is not None for o in outcomes), "seen_error_pages": seen_errors,
            "pages_over_1s": sum(o.seconds >= 1.0 for o in outcomes),
            "max_seconds": round(max((o.seconds for o in outcomes), default=0.0), 4),
            "seconds": round(sum(o.seconds for o in outcomes), 2)}


def evaluate(bench_set: BenchSet, systems: list[str], ids: list[str] | None = None,
             on_page_scores: Callable[[str, list[Outcome], list[dict[str, Any]]], None] | None = None) -> dict[str, Any]:
    """Run each system once over the set's pages and sum its page scores by fold group."""
    pages = bench_set.load(ids)
    result: dict[str, Any] = {"about": bench_set.about, "systems": {}}
    for system in systems:
        outcomes = run(system, pages)
        scores = [bench_set.score(o) for o in outcomes]
        result.setdefault("folds", fold_counts(bench_set, outcomes))
        resamples = RESAMPLES if system == "ours" else 0
        result["systems"][system] = {"figures": grouped_figures(bench_set, system, outcomes, scores, resamples),
                                     "health": health_counts(outcomes)}
        if on_page_scores is not None:
            on_page_scores(system, outcomes, scores)
    return result


def gap_rows(sets_result: dict[str, Any]) -> list[dict[str, Any]]:
    """Ours, each primary figure of each set: its gap and whether it meets the target (gap <= 0.02)."""
    rows = []
    for name, result in sets_result.items():
        figures = result["systems"].get("ours", {}).get("figures", {})
        for figure in SETS[name].primary:
            values = figures.get(figure, {})
            if values.get("gap") is not None:
                rows.append({"set": name, "figure": figure, "gap": values["gap"], "gap_se": values.get("gap_se"),
                             "met": values["gap"] <= GAP_TARGET})
    return rows


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def print_set(name: str, result: dict[str, Any]) -> None:
    folds = result["folds"]
    print(f"\n== {name}: {result['about']}; pages seen {folds['pages']['seen']} / unseen {folds['pages']['unseen']}, "
          f"publishers seen {folds['publishers']['seen']} / unseen {folds['publishers']['unseen']}")
    print(f"   {'figure':<24} {'system':<18} {'seen':>6} {'unseen':>7} {'all':>6} {'gap':>7} {'±se':>6}")
    for figure in SETS[name].figures:
        for system, entry in result["systems"].items():
            values = entry["figures"].get(figure)
            if values is not None:
                print(f"   {figure:<24} {system:<18} {_fmt(values['seen']):>6} {_fmt(values['unseen']):>7} "
                      f"{_fmt(values['all']):>6} {_fmt(values['gap']):>7} {_fmt(values.get('gap_se')):>6}")
    for system, entry in result["systems"].items():
        health = entry["health"]
        if health["errors"] or health["pages_over_1s"]:
            print(f"   {system}: {health['errors']} errors (seen: {health['seen_error_pages']}), "
                  f"{health['pages_over_1s']} pages over 1 s")


def _detail(bench_set: BenchSet, figure: str, outcome: Outcome) -> str:
    truth, pred = outcome.page.truth, outcome.prediction
    if figure == "headline":
        return f"truth={truth.get('title')!r} ours={pred.headline!r}"
    if figure.startswith("date"):
        return f"truth={truth.get('published', truth.get('date'))!r} ours={pred.published!r}"
    if figure == "authors_f1":
        return f"truth={truth.get('authors')} ours={pred.authors}"
    return outcome.page.url


def show_worst_seen(bench_set: BenchSet, outcomes: list[Outcome], scores: list[dict[str, Any]], count: int) -> None:
    """The ``count`` worst SEEN pages of each primary figure; unseen pages are skipped before sorting."""
    seen = [(o, bench_set.page_values(s)) for o, s in zip(outcomes, scores)
            if is_seen(o.page.id, o.page.url, bench_set.name)]
    for figure in bench_set.primary:
        rows = sorted(((values[figure], o) for o, values in seen
                       if values.get(figure) is not None and values[figure] < 1.0), key=lambda row: row[0])
        if rows:
            print(f"   worst seen {bench_set.name} {figure} ({len(rows)} below 1):")
        for value, outcome in rows[:count]:
            print(f"      {value:.3f} {outcome.page.id[:40]} {_detail(bench_set, figure, outcome)[:160]}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks cv", description=__doc__.splitlines()[0])
    parser.add_argument("--systems", nargs="+", choices=sorted(SYSTEMS),
                        help="systems to run; each runs on the sets where it is ours or an anchor "
                             "(default: ours and every set's anchors)")
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), help="only these sets (default: all)")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print ours' N worst SEEN pages per figure (unseen pages are never listed)")
    parser.add_argument("--no-write", action="store_true", help="print only, even after a full run")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started, started_cpu = time.perf_counter(), time.process_time()
    sets_result: dict[str, Any] = {}
    for name in args.sets or list(SETS):
        bench_set = SETS[name]
        systems = [s for s in default_systems(bench_set) if args.systems is None or s in args.systems]
        if not systems:
            continue

        def show(system: str, outcomes: list[Outcome], scores: list[dict[str, Any]], bench_set=bench_set) -> None:
            if args.show and system == "ours":
                show_worst_seen(bench_set, outcomes, scores, args.show)

        sets_result[name] = evaluate(bench_set, systems, on_page_scores=show)
        print_set(name, sets_result[name])
    gaps = gap_rows(sets_result)
    if gaps:
        print(f"\n== gap (seen - unseen) of ours, target <= {GAP_TARGET}; ± its standard error over "
              f"{RESAMPLES} publisher resamples")
        for row in gaps:
            print(f"   {row['set']:<12} {row['figure']:<18} {row['gap']:+.3f} ±{_fmt(row['gap_se'])}  "
                  f"{'met' if row['met'] else 'MISSED'}")
    elapsed, cpu = round(time.perf_counter() - started, 1), round(time.process_time() - started_cpu, 1)
    print(f"\n{elapsed} s ({cpu} s of CPU)")
    full = args.systems is None and args.sets is None
    if full and not args.no_write:
        print("wrote", write_result("cv", {
            "folds": {"definition": "benchmarks/folds.py: fold = crc32(publisher) % 5",
                      "seen": sorted(SEEN_FOLDS), "unseen": sorted(UNSEEN_FOLDS)},
            "gap_target": GAP_TARGET, "gap_se": f"ours: standard error of the gap over {RESAMPLES} publisher "
                                                 "resamples (with replacement, within each group)",
            "seconds": elapsed, "cpu_seconds": cpu, "sets": sets_result, "gaps": gaps}))
    elif not args.no_write:
        print("not written: a partial run (--systems or --sets); results/cv.json holds full runs only")


if __name__ == "__main__":
    main()
