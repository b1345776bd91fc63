"""Every record the extractor gives on every bench page and fixture, dumped and diffed.

The check behind "same output on all bench and fixture pages": dump before a change, dump after,
diff. Records go through ``extractors.extract`` (site profiles included, as a crawl runs them), with
``fetched_at`` fixed so two dumps of the same code are byte-identical.

    python3 -m benchmarks records dump before.jsonl          # about a minute, one core
    python3 -m benchmarks records dump after.jsonl
    python3 -m benchmarks records diff before.jsonl after.jsonl [--show 5]

Sets: ``scrapinghub``, ``fundus``, ``dates``, ``readability`` (from ``../shared/bench`` or
``$VNNEWS_BENCH``) and ``fixtures`` (``tests/fixtures``, no ``../shared`` needed); ``--sets`` picks.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extractors import extract
from extractors.fixtures import discover

from .data import REPO_ROOT, bench_root

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
SETS = ("fixtures", "scrapinghub", "fundus", "dates", "readability")


def _bench_pages(set_name: str) -> Iterator[tuple[str, str, bytes]]:
    """(id, url, raw bytes) of one bench set, in id order."""
    root = bench_root() / set_name
    if set_name in ("scrapinghub", "readability"):
        truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(truth):
            url = truth[key].get("url") or f"https://{set_name}.invalid/{key}"
            yield key, url, gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        return
    rows = [json.loads(line) for line in (root / "truth.jsonl").read_text(encoding="utf-8").split("\n") if line]
    for row in sorted(rows, key=lambda r: r["id"]):
        path = next((p for p in (root / "html" / f"{row['id']}.html.gz", root / "html" / f"{row['id']}.html")
                     if p.exists()), None)
        if path is None:
            continue
        data = path.read_bytes()
        yield row["id"], row["url"], gzip.decompress(data) if path.suffix == ".gz" else data


def pages(set_name: str) -> Iterator[tuple[str, str, bytes | str]]:
    if set_name == "fixtures":
        for fixture in discover(REPO_ROOT / "tests" / "fixtures"):
            yield fixture.id, fixture.url, fixture.html()
    else:
        yield from _bench_pages(set_name)


def record_of(html: bytes | str, url: str) -> dict[str, Any] | None:
    try:
        article = extract(html, url, fetched_at=FETCHED_AT)
    except Exception as exc:  # noqa: BLE001  a crash is an output too, and must show in a diff
        return {"__error__": f"{type(exc).__name__}: {exc}"}
    return None if article is None else article.to_dict()


def dump(out: Path, sets: list[str]) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for set_name in sets:
            for page_id, url, html in pages(set_name):
                row = {"set": set_name, "id": page_id, "record": record_of(html, url)}
                handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                count += 1
    return count


def _load(path: Path) -> dict[tuple[str, str], Any]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line)
    return {(row["set"], row["id"]): row["record"] for row in rows}


def _changed_fields(before: Any, after: Any) -> list[str]:
    if not isinstance(before, dict) or not isinstance(after, dict):
        return ["<record>"]
    return [key for key in sorted(set(before) | set(after)) if before.get(key) != after.get(key)]


def diff(before_path: Path, after_path: Path, show: int) -> int:
    before, after = _load(before_path), _load(after_path)
    fields: Counter[str] = Counter()
    changed = []
    for key in sorted(set(before) | set(after)):
        if before.get(key, "<absent>") != after.get(key, "<absent>"):
            names = _changed_fields(before.get(key), after.get(key))
            fields.update(names)
            changed.append((key, names))
    print(f"{len(changed)} of {len(set(before) | set(after))} pages differ")
    for name, count in fields.most_common():
        print(f"  {name}: {count}")
    for (set_name, page_id), names in changed[:show]:
        print(f"- {set_name}/{page_id}: {', '.join(names)}")
    return 1 if changed else 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="benchmarks records", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump_cmd = sub.add_parser("dump", help="write every record, one JSON line a page")
    dump_cmd.add_argument("out", type=Path)
    dump_cmd.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    diff_cmd = sub.add_parser("diff", help="count and name the pages and fields that differ; exit 1 if any")
    diff_cmd.add_argument("before", type=Path)
    diff_cmd.add_argument("after", type=Path)
    diff_cmd.add_argument("--show", type=int, default=10, metavar="N", help="list the first N pages that differ")
    args = parser.parse_args()
    if args.command == "dump":
        print(f"{dump(args.out, args.sets)} records written to {args.out}")
    else:
        sys.exit(diff(args.before, args.after, args.show))


if __name__ == "__main__":
    main()
