"""Speed and memory: ours and trafilatura in the same process, on one core, HTML already in memory.

    python -m benchmarks.speed                  # both sets, ours + trafilatura, writes results/speed.json
    python -m benchmarks.speed --repeat 3       # per page, the median of 3 timed runs
    python -m benchmarks.speed --stages         # ours only: where its time goes, stage by stage

Time: ``time.perf_counter`` around each call, after a warm-up pass (imports, caches). Pages per
second = pages / summed per-page time. Peak memory: each system runs the whole set again in a
fresh child process that reads the pages one at a time; its peak resident set size (``VmHWM``)
is reported, with the growth over its size after the first page (imports done). Lexbor and lxml
allocate outside Python's heap, which ``tracemalloc`` would not see.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from contextlib import suppress
from typing import Any

from .data import Page, fundus_pages, iter_pages, scrapinghub_pages
from .runner import write_result
from .systems import SYSTEMS

DEFAULT_SYSTEMS = ["ours", "trafilatura", "trafilatura-full"]
SETS = {"scrapinghub": scrapinghub_pages, "fundus": fundus_pages}


def pin_to_one_core() -> int | None:
    """Run on one CPU (the first this process may use), so no library parallelises behind our back."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def time_pages(system: str, pages: list[Page], repeat: int) -> list[float]:
    call = SYSTEMS[system]
    for page in pages[:10]:  # warm-up: imports, compiled regexes, caches
        call(page.html, page.url)
    seconds = []
    for page in pages:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            with suppress(Exception):  # crashes are counted by the quality runs; speed still times the call
                call(page.html, page.url)
            runs.append(time.perf_counter() - start)
        seconds.append(statistics.median(runs))
    return seconds


STAGES = ("parse (meta, JSON-LD, scripts)", "cleaning", "header (headline, credits)", "reading (main container)",
          "media (images, videos)", "content (body blocks)", "dates and the article test", "metadata and the record")


def time_stages(pages: list[Page]) -> dict[str, float]:
    """Ours, one pipeline stage at a time (``extractors.pipeline``): mean milliseconds per page."""
    from extractors import pipeline
    from extractors.document import Document
    from extractors.page import ArticlePage

    from .systems import FETCHED_AT

    profile = ArticlePage()
    totals = dict.fromkeys(STAGES, 0.0)
    for warm_up in (True, False):
        for page in pages[:10] if warm_up else pages:
            marks = [time.perf_counter()]
            doc = Document.parse(page.html, page.url, FETCHED_AT)
            marks.append(time.perf_counter())
            cleaned = pipeline.clean_page(doc, profile)
            marks.append(time.perf_counter())
            header = pipeline.read_header(doc, profile)
            marks.append(time.perf_counter())
            reading = pipeline.read_main(doc, profile)
            marks.append(time.perf_counter())
            media = pipeline.read_media(doc, profile, cleaned, reading)
            marks.append(time.perf_counter())
            body = pipeline.read_content(doc, profile, cleaned, header, reading, media)
            marks.append(time.perf_counter())
            dated = pipeline.read_dates(doc, profile, cleaned, header, reading, body)
            article = pipeline.is_article(doc, profile, cleaned, header, reading, body, dated)
            marks.append(time.perf_counter())
            if article:
                described = pipeline.read_metadata(doc, profile, cleaned, header, body)
                pipeline.assemble(doc, profile, cleaned, reading, media, body, dated, described, header=header)
            marks.append(time.perf_counter())
            if not warm_up:
                for stage, start, end in zip(STAGES, marks[:-1], marks[1:], strict=True):
                    totals[stage] += end - start
    return {stage: round(seconds / len(pages) * 1000, 3) for stage, seconds in totals.items()}


def summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "pages": len(seconds),
        "median_ms": round(statistics.median(seconds) * 1000, 3),
        "mean_ms": round(statistics.fmean(seconds) * 1000, 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
        "pages_per_second": round(len(seconds) / sum(seconds), 1),
    }


def _peak_rss_mb() -> float:
    """The process's peak resident size. VmHWM, not ru_maxrss: a child started by fork + exec inherits
    its parent's ru_maxrss, while VmHWM belongs to the memory image exec created."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _current_rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def memory_child(system: str, set_name: str) -> dict[str, float]:
    """Run in a fresh process: import the system, then extract the pages one by one (each read from disk
    when its turn comes), and report the peak resident size against the size before the first page."""
    call = SYSTEMS[system]
    pages = iter_pages(set_name)
    first = next(pages)
    call(first.html, first.url)  # imports and caches count in the baseline
    baseline = _current_rss_mb()
    for page in pages:
        with suppress(Exception):  # crashes are counted by the quality runs
            call(page.html, page.url)
    peak = _peak_rss_mb()
    return {"peak_rss_mb": round(peak, 1), "baseline_rss_mb": round(baseline, 1),
            "growth_mb": round(peak - baseline, 1)}


def measure_memory(system: str, set_name: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "benchmarks.speed", "--memory-child", system, set_name],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", nargs="+", default=DEFAULT_SYSTEMS, choices=sorted(SYSTEMS))
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per page (median taken)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory child processes")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--stages", action="store_true", help="ours only: mean ms per page of each pipeline stage")
    parser.add_argument("--memory-child", nargs=2, metavar=("SYSTEM", "SET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        pin_to_one_core()
        print(json.dumps(memory_child(*args.memory_child)))
        return
    cpu = pin_to_one_core()
    if args.stages:
        for set_name in args.sets:
            stages = time_stages(SETS[set_name]())
            print(f"{set_name}: {sum(stages.values()):.3f} ms per page")
            for stage, ms in stages.items():
                print(f"  {stage:<42} {ms:7.3f} ms")
        return
    results: dict[str, Any] = {"cpu": cpu, "repeat": args.repeat, "sets": {}}
    for set_name in args.sets:
        pages = SETS[set_name]()
        per_system: dict[str, Any] = {}
        for system in args.systems:
            stats = summary(time_pages(system, pages, args.repeat))
            if not args.no_memory:
                stats["memory"] = measure_memory(system, set_name)
            per_system[system] = stats
            print(f"{set_name:<12} {system:<18} median {stats['median_ms']:8.2f} ms  p95 {stats['p95_ms']:8.2f} ms  "
                  f"max {stats['max_ms']:8.2f} ms  {stats['pages_per_second']:8.1f} pages/s"
                  + (f"  peak RSS {stats['memory']['peak_rss_mb']} MB (+{stats['memory']['growth_mb']})"
                     if "memory" in stats else ""))
        if "ours" in per_system:
            for system, stats in per_system.items():
                if system != "ours":
                    stats["ours_speedup"] = round(per_system["ours"]["pages_per_second"] / stats["pages_per_second"], 1)
        results["sets"][set_name] = per_system
    if not args.no_write:
        print("wrote", write_result("speed", results))


if __name__ == "__main__":
    main()
