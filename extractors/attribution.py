"""Who wrote it first: the original paper an aggregator credits, read from the page's text, not its classes.

Aggregators such as vietnam.vn print the original paper's logo (its ``alt`` is the paper's name), the
name again as a label, and the date, in one short line under the headline: as a text dump shows it,
``Báo Quốc TếBáo Quốc Tế24/05/2023``. They link the original article as "Source" / "Nguồn". Both are
found by their text and position, so an unknown or changed class name does not lose them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from . import dates
from .text import clean

# The original paper's name, printed once or twice, then a day-first date (and maybe a time).
SOURCE_LINE_RE = re.compile(
    r"^(?P<src>\S.{0,78}?)\s*(?:(?P=src)\s*)?[-|,·]?\s*"
    r"(?P<when>\d{1,2}/\d{1,2}/\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2})?)$"
)
# What stands before a date on many pages but is no paper's name.
_NOT_A_NAME_RE = re.compile(
    r"^(?:thứ\s+\S+|chủ nhật|cập nhật|ngày|đăng|updated?|published|posted|date|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
SOURCE_LINK_RE = re.compile(r"^(?:source|nguồn)\s*:?\s*(?P<name>.{0,80})$", re.IGNORECASE)
_SECOND_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "ac", "co", "info", "int", "health"})
_MAX_LINE = 160
_WINDOW = 150  # elements after the headline searched for the source line


@dataclass(frozen=True, slots=True)
class SourceLine:
    """The credited paper's name and the date, from the short line under the headline."""

    name: str
    when: date | datetime
    when_raw: str
    raw: str
    node: LexborNode


@dataclass(frozen=True, slots=True)
class SourceLink:
    """The link to the original article ("Source" / "Nguồn: Báo X")."""

    url: str
    name: str | None
    node: LexborNode


def dump_text(node: LexborNode) -> str:
    """The element's text as a text-mode dump shows it: image ``alt`` text inline, no separators."""
    parts: list[str] = []
    for part in node.traverse(include_text=True):
        if part.tag == "-text":
            parts.append(part.text_content or "")
        elif part.tag == "img":
            parts.append(part.attributes.get("alt") or "")
    return clean("".join(parts))


def find_source_line(root: LexborNode, headline: LexborNode | None = None) -> SourceLine | None:
    """The first short element after ``headline`` (document order) whose text is ``name[name]date``."""
    started = headline is None
    seen = 0
    inside_headline = False
    for node in root.traverse():
        if not started:
            if headline is not None and node.mem_id == headline.mem_id:
                started = inside_headline = True
            continue
        if inside_headline and within(node, headline):
            continue
        inside_headline = False
        seen += 1
        if seen > _WINDOW:
            return None
        found = _source_line(node)
        if found is not None:
            return found
    return None


def find_source_link(root: LexborNode, page_url: str) -> SourceLink | None:
    """The "Source"/"Nguồn" link to another site, with the paper's name when the text gives one."""
    own_host = _site(urlsplit(page_url).hostname or "")
    for anchor in root.css("a[href]"):
        match = SOURCE_LINK_RE.match(clean(anchor.text(deep=True)))
        if not match:
            continue
        href = urljoin(page_url, (anchor.attributes.get("href") or "").strip())
        host = urlsplit(href).hostname or ""
        if urlsplit(href).scheme in ("http", "https") and host and _site(host) != own_host:
            return SourceLink(url=href, name=clean(match.group("name")) or None, node=anchor)
    return None


def organization_home(url: str | None) -> str | None:
    """``https://baoquocte.vn/some-article.html`` -> ``https://baoquocte.vn/``."""
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else None


def _source_line(node: LexborNode) -> SourceLine | None:
    plain = node.text(deep=True) or ""
    if len(plain) > _MAX_LINE or not any(ch.isdigit() for ch in plain):
        return None
    raw = dump_text(node)
    match = SOURCE_LINE_RE.match(raw)
    if not match:
        return None
    name = clean(match.group("src")).rstrip("-|,· ")
    if not name or _NOT_A_NAME_RE.match(name) or not any(ch.isalpha() for ch in name):
        return None
    when = dates.parse_day_first(match.group("when"))
    if when is None:
        return None
    return SourceLine(name=name, when=when, when_raw=match.group("when"), raw=raw, node=node)


def within(node: LexborNode, ancestor: LexborNode) -> bool:
    """True when ``node`` sits somewhere below ``ancestor``."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def _site(host: str) -> str:
    """The registrable part of a host, roughly: ``vcdn.vietnam.vn`` and ``www.vietnam.vn`` -> ``vietnam.vn``."""
    labels = host.lower().removesuffix(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
