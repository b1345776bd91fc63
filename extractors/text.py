"""Text normalisation shared by every field: NFC, whitespace, entity-free."""

from __future__ import annotations

import re
import unicodedata

_SPACE_RE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_NEWLINES_RE = re.compile(r"\s*\n\s*")


def clean(text: str | None) -> str:
    """NFC-normalised single-line text: zero-width characters gone, runs of space folded."""
    if not text:
        return ""
    if text.isascii():  # the common case: no accents to compose, no zero-width or exotic spaces
        return " ".join(text.split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH_RE.sub("", text)
    return _SPACE_RE.sub(" ", text.replace("\n", " ")).strip()


def clean_multiline(text: str | None) -> str:
    """Like :func:`clean` but keeps line breaks (one per line, no blank runs)."""
    if not text:
        return ""
    text = _ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFC", text))
    text = _SPACE_RE.sub(" ", text)
    return _NEWLINES_RE.sub("\n", text).strip()


def or_none(text: str | None) -> str | None:
    cleaned = clean(text)
    return cleaned or None


def folded(text: str) -> str:
    """Lower-case letters and digits only, accents removed: for comparing names ("Börsen-Zeitung")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalnum())
