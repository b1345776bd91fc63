"""Quoted speech in the body, with the speaker when the sentence names one."""

from __future__ import annotations

import re

from .record import BodyBlock, Quote
from .text import clean

_QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]{12,}?)[\"”»]")


def find_quotes(blocks: list[BodyBlock], lang: str | None) -> list[Quote]:
    quotes: list[Quote] = []
    for index, block in enumerate(blocks):
        if block.type == "quote":
            quotes.append(Quote(text=block.text, kind="blockquote", paragraphIndex=index))
            continue
        for match in _QUOTED_RE.finditer(block.text):
            text = clean(match.group(1))
            if len(text.split()) >= 4:
                quotes.append(Quote(text=text, kind="inline", paragraphIndex=index))
    return quotes
