"""Captions a profile points at: the caption element of each image, and the credit in it."""

from __future__ import annotations

import dataclasses
import re

from selectolax.lexbor import LexborNode

from . import images
from .record import Image
from .text import clean, or_none


def captioned(root: LexborNode, found: list[Image], base_url: str, selector: str,
                     credit_pattern: re.Pattern[str] | None) -> tuple[list[Image], bool]:
    """The images with the caption of the profile's caption element in their nearest container (up to three
    levels up, holding no other image); and whether any caption element was found."""
    by_url: dict[str, tuple[str | None, str | None]] = {}
    for img in root.css("img"):
        url = images.image_url(img, base_url)
        if not url or url in by_url:
            continue
        container = img.parent
        for _ in range(3):
            if container is None or container.mem_id == root.mem_id:
                break
            caption = container.css_first(selector)
            if caption is not None:
                if len(container.css("img")) == 1:
                    by_url[url] = _split_caption(clean(caption.text(deep=True, separator=" ")), credit_pattern)
                break
            container = container.parent
    if not by_url:
        return found, bool(root.css_first(selector))
    return [dataclasses.replace(image, caption=by_url[image.url][0], credit=by_url[image.url][1])
            if image.url in by_url else image for image in found], True


def _split_caption(text: str, credit_pattern: re.Pattern[str] | None) -> tuple[str | None, str | None]:
    if credit_pattern is None:
        return images.split_credit(text or None)
    match = credit_pattern.search(text)
    if match is None:
        return or_none(text), None
    return or_none(text[:match.start()] + text[match.end():]), or_none(match.group("credit"))
