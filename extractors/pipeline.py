"""The extraction pipeline: named stages, each run once per page, in order, each handing a typed result on.

    document  Document   parsed once; <meta>, JSON-LD and inline scripts read before anything changes
    cleaning  Cleaned    source line / link, lead and players read, then widgets and never-content removed
    header    Header     headline, credits (bylines, agencies) and the site's names
    reading   Reading    the body's root element and the page's text reading it was chosen from
    media     Media      images, main image, videos
    content   Content    body blocks (the embedded-data fallback, the closing byline line, author bios)
    dates     Dates      publication and modification dates
    (gate)               not an article: no record
    metadata  Described  the remaining fields
    record    Article    assembled from the record's own field list (record.ARTICLE_FIELDS)

No stage reads another's internals or stores anything on the page: a stage's inputs are the results
before it, so nothing needs caching. A profile (:class:`page.ArticlePage`) is read by the stages,
never run as one. Result attributes named like a record field (camelCase) are that field's value.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from . import attribution, captions, content, dates, embedded, language, metadata, pagetype, quotes, videos
from .authors import Credits, byline_line, closing_byline, find_credits, split_names, staff_line
from .cleaning import Cleaned, clean_page
from .document import Document
from .record import (
    ARTICLE_FIELDS,
    LISTED_DATE_WARNING,
    SECOND_OPINION_DATE_WARNING,
    Article,
    Author,
    BodyBlock,
    Breadcrumb,
    Image,
    Metadata,
    Organization,
    Quote,
    Video,
)
from .text import clean, or_none

if TYPE_CHECKING:  # page.ArticlePage.to_article imports this module: a type, not a run-time import
    from .page import ArticlePage


@dataclass(frozen=True, slots=True)
class Header:
    headline: str | None
    credits: Credits
    site_names: list[str]  # the names the page calls its own site by: never an author's
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reading:
    root: LexborNode | None  # the element holding the article text
    main: content.MainReading | None  # the page's reading, when content scoring chose ``root``
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Media:
    images: list[Image]
    mainImage: Image | None
    videos: list[Video]
    caption_texts: tuple[str, ...]  # caption texts the body leaves out (a profile's images say which)
    dropped: Counter[str]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Content:
    body: list[BodyBlock]
    articleBody: str | None
    embedded: embedded.EmbeddedArticle | None  # set when the body came from the page's data
    closing_byline: list[Author]  # the people named by a name line that closed the body (removed from it)
    bylines: tuple[str, ...]  # the profile's byline elements' texts (authors, not body)
    dropped: Counter[str]
    warnings: tuple[str, ...] = ()
    credit: attribution.Credit | None = None  # the original a republished article credits ("Theo Tuổi Trẻ")


@dataclass(frozen=True, slots=True)
class Dates:
    datePublished: str | None  # the record's form, YYYY-MM-DDThh:mm:ss±hh:mm (dates.record_form)
    datePublishedRaw: str | None
    dateModified: str | None
    dateModifiedRaw: str | None
    published_precision: dates.Precision | None = None  # metadata.datePublishedPrecision
    modified_precision: dates.Precision | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Described:
    canonicalUrl: str | None
    description: str | None
    inLanguage: str | None
    language_source: str | None
    authors: list[Author]
    publisher: Organization | None
    sourceOrganization: Organization | None
    isBasedOn: str | None
    attributionRaw: str | None
    articleSection: str | None
    breadcrumbs: list[Breadcrumb]
    keywords: list[str]
    quotes: list[Quote]
    isAccessibleForFree: bool | None


# ----- stages --------------------------------------------------------------------------------------


def read_header(doc: Document, profile: ArticlePage) -> Header:
    node = doc.tree.css_first(profile.headline_selector) if profile.headline_selector else None
    headline = or_none(node.text(deep=True)) if node is not None else metadata.headline(doc)
    names = metadata.site_names(doc)
    fallback = ("profile_fallback:headline",) if profile.headline_selector and node is None else ()
    return Header(headline, find_credits(doc, names), names, fallback)


def read_main(doc: Document, profile: ArticlePage) -> Reading:
    if profile.body_selector:
        root = doc.tree.css_first(profile.body_selector)
        if root is not None:
            return Reading(root, None)
    main = content.main_reading(doc)
    fallback = ("profile_fallback:body",) if profile.body_selector else ()
    return Reading(main.root if main else None, main, fallback)


def read_media(doc: Document, profile: ArticlePage, cleaned: Cleaned, reading: Reading) -> Media:
    dropped: Counter[str] = Counter()
    warnings: tuple[str, ...] = ()
    root = reading.root
    found, caption_texts = profile.images(doc, root) if root is not None else ([], ())
    if profile.caption_selector and root is not None and found:
        found, matched = captions.captioned(root, found, doc.url, profile.caption_selector, profile.credit_pattern)
        if not matched:
            warnings = ("profile_fallback:captions",)
    if profile.video_scope == "page":
        players = videos.videos_in(cleaned.players, None, dropped)
    else:
        players = videos.videos_in(cleaned.players, root, dropped) if root is not None else []
    return Media(found, _main_image(doc, found), players, caption_texts, dropped, warnings)


def _main_image(doc: Document, found: list[Image]) -> Image | None:
    og = doc.meta_first("og:image", "og:image:url", "twitter:image", "twitter:image:src")
    if og and not og.startswith("data:"):
        url = urljoin(doc.url, og)
        for image in found:
            if image.url == url:
                return image
        return Image(url=url, alt=or_none(doc.meta_first("og:image:alt")))
    return found[0] if found else None


def read_content(doc: Document, profile: ArticlePage, cleaned: Cleaned, header: Header, reading: Reading,
                 media: Media) -> Content:
    dropped: Counter[str] = Counter()
    warnings: list[str] = []
    root = reading.root
    scope = root if profile.byline_scope == "content" else doc.tree.body
    bylines = _bylines(scope, profile) if scope is not None else ()
    if profile.byline_selector and not bylines:
        warnings.append("profile_fallback:authors")
    lead = cleaned.lead if profile.lead_in_body else None
    skip = {t for t in (header.headline, *media.caption_texts, *bylines, lead) if t}
    found = [] if root is None else content.body_blocks(root, dropped, skip_texts=skip, reading=reading.main)
    if lead:
        found.insert(0, BodyBlock(type="paragraph", text=lead))  # the sapo first, wherever the page prints it
    from_data = None
    if profile.embedded_fallback and sum(len(b.text) for b in found) < embedded.MIN_DOM_BODY:
        from_data = embedded.find(doc, dropped, skip)
        if from_data is not None:
            warnings.append(from_data.source)
            found = from_data.blocks or found
    closing: list[Author] = []
    if profile.trailing_byline and found and found[-1].type == "paragraph":
        closing = byline_line(found[-1].text, header.site_names)
        staff = staff_line(found[-1].text) if not closing else None  # "Nhóm PV": the paper's reporters
        if closing or staff:
            found.pop()  # the author's name closing the body (Vietnamese papers)
            dropped["byline"] += 1
            closing = closing or ([staff] if staff and not header.credits.authors else [])
        elif not header.credits.authors and root is not None:
            closing = closing_byline(root, found[-1].text, header.site_names)  # the signature under it
    if profile.author_bio:
        names = [author.name for author in header.credits.people]
        for index in range(len(found) - 1, max(len(found) - 3, -1), -1):  # the last two blocks
            if content.is_author_bio(found[index], names):
                del found[index]  # "Jane Doe is a senior researcher at ...": about the author, not the story
                dropped["author_bio"] += 1
    credit = attribution.find_credit(root, doc.url, header.site_names, found[-1].text if found else "") \
        if root is not None else None
    return Content(found, "\n\n".join(b.text for b in found) or None, from_data, closing, bylines, dropped,
                   tuple(warnings), credit)


def _bylines(root: LexborNode, profile: ArticlePage) -> tuple[str, ...]:
    if not profile.byline_selector:
        return ()
    texts = (clean(node.text(deep=True, separator=" ")) for node in root.css(profile.byline_selector))
    return tuple(text for text in texts if text and len(text) <= profile.byline_max_chars)


def read_dates(doc: Document, profile: ArticlePage, cleaned: Cleaned, header: Header, reading: Reading,
               body: Content, *, listed_date: str | None = None) -> Dates:
    found = metadata.PageDates(doc, headline=header.headline, root=reading.root)
    published, published_raw = _profile_date(doc, profile) if profile.date_selector else (None, None)
    warnings: tuple[str, ...] = ("profile_fallback:datePublished",) if profile.date_selector and published is None \
        else ()
    if published is None:
        published, published_raw = found.date_published(printed=False)
    if published is None and body.embedded is not None:
        published, published_raw = body.embedded.date_published(doc)  # a script-rendered page's own record
    line = cleaned.source_line
    if line is not None:  # an aggregator's printed day, timed by a machine date of that day
        published, published_raw = _source_line_day(line.when, line.when_raw, published, published_raw)
    elif published is None:
        published, published_raw = found.date_published()  # printed by the headline, or the URL's day
    if published is None:
        published, published_raw = found.second_opinion()  # htmldate's
        warnings += (SECOND_OPINION_DATE_WARNING,) if published is not None else ()
    if listed_date and published is None:  # the sitemap's / feed's date: only when the page gives none
        published, published_raw = found.listed(listed_date)
        warnings += (LISTED_DATE_WARNING,) if published is not None else ()
    modified, modified_raw = found.date_modified()
    (published, published_precision), (modified, modified_precision) = (
        dates.record_form(published, published_raw), dates.record_form(modified, modified_raw))
    return Dates(published, published_raw, modified, modified_raw, published_precision, modified_precision, warnings)


def _profile_date(doc: Document, profile: ArticlePage) -> tuple[str | None, str | None]:
    """The profile's date element: an attribute (``datetime``, ``content``, ``title``) or its text, in the
    profile's format or read by the machine and then the printed date parsers; naive times in the site's zone."""
    node = doc.tree.css_first(profile.date_selector or "")
    if node is None:
        return None, None
    raws = [node.attributes.get(name) for name in profile.date_attrs] + [node.text(deep=True, separator=" ")]
    zone = dates.zone_of_host(urlsplit(doc.url).hostname) or dates.VIETNAM_TZ
    for raw in (clean(r) for r in raws if r):
        if not raw:
            continue
        if profile.date_format:
            try:
                moment = datetime.strptime(raw, profile.date_format)
            except ValueError:
                continue
            return dates.to_iso(moment if moment.tzinfo else moment.replace(tzinfo=zone)), raw
        found = dates.parse_machine(raw) or dates.parse_visible(raw)
        if found is not None:
            if found.has_time and not found.has_offset:
                found = found.with_zone(zone)
            return found.iso(None if found.has_time else zone), raw
    return None, None


def _source_line_day(when: Any, when_raw: str, machine: str | None,
                     machine_raw: str | None) -> tuple[str | None, str | None]:
    """The day an aggregator prints next to the paper's name; a machine date wins only when it is that day.

    The line gives a day (DD/MM/YYYY, Vietnam time), rarely a time. A JSON-LD / meta date adds the time
    when it agrees on the day; when it disagrees it is the aggregator's own re-post time."""
    if isinstance(when, datetime):
        return dates.to_iso(when), when_raw
    parsed = dates.parse_iso(machine, default_tz=dates.VIETNAM_TZ) if machine else None
    if parsed is not None and parsed.astimezone(dates.VIETNAM_TZ).date() == when:
        return machine, machine_raw
    return dates.day_in_zone(when), when_raw


# The reason of a page the generic rules keep and a site profile does not (vietnam.vn's events pages),
# beside pagetype's ``listing`` / ``no_text`` / ``empty``.
NOT_ARTICLE = "not_article"


def skip_reason(doc: Document, profile: ArticlePage, cleaned: Cleaned, header: Header, reading: Reading,
                body: Content, dated: Dates) -> str | None:
    """``None`` for an article, else why the page gives no record (the generic verdict first, it says more)."""
    reason = pagetype.skip_reason(doc, header.headline, reading.root, sum(len(b.text) for b in body.body),
                                  has_date=dated.datePublished is not None)
    if reason is None and profile.non_article_path is not None and profile.non_article_path.match(urlsplit(doc.url).path):
        return NOT_ARTICLE
    if reason is None and profile.is_article(doc, reading.root, cleaned.source_line is not None) is False:
        return NOT_ARTICLE
    return reason


def read_metadata(doc: Document, profile: ArticlePage, cleaned: Cleaned, header: Header, body: Content) -> Described:
    description = metadata.description(doc)
    if description and profile.description_prefix is not None:
        description = or_none(profile.description_prefix.sub("", description))
    lang, lang_source = profile.language(doc) or language.detect(doc, body.articleBody or "")
    # An aggregator's profile credits the original paper it names (or none); others: the agencies credited,
    # else the paper a republished article's closing line credits ("Theo Tuổi Trẻ", "Nguồn: Báo X").
    aggregator = profile.source_line or profile.source_selector
    source = cleaned.credited if aggregator else header.credits.source_organization
    credit = None if aggregator else body.credit
    if source is None and credit is not None and credit.name:
        source = Organization(name=credit.name, url=attribution.organization_home(credit.url))
    return Described(
        canonicalUrl=profile.canonical_url(metadata.canonical_url(doc), doc),
        description=description or cleaned.lead,
        inLanguage=lang,
        language_source=lang_source,
        authors=_authors(profile, header, body),
        publisher=dataclasses.replace(profile.publisher) if profile.publisher else metadata.publisher(doc),
        sourceOrganization=source,
        isBasedOn=cleaned.based_on or (credit.url if credit else None),
        attributionRaw=cleaned.attribution_raw or (credit.raw if credit else None),
        articleSection=metadata.article_section(doc),
        breadcrumbs=metadata.breadcrumbs(doc),
        keywords=_keywords(doc, profile),
        quotes=quotes.find_quotes(body.body, lang),
        isAccessibleForFree=metadata.is_accessible_for_free(doc),
    )


def _authors(profile: ArticlePage, header: Header, body: Content) -> list[Author]:
    """The profile's byline names; else metadata and bylines, else the name line that closed the body."""
    credits = header.credits
    found = credits.credited(body.closing_byline) if not credits.people and body.closing_byline else credits.authors
    if not profile.byline_selector:
        return found
    named: list[Author] = []
    for byline in body.bylines:
        parts = profile.byline_separator.split(byline) if profile.byline_separator is not None \
            else split_names(byline, header.site_names)  # the generic splitter: agencies, "(VTV Online)"...
        for name in (clean(part) for part in parts):
            if name and all(author.name != name for author in named):
                named.append(Author(name=name, nameRaw=byline))
    return named or [a for a in found if a.name.lower() not in profile.site_names]


def _keywords(doc: Document, profile: ArticlePage) -> list[str]:
    if profile.keywords_meta:
        raw = doc.meta_first(*profile.keywords_meta)
        words = [clean(word) for word in raw.split(",")] if raw else []
        found = list(dict.fromkeys(word for word in words if word))
        if found:
            return found
    return metadata.keywords(doc)


# ----- driver --------------------------------------------------------------------------------------

# The stage results that carry record fields, in stage order (tests check each field has one source).
RECORD_STAGES: tuple[type, ...] = (Header, Media, Content, Dates, Described)


def run(doc: Document, profile: ArticlePage, *, listed_date: str | None = None) -> Article | None:
    return run_page(doc, profile, listed_date=listed_date)[0]


def run_page(doc: Document, profile: ArticlePage, *,
             listed_date: str | None = None) -> tuple[Article | None, str | None]:
    """The record, or ``None`` and why the page gave none (:func:`skip_reason`)."""
    cleaned = clean_page(doc, profile)
    header = read_header(doc, profile)
    reading = read_main(doc, profile)
    media = read_media(doc, profile, cleaned, reading)
    body = read_content(doc, profile, cleaned, header, reading, media)
    dated = read_dates(doc, profile, cleaned, header, reading, body, listed_date=listed_date)
    reason = skip_reason(doc, profile, cleaned, header, reading, body, dated)
    if reason is not None:
        return None, reason
    described = read_metadata(doc, profile, cleaned, header, body)
    return assemble(doc, profile, cleaned, reading, media, body, dated, described, header=header), None


def assemble(doc: Document, profile: ArticlePage, cleaned: Cleaned, reading: Reading, media: Media, body: Content,
             dated: Dates, described: Described, *, header: Header) -> Article:
    """The record from the stage results: each record field is the result attribute of the same name."""
    values: dict[str, Any] = {"url": doc.url}
    for result in (header, media, body, dated, described):  # RECORD_STAGES
        for item in dataclasses.fields(result):
            if item.name in ARTICLE_FIELDS:
                values[item.name] = getattr(result, item.name)
    counts: Counter[str] = Counter()
    if doc.flattened:
        counts["deep_nesting"] = doc.flattened
    for counter in (cleaned.dropped, media.dropped, body.dropped):
        for rule, count in counter.items():
            counts[rule] += count
    body_text = body.articleBody
    values["metadata"] = Metadata(
        dateDownloaded=dates.to_iso(doc.fetched_at),
        datePublishedPrecision=dated.published_precision,
        dateModifiedPrecision=dated.modified_precision,
        extractor=f"{profile.name}@{profile.version}",
        languageSource=described.language_source,
        contentHash=hashlib.sha1(body_text.encode("utf-8")).hexdigest() if body_text else None,
        dropped=dict(sorted(counts.items())),
        warnings=[*cleaned.warnings, *header.warnings, *reading.warnings, *media.warnings, *body.warnings,
                  *dated.warnings],
    )
    return Article(**values)


__all__ = ["NOT_ARTICLE", "RECORD_STAGES", "Cleaned", "Content", "Dates", "Described", "Header", "Media", "Reading",
           "assemble", "run", "run_page", "skip_reason"]
