"""Decode raw page bytes once, the way a browser would, and never hand on mojibake.

Order (WHATWG "determine the encoding"): a BOM; then the HTTP header's charset; then ``<meta charset>``
(or ``http-equiv``); then sniffing (UTF-8 if the bytes are valid UTF-8, else windows-1252). One
departure, as browsers' practice and the web's reality ask: a body that is valid UTF-8 and has
multi-byte sequences is UTF-8 whatever a header or ``<meta>`` claims (a server that says ``iso-8859-1``
over a UTF-8 page is the common lie; the reverse, legacy text that happens to be valid UTF-8, is all but
impossible for real prose). Such a correction is reported (``DecodedPage.warnings``).

:func:`repair_mojibake` mends text that was already garbled before it reached us (UTF-8 read as
windows-1252 and saved again: "Ä‘au", "bá»‡nh"), run by run, and says so.

:func:`binary_kind` tells a PDF, an image or an executable from a page, whatever the ``Content-Type``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_NON_ASCII_RE = re.compile(rb"[\x80-\xff]")
# Magic numbers of what is not a page; a NUL byte early on means binary too.
_MAGIC = ((b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "png"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
          (b"\xff\xd8\xff", "jpeg"), (b"RIFF", "riff"), (b"PK\x03\x04", "zip"), (b"\x7fELF", "elf"),
          (b"\x1f\x8b", "gzip"), (b"\x00\x00\x01\x00", "ico"), (b"wOFF", "woff"),
          (b"\xcf\xfa\xed\xfe", "mach-o"), (b"MZ", "exe"))
SNIFF_BYTES = 1024

# A run of characters that windows-1252 gives for UTF-8 multi-byte sequences: a lead byte (0xC2-0xF4)
# then continuation bytes (0x80-0xBF), as windows-1252 (or Latin-1, for the five bytes it leaves undefined)
# shows them.
_CONT = "".join(sorted({bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0)}))
_LEAD = "".join(sorted({bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0xC2, 0xF5)}))
_MOJIBAKE_RE = re.compile(f"(?:[{re.escape(_LEAD)}][{re.escape(_CONT)}]{{1,3}})+")


@dataclass(frozen=True, slots=True)
class DecodedPage:
    text: str
    encoding: str
    """The codec used (Python's name: ``utf-8``, ``cp1258`` ...)."""
    utf8: bytes | None = None
    """The input itself when it was valid UTF-8 without a BOM (a UTF-8 parser may take it as is)."""
    warnings: list[str] = field(default_factory=list)
    """``charset_mismatch:<declared>`` (the body was UTF-8), ``mojibake_repaired`` ..."""


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Return page text. ``declared`` is the HTTP header charset, if any; it loses to a BOM."""
    return decode_html_with_utf8(data, declared)[0]


def decode_html_with_utf8(data: bytes | str, declared: str | None = None) -> tuple[str, bytes | None]:
    """:func:`decode_html`, and ``data`` itself when it was valid UTF-8 without a BOM: exactly the bytes
    ``text.encode("utf-8")`` would give again, so a parser that reads UTF-8 can take them as they are."""
    if isinstance(data, str):
        return data, None
    page = decode_page(data, declared, repair=False)
    return page.text, page.utf8


def decode_page(data: bytes, declared: str | None = None, *, repair: bool = True) -> DecodedPage:
    """The page's text as a browser would show it (see the module doc), with what was corrected."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return DecodedPage(data[len(bom):].decode(name, errors="replace"), name)
    labels = [declared] if declared else []
    match = _META_CHARSET_RE.search(data[:4096])
    if match:
        labels.append(match.group(1).decode("ascii", "ignore"))
    warnings: list[str] = []
    utf8 = _utf8_text(data)
    for label in labels:
        codec = _codec(label)
        if codec is None:
            continue
        if codec == "utf-8":
            if utf8 is not None:
                return _finish(utf8, "utf-8", data, warnings, repair)
            continue  # claimed UTF-8 but is not: the next label, or sniffing, decides
        if utf8 is not None and _NON_ASCII_RE.search(data):
            warnings.append(f"charset_mismatch:{label.strip().lower()}")
            return _finish(utf8, "utf-8", data, warnings, repair)
        try:
            return _finish(data.decode(codec), codec, None, warnings, repair)
        except UnicodeDecodeError:
            continue
    if utf8 is not None:
        return _finish(utf8, "utf-8", data, warnings, repair)
    return _finish(data.decode("cp1252", errors="replace"), "cp1252", None, warnings, repair)


def _finish(text: str, codec: str, utf8: bytes | None, warnings: list[str], repair: bool) -> DecodedPage:
    if repair:
        mended = repair_mojibake(text)
        if mended != text:
            return DecodedPage(mended, codec, None, [*warnings, "mojibake_repaired"])
    return DecodedPage(text, codec, utf8, warnings)


def _utf8_text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _codec(label: str) -> str | None:
    name = label.strip().lower()
    # WHATWG: latin-1 and ASCII labels mean windows-1252 in practice.
    if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1", "l1"}:
        return "cp1252"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # WHATWG: a UTF-16 label without a BOM is UTF-8 (the bytes being read are ASCII-compatible).
    return "utf-8" if codec.startswith("utf-16") else codec


def _as_cp1252_bytes(text: str) -> bytes | None:
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))  # the five bytes windows-1252 leaves undefined show as themselves
    return bytes(out)


def repair_mojibake(text: str) -> str:
    """``text`` with every run of UTF-8-read-as-windows-1252 ("Ä‘", "á»‡", "Ã©") decoded back; other text
    untouched. A run is mended only when its bytes are valid UTF-8, so real "Ã" or "á" in prose stay."""
    if not _MOJIBAKE_RE.search(text):
        return text

    def mend(match: re.Match[str]) -> str:
        raw = _as_cp1252_bytes(match.group(0))
        if raw is None:
            return match.group(0)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return match.group(0)

    return _MOJIBAKE_RE.sub(mend, text)


def has_mojibake(text: str) -> bool:
    """Whether ``text`` still shows UTF-8 read as windows-1252 (what :func:`repair_mojibake` would mend)."""
    return repair_mojibake(text) != text


def binary_kind(data: bytes) -> str | None:
    """``pdf``, ``png``, ``elf`` ... when ``data`` is not a text page whatever it was served as; ``None`` for text."""
    head = data[:SNIFF_BYTES].lstrip(b"\t\n\r ")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary"
    return None
