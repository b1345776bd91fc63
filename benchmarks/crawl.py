"""``python -m benchmarks crawl [--pages 2000 20000]``: how fast and how big a whole crawl is.

A portal of N distinct article pages (the ScrapingHub and fundus bench pages, each under many URLs:
:mod:`benchmarks.portal_server`) is served by a separate process on 127.0.0.1, and crawled with
politeness off (``AUTOTHROTTLE_ENABLED=False DOWNLOAD_DELAY=0 CONCURRENT_REQUESTS=64
CONCURRENT_REQUESTS_PER_DOMAIN=64 ROBOTSTXT_OBEY=False``) by:

- ``noop``: a spider that fetches every page and yields a tiny dict (no extraction, no pipelines): the
  ceiling of the machine's fetch rate;
- ``news``: ``scrapy crawl news`` with the project's defaults (extraction in worker processes,
  validation, seen-store, group-committed feed);
- ``redis1``, ``redis3``: the same as 1 and 3 workers of one crawl on a local redis-server;
- ``redis3kill``: 3 workers, one SIGKILLed once it wrote a tenth of the pages, the others finish, then
  the killed one is run again: pages missing / written twice after each step.

Per run: pages/s (pages written over the crawl's time, spider open to close; for Redis, the longest
worker's), CPU ms a page and peak RSS summed over every process of the run (crawl, extraction workers,
forkserver; sampled from /proc every 0.2 s; shared pages are counted in each process), and for Redis the
lines each worker wrote and whether every page was written exactly once. Then the pipelines' CPU a
record, measured in process on the bench records (``to_dict`` + validation + the feed line).
Results go to ``benchmarks/results/crawl.json`` and the table to ``benchmarks/results/crawl.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Self

from benchmarks.data import bench_root
from benchmarks.portal_server import PortalProcess, RedisServer

RESULTS = Path(__file__).parent / "results"
REPO = Path(__file__).resolve().parent.parent
NOOP_SPIDER = Path(__file__).parent / "noop_spider.py"
FAST = {"AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS": "64",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "64", "ROBOTSTXT_OBEY": "False", "TELNETCONSOLE_ENABLED": "False",
        "ALARMS_ENABLED": "False", "LOG_LEVEL": "INFO", "LOGSTATS_INTERVAL": "600"}
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
ELAPSED_RE = re.compile(r"'elapsed_time_seconds': ([0-9.]+)")


class SessionMonitor:
    """CPU and RSS of every process in the given sessions (a crawl started with ``start_new_session``)."""

    def __init__(self) -> None:
        self.sessions: set[int] = set()
        self.cpu_ticks: dict[int, int] = {}
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / TICKS

    @property
    def crawl_process_cpu_seconds(self) -> float:
        """CPU of the crawl processes themselves (the event loops), less their extraction workers."""
        return sum(ticks for pid, ticks in self.cpu_ticks.items() if pid in self.sessions) / TICKS

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.sample()

    def sample(self) -> None:
        rss = 0
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) not in self.sessions:  # field 6 of stat: the session id
                continue
            self.cpu_ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
            rss += int(fields[21]) * PAGE_SIZE
        self.peak_rss = max(self.peak_rss, rss)


def templates() -> list[Path]:
    root = bench_root()
    return sorted((root / "scrapinghub" / "html").glob("*.html.gz")) + sorted((root / "fundus" / "html").glob("*.gz"))


def crawl_command(kind: str, portal: PortalProcess, feed: Path, settings: dict[str, str], *,
                  append: bool = False) -> list[str]:
    sitemap = f"{portal.url}/sitemap.xml"
    if kind == "noop":
        command = [sys.executable, "-m", "scrapy", "runspider", str(NOOP_SPIDER), "-a", f"sitemap={sitemap}"]
    else:
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"sitemap={sitemap}"]
    command += ["-o" if append else "-O", str(feed)]
    for name, value in {**FAST, **settings}.items():
        command += ["-s", f"{name}={value}"]
    return command


def run_crawls(commands: list[list[str]], workdir: Path) -> tuple[list[str], SessionMonitor, float]:
    logs = [workdir / f"crawl-{i}.log" for i in range(len(commands))]
    started = time.monotonic()
    with SessionMonitor() as monitor:
        processes = []
        for command, log in zip(commands, logs, strict=True):
            process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log.open("w"),
                                       start_new_session=True)
            monitor.sessions.add(process.pid)
            processes.append(process)
        for process in processes:
            process.wait()
        monitor.sample()
    wall = time.monotonic() - started
    texts = [log.read_text("utf-8", "replace") for log in logs]
    for process, text in zip(processes, texts, strict=True):
        if process.returncode != 0:
            raise SystemExit(f"crawl failed ({process.returncode}):\n{text[-3000:]}")
    return texts, monitor, wall


def lines(feed: Path) -> list[str]:
    """URLs of the feed's whole lines (a SIGKILLed worker may leave a torn last one)."""
    if not feed.exists():
        return []
    return [json.loads(line)["url"] for line in feed.read_bytes().rpartition(b"\n")[0].splitlines()]


def tally(feeds: list[Path], pages: int) -> dict[str, int]:
    written = Counter(url for feed in feeds for url in lines(feed))
    return {"distinct": len(written), "missing": pages - len(written),
            "written_twice_or_more": sum(1 for count in written.values() if count > 1)}


def kill_scenario(portal: PortalProcess, pages: int, workdir: Path, redis_url: str) -> dict[str, Any]:
    """Three workers; one SIGKILLed once it has written a tenth of the pages; the others finish; one rerun."""
    settings = {"REDIS_URL": redis_url, "REDIS_KEY": f"bench-{uuid.uuid4().hex[:8]}",
                "SEENSTORE_PATH": str(workdir / "unused.sqlite3")}
    feeds = [workdir / f"kill-{i}.jsonl" for i in range(3)]
    commands = [crawl_command("news", portal, feed, settings, append=True) for feed in feeds]
    logs = [(workdir / f"kill-{i}.log").open("w") for i in range(3)]
    started = time.monotonic()
    workers = [subprocess.Popen(c, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log) for c, log in zip(commands, logs,
                                                                                                    strict=True)]
    victim = 1
    while len(lines(feeds[victim])) < pages // 10 and workers[victim].poll() is None:
        time.sleep(0.2)
    killed_after = len(lines(feeds[victim]))
    workers[victim].kill()
    for worker in workers:
        worker.wait()
    after_others = {**tally(feeds, pages), "seconds": round(time.monotonic() - started, 1)}
    with (workdir / "kill-rerun.log").open("w") as log:
        subprocess.run(commands[victim], cwd=REPO, stdout=subprocess.DEVNULL, stderr=log, check=False)
    after_rerun = tally(feeds, pages)
    return {"pages": pages, "killed_after_lines": killed_after, "after_others": after_others,
            "after_rerun": after_rerun,
            "each_page_once": after_rerun["missing"] == 0 and after_rerun["written_twice_or_more"] == 0}


def measure(kind: str, portal: PortalProcess, pages: int, workdir: Path, redis_url: str | None) -> dict[str, Any]:
    if kind == "redis3kill":
        return kill_scenario(portal, pages, workdir, redis_url or "")
    workers = 3 if kind == "redis3" else 1
    feeds = [workdir / f"{kind}-{i}.jsonl" for i in range(workers)]
    settings: dict[str, str] = {"SEENSTORE_PATH": str(workdir / f"seen-{kind}.sqlite3")}
    if kind == "noop":
        settings.update({"ITEM_PIPELINES": "{}", "EXTRACT_WORKERS": "0", "SEENSTORE_ENABLED": "False",
                         "SPIDERMON_ENABLED": "False", "CRAWL_REPORT_ENABLED": "False"})
    if kind.startswith("redis"):
        settings.update({"REDIS_URL": redis_url or "", "REDIS_KEY": f"bench-{uuid.uuid4().hex[:8]}"})
    texts, monitor, wall = run_crawls([crawl_command(kind, portal, feed, settings) for feed in feeds], workdir)
    elapsed = max(float(m.group(1)) for text in texts if (m := ELAPSED_RE.search(text)))
    per_worker = [lines(feed) for feed in feeds]
    written = Counter(url for urls in per_worker for url in urls)
    result = {
        "pages": pages, "written": sum(written.values()), "distinct": len(written),
        "crawl_seconds": round(elapsed, 2), "wall_seconds": round(wall, 2),
        "pages_per_s": round(len(written) / elapsed, 1),
        "cpu_ms_per_page": round(monitor.cpu_seconds * 1000 / pages, 2),
        "loop_cpu_ms_per_page": round(monitor.crawl_process_cpu_seconds * 1000 / pages, 2),
        "peak_rss_mb": round(monitor.peak_rss / 2**20, 1),
    }
    if kind.startswith("redis"):
        result["per_worker"] = [len(urls) for urls in per_worker]
        result["each_page_once"] = len(written) == pages and set(written.values()) == {1}
    return result


def pipeline_cpu_per_record() -> dict[str, float]:
    """CPU ms a record of what runs on the event loop after extraction: to_dict, validation, the feed line."""
    import io

    from scrapy.utils.test import get_crawler

    from benchmarks.data import fundus_pages, scrapinghub_pages
    from crawler.feedwriter import JsonLinesExporter
    from crawler.pipelines import SchemaValidationPipeline
    from extractors import extract

    articles = [a for page in scrapinghub_pages() + fundus_pages()
                if (a := extract(page.html, page.url)) is not None]
    pipeline = SchemaValidationPipeline.from_crawler(get_crawler(settings_dict={}))
    exporter = JsonLinesExporter(io.BytesIO(), encoding="utf-8", ensure_ascii=False)
    timings = {"to_dict": 0.0, "validation": 0.0, "feed_line": 0.0}
    rounds = 5
    for _ in range(rounds):
        for article in articles:
            t0 = time.process_time()
            record = article.to_dict()
            t1 = time.process_time()
            pipeline.process_item(record)
            t2 = time.process_time()
            exporter.export_item(record)
            t3 = time.process_time()
            timings["to_dict"] += t1 - t0
            timings["validation"] += t2 - t1
            timings["feed_line"] += t3 - t2
    count = rounds * len(articles)
    result = {name: round(total * 1000 / count, 4) for name, total in timings.items()}
    result["total"] = round(sum(result.values()), 4)
    result["records"] = len(articles)
    return result


def table(results: dict[str, Any]) -> str:
    rows = ["| pages | crawl | pages/s | CPU ms/page (all processes) | of which crawl process | peak RSS (MB) | notes |",
            "|---|---|---|---|---|---|---|"]
    for pages, runs in results["crawls"].items():
        for kind, run in runs.items():
            if kind == "redis3kill":
                continue
            notes = f"{run['crawl_seconds']} s"
            if "per_worker" in run:
                notes += f"; per worker {run['per_worker']}; each page once: {run['each_page_once']}"
            rows.append(f"| {pages} | {kind} | {run['pages_per_s']} | {run['cpu_ms_per_page']} | "
                        f"{run.get('loop_cpu_ms_per_page', '')} | {run['peak_rss_mb']} | {notes} |")
    p = results["pipelines_ms_per_record"]
    rows.append("")
    rows.append(f"Pipelines, CPU ms a record ({p['records']} bench records): to_dict {p['to_dict']}, validation "
                f"{p['validation']}, feed line {p['feed_line']}, total **{p['total']}**.")
    for line in targets(results):
        rows.append(f"- {line}")
    return "\n".join(rows) + "\n"


def targets(results: dict[str, Any]) -> list[str]:
    out = []
    for pages, runs in results["crawls"].items():
        if "noop" in runs and "news" in runs:
            ratio = runs["news"]["pages_per_s"] / runs["noop"]["pages_per_s"]
            out.append(f"N={pages}: full crawl / no-op pages/s = {ratio:.2f} (target >= 0.5)")
        if "redis3kill" in runs:
            kill = runs["redis3kill"]
            out.append(f"N={pages}: 3 workers, one SIGKILLed after {kill['killed_after_lines']} lines: after the others "
                       f"{kill['after_others']}, after one rerun {kill['after_rerun']}: each page once "
                       f"{kill['each_page_once']}")
        if "redis1" in runs and "redis3" in runs:
            out.append(f"N={pages}: 1 worker {runs['redis1']['crawl_seconds']} s, 3 workers "
                       f"{runs['redis3']['crawl_seconds']} s; 3 workers' shares {runs['redis3']['per_worker']}")
    sizes = sorted(results["crawls"], key=int)
    if len(sizes) >= 2 and "news" in results["crawls"][sizes[0]] and "news" in results["crawls"][sizes[-1]]:
        small, big = results["crawls"][sizes[0]]["news"], results["crawls"][sizes[-1]]["news"]
        out.append(f"peak RSS at {sizes[-1]} / at {sizes[0]} = {big['peak_rss_mb'] / small['peak_rss_mb']:.2f} "
                   "(target <= 1.5)")
    out.append(f"pipelines {results['pipelines_ms_per_record']['total']} ms a record (target <= 0.3)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks crawl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--runs", default="noop,news,redis1,redis3,redis3kill",
                        help="comma list of noop, news, redis1, redis3, redis3kill (one of three workers SIGKILLed)")
    parser.add_argument("--no-write", action="store_true", help="print the results, write nothing")
    parser.add_argument("--update", action="store_true",
                        help="keep the other runs of results/crawl.json, replace only those measured now")
    args = parser.parse_args()
    kinds = [kind.strip() for kind in args.runs.split(",") if kind.strip()]
    results: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
                               "settings": FAST, "crawls": {}}
    if args.update and (RESULTS / "crawl.json").exists():
        results["crawls"] = json.loads((RESULTS / "crawl.json").read_text("utf-8"))["crawls"]
    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp, RedisServer() as redis:
        for pages in args.pages:
            runs = results["crawls"].setdefault(str(pages), {})
            with PortalProcess(templates(), pages) as portal:
                for kind in kinds:
                    workdir = Path(tmp) / f"{pages}-{kind}"
                    workdir.mkdir()
                    print(f"== {pages} pages: {kind}", flush=True)
                    runs[kind] = measure(kind, portal, pages, workdir, redis.url)
                    print(json.dumps(runs[kind]), flush=True)
    results["pipelines_ms_per_record"] = pipeline_cpu_per_record()
    text = table(results)
    print(text)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "crawl.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        (RESULTS / "crawl.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
