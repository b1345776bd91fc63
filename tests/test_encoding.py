"""Bytes in, the same record out: BOM, <meta charset>, UTF-8, never mojibake."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import UTC, datetime

import pytest

from extractors import extract
from extractors.encoding import decode_html, decode_html_with_utf8

FETCHED = datetime(2026, 11, 28, tzinfo=UTC)
BODY = ("Thủ tướng Chính phủ nhấn mạnh rằng ngành du lịch đường sông của Việt Nam đang phát triển mạnh mẽ, "
        "với hàng trăm nghìn lượt khách quốc tế mỗi năm và nhiều tuyến mới được mở trong năm nay. ")


def page(charset: str = "utf-8") -> str:
    return (f'<html lang="vi"><head><meta charset="{charset}"><title>Du lịch đường sông</title></head><body>'
            f"<article><h1>Du lịch đường sông khởi sắc</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")


def test_utf8_bytes_and_text_give_the_same_record():
    html = page()
    from_text = extract(html, "https://example.vn/a", fetched_at=FETCHED)
    from_bytes = extract(html.encode("utf-8"), "https://example.vn/a", fetched_at=FETCHED)
    assert from_text is not None and from_bytes is not None
    assert from_bytes.to_dict() == from_text.to_dict()
    assert from_bytes.headline == "Du lịch đường sông khởi sắc"


def test_valid_utf8_bytes_are_handed_on_as_they_are():
    data = page().encode("utf-8")
    text, raw = decode_html_with_utf8(data)
    assert raw is data and text == page()


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_a_bom_wins_over_the_meta_charset(bom, codec):
    data = bom + page(charset="windows-1252").encode(codec)
    text, raw = decode_html_with_utf8(data)
    assert "đường sông" in text and raw is None


def to_cp1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: a precomposed vowel (â, ơ ...) where the code page has one,
    the tone mark as a combining character after it."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            for mark in list(marks):  # fold in the mark the code page has a precomposed letter for (â, ơ)
                combined = unicodedata.normalize("NFC", base + mark)
                if len(combined) == 1 and combined.encode("cp1258", "ignore"):
                    base = combined
                    marks.remove(mark)
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def test_a_legacy_meta_charset_is_honoured():
    # Vietnamese in windows-1258 keeps its tone marks as combining characters: NFC puts them back together.
    data = to_cp1258(page(charset="windows-1258"))
    assert "ị".encode() not in data
    record = extract(data, "https://example.vn/b", fetched_at=FETCHED)
    assert record is not None
    assert record.headline == unicodedata.normalize("NFC", "Du lịch đường sông khởi sắc")
    assert "Ä" not in (record.articleBody or "")


def test_undecodable_bytes_fall_back_without_raising():
    text = decode_html(b"<p>caf\xe9 \xff</p>")
    assert text.startswith("<p>caf") and "\\x" not in text
