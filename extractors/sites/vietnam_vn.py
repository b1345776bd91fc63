"""vietnam.vn: the aggregator (both editions, and the vcdn / vjs mirrors).

What is known of its pages (``../shared/docs/targets.md`` §1): Next.js SSR with the Ant Design layout,
the body in ``.post-detail-body`` inside ``.post-detail-container``; under the headline one short line
with the original paper's logo, its name and the day (``Báo Quốc TếBáo Quốc Tế24/05/2023``); a "Source" /
"Nguồn" link to the original article; empty widgets ("No data", "No videos available"), "Comment (0)"
and "Same tag / Same category / Same author" lists around it. Nothing else of the markup is known, so:

* the body comes from ``.post-detail-body`` when it is there, else from generic content scoring;
* the paper, the day, the source link, the captions and the widgets are found by their text and their
  position, never by a guessed class name alone.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cached_property
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from .. import attribution, boilerplate, content, dates, images
from ..document import Document
from ..page import ArticlePage
from ..record import BodyBlock, Image, Organization, Video
from ..text import clean, or_none


class VietnamVnPage(ArticlePage):
    """One article page of vietnam.vn, any edition (``/<slug>`` Vietnamese, ``/en/<slug>`` English ...)."""

    name = "vietnam_vn"
    version = "V1"

    HOME = "https://www.vietnam.vn/"
    PUBLISHER_NAME = "Vietnam.vn"

    _body_selector = ".post-detail-body"
    _headline_selector = "h1"
    _video_selector = "video, iframe[src], [data-vid]"
    _video_hosts = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "facebook.com", "tiktok.com")
    # Paths that are never one article: tag, category, author and organisation pages, search, events.
    _non_article_path = re.compile(
        r"^/(?:[a-z]{2}/)?(?:tags?|category|categories|authors?|organi[sz]ations?|search|events?)(?:/|$)"
    )
    _edition_path = re.compile(r"^/([a-z]{2})(?:/|$)")
    # The licence block of the site footer (targets.md §1.1).
    _footer_line = re.compile(
        r"^(?:bộ văn hóa|chịu trách nhiệm|cục trưởng|trụ sở|giấy phép|email:|điện thoại:)", re.IGNORECASE
    )
    _card_title_selector = "h2 a[href], h3 a[href], h4 a[href]"
    _min_cards = 3
    _widget_max_chars = 200
    _caption_max_chars = 300
    _never_swept = frozenset({"script", "style", "template", "noscript", "svg", "head", "h1"})

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        # Read from the page before pruning (prune() fills them in): the tree loses these nodes afterwards.
        self.source_line: attribution.SourceLine | None = None
        self.source_link: attribution.SourceLink | None = None
        self._headline_node: LexborNode | None = None
        self._lead: str | None = None
        self._videos: list[Video] = []

    # ----- pipeline steps -----------------------------------------------------------------------

    def prune(self) -> None:
        """Read attribution first, then drop widgets by their text, then the generic pruning."""
        self.doc.meta, self.doc.jsonld  # noqa: B018  read the <head> before <script> elements go
        body = self.doc.tree.body
        if body is not None:
            self._read_before_pruning(body)
            self._sweep_widgets(body)
            self._videos = self._find_videos()
        super().prune()

    def _read_before_pruning(self, body: LexborNode) -> None:
        self._headline_node = self.doc.tree.css_first(self._headline_selector)
        self.source_line = attribution.find_source_line(body, self._headline_node)
        self.source_link = attribution.find_source_link(body, self.doc.url)
        self._lead = self._find_lead(body)
        if self.source_line is not None:
            self.source_line.node.decompose()
        if self.source_link is not None:
            self.source_link.node.decompose()
            self.dropped["source_link"] += 1

    @cached_property
    def content_root(self) -> LexborNode | None:
        root = self.doc.tree.css_first(self._body_selector)
        if root is not None:
            return root
        self.warnings.append(f"no {self._body_selector}: generic content scoring used")
        return content.find_main(self.doc)

    @cached_property
    def blocks(self) -> list[BodyBlock]:
        root = self.content_root
        found = content.body_blocks(root, self.dropped, skip_texts=self._non_body_texts()) if root else []
        if self._lead and not (found and found[0].text == self._lead):
            found.insert(0, BodyBlock(type="paragraph", text=self._lead))
        return found

    def _non_body_texts(self) -> set[str]:
        return {t for t in (self.headline(), *self._captions.values()) if t}

    # ----- fields --------------------------------------------------------------------------------

    def canonical_url(self) -> str | None:
        """Both hosts serve the same page: the canonical one is on www, without a trailing slash."""
        return _on_www(super().canonical_url() or self.doc.url)

    def headline(self) -> str | None:
        node = self.doc.tree.css_first(self._headline_selector)
        return or_none(node.text(deep=True)) if node is not None else super().headline()

    def language(self) -> tuple[str | None, str | None]:
        """``/en/<slug>`` is the English edition; a slug with no edition prefix is Vietnamese."""
        found = self._edition_path.match(urlsplit(self.doc.url).path)
        return (found.group(1), "url") if found else ("vi", "url")

    def date_published(self) -> tuple[str | None, str | None]:
        """The day printed next to the paper's name; a machine date wins only when it is that same day.

        The page prints a day (DD/MM/YYYY, Vietnam time) and no time of day. A JSON-LD / meta date
        adds the time when it agrees on the day; when it disagrees it is the aggregator's own re-post
        time, and the printed day is the article's.
        """
        machine, machine_raw = super().date_published()
        line = self.source_line
        if line is None:
            return machine, machine_raw
        if isinstance(line.when, datetime):
            return dates.to_iso(line.when), line.when_raw
        parsed = dates.parse_iso(machine, default_tz=dates.VIETNAM_TZ) if machine else None
        if parsed is not None and parsed.astimezone(dates.VIETNAM_TZ).date() == line.when:
            return machine, machine_raw
        return dates.day_in_zone(line.when), line.when_raw

    def description(self) -> str | None:
        return super().description() or self._lead

    def publisher(self) -> Organization:
        return Organization(name=self.PUBLISHER_NAME, url=self.HOME)

    def source_organization(self) -> Organization | None:
        line, link = self.source_line, self.source_link
        name = line.name if line is not None else (link.name if link is not None else None)
        if not name:
            return None
        return Organization(name=name, url=attribution.organization_home(link.url if link else None))

    def is_based_on(self) -> str | None:
        return self.source_link.url if self.source_link is not None else None

    def attribution_raw(self) -> str | None:
        return self.source_line.raw if self.source_line is not None else None

    def images(self) -> list[Image]:
        return self._images

    def videos(self) -> list[Video]:
        return self._videos

    def is_article(self) -> bool:
        """Not a tag / category / author / events page; without ``.post-detail-body``, a source line and no
        list of article cards."""
        path = urlsplit(self.doc.url).path
        if self._non_article_path.match(path) or self._edition_path.sub("/", path).strip("/") == "":
            return False
        known_body = self.doc.tree.css_first(self._body_selector) is not None
        if not known_body and (self.source_line is None or self._looks_like_listing()):
            return False
        return super().is_article()

    def _looks_like_listing(self) -> bool:
        """Without the known body element: several headline links in the text is a list of articles."""
        root = self.content_root
        return root is not None and len(root.css(self._card_title_selector)) >= self._min_cards

    # ----- helpers -------------------------------------------------------------------------------

    def _find_lead(self, body: LexborNode) -> str | None:
        """A sapo printed between the headline and the source line (the order seen on some pages)."""
        line = self.source_line
        if line is None or self._headline_node is None:
            return None
        started = False
        for node in body.traverse():
            if node.mem_id == line.node.mem_id:
                return None
            if node.mem_id == self._headline_node.mem_id:
                started = True
                continue
            if not started or node.tag not in ("p", "div", "h2") or attribution.within(line.node, node):
                continue
            if attribution.within(node, self._headline_node):
                continue
            text = clean(node.text(deep=True, separator=" "))
            if 40 <= len(text) <= 1000:
                return text
        return None

    def _sweep_widgets(self, body: LexborNode) -> None:
        """Drop placeholder widgets, comment counters, related lists and footer lines; count each."""
        found: list[tuple[LexborNode, str]] = []
        self._collect_widgets(body, found)
        targets: list[LexborNode] = []
        for node, rule in found:
            self.dropped[rule] += 1
            if any(attribution.within(node, t) for t in targets):
                continue
            target = self._related_section(node) if rule == "related_heading" else node
            if rule == "related_heading":
                items = sum(1 for a in target.css("a") if clean(a.text(deep=True)))
                if items:
                    self.dropped["related_items"] += items
            targets.append(target)
        for target in targets:
            target.decompose()

    def _collect_widgets(self, body: LexborNode, found: list[tuple[LexborNode, str]]) -> None:
        """Outermost elements whose whole text breaks a widget rule, in page order (explicit stack: no
        recursion limit on deeply nested pages)."""
        stack = list(reversed(list(body.iter())))
        while stack:
            node = stack.pop()
            if node.tag in self._never_swept:
                continue
            text = node.text(deep=True) or ""
            rule = self._widget_rule(clean(text)) if len(text) <= self._widget_max_chars * 2 else None
            if rule:
                found.append((node, rule))
            else:
                stack.extend(reversed(list(node.iter())))

    def _widget_rule(self, text: str) -> str | None:
        if not text or len(text) > self._widget_max_chars:
            return None
        if self._footer_line.match(text):
            return "footer_licence"
        return boilerplate.placeholder_rule(text)

    def _related_section(self, heading: LexborNode) -> LexborNode:
        """The heading with its list: climb while the parent holds only links (and headings)."""
        section = heading
        for _ in range(4):
            parent = section.parent
            if parent is None or parent.tag in ("body", "html", "main") or self._holds_article(parent):
                break
            text = clean(parent.text(deep=True))
            rest = len(text) - len(clean(heading.text(deep=True)))
            links = sum(len(clean(a.text(deep=True))) for a in parent.css("a"))
            if rest > 0 and links < 0.7 * rest:
                break
            section = parent
        return section

    def _holds_article(self, node: LexborNode) -> bool:
        """The headline, the body or a lot of text below ``node``: never swept away as a related list."""
        return (node.css_first(self._headline_selector) is not None
                or node.css_first(self._body_selector) is not None
                or len(clean(node.text(deep=True))) > 2000)

    @cached_property
    def _captions(self) -> dict[int, str]:
        """Caption text per image (by node id): a figcaption, or a short credit line right after the image."""
        root = self.content_root
        captions: dict[int, str] = {}
        if root is None:
            return captions
        for img in root.css("img"):
            node = _caption_node(img, root)
            text = clean(node.text(deep=True, separator=" ")) if node is not None else ""
            if text and len(text) <= self._caption_max_chars:
                captions[img.mem_id] = text
        return captions

    @cached_property
    def _images(self) -> list[Image]:
        root = self.content_root
        found: list[Image] = []
        if root is None:
            return found
        for img in root.css("img"):
            url = images.image_url(img, self.doc.url)
            if not url or _is_icon(img, url):
                continue
            caption, credit = images.split_credit(self._captions.get(img.mem_id))
            found.append(Image(url=url, caption=caption, credit=credit, alt=or_none(img.attributes.get("alt")),
                               width=_int(img.attributes.get("width")), height=_int(img.attributes.get("height"))))
        return images.dedupe(found)

    def _find_videos(self) -> list[Video]:
        """Playable videos in the body; an empty player (no source) is dropped and counted."""
        root = self.content_root
        found: list[Video] = []
        if root is None:
            return found
        for node in root.css(self._video_selector):
            url = _video_url(node, self.doc.url)
            if url is None:
                if node.tag == "video":
                    self.dropped["empty_video"] += 1
                continue
            if node.tag == "iframe" and not any(h in (urlsplit(url).hostname or "") for h in self._video_hosts):
                continue
            if all(v.url != url for v in found):
                found.append(Video(url=url, caption=_figure_caption(node)))
        return found


def _on_www(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host == "vietnam.vn" or host.endswith(".vietnam.vn"):
        host = "www.vietnam.vn"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, parts.query, ""))


def _caption_node(img: LexborNode, root: LexborNode) -> LexborNode | None:
    figure = _ancestor(img, root, ("figure",))
    if figure is not None:
        return figure.css_first("figcaption")
    block = _ancestor(img, root, ("p", "div", "td", "picture", "a")) or img
    own = clean(block.text(deep=True)) if block is not img else ""
    if own and _looks_like_caption(block):
        return block
    sibling = block.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    if sibling is not None and sibling.css_first("img") is None and _looks_like_caption(sibling):
        return sibling
    return None


def _looks_like_caption(node: LexborNode) -> bool:
    text = clean(node.text(deep=True))
    if not text or len(text) > 300:
        return False
    classes = (node.attributes.get("class") or "").lower()
    if "caption" in classes or node.tag in ("figcaption", "em", "i", "small"):
        return True
    only_child = [c for c in node.iter() if c.tag not in ("br",)]
    if len(only_child) == 1 and only_child[0].tag in ("em", "i") and clean(only_child[0].text(deep=True)) == text:
        return True
    return images.split_credit(text)[1] is not None


def _ancestor(node: LexborNode, root: LexborNode, tags: tuple[str, ...]) -> LexborNode | None:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.tag in tags:
            return parent
        parent = parent.parent
    return None


def _figure_caption(node: LexborNode) -> str | None:
    parent = node.parent
    while parent is not None and parent.tag not in ("figure", "body"):
        parent = parent.parent
    caption = parent.css_first("figcaption") if parent is not None and parent.tag == "figure" else None
    return or_none(caption.text(deep=True, separator=" ")) if caption is not None else None


def _video_url(node: LexborNode, base_url: str) -> str | None:
    attrs = node.attributes
    value = attrs.get("src") or attrs.get("data-vid") or attrs.get("data-src")
    if not value and node.tag == "video":
        source = node.css_first("source[src]")
        value = source.attributes.get("src") if source is not None else None
    value = (value or "").strip()
    return urljoin(base_url, value) if value and not value.startswith(("data:", "blob:", "about:")) else None


def _is_icon(img: LexborNode, url: str) -> bool:
    width, height = _int(img.attributes.get("width")), _int(img.attributes.get("height"))
    small = (width is not None and width <= 50) or (height is not None and height <= 50)
    return small or any(word in url.lower() for word in ("/logo", "logo.", "/icon", "icon."))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


__all__ = ["VietnamVnPage"]
