"""What a publisher is: a site's domains, languages, sources, profile and alarm floors, in one object.

Modelled on fundus's ``Publisher`` (``src/fundus/publishers/``): one module per publisher under
``extractors/publishers/<country>/``, each holding a module-level :class:`Publisher`. Nothing imports
those modules by name: :mod:`extractors.registry` finds them, so a new file is a new publisher.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from ..record import ARTICLE_FIELDS

if TYPE_CHECKING:
    from ..page import ArticlePage

SourceKind = Literal["sitemap", "news_sitemap", "feed", "robots"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("sitemap", "news_sitemap", "feed", "robots")
VIETNAM = "Asia/Ho_Chi_Minh"

# The floors most news sites meet: every record titled and with a body, most dated.
STANDARD_FLOORS: Mapping[str, float] = MappingProxyType({"headline": 0.9, "datePublished": 0.8, "articleBody": 0.9})
# An aggregator must also name the paper it republishes.
AGGREGATOR_FLOORS: Mapping[str, float] = MappingProxyType({**STANDARD_FLOORS, "sourceOrganization": 0.7})

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_DOMAIN_RE = re.compile(r"^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


class PublisherError(ValueError):
    """A publisher definition that cannot be right (bad name, domain, source or floor)."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a publisher lists its articles, and how the dates in it read.

    ``timezone`` is the zone of a date written without an offset (VnExpress's RSS writes
    ``GMT+7``, which parses as no offset; vietnam.vn's ``lastmod`` is UTC with ``Z``).
    ``follow`` (sitemap indexes only) keeps the children whose URL matches it, e.g. the daily post
    sitemaps and not the tag or author sitemaps.
    """

    url: str
    kind: SourceKind
    timezone: str = VIETNAM
    follow: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise PublisherError(f"source {self.url}: kind {self.kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        if not self.url.startswith("https://") and not self.url.startswith("http://"):
            raise PublisherError(f"source {self.url!r}: expected an absolute http(s) URL")
        if self.follow is not None:
            re.compile(self.follow)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "kind": self.kind, "timezone": self.timezone, "follow": self.follow}


@dataclass(frozen=True, slots=True)
class Publisher:
    """One news site.

    ``profile`` is the page class that extracts its articles, ``None`` for the generic extractor (then
    ``generic_checked`` says on which page, and how, generic was found enough). ``alarm_floors`` is the
    least share of a crawl's records with each field filled (checked per publisher by the ``news``
    spider). ``aggregator`` marks a site that republishes other papers' articles (it must then fill
    ``sourceOrganization``). ``edition_of`` names the publisher whose other-language edition this is.
    """

    name: str
    title: str
    domains: tuple[str, ...]
    languages: tuple[str, ...]
    country: str
    sources: tuple[Source, ...]
    alarm_floors: Mapping[str, float]
    profile: type[ArticlePage] | None = None
    aggregator: bool = False
    edition_of: str | None = None
    timezone: str = VIETNAM  # the zone its days are counted in (a crawl window's default)
    generic_checked: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name):
            raise PublisherError(f"publisher name {self.name!r}: lower-case letters, digits and _ only")
        bad = [domain for domain in self.domains if not _DOMAIN_RE.match(domain)]
        if not self.domains or bad:
            raise PublisherError(f"{self.name}: domains must be bare lower-case host names (no www.), got {bad}")
        if not self.languages or not all(re.fullmatch(r"[a-z]{2}", code) for code in self.languages):
            raise PublisherError(f"{self.name}: languages must be ISO 639-1 codes, got {self.languages}")
        if not re.fullmatch(r"[a-z]{2}", self.country):
            raise PublisherError(f"{self.name}: country must be an ISO 3166 alpha-2 code in lower case")
        unknown = [name for name in self.alarm_floors if name not in ARTICLE_FIELDS]
        out_of_range = [name for name, rate in self.alarm_floors.items() if not 0.0 <= rate <= 1.0]
        if unknown or out_of_range:
            raise PublisherError(f"{self.name}: alarm floors on unknown fields {unknown} or outside 0..1 {out_of_range}")
        if self.aggregator and "sourceOrganization" not in self.alarm_floors:
            raise PublisherError(f"{self.name}: an aggregator needs a sourceOrganization floor")

    @property
    def language(self) -> str:
        """The main language (the first one)."""
        return self.languages[0]

    @property
    def profile_name(self) -> str:
        return self.profile.name if self.profile is not None else "generic"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form listed by ``python -m extractors publishers --json``."""
        return {
            "name": self.name,
            "title": self.title,
            "domains": list(self.domains),
            "language": self.language,
            "languages": list(self.languages),
            "country": self.country,
            "sources": [source.to_dict() for source in self.sources],
            "profile": self.profile_name,
            "aggregator": self.aggregator,
            "edition_of": self.edition_of,
            "timezone": self.timezone,
            "alarm_floors": dict(self.alarm_floors),
            "generic_checked": self.generic_checked or None,
        }
