"""Stage 1 of the pipeline: the parsed page, and everything read from it before cleaning changes it.

Like fundus's ``precomputed``: the Lexbor tree, the URL, the fetch time, all ``<meta>`` values by key,
all JSON-LD objects (graphs flattened) and the inline scripts' text are read once, eagerly, by
:meth:`Document.parse`. Cleaning (:mod:`cleaning`) then deletes ``<script>`` and other never-content
elements from the tree; what any later stage needs of them is already here, so nothing is parsed twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from . import nesting
from .encoding import decode_html_with_utf8

_JSON_COMMENT_RE = re.compile(r"^\s*(?:<!--|//)|(?:-->)\s*$", re.MULTILINE)
# Inline scripts shorter than this hold no article (embedded.py reads the longer ones).
MIN_SCRIPT_CHARS = 500


@dataclass(frozen=True, slots=True, eq=False)
class Document:
    html: str
    url: str
    fetched_at: datetime
    tree: LexborHTMLParser  # cleaned in place by the cleaning stage; everything else here is read before
    meta: dict[str, list[str]]  # ``<meta>`` contents by lower-cased name / property / itemprop / http-equiv
    jsonld: list[dict[str, Any]]  # every JSON-LD object, ``@graph`` members and nested lists flattened
    ld_article: dict[str, Any]  # the main JSON-LD article object (``{}`` when the page has none)
    html_lang: str | None
    scripts: tuple[str, ...]  # inline (non-JSON-LD) scripts' text, >= MIN_SCRIPT_CHARS, page order
    flattened: int = 0  # block tags taken out for nesting deeper than nesting.MAX_BLOCK_DEPTH

    @classmethod
    def parse(cls, html: str | bytes, url: str, fetched_at: datetime | None = None) -> Document:
        text, utf8 = decode_html_with_utf8(html)
        text, flattened = nesting.flatten(text)  # (a parse is quadratic in the depth of nested blocks)
        if flattened:
            utf8 = None
        # Lexbor parses UTF-8: the page's own bytes when it came as such (encoding the text again costs
        # as much as a tenth of the parse).
        tree = LexborHTMLParser(utf8 if utf8 is not None else text)
        if fetched_at is None:
            fetched_at = datetime.now(UTC)
        elif fetched_at.tzinfo is None:
            fetched_at = fetched_at.replace(tzinfo=UTC)
        jsonld = _jsonld(tree)
        from .jsonld import find_article  # jsonld.py is pure functions of these objects

        root = tree.css_first("html")
        return cls(html=text, url=url, fetched_at=fetched_at, tree=tree, meta=_meta(tree), jsonld=jsonld,
                   ld_article=find_article(jsonld), html_lang=root.attributes.get("lang") if root is not None else None,
                   scripts=_inline_scripts(tree), flattened=flattened)

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def jsonld_of_type(self, *types: str) -> Iterator[dict[str, Any]]:
        wanted = {t.lower() for t in types}
        for obj in self.jsonld:
            obj_types = obj.get("@type")
            names = obj_types if isinstance(obj_types, list) else [obj_types]
            if any(isinstance(n, str) and n.lower() in wanted for n in names):
                yield obj


def _meta(tree: LexborHTMLParser) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        for key_attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(key_attr)
            if key:
                values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def _jsonld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        data = _loads_lenient(raw)
        if data is not None:
            objects.extend(_flatten_jsonld(data))
    return objects


def _inline_scripts(tree: LexborHTMLParser) -> tuple[str, ...]:
    found: list[str] = []
    for script in tree.css("script"):
        attrs = script.attributes
        if "src" in attrs or "ld+json" in (attrs.get("type") or ""):
            continue
        raw = script.text(deep=True) or ""
        if len(raw) >= MIN_SCRIPT_CHARS:
            found.append(raw)
    return tuple(found)


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
