"""Images with caption, credit and alt; lazy-loading attributes resolved, placeholders skipped."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from .record import Image
from .text import clean, or_none

_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-url", "src")
# "(Nguồn: Reuters)", "(Source: Reuters)", "Ảnh: HOÀI NHÂN", "Photo: AP", "Foto: dpa" ...
_CREDIT_RE = re.compile(
    r"""\s*[\(\[]?\s*(?:ảnh|nguồn|source|photo|photos|foto|fotos|image|picture|credit|bild|video)\s*:\s*
        (?P<credit>[^()\[\]]+?)\s*[\)\]]?\s*\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def split_credit(caption: str | None) -> tuple[str | None, str | None]:
    """``"Port at dawn. (Source: Reuters)"`` -> ``("Port at dawn.", "Reuters")``."""
    text = clean(caption)
    if not text:
        return None, None
    match = _CREDIT_RE.search(text)
    if not match:
        return text, None
    return (or_none(text[: match.start()]), or_none(match.group("credit")))


def image_url(img: LexborNode, base_url: str) -> str | None:
    for attr in _LAZY_ATTRS:
        value = img.attributes.get(attr)
        if value and not value.startswith("data:"):
            return urljoin(base_url, value.strip())
    srcset = img.attributes.get("data-srcset") or img.attributes.get("srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first and not first.startswith("data:"):
            return urljoin(base_url, first)
    return None


def _caption_for(img: LexborNode) -> str | None:
    node = img.parent
    while node is not None and node.tag not in ("figure", "body"):
        node = node.parent
    if node is not None and node.tag == "figure":
        cap = node.css_first("figcaption")
        if cap is not None:
            return cap.text(deep=True, separator=" ")
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def extract_images(root: LexborNode, base_url: str) -> list[Image]:
    found: list[Image] = []
    for img in root.css("img"):
        url = image_url(img, base_url)
        if not url:
            continue
        caption, credit = split_credit(_caption_for(img))
        found.append(Image(url=url, caption=caption, credit=credit, alt=or_none(img.attributes.get("alt")),
                           width=_int(img.attributes.get("width")), height=_int(img.attributes.get("height"))))
    return found


def dedupe(found: list[Image]) -> list[Image]:
    seen: set[str] = set()
    unique = []
    for image in found:
        if image.url not in seen:
            seen.add(image.url)
            unique.append(image)
    return unique
