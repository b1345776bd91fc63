"""Text normalisation shared by every field: NFC, whitespace, entity-free."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Anything the two substitutions below would change (a zero-width character, a line break, an exotic space,
# two spaces in a row): most non-ASCII text has none, and one search is cheaper than both substitutions.
_NEEDS_FOLDING_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\n\t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]|  ")


def clean(text: str | None) -> str:
    """NFC-normalised single-line text: zero-width characters gone, runs of space folded."""
    if not text:
        return ""
    if text.isascii():  # the common case: no accents to compose, no zero-width or exotic spaces
        return " ".join(text.split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # Every character that search looks for is unprintable (str.isprintable): a printable text without two
    # spaces in a row has none of them, and those two scans are several times cheaper than the search.
    if (text.isprintable() and "  " not in text) or _NEEDS_FOLDING_RE.search(text) is None:
        return text.strip()
    text = _ZERO_WIDTH_RE.sub("", text)
    return _SPACE_RE.sub(" ", text.replace("\n", " ")).strip()


def or_none(text: str | None) -> str | None:
    cleaned = clean(text)
    return cleaned or None


def folded(text: str) -> str:
    """Lower-case letters and digits only, accents removed: for comparing names ("Börsen-Zeitung")."""
    return "".join(filter(str.isalnum, unicodedata.normalize("NFKD", text.casefold())))
