"""Script-rendered pages: the article kept as data in the page, not in its DOM.

Read only when the DOM yields no body (a page drawn by script ships an empty shell):

* JSON-LD ``articleBody`` (schema.org), HTML or plain text;
* else the page's embedded JSON state (Next.js ``__NEXT_DATA__`` and the App Router's
  ``self.__next_f`` chunks, ``window.__INITIAL_STATE__ = {...}``, React Query / Redux pushes): the
  longest string in it that reads as article text (several paragraphs or sentences, not serialised
  JSON). The object holding that string is the article's record: its publication date key dates
  the page when the page's metadata does not.

The scripts' text was read by the document stage (:class:`Document` ``scripts``) before cleaning
deleted the elements: nothing is parsed again.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any
from urllib.parse import urlsplit

from . import dates
from .document import Document
from .record import BodyBlock
from .text import clean

# Below this many characters the DOM body is no article: look for the text in the page's data.
MIN_DOM_BODY = 200
# A string is article text with this many paragraph tags, or this many sentence ends in plain text.
MIN_PARAGRAPHS = 3
MIN_SENTENCES = 4
_MIN_TEXT = 400
_MIN_SCRIPT = 500  # (document.MIN_SCRIPT_CHARS: the scripts kept for this module are at least this long)
_MAX_JSON_TRIES = 50  # per script: code has many braces, data starts early
_SENTENCE_END_RE = re.compile(r"[.!?。！？](?:\s|$)")
_PARAGRAPH_TAG_RE = re.compile(r"<(?:p|br)\b", re.IGNORECASE)
_TAG_RE = re.compile(r"<[a-zA-Z/!]")
_SERIALISED_RE = re.compile(r'"\s*:\s*[\["{\d]')  # '"key": {' / '":"': JSON inside a string, not prose
_JSON_START_RE = re.compile(r"[\[{]")
_BLANK_LINES_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# Keys naming a publication date ("datePublished", "publishedAt", "pubDate", "deployDt", "releaseDate",
# "firstPublished", "createdAt"); never an update.
_PUBLISHED_KEY_RE = re.compile(r"publish|pub_?date|pubdt|deploy|release|issued|created|posted", re.IGNORECASE)
_NOT_PUBLISHED_KEY_RE = re.compile(r"modif|updat|edit|^re[A-Z_]|last|expir|end", re.IGNORECASE)
# "2026.01.29 18:40": year-first dotted dates (Korean, Chinese, Hungarian sites) in ISO form.
_DOTTED_DATE_RE = re.compile(r"^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?")
# Languages spoken in one time zone's country: the zone of a page whose host and dates name none.
_LANGUAGE_COUNTRY = {"ko": "kr", "ja": "jp", "vi": "vn", "th": "th", "he": "il", "el": "gr", "hu": "hu",
                     "cs": "cz", "pl": "pl", "tr": "tr", "da": "dk", "fi": "fi", "nb": "no", "sv": "se"}


@dataclass
class EmbeddedArticle:
    blocks: list[BodyBlock]
    source: str  # for metadata.warnings: where the body came from
    record: dict[str, Any] | None = None  # the JSON object that held the body

    def date_published(self, doc: Document) -> tuple[str | None, str | None]:
        """(ISO 8601, raw) from the record's first publication-date key."""
        for key, value in (self.record or {}).items():
            if not isinstance(value, str) or not _PUBLISHED_KEY_RE.search(key) or _NOT_PUBLISHED_KEY_RE.search(key):
                continue
            moment = dates.parse_machine(_DOTTED_DATE_RE.sub(_iso_day, value.strip()))
            if moment is None:
                continue
            if moment.has_time and not moment.has_offset and (zone := _page_zone(doc)) is not None:
                moment = moment.with_zone(zone)
            return moment.iso(None if moment.has_time else _page_zone(doc)), value.strip()
        return None, None


def _iso_day(match: re.Match[str]) -> str:
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _page_zone(doc: Document) -> tzinfo | None:
    zone = dates.zone_of_host(urlsplit(doc.url).hostname)
    if zone is not None:
        return zone
    lang = (doc.html_lang or "").lower().replace("_", "-")
    language, _, region = lang.partition("-")
    country = region if len(region) == 2 else _LANGUAGE_COUNTRY.get(language)
    return dates.zone_of_host(f"x.{country}") if country else None


def find(doc: Document, dropped: Counter[str], skip_texts: set[str]) -> EmbeddedArticle | None:
    """The article body a script-rendered page keeps in its data; ``None`` when it keeps none."""
    ld_body = doc.ld_article.get("articleBody")
    if isinstance(ld_body, str) and len(ld_body) >= MIN_DOM_BODY:
        blocks = text_blocks(html.unescape(ld_body), doc, dropped, skip_texts)
        if blocks:
            return EmbeddedArticle(blocks, "body from JSON-LD articleBody", doc.ld_article)
    found = _longest_text(doc)
    if found is None:
        return None
    text, record = found
    blocks = text_blocks(text, doc, dropped, skip_texts)
    return EmbeddedArticle(blocks, "body from embedded script data", record) if blocks else None


def text_blocks(text: str, doc: Document, dropped: Counter[str], skip_texts: set[str]) -> list[BodyBlock]:
    """HTML read with the generic body rules; plain text split into paragraphs on (blank) lines."""
    from . import content  # content imports nothing from here; imported late to keep the module light

    if _TAG_RE.search(text):
        fragment = Document.parse(f"<html><body>{text}</body></html>", doc.url, doc.fetched_at)
        for node in fragment.tree.css("script, style, noscript, template, iframe, svg, button"):
            node.decompose()
        main = content.main_reading(fragment)
        return content.body_blocks(main.root, dropped, skip_texts, reading=main) if main is not None else []
    parts = _BLANK_LINES_RE.split(text) if _BLANK_LINES_RE.search(text) else text.splitlines()
    skip = {clean(t) for t in skip_texts}
    return [BodyBlock(type="paragraph", text=part) for part in map(clean, parts) if part and part not in skip]


def _reads_as_text(value: str) -> bool:
    if len(value) < _MIN_TEXT or len(_SERIALISED_RE.findall(value, 0, 2000)) >= 3:
        return False
    if _TAG_RE.search(value):
        return len(_PARAGRAPH_TAG_RE.findall(value)) >= MIN_PARAGRAPHS
    return len(_SENTENCE_END_RE.findall(value)) >= MIN_SENTENCES


def _script_values(doc: Document) -> list[Any]:
    """The JSON values the page's inline scripts hold (JSON-LD excluded: read already)."""
    values: list[Any] = []
    decoder = json.JSONDecoder()
    for raw in doc.scripts:
        if len(raw) >= _MIN_SCRIPT:
            values.extend(_json_in(raw, decoder))
    return values


def _json_in(raw: str, decoder: json.JSONDecoder) -> Iterator[Any]:
    """The large JSON literals in a script: ``{...}`` and ``[...]`` wherever they start
    (``window["key"].push({...})``, ``self.__next_f.push([1, "..."])``, a whole JSON script)."""
    position = 0
    for _ in range(_MAX_JSON_TRIES):
        start = _JSON_START_RE.search(raw, position)
        if start is None:
            return
        try:
            value, end = decoder.raw_decode(raw, start.start())
        except ValueError:
            position = start.start() + 1  # code, not data
            continue
        if end - start.start() >= _MIN_SCRIPT:
            yield value
        position = end


def _longer(value: str, holder: dict[str, Any] | None, best: tuple[str, dict[str, Any] | None] | None) -> bool:
    """Longer than the best so far; of two copies (a state and its render chunk) the one in an object."""
    if best is None or len(value) > len(best[0]):
        return True
    return len(value) == len(best[0]) and holder is not None and best[1] is None


def _longest_text(doc: Document) -> tuple[str, dict[str, Any] | None] | None:
    """The longest string that reads as article text, and the object holding it."""
    best: tuple[str, dict[str, Any] | None] | None = None
    stack: list[tuple[Any, dict[str, Any] | None]] = [(value, None) for value in _script_values(doc)]
    while stack:
        value, holder = stack.pop()
        if isinstance(value, dict):
            stack.extend((item, value) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, holder) for item in value)
        elif isinstance(value, str) and _longer(value, holder, best) and _reads_as_text(value):
            best = (value, holder)
    return best


__all__ = ["MIN_DOM_BODY", "EmbeddedArticle", "find", "text_blocks"]
