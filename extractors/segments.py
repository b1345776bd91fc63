"""Read a subtree the way a browser lays it out: as text segments, one per run of inline content.

One depth-first pass (an explicit stack, so deep pages cannot overflow Python's recursion) turns the
DOM into :class:`Segment` objects in reading order. Each segment belongs to the nearest block-level
element (its *owner*: ``p``, ``li``, ``h2``, a ``div`` holding bare text ...) and knows how much of
its text is link text. Every block element gets a :class:`Totals`: the contexts its text sits in (a
caption, a quote, a list, a table, a boilerplate-named subtree, a card) and how much prose and how
much other text its subtree holds, so :mod:`content` picks the main container from those totals
without walking ancestors again. A subtree's segments and totals are contiguous slices of the
reading, so the body's reading also serves the chosen container (:func:`subreading`).

Boilerplate names (``class="share-bar"``, ``<aside>``) are only trusted where they do not hold most
of the prose: wrappers such as ``<div class="content-with-sidebar">`` or WordPress's
``<article class="post tag-news">`` would otherwise hide the article itself.

Speed matters here (this pass is most of an extraction): one Python step per node, names judged
once per distinct class string (memoised), no per-node objects for inline elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .boilerplate import ALWAYS_BOILERPLATE, HIDDEN_CLASS_RE, NAMES_VERDICTS
from .memo import StringMemo

INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr", "img", "picture", "source", "ruby", "rb", "rt", "rp", "rtc",
})
# Never text: subtrees skipped outright (most are pruned before; this keeps any root safe).
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "option",
    "textarea", "input", "head", "title", "meta", "link", "object", "embed", "video", "audio", "map", "math",
    "dialog",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
LIST_TAGS = frozenset({"ul", "ol", "dl"})
CAPTION_TAGS = frozenset({"figure", "figcaption"})
# Sectioning tags that are boilerplate unless they hold most of the prose.
ASIDE_TAGS = frozenset({"aside", "nav", "footer", "form"})
# A teaser card: a list item or nested article with a linked title and little prose of its own.
CARD_TAGS = frozenset({"li", "article"})
TEASER_MAX_PROSE = 600
ELLIPSIS = ("...", "…")
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]")
# Container tags a main-content root may be.
CONTAINER_TAGS = frozenset({"div", "article", "main", "section", "td", "body", "center", "font", "span"})
SENTENCE_END = (".", "!", "?", "…", ":", "\"", "”", "’", "»", ")", "。", "！", "？", "।")
# When trusting every boilerplate name leaves no element with this share of the page's prose, names
# hid the article; then an element holding WRAPPER_SHARE of the prose is a wrapper, not boilerplate.
STRICT_MIN_SHARE = 0.3
WRAPPER_SHARE = 0.5


class Totals:
    """One block element: the contexts below it, and the text its subtree holds (in characters)."""

    __slots__ = (
        "bad",
        "caption",
        "card",
        "chained",
        "confirmed",
        "first_container",
        "first_segment",
        "good",
        "hint",
        "index",
        "is_card",
        "last_segment",
        "list_owner",
        "moved",
        "named_good",
        "negative_at",
        "node",
        "parent",
        "quote",
        "short",
        "table",
        "tag",
        "teaser",
        "titled",
    )

    # No reference from an element to itself (no cycles): a page's reading, and with it the Lexbor tree,
    # is freed as soon as the last reference goes, not at the next garbage collection.
    def __init__(self, node: LexborNode, tag: str, hint: int, parent: Totals | None = None,
                 first_segment: int = 0, first_container: int = 0) -> None:
        self.node, self.tag, self.hint, self.parent = node, tag, hint, parent
        self.first_segment, self.first_container = first_segment, first_container
        self.chained = self.is_card = self.confirmed = self.teaser = self.titled = False
        self.good = self.bad = self.named_good = self.moved = 0.0
        self.short = 0  # characters of short lines without links (counted in ``bad`` at 0.3)
        self.last_segment = self.index = 0
        if parent is None:
            self.negative_at = self.card = self.table = self.list_owner = None
            self.caption = self.quote = False
        else:  # inherited contexts
            self.negative_at = parent if parent.chained else parent.negative_at
            self.card = parent if parent.is_card else parent.card
            self.caption, self.quote, self.table = parent.caption, parent.quote, parent.table
            self.list_owner = parent.list_owner

    @property
    def own_card(self) -> Totals | None:
        """The card this element's own text belongs to: itself, or the nearest one above."""
        return self if self.is_card else self.card

    @property
    def in_boilerplate(self) -> bool:
        """This element is, or sits inside, confirmed boilerplate."""
        totals: Totals | None = self
        while totals is not None:
            if totals.confirmed:
                return True
            totals = totals.negative_at
        return False

    @property
    def effective_good(self) -> float:
        return self.good - self.moved

    @property
    def effective_bad(self) -> float:
        return self.bad + self.moved


class Segment:
    """A run of inline text owned by one block element."""

    __slots__ = ("context", "lines", "link_chars", "owner_tag", "text")

    def __init__(self, context: Totals, text: str, link_chars: int, lines: list[str] | None = None) -> None:
        self.context = context  # the owner's Totals: its contexts (caption, quote, list, table...)
        self.owner_tag = context.tag
        self.text, self.link_chars = text, link_chars
        # The text's lines where ``<br>`` breaks it (an empty line: two breaks in a row), else None.
        self.lines = lines

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def in_boilerplate(self) -> bool:
        """Inside an element named like boilerplate that is not the page's main wrapper."""
        return self.context.in_boilerplate


@dataclass(slots=True)
class Reading:
    segments: list[Segment]
    containers: list[Totals]  # post-order: every element before its ancestors; the root last

    @property
    def root(self) -> Totals:
        return self.containers[-1]


# Every class HIDDEN_CLASS_RE names contains one of these: most class strings contain none, and four
# substring tests are cheaper than the search (class strings are mostly new to the cache on a new site).
_HIDDEN_CLASS_PARTS = ("hid", "d-none", "invisible", "sr-only")


def _hidden_class(classes: str) -> bool:
    for part in _HIDDEN_CLASS_PARTS:
        if part in classes:
            return HIDDEN_CLASS_RE.search(classes) is not None
    return False


_HIDDEN_CLASSES = StringMemo(_hidden_class, 16384)


def _hidden_style(style: str | None) -> bool:
    """An inline ``display: none`` / ``visibility: hidden``: never shown, never body text.

    (Hidden classes count too, see ``HIDDEN_CLASS_RE``; not the ``hidden`` attribute: React streams
    server-rendered articles into ``<div hidden>`` and paywalls hide the text they reveal to subscribers
    with it, as ABC.es does.)
    """
    if not style or "none" not in style and "hidden" not in style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


# Tag kinds for the walk, looked up by Lexbor's numeric tag id (``tag_id`` is cheaper than ``tag``, which
# builds a new string on every access). Standard tags have small fixed ids; custom elements (``amp-img``)
# get per-document ids, never cached.
_SKIP, _BREAK, _LINK, _INLINE, _BLOCK = range(5)
_BR = "\x00"  # a <br> in a segment's text while it is read (Lexbor turns NUL in the page into U+FFFD)
_STANDARD_TAG_IDS = 1 << 16
_TEXT_ID = LexborHTMLParser("<p>x</p>").css_first("p").first_child.tag_id  # type: ignore[union-attr]
_KINDS: dict[int, tuple[int, str]] = {}


def _kind_of(node: LexborNode, tag_id: int) -> tuple[int, str]:
    tag = node.tag
    if tag is None or tag in SKIP_TAGS or tag[0] == "-":
        kind = _SKIP
    elif tag == "br":
        kind = _BREAK
    elif tag == "a":
        kind = _LINK
    elif tag in INLINE_TAGS:
        kind = _INLINE
    else:
        kind = _BLOCK
    info = (kind, tag or "")
    if tag_id < _STANDARD_TAG_IDS:
        _KINDS[tag_id] = info
    return info


def read(root: LexborNode) -> Reading:
    """Segments of ``root``'s subtree in reading order, and the text totals of its block elements."""
    segments: list[Segment] = []
    containers: list[Totals] = []
    root_totals = Totals(root, root.tag or "", 0)
    blocks: list[Totals] = [root_totals]  # the open block elements, innermost last
    parts: list[str] = []  # the open segment's text, owned by blocks[-1]
    link_chars = 0
    # Frames: (children, inside a link, the element's Totals when it is a block element, else None).
    stack: list[tuple] = [(root.iter(include_text=True), False, root_totals)]
    kinds, text_id, kind_of, verdicts, hidden_classes = _KINDS, _TEXT_ID, _kind_of, NAMES_VERDICTS, _HIDDEN_CLASSES

    def close(owner: Totals) -> None:
        nonlocal link_chars
        joined = "".join(parts)
        parts.clear()
        lines = None
        if _BR in joined:  # text laid out with <br>: the lines are kept for the body's paragraphs
            lines = [" ".join(piece.split()) for piece in joined.split(_BR)]
            text = " ".join(line for line in lines if line)
            while lines and not lines[-1]:
                lines.pop()  # (a break closing the text ends no paragraph)
            if sum(1 for line in lines if line) < 2:
                lines = None
        else:
            text = " ".join(joined.split())
        if text:
            segment = Segment(owner, text, link_chars, lines)
            segments.append(segment)
            _score(segment, owner)
        link_chars = 0

    # One Python step per node: this loop is most of an extraction's time, so it is written for speed.
    while stack:
        children, in_link, frame_block = stack[-1]
        for child in children:
            tag_id = child.tag_id
            if tag_id == text_id:
                value = child.text_content
                if value:
                    if not value.isspace():
                        parts.append(value)
                        if in_link:
                            link_chars += len(value.strip())
                    elif parts:
                        parts.append(" ")
                continue
            kind, tag = kinds.get(tag_id) or kind_of(child, tag_id)
            if kind <= _BREAK:
                if kind == _BREAK and parts:
                    parts.append(_BR)
                continue
            attrs = child.attributes
            node_hint = 0
            caption = False
            if attrs:
                classes = attrs.get("class")
                if (classes and hidden_classes[classes]) or ("style" in attrs and _hidden_style(attrs["style"])):
                    continue
                if kind == _LINK:  # a link never owns its text: "tag" and "keyword" links sit inside sentences
                    stack.append((child.iter(include_text=True), True, None))
                    break
                names = classes or ""
                if classes is None or len(attrs) > 1:
                    if (extra := attrs.get("id")) is not None:
                        names = f"{names} {extra}"
                    if (extra := attrs.get("role")) is not None:
                        names = f"{names} {extra}"
                    if (extra := attrs.get("itemprop")) is not None:
                        names = f"{names} {extra}"
                if names:
                    node_hint, caption = verdicts[names]
            elif kind == _LINK:
                stack.append((child.iter(include_text=True), True, None))
                break
            # A named inline element (a caption span, a share button) owns its text.
            if kind == _INLINE and node_hint >= 0 and not caption:
                stack.append((child.iter(include_text=True), in_link, None))
                break
            # A block element (or a named inline one): the open segment ends, the element owns the text below.
            if node_hint == 0 and tag in ASIDE_TAGS:
                node_hint = -1
            if parts:
                close(blocks[-1])
            totals = Totals(child, tag, node_hint, blocks[-1], len(segments), len(containers))
            if tag in CAPTION_TAGS:
                caption = True
            if caption:
                totals.caption = True
            if tag == "blockquote":
                totals.quote = True
                totals.caption = caption  # a <figure> around a quote is the quote's, not a picture's
            elif tag == "table":
                totals.table = child
                totals.caption = caption
            elif tag in LIST_ITEM_TAGS:
                totals.list_owner = child.parent
            elif tag in LIST_TAGS:
                totals.list_owner = None
            if tag in CARD_TAGS:
                totals.chained = totals.is_card = True  # a card joins the chain: boilerplate if it turns out a teaser
            elif node_hint < 0:
                totals.chained = True
            blocks.append(totals)
            stack.append((child.iter(include_text=True), in_link, totals))
            break
        else:
            stack.pop()
            if frame_block is not None:
                if parts:
                    close(frame_block)
                blocks.pop()
                frame_block.last_segment = len(segments)
                frame_block.index = len(containers)
                containers.append(frame_block)
                if frame_block.hint > 0:
                    frame_block.named_good = frame_block.good
                parent = frame_block.parent
                if parent is not None:
                    if frame_block.good:  # (no prose below, no named prose either)
                        parent.good += frame_block.good
                        parent.named_good += frame_block.named_good
                    if frame_block.bad:
                        parent.bad += frame_block.bad
                        if frame_block.short:
                            parent.short += frame_block.short
                    if frame_block.titled:
                        parent.titled = True
    _confirm_boilerplate(containers, root_totals.good)
    return Reading(segments, containers)


def subreading(reading: Reading, totals: Totals, *, trust_names: bool = True) -> Reading:
    """The reading of one element's subtree, taken from a reading of the whole page: its segments and
    totals are contiguous slices. Boilerplate names are decided again for the subtree alone, as a fresh
    :func:`read` of it would (the element's own name no longer counts; its ancestors are not boilerplate,
    or it would not have been chosen). ``trust_names=False``: see :func:`confirm_boilerplate`."""
    containers = reading.containers[totals.first_container:totals.index + 1]
    hint_before, totals.hint = totals.hint, 0
    try:
        confirm_boilerplate(containers, totals.good, trust_names=trust_names)
    finally:
        totals.hint = hint_before
    return Reading(reading.segments[totals.first_segment:totals.last_segment], containers)


def confirm_boilerplate(containers: list[Totals], page_good: float, *, trust_names: bool = True) -> None:
    """:func:`_confirm_boilerplate`; with ``trust_names=False`` only reader comments and teaser cards are
    boilerplate, every other name is ignored (the second reading of a page whose names hid its text)."""
    if trust_names:
        _confirm_boilerplate(containers, page_good)
        return
    for totals in containers:
        if totals.teaser and totals.good < min(TEASER_MAX_PROSE, WRAPPER_SHARE * page_good):
            totals.hint = ALWAYS_BOILERPLATE
    _move(containers, lambda t: t.hint <= ALWAYS_BOILERPLATE or (
        t.tag in ASIDE_TAGS and t.good < WRAPPER_SHARE * page_good))


def _confirm_boilerplate(containers: list[Totals], page_good: float) -> None:
    """Decide which boilerplate-named elements to trust, moving their prose to the bad side.

    An element whose prose sits mostly in content-named elements (``sidebar-grid`` around
    ``article__content``) is a layout wrapper. Otherwise, first trust every name. When that leaves no
    element with a fair share of the page's prose, a name has hidden the article (``content-with-sidebar``,
    WordPress's ``tag-news`` post classes): then trust only the names of elements that do not hold most
    of the prose. Reader comments and teaser cards (a linked title, a little prose, not most of the
    page's prose) are always trusted.
    """
    for totals in containers:
        if totals.teaser and totals.good < min(TEASER_MAX_PROSE, WRAPPER_SHARE * page_good):
            totals.hint = ALWAYS_BOILERPLATE
    _move(containers, lambda t: t.hint <= ALWAYS_BOILERPLATE or t.named_good <= 0.5 * t.good)
    if _best_outside_boilerplate(containers) < STRICT_MIN_SHARE * page_good:
        _move(containers, lambda t: t.hint <= ALWAYS_BOILERPLATE or (
            t.good < WRAPPER_SHARE * page_good and t.named_good <= 0.5 * t.good))


def _move(containers: list[Totals], trusted: Callable[[Totals], bool]) -> None:
    for totals in containers:  # post-order: children first
        totals.moved = 0.0
    last = containers[-1] if containers else None
    for totals in containers:
        # Comments and teasers never hold the page's h1: an element that does is the article's wrapper.
        if totals.hint < 0 and trusted(totals) and not (totals.titled and totals.hint <= ALWAYS_BOILERPLATE):
            totals.confirmed = True
            totals.moved = moved = totals.good
        else:
            totals.confirmed = False
            moved = totals.moved
        if moved and totals is not last and (parent := totals.parent) is not None:  # (adding 0.0 changes nothing)
            parent.moved += moved


def _best_outside_boilerplate(containers: list[Totals]) -> float:
    """The most prose (``effective_good``) of an element not in confirmed boilerplate, else 0.0. (The
    ``in_boilerplate`` walk inlined: this runs for every element of every reading.)"""
    best: float | None = None
    for totals in containers:
        above: Totals | None = totals
        while above is not None:
            if above.confirmed:
                break
            above = above.negative_at
        else:
            good = totals.good - totals.moved
            if best is None or good > best:
                best = good
    return 0.0 if best is None else best


def text_weight(text: str) -> int:
    """Length in characters, where a CJK character (a word of its own) counts as three."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * len(_CJK_RE.findall(text))


def is_teaser(segment: Segment) -> bool:
    """An excerpt cut off with an ellipsis next to its link: a teaser for another page."""
    return segment.link_chars > 0 and segment.text.endswith(ELLIPSIS)


def _score(segment: Segment, totals: Totals) -> None:
    """Add a segment's text to its block's totals: prose is good, links and stray fragments are bad."""
    if totals.caption:
        return
    text = segment.text
    length = text_weight(text)
    links = segment.link_chars * length // len(text)
    tag = totals.tag
    if tag == "h1":
        totals.titled = True  # the page's own title: what holds it is the article, not boilerplate
    elif (card := totals.own_card) is not None and links > 0.6 * length and length >= 10:
        card.teaser = True  # a linked title in a card: the card points to another page
    if tag in HEADING_TAGS:
        if links > 0.5 * length:
            totals.bad += length
        return
    if links > 0.5 * length or (links and text.endswith(ELLIPSIS)):
        totals.bad += length
    elif length >= 80 or (length >= 30 and text.endswith(SENTENCE_END)):
        totals.good += length - links
    else:
        totals.bad += 0.3 * length
        totals.short += length
