"""Metadata fields read before the DOM: JSON-LD first, then OpenGraph / meta, then visible markup."""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import date, datetime, timezone, tzinfo
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from . import dates, datesearch, htmldate_fallback, jsonld
from .authors import Credits, find_credits
from .document import Document
from .record import Author, Breadcrumb, Organization
from .text import clean, folded, or_none

# Between a headline and a site name, section or kicker: "Title | Site", "Site - Title", "Kicker: Title".
_SEPARATOR_RE = re.compile(r"\s+(?:[|–—·•»/\-]|::)\s+|\s*[｜：|ㅣ]\s*")
_SEPARATOR_CHARS = " |–—·•»/-:｜：ㅣ"


def article_ld(doc: Document) -> dict[str, Any]:
    """The page's main JSON-LD article object ({} when none)."""
    return doc.ld_article


_text = jsonld.text


def _folded_site_names(doc: Document) -> set[str]:
    """The site's names folded, host and its first label included: to strip them from titles.
    (:func:`site_names` gives them as written, to keep them out of the authors.)"""
    names = {doc.meta_first("og:site_name"), doc.meta_first("application-name"),
             _text(article_ld(doc).get("publisher"))}
    host = (urlsplit(doc.url).hostname or "").lower().removeprefix("www.")
    labels = [label for label in host.split(".") if label not in ("com", "co", "net", "org")]
    names.update({host, labels[0] if labels else None})
    return {folded(n) for n in names if n and len(folded(n)) >= 3}


def _is_site_name(part: str, sites: set[str]) -> bool:
    key = folded(part)
    return bool(key) and any(key == s or (len(key) >= 4 and (key in s or s in key)) for s in sites)


def strip_site_name(title: str, sites: set[str], sections: set[str] = frozenset()) -> str:
    """"Title | Site" -> "Title" and "Site - Title" -> "Title" when that part names the site;
    "Title - Politik" -> "Title" when that last part is the article's section."""
    parts = _SEPARATOR_RE.split(title)
    while len(parts) > 1 and (_is_site_name(parts[-1], sites) or folded(parts[-1]) in sections):
        title = title[: title.rfind(parts[-1])].rstrip(_SEPARATOR_CHARS)
        parts.pop()
    while len(parts) > 1 and _is_site_name(parts[0], sites):
        title = title[len(parts[0]):].lstrip(_SEPARATOR_CHARS)
        parts.pop(0)
    return title


def _decoration(title: str, core: str) -> str | None:
    """What ``title`` adds to ``core``, folded: "Kicker: Core" -> "kicker", "Core | Section" -> "section";
    "" when they are the same title, None when ``title`` is not ``core`` decorated."""
    if title == core:
        return ""
    if not core or len(core) < 0.4 * len(title) or core not in title:
        return None
    before, _, after = title.partition(core)
    before, after = before.strip(), after.strip()
    if before and not after and before[-1] in _SEPARATOR_CHARS:
        return folded(before) or None
    if after and not before and after[0] in _SEPARATOR_CHARS:
        return folded(after) or None
    return None


def _h1_parts(doc: Document) -> tuple[str, str | None, str | None]:
    """The first non-empty ``<h1>``: its text, and its kicker and rest when a leading element of its own
    sets a kicker apart (``<h1><span>Kicker</span> Title</h1>``)."""
    for node in doc.tree.css("h1")[:5]:
        full = clean(node.text())
        if not full:
            continue
        parts = [child for child in node.iter(include_text=True) if clean(child.text())]
        if len(parts) >= 2 and parts[0].tag != "-text":
            kicker = clean(parts[0].text())
            rest = clean(" ".join(child.text() for child in parts[1:])).lstrip(_SEPARATOR_CHARS)
            if len(kicker) < 0.6 * len(full) and len(rest) >= 10:
                return full, kicker, rest
        return full, None, None
    return "", None, None


_VISIBLE_TITLE_SELECTOR = ("h1, h2, [itemprop=headline], [class*=headline], [class*=Headline], [class*=title], "
                           "[class*=Title]")


def _visible_titles(doc: Document) -> set[str]:
    body = doc.tree.body
    if body is None:
        return set()
    return {clean(node.text()) for node in body.css(_VISIBLE_TITLE_SELECTOR)[:300]}


def _related(a: str, b: str) -> bool:
    return _decoration(a, b) is not None or _decoration(b, a) is not None


def _primary(doc: Document, ld: str, og: str) -> str:
    """The JSON-LD headline, unless og:title is another title that the page shows and the JSON-LD one is not."""
    if ld and og and not _related(ld, og):
        shown = _visible_titles(doc)
        if og in shown and ld not in shown:
            return og
    return ld or og


# Sources that vote on a kicker: the article's metadata and what the page shows (twitter:title and
# <title> mostly copy og:title, so they only choose between spellings of the winning form).
_VOTERS = ("ld", "og", "h1")


def headline(doc: Document) -> str | None:
    """The article's title: JSON-LD ``headline``, else ``og:title``, else the ``<h1>``; site names removed.

    og:title instead of a different JSON-LD headline when only og:title is shown on the page. Whether
    a kicker or section ("Kicker: Title", "Title | Sport") belongs to it is voted by JSON-LD,
    og:title and the ``<h1>``: the plain title unless most of them carry the same kicker.
    """
    sites = _folded_site_names(doc)
    sections = {folded(s) for s in (doc.meta_first("article:section"), _text(article_ld(doc).get("articleSection")))
                if s and len(folded(s)) >= 2}
    title_node = doc.tree.css_first("title")
    raw = {"ld": _text(article_ld(doc).get("headline")) or _text(article_ld(doc).get("name")),
           "og": doc.meta_first("og:title"), "twitter": doc.meta_first("twitter:title"),
           "title": title_node.text() if title_node is not None else None}
    texts = {key: strip_site_name(clean(html.unescape(value)), sites, sections) if value else ""
             for key, value in raw.items()}
    h1, h1_kicker, h1_rest = _h1_parts(doc)
    h1 = strip_site_name(h1, sites) if h1 else ""
    texts["ld"] = _untruncated(texts["ld"], (h1, texts["og"], texts["twitter"], texts["title"]))
    if h1_kicker and h1_rest and h1 not in texts.values():
        h1 = f"{h1_kicker}: {h1_rest}"  # votes for its kicker; never output in this form
    named = [("ld", texts["ld"]), ("og", texts["og"]), ("h1", h1), ("twitter", texts["twitter"]),
             ("title", texts["title"])]
    named = [(source, text) for source, text in named if text]
    if not named:
        return None
    primary = _primary(doc, texts["ld"], texts["og"]) or named[0][1]
    options = [text for _, text in named] + ([h1_rest] if h1_rest else [])
    core = min((o for o in options if _decoration(primary, o) is not None), key=len)
    family = [(source, text, key) for source, text in named if (key := _decoration(text, core)) is not None]
    votes = Counter(key for source, _, key in family if source in _VOTERS)
    if not votes:
        return core
    top = max(votes.values())
    winners = [key for key, count in votes.items() if count == top]
    if len(winners) > 1 or winners[0] == "":
        return core  # no kicker carried by most sources
    spellings = Counter(text for source, text, key in family if key == winners[0] and not (
        source == "h1" and h1_kicker and text.startswith(f"{h1_kicker}: ")))
    if not spellings:
        return core
    return spellings.most_common(1)[0][0]  # Counter keeps first-seen order among equals: source priority


_ELLIPSIS_RE = re.compile(r"\s*(?:\.{3}|…)$")


def _untruncated(title: str, others: tuple[str, ...]) -> str:
    """A title cut short with an ellipsis ("Minister opens the new…") is the other source it begins:
    the whole title ("Minister opens the new bridge"), when one goes on by a word at least."""
    stem = _ELLIPSIS_RE.sub("", title) if title else ""
    if not stem or stem == title:
        return title
    for other in others:
        rest = other[len(stem):] if other.startswith(stem) else ""
        if len(rest.split()) >= 1 and not _ELLIPSIS_RE.fullmatch(rest):
            return other
    return title


def description(doc: Document) -> str | None:
    return or_none(doc.meta_first("og:description", "description", "twitter:description")
                   or _text(article_ld(doc).get("description")))


def canonical_url(doc: Document) -> str | None:
    link = doc.tree.css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link else None
    href = href or doc.meta_first("og:url")
    return urljoin(doc.url, href.strip()) if href else None


PUBLISHED_LD_KEYS = ("datePublished", "dateCreated", "uploadDate")
PUBLISHED_META_KEYS = (
    "article:published_time", "article:published:time", "og:article:published_time", "og:published_time",
    "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "date", "dc.date",
    "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "cxenseparse:publishtime", "article.published", "published_at", "published_time", "release_date",
    "citation_publication_date", "originalpublicationdate", "date.available", "dateline")
MODIFIED_LD_KEYS = ("dateModified",)
MODIFIED_META_KEYS = ("article:modified_time", "article:modified:time", "og:updated_time", "datemodified",
                      "last-modified", "lastmod", "dcterms.modified", "article.updated", "modified_time")
# <time> elements, the article's own first: machine-readable, then printed.
_TIME_SELECTORS = ("time[itemprop=datePublished], time[pubdate], time[class*=publish], time[class*=Publish]",
                   "article time[datetime], header time[datetime], main time[datetime]", "time[datetime]")
# "datePublished": "2020-10-26T18:10:00+01:00" in a script the JSON parser could not read (a broken JSON-LD
# block, a page's embedded state): the first such key of the page.
_SCRIPT_DATE_RE = re.compile(r'"(?:datePublished|dateCreated|publishedAt|published_at|publishDate)"\s*:\s*'
                             r'"(\d{4}-\d{2}-\d{2}[^"]{0,30})"')
Candidates = list[tuple[str, dates.Moment]]  # (the value as the page gives it, parsed)


def _machine_candidates(doc: Document, ld_keys: tuple[str, ...], meta_keys: tuple[str, ...],
                        itemprop: str) -> Candidates:
    found: Candidates = []

    def add(raw: Any) -> None:
        if isinstance(raw, str) and (moment := dates.parse_machine(raw)) is not None:
            found.append((raw.strip(), moment))

    for key in ld_keys:
        add(_text(article_ld(doc).get(key)))
    for key in meta_keys:
        for raw in doc.meta.get(key, ()):
            add(raw)
    for node in doc.tree.css(f"[itemprop={itemprop}]"):
        add(node.attributes.get("content") or node.attributes.get("datetime") or node.text())
    return found


def _time_candidates(doc: Document) -> Candidates:
    for selector in _TIME_SELECTORS:
        for node in doc.tree.css(selector):
            raw = node.attributes.get("datetime") or ""
            if (moment := dates.parse_machine(raw)) is not None:
                return [(raw.strip(), moment)]
    for node in doc.tree.css("abbr.published[title], abbr.dtstart[title]"):  # microformats (hAtom, Blogger)
        raw = node.attributes.get("title") or ""
        if (moment := dates.parse_machine(raw)) is not None:
            return [(raw.strip(), moment)]
    return []


def _script_candidates(doc: Document) -> Candidates:
    match = _SCRIPT_DATE_RE.search(doc.html)
    moment = dates.parse_machine(match.group(1)) if match else None
    return [(match.group(1), moment)] if match and moment is not None else []


def country_zone(doc: Document) -> tzinfo | None:
    """The zone of the page's country: its host's country code, else ``<html lang>`` / ``og:locale``
    (``vi`` is Vietnam, ``de-AT`` Austria); ``None`` for a language of many zones (``en``, ``es``)."""
    return dates.zone_of_host(urlsplit(doc.url).hostname) or dates.zone_of_language(
        doc.html_lang or doc.meta_first("og:locale", "language", "content-language"))


class PageDates:
    """What one page says about its dates, each read at most once while its dates are worked out:
    machine values, the dates printed by its headline (:mod:`datesearch`), its URL's day, its zone."""

    def __init__(self, doc: Document, *, headline: str | None = None, root: LexborNode | None = None) -> None:
        self.doc, self.headline, self.root = doc, headline, root

    @cached_property
    def published(self) -> Candidates:
        return _machine_candidates(self.doc, PUBLISHED_LD_KEYS, PUBLISHED_META_KEYS, "datePublished") + \
            _time_candidates(self.doc)

    @cached_property
    def modified(self) -> Candidates:
        return _machine_candidates(self.doc, MODIFIED_LD_KEYS, MODIFIED_META_KEYS, "dateModified")

    @cached_property
    def zone(self) -> tzinfo | None:
        """The zone the page's naive dates are in: the offset its other dates state, else its country's."""
        offsets = Counter(moment.value.utcoffset() for _, moment in (
            _machine_candidates(self.doc, PUBLISHED_LD_KEYS + MODIFIED_LD_KEYS, PUBLISHED_META_KEYS
                                + MODIFIED_META_KEYS, "datePublished") + _time_candidates(self.doc))
            if moment.has_offset)
        if offsets:
            return timezone(offsets.most_common(1)[0][0])  # type: ignore[arg-type]
        return country_zone(self.doc)

    @cached_property
    def url_day(self) -> date | None:
        return dates.url_date(self.doc.url, not_after=self.doc.fetched_at.date())

    @cached_property
    def printed(self) -> list[datesearch.Candidate]:
        """The page's printed dates that may be its article's, best first."""
        month_first = (self.doc.html_lang or "").lower().replace("_", "-") == "en-us"  # US English: 11/08/2023
        return datesearch.find(self.doc, self.headline, root=self.root, url_day=self.url_day,
                               not_after=self.doc.fetched_at, month_first=month_first)

    @cached_property
    def best_printed(self) -> datesearch.Candidate | None:
        return datesearch.best(self.printed)

    def date_published(self, *, printed: bool = True) -> tuple[str | None, str | None]:
        """Machine dates (JSON-LD, meta, ``<time datetime>``) first; else a ``datePublished`` key in a script
        JSON could not read; else (unless ``printed`` is False) the date printed by the headline; else the
        day the URL states."""
        candidates = self.published or _script_candidates(self.doc)
        if candidates or not printed:
            return self.resolve(candidates)
        if (found := self.best_printed) is not None:
            return self.resolve([(found.raw, found.moment)])
        if self.url_day is not None:
            return self.resolve([(self.doc.url, dates.Moment(self.url_day))])
        return None, None

    def second_opinion(self) -> tuple[str | None, str | None]:
        """htmldate's day (:mod:`htmldate_fallback`), read from the page without its headline, comments,
        related lists and navigation; for a page whose own dates (above) give none."""
        page = datesearch.without_foreign_parts(self.doc, self.headline)
        day = htmldate_fallback.publication_day(page, self.doc.url, not_after=self.doc.fetched_at)
        return self.resolve([(day.isoformat(), dates.Moment(day))]) if day is not None else (None, None)

    def listed(self, listed: str) -> tuple[str | None, str | None]:
        """The date a sitemap or feed listed the page with, in the page's zone when it gives only a day. Only for
        a page that gives no date of its own: a sitemap's ``lastmod`` may be a later edit."""
        moment = dates.parse_machine(listed)
        return self.resolve([(listed.strip(), moment)]) if moment is not None else (None, None)

    def date_modified(self) -> tuple[str | None, str | None]:
        return self.resolve(self.modified)

    def resolve(self, candidates: Candidates) -> tuple[str | None, str | None]:
        """The first candidate, made as precise as the page allows: a day gains the time another source
        gives for that day; a naive time gains the offset of another source with the same wall clock,
        else the page's zone; a UTC instant is shown in the page's own offset."""
        if not candidates:
            return None, None
        raw, moment = candidates[0]
        if not moment.has_time:
            for other_raw, other in candidates[1:]:
                if other.has_time and other.value.date() == moment.value:  # type: ignore[union-attr]
                    raw, moment = other_raw, other
                    break
        if moment.has_time and not moment.has_offset:
            twin = next((other for _, other in candidates if other.has_offset and other.same_wall_clock(moment)),
                        None)
            zone = twin.value.tzinfo if twin is not None else self.zone  # type: ignore[union-attr]
            if zone is not None:
                moment = moment.with_zone(zone)
        if moment.has_offset and not moment.value.utcoffset():  # type: ignore[union-attr]
            moment = self._in_local_time(moment, candidates)
        return moment.iso(None if moment.has_time else self.zone), raw

    def _in_local_time(self, moment: dates.Moment, candidates: Candidates) -> dates.Moment:
        """A UTC instant in the page's own offset: the one at which another of its dates (a naive machine
        value, a printed time by the headline) reads the same instant, else its country's zone unless the
        page prints the UTC day. The same instant; the day as the page prints it ("2023-11-09T01:49:09Z"
        beside "November 8, 2023 at 5:49 p.m." is 2023-11-08T17:49:09-08:00)."""
        instant = moment.value
        assert isinstance(instant, datetime)
        walls = [other.value for _, other in candidates if other.has_time and not other.has_offset]
        walls += [c.moment.value for c in self.printed[:3] if c.moment.has_time and not c.moment.has_offset]
        for wall in walls:
            if (offset := dates.offset_between(instant, wall)) is not None:  # type: ignore[arg-type]
                return dates.Moment(instant.astimezone(offset))
        for _, other in candidates:
            if other.has_offset and other.value.utcoffset() and other.same_instant(moment):
                return dates.Moment(instant.astimezone(other.value.tzinfo))  # type: ignore[union-attr]
        zone = country_zone(self.doc)
        if zone is None:
            return moment
        local = instant.astimezone(dates.fixed_offset(zone, instant))
        printed = self.best_printed
        days = {day for day in (self.url_day, printed.day if printed is not None else None) if day is not None}
        if local.date() not in days and instant.date() in days:
            return moment  # the page prints the UTC day: its dates are written in UTC
        return dates.Moment(local)


def date_published(doc: Document, *, headline: str | None = None,
                   root: LexborNode | None = None) -> tuple[str | None, str | None]:
    """(ISO 8601, the value as the page gives it). ``headline`` and ``root`` (the article's container)
    place the printed dates; without them the first ``<h1>`` does."""
    return PageDates(doc, headline=headline, root=root).date_published()


def date_modified(doc: Document) -> tuple[str | None, str | None]:
    return PageDates(doc).date_modified()


def site_names(doc: Document) -> list[str]:
    """The names a page calls its own site by: never an author's."""
    names = [doc.meta_first("og:site_name"), _text(article_ld(doc).get("publisher")), urlsplit(doc.url).hostname]
    return [n for n in names if n]


def credits(doc: Document) -> Credits:
    return find_credits(doc, site_names(doc))


def authors(doc: Document) -> list[Author]:
    """The people credited, then the agencies; the newsroom when it is all the page credits (see authors.py)."""
    return credits(doc).authors


def source_organization(doc: Document) -> Organization | None:
    """The news agencies the page credits for the article ("dpa", "Reuters"), as one organisation."""
    return credits(doc).source_organization


def publisher(doc: Document) -> Organization | None:
    """``og:site_name``, else the JSON-LD publisher, else the host. The JSON-LD publisher instead when
    ``og:site_name`` names a desk or section ("Security" on heise.de: nothing of the host in it, or the
    article's section) and the JSON-LD name is the site's ("heise online")."""
    site = doc.meta_first("og:site_name")
    ld_name = _text(article_ld(doc).get("publisher"))
    parts = urlsplit(doc.url)
    home = f"{parts.scheme}://{parts.netloc}/" if parts.netloc else None
    name = site or ld_name
    if site and ld_name and _names_section(doc, site) and _names_host(ld_name, parts.hostname) \
            and not _shared_word(site, ld_name):
        name = ld_name
    if not name:
        name = parts.hostname.removeprefix("www.") if parts.hostname else None
    return Organization(name=clean(name), url=home) if name else None


def _shared_word(a: str, b: str) -> bool:
    """Two names with a word in common ("Voice of America", "Voice of America (VOA News)")."""
    words = lambda text: {folded(w) for w in re.split(r"[\s().,:/-]+", text) if len(folded(w)) >= 3}
    return bool(words(a) & words(b))


def _host_labels(host: str | None) -> list[str]:
    """The distinctive labels of a host: ``www.heise.de`` -> ``["heise"]``."""
    labels = (host or "").lower().removeprefix("www.").split(".")[:-1]
    return [folded(label) for label in labels if len(label) >= 3 and label not in ("com", "co", "net", "org")]


def _names_host(name: str, host: str | None) -> bool:
    key = folded(name)
    return bool(key) and any(label in key or (len(key) >= 3 and key in label) for label in _host_labels(host))


def _names_section(doc: Document, site: str) -> bool:
    """``og:site_name`` is a section's name: the article's section, or nothing of the host in it."""
    key = folded(site)
    section = folded(article_section(doc) or "")
    return (bool(section) and key == section) or not _names_host(site, urlsplit(doc.url).hostname)


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


_KEYWORD_SPLIT_RE = re.compile(r"\s*[,;，、]\s*")


def keywords(doc: Document) -> list[str]:
    """The article's tags: ``article:tag``, else the keywords meta, else JSON-LD ``keywords``; every value
    split on commas and semicolons (one ``article:tag`` or list item often holds several), duplicates out."""
    values: list[str] = list(doc.meta.get("article:tag", []))
    if not values:
        raw = doc.meta_first("news_keywords", "keywords") or ""
        ld = article_ld(doc).get("keywords")
        values = [raw] if raw else (ld if isinstance(ld, list) else [str(ld or "")])
    seen: dict[str, None] = {}
    for value in values:
        for part in _KEYWORD_SPLIT_RE.split(str(value)):
            word = clean(part)
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
