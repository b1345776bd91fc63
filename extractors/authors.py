"""Authors: people only, one name each.

Sources in order, the first that names a person wins: the JSON-LD article's ``author``, the author
``<meta>`` tags, then the byline in the page (``itemprop=author``, ``rel=author``, author links and
byline elements). Every raw value is cleaned the same way: "By"/"Von"/"Text:" and job titles
dropped, lists split ("A, B and C", "A und B, dpa"), organisations, site names, agencies, e-mail
addresses and photo credits left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from .document import Document
from .jsonld import items, type_names
from .record import Author
from .text import clean, folded

AUTHOR_META_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
                    "sailthru.author", "byl", "cxenseparse:author", "citation_author", "twitter:misc:written by")
# Byline markup, most explicit first; each group is tried on its own.
BYLINE_SELECTORS = (
    "[itemprop=author] [itemprop=name]",
    "[itemprop=author]",
    "[rel=author]",
    "a[href*='/author/'], a[href*='/authors/'], a[href*='/autor/'], a[href*='/autoren/'], a[href*='/journalist/']",
    "[class*=author-name], [class*=authorName], [class*=author__name], [class*=authorname], [class*=byline__name]",
    "[class*=author], [class*=Author], [class*=byline], [class*=Byline]",
)
_LEAD_RE = re.compile(
    r"^(?:(?:written|reported|text|story|words|photos?|reporting)\s+by|by|von|par|por|di|door|av|af|de|"
    r"text|texto|testo|tekst|autor(?:in)?|author|auteur|bài(?: và ảnh)?|tác giả|ein kommentar von|"
    r"eine analyse von|ein gastbeitrag von)\s*[:：]?\s+", re.IGNORECASE)
_SPLIT_RE = re.compile(
    r"\s*(?:,|;|\||/|&|\+|\s[-–—]\s|\s(?:and|und|og|och|et|y|e|i|en|és|a|и|và|ve|ja|oraz)\s)\s*", re.IGNORECASE)
_PARENTHESES_RE = re.compile(r"\s*[(\[].*?[)\]]\s*")
# Not a person: news agencies and newsroom labels.
AGENCIES = frozenset({
    "dpa", "afp", "ap", "reuters", "sda", "apa", "kna", "epd", "ddp", "dapd", "ots", "efe", "ansa", "anp", "ntb",
    "tt", "ritzau", "pti", "ians", "ani", "xinhua", "tass", "ria", "aa", "bbc", "cnn", "upi", "bloomberg",
    "associated press", "agence france-presse", "deutsche presse-agentur", "keystone-sda", "kyodo", "yonhap",
    "ttxvn", "vna", "tpn",
})
_NEWSROOM_WORDS = re.compile(
    r"\b(staff|redaktion|redaction|rédaction|redacción|redazione|editorial|editors?|team|newsroom|desk|"
    r"nachrichten|news|online|digital|agency|agentur|media|press|presse|times|post|zeitung|journal|"
    r"magazine?|tribune|herald|gazette|daily|weekly|radio|tv|television|channel|group|ltd|gmbh|inc|"
    r"web|portal|admin|administrator|contributor|guest|gastautor|image|images|photo|getty|istock|shutterstock|"
    r"agenturen|agencies|agences|agencias)\b",
    re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(correspondent|reporter|editor|chief|professor|prof|senior|writer|columnist|analyst|director|"
    r"redakteur(in)?|korrespondent(in)?|chefredakteur(in)?|journalist(in)?|phóng viên|nhà báo|"
    r"fakulteto|universit\w*)\b", re.IGNORECASE)


def split_names(raw: str, site_names: Iterable[str] = ()) -> list[str]:
    """The people a byline string names: ``"By A, B and C, dpa"`` -> ``["A", "B", "C"]``."""
    text = clean(html.unescape(raw))
    if not text or "@" in text and " " not in text.strip():
        return []
    text = _LEAD_RE.sub("", text)
    sites = {folded(s) for s in site_names if s}
    names: list[str] = []
    for part in _SPLIT_RE.split(_PARENTHESES_RE.sub(" ", text)):
        name = _LEAD_RE.sub("", clean(part)).strip(" .:-–—·")
        if _is_person(name, sites) and name not in names:
            names.append(name)
    return names


def _is_person(name: str, sites: set[str]) -> bool:
    if not name or len(name) > 60 or "@" in name or "://" in name or "www." in name.lower():
        return False
    if any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    key = folded(name)
    if not key or key in AGENCIES or name.casefold() in AGENCIES:
        return False
    if any(key == site or (len(key) >= 4 and (key in site or site in key)) for site in sites):
        return False
    if _NEWSROOM_WORDS.search(name) or _ROLE_WORDS.search(name) or re.search(r"\.[a-z]{2,3}$", name):
        return False
    if not _has_cjk(name):
        if len(words) > 5 or (len(words) == 1 and (len(name) <= 4 or name.isupper())):
            return False  # an initials label ("ssi", "LTO") or a one-word brand, not a name
        if not any(word[:1].isupper() for word in words):
            return False  # lower-case words: a phrase, not a name
    return True


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


def _ld_names(value: Any) -> list[tuple[str, str | None]]:
    """(raw name, url) of each person in a JSON-LD ``author`` value; organisations skipped."""
    found: list[tuple[str, str | None]] = []
    for item in items(value):
        if isinstance(item, str):
            found.append((item, None))
        elif isinstance(item, dict):
            if {"Organization", "NewsMediaOrganization", "Corporation"} & set(type_names(item)):
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if not isinstance(name, str) and isinstance(item.get("givenName"), str):
                name = f"{item.get('givenName')} {item.get('familyName') or ''}"
            url = item.get("url") or item.get("@id")
            if isinstance(name, str):
                found.append((name, url if isinstance(url, str) and url.startswith("http") else None))
    return found


def _people(raw_values: Iterable[tuple[str, str | None]], sites: list[str]) -> list[Author]:
    people: list[Author] = []
    for raw, url in raw_values:
        for name in split_names(raw, sites):
            if all(a.name.casefold() != name.casefold() for a in people):
                people.append(Author(name=name, nameRaw=clean(html.unescape(raw)), url=url))
    return people


def find_authors(doc: Document, site_names: list[str]) -> list[Author]:
    """The article's authors from the first source that names a person."""
    people = _people(_ld_names(doc.ld_article.get("author")), site_names)
    if people:
        return people
    meta_values = [(value, None) for key in AUTHOR_META_KEYS for value in doc.meta.get(key, ())
                   if not value.startswith("http")]
    people = _people(meta_values, site_names)
    if people:
        return people
    for selector in BYLINE_SELECTORS:
        nodes = doc.tree.css(selector)[:6]
        values = [(node.attributes.get("content") or node.text(separator=" "), None) for node in nodes]
        people = _people([(v, u) for v, u in values if v and len(clean(v)) <= 100], site_names)
        if people:
            return people
    return []


def byline_line(text: str, site_names: Iterable[str] = ()) -> list[Author]:
    """The people of a line that is nothing but a byline ("Lê Phương", "By Jane Doe and John Roe"):
    short, no sentence, and its names make up most of it. ``[]`` for any other line."""
    line = clean(text)
    if not line or len(line) > 60 or line.endswith((".", "!", "?", ":")) or len(line.split()) > 8:
        return []
    names = split_names(line, site_names)
    if not names or sum(len(name) for name in names) < 0.6 * len(_LEAD_RE.sub("", line)):
        return []
    return [Author(name=name, nameRaw=line) for name in names]
