"""A bound on how deep block elements nest, applied to the HTML text before it is parsed.

An HTML parser checks, for each block start tag (``<div>``, ``<section>``, ``<ul>``...), whether a
``<p>`` is open "in button scope": a walk down the stack of open elements. Nested N deep, that is N²
steps: Lexbor took 9 s for 50,000 nested ``<div>`` and 138 s for 100,000. Browsers bound the depth
(Chrome's parser puts what is deeper than 512 beside the element at that depth); so does this, with
room to spare: block elements deeper than :data:`MAX_BLOCK_DEPTH` lose their tags (their content
stays, in the element above) and are counted. The depth is estimated from the tags alone (no
parse): the deepest real page of the benchmarks reaches 292 by this estimate.
"""

from __future__ import annotations

import re

MAX_BLOCK_DEPTH = 1024
# The start tags that make the parser walk its stack (HTML's "close a p element" rule), and their ends.
# (Factored by first letter, which halves the scan's cost: it runs on every page.)
_BLOCK_TAG_RE = re.compile(
    r"<(/?)(?:d(?:i(?:v|alog|r)|l|etails)|s(?:ection|earch|ummary)|a(?:rticle|side|ddress)|blockquote|center|"
    r"f(?:ieldset|igcaption|igure|ooter|orm|ont)|h(?:eader|group)|m(?:ain|enu)|nav|ol|ul|table)(?=[\s>/])",
    re.IGNORECASE)


def max_block_depth(html: str) -> int:
    depth = deepest = 0
    for closing in _BLOCK_TAG_RE.findall(html):
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten(html: str, limit: int = MAX_BLOCK_DEPTH) -> tuple[str, int]:
    """``html`` without the block tags nested deeper than ``limit`` (and their end tags); how many went.

    A page of fewer than ``4 * limit`` tags is not scanned (4% of the bench pages are): it nests at
    most that deep, a parse of ~60 ms at worst, and counting ``<`` costs a fifth of the scan."""
    if html.count("<") < 4 * limit or max_block_depth(html) <= limit:
        return html, 0
    parts: list[str] = []
    removed: list[bool] = []  # per open block: were its tags taken out?
    position = flattened = 0
    for match in _BLOCK_TAG_RE.finditer(html):
        if match.group(1):
            drop = removed.pop() if removed else False
        else:
            drop = len(removed) >= limit
            removed.append(drop)
            flattened += drop
        if drop:
            end = html.find(">", match.end())
            parts.append(html[position:match.start()])
            position = len(html) if end == -1 else end + 1
    parts.append(html[position:])
    return "".join(parts), flattened
