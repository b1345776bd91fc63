"""Boilerplate removal rules, each counted by name so a record says what was dropped.

Two kinds of rule: whole elements pruned from the DOM before anything reads it (menus,
comment widgets, related-article lists), and placeholder lines dropped from text blocks
("No data", "No videos available", "Comment (0)").
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .text import clean

# Elements that never hold article text. Pruned before content scoring reads the tree.
NEVER_CONTENT = "script, style, noscript, template, iframe, svg, canvas, form, button, select, input, textarea, nav"

# Placeholder / widget text that must never reach a text field, by rule name.
PLACEHOLDER_LINES: dict[str, re.Pattern[str]] = {
    "no_data": re.compile(r"^(no data|không có dữ liệu|chưa có dữ liệu)\.?$", re.I),
    "empty_video": re.compile(r"^(no videos? available|không có video( nào)?|video không khả dụng)\.?$", re.I),
    "comment_count": re.compile(r"^(comments?|bình luận)\s*\(\d+\)$", re.I),
    "related_heading": re.compile(r"^(same (tag|category|author)|cùng (thẻ|chuyên mục|tác giả)|tin liên quan|related( articles| news)?|xem thêm|đọc thêm)$", re.I),
    "source_link": re.compile(r"^(source|nguồn)\s*:?$", re.I),
    "js_player": re.compile(r"^(this video can ?not be played|your browser does not support|please enable javascript)", re.I),
}


def placeholder_rule(text: str) -> str | None:
    """The rule a short text line breaks, or ``None`` if it may be content."""
    line = clean(text)
    if len(line) > 80:
        return None
    for rule, pattern in PLACEHOLDER_LINES.items():
        if pattern.search(line):
            return rule
    return None


def prune(tree: LexborHTMLParser | LexborNode, selector: str, rule: str, dropped: Counter[str]) -> int:
    """Remove every element matching ``selector``; count them under ``rule``."""
    nodes = tree.css(selector)
    for node in nodes:
        node.decompose()
    if nodes:
        dropped[rule] += len(nodes)
    return len(nodes)
