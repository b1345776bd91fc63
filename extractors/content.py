"""Main content: find the element that holds the article text, then read it as typed blocks.

The page is read once into text segments with per-element totals (:mod:`segments`). The main
container is the element whose subtree holds the most prose for the least boilerplate
(``good - BAD_WEIGHT * bad``), names like ``article-body`` counting in its favour. Its segments
become typed blocks; captions, boilerplate-named subtrees, link lists and widget lines are left
out and counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from . import fallback
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


def _choose(reading: Reading) -> Totals | None:
    best = best_container(reading)
    return None if best is None else _with_split_parts(_titled_article(best, reading), reading)


@dataclass(frozen=True, slots=True)
class MainReading:
    """What :func:`find_main` hands to :func:`body_blocks`: the page's reading, the chosen container and how
    the container is read (the fallback stages' modes: names ignored, short lines kept)."""

    reading: Reading
    chosen: Totals
    trust_names: bool = True
    keep_short: bool = False

    @property
    def root(self) -> LexborNode:
        return self.chosen.node


def main_reading(doc: Document) -> MainReading | None:
    """The container with the most prose for the least boilerplate; ``None`` for a page with no prose.

    When that first reading is weak, the fallback stages (:mod:`fallback`) may replace it: the names-off
    reading, then the short-lines reading."""
    body = doc.tree.body
    if body is None:
        return None
    reading = read(body)
    best = _choose(reading)
    found = MainReading(reading, best) if best is not None else None
    second = fallback.second_reading(reading, best, _choose, lambda chosen, trust: _body_chars(reading, chosen, trust))
    if second is not None:
        found = MainReading(reading, second, trust_names=False)
    chars = (lambda chosen, keep_short: _body_chars(reading, chosen, found is None or found.trust_names, keep_short))
    short = fallback.short_lines_reading(reading, found.chosen if found else None, _choose_short_lines, chars)
    if short is not None:
        found = MainReading(reading, short, trust_names=found is None or found.trust_names, keep_short=True)
    return found


def find_main(doc: Document) -> LexborNode | None:
    """The main container's element (:func:`main_reading`)."""
    found = main_reading(doc)
    return found.root if found is not None else None


def _choose_short_lines(reading: Reading) -> Totals | None:
    """The container with the most text in prose and short lines for the least link text."""
    best: Totals | None = None
    best_score = 0.0
    for totals in reading.containers:
        if totals.tag not in CONTAINER_TAGS or totals.in_boilerplate:
            continue
        links = totals.bad - 0.3 * totals.short
        score = totals.effective_good + totals.short - BAD_WEIGHT * links
        if score > best_score:
            best, best_score = totals, score
    return best


def _body_chars(reading: Reading, chosen: Totals, trust_names: bool, keep_short: bool = False) -> int:
    """Characters of body text the chosen container gives (the comparison of two readings)."""
    sub = subreading(reading, chosen, trust_names=trust_names)
    rules = [_drop_rule(segment, keep_short) for segment in sub.segments]
    _drop_prompt_boxes(sub, rules)
    return sum(len(segment.text) for segment, rule in zip(sub.segments, rules) if rule is None)


# A paragraph that is one linked sentence of the story ("<p><a>The suspect was convicted last Thursday.</a></p>")
# is text, not a link list: a full sentence, several words, in a paragraph of its own.
LINKED_SENTENCE_CHARS = 60
LINKED_SENTENCE_WORDS = 8


def _linked_sentence(segment: Segment) -> bool:
    text = segment.text
    return (segment.owner_tag == "p" and len(text) >= LINKED_SENTENCE_CHARS and text[-1] in ".!?"
            and segment.context.list_owner is None and text.count(" ") + 1 >= LINKED_SENTENCE_WORDS)


def _drop_rule(segment: Segment, keep_short: bool = False) -> str | None:
    ctx = segment.context
    if ctx.caption:
        return "caption"
    if segment.in_boilerplate:
        return "boilerplate_name"
    text = segment.text
    if segment.owner_tag == "h1":
        return "title"  # the headline field
    if segment.link_density > MAX_LINK_DENSITY and not _linked_sentence(segment):
        return "link_block"
    if is_teaser(segment):
        return "teaser"
    if len(text) <= 300:  # every placeholder and widget line is short
        rule = placeholder_rule(text) or widget_rule(text)
        if rule:
            return rule
    if not keep_short and segment.owner_tag not in _PARAGRAPH_OWNERS and len(text) < 40 \
            and not text.endswith(SENTENCE_END):
        return "short_fragment"
    return None


# A paywall, newsletter or follow prompt brings its box along: the box's other lines (the offer's
# selling points, "※ terms apply" notes, "FAQ" links) are the same widget. The box is the largest
# element around the prompt with at most this much text, never the container itself.
PROMPT_RULES = frozenset({"paywall_prompt", "newsletter_prompt", "follow_prompt", "tip_prompt", "ui_command",
                          "print_promo", "subscription_offer", "support_prompt",
                          "trial_offer"})
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

    Pass ``reading`` when ``root`` is the container :func:`main_reading` chose: the page is then not read
    twice, and the container is read as the reading chose it (names trusted or not, short lines kept or not).
    """
    skip = {clean(t) for t in (skip_texts or set())}
    blocks: list[BodyBlock] = []
    group_key: object = None  # consecutive list items of one list (cells of one table) form one block
    keep_short = False
    if reading is not None and reading.chosen.node.mem_id == root.mem_id:
        segments_read = subreading(reading.reading, reading.chosen, trust_names=reading.trust_names)
        keep_short = reading.keep_short
    else:
        segments_read = read(root)
    rules = [_drop_rule(segment, keep_short) for segment in segments_read.segments]
    _drop_prompt_boxes(segments_read, rules)
    layout_table = segments_read.root.table  # a table around the container itself lays out the page: no table
    layout_id = layout_table.mem_id if layout_table is not None else None
    for segment, rule in zip(segments_read.segments, rules):
        if rule:
            dropped[rule] += 1
            continue
        kind = _block_type(segment)
        if kind == "table" and layout_id is not None and segment.context.table.mem_id == layout_id:
            kind = "paragraph"
        owner = segment.context.list_owner if kind == "list" else segment.context.table if kind == "table" else None
        key = owner.mem_id if owner is not None else None  # (node wrappers are new objects on every access)
        for piece in (_line_paragraphs(segment.lines, dropped) if segment.lines else (segment.text,)):
            text = clean(piece)
            if not text or text in skip:
                continue
            if key is not None and key == group_key and blocks:
                blocks[-1].text += "\n" + text
                continue
            group_key = key
            blocks.append(BodyBlock(type=kind, text=text))  # type: ignore[arg-type]
    # The site's or agency's copyright notice closing the text; not on a page with little else, whose
    # record should not hang on its notice (pagetype needs MIN_BODY_CHARS of body).
    while len(blocks) > 1 and is_copyright_line(blocks[-1].text) \
            and sum(len(block.text) for block in blocks[:-1]) >= fallback.MIN_BODY_CHARS:
        blocks.pop()
        dropped["copyright"] += 1
    return blocks


def _line_paragraphs(lines: list[str], dropped: Counter[str]) -> list[str]:
    """The paragraphs of text laid out with ``<br>``: the runs of lines between empty lines (two breaks in a
    row). Widget and placeholder lines are dropped and counted (not a date alone on its line: in such text
    it is the event's or the letter's, not the page's dateline)."""
    paragraphs: list[str] = []
    run: list[str] = []
    for line in lines:
        rule = (placeholder_rule(line) or widget_rule(line)) if line and len(line) <= 300 else None
        if rule and rule != "dateline":
            dropped[rule] += 1
        elif line:
            run.append(line)
        elif run:
            paragraphs.append(" ".join(run))
            run = []
    if run:
        paragraphs.append(" ".join(run))
    return paragraphs


_COPYRIGHT_RE = re.compile(
    r"^(©|\(c\)|copyright\b|bản quyền)|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati|bản quyền thuộc", re.IGNORECASE)
MAX_COPYRIGHT_LINE = 200


def is_copyright_line(text: str) -> bool:
    """A short copyright notice ("© 2019 Associated Press. All rights reserved.")."""
    return len(text) <= MAX_COPYRIGHT_LINE and _COPYRIGHT_RE.search(text) is not None


_BIO_VERBS = (" is ", " was ", " ist ", " war ", " est ", " es ", " è ", " er ", " är ", " jest ", " là ")


def is_author_bio(block: BodyBlock, author_names: list[str]) -> bool:
    """A closing paragraph about one of the authors: it opens with the name and "is a ...", "ist ..."."""
    if block.type != "paragraph" or len(block.text) > 600:
        return False
    return any(block.text.startswith(name) and block.text[len(name):len(name) + 5].startswith(_BIO_VERBS)
               for name in author_names if name)
