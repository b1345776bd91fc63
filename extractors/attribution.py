"""Who wrote it first: the original paper an aggregator credits, read from the page's text, not its classes.

Aggregators such as vietnam.vn print the original paper's logo (its ``alt`` is the paper's name), the
name again as a label, and the date, in one short line under the headline: as a text dump shows it,
``Báo Quốc TếBáo Quốc Tế24/05/2023``. They link the original article as "Source" / "Nguồn". Both are
found by their text and position, so an unknown or changed class name does not lose them.

Any site that republishes credits the original in the article's closing lines ("Theo Tuổi Trẻ", "Nguồn:
<a href>Báo X</a>", "(TTXVN/Vietnam+)", "Link bài gốc https://…", "originally published by X"):
:func:`find_credit` reads them for every page, giving ``sourceOrganization`` and ``isBasedOn``.
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
    """The "Source"/"Nguồn" link to another site, with the paper's name when the text gives one: the label
    inside the link ("<a>Nguồn: Báo X</a>") or before it on a line of its own ("Nguồn: <a>Báo X</a>"; the
    line is then the node, so removing it leaves no bare "Nguồn:")."""
    own_host = _site(urlsplit(page_url).hostname or "")
    for anchor in root.css("a[href]"):
        text = clean(anchor.text(deep=True))
        match, node = SOURCE_LINK_RE.match(text), anchor
        line = anchor.parent
        if not match and line is not None and text:
            line_text = clean(line.text(deep=True))
            match = SOURCE_LINK_RE.match(line_text) if len(line_text) <= _MAX_LINE else None
            if match is None or clean(match.group("name")) != text:
                continue  # the line says more than "Nguồn: <the link>"
            node = line
        if not match:
            continue
        href = urljoin(page_url, (anchor.attributes.get("href") or "").strip())
        host = urlsplit(href).hostname or ""
        if urlsplit(href).scheme in ("http", "https") and host and _site(host) != own_host:
            return SourceLink(url=href, name=clean(match.group("name")) or None, node=node)
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


# ----- any site: the credit line that closes a republished article ---------------------------------

# "Theo Tuổi Trẻ", "Nguồn: Báo Đà Nẵng", "(Nguồn: VietQ.vn)", "Source: Reuters", "Quelle: dpa".
_CREDIT_LINE_RE = re.compile(
    r"^\(?\s*(?:theo|nguồn|source|quelle|fuente|fonte)\s*[:：]?\s+(?P<name>[^()\n]{2,80}?)\s*\)?\s*\.?$", re.IGNORECASE)
# "Link bài gốc https://…", "Bài gốc: …", "Original article: …": the original article's address.
_ORIGINAL_LINK_RE = re.compile(r"\b(?:link bài gốc|bài gốc|xem bài gốc|nguồn bài viết|original article|"
                               r"originally published|source link)\b", re.IGNORECASE)
_URL_RE = re.compile(r"https?://[^\s<>\"']+")
# Buttons printed inside a credit line ("Theo Đại Đoàn kết Copy link").
_CREDIT_BUTTONS_RE = re.compile(r"\s+(?:copy link|sao chép( link)?|lấy link!?|chia sẻ)\b.*$", re.IGNORECASE)
# Lines searched for the credit: from a few before the body's last block (a credit box the body took in)
# to a few after it (the box the body left out), never the related links further down.
_CREDIT_LINES_BEFORE = 3
_CLOSING_CREDIT_LINES = 5
# "This article was originally published by Futurism."
_PUBLISHED_BY_RE = re.compile(r"\boriginally (?:published|appeared) (?:by|in|on|at) (?P<name>[^.,;()]{2,60}?)\s*(?:[.,;(]|$)",
                              re.IGNORECASE)
_TRAILING_DATE_RE = re.compile(r"\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}.*$")
_AGENCIES_LINE_RE = re.compile(r"^\((?P<name>[^()]{2,40})\)\.?$")  # "(TTXVN/Vietnam+)"


@dataclass(frozen=True, slots=True)
class Credit:
    """The original a republished article credits ("Theo Tuổi Trẻ", "Nguồn: <a href>Báo X</a>", "Link bài gốc")."""

    name: str | None
    url: str | None  # the original article
    raw: str


def find_credit(root: LexborNode, page_url: str, site_names: list[str], last_text: str = "") -> Credit | None:
    """The paper and the original article a republishing page credits in the closing lines of ``root``.

    A "Theo X" / "Nguồn: X" line whose X is no person (that is a byline: "Theo Vân Anh") names the paper;
    a "Link bài gốc" line or a link from such a line to another site gives the original article."""
    from .authors import agency_name, printed_lines, split_credits  # (authors imports nothing of this module)

    own = _site(urlsplit(page_url).hostname or "")
    lines = [text for text, _ in printed_lines(root)]
    tail = clean(last_text)[-40:]
    end = next((i for i in range(len(lines) - 1, -1, -1) if tail and tail in lines[i]), len(lines) - 1)
    lines = lines[max(0, end - _CREDIT_LINES_BEFORE): end + 1 + _CLOSING_CREDIT_LINES]
    anchors = [(clean(a.text(deep=True)), a.attributes.get("href")) for a in root.css("a[href]")]
    name = raw = url = None
    for text in reversed(lines):
        if len(text) > _MAX_LINE:
            continue
        if url is None and _ORIGINAL_LINK_RE.search(text):
            found = _URL_RE.search(text)
            url = _external(found.group(0) if found else None, page_url, own) or _link_in(text, anchors, page_url, own)
            raw = raw or text
        text = _CREDIT_BUTTONS_RE.sub("", text)
        match = _CREDIT_LINE_RE.match(text) or _AGENCIES_LINE_RE.match(text)
        published_by = _PUBLISHED_BY_RE.search(text)
        if name is None and published_by and not _own_name(published_by.group("name"), site_names, own):
            name, raw = clean(published_by.group("name")).strip(" ."), text
            url = url or _link_in(text, anchors, page_url, own)
        if name is None and match:
            candidate = _TRAILING_DATE_RE.sub("", clean(match.group("name"))).strip(" .")
            if _own_name(candidate, site_names, own):
                continue  # "Quelle: F.A.Z." on faz.net: the site's own credit
            agency = agency_name(candidate.split("/")[0])
            people, _ = split_credits(candidate, site_names)
            bracketed = text.startswith("(") and not _CREDIT_LINE_RE.match(text)
            if agency or (not bracketed and not people and 0 < len(candidate.split()) <= 8):
                name, raw = agency or candidate, text
                url = url or _link_in(text, anchors, page_url, own)
    if name is None and url is None:
        return None
    if name is None:
        name = (urlsplit(url).hostname or "").removeprefix("www.") or None
    return Credit(name=name, url=url, raw=raw or "")


def _own_name(name: str, site_names: list[str], own_site: str) -> bool:
    """The credit names the site itself ("Quelle: BILD" on bild.de, "F.A.Z." on faz.net)."""
    from .text import folded

    key = folded(name)
    sites = {folded(site) for site in site_names if site} | {folded(own_site.split(".")[0])}
    return bool(key) and any(len(site) >= 3 and (key in site or site in key) for site in sites)


def _link_in(line: str, anchors: list[tuple[str, str | None]], page_url: str, own: str) -> str | None:
    """The first link to another site whose text is printed in ``line``."""
    for text, href in anchors:
        if text and text in line and (url := _external(href, page_url, own)):
            return url
    return None


def _external(href: str | None, page_url: str, own: str) -> str | None:
    """``href`` made absolute when it leads to another site, else None."""
    if not href:
        return None
    url = urljoin(page_url, href.strip())
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname and _site(parts.hostname) != own else None
