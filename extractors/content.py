"""Main content: find the element that holds the article text, then read it as typed blocks.

The page is read once into text segments with per-element totals (:mod:`segments`). The main
container is the element whose subtree holds the most prose for the least boilerplate
(``good - BAD_WEIGHT * bad``), names like ``article-body`` counting in its favour. Its segments
become typed blocks; captions, boilerplate-named subtrees, link lists and widget lines are left
out and counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from .boilerplate import placeholder_rule, widget_rule
from .document import Document
from .record import BodyBlock
from .segments import CONTAINER_TAGS, HEADING_TAGS, SENTENCE_END, Reading, Segment, Totals, is_teaser, read, subreading
from .text import clean

# How much one character of boilerplate costs against one character of prose when picking the container.
BAD_WEIGHT = 1.0
POSITIVE_HINT_BONUS = 1.25
# An <article> with this much prose is a whole story, not a teaser.
FULL_ARTICLE_PROSE = 500
# Above this share of link text a block is a link list (menus, related articles), not prose.
MAX_LINK_DENSITY = 0.5
_PARAGRAPH_OWNERS = frozenset({"p", "li", "dd", "dt", "blockquote", "pre", "td", "th", *HEADING_TAGS})


def container_score(totals: Totals) -> float:
    score = totals.effective_good - BAD_WEIGHT * totals.effective_bad
    return score * POSITIVE_HINT_BONUS if totals.hint > 0 and score > 0 else score


def best_container(reading: Reading) -> Totals | None:
    best: Totals | None = None
    best_score = 0.0
    for totals in reading.containers:  # post-order: an inner element comes before its ancestors
        if totals.tag not in CONTAINER_TAGS or totals.effective_good <= 0 or totals.in_boilerplate:
            continue
        score = container_score(totals)
        if score > best_score:
            best, best_score = totals, score
    return best


def _with_split_parts(best: Totals, reading: Reading) -> Totals:
    """The parent instead, when the article is split into sibling parts of the same class (around ads)."""
    part = best
    while part.parent is not None and part.parent.effective_good == part.effective_good:
        part = part.parent  # climb wrappers that add no prose: the parts may be siblings further up
    parent = part.parent
    name = part.node.attributes.get("class")
    if parent is None or not name:
        return best
    for totals in reading.containers:
        if totals.parent is parent and totals is not part and totals.tag == part.tag and totals.effective_good > 0 \
                and totals.node.attributes.get("class") == name:
            return parent
    return best


def _titled_article(best: Totals, reading: Reading) -> Totals:
    """The article holding the h1, when the container holds several full articles (infinite scroll
    appends the next story below the first)."""
    articles = [t for t in reading.containers[best.first_container:best.index]
                if t.tag == "article" and t.effective_good >= FULL_ARTICLE_PROSE and not t.in_boilerplate]
    if len(articles) < 2:
        return best
    titled = [t for t in articles if t.titled]
    if len(titled) == 1:
        return titled[0]
    # Nested articles list inner ones after their parent (post-order): the page's own story is the
    # outermost of the first ones in page order.
    first = min(articles, key=lambda t: t.first_container)
    return first if not titled or first.titled else best


@dataclass(frozen=True, slots=True)
class MainReading:
    """The page's text reading and the container chosen in it: the body is read from this slice."""

    reading: Reading
    chosen: Totals

    @property
    def root(self) -> LexborNode:
        return self.chosen.node


def main_reading(doc: Document) -> MainReading | None:
    """The container with the most prose for the least boilerplate; ``None`` for a page with no prose."""
    body = doc.tree.body
    if body is None:
        return None
    reading = read(body)
    best = best_container(reading)
    if best is None:
        return None
    return MainReading(reading, _with_split_parts(_titled_article(best, reading), reading))


def find_main(doc: Document) -> LexborNode | None:
    """The main container's element (:func:`main_reading`)."""
    found = main_reading(doc)
    return found.root if found is not None else None


def _drop_rule(segment: Segment) -> str | None:
    ctx = segment.context
    if ctx.caption:
        return "caption"
    if segment.in_boilerplate:
        return "boilerplate_name"
    text = segment.text
    if segment.owner_tag == "h1":
        return "title"  # the headline field
    if segment.link_density > MAX_LINK_DENSITY:
        return "link_block"
    if is_teaser(segment):
        return "teaser"
    if len(text) <= 300:  # every placeholder and widget line is short
        rule = placeholder_rule(text) or widget_rule(text)
        if rule:
            return rule
    if segment.owner_tag not in _PARAGRAPH_OWNERS and len(text) < 40 and not text.endswith(SENTENCE_END):
        return "short_fragment"
    return None


# A paywall, newsletter or follow prompt brings its box along: the box's other lines (the offer's
# selling points, "※ terms apply" notes, "FAQ" links) are the same widget. The box is the largest
# element around the prompt with at most this much text, never the container itself.
PROMPT_RULES = frozenset({"paywall_prompt", "newsletter_prompt", "follow_prompt", "tip_prompt", "ui_command"})
MAX_PROMPT_BOX = 400


def _drop_prompt_boxes(reading: Reading, rules: list[str | None]) -> None:
    offset = reading.root.first_segment  # a subreading's segments are a slice of the page's
    for index, rule in enumerate(rules):
        if rule not in PROMPT_RULES:
            continue
        box = reading.segments[index].context
        if box is reading.root or box.good + box.bad > MAX_PROMPT_BOX or box.list_owner is not None:
            continue  # a prompt inside running text or a list item ("Sign up for X at $12"): only its own line goes
        while box.parent is not None and box.parent is not reading.root \
                and box.parent.good + box.parent.bad <= MAX_PROMPT_BOX:
            box = box.parent
        for inside in range(box.first_segment - offset, box.last_segment - offset):
            if rules[inside] is None:
                rules[inside] = "prompt_box"


def _block_type(segment: Segment) -> str:
    ctx = segment.context
    if segment.owner_tag in HEADING_TAGS:
        return "heading"
    if ctx.quote:
        return "quote"
    if ctx.list_owner is not None:
        return "list"
    if ctx.table is not None:
        return "table"
    return "paragraph"


def body_blocks(root: LexborNode, dropped: Counter[str], skip_texts: set[str] | None = None, *,
                reading: MainReading | None = None) -> list[BodyBlock]:
    """Typed blocks in page order; captions, boilerplate and placeholders dropped and counted.

    Pass ``reading`` when ``root`` is the container :func:`main_reading` chose: the page is then not read twice.
    """
    skip = {clean(t) for t in (skip_texts or set())}
    blocks: list[BodyBlock] = []
    group_key: object = None  # consecutive list items of one list (cells of one table) form one block
    if reading is not None and reading.chosen.node.mem_id == root.mem_id:
        segments_read = subreading(reading.reading, reading.chosen)
    else:
        segments_read = read(root)
    rules = [_drop_rule(segment) for segment in segments_read.segments]
    _drop_prompt_boxes(segments_read, rules)
    for segment, rule in zip(segments_read.segments, rules):
        if rule:
            dropped[rule] += 1
            continue
        text = clean(segment.text)
        if not text or text in skip:
            continue
        kind = _block_type(segment)
        owner = segment.context.list_owner if kind == "list" else segment.context.table if kind == "table" else None
        key = owner.mem_id if owner is not None else None  # (node wrappers are new objects on every access)
        if key is not None and key == group_key and blocks:
            blocks[-1].text += "\n" + text
            continue
        group_key = key
        blocks.append(BodyBlock(type=kind, text=text))  # type: ignore[arg-type]
    return blocks


_BIO_VERBS = (" is ", " was ", " ist ", " war ", " est ", " es ", " è ", " er ", " är ", " jest ", " là ")


def is_author_bio(block: BodyBlock, author_names: list[str]) -> bool:
    """A closing paragraph about one of the authors: it opens with the name and "is a ...", "ist ..."."""
    if block.type != "paragraph" or len(block.text) > 600:
        return False
    return any(block.text.startswith(name) and block.text[len(name):len(name) + 5].startswith(_BIO_VERBS)
               for name in author_names if name)
