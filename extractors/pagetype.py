"""Is this page one article, or a listing (a section, tag, topic, author, search or archive page)?

A listing can look like an article to the body extractor: its teasers are paragraphs, it has a
title. What tells them apart is how the page describes itself and how it is built:

* metadata: ``og:type`` ``website`` against ``article``; a JSON-LD ``CollectionPage`` /
  ``ItemList`` / ``SearchResultsPage`` against a ``NewsArticle``; a publication date or none;
* the URL: ``/tag/``, ``/category/``, ``/chuyen-muc/``, ``/topic/``, ``/page/2``, ``?page=3``;
* the markup: many teaser titles (a link in a heading, a heading in a link, or a link as long as a
  headline) in the container the body was read from, with little body text for each.

Each side scores its marks; a page is a listing only when the listing marks outweigh the article
marks clearly, so an article with a poor CMS (``og:type website``, no JSON-LD) is still an article.
All lookups are a handful of CSS queries; the pipeline asks once per page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from .document import Document
from .jsonld import ARTICLE_TYPES, type_names

LISTING_LD_TYPES = frozenset({"CollectionPage", "SearchResultsPage"})
# Path segments of section, tag, topic, author and archive pages in the languages crawled.
_LISTING_PATH_RE = re.compile(
    r"/(?:tags?|category|categories|kategorie|categorie|categoria|chuyen-muc|chu-de|tin-tuc-theo-chu-de|topics?|"
    r"themen?|thema|section|sections|rubrik|rubrique|author|authors|autor|autoren|auteur|archive|archiv|search|"
    r"suche|tim-kiem)(?:/|$)", re.IGNORECASE)
# A second or later page of a list ("page=1" also appears in article URLs that remember their list).
_PAGING_RE = re.compile(r"/(?:page|trang|seite)/(?:[2-9]|\d\d+)/?$|[-/]p(?:[2-9]|\d\d+)/?$|"
                        r"[?&](?:page|p|trang)=(?:[2-9]|\d\d+)(?:&|$)", re.IGNORECASE)
# A teaser's title: a link in a heading or a heading in a link.
_TEASER_TITLE_SELECTOR = "h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4"
_LINK_SELECTOR = "a[href]"
TITLE_LINK_CHARS = 30  # a link this long is a headline, not a linked name or phrase in a sentence
MIN_TEASERS = 4  # fewer headline links in the main text are a related box
BODY_PER_TEASER = 300  # characters of body per teaser title in the main text below which the page is a list


@dataclass(frozen=True, slots=True)
class PageMarks:
    """What a page says about itself and how it is built (see the module docstring)."""

    og_type: str | None
    ld_article: bool
    ld_listing: bool
    listing_url: bool
    paging_url: bool
    has_date: bool
    teaser_titles: int  # in the main container the body was read from
    body_chars: int

    @property
    def article_score(self) -> int:
        return 2 * self.ld_article + (self.og_type == "article") + self.has_date

    @property
    def listing_score(self) -> int:
        teasers = self.teaser_titles >= MIN_TEASERS and self.body_chars < BODY_PER_TEASER * self.teaser_titles
        return (2 * self.ld_listing + (self.og_type == "website") + self.listing_url + 2 * self.paging_url
                + 2 * teasers)


def marks(doc: Document, root: LexborNode | None, body_chars: int, *, has_date: bool) -> PageMarks:
    """The page's marks; ``root`` is the main container the body was read from."""
    types = {name for obj in doc.jsonld for name in type_names(obj)}
    url = urlsplit(doc.url)
    path = url.path + (f"?{url.query}" if url.query else "")
    found = PageMarks(
        og_type=(doc.meta_first("og:type") or "").strip().lower() or None,
        ld_article=bool(types & set(ARTICLE_TYPES) - {"VideoObject"}),
        ld_listing=bool(types & LISTING_LD_TYPES) and not types & set(ARTICLE_TYPES),
        listing_url=bool(_LISTING_PATH_RE.search(path)),
        paging_url=bool(_PAGING_RE.search(path)),
        has_date=has_date,
        teaser_titles=_teaser_titles(root) if root is not None else 0,
        body_chars=body_chars,
    )
    return found


def _teaser_titles(root: LexborNode) -> int:
    """Teaser titles in the main container: links in headings, or links as long as a headline
    (listings that print their teasers as paragraphs: ``<p><a>Title</a></p><p>Sapo</p>``)."""
    in_headings = len(root.css(_TEASER_TITLE_SELECTOR))
    long_links = sum(len(link.text(strip=True)) >= TITLE_LINK_CHARS for link in root.css(_LINK_SELECTOR)[:200])
    return max(in_headings, long_links)


def is_listing(doc: Document, root: LexborNode | None, body_chars: int, *, has_date: bool) -> bool:
    """True when the page is a list of articles: listing marks clearly outweigh article marks."""
    found = marks(doc, root, body_chars, has_date=has_date)
    return found.listing_score >= 3 and found.listing_score > found.article_score + 1


def is_article(doc: Document, headline: str | None, root: LexborNode | None, body_chars: int, *,
               has_date: bool) -> bool:
    """One article: a headline, at least 200 characters of body, and not a listing."""
    return bool(headline) and body_chars >= 200 and not is_listing(doc, root, body_chars, has_date=has_date)
