"""Article extraction: pure functions of (html, url[, fetched_at]). No Scrapy, no I/O.

>>> from extractors import extract
>>> article = extract(html, "https://www.vietnam.vn/en/some-slug")
>>> article.to_json() if article else None
"""

from __future__ import annotations

from datetime import datetime

from .document import Document
from .record import Article
from .registry import page_class_for
from .schema import article_schema, validation_errors

__all__ = ["Article", "article_schema", "extract", "page_class_for", "validation_errors"]


def extract(html: str | bytes, url: str, *, fetched_at: datetime | None = None) -> Article | None:
    """Extract one article record, or ``None`` when the page is not an article (a listing, a tag page...).

    ``html`` may be bytes (decoded by BOM / ``<meta charset>`` / UTF-8) or already-decoded text.
    ``fetched_at`` stamps ``metadata.dateDownloaded``; pass it for deterministic output.
    """
    if not url:
        raise ValueError("extract() needs the page URL")
    doc = Document.parse(html, url, fetched_at)
    return page_class_for(url)(doc).to_article()
