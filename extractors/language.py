"""The record's language: URL prefix, then ``<html lang>`` / meta, then JSON-LD."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .document import Document
from .metadata import article_ld

_PATH_LANG_RE = re.compile(r"^/([a-z]{2})(?:/|$)")
_CODE_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
_VIETNAMESE_MARKS_RE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
URL_LANGS = frozenset({"en", "vi", "ko", "zh", "ja", "fr", "de", "es", "ru", "lo", "km", "th"})


def _code(value: str | None) -> str | None:
    match = _CODE_RE.match((value or "").strip())
    return match.group(1).lower() if match else None


def detect(doc: Document, text: str) -> tuple[str | None, str | None]:
    path_match = _PATH_LANG_RE.match(urlsplit(doc.url).path)
    if path_match and path_match.group(1) in URL_LANGS:
        return path_match.group(1), "url"
    ld_language = article_ld(doc).get("inLanguage")
    for source, value in (("html-lang", doc.html_lang),
                          ("meta", doc.meta_first("og:locale", "content-language", "language", "dc.language")),
                          ("json-ld", ld_language if isinstance(ld_language, str) else None)):
        code = _code(value)
        if code:
            return code, source
    if text and len(_VIETNAMESE_MARKS_RE.findall(text)) > len(text) / 50:
        return "vi", "text"
    return None, None
