"""Fixture pages and their expected records: load, save, re-run. Used by the CLI and the tests.

One directory per site under ``tests/fixtures/`` (fundus / web-poet style), three files per page::

    <name>.html  or  <name>.html.gz   the page as fetched (gzipped above GZIP_ABOVE bytes)
    <name>.json                       the expected record, hand-reviewed: keys sorted, unescaped, indent 2
                                      (``null`` for a page that is not an article)
    <name>.meta.json                  url, fetched_at, capture ("real" | "reconstruction"), note,
                                      based_on, must_not_contain, and charset when the HTTP header gave one

The meta file defines a fixture. ``refresh`` re-runs every page and rewrites its expected JSON, so a
change of the extractors shows as a reviewable diff of the JSON files.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import extract
from .encoding import decode_html
from .text import clean

FIXTURES_DIR = Path("tests") / "fixtures"
GZIP_ABOVE = 100_000
CAPTURE_KINDS = ("real", "reconstruction")
_SAFE_NAME_RE = re.compile(r"[^a-z0-9_]+")


class FixtureError(ValueError):
    """A fixture is missing a file or its meta is malformed."""


@dataclass(frozen=True)
class Fixture:
    site: str
    name: str
    directory: Path

    @property
    def id(self) -> str:
        return f"{self.site}/{self.name}"

    @property
    def meta_path(self) -> Path:
        return self.directory / f"{self.name}.meta.json"

    @property
    def expected_path(self) -> Path:
        return self.directory / f"{self.name}.json"

    @property
    def html_path(self) -> Path:
        gz = self.directory / f"{self.name}.html.gz"
        return gz if gz.exists() else self.directory / f"{self.name}.html"

    @cached_property
    def meta(self) -> dict[str, Any]:
        meta = _read_json(self.meta_path)
        if not isinstance(meta, dict) or not meta.get("url") or meta.get("capture") not in CAPTURE_KINDS:
            raise FixtureError(f"{self.meta_path}: needs url and capture ({' | '.join(CAPTURE_KINDS)})")
        return meta

    @property
    def url(self) -> str:
        return str(self.meta["url"])

    @property
    def fetched_at(self) -> datetime | None:
        value = self.meta.get("fetched_at")
        return datetime.fromisoformat(value) if value else None

    @property
    def must_not_contain(self) -> list[str]:
        return list(self.meta.get("must_not_contain", []))

    def html(self) -> str:
        """The page text, decoded as the browser would (header charset from the meta, if recorded)."""
        path = self.html_path
        if not path.exists():
            raise FixtureError(f"{self.id}: no {self.name}.html or {self.name}.html.gz")
        return read_page(path, self.meta.get("charset"))

    def expected(self) -> dict[str, Any] | None:
        if not self.expected_path.exists():
            raise FixtureError(f"{self.id}: no expected record {self.expected_path.name}")
        return _read_json(self.expected_path)

    def current(self) -> dict[str, Any] | None:
        """What the extractors give for this page now."""
        article = extract(self.html(), self.url, fetched_at=self.fetched_at)
        return article.to_dict() if article is not None else None


def discover(root: Path = FIXTURES_DIR, site: str | None = None) -> list[Fixture]:
    """Every fixture under ``root`` (or one site's), sorted by site and name."""
    found = []
    for meta in sorted(root.glob(f"{site or '*'}/*.meta.json")):
        found.append(Fixture(site=meta.parent.name, name=meta.name.removesuffix(".meta.json"), directory=meta.parent))
    return found


def dumps_record(record: dict[str, Any] | None) -> str:
    """The expected-record file text: keys sorted, Vietnamese unescaped, indent 2, final newline."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def refresh(fixture: Fixture, *, write: bool = True) -> bool:
    """Re-run the page; rewrite its expected JSON when it differs. True when it differed."""
    new_text = dumps_record(fixture.current())
    old_text = fixture.expected_path.read_text("utf-8") if fixture.expected_path.exists() else None
    if new_text == old_text:
        return False
    if write:
        write_text_atomic(fixture.expected_path, new_text)
    return True


def save_page(root: Path, site: str, name: str, page: bytes, meta: dict[str, Any]) -> Fixture:
    """Write a new fixture (page, meta, expected record from the current extractors)."""
    if meta.get("capture") not in CAPTURE_KINDS or not meta.get("url"):
        raise FixtureError("meta needs url and capture")
    directory = root / site
    directory.mkdir(parents=True, exist_ok=True)
    for stale in (directory / f"{name}.html", directory / f"{name}.html.gz"):
        stale.unlink(missing_ok=True)
    if len(page) > GZIP_ABOVE:
        write_bytes_atomic(directory / f"{name}.html.gz", gzip.compress(page, mtime=0))
    else:
        write_bytes_atomic(directory / f"{name}.html", page)
    write_text_atomic(directory / f"{name}.meta.json", json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    fixture = Fixture(site=site, name=name, directory=directory)
    refresh(fixture)
    return fixture


def fixture_name(url: str, when: datetime) -> str:
    """``2026_11_28_<ascii slug of the URL's last path segment>``, safe as a file name."""
    last = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(html?|htm|php|aspx?)$", "", last.lower())
    slug = _SAFE_NAME_RE.sub("_", last).strip("_")[:50].rstrip("_") or "page"
    return f"{when:%Y_%m_%d}_{slug}"


def read_page(path: Path, charset: str | None = None) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return decode_html(data, charset)


def text_values(record: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a record with its JSON path, URLs included (a URL must not carry boilerplate either)."""
    if isinstance(record, str):
        yield path, record
    elif isinstance(record, dict):
        for key, value in record.items():
            yield from text_values(value, f"{path}.{key}" if path else key)
    elif isinstance(record, list):
        for index, value in enumerate(record):
            yield from text_values(value, f"{path}[{index}]")


# ----- the page as a text dump reads it ------------------------------------------------------------

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tr", "td", "th", "ul",
})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "title"})


def visible_lines(html: str) -> list[str]:
    """The page's visible text, one line per block, image ``alt`` text inline, blank lines dropped.

    This is how a plain text dump of a page reads (the seed page was given as one), so a
    reconstruction can be checked line for line against the text it was built from.
    """
    body = LexborHTMLParser(html).body
    lines: list[str] = [""]
    if body is not None:
        _dump(body, lines)
    return [line for line in (clean(text) for text in lines) if line]


def _dump(node: LexborNode, lines: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            lines[-1] += child.text_content or ""
        elif tag in _HIDDEN_TAGS or tag == "-comment":
            continue
        elif tag == "img":
            lines[-1] += child.attributes.get("alt") or ""
        elif tag in _BLOCK_TAGS:
            lines.append("")
            _dump(child, lines)
            lines.append("")
        else:
            _dump(child, lines)


# ----- files ----------------------------------------------------------------------------------------

def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Never a half-written file: write beside it, then rename over it."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; fixtures are ordinary project files
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError as error:
        raise FixtureError(f"missing {path}") from error
    except json.JSONDecodeError as error:
        raise FixtureError(f"{path}: not JSON ({error})") from error


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
