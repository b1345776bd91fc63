"""Read a subtree the way a browser lays it out: as text segments, one per run of inline content.

One depth-first pass (an explicit stack, so deep pages cannot overflow Python's recursion) turns the
DOM into :class:`Segment` objects in reading order. Each segment belongs to the nearest block-level
element (its *owner*: ``p``, ``li``, ``h2``, a ``div`` holding bare text ...) and knows how much of
its text is link text and which contexts it sits in (a caption, a quote, a list, a table, a
boilerplate-named subtree). The same pass totals, for every block element, how much prose and how
much other text its subtree holds, so :mod:`content` picks the main container from those totals
without walking ancestors again.

Boilerplate names (``class="share-bar"``, ``<aside>``) are only trusted where they do not hold most
of the prose: wrappers such as ``<div class="content-with-sidebar">`` or WordPress's
``<article class="post tag-news">`` would otherwise hide the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from selectolax.lexbor import LexborNode

from .boilerplate import ALWAYS_BOILERPLATE, CAPTION_HINT_RE, HIDDEN_CLASS_RE, hint

INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr", "img", "picture", "source",
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


@dataclass(slots=True, eq=False)
class Totals:
    """Text a block element's subtree holds, in characters."""

    node: LexborNode
    tag: str
    depth: int
    hint: int
    parent: Totals | None = None
    outer_negative: Totals | None = None  # the next boilerplate-named element further up
    good: float = 0.0  # prose: sentences with few links
    bad: float = 0.0  # link lists, widget lines, stray fragments
    paragraphs: int = 0
    named_good: float = 0.0  # prose inside content-named elements (``article-body``) of this subtree
    moved: float = 0.0  # prose below that sits in confirmed boilerplate
    teaser: bool = False  # a card (list item, nested article) holding a linked title
    titled: bool = False  # holds an h1: the article's own title
    confirmed: bool = False  # named like boilerplate and not where most of the prose is

    @property
    def in_boilerplate(self) -> bool:
        """This element is, or sits inside, confirmed boilerplate."""
        totals: Totals | None = self
        while totals is not None:
            if totals.confirmed:
                return True
            totals = totals.outer_negative
        return False

    @property
    def effective_good(self) -> float:
        return self.good - self.moved

    @property
    def effective_bad(self) -> float:
        return self.bad + self.moved


@dataclass(slots=True, eq=False)
class Context:
    """What every segment below an element inherits."""

    owner: LexborNode
    owner_tag: str
    link: bool = False
    caption: bool = False  # inside a figure or a caption-named element
    quote: bool = False
    table: LexborNode | None = None
    list_owner: LexborNode | None = None  # the ul / ol / dl of a list item
    negative_at: Totals | None = None  # the innermost boilerplate-named element (or card) above
    card: Totals | None = None  # the innermost list item or nested article

    def copy(self) -> Context:
        return Context(self.owner, self.owner_tag, self.link, self.caption, self.quote, self.table,
                       self.list_owner, self.negative_at, self.card)


@dataclass(slots=True, eq=False)
class Segment:
    owner: LexborNode
    owner_tag: str
    context: Context
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0
    text: str = ""

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def in_boilerplate(self) -> bool:
        """Inside an element named like boilerplate that is not the page's main wrapper."""
        return self.context.negative_at is not None and self.context.negative_at.in_boilerplate


@dataclass(slots=True)
class Reading:
    segments: list[Segment]
    containers: list[Totals]  # post-order: every element before its ancestors; the root last

    @property
    def root(self) -> Totals:
        return self.containers[-1]


def _names(attrs: dict[str, str | None]) -> str:
    return " ".join(v for k in ("class", "id", "role", "itemprop") if (v := attrs.get(k)))


def read(root: LexborNode, *, use_hints: bool = True) -> Reading:
    """Segments of ``root``'s subtree in reading order, and the text totals of its block elements."""
    segments: list[Segment] = []
    containers: list[Totals] = []
    root_ctx = Context(owner=root, owner_tag=root.tag or "")
    root_totals = Totals(root, root.tag or "", 0, 0)
    block_totals: list[Totals] = [root_totals]
    owner_contexts: list[Context] = [root_ctx]
    current: Segment | None = None
    # Frames: (children, context, the element's totals when it is a block, else None).
    stack: list[tuple[Iterator[LexborNode], Context, Totals | None]] = [
        (root.iter(include_text=True), root_ctx, root_totals)]

    def close() -> None:
        nonlocal current
        if current is not None:
            text = " ".join("".join(current.parts).split())
            if text:
                current.text = text
                segments.append(current)
                _score(current, block_totals[-1])
            current = None

    while stack:
        children, ctx, totals = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if totals is not None:
                close()
                block_totals.pop()
                owner_contexts.pop()
                containers.append(totals)
                if totals.hint > 0:
                    totals.named_good = totals.good
                if block_totals:
                    parent = block_totals[-1]
                    parent.good += totals.good
                    parent.bad += totals.bad
                    parent.paragraphs += totals.paragraphs
                    parent.named_good += totals.named_good
                    parent.titled = parent.titled or totals.titled
            continue
        if child.is_text_node:
            value = child.text_content
            if value:
                if not value.isspace():
                    if current is None:
                        current = Segment(ctx.owner, ctx.owner_tag, owner_contexts[-1])
                    current.parts.append(value)
                    if ctx.link:
                        current.link_chars += len(value.strip())
                elif current is not None:
                    current.parts.append(" ")
            continue
        tag = child.tag
        if tag is None or tag[0] == "-" or tag in SKIP_TAGS:
            continue
        if tag == "br":
            if current is not None:
                current.parts.append("\n")
            continue
        node_hint = 0
        caption = tag in CAPTION_TAGS
        attrs = child.attributes
        if attrs and _hidden(attrs):
            continue
        if use_hints:
            names = _names(attrs) if attrs else ""
            if names:
                node_hint = hint(names)
                caption = caption or (node_hint <= 0 and CAPTION_HINT_RE.search(names) is not None)
            if node_hint == 0 and tag in ASIDE_TAGS:
                node_hint = -1
        sub = ctx
        if (tag == "a" and not ctx.link) or caption or tag == "blockquote" or tag == "table":
            sub = ctx.copy()
            sub.link = sub.link or tag == "a"
            sub.caption = sub.caption or caption
            sub.quote = sub.quote or tag == "blockquote"
            if tag == "table":
                sub.table = child
        if tag in INLINE_TAGS and node_hint >= 0 and not caption:
            stack.append((child.iter(include_text=True), sub, None))
            continue
        # A block element (or a named inline one): the open segment ends, the element owns the text below.
        close()
        sub = sub.copy() if sub is ctx else sub
        sub.owner, sub.owner_tag = child, tag
        if tag in LIST_ITEM_TAGS:
            sub.list_owner = child.parent
        elif tag in LIST_TAGS:
            sub.list_owner = None
        totals = Totals(child, tag, len(block_totals), node_hint, parent=block_totals[-1],
                        outer_negative=ctx.negative_at)
        if node_hint < 0 or tag in CARD_TAGS:
            sub.negative_at = totals  # a card joins the chain: it becomes boilerplate if it turns out a teaser
        if tag in CARD_TAGS:
            sub.card = totals
        block_totals.append(totals)
        owner_contexts.append(sub)
        stack.append((child.iter(include_text=True), sub, totals))
    close()
    _confirm_boilerplate(containers, root_totals.good)
    return Reading(segments, containers)


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
    best = max((t.effective_good for t in containers if not t.in_boilerplate), default=0.0)
    if best < STRICT_MIN_SHARE * page_good:
        _move(containers, lambda t: t.hint <= ALWAYS_BOILERPLATE or (
            t.good < WRAPPER_SHARE * page_good and t.named_good <= 0.5 * t.good))


def _move(containers: list[Totals], trusted: Callable[[Totals], bool]) -> None:
    for totals in containers:  # post-order: children first
        totals.moved = 0.0
    for totals in containers:
        # Comments and teasers never hold the page's h1: an element that does is the article's wrapper.
        totals.confirmed = totals.hint < 0 and trusted(totals) and not (totals.titled and totals.hint <= ALWAYS_BOILERPLATE)
        if totals.confirmed:
            totals.moved = totals.good
        if totals.parent is not None:
            totals.parent.moved += totals.moved


def _hidden(attrs: dict[str, str | None]) -> bool:
    """A ``hidden`` class or an inline ``display: none`` / ``visibility: hidden``: never shown, never body text.

    Not the ``hidden`` attribute: React streams server-rendered articles into ``<div hidden>`` and
    paywalls hide the text they reveal to subscribers with it (ABC.es).
    """
    classes = attrs.get("class")
    if classes and HIDDEN_CLASS_RE.search(classes):
        return True
    style = attrs.get("style")
    if not style or "none" not in style and "hidden" not in style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


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
    ctx = segment.context
    if ctx.caption:
        return
    length = text_weight(segment.text)
    links = segment.link_chars * length // len(segment.text)
    if segment.owner_tag == "h1":
        totals.titled = True  # the page's own title: what holds it is the article, not boilerplate
    elif ctx.card is not None and links > 0.6 * length and length >= 10:
        ctx.card.teaser = True  # a linked title in a card: the card points to another page
    if segment.owner_tag in HEADING_TAGS:
        if links > 0.5 * length:
            totals.bad += length
        return
    if links > 0.5 * length or is_teaser(segment):
        totals.bad += length
    elif length >= 80 or (length >= 30 and segment.text.endswith(SENTENCE_END)):
        totals.good += length - links
        totals.paragraphs += 1
    else:
        totals.bad += 0.3 * length
