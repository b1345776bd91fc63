"""Hostile input to ``extract()``: random markup, bytes and URLs never raise and never take more than 2 s.

Bounded for CI (a few hundred examples, no database); run more with ``HYPOTHESIS_EXAMPLES=5000``.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract_page

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "300"))
BUDGET_SECONDS = 2.0
FETCHED = datetime(2026, 11, 28, tzinfo=UTC)
TAGS = ["html", "head", "body", "article", "main", "div", "p", "span", "h1", "h2", "a", "img", "figure",
        "figcaption", "time", "script", "style", "meta", "title", "ul", "li", "table", "tr", "td", "blockquote",
        "section", "header", "footer", "nav", "aside", "br", "iframe", "video", "svg", "template", "noscript"]
ATTRS = ["class", "id", "href", "src", "data-src", "srcset", "content", "property", "name", "itemprop",
         "datetime", "lang", "charset", "rel", "type", "http-equiv"]
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80) | st.sampled_from(
    ["Đau bụng kéo dài", "Hà Nội", "Theo Báo Quốc Tế", "Ảnh: TTXVN", "(Nguồn: VnExpress)", "21/11/2026 08:00",
     "&amp;", "&#7899;", "&nbsp;", "<!--", "]]>", "\x00", "\ufeff", '{"@context": "https://schema.org"}'])


@st.composite
def markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            parts.append(draw(TEXT))
            continue
        tag = draw(st.sampled_from(TAGS))
        attrs = "".join(f' {name}="{draw(TEXT).replace(chr(34), "")}"'
                        for name in draw(st.lists(st.sampled_from(ATTRS), max_size=3)))
        inner = draw(markup(depth + 1))
        closed = draw(st.sampled_from(["</" + tag + ">", "", "</div>"]))
        parts.append(f"<{tag}{attrs}>{inner}{closed}")
    return "".join(parts)


PAGES = markup() | st.binary(max_size=2000) | st.builds(
    lambda head, body: f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", markup(), markup())
URLS = st.sampled_from(["https://www.vietnam.vn/en/some-slug", "https://vnexpress.net/a-4954454.html",
                        "https://vtv.vn/x.htm", "https://example.com/news/1", "http://127.0.0.1:8765/bai-viet"])


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(page=PAGES, url=URLS)
def test_extract_never_raises_and_returns_in_time(page, url):
    started = time.monotonic()
    extraction = extract_page(page, url, fetched_at=FETCHED)
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_SECONDS, f"{elapsed:.2f} s on a {len(page)}-character page"
    assert (extraction.article is None) == (extraction.reason is not None)
    if extraction.article is not None:
        record = extraction.article.to_dict()
        assert record["url"] == url
