"""The parsed page every field method reads from: parsed once, looked up many times.

Like fundus's ``precomputed``: the Lexbor tree, the URL, the fetch time, all ``<meta>``
values by key and all JSON-LD objects (graphs flattened) are computed once per page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .encoding import decode_html_with_utf8

_JSON_COMMENT_RE = re.compile(r"^\s*(?:<!--|//)|(?:-->)\s*$", re.MULTILINE)


@dataclass
class Document:
    html: str
    url: str
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # The page's text reading and its chosen main container (content.find_main), reused for the body.
    main_reading: Any = field(default=None, repr=False, compare=False)
    # Field values already computed for this page (metadata.per_page): page methods call some twice.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # ``html`` as UTF-8 bytes when the page came as such: Lexbor parses UTF-8, and encoding the text again
    # costs as much as a tenth of the parse. Dropped once the tree is built.
    utf8: bytes | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, html: str | bytes, url: str, fetched_at: datetime | None = None) -> Document:
        text, utf8 = decode_html_with_utf8(html)
        doc = cls(html=text, url=url, utf8=utf8)
        if fetched_at is not None:
            doc.fetched_at = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
        return doc

    @cached_property
    def tree(self) -> LexborHTMLParser:
        source, self.utf8 = (self.utf8 if self.utf8 is not None else self.html), None
        return LexborHTMLParser(source)

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` contents by lower-cased name / property / itemprop / http-equiv, in page order."""
        values: dict[str, list[str]] = {}
        for node in self.tree.css("meta"):
            attrs = node.attributes
            content = attrs.get("content")
            if content is None:
                continue
            for key_attr in ("property", "name", "itemprop", "http-equiv"):
                key = attrs.get(key_attr)
                if key:
                    values.setdefault(key.strip().lower(), []).append(content.strip())
        return values

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object on the page, ``@graph`` members and nested lists flattened, page order."""
        objects: list[dict[str, Any]] = []
        for script in self.tree.css('script[type="application/ld+json"]'):
            raw = script.text(deep=True) or ""
            data = _loads_lenient(raw)
            if data is not None:
                objects.extend(_flatten_jsonld(data))
        return objects

    @cached_property
    def ld_article(self) -> dict[str, Any]:
        """The main JSON-LD article object (``{}`` when the page has none)."""
        from .jsonld import find_article  # jsonld.py is pure functions of these objects

        return find_article(self.jsonld)

    def jsonld_of_type(self, *types: str) -> Iterator[dict[str, Any]]:
        wanted = {t.lower() for t in types}
        for obj in self.jsonld:
            obj_types = obj.get("@type")
            names = obj_types if isinstance(obj_types, list) else [obj_types]
            if any(isinstance(n, str) and n.lower() in wanted for n in names):
                yield obj

    @cached_property
    def html_lang(self) -> str | None:
        root = self.tree.css_first("html")
        return root.attributes.get("lang") if root is not None else None


def _loads_lenient(raw: str) -> Any:
    raw = raw.strip()
    if not raw:
        return None
    for repair in _JSON_REPAIRS:  # (the repaired texts only made when needed: a page's JSON-LD can be 1 MB)
        try:
            return json.loads(repair(raw), strict=False)
        except ValueError:
            continue
    return None


# The text as it is, then without HTML/JS comment markers, then with raw line breaks and tabs as spaces.
_JSON_REPAIRS = (
    lambda raw: raw,
    lambda raw: _JSON_COMMENT_RE.sub("", raw),
    lambda raw: raw.replace("\n", " ").replace("\t", " "),
)


def _flatten_jsonld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_jsonld(item)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if isinstance(graph, list):
            yield from _flatten_jsonld(graph)
            rest = {k: v for k, v in data.items() if k != "@graph"}
            if "@type" in rest:
                yield rest
        else:
            yield data
