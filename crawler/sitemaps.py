"""Sitemap and feed bodies to entries: ``<loc>`` + dates, for sitemaps, Google News sitemaps, RSS and Atom.

Scrapy's ``scrapy.utils.sitemap.Sitemap`` keeps only the direct children of ``<url>``, so it loses the
Google News ``<news:news><news:publication_date>`` that news sitemaps date their entries with, and it
reads RSS/Atom not at all. This module parses all four with lxml (Scrapy's own XML dependency),
entities off and network off, and says clearly when a body is not one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
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


_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, remove_comments=True,
                               remove_pis=True, huge_tree=False)


def response_body(response: Response) -> bytes:
    """The XML bytes of a sitemap response, gunzipping ``.xml.gz`` files served without Content-Encoding."""
    if not gzip_magic_number(response):
        return response.body
    try:
        return gunzip(response.body, max_size=MAX_INFLATED_SIZE)
    except Exception as exc:  # truncated or oversized gzip: Scrapy raises several types
        raise NotASitemap("bad_gzip", repr(exc)) from exc


def _root(body: bytes) -> lxml.etree._Element:
    if not body.strip():
        raise NotASitemap("empty_body", "the response has no body")
    try:
        root = lxml.etree.fromstring(body, _PARSER)
    except lxml.etree.XMLSyntaxError as exc:
        raise NotASitemap("not_xml", str(exc)) from exc
    if root is None:
        raise NotASitemap("not_xml", "no XML element in the body")
    return root


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
    root = _root(body)
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
    return Sitemap(kind, entries)  # type: ignore[arg-type]


def parse_feed(body: bytes) -> list[Entry]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; ``NotASitemap`` for anything else."""
    root = _root(body)
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
    return entries


def _atom_link(entry: lxml.etree._Element) -> str | None:
    links = [node for node in entry if _local(node.tag) == "link" and node.get("href")]
    for node in links:
        if node.get("rel", "alternate") == "alternate":
            return node.get("href")
    return links[0].get("href") if links else None
