"""Decode raw page bytes once, the way a browser would (BOM, then <meta charset>, then UTF-8)."""

from __future__ import annotations

import codecs
import re

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Return page text. ``declared`` is the HTTP header charset, if any; it loses to a BOM."""
    return decode_html_with_utf8(data, declared)[0]


def decode_html_with_utf8(data: bytes | str, declared: str | None = None) -> tuple[str, bytes | None]:
    """:func:`decode_html`, and ``data`` itself when it was valid UTF-8 without a BOM: exactly the bytes
    ``text.encode("utf-8")`` would give again, so a parser that reads UTF-8 can take them as they are."""
    if isinstance(data, str):
        return data, None
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(name, errors="replace"), None
    candidates = [declared] if declared else []
    match = _META_CHARSET_RE.search(data[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in [*candidates, "utf-8"]:
        codec = _normalise_name(name)
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
        return text, data if codecs.lookup(codec).name == "utf-8" else None
    return data.decode("cp1252", errors="replace"), None


def _normalise_name(name: str) -> str:
    name = name.strip().lower()
    # WHATWG: latin-1 labels mean windows-1252 in practice.
    return "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else name
