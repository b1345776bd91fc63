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


def readability_lxml(html: str, url: str) -> Prediction:
    """readability-lxml (the Python port of Readability): ``Document(html).summary(html_partial=True)``,
    its text nodes joined by spaces (as the readability set's truth text was made from ``expected.html``;
    ``text_content()`` would glue "end.</p><p>Next" into one token: 0.959 instead of 0.964 there)."""
    import logging

    import lxml.html
    from readability import Document

    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)  # its failures are counted as errors
    summary = Document(html, url=url).summary(html_partial=True)
    return Prediction(body=" ".join(lxml.html.fromstring(summary).itertext()).strip() or None)


def htmldate_date(html: str, url: str) -> Prediction:
    """htmldate's ``find_date(html, original_date=True, url=url)``: the publication day (extensive search on,
    its default), as htmldate's own evaluation runs it."""
    from htmldate import find_date

    return Prediction(published=find_date(html, original_date=True, url=url))


SYSTEMS: dict[str, Callable[[str, str], Prediction]] = {
    "ours": ours,
    "trafilatura": trafilatura_text,
    "trafilatura-no-comments": trafilatura_text_no_comments,
    "trafilatura-full": trafilatura_full,
    "readability-lxml": readability_lxml,
    "htmldate": htmldate_date,
}

# The fields each system gives (a figure of a field a system does not give is not reported for it).
FIELDS: dict[str, frozenset[str]] = {
    "ours": frozenset({"headline", "date", "authors", "body", "captions"}),
    "trafilatura": frozenset({"body"}),
    "trafilatura-no-comments": frozenset({"body"}),
    "trafilatura-full": frozenset({"headline", "date", "authors", "body"}),
    "readability-lxml": frozenset({"body"}),
    "htmldate": frozenset({"date"}),
}


def versions() -> dict[str, str]:
    found = {}
    for dist in ("vnnews-crawler", "selectolax", "trafilatura", "readability-lxml", "htmldate", "lxml",
                 "python-dateutil"):
        try:
            found[dist] = pkg_metadata.version(dist)
        except pkg_metadata.PackageNotFoundError:
            found[dist] = "not installed"
    import platform

    found["python"] = platform.python_version()
    return found
