"""Article extraction: pure functions of (html, url[, fetched_at]). No Scrapy, no I/O.

>>> from extractors import extract
>>> article = extract(html, "https://www.vietnam.vn/en/some-slug")
>>> article.to_json() if article else None
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .document import Document
from .pipeline import NOT_ARTICLE, run_page
from .record import Article
from .registry import page_class_for
from .schema import article_schema, validation_errors

__all__ = ["Article", "Extraction", "article_schema", "extract", "extract_page", "page_class_for",
           "validation_errors"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one page gave: its record, or ``None`` and the reason a crawl counts the page under."""

    # ``reason`` is snake_case, set exactly when ``article`` is None: ``listing`` (a section, tag, author,
    # search or archive page), ``no_text`` (text, but no article text), ``empty`` (no text in the page's
    # body), ``not_article`` (a site profile's own verdict).
    article: Article | None
    reason: str | None = None


def extract_page(html: str | bytes, url: str, *, fetched_at: datetime | None = None,
                 listed_date: str | None = None) -> Extraction:
    """Like :func:`extract`, and says why a page gave no record."""
    if not url:
        raise ValueError("extract() needs the page URL")
    article, reason = run_page(Document.parse(html, url, fetched_at), page_class_for(url)(), listed_date=listed_date)
    return Extraction(article, None if article is not None else reason or NOT_ARTICLE)


def extract(html: str | bytes, url: str, *, fetched_at: datetime | None = None,
            listed_date: str | None = None) -> Article | None:
    """Extract one article record, or ``None`` when the page is not an article (a listing, a tag page...).

    ``html`` may be bytes (decoded by BOM / ``<meta charset>`` / UTF-8) or already-decoded text.
    ``fetched_at`` stamps ``metadata.dateDownloaded``; pass it for deterministic output. A page with
    article text always gives a record: a missing headline, date or author is a null field.
    ``listed_date``: the date a sitemap or feed gave for the page (as given); ``datePublished`` only when
    the page itself gives none.
    """
    return extract_page(html, url, fetched_at=fetched_at, listed_date=listed_date).article
