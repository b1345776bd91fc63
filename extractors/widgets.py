"""Widgets found by their whole text, not their class: placeholders, comment counters, related lists,
footer licence lines. For sites whose class names are unknown (a profile turns it on: ``sweep_widgets``).
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborNode

from . import attribution, boilerplate
from .text import clean

WIDGET_MAX_CHARS = 200
NEVER_SWEPT = frozenset({"script", "style", "template", "noscript", "svg", "head", "h1"})
# A related list is never the part of the page that holds the article.
_ARTICLE_TEXT_CHARS = 2000


def sweep(body: LexborNode, dropped: Counter[str], *, footer_line: re.Pattern[str] | None,
          keep_selectors: tuple[str, ...]) -> None:
    """Drop placeholder widgets, comment counters, related lists and footer lines; count each.

    ``keep_selectors``: elements (the headline, the body) a related list's section never climbs over."""
    found: list[tuple[LexborNode, str]] = []
    _collect(body, found, footer_line)
    targets: list[LexborNode] = []
    for node, rule in found:
        dropped[rule] += 1
        if any(attribution.within(node, t) for t in targets):
            continue
        target = _related_section(node, keep_selectors) if rule == "related_heading" else node
        if rule == "related_heading":
            items = sum(1 for a in target.css("a") if clean(a.text(deep=True)))
            if items:
                dropped["related_items"] += items
        targets.append(target)
    for target in targets:
        target.decompose()


def _collect(body: LexborNode, found: list[tuple[LexborNode, str]], footer_line: re.Pattern[str] | None) -> None:
    """Outermost elements whose whole text breaks a widget rule, in page order (explicit stack: no
    recursion limit on deeply nested pages)."""
    short = _short_texts(body, WIDGET_MAX_CHARS * 2)
    stack = list(reversed(list(body.iter())))
    while stack:
        node = stack.pop()
        if node.tag in NEVER_SWEPT:
            continue
        text = short.get(node.mem_id)
        rule = _rule(clean(text), footer_line) if text is not None else None
        if rule:
            found.append((node, rule))
        else:
            stack.extend(reversed(list(node.iter())))


def _short_texts(root: LexborNode, limit: int) -> dict[int, str]:
    """``node.text(deep=True)`` of every element below ``root`` whose text is at most ``limit`` long, by
    mem_id, built bottom-up in one pass: asking each element on the way down costs the whole subtree
    each time (50,000 nested ``<span>`` took 30 s)."""
    texts: dict[int, str] = {}
    long_ids: set[int] = set()
    stack: list[tuple[LexborNode, bool]] = [(child, False) for child in root.iter()]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in node.iter())
            continue
        parts: list[str] = []
        size = 0
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                part = child.text(deep=False) or ""
            elif tag and tag[0] == "-":
                continue  # comments: not text
            else:
                if child.mem_id in long_ids:
                    size = limit + 1
                    break
                part = texts.get(child.mem_id, "")
            size += len(part)
            if size > limit:
                break
            parts.append(part)
        if size > limit:
            long_ids.add(node.mem_id)
        else:
            texts[node.mem_id] = "".join(parts)
    return texts


def _rule(text: str, footer_line: re.Pattern[str] | None) -> str | None:
    if not text or len(text) > WIDGET_MAX_CHARS:
        return None
    if footer_line is not None and footer_line.match(text):
        return "footer_licence"
    return boilerplate.placeholder_rule(text)


def _related_section(heading: LexborNode, keep_selectors: tuple[str, ...]) -> LexborNode:
    """The heading with its list: climb while the parent holds only links (and headings)."""
    section = heading
    for _ in range(4):
        parent = section.parent
        if parent is None or parent.tag in ("body", "html", "main") or _holds_article(parent, keep_selectors):
            break
        text = clean(parent.text(deep=True))
        rest = len(text) - len(clean(heading.text(deep=True)))
        links = sum(len(clean(a.text(deep=True))) for a in parent.css("a"))
        if rest > 0 and links < 0.7 * rest:
            break
        section = parent
    return section


def _holds_article(node: LexborNode, keep_selectors: tuple[str, ...]) -> bool:
    """The headline, the body or a lot of text below ``node``: never swept away as a related list."""
    return (any(node.css_first(selector) is not None for selector in keep_selectors)
            or len(clean(node.text(deep=True))) > _ARTICLE_TEXT_CHARS)
