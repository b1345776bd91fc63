"""The generic article page: one method per record field, in pipeline order.

Site profiles subclass :class:`ArticlePage` and override single fields or single steps
(``prune``, ``content_root``, ``source_organization`` ...). Everything a field needs comes from
``self.doc`` (the parsed page, parsed once) and cached intermediate steps.

Pipeline: prune boilerplate -> metadata (JSON-LD, OpenGraph, meta, ``<time>``) -> main content
-> images and captions -> quotes -> attribution -> the record.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import cached_property
from typing import ClassVar
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from . import boilerplate, content, dates, embedded, images, language, metadata, pagetype, quotes
from .authors import byline_line
from .document import Document
from .record import Article, Author, BodyBlock, Breadcrumb, Image, Metadata, Organization, Quote, Video
from .text import or_none


class ArticlePage:
    """Generic extraction for any news page; the fallback of the registry."""

    name: ClassVar[str] = "generic"
    version: ClassVar[str] = "V1"

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.dropped: Counter[str] = Counter()
        self.warnings: list[str] = []

    # ----- pipeline steps (override in profiles) -------------------------------------------

    def prune(self) -> None:
        """Remove what is never content, before any field reads the tree."""
        self.doc.meta, self.doc.jsonld  # noqa: B018  read JSON-LD before its <script> elements are pruned
        boilerplate.prune(self.doc.tree, boilerplate.NEVER_CONTENT, "non_content_tags", self.dropped)

    @cached_property
    def content_root(self) -> LexborNode | None:
        """The element holding the article text."""
        return content.find_main(self.doc)

    @cached_property
    def blocks(self) -> list[BodyBlock]:
        root = self.content_root
        found = [] if root is None else content.body_blocks(root, self.dropped, skip_texts=self._non_body_texts(),
                                                            doc=self.doc)
        if sum(len(b.text) for b in found) < embedded.MIN_DOM_BODY:
            found = self._embedded_blocks() or found
        if found and found[-1].type == "paragraph" and self._byline_people(found[-1].text):
            self._trailing_byline = found.pop().text  # the author's name closing the body (Vietnamese papers)
            self.dropped["byline"] += 1
        names = [author.name for author in metadata.credits(self.doc).people]
        for index in range(len(found) - 1, max(len(found) - 3, -1), -1):  # the last two blocks
            if content.is_author_bio(found[index], names):
                del found[index]  # "Jane Doe is a senior researcher at ...": about the author, not the story
                self.dropped["author_bio"] += 1
        return found

    _trailing_byline: str | None = None
    _embedded: embedded.EmbeddedArticle | None = None

    def _embedded_blocks(self) -> list[BodyBlock]:
        """A script-rendered page's body, from its JSON-LD ``articleBody`` or its embedded state."""
        found = embedded.find(self.doc, self.dropped, self._non_body_texts())
        if found is None:
            return []
        self._embedded = found
        self.warnings.append(found.source)
        return found.blocks

    def _byline_people(self, text: str) -> list[Author]:
        return byline_line(text, metadata.site_names(self.doc))

    def _non_body_texts(self) -> set[str]:
        """Texts that are other fields and must not be repeated as body paragraphs."""
        return {t for t in (self.headline(),) if t}

    @cached_property
    def image_list(self) -> list[Image]:
        root = self.content_root
        return images.article_images(self.doc, root) if root is not None else []

    # ----- fields ----------------------------------------------------------------------------

    def url(self) -> str:
        return self.doc.url

    def canonical_url(self) -> str | None:
        return metadata.canonical_url(self.doc)

    def headline(self) -> str | None:
        return metadata.headline(self.doc)

    def description(self) -> str | None:
        return metadata.description(self.doc)

    def language(self) -> tuple[str | None, str | None]:
        """(ISO 639-1 code, where it came from)."""
        return language.detect(self.doc, self.article_body() or "")

    def date_published(self) -> tuple[str | None, str | None]:
        """(ISO 8601 value, raw string as given); a script-rendered page's from the record of its body."""
        found = metadata.date_published(self.doc)
        if found[0] is None and self.blocks is not None and self._embedded is not None:
            return self._embedded.date_published(self.doc)
        return found

    def date_modified(self) -> tuple[str | None, str | None]:
        return metadata.date_modified(self.doc)

    def authors(self) -> list[Author]:
        """Metadata and bylines; else the name line that closes the body."""
        credits = metadata.credits(self.doc)
        if not credits.people and self.blocks is not None and self._trailing_byline:
            return credits.credited(self._byline_people(self._trailing_byline))
        return credits.authors

    def publisher(self) -> Organization | None:
        return metadata.publisher(self.doc)

    def source_organization(self) -> Organization | None:
        """The original newspaper or news agency credited (aggregators: the source line; others: "dpa")."""
        return metadata.source_organization(self.doc)

    def is_based_on(self) -> str | None:
        return None

    def attribution_raw(self) -> str | None:
        return None

    def article_section(self) -> str | None:
        return metadata.article_section(self.doc)

    def breadcrumbs(self) -> list[Breadcrumb]:
        return metadata.breadcrumbs(self.doc)

    def keywords(self) -> list[str]:
        return metadata.keywords(self.doc)

    def body(self) -> list[BodyBlock]:
        return self.blocks

    def article_body(self) -> str | None:
        return "\n\n".join(b.text for b in self.body()) or None

    def quotes(self) -> list[Quote]:
        return quotes.find_quotes(self.body(), self.language()[0])

    def images(self) -> list[Image]:
        return self.image_list

    def main_image(self) -> Image | None:
        og = self.doc.meta_first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
        if og and not og.startswith("data:"):
            url = urljoin(self.doc.url, og)
            for image in self.images():
                if image.url == url:
                    return image
            return Image(url=url, alt=or_none(self.doc.meta_first("og:image:alt")))
        return self.images()[0] if self.images() else None

    def videos(self) -> list[Video]:
        return []

    def is_accessible_for_free(self) -> bool | None:
        return metadata.is_accessible_for_free(self.doc)

    def is_article(self) -> bool:
        """False for listings, tag pages and other pages with no article text."""
        return self.skip_reason() is None

    def skip_reason(self) -> str | None:
        """Why the page is no article (``pagetype.LISTING``, ``NO_TEXT``, ``EMPTY``), else ``None``."""
        return pagetype.skip_reason(self.doc, self.headline(), self.content_root, sum(len(b.text) for b in self.body()),
                                    has_date=self.date_published()[0] is not None)

    # ----- assembly --------------------------------------------------------------------------

    def to_article(self) -> Article | None:
        self.prune()
        if not self.is_article():
            return None
        published, published_raw = self.date_published()
        modified, modified_raw = self.date_modified()
        lang, lang_source = self.language()
        body_text = self.article_body()
        return Article(
            url=self.url(),
            canonicalUrl=self.canonical_url(),
            headline=self.headline(),
            description=self.description(),
            inLanguage=lang,
            datePublished=published,
            datePublishedRaw=published_raw,
            dateModified=modified,
            dateModifiedRaw=modified_raw,
            authors=self.authors(),
            publisher=self.publisher(),
            sourceOrganization=self.source_organization(),
            isBasedOn=self.is_based_on(),
            attributionRaw=self.attribution_raw(),
            articleSection=self.article_section(),
            breadcrumbs=self.breadcrumbs(),
            keywords=self.keywords(),
            articleBody=body_text,
            body=self.body(),
            quotes=self.quotes(),
            mainImage=self.main_image(),
            images=self.images(),
            videos=self.videos(),
            isAccessibleForFree=self.is_accessible_for_free(),
            metadata=Metadata(
                dateDownloaded=dates.to_iso(self.doc.fetched_at),
                extractor=f"{self.name}@{self.version}",
                languageSource=lang_source,
                contentHash=hashlib.sha1(body_text.encode("utf-8")).hexdigest() if body_text else None,
                dropped=dict(sorted(self.dropped.items())),
                warnings=list(self.warnings),
            ),
        )


__all__ = ["ArticlePage"]
