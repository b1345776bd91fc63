"""Main content: find the element that holds the article text, then read it as typed blocks."""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborNode

from .boilerplate import placeholder_rule
from .document import Document
from .record import BodyBlock
from .text import clean

BLOCK_TAGS = {"p": "paragraph", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
              "h6": "heading", "blockquote": "quote", "ul": "list", "ol": "list", "table": "table"}
_BLOCK_SELECTOR = ", ".join(BLOCK_TAGS)
# Never body text: captions go to images[], asides and figures hold no article prose.
SKIP_INSIDE = {"figure", "figcaption", "aside", "nav", "footer", "header"}


def find_main(doc: Document) -> LexborNode | None:
    """The container with the most paragraph text, penalising link-heavy candidates."""
    best: LexborNode | None = None
    best_score = 0.0
    for container in doc.tree.css("article, main, div, section, td"):
        score = 0.0
        for p in container.css("p"):
            if p.parent is None or p.parent.mem_id != container.mem_id:
                continue
            text = p.text(deep=True, strip=True)
            if len(text) < 25:
                continue
            links = sum(len(a.text(deep=True, strip=True)) for a in p.css("a"))
            score += len(text) * (1 - links / max(len(text), 1))
        if score > best_score:
            best, best_score = container, score
    return best


def _skipped(node: LexborNode, root: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.tag in SKIP_INSIDE:
            return True
        parent = parent.parent
    return False


def body_blocks(root: LexborNode, dropped: Counter[str], skip_texts: set[str] | None = None) -> list[BodyBlock]:
    """Typed blocks in page order; placeholders dropped and counted."""
    blocks: list[BodyBlock] = []
    skip = {clean(t) for t in (skip_texts or set())}
    for node in root.css(_BLOCK_SELECTOR):
        if _skipped(node, root):
            continue
        # A block nested in another block (p inside blockquote, list inside list) is read by its parent.
        if any(node.parent is not None and a.tag in BLOCK_TAGS for a in _ancestors(node, root)):
            continue
        if node.tag in ("ul", "ol"):
            text = "\n".join(clean(li.text(deep=True)) for li in node.css("li") if clean(li.text(deep=True)))
        else:
            text = clean(node.text(deep=True, separator=" "))
        if not text or text in skip:
            continue
        rule = placeholder_rule(text)
        if rule:
            dropped[rule] += 1
            continue
        blocks.append(BodyBlock(type=BLOCK_TAGS[node.tag], text=text))  # type: ignore[arg-type]
    return blocks


def _ancestors(node: LexborNode, root: LexborNode):
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        yield parent
        parent = parent.parent
