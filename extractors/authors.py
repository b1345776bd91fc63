"""Authors: who the page credits for the article, one name each: people first, then organisations.

Sources in order, the first that names a person wins: the JSON-LD article's ``author``, the author
``<meta>`` tags, then the byline in the page (``itemprop=author``, ``rel=author``, author links and
byline elements; never inside a quotation, a figure or a reader comment, nor an "Editor:" credit), then
an unlabelled name beside the header's date, then a description that is nothing but names. JSON-LD
authors the page prints only as its editor are dropped; co-authors JSON-LD leaves out are added from
the article header's author markup. Every raw value is cleaned the same way: "By"/"Von"/"Text:" and job titles
dropped, lists split ("A, B and C", "A und B, dpa"), e-mail addresses and photo credits left out.

Organisations are authors of type ``Organization`` (schema.org's ``author`` is a Person or an
Organization): a news agency credited beside or instead of people ("dpa", "Reuters/kra", "(dpa/afp)",
"Theo TTXVN"; it is also the record's ``sourceOrganization``), and the newsroom itself ("BBC News",
"ORF.at") when the page credits it as author and names no person anywhere: sites put their own name
in the author field by default, so it never hides a byline further down. A page whose metadata credits
only an agency is not searched for a byline in its markup: the names found there belong to teasers and
comments.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborNode as Node

from .document import Document
from .jsonld import items, type_names
from .record import Author, AuthorType, Organization
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
    "ttxvn", "vna", "tpn", "anadolu ajansı", "anadolu agency", "press trust of india", "united press international",
    "xinhua news agency", "kyodo news", "yonhap news agency", "europa press", "lusa", "belga", "pap", "ctk", "mti",
    "stt", "dts", "afp-ots", "apa-ots", "thông tấn xã việt nam", "associated press (ap)", "agencia efe",
})
_AGENCY_KEYS = frozenset(folded(name) for name in AGENCIES)
_SOURCE_LEAD_RE = re.compile(r"^(?:quelle|source|sources|nguồn|theo|fuente|fonte|kaynak|mit material von)\s*[:：]?\s*",
                             re.IGNORECASE)
# Name particles written in lower case; every other word of a Latin-script name is capitalised.
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "des", "la", "le", "dos",
                        "das", "do", "e", "y", "bin", "binti", "al", "el", "ibn", "ten", "ter", "zu", "af", "av"})
# Job titles written after a name in Korean, Japanese and Chinese bylines ("신현주 기자").
_CJK_ROLE_RE = re.compile(r"\s*(?:기자|특파원|논설위원|선임기자|記者|特派員|编辑|记者|編集委員)$")
_CJK_SENTENCE_MARKS = frozenset("。、：※「」『』！？")
# A printed date: the byline is often printed beside it without a label.
_DATE_SELECTOR = ("time, [class*=date], [class*=Date], [class*=time], [class*=Time], [class*=tarih], [class*=datum], "
                  "[class*=fecha]")
# "Editor: X" and its translations: the editor of the article is no author.
_EDITOR_RE = re.compile(
    r"^(?:(?:editor|editors|redaktur|penyunting|biên tập(?: viên)?)\s*[:：]|(?:edited|editing) by\b|"
    r"bearbeitet von\b|redigert av\b|redigerad av\b|rédigé par\b|editado por\b)", re.IGNORECASE)
_PRINTED_NAME_SELECTOR = ("[class*=author], [class*=Author], [class*=byline], [class*=Byline], [rel=author], "
                          "a[href*='/author/'], a[href*='/authors/'], a[href*='/autor/'], a[href*='/editor/']")
# Containers whose names are a speaker's or a photographer's: never the byline.
_QUOTE_TAGS = frozenset({"blockquote", "q", "cite", "figure", "figcaption"})
# "quote", "pullquote", "comment", "comments", "commentAuthor"; not "commentary" (an opinion piece's wrapper).
_QUOTE_CLASS_RE = re.compile(r"quote|comment(?!ar)", re.IGNORECASE)
_NEWSROOM_WORDS = re.compile(
    r"\b(staff|redaktion|redaction|rédaction|redacción|redazione|editorial|editors?|team|newsroom|desk|"
    r"nachrichten|news|online|digital|agency|agentur|media|press|presse|times|post|zeitung|journal|"
    r"magazine?|tribune|herald|gazette|daily|weekly|radio|tv|television|channel|group|ltd|gmbh|inc|"
    r"web|portal|admin|administrator|contributor|guest|gastautor|image|images|photo|getty|istock|shutterstock|"
    r"agenturen|agencies|agences|agencias|"
    r"comments?|kommentare?|commentaires?|share|follow|subscribe|print|email|login)\b",  # buttons in a byline row
    re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(correspondent|reporter|editor|chief|professor|prof|senior|writer|columnist|analyst|director|"
    r"redakteur(in)?|korrespondent(in)?|chefredakteur(in)?|journalist(in)?|phóng viên|nhà báo|"
    r"fakulteto|universit\w*)\b", re.IGNORECASE)


def split_credits(raw: str, site_names: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The people and the news agencies a byline string credits:
    ``"Von A und B, dpa"`` -> ``(["A", "B"], ["dpa"])``, ``"Reuters/kra Frankfurt"`` -> ``([], ["Reuters"])``."""
    text = clean(html.unescape(raw))
    if not text or "@" in text and " " not in text.strip():
        return [], []
    text = _SOURCE_LEAD_RE.sub("", _LEAD_RE.sub("", text))
    sites = {folded(s) for s in site_names if s}
    brands = _brand_words(site_names)
    names: list[str] = []
    agencies: list[str] = []
    bracketed = " / ".join(_PARENTHESES_RE.findall(text))  # "(dpa/afp)", "Elena Oberholzer (obe)"
    parts = [(part, True) for part in _SPLIT_RE.split(_PARENTHESES_RE.sub(" ", text))]
    parts += [(part, False) for part in _SPLIT_RE.split(bracketed)]
    for part, may_be_person in parts:
        name = _CJK_ROLE_RE.sub("", _SOURCE_LEAD_RE.sub("", _LEAD_RE.sub("", clean(part)))).strip(" .:-–—·()[]")
        if (agency := agency_name(name)) is not None:
            if all(agency.casefold() != a.casefold() for a in agencies):
                agencies.append(agency)
        elif may_be_person and _is_person(name, sites, brands) and name not in names:
            if names and " " not in name and " " in names[-1] and not _has_cjk(name):
                continue  # "Von Anna Sleegers, Frankfurt": a one-word place after a full name is a dateline
            names.append(name)
    return names, agencies


def split_names(raw: str, site_names: Iterable[str] = ()) -> list[str]:
    """The people a byline string names: ``"By A, B and C, dpa"`` -> ``["A", "B", "C"]``."""
    return split_credits(raw, site_names)[0]


def agency_name(part: str) -> str | None:
    """The news agency one credit names ("dpa", "Reuters/kra", "Theo TTXVN"), else None."""
    text = _SOURCE_LEAD_RE.sub("", clean(part)).strip(" .,:;()[]")
    if folded(text) in _AGENCY_KEYS:
        return text
    head = text.split("/")[0].strip()  # an agency and an editor's initials
    return head if head != text and folded(head) in _AGENCY_KEYS else None


def _brand_words(site_names: Iterable[str]) -> set[str]:
    """The distinctive words of the site's names of two words or more ("Ilanga News" -> {"ilanga"}):
    an account named with one of them ("Ilanga D") is the newsroom's, not a person's."""
    words: set[str] = set()
    for site in site_names:
        parts = site.split() if site else []
        if len(parts) >= 2:
            words.update(folded(w) for w in parts if len(w) >= 4 and not _NEWSROOM_WORDS.fullmatch(w))
    return words


def _is_person(name: str, sites: set[str], brands: set[str] = frozenset()) -> bool:
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
    if brands and any(folded(word) in brands for word in words):
        return False
    if _NEWSROOM_WORDS.search(name) or _ROLE_WORDS.search(name) or re.search(r"\.[a-z]{2,3}$", name):
        return False
    if not _has_cjk(name):
        if len(words) > 5 or (len(words) == 1 and (len(name) <= 4 or name.isupper())):
            return False  # an initials label ("ssi", "LTO") or a one-word brand, not a name
        if not all(word[:1].isupper() or word.casefold() in _PARTICLES or not word[:1].isalpha() for word in words):
            return False  # a lower-case word that is no name particle: a phrase ("Themen bearbeiten"), not a name
    elif _CJK_SENTENCE_MARKS.intersection(name):
        return False  # a sentence, not a name
    return True


def _has_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)


def _ld_names(value: Any) -> list[tuple[str, str | None, bool]]:
    """(raw name, url, is an organisation) of each credit in a JSON-LD ``author`` value."""
    found: list[tuple[str, str | None, bool]] = []
    for item in items(value):
        if isinstance(item, str):
            found.append((item, None, False))
        elif isinstance(item, dict):
            organisation = bool({"Organization", "NewsMediaOrganization", "Corporation"} & set(type_names(item)))
            name = item.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if not isinstance(name, str) and isinstance(item.get("givenName"), str):
                name = f"{item.get('givenName')} {item.get('familyName') or ''}"
            url = item.get("url") or item.get("@id")
            if isinstance(name, str) and clean(name):
                found.append((name, url if isinstance(url, str) and url.startswith("http") else None, organisation))
    return found


_ORGANIZATION: AuthorType = "Organization"


@dataclass(slots=True)
class Credits:
    """Who a page credits for an article: people, news agencies and the newsroom itself."""

    people: list[Author] = field(default_factory=list)
    agencies: list[Author] = field(default_factory=list)
    newsroom: list[Author] = field(default_factory=list)

    def add(self, raw: str, url: str | None, sites: list[str], *, organisation: bool = False) -> None:
        names, agencies = split_credits(raw, sites)
        raw_text = clean(html.unescape(raw))
        for agency in agencies:
            if all(agency.casefold() != a.name.casefold() for a in self.agencies):
                self.agencies.append(Author(name=agency, nameRaw=raw_text, url=None, type=_ORGANIZATION))
        if organisation or not names:
            name = _LEAD_RE.sub("", raw_text)
            if not agencies and (organisation or _names_site(name, sites)) and _organisation_name(name):
                self._add_newsroom(Author(name=name, nameRaw=raw_text, url=url, type=_ORGANIZATION))
            return
        for name in names:
            if all(a.name.casefold() != name.casefold() for a in self.people):
                self.people.append(Author(name=name, nameRaw=raw_text, url=url))

    def _add_newsroom(self, credit: Author) -> None:
        if all(credit.name.casefold() != a.name.casefold() for a in self.newsroom):
            self.newsroom.append(credit)

    @property
    def authors(self) -> list[Author]:
        return self.credited(self.people)

    def credited(self, people: list[Author]) -> list[Author]:
        """``people`` and the agencies credited; the newsroom only when neither is named."""
        return people + self.agencies if people or self.agencies else list(self.newsroom)

    @property
    def source_organization(self) -> Organization | None:
        return Organization(name=", ".join(a.name for a in self.agencies), url=None) if self.agencies else None


def _names_site(text: str, sites: list[str]) -> bool:
    """The credit is the site's own name ("FOCUS online" on focus.de, "Euronews")."""
    key = folded(text)
    return bool(key) and any(key == folded(site) for site in sites)


def _organisation_name(text: str) -> bool:
    """A credit that can be printed as an organisation's name: no address, no sentence."""
    return 0 < len(text) <= 80 and "@" not in text and "://" not in text and not text.endswith((".", "!", "?"))


def find_credits(doc: Document, site_names: list[str]) -> Credits:
    """The article's authors from the first source that names a person, and the agencies credited.

    Sources in order: the JSON-LD ``author``, the author ``<meta>`` tags, the byline markup, a name
    beside the header's date, a description of names only. Metadata that credits an agency ends the
    search: the page is agency copy, and bylines further down the markup belong to teasers and
    comments. (An organisation that is the site itself does not: sites put their name there by default.)
    """
    credits = Credits()
    ld_values = _ld_names(doc.ld_article.get("author"))
    for raw, url, organisation in ld_values:
        credits.add(raw, url, site_names, organisation=organisation)
    if credits.people and not credits.agencies:
        printed = _printed_names(doc)
        credits.people[:] = [a for a in credits.people if not _printed_as_editor(printed, a.name)]
        _add_header_coauthors(doc, credits, site_names)
    if credits.people or credits.agencies:
        return credits
    for key in AUTHOR_META_KEYS:
        for value in doc.meta.get(key, ()):
            if not value.startswith("http"):
                credits.add(value, None, site_names)
    if credits.people or credits.agencies:
        return credits
    for selector in BYLINE_SELECTORS:
        nodes = [node for node in doc.tree.css(selector)[:12] if not _in_quote(node) and not _editor_label(node)][:6]
        for node in nodes:
            value = node.attributes.get("content") or node.text(separator=" ")
            if value and len(clean(value)) <= 100:
                credits.add(value, None, site_names)
        if credits.people:
            return credits
    for name in _date_neighbour_names(doc, site_names) or _description_names(doc, site_names):
        credits.people.append(Author(name=name, nameRaw=name, url=None))
    return credits


def _description_names(doc: Document, site_names: list[str]) -> list[str]:
    """A description that is nothing but full names: the CMS cut it from the article's first paragraph,
    which is the byline ("<p><strong>MTHOBISI SITHOLE</strong></p>")."""
    description = doc.meta_first("description", "og:description")
    people = byline_line(description, site_names) if description else []
    return [a.name for a in people] if people and all(_full_name(a.name) for a in people) else []


def _header_scopes(doc: Document) -> list[Node]:
    """The headline's first three ancestors, smallest first: the article's header, where its byline is
    printed (never the page around it, whose teasers carry their own author markup)."""
    node = doc.tree.css_first("h1")
    scopes: list[Node] = []
    while node is not None and len(scopes) < 3:
        node = node.parent
        if node is None or node.tag in {"body", "html", "main"}:
            break
        scopes.append(node)
    return scopes


def _header_markup_names(doc: Document, site_names: list[str]) -> list[str]:
    """The people the author markup (``itemprop=author``, ``rel=author``) of the article header names."""
    for scope in _header_scopes(doc):
        for selector in BYLINE_SELECTORS[:3]:
            names: list[str] = []
            for node in scope.css(selector)[:6]:
                for name in split_names(node.attributes.get("content") or node.text(separator=" "), site_names):
                    if all(name.casefold() != n.casefold() for n in names):
                        names.append(name)
            if names:
                return names
    return []


def _date_neighbour_names(doc: Document, site_names: list[str]) -> list[str]:
    """The names of an unlabelled byline printed beside the header's date ("Jane Roe | 05.04.2025"):
    a sibling of the date element, in a short row, that is nothing but full names (two words at least,
    so a section label beside the date is no author)."""
    for scope in _header_scopes(doc):
        dates = scope.css(_DATE_SELECTOR)[:3]
        for date in dates:
            row = date.parent
            if row is None or len(clean(row.text(separator=" "))) > 120:
                continue  # the date sits in the article's text, not in a byline row
            for sibling in row.iter():
                if sibling is date or sibling.css_first(_DATE_SELECTOR) is not None:
                    continue
                people = byline_line(sibling.text(separator=" "), site_names)
                if people and all(_full_name(a.name) for a in people):
                    return [a.name for a in people]
        if dates:
            return []
    return []


def _full_name(name: str) -> bool:
    """Given and family name ("Sehernur Karsu"), or a short CJK name without spaces ("신현주")."""
    if _has_cjk(name):
        return " " not in name and len(name) <= 8
    return 2 <= len(name.split()) <= 4


def _add_header_coauthors(doc: Document, credits: Credits, site_names: list[str]) -> None:
    """Co-authors the JSON-LD leaves out: the header's author markup names every JSON-LD author and more
    (JSON-LD often lists the first author only)."""
    header = _header_markup_names(doc, site_names)
    known = {folded(author.name) for author in credits.people}
    if len(header) > len(known) and known <= {folded(name) for name in header}:
        by_key = {folded(author.name): author for author in credits.people}
        credits.people[:] = [by_key.get(folded(name)) or Author(name=name, nameRaw=name, url=None) for name in header]


def _editor_label(node: Node) -> bool:
    """The node is credited as the editor ("Editor : <a class="author">Heryadi</a>"), not as an author."""
    for scope in (node, node.parent):
        if scope is not None and _EDITOR_RE.match(clean(scope.text(separator=" ")[:120])):
            return True
    return False


def _printed_names(doc: Document) -> list[tuple[str, Node]]:
    """The author and byline elements the page prints, with their text folded: queried once per page,
    not once per JSON-LD author."""
    return [(folded(node.text(separator=" ")), node) for node in doc.tree.css(_PRINTED_NAME_SELECTOR)[:20]]


def _printed_as_editor(printed: list[tuple[str, Node]], name: str) -> bool:
    """The page prints this JSON-LD author only as the article's editor: the CMS filled the field from
    the editor's account."""
    key = folded(name)
    nodes = [node for text, node in printed if text == key]
    return bool(nodes) and all(_editor_label(node) for node in nodes)


def _in_quote(node: Node | None) -> bool:
    """A name inside a quotation, a figure or a reader comment (``<cite class="quoteAuthor">``,
    ``<span class="commentAuthor">``) is the speaker's, the photographer's or the commenter's."""
    for _ in range(8):
        if node is None or node.tag in {"body", "article", "main"}:
            return False
        if node.tag in _QUOTE_TAGS or _QUOTE_CLASS_RE.search(node.attributes.get("class") or ""):
            return True
        node = node.parent
    return False


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
