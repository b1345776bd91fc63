"""Deeply nested pages: extraction stays linear in the page's size (issue 10, item 2)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from extractors import extract, nesting
from extractors.document import Document
from extractors.widgets import _short_texts

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
LONG = ("Hội đồng thành phố đã thông qua ngân sách hôm thứ Ba sau một cuộc tranh luận dài về trường học, "
        "đường sá và bệnh viện mới. ") * 3
BOUND_SECONDS = 10.0  # generous: linear extraction takes well under 2 s on one contended core


def deep_page(tag: str, depth: int) -> str:
    return (f"<html><head><title>Ngân sách được thông qua</title></head><body><h1>Ngân sách được thông qua</h1>"
            f'<div class="post-detail-body"><p>{LONG}</p>{f"<{tag}>" * depth}sâu{f"</{tag}>" * depth}'
            f"<p>{LONG}</p></div></body></html>")


@pytest.mark.parametrize("tag", ["span", "div"])
@pytest.mark.parametrize("url", ["https://www.vietnam.vn/ngan-sach-duoc-thong-qua",
                                 "https://news.example.com/2026/01/budget-approved"])
def test_fifty_thousand_nested_elements_extract_quickly(tag: str, url: str) -> None:
    start = time.perf_counter()
    article = extract(deep_page(tag, 50_000), url, fetched_at=FETCHED_AT)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND_SECONDS, f"{elapsed:.1f} s"
    assert article is not None and article.headline == "Ngân sách được thông qua"
    assert [b.text for b in article.body][:1] == [LONG.strip()] and article.body[-1].text == LONG.strip()
    assert article.metadata.extractor.startswith("vietnam_vn" if "vietnam.vn" in url else "generic")
    if tag == "div":  # blocks deeper than the bound lose their tags, counted
        assert article.metadata.dropped["deep_nesting"] == 50_000 - nesting.MAX_BLOCK_DEPTH + 1


def test_a_hundred_thousand_nested_blocks_parse_quickly() -> None:
    start = time.perf_counter()
    doc = Document.parse(deep_page("div", 100_000), "https://news.example.com/a", FETCHED_AT)
    assert time.perf_counter() - start < BOUND_SECONDS
    assert doc.flattened == 100_000 - nesting.MAX_BLOCK_DEPTH + 1
    assert doc.tree.css_first(".post-detail-body") is not None and "sâu" in doc.tree.body.text()


def test_ordinary_nesting_is_left_alone() -> None:
    html = deep_page("div", 300)
    assert nesting.flatten(html) == (html, 0)
    assert Document.parse(html, "https://news.example.com/a", FETCHED_AT).flattened == 0


def test_flattening_keeps_the_text_and_the_outer_structure() -> None:
    flat, count = nesting.flatten("<div><div><section>a</section>b</div>c</div><p>d</p>", limit=1)
    assert (flat, count) == ("<div>abc</div><p>d</p>", 2)


def test_short_texts_are_the_elements_deep_texts() -> None:
    doc = Document.parse(f"<html><body><div id=a>x<!--c--><b>y<i>z</i></b><script>s</script></div>"
                         f"<div id=b>{'w' * 50}</div></body></html>", "https://news.example.com/a", FETCHED_AT)
    texts = _short_texts(doc.tree.body, 20)
    first, second = doc.tree.css_first("#a"), doc.tree.css_first("#b")
    assert texts[first.mem_id] == first.text(deep=True) == "xyzs"
    assert second.mem_id not in texts  # longer than the limit
