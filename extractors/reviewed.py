"""Hand-reviewed facts about a fixture page, checked against what the extractors give.

A fixture's expected JSON is the extractors' current output (``refresh`` rewrites it). The facts in
its meta are not: they were read off the page by a person, and stay put when the extractors change.

- ``reviewed``: facts the record must show (the test fails when one stops holding);
- ``known_errors``: facts the record does not show yet, each with ``why`` (the test is a strict xfail:
  it fails once the extractors get the fact right, so the note is updated rather than left stale).

Each fact is ``check: value``. Checks:

``article`` (bool: the page gives a record), ``headline``, ``description``, ``datePublished``,
``dateModified``, ``inLanguage``, ``isBasedOn`` (equal to the record's), ``description_start``,
``body_start``, ``body_end`` (the start / end of ``description`` / ``articleBody``), ``body_contains``
and ``body_excludes`` (lists of texts), ``authors`` (the names, in order), ``sourceOrganization`` (its
name, or null), ``keywords`` (the list), ``captions`` and ``credits`` (lists: each is some image's
caption / credit), ``no_caption_contains`` (texts no caption may contain), ``videos`` (how many).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Record = dict[str, Any] | None


def _field(name: str) -> Callable[[Record, Any], str | None]:
    def check(record: Record, expected: Any) -> str | None:
        got = record.get(name) if record else None
        return None if got == expected else f"{name} is {got!r}, expected {expected!r}"
    return check


def _text(name: str, how: str) -> Callable[[Record, Any], str | None]:
    def check(record: Record, expected: str) -> str | None:
        text = (record or {}).get(name) or ""
        ok = text.startswith(expected) if how == "start" else text.endswith(expected)
        return None if ok else f"{name} does not {how} with {expected!r} (it is {text[:60]!r}...{text[-60:]!r})"
    return check


def _article(record: Record, expected: bool) -> str | None:
    return None if (record is not None) == expected else f"page gives {'a record' if record else 'no record'}"


def _body_contains(record: Record, expected: list[str]) -> str | None:
    body = (record or {}).get("articleBody") or ""
    missing = [text for text in expected if text not in body]
    return f"articleBody lacks {missing}" if missing else None


def _body_excludes(record: Record, expected: list[str]) -> str | None:
    body = (record or {}).get("articleBody") or ""
    found = [text for text in expected if text in body]
    return f"articleBody holds {found}" if found else None


def _authors(record: Record, expected: list[str]) -> str | None:
    got = [author["name"] for author in (record or {}).get("authors") or []]
    return None if got == expected else f"authors are {got}, expected {expected}"


def _source(record: Record, expected: str | None) -> str | None:
    source = (record or {}).get("sourceOrganization")
    got = source["name"] if source else None
    return None if got == expected else f"sourceOrganization is {got!r}, expected {expected!r}"


def _image_values(key: str) -> Callable[[Record, list[str]], str | None]:
    def check(record: Record, expected: list[str]) -> str | None:
        got = [image[key] for image in (record or {}).get("images") or []]
        missing = [value for value in expected if value not in got]
        return f"no image has {key} {missing} (they have {got})" if missing else None
    return check


def _no_caption_contains(record: Record, expected: list[str]) -> str | None:
    captions = [image["caption"] or "" for image in (record or {}).get("images") or []]
    found = [text for text in expected for caption in captions if text in caption]
    return f"captions hold {found}" if found else None


def _videos(record: Record, expected: int) -> str | None:
    got = len((record or {}).get("videos") or [])
    return None if got == expected else f"{got} videos, expected {expected}"


CHECKS: dict[str, Callable[[Record, Any], str | None]] = {
    "article": _article,
    **{name: _field(name) for name in ("headline", "description", "datePublished", "dateModified", "inLanguage",
                                       "isBasedOn", "keywords")},
    "description_start": _text("description", "start"),
    "body_start": _text("articleBody", "start"),
    "body_end": _text("articleBody", "end"),
    "body_contains": _body_contains,
    "body_excludes": _body_excludes,
    "authors": _authors,
    "sourceOrganization": _source,
    "captions": _image_values("caption"),
    "credits": _image_values("credit"),
    "no_caption_contains": _no_caption_contains,
    "videos": _videos,
}


def failure(record: Record, check: str, expected: Any) -> str | None:
    """Why ``record`` does not show the fact ``check: expected``; ``None`` when it does."""
    if check not in CHECKS:
        raise KeyError(f"unknown check {check!r}; known: {', '.join(CHECKS)}")
    if check != "article" and record is None:
        return "page gives no record"
    return CHECKS[check](record, expected)
