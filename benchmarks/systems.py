"""The systems compared, behind one call each: page HTML (already decoded) in, comparable fields out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata as pkg_metadata

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)  # fixed, so runs are deterministic


@dataclass(slots=True)
class Prediction:
    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    body: str | None = None
    description: str | None = None
    captions: list[str] = field(default_factory=list)
    people: list[str] | None = None  # the authors that are people, where the system tells them apart


def ours(html: str, url: str) -> Prediction:
    """The generic pipeline (``ArticlePage``) on every page: no site profile, so no page is helped by
    rules written for its site (``extractors.extract`` would pick the VnExpress profile for one page)."""
    from extractors.document import Document
    from extractors.page import ArticlePage

    article = ArticlePage(Document.parse(html, url, FETCHED_AT)).to_article()
    if article is None:
        return Prediction()
    return Prediction(
        headline=article.headline,
        published=article.datePublished,
        authors=[a.name for a in article.authors],
        body=article.articleBody,
        description=article.description,
        captions=[i.caption for i in article.images if i.caption],
        people=[a.name for a in article.authors if a.type == "Person"],
    )


def trafilatura_text(html: str, url: str) -> Prediction:
    """``trafilatura.extract(html)`` with default settings: text only."""
    import trafilatura

    return Prediction(body=trafilatura.extract(html))


def trafilatura_text_no_comments(html: str, url: str) -> Prediction:
    """As the ScrapingHub benchmark repository runs it: ``extract(html, include_comments=False)``."""
    import trafilatura

    return Prediction(body=trafilatura.extract(html, include_comments=False))


def trafilatura_full(html: str, url: str) -> Prediction:
    """``bare_extraction`` with default settings plus metadata: text, title, date, authors."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Prediction()
    authors = [name.strip() for name in (doc.author or "").split(";") if name.strip()]
    return Prediction(headline=doc.title, published=doc.date, authors=authors, body=doc.text,
                      description=doc.description)


SYSTEMS: dict[str, Callable[[str, str], Prediction]] = {
    "ours": ours,
    "trafilatura": trafilatura_text,
    "trafilatura-no-comments": trafilatura_text_no_comments,
    "trafilatura-full": trafilatura_full,
}


def versions() -> dict[str, str]:
    found = {}
    for dist in ("vnnews-crawler", "selectolax", "trafilatura", "lxml", "python-dateutil"):
        try:
            found[dist] = pkg_metadata.version(dist)
        except pkg_metadata.PackageNotFoundError:
            found[dist] = "not installed"
    import platform

    found["python"] = platform.python_version()
    return found
