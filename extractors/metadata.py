"""Metadata fields read before the DOM: JSON-LD first, then OpenGraph / meta, then visible markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from . import dates
from .document import Document
from .record import Author, Breadcrumb, Organization
from .text import clean, or_none

ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "WebPage", "ScholarlyArticle", "Report")


def article_ld(doc: Document) -> dict[str, Any]:
    """The page's main JSON-LD article object ({} when none)."""
    for obj in doc.jsonld_of_type(*ARTICLE_TYPES[:-2]):
        return obj
    for obj in doc.jsonld_of_type(*ARTICLE_TYPES[-2:]):
        return obj
    return {}


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return or_none(value) if isinstance(value, str) else None


def headline(doc: Document) -> str | None:
    h1 = doc.tree.css_first("h1")
    candidates = [_text(article_ld(doc).get("headline")), doc.meta_first("og:title", "twitter:title"),
                  clean(h1.text()) if h1 else None]
    return next((clean(c) for c in candidates if c), None)


def description(doc: Document) -> str | None:
    return or_none(doc.meta_first("og:description", "description", "twitter:description")
                   or _text(article_ld(doc).get("description")))


def canonical_url(doc: Document) -> str | None:
    link = doc.tree.css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link else None
    href = href or doc.meta_first("og:url")
    return urljoin(doc.url, href.strip()) if href else None


def _date(doc: Document, ld_key: str, meta_keys: tuple[str, ...]) -> tuple[str | None, str | None]:
    raw = _text(article_ld(doc).get(ld_key)) or doc.meta_first(*meta_keys)
    if not raw:
        return None, None
    parsed = dates.parse_iso(raw)
    if parsed is not None:
        return dates.to_iso(parsed), raw
    visible = dates.parse_day_first(raw)
    if visible is None:
        return None, raw
    return (dates.to_iso(visible) if hasattr(visible, "hour") else dates.day_in_zone(visible)), raw


def date_published(doc: Document) -> tuple[str | None, str | None]:
    return _date(doc, "datePublished", ("article:published_time", "datepublished", "pubdate", "date",
                                        "dc.date", "dc.date.issued", "publishdate"))


def date_modified(doc: Document) -> tuple[str | None, str | None]:
    return _date(doc, "dateModified", ("article:modified_time", "datemodified", "og:updated_time", "lastmod"))


def authors(doc: Document) -> list[Author]:
    value = article_ld(doc).get("author")
    people = value if isinstance(value, list) else [value] if value else []
    found: list[Author] = []
    for person in people:
        if isinstance(person, dict) and str(person.get("@type", "Person")).lower() == "organization":
            continue
        name = _text(person)
        url = person.get("url") if isinstance(person, dict) else None
        if name and all(a.name != name for a in found):
            found.append(Author(name=name, nameRaw=name, url=url if isinstance(url, str) else None))
    if not found:
        for name in doc.meta.get("author", []) + doc.meta.get("article:author", []):
            name = clean(name)
            if name and not name.startswith("http") and all(a.name != name for a in found):
                found.append(Author(name=name, nameRaw=name))
    return found


def publisher(doc: Document) -> Organization | None:
    name = doc.meta_first("og:site_name") or _text(article_ld(doc).get("publisher"))
    parts = urlsplit(doc.url)
    home = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else None
    if not name:
        name = parts.hostname.removeprefix("www.") if parts.hostname else None
    return Organization(name=clean(name), url=home) if name else None


def article_section(doc: Document) -> str | None:
    return or_none(doc.meta_first("article:section") or _text(article_ld(doc).get("articleSection")))


def breadcrumbs(doc: Document) -> list[Breadcrumb]:
    for obj in doc.jsonld_of_type("BreadcrumbList"):
        items = obj.get("itemListElement") or []
        crumbs: list[Breadcrumb] = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: int(i.get("position") or 0)):
            target = item.get("item")
            name = _text(item.get("name")) or (_text(target) if isinstance(target, dict) else None)
            url = target.get("@id") if isinstance(target, dict) else target
            if name:
                crumbs.append(Breadcrumb(name=name, url=urljoin(doc.url, url) if isinstance(url, str) else None))
        if crumbs:
            return crumbs
    return []


def keywords(doc: Document) -> list[str]:
    values: list[str] = list(doc.meta.get("article:tag", []))
    if not values:
        raw = doc.meta_first("news_keywords", "keywords") or ""
        ld = article_ld(doc).get("keywords")
        values = raw.split(",") if raw else (ld if isinstance(ld, list) else str(ld or "").split(","))
    seen: dict[str, None] = {}
    for value in values:
        word = clean(str(value))
        if word and word.lower() not in {k.lower() for k in seen}:
            seen[word] = None
    return list(seen)


def is_accessible_for_free(doc: Document) -> bool | None:
    value = article_ld(doc).get("isAccessibleForFree")
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    return None
