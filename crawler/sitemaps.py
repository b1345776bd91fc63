"""Sitemap and feed bodies to entries: ``<loc>`` + dates, for sitemaps, Google News sitemaps, RSS and Atom.

Scrapy's ``scrapy.utils.sitemap.Sitemap`` keeps only the direct children of ``<url>``, so it loses the
Google News ``<news:news><news:publication_date>`` that news sitemaps date their entries with, and it
reads RSS/Atom not at all. This module parses all four with lxml (Scrapy's own XML dependency),
strictly: entity declarations refused (billion laughs), no entity expansion, no network, no recovery
mode. A document with a broken entry is read entry by entry: the broken ones are counted by reason
(``Sitemap.skipped``), the rest kept. A bare ``&`` in a URL is read as the ``&`` it was meant as.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import lxml.etree
from scrapy.http import Response
from scrapy.utils.gz import gunzip, gzip_magic_number

SitemapKind = Literal["sitemapindex", "urlset"]
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Scrapy's default DOWNLOAD_MAXSIZE: a gzipped sitemap may not inflate past it.
MAX_INFLATED_SIZE = 1024 * 1024 * 1024


class NotASitemap(ValueError):
    """The body is not the XML document expected; ``reason`` is a short stat-friendly name."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``<url>``/``<sitemap>``/``<item>``/``<entry>``: where it points and when it says it changed."""

    loc: str
    lastmod: str | None = None
    published: str | None = None

    @property
    def timestamp(self) -> str | None:
        """The date a window filters on: the last change if given, else the publication date."""
        return self.lastmod or self.published


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: SitemapKind
    entries: list[Entry]
    skipped: dict[str, int] = field(default_factory=dict)
    """Entries that could not be read, by reason (``undefined_entity``, ``malformed``); the rest are kept."""


@dataclass(frozen=True, slots=True)
class Feed:
    entries: list[Entry]
    skipped: dict[str, int] = field(default_factory=dict)


# Strict: no recovery (lxml's recover=True silently drops every entry after an undefined entity), no
# entity expansion, no network, no DTD. Entity declarations are refused before parsing (billion laughs).
_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=False, remove_comments=True,
                               remove_pis=True, huge_tree=False, load_dtd=False, dtd_validation=False)
_ENTITY_DECLARATION_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
# A bare "&" that starts no character or entity reference: a URL's query string written unescaped
# (?x=1&y=2). Read as the literal "&" it was meant as, never dropped.
_BARE_AMPERSAND_RE = re.compile(rb"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z_][A-Za-z0-9._-]*;)")
_ROOT_RE = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(?:urlset|sitemapindex|rss|feed|RDF))\b[^>]*>")
_ENTRY_RE = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(?:url|sitemap|item|entry))\b[^>]*>.*?</\1\s*>", re.DOTALL)


def response_body(response: Response, max_size: int = MAX_INFLATED_SIZE) -> bytes:
    """The XML bytes of a sitemap response, gunzipping ``.xml.gz`` files served without Content-Encoding."""
    if not gzip_magic_number(response):
        return response.body
    try:
        return gunzip(response.body, max_size=max_size)
    except Exception as exc:  # truncated or oversized gzip: Scrapy raises several types
        raise NotASitemap("bad_gzip", repr(exc)) from exc


def _parse(body: bytes) -> tuple[lxml.etree._Element, dict[str, int]]:
    """The document's root, and what could not be read. A malformed document is read entry by entry."""
    if not body.strip():
        raise NotASitemap("empty_body", "the response has no body")
    if _ENTITY_DECLARATION_RE.search(body):
        raise NotASitemap("entity_declaration", "the document declares entities (refused: entity expansion)")
    body = _BARE_AMPERSAND_RE.sub(b"&amp;", body)
    try:
        root = lxml.etree.fromstring(body, _PARSER)
    except lxml.etree.XMLSyntaxError as exc:
        return _parse_entries(body, exc)
    if root is None:
        raise NotASitemap("not_xml", "no XML element in the body")
    return root, {}


def _parse_entries(body: bytes, error: lxml.etree.XMLSyntaxError) -> tuple[lxml.etree._Element, dict[str, int]]:
    """A sitemap or feed with broken entries: each entry parsed on its own, inside the root's start tag (for
    its namespaces); the broken ones are counted by reason, the others kept in order."""
    root_match = _ROOT_RE.search(body)
    if root_match is None:
        raise NotASitemap("not_xml", str(error))
    name = root_match.group(1)
    try:
        root = lxml.etree.fromstring(root_match.group(0) + b"</" + name + b">", _PARSER)
    except lxml.etree.XMLSyntaxError:
        raise NotASitemap("not_xml", str(error)) from error
    container = lxml.etree.SubElement(root, "channel") if _local(root.tag) == "rss" else root
    skipped: dict[str, int] = {}
    for match in _ENTRY_RE.finditer(body, root_match.end()):
        try:
            wrapper = lxml.etree.fromstring(root_match.group(0) + match.group(0) + b"</" + name + b">", _PARSER)
        except lxml.etree.XMLSyntaxError as exc:
            reason = "undefined_entity" if "Entity" in str(exc) else "malformed"
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        container.extend(list(wrapper))
    if not skipped and not len(container):
        raise NotASitemap("not_xml", str(error))
    return root, skipped


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _child_text(element: lxml.etree._Element, *names: str, deep: bool = False) -> str | None:
    """Text of the first child (any descendant if ``deep``) named one of ``names``, namespace-agnostic."""
    nodes = list(element.iter() if deep else element)
    for name in names:
        for node in nodes:
            if _local(node.tag) == name and node.text and node.text.strip():
                return node.text.strip()
    return None


def parse_sitemap(body: bytes) -> Sitemap:
    """A ``<sitemapindex>`` or ``<urlset>`` (Google News sitemaps included); ``NotASitemap`` otherwise."""
    root, skipped = _parse(body)
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        raise NotASitemap("not_sitemap", f"root element <{kind or root.tag}>")
    item_tag = "sitemap" if kind == "sitemapindex" else "url"
    entries = []
    for element in root:
        if _local(element.tag) != item_tag:
            continue
        loc = _child_text(element, "loc")
        if loc:
            entries.append(Entry(loc, _child_text(element, "lastmod"),
                                 _child_text(element, "publication_date", deep=True)))
    return Sitemap(kind, entries, skipped)  # type: ignore[arg-type]


def parse_feed(body: bytes) -> list[Entry]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; ``NotASitemap`` for anything else."""
    return parse_feed_document(body).entries


def parse_feed_document(body: bytes) -> Feed:
    """:func:`parse_feed`, with the items that could not be read counted by reason."""
    root, skipped = _parse(body)
    if _local(root.tag) not in FEED_ROOTS:
        raise NotASitemap("not_feed", f"root element <{_local(root.tag) or root.tag}>")
    entries = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":
            link = _child_text(element, "link") or element.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            published = _child_text(element, "pubDate", "date")
            updated = None
        elif name == "entry":
            link = _atom_link(element)
            published, updated = _child_text(element, "published"), _child_text(element, "updated")
        else:
            continue
        if link:
            entries.append(Entry(link.strip(), updated, published))
    return Feed(entries, skipped)


def _atom_link(entry: lxml.etree._Element) -> str | None:
    links = [node for node in entry if _local(node.tag) == "link" and node.get("href")]
    for node in links:
        if node.get("rel", "alternate") == "alternate":
            return node.get("href")
    return links[0].get("href") if links else None
