"""Stage 2: the cleaned view. What the profile needs of the nodes cleaning removes is read first.

Cleaning deletes: an aggregator's source line and source link (read first: the credited paper, the day,
the original URL), text-found widgets when the profile asks, then every never-content element
(``<script>``, ``<style>``, ``<nav>``, ``<iframe>``...; their data was read by the document stage, the
players by :mod:`videos` just before). Deleting, not marking: every later query (headline, bylines,
dates, images, segments) then sees the page without them for free; marking would need each of those
queries, in modules of their own, to skip marked subtrees.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from . import attribution, boilerplate, videos, widgets
from .document import Document
from .record import Organization
from .text import clean, or_none

if TYPE_CHECKING:
    from .page import ArticlePage

# ``ArticlePage.lead``: the sapo is the first longer text between the headline and the source line.
LEAD_ABOVE_SOURCE_LINE = "above-source-line"


@dataclass(frozen=True, slots=True)
class Cleaned:
    source_line: attribution.SourceLine | None  # an aggregator's "Paper · day" line (its day dates the page)
    credited: Organization | None  # the original paper an aggregator credits
    based_on: str | None  # the original article's URL
    attribution_raw: str | None
    lead: str | None
    players: tuple[videos.Player, ...]
    dropped: Counter[str]
    warnings: tuple[str, ...] = ()


def clean_page(doc: Document, profile: ArticlePage) -> Cleaned:
    dropped: Counter[str] = Counter()
    warnings: list[str] = []
    line = link = lead = credited = None
    players: tuple[videos.Player, ...] = ()
    body = doc.tree.body
    if body is not None:
        if profile.lead_selector:
            lead = _lead(doc, profile.lead_selector)
            if lead is None:
                warnings.append("profile_fallback:lead")
        if profile.source_line:
            headline_node = doc.tree.css_first(profile.headline_selector or "h1")
            line = attribution.find_source_line(body, headline_node)
            link = attribution.find_source_link(body, doc.url)
            if profile.lead == LEAD_ABOVE_SOURCE_LINE:
                lead = lead_above_source_line(body, headline_node, line)
            if line is not None:
                line.node.decompose()
            if link is not None:
                link.node.decompose()
                dropped["source_link"] += 1
            name = line.name if line is not None else (link.name if link is not None else None)
            if name:
                credited = Organization(name=name, url=attribution.organization_home(link.url if link else None))
        if profile.source_selector:
            credited, based_on = _source_element(doc, profile.source_selector)
            if credited is None:
                warnings.append("profile_fallback:sourceOrganization")
            link_url = based_on
        else:
            link_url = link.url if link is not None else None
        if profile.drop_selectors:
            boilerplate.prune(doc.tree, profile.drop_selectors, "profile_widget", dropped)
        if profile.sweep_widgets:
            keep = tuple(s for s in (profile.headline_selector or "h1", profile.body_selector) if s)
            widgets.sweep(body, dropped, footer_line=profile.footer_line, keep_selectors=keep)
        if profile.video_selector:
            players = videos.read_players(doc.tree, profile.video_selector, doc.url, url_attrs=profile.video_url_attrs,
                                          caption_selector=profile.video_caption_selector)
    else:
        link_url = None
    boilerplate.prune(doc.tree, boilerplate.NEVER_CONTENT, "non_content_tags", dropped)
    return Cleaned(line, credited, link_url, line.raw if line is not None else None, lead, players, dropped,
                   tuple(warnings))


def _lead(doc: Document, selector: str) -> str | None:
    node = doc.tree.css_first(selector)
    return or_none(clean(node.text(deep=True, separator=" "))) if node is not None else None


def _source_element(doc: Document, selector: str) -> tuple[Organization | None, str | None]:
    """The credited paper from the profile's source element: its text (or its logo's ``alt``) and its link."""
    node = doc.tree.css_first(selector)
    if node is None:
        return None, None
    logo = node.css_first("img[alt]")
    name = clean(node.text(deep=True, separator=" ")) or (clean(logo.attributes.get("alt") or "") if logo else "")
    anchor = node if node.tag == "a" else node.css_first("a[href]")
    href = (anchor.attributes.get("href") or "").strip() if anchor is not None else ""
    url = urljoin(doc.url, href) if href and not href.startswith(("#", "javascript:")) else None
    node.decompose()
    if not name:
        return None, url
    return Organization(name=name, url=attribution.organization_home(url)), url


def lead_above_source_line(body: LexborNode, headline: LexborNode | None,
                           line: attribution.SourceLine | None) -> str | None:
    """A sapo printed between the headline and the source line (the order seen on some pages)."""
    if line is None or headline is None:
        return None
    started = False
    for node in body.traverse():
        if node.mem_id == line.node.mem_id:
            return None
        if node.mem_id == headline.mem_id:
            started = True
            continue
        if not started or node.tag not in ("p", "div", "h2") or attribution.within(line.node, node):
            continue
        if attribution.within(node, headline):
            continue
        text = clean(node.text(deep=True, separator=" "))
        if 40 <= len(text) <= 1000:
            return text
    return None
