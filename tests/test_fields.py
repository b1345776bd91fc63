"""Field rules of issue 9 (classes 5-9): captions, authors, quotes, attribution, small fields.

Each rule is general (a word boundary, a language's byline words, a label's shape), shown here on small
pages written for the test; every test fails on the code before the rule.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from extractors.document import Document
from extractors.images import article_images, split_credit


def doc(head: str = "", body: str = "", url: str = "https://news.example.de/a/1", lang: str | None = None) -> Document:
    html_tag = f'<html lang="{lang}">' if lang else "<html>"
    return Document.parse(f"{html_tag}<head>{head}</head><body>{body}</body></html>", url,
                          datetime(2026, 1, 1, tzinfo=UTC))


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


# ----- captions (class 6) ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    # a label is a whole word: "ảnh" inside "cảnh", "Photo" inside "Photograph", "Bild" inside "Bildung"
    ("Toàn cảnh hội nghị. Ảnh: NHẬT BẮC", ("Toàn cảnh hội nghị.", "NHẬT BẮC")),
    ("The port at dawn. Photograph: Jane Roe", ("The port at dawn.", "Jane Roe")),
    ("Bildung ist teuer. Foto: dpa", ("Bildung ist teuer.", "dpa")),
    ("Demonstration in Teheran. Uncredited/AP/dpa", ("Demonstration in Teheran. Uncredited/AP/dpa", None)),
    ("Ein Mitglied bei einer Kundgebung. (Quelle: IMAGO/Mahmoud Issa)", ("Ein Mitglied bei einer Kundgebung.",
                                                                       "IMAGO/Mahmoud Issa")),
    ("Fans at the stadium © Getty Images", ("Fans at the stadium", "Getty Images")),
    ("A picture shows the mayor at the opening", ("A picture shows the mayor at the opening", None)),
])
def test_credit_labels_match_whole_words(text: str, parts: tuple[str | None, str | None]) -> None:
    assert split_credit(text) == parts


def _images(body: str) -> list[tuple[str, str | None]]:
    page = doc(body=body)
    root = page.tree.css_first("article") or page.tree.body
    return [(i.url.rsplit("/", 1)[-1], i.caption) for i in article_images(page, root)]


def test_the_headline_beside_the_lead_picture_is_no_caption() -> None:
    header = ('<article><div class="top"><img src="/lead.jpg"><h1>Minister opens the new bridge</h1></div>'
              '<p>Text of the article, long enough to be prose for sure, and a little more of it.</p></article>')
    assert _images(header) == [("lead.jpg", None)]
    # a caption some site sets in an <h1> of its own, below the headline, stays a caption
    body = ('<article><h1>Minister opens the new bridge</h1><p>Text of the article, long enough to be prose.</p>'
            '<div class="box"><div><img src="/b.jpg"></div><h1>The minister cuts the ribbon.</h1></div></article>')
    assert _images(body) == [("b.jpg", "The minister cuts the ribbon.")]
