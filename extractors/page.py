"""A profile: what one site's pages say about their own layout, read by the generic stages.

:class:`ArticlePage` is the generic profile (no hints): the registry's fallback. A site profile subclasses
it and states selectors and hints (class attributes), plus small normalising hooks (methods) where a site
needs code. A profile never runs a stage itself: :mod:`pipeline` runs every stage, in order, and reads
the profile where a stage allows it. A selector that finds nothing falls back to the generic reading.

``ArticlePage(doc).to_article()`` runs the pipeline on one parsed page with this profile.
"""

from __future__ import annotations

import re
from typing import ClassVar

from selectolax.lexbor import LexborNode

from . import images
from .document import Document
from .record import Article, Image, Organization


class ArticlePage:
    """Generic extraction for any news page; the fallback of the registry."""

    name: ClassVar[str] = "generic"
    version: ClassVar[str] = "V1"

    # ----- hints: selectors and switches the stages read (None / False / (): the generic reading) ------
    # A selector that finds nothing falls back to the generic reading, and the record's
    # metadata.warnings says ``profile_fallback:<field>`` (a drift alarm can count them per publisher).
    # reading: the element holding the article text; header: the element whose text is the headline.
    body_selector: ClassVar[str | None] = None
    headline_selector: ClassVar[str | None] = None
    # cleaning: the sapo element (the description's fallback, and the body's first paragraph);
    # widgets to drop (one CSS selector list, counted as ``profile_widget``); the element naming the
    # original paper (its text or logo, its link: sourceOrganization, isBasedOn).
    lead_selector: ClassVar[str | None] = None
    lead_in_body: ClassVar[bool] = True  # the lead is the body's first paragraph (False: the description only)
    drop_selectors: ClassVar[str | None] = None
    source_selector: ClassVar[str | None] = None
    # cleaning: read an aggregator's source line ("Báo X 24/05/2023") and "Source" link found by their
    # text, then remove them; ``lead``: cleaning.LEAD_ABOVE_SOURCE_LINE; drop widgets found by their text.
    source_line: ClassVar[bool] = False
    lead: ClassVar[str | None] = None
    sweep_widgets: ClassVar[bool] = False
    footer_line: ClassVar[re.Pattern[str] | None] = None
    # media: player elements (read before cleaning), where they count ("content": inside the body's root;
    # "page": anywhere), the attributes holding their URL, their caption element.
    video_selector: ClassVar[str | None] = None
    video_scope: ClassVar[str] = "content"
    video_url_attrs: ClassVar[tuple[str, ...]] = ("src", "data-vid", "data-src")
    video_caption_selector: ClassVar[str | None] = None
    # media: the caption element of an image (searched in the image's nearest containers) and the
    # pattern of the credit in it (group ``credit``; default: images.split_credit's "Ảnh: ...").
    caption_selector: ClassVar[str | None] = None
    credit_pattern: ClassVar[re.Pattern[str] | None] = None
    # content: the generic body rules (embedded-data fallback, closing byline line, author bio).
    embedded_fallback: ClassVar[bool] = True
    trailing_byline: ClassVar[bool] = True
    author_bio: ClassVar[bool] = True
    # content / metadata: byline elements ("content": inside the body's root, their text is no body;
    # "page": anywhere), their length bound and the separator between names (None: authors.split_names);
    # names that are the site.
    byline_selector: ClassVar[str | None] = None
    byline_scope: ClassVar[str] = "content"
    byline_max_chars: ClassVar[int] = 80
    byline_separator: ClassVar[re.Pattern[str] | None] = re.compile(r"\s+[-–]\s+|\s*,\s*|\s+và\s+")
    site_names: ClassVar[frozenset[str]] = frozenset()
    # dates: the publication date's element, the attributes tried before its text, and its format
    # (``strptime``; default: the machine then the printed date parsers), in the site's zone.
    date_selector: ClassVar[str | None] = None
    date_attrs: ClassVar[tuple[str, ...]] = ("datetime", "content", "title")
    date_format: ClassVar[str | None] = None
    # gate: URL paths that are never one article (the site's tag, category, author, search pages).
    non_article_path: ClassVar[re.Pattern[str] | None] = None
    # metadata: <meta> keys read for keywords before the generic ones; a prefix the site puts on its
    # description ("VTV.vn - "); the publisher, when the page's own metadata does not name it well.
    keywords_meta: ClassVar[tuple[str, ...]] = ()
    description_prefix: ClassVar[re.Pattern[str] | None] = None
    publisher: ClassVar[Organization | None] = None

    def __init__(self, doc: Document | None = None) -> None:
        self.doc = doc

    def to_article(self) -> Article | None:
        from .pipeline import run  # (pipeline imports this module)

        if self.doc is None:
            raise ValueError("ArticlePage(doc).to_article() needs the parsed page")
        return run(self.doc, self)

    # ----- hooks: small normalising functions (the default is the generic value, unchanged) -----------

    def canonical_url(self, found: str | None, doc: Document) -> str | None:
        return found

    def language(self, doc: Document) -> tuple[str | None, str | None] | None:
        """(code, source) when the site says it another way than the page's metadata; None: detect."""
        return None

    def images(self, doc: Document, root: LexborNode) -> tuple[list[Image], tuple[str, ...]]:
        """The article's images, and caption texts the body must leave out (a site printing captions as
        paragraphs); the generic body drops captions by their markup."""
        return images.article_images(doc, root), ()

    def is_article(self, doc: Document, root: LexborNode | None, has_source_line: bool) -> bool | None:
        """False for a page the site's URLs or layout say is no article; None: the generic test decides."""
        return None


__all__ = ["ArticlePage"]
