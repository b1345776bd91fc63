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
comments. Organisations a JSON-LD author list names beside its people are credited too, and a desk of the
site typed Person there ("MDR SACHSEN-ANHALT" on mdr.de) is an Organization.

No person is a place or a paper: a byline ending in places ("Reuters, New York, United States", "Von Anna
Schmidt, Berlin", "Tuổi Trẻ, Hà Nội, Việt Nam") loses them (countries, large cities, city-name prefixes, one
word after a name), and "Báo X" or a national paper's name ("Theo Tuổi Trẻ") is the source, not an author.
Bylines found without byline markup: a labelled one in the header ("By Jane Doe and John Roe", "Author:
Jane Doe"); the signature printed under the last paragraph (bold or right-aligned, or "Theo Vân Anh"),
and "Nhóm PV", the paper's reporters (an Organization).
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
# A newspaper's name, not a person's: "Báo Đà Nẵng", "Tạp chí X", "Đài VOV"; and the national papers credited by
# name alone after "Theo" ("Theo Tuổi Trẻ"), which read like a person's two capitalised words.
_PRESS_WORD_RE = re.compile(r"^(?:báo|tạp chí|tap chi|đài|thông tấn|cổng thông tin|trang tin|tuần báo|nhật báo|"
                            r"thời báo|bản tin|kênh)\b", re.IGNORECASE)
VIETNAMESE_PRESS = frozenset(folded(name) for name in (
    "Tuổi Trẻ", "Thanh Niên", "Dân Trí", "Lao Động", "Nhân Dân", "Tiền Phong", "Người Lao Động", "Pháp Luật",
    "Pháp Luật TP.HCM", "Sài Gòn Giải Phóng", "Hà Nội Mới", "Quân Đội Nhân Dân", "Công An Nhân Dân", "An Ninh Thủ Đô",
    "Giáo Dục Thời Đại", "Thể Thao Văn Hóa", "Văn Hóa", "Đời Sống Pháp Luật", "Gia Đình Xã Hội", "Kinh Tế Đô Thị",
    "Đầu Tư", "Đại Đoàn Kết", "Công Thương", "Nông Nghiệp Việt Nam", "Khoa Học Phổ Thông", "Người Đưa Tin",
    "Sức Khỏe Đời Sống", "Thời Báo Kinh Tế Sài Gòn", "Zing", "Zing News", "Znews", "Kênh 14", "Kenh14", "Soha", "VnExpress",
    "VietNamNet", "Vietnamplus", "VOV", "VTV", "VTC", "VTC News", "CafeF", "CafeBiz", "Genk", "Infonet", "Baomoi",
))
_SOURCE_LEAD_RE = re.compile(r"^(?:quelle|source|sources|nguồn|theo|fuente|fonte|kaynak|mit material von)\s*[:：]?\s*",
                             re.IGNORECASE)
# Places a byline ends with ("Von Anna Schmidt, Berlin", "Reuters, New York, United States", "Tuổi Trẻ, Hà Nội,
# Việt Nam"): countries and large cities in the languages crawled, and the first words of many city names.
_PLACES = frozenset(folded(name) for name in (
    "United States", "USA", "US", "United Kingdom", "UK", "Great Britain", "England", "Scotland", "Ireland", "Germany",
    "France", "Italy", "Spain", "Portugal", "Netherlands", "Belgium", "Switzerland", "Austria", "Poland", "Russia",
    "Ukraine", "China", "Japan", "India", "Pakistan", "Indonesia", "Philippines", "Thailand", "Vietnam", "Viet Nam",
    "Malaysia", "Singapore", "Korea", "South Korea", "North Korea", "Taiwan", "Australia", "New Zealand", "Canada",
    "Mexico", "Brazil", "Argentina", "Chile", "Colombia", "Peru", "Venezuela", "Cuba", "Egypt", "Israel", "Iran",
    "Iraq", "Syria", "Lebanon", "Turkey", "Türkiye", "Saudi Arabia", "Qatar", "United Arab Emirates", "Nigeria",
    "Kenya", "South Africa", "Ethiopia", "Greece", "Sweden", "Norway", "Denmark", "Finland", "Iceland", "Hungary",
    "Czech Republic", "Czechia", "Romania", "Bulgaria", "Serbia", "Croatia", "Luxembourg", "Liechtenstein",
    "Deutschland", "Österreich", "Schweiz", "Frankreich", "Italien", "Spanien", "Russland", "Großbritannien",
    "Niederlande", "Belgien", "Polen", "Türkei", "Allemagne", "Suisse", "Autriche", "Espagne", "Italie", "Royaume-Uni",
    "États-Unis", "Estados Unidos", "España", "Alemania", "Francia", "Việt Nam", "Mỹ", "Hoa Kỳ", "Trung Quốc",
    "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Pháp", "Đức", "Nga", "Anh", "Ấn Độ", "Thái Lan", "Lào", "Campuchia",
    "London", "Paris", "Berlin", "Brussels", "Brüssel", "Bruxelles", "Vienna", "Wien", "Zurich", "Zürich", "Geneva",
    "Genf", "Rome", "Rom", "Madrid", "Barcelona", "Lisbon", "Amsterdam", "Moscow", "Moskau", "Kyiv", "Kiev", "Kiew",
    "Warsaw", "Warschau", "Prague", "Prag", "Budapest", "Athens", "Istanbul", "Ankara", "Jerusalem", "Tel Aviv",
    "Gaza", "Beirut", "Cairo", "Kairo", "Dubai", "Abu Dhabi", "Tehran", "Teheran", "Baghdad", "Damascus", "Nairobi",
    "Lagos", "Johannesburg", "Cape Town", "New Delhi", "Delhi", "Mumbai", "Beijing", "Peking", "Shanghai",
    "Hong Kong", "Taipei", "Tokyo", "Tokio", "Seoul", "Bangkok", "Manila", "Jakarta", "Kuala Lumpur", "Sydney",
    "Washington", "New York", "Los Angeles", "Chicago", "San Francisco", "Toronto", "Ottawa", "Mexico City",
    "São Paulo", "Sao Paulo", "Rio de Janeiro", "Buenos Aires", "Hamburg", "München", "Munich", "Frankfurt", "Köln",
    "Hà Nội", "Hanoi", "TP.HCM", "TP HCM", "TPHCM", "TP Hồ Chí Minh", "Hồ Chí Minh", "Ho Chi Minh City", "Sài Gòn",
    "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang", "Đà Lạt", "Vũng Tàu", "Quảng Ninh", "Nghệ An",
))
PLACE_KEYS = _PLACES  # (folded) for the quotes' speakers
_PLACE_PREFIXES = frozenset({"new", "san", "santa", "los", "las", "saint", "sankt", "st", "port", "fort", "bad",
                             "kuala", "buenos", "rio", "cape", "tỉnh", "thành phố", "tp", "quận", "huyện"})
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
    r"rundfunk|fernsehen|deutsche welle|broadcasting|broadcaster|"
    r"web|portal|admin|administrator|contributor|guest|gastautor|image|images|photo|getty|istock|shutterstock|"
    r"agenturen|agencies|agences|agencias|"
    r"comments?|kommentare?|commentaires?|share|follow|subscribe|print|email|login)\b",  # buttons in a byline row
    re.IGNORECASE)
# A broadcaster's name: credited as a person by some CMSs ("Deutsche Welle", "Bayerischer Rundfunk", "Đài VOV"),
# an Organization author.
_BROADCASTER_RE = re.compile(
    r"\b(?:radio|tv|television|télévision|televisión|rundfunk|fernsehen|deutsche welle|broadcasting|broadcaster|"
    r"channel)\b|^(?:đài|kênh)\s", re.IGNORECASE)
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
    parts = [(part, True) for part in _SPLIT_RE.split(_without_dateline(_PARENTHESES_RE.sub(" ", text)))]
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


def _without_dateline(text: str) -> str:
    """A byline without the places it ends with: "Reuters, New York, United States" -> "Reuters"."""
    segments = text.split(",")
    while len(segments) > 1 and _is_place(segments[-1]):
        segments.pop()
    return ",".join(segments)


def _is_place(segment: str) -> bool:
    """A country or city ("Việt Nam", "New York"), or one word that is no agency ("Berlin", "Sweidah")."""
    name = clean(segment).strip(" .:-–—")
    words = name.split()
    if not words or folded(name) in _PLACES:
        return bool(words)
    if folded(words[0]) in _PLACE_PREFIXES or folded(" ".join(words[:2])) in _PLACE_PREFIXES:
        return len(words) <= 4 and all(w[:1].isupper() or w.islower() and len(w) <= 3 for w in words[1:])
    return len(words) == 1 and name.isalpha() and not _has_cjk(name) and agency_name(name) is None


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
    """The distinctive words of the site's names of two words or more ("Ilanga News" -> {"ilanga"}) and of
    its host ("www.mdr.de" -> {"mdr"}): an account named with one of them ("Ilanga D", "MDR SACHSEN-ANHALT")
    is the newsroom's, not a person's."""
    words = _host_words(site_names)
    for site in site_names:
        parts = site.split() if site else []
        if len(parts) >= 2:
            words.update(folded(w) for w in parts if len(w) >= 4 and not _NEWSROOM_WORDS.fullmatch(w))
    return words


def _host_words(site_names: Iterable[str]) -> set[str]:
    """The distinctive labels of the site's host name ("www.mdr.de" -> {"mdr"})."""
    words: set[str] = set()
    for site in site_names:
        if site and " " not in site and "." in site and "/" not in site:
            labels = site.lower().removeprefix("www.").split(".")[:-1]
            words.update(folded(label) for label in labels if len(label) >= 3 and label not in _HOST_WORDS)
    return words


_HOST_WORDS = frozenset({"com", "net", "org", "www", "edu", "gov", "news", "online", "amp", "mobile"})


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
    if key in _PLACES or key in VIETNAMESE_PRESS or _PRESS_WORD_RE.match(name) or _STAFF_LINE_RE.match(name):
        return False  # a place ("Hà Nội"), a paper ("Tuổi Trẻ", "Báo Đà Nẵng"), the reporters ("Nhóm PV")
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
    for item in _flat(items(value)):
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


def _flat(values: list[Any]) -> list[Any]:
    """A list with its nested lists spliced in (``[{Person}, [{Person "MDR SACHSEN-ANHALT"}]]``)."""
    return [leaf for value in values for leaf in (_flat(value) if isinstance(value, list) else [value])]


_ORGANIZATION: AuthorType = "Organization"


@dataclass(slots=True)
class Credits:
    """Who a page credits for an article: people, news agencies and the newsroom itself."""

    people: list[Author] = field(default_factory=list)
    agencies: list[Author] = field(default_factory=list)
    newsroom: list[Author] = field(default_factory=list)
    # Organisations the JSON-LD lists among its authors beside people ([Person, Organization "t-online"]).
    beside: list[Author] = field(default_factory=list)

    def add(self, raw: str, url: str | None, sites: list[str], *, organisation: bool = False,
            desk: bool = False) -> None:
        """One raw credit. ``desk``: a credit named with the host's word ("MDR SACHSEN-ANHALT" on mdr.de)
        is the site's desk, an organisation (said of JSON-LD author lists that also name people)."""
        names, agencies = split_credits(raw, sites)
        raw_text = clean(html.unescape(raw))
        for agency in agencies:
            if all(agency.casefold() != a.name.casefold() for a in self.agencies):
                self.agencies.append(Author(name=agency, nameRaw=raw_text, url=None, type=_ORGANIZATION))
        if organisation or not names:
            name = _LEAD_RE.sub("", raw_text)
            own = _names_site(name, sites) or desk and _names_desk(name, sites) or bool(_BROADCASTER_RE.search(name))
            if not agencies and (organisation or own) and _organisation_name(name):
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
        """``people`` and the agencies credited (and the organisations listed beside the people); the
        newsroom only when neither is named."""
        if people:
            return people + self.agencies + [o for o in self.beside if o not in self.agencies]
        return list(self.agencies) if self.agencies else list(self.newsroom)

    @property
    def source_organization(self) -> Organization | None:
        return Organization(name=", ".join(a.name for a in self.agencies), url=None) if self.agencies else None


def _names_desk(text: str, sites: list[str]) -> bool:
    """A desk of the site, named with its host's word first: "MDR SACHSEN-ANHALT" on mdr.de."""
    words = text.split()
    return 2 <= len(words) <= 4 and folded(words[0]) in _host_words(sites) and _organisation_name(text)


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
    with_people = sum(not organisation for _, _, organisation in ld_values) >= 2
    for raw, url, organisation in ld_values:
        credits.add(raw, url, site_names, organisation=organisation, desk=with_people)
    if credits.people:  # a deliberate list of people and organisations, not the site's default credit
        credits.beside = list(credits.newsroom)
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
    for author in _labelled_header_byline(doc, site_names):
        credits.people.append(author)
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


_BYLINE_LINE_SELECTOR = "p, div, span, address, small, li, strong, b, em"
# The labels of a printed byline: "By", "Von", "Par" ... before the names, or a byline word and a colon
# ("Author: Jane Doe", "Text: Anna Roe"; not "Text Size", a button's label).
_HEADER_LABEL_RE = re.compile(
    r"^(?:(?:written\s+|reported\s+|story\s+)?by|von|par|por|door|av|af|di|bài và ảnh)\s+(?=\w)|"
    r"^(?:author|authors|autor|autorin|auteur|autore|text|texto|testo|tekst|tác giả|bài)\s*[:：]",
    re.IGNORECASE)


def _labelled_header_byline(doc: Document, site_names: list[str]) -> list[Author]:
    """A byline the header prints with its label and no byline markup ("By Jane Doe and John Roe",
    "Von Anna Schmidt, Berlin", "Author: Jane Doe"): the first short element of the headline's
    ancestors that starts with a byline word and is nothing but names after it."""
    for scope in _header_scopes(doc):
        for node in scope.css(_BYLINE_LINE_SELECTOR)[:80]:
            text = clean(node.text(separator=" "))
            if not text or len(text) > 100 or not _HEADER_LABEL_RE.match(text) or _in_quote(node):
                continue
            people = byline_line(text, site_names)
            if people:
                return people
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
    """The people of a line that is nothing but a byline ("Lê Phương", "By Jane Doe and John Roe",
    "Theo Vân Anh"): short, no sentence, and its names make up most of it. ``[]`` for any other line."""
    line = clean(text)
    if not line or len(line) > 60 or line.endswith((".", "!", "?", ":")) or len(line.split()) > 8:
        return []
    names = split_names(line, site_names)
    if not names or sum(len(name) for name in names) < 0.6 * len(_SOURCE_LEAD_RE.sub("", _LEAD_RE.sub("", line))):
        return []
    return [Author(name=name, nameRaw=line) for name in names]


# "PV", "Nhóm PV", "Nhóm phóng viên", "Phóng viên": the paper's reporters, credited without a name.
_STAFF_LINE_RE = re.compile(r"^(?:nhóm\s+)?(?:pv|phóng viên|pv\s*-\s*ctv|ctv)$", re.IGNORECASE)


def staff_line(text: str) -> Author | None:
    """A closing line that credits the paper's reporters without a name ("Nhóm PV"): an organisation."""
    line = clean(text).strip(" .()")
    return Author(name=line, nameRaw=clean(text), url=None, type=_ORGANIZATION) if _STAFF_LINE_RE.match(line) else None


_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_BLOCK_TAGS = frozenset({"p", "div", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
                         "article", "figure", "figcaption", "table", "tr", "ul", "ol", "header", "footer", "aside"})
_CLOSING_LINES = 3  # lines after the body's last paragraph searched for the closing byline


def closing_byline(root: Node, last_text: str, site_names: Iterable[str] = ()) -> list[Author]:
    """The byline printed under the article's last paragraph ("<div align=right><b>Hà Anh</b></div>",
    "Theo <strong>Vũ Vũ</strong>", "Nhóm PV"), which the body leaves out as a short fragment: the first of
    the next few lines of ``root`` that is nothing but names, else a reporters' credit."""
    lines = printed_lines(root)
    tail = clean(last_text)[-40:]
    end = next((i for i in range(len(lines) - 1, -1, -1) if tail and tail in lines[i][0]), None)
    if end is None:
        return []
    for line, signed in lines[end + 1: end + 1 + _CLOSING_LINES]:
        if len(line) > 80:
            return []  # prose: the article goes on (a box, a teaser), no byline closes it here
        labelled = bool(_LEAD_RE.match(line) or _SOURCE_LEAD_RE.match(line))
        people = byline_line(line, site_names) if signed or labelled else []
        if people and all(_full_name(a.name) and not _KANA_RE.search(a.name) for a in people):
            return people  # full names only: a closing "Feedback" or "会員登録する" is a button
        if (staff := staff_line(line)) is not None:
            return [staff]
    return []


def printed_lines(root: Node) -> list[tuple[str, bool]]:
    """``root``'s text as printed lines (a new line at every block element and ``<br>``), each with whether
    it is set as a signature: all of it bold, or its block aligned right."""
    lines: list[tuple[str, bool]] = []
    current: list[tuple[str, bool]] = []
    block: Node | None = None

    def close() -> None:
        text = clean(" ".join(part for part, _ in current))
        if text:
            bold = all(strong for part, strong in current if part.strip())
            lines.append((text, bold or (block is not None and _right_aligned(block))))
        current.clear()

    for node in root.traverse(include_text=True):
        if node.tag == "-text":
            owner = node.parent
            while owner is not None and owner.tag not in _BLOCK_TAGS and owner.mem_id != root.mem_id:
                owner = owner.parent
            if current and (owner is None) != (block is None) or owner is not None and block is not None \
                    and owner.mem_id != block.mem_id:
                close()
            block = owner
            current.append((node.text_content or "", _bold(node, owner)))
        elif node.tag == "br" and current:
            close()
    if current:
        close()
    return lines


def _bold(text: Node, block: Node | None) -> bool:
    node = text.parent
    while node is not None and (block is None or node.mem_id != block.mem_id):
        if node.tag in ("b", "strong"):
            return True
        node = node.parent
    return False


def _right_aligned(block: Node) -> bool:
    attrs = block.attributes
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return (attrs.get("align") or "").lower() == "right" or "text-align:right" in style or "float:right" in style
