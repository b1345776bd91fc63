"""JSON-LD lookups in all the shapes pages use: ``@graph``, type lists, nested ``mainEntity``,
values as strings, lists, ``{"@value"}`` or ``{"name"}`` objects, HTML entities left in strings."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from .text import clean

# Most specific first: the article object wins over a page or website object.
ARTICLE_TYPES = ("NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "BackgroundNewsArticle", "ReviewNewsArticle", "Report",
                 "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "VideoObject")
PAGE_TYPES = ("WebPage", "ItemPage", "CollectionPage")


def type_names(obj: dict[str, Any]) -> list[str]:
    """The object's ``@type`` names, a full IRI shortened to its last part (``https://schema.org/NewsArticle``)."""
    value = obj.get("@type")
    names = value if isinstance(value, list) else [value]
    return [n.rsplit("/", 1)[-1] for n in names if isinstance(n, str)]


def _with_nested(objects: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every object, then the ``mainEntity`` / ``mainEntityOfPage`` objects nested in page objects."""
    yield from objects
    for obj in objects:
        for key in ("mainEntity", "mainEntityOfPage"):
            nested = obj.get(key)
            for item in nested if isinstance(nested, list) else [nested]:
                if isinstance(item, dict) and "@type" in item:
                    yield item


def find_article(jsonld: list[dict[str, Any]]) -> dict[str, Any]:
    """The page's main JSON-LD article object (``{}`` when none). Use ``Document.ld_article``: it caches this."""
    objects = list(_with_nested(jsonld))
    for wanted in (ARTICLE_TYPES, PAGE_TYPES):
        for type_name in wanted:  # by rank, so NewsArticle beats a VideoObject embedded in it
            for obj in objects:
                if type_name in type_names(obj):
                    return obj
    return {}


def text(value: Any) -> str | None:
    """A clean single string from a JSON-LD value (first of a list, ``name`` / ``@value`` of an object)."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if not isinstance(value, str):
        return None
    return clean(html.unescape(value)) or None


def items(value: Any) -> list[Any]:
    """A JSON-LD value as a list (a single value, a list, or nothing)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
