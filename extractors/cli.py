"""Command line: extract one page, record a new fixture, refresh the fixtures' expected records.

    python -m extractors extract FILE_OR_URL [--url URL] [--fetched-at ISO] [--compact]
    python -m extractors record URL --publisher NAME [--from-file FILE] [--name NAME] [--fixtures DIR] [--force]
    python -m extractors refresh [--site NAME] [--fixtures DIR] [--check]
    python -m extractors publishers [--json]

Exit status: 0 done, 1 a fetch or fixture failed (or ``refresh --check`` found changes), 2 bad usage
or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import httpx

from . import extract
from .encoding import SNIFF_BYTES, binary_kind, decode_html
from .fixtures import FIXTURES_DIR, Fixture, FixtureError, discover, fixture_name, read_page, save_page, utc_now
from .fixtures import refresh as refresh_fixture
from .registry import all_publishers, get_publisher, publisher_for

USER_AGENT = "vnnews-crawler/0.1 (fixture recorder)"
TIMEOUT_SECONDS = 30.0


class UsageError(Exception):
    """Bad arguments or unreadable input: exit status 2."""


class FetchError(Exception):
    """The page could not be fetched, or the server answered with an error: exit status 1."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (FetchError, FixtureError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


# ----- commands ------------------------------------------------------------------------------------

def run_extract(args: argparse.Namespace) -> int:
    """Print the record of one page (a file, or a URL fetched with httpx) as JSON; ``null`` if no article."""
    fetched_at = _parse_time(args.fetched_at)
    if _is_url(args.source):
        page, final_url, when = fetch(args.source)
        url, fetched_at = args.url or final_url, fetched_at or when
    else:
        page, url, meta_time = _read_file(Path(args.source), args.url)
        fetched_at = fetched_at or meta_time
    article = extract(page, url, fetched_at=fetched_at)
    if article is None:
        print(f"not an article: {url}", file=sys.stderr)
        print("null")
        return 0
    print(article.to_json(indent=None if args.compact else 2))
    return 0


def run_record(args: argparse.Namespace) -> int:
    """Fetch a live page and save it as a new fixture, with its expected record for review."""
    site = _fixture_directory(args)
    if args.from_file:
        return _record_saved_page(args, site)
    response = _get(args.url)
    fetched_at = utc_now()
    final_url = str(response.url)
    name = args.name or fixture_name(final_url, fetched_at)
    root = Path(args.fixtures)
    if not args.force and any((root / site / f"{name}{ext}").exists() for ext in (".meta.json", ".html")):
        raise UsageError(f"fixture {site}/{name} exists (use --force to replace it, or --name)")
    meta = {
        "url": final_url,
        "requested_url": args.url,
        "fetched_at": fetched_at.isoformat(),
        "capture": "real",
        "http_status": response.status_code,
        "content_type": response.headers.get("content-type"),
        "charset": response.charset_encoding,
        "note": "Recorded with `python -m extractors record`. Review the expected JSON by hand and fill "
                "must_not_contain before committing.",
        "must_not_contain": [],
    }
    fixture = save_page(root, site, name, response.content, meta)
    expected = fixture.expected()
    print(f"saved {fixture.html_path}")
    print(f"saved {fixture.meta_path}")
    print(f"saved {fixture.expected_path} ({'article' if expected else 'not an article'}): review it by hand")
    return 0


def _record_saved_page(args: argparse.Namespace, site: str) -> int:
    """A page saved earlier (by a browser, another project): the fixture takes it byte for byte."""
    path = Path(args.from_file)
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    fetched_at = _parse_time(args.fetched_at) or utc_now()
    name = args.name or fixture_name(args.url, fetched_at)
    root = Path(args.fixtures)
    if not args.force and (root / site / f"{name}.meta.json").exists():
        raise UsageError(f"fixture {site}/{name} exists (use --force to replace it, or --name)")
    meta = {
        "url": args.url,
        "fetched_at": fetched_at.isoformat(),
        "capture": "real",
        "note": f"Saved page {path.name}, recorded with `python -m extractors record --from-file`. Say where it comes "
                "from, review the expected JSON against the page and write what you checked in reviewed / "
                "known_errors before committing.",
        "based_on": [],
        "must_not_contain": [],
        "reviewed": {},
        "known_errors": {},
    }
    fixture = save_page(root, site, name, path.read_bytes(), meta)
    print(f"saved {fixture.html_path}, {fixture.meta_path}")
    print(f"saved {fixture.expected_path} ({'article' if fixture.expected() else 'not an article'}): review it by hand")
    return 0


def _fixture_directory(args: argparse.Namespace) -> str:
    """The fixture directory: the publisher's name (``--publisher``, checked against the URL) or ``--site``."""
    if args.publisher is None:
        if args.site is None:
            raise UsageError("record needs --publisher NAME (or --site DIR)")
        return str(args.site)
    try:
        publisher = get_publisher(args.publisher)
    except KeyError as error:
        raise UsageError(str(error.args[0])) from error
    routed = publisher_for(args.url)
    if routed is not publisher:
        raise UsageError(f"{args.url} is not on {publisher.name}'s domains ({', '.join(publisher.domains)})"
                         + (f"; it belongs to {routed.name}" if routed else ""))
    return publisher.name


def run_publishers(args: argparse.Namespace) -> int:
    """List the registered publishers: a table, or a JSON list (``--json``)."""
    publishers = all_publishers()
    if args.json:
        print(json.dumps([publisher.to_dict() for publisher in publishers], ensure_ascii=False, indent=2))
        return 0
    for publisher in publishers:
        kinds = ",".join(sorted({source.kind for source in publisher.sources}))
        flags = " aggregator" if publisher.aggregator else ""
        print(f"{publisher.name:<16} {publisher.country} {'/'.join(publisher.languages):<8} "
              f"{publisher.profile_name:<11} {kinds:<22} {' '.join(publisher.domains)}{flags}")
    print(f"{len(publishers)} publishers")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    """Re-run every fixture's page; rewrite the expected JSON that changed (or only report, with --check)."""
    fixtures = discover(Path(args.fixtures), args.site)
    if not fixtures:
        raise UsageError(f"no fixtures under {args.fixtures}" + (f"/{args.site}" if args.site else ""))
    changed: list[Fixture] = []
    failed = 0
    for fixture in fixtures:
        try:
            if refresh_fixture(fixture, write=not args.check):
                changed.append(fixture)
                print(f"{'differs' if args.check else 'rewrote'} {fixture.expected_path}")
        except (FixtureError, OSError, ValueError) as error:
            failed += 1
            print(f"error: {fixture.id}: {error}", file=sys.stderr)
    print(f"{len(fixtures)} fixtures, {len(changed)} {'differ' if args.check else 'rewritten'}, {failed} failed")
    if not args.check and changed:
        print("review the diff: git diff -- " + " ".join(str(f.expected_path) for f in changed))
    return 1 if failed or (args.check and changed) else 0


# ----- I/O helpers -------------------------------------------------------------------------------------

def fetch(url: str) -> tuple[str, str, datetime]:
    """(page text, final URL after redirects, fetch time). An HTTP error status is an error, never a page."""
    response = _get(url)
    _refuse_binary(response.content, str(response.url))
    return decode_html(response.content, response.charset_encoding), str(response.url), utc_now()


def _refuse_binary(data: bytes, source: str) -> None:
    """A PDF, an image or a program is no page: say so (exit 2) instead of "not an article"."""
    kind = binary_kind(data)
    if kind is not None:
        raise UsageError(f"{source} is not HTML ({kind})")


def _get(url: str) -> httpx.Response:
    try:
        with httpx.Client(follow_redirects=True, timeout=TIMEOUT_SECONDS, headers={"User-Agent": USER_AGENT}) as client:
            response = client.get(url)
    except httpx.HTTPError as error:
        raise FetchError(f"cannot fetch {url}: {error}") from error
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} for {response.url}")
    return response


def _read_file(path: Path, url: str | None) -> tuple[str, str, datetime | None]:
    """A saved page, with URL and fetch time from ``--url`` or the fixture meta beside it."""
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    _refuse_binary(path.read_bytes()[:SNIFF_BYTES] if path.suffix != ".gz" else b"", str(path))
    name = path.name.removesuffix(".gz").removesuffix(".html").removesuffix(".htm")
    meta_path = path.with_name(f"{name}.meta.json")
    fixture = Fixture(site=path.parent.name, name=name, directory=path.parent) if meta_path.exists() else None
    try:
        page = read_page(path, fixture.meta.get("charset") if fixture else None)
    except (OSError, EOFError) as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    url = url or (fixture.url if fixture else None)
    if not url:
        raise UsageError(f"{path} has no fixture meta beside it: pass the page's URL with --url")
    return page, url, fixture.fetched_at if fixture else None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise UsageError(f"--fetched-at needs an ISO 8601 time, got {value!r}") from error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m extractors", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    one = commands.add_parser("extract", help="print the record of a page file or URL as JSON")
    one.add_argument("source", metavar="FILE_OR_URL", help="a saved page (.html or .html.gz) or an http(s) URL")
    one.add_argument("--url", help="the page's URL (default: the fixture meta beside FILE, or the fetched URL)")
    one.add_argument("--fetched-at", help="ISO 8601 fetch time for metadata.dateDownloaded (default: meta or now)")
    one.add_argument("--compact", action="store_true", help="one line (JSONL) instead of indented JSON")
    one.set_defaults(run=run_extract)

    rec = commands.add_parser("record", help="save a live page as a new fixture for review")
    rec.add_argument("url", metavar="URL")
    who = rec.add_mutually_exclusive_group(required=True)
    who.add_argument("--publisher", help="the publisher (python -m extractors publishers); the fixture goes in "
                                         "its directory, and the URL must be on its domains")
    who.add_argument("--site", help="a fixture directory name, unchecked (prefer --publisher)")
    rec.add_argument("--from-file", metavar="FILE", help="take the page from a saved file instead of fetching URL")
    rec.add_argument("--fetched-at", help="with --from-file: when the page was captured (ISO 8601; default now)")
    rec.add_argument("--name", help="fixture name (default: YYYY_MM_DD_<slug>)")
    rec.add_argument("--fixtures", default=str(FIXTURES_DIR), help="fixtures root (default: %(default)s)")
    rec.add_argument("--force", action="store_true", help="replace an existing fixture of that name")
    rec.set_defaults(run=run_record)

    ref = commands.add_parser("refresh", help="re-run every fixture and rewrite its expected JSON")
    ref.add_argument("--site", help="only this site's fixtures")
    ref.add_argument("--fixtures", default=str(FIXTURES_DIR), help="fixtures root (default: %(default)s)")
    ref.add_argument("--check", action="store_true", help="write nothing; exit 1 if any expected JSON differs")
    ref.set_defaults(run=run_refresh)

    pub = commands.add_parser("publishers", help="list the registered publishers")
    pub.add_argument("--json", action="store_true", help="a JSON list of objects (name, domains, language, "
                                                         "sources, profile ...)")
    pub.set_defaults(run=run_publishers)
    return parser


__all__ = ["fetch", "main"]
