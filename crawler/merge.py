"""``python -m crawler merge OUT FEED...``: the feeds of a crawl's workers as one feed, each article once.

An article is keyed as the seen-store keys it (canonical URL, else URL). When feeds hold it more than
once (a rerun after a crash, the same article re-written as ``lastmod-changed``), the line downloaded
last wins (``metadata.dateDownloaded``; on a tie, the later feed on the command line). Lines keep the
order in which their article first appears. A line that is not a whole JSON record (a torn last line of
a killed worker) is counted and left out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from crawler.seenstore import record_key


@dataclass
class MergeResult:
    lines: int = 0
    articles: int = 0
    duplicates: int = 0
    unreadable: int = 0


def merge_feeds(out: Path, feeds: list[Path]) -> MergeResult:
    result = MergeResult()
    chosen: dict[str, tuple[str, bytes]] = {}  # key -> (dateDownloaded, line)
    for feed in feeds:
        with feed.open("rb") as lines:
            for line in lines:
                if not line.strip():
                    continue
                result.lines += 1
                try:
                    record = json.loads(line)
                    key = record_key(record)
                except (ValueError, KeyError, TypeError, AttributeError):
                    result.unreadable += 1
                    continue
                downloaded = str((record.get("metadata") or {}).get("dateDownloaded") or "")
                line = line if line.endswith(b"\n") else line + b"\n"
                if key in chosen:
                    result.duplicates += 1
                    if downloaded < chosen[key][0]:
                        continue
                chosen[key] = (downloaded, line)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with partial.open("wb") as merged:
        for _, line in chosen.values():
            merged.write(line)
        merged.flush()
        os.fsync(merged.fileno())
    partial.replace(out)  # all or nothing: OUT is never half a merge
    result.articles = len(chosen)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler merge", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the merged JSONL feed to write")
    parser.add_argument("feeds", type=Path, nargs="+", help="the workers' JSONL feeds")
    args = parser.parse_args(argv)
    missing = [str(feed) for feed in args.feeds if not feed.is_file()]
    if missing:
        print(f"merge: no such feed: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.out.resolve() in {feed.resolve() for feed in args.feeds}:
        print("merge: OUT must not be one of the feeds", file=sys.stderr)
        return 2
    result = merge_feeds(args.out, args.feeds)
    print(f"merge: {result.lines} line(s) from {len(args.feeds)} feed(s): {result.articles} article(s) written to "
          f"{args.out}, {result.duplicates} duplicate(s) and {result.unreadable} unreadable line(s) left out")
    return 0
