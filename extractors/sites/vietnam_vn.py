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
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborNode

from .. import images
from ..cleaning import LEAD_ABOVE_SOURCE_LINE
from ..document import Document
from ..page import ArticlePage
from ..record import Image, Organization
from ..text import clean


class VietnamVnPage(ArticlePage):
    """One article page of vietnam.vn, any edition (``/<slug>`` Vietnamese, ``/en/<slug>`` English ...)."""

    name = "vietnam_vn"
    version = "V1"

    body_selector = ".post-detail-body"
    headline_selector = "h1"
    source_line = True
    lead = LEAD_ABOVE_SOURCE_LINE
    sweep_widgets = True
    # The licence block of the site footer (targets.md §1.1).
    footer_line = re.compile(
        r"^(?:bộ văn hóa|chịu trách nhiệm|cục trưởng|trụ sở|giấy phép|email:|điện thoại:)", re.IGNORECASE
    )
    video_selector = "video, iframe[src], [data-vid]"
    publisher = Organization(name="Vietnam.vn", url="https://www.vietnam.vn/")
    # Tag, category, author and organisation pages, search, events: never one article.
    non_article_path = re.compile(
        r"^/(?:[a-z]{2}/)?(?:tags?|category|categories|authors?|organi[sz]ations?|search|events?)(?:/|$)"
    )

    _edition_path = re.compile(r"^/([a-z]{2})(?:/|$)")
    _card_title_selector = "h2 a[href], h3 a[href], h4 a[href]"
    _min_cards = 3
    _caption_max_chars = 300

    def canonical_url(self, found: str | None, doc: Document) -> str | None:
        """Both hosts serve the same page: the canonical one is on www, without a trailing slash."""
        return _on_www(found or doc.url)

    def language(self, doc: Document) -> tuple[str | None, str | None]:
        """``/en/<slug>`` is the English edition; a slug with no edition prefix is Vietnamese."""
        found = self._edition_path.match(urlsplit(doc.url).path)
        return (found.group(1), "url") if found else ("vi", "url")

    def is_article(self, doc: Document, root: LexborNode | None, has_source_line: bool) -> bool | None:
        """Not an edition's home page; without ``.post-detail-body``, a source line and no list of article cards."""
        if self._edition_path.sub("/", urlsplit(doc.url).path).strip("/") == "":
            return False
        known_body = doc.tree.css_first(self.body_selector) is not None
        if not known_body and (not has_source_line or self._looks_like_listing(root)):
            return False
        return None

    def _looks_like_listing(self, root: LexborNode | None) -> bool:
        """Without the known body element: several headline links in the text is a list of articles."""
        return root is not None and len(root.css(self._card_title_selector)) >= self._min_cards

    def images(self, doc: Document, root: LexborNode) -> tuple[list[Image], tuple[str, ...]]:
        """The generic images; an image the generic reading finds no caption for takes the short line the page
        prints by it (a figcaption, or a credit line right after the image: class names unknown). Those
        lines are captions, not body text."""
        captions: dict[str, str] = {}
        for img in root.css("img"):
            url = images.image_url(img, doc.url)
            node = _caption_node(img, root) if url and url not in captions else None
            text = clean(node.text(deep=True, separator=" ")) if node is not None else ""
            if text and len(text) <= self._caption_max_chars:
                captions[url] = text  # type: ignore[index]
        found = [image if image.caption or image.url not in captions
                 else replace(image, **dict(zip(("caption", "credit"), images.split_credit(captions[image.url]))))
                 for image in images.article_images(doc, root)]
        return found, tuple(captions.values())


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


