"""``python -m benchmarks <command>``: one entry for every benchmark.

    python -m benchmarks scrapinghub   # body quality on the ScrapingHub set
    python -m benchmarks fundus        # field quality on the fundus set
    python -m benchmarks readability   # body quality on Mozilla Readability's test pages
    python -m benchmarks dates         # publication day on htmldate's evaluation pages
    python -m benchmarks cv            # all four sets by publisher fold: seen, unseen, all, gap
    python -m benchmarks speed         # speed and peak memory, one core
    python -m benchmarks floor         # the CI quality floor's subset (--update raises the floors)
    python -m benchmarks report        # results/*.json -> results/SUMMARY.md
    python -m benchmarks records       # dump / diff every record of every bench page and fixture
    python -m benchmarks crawl         # whole crawls of a local portal: pages/s, CPU, memory, Redis workers
    python -m benchmarks all           # every benchmark above (not floor, records, crawl), then the report

Extra arguments go to the command (``python -m benchmarks fundus --systems ours --show 10``).
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {"scrapinghub": "quality_scrapinghub", "fundus": "quality_fundus", "readability": "quality_readability",
            "dates": "quality_dates", "cv": "cv", "speed": "speed", "floor": "floor", "report": "report",
            "records": "records", "crawl": "crawl"}
ALL = ("scrapinghub", "fundus", "readability", "dates", "cv", "speed", "report")


def _run(command: str, args: list[str]) -> None:
    module = importlib.import_module(f"benchmarks.{COMMANDS[command]}")
    sys.argv = [f"benchmarks {command}", *args]
    module.main()


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in {*COMMANDS, "all"}:
        print(__doc__)
        raise SystemExit(2)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "all":
        for step in ALL:
            print(f"== {step}")
            _run(step, args if step not in ("report", "cv") else [])
    else:
        _run(command, args)


if __name__ == "__main__":
    main()
