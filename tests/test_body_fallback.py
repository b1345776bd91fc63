"""The second reading (extractors/fallback.py): names that hid the article are ignored when the first
reading is weak, and only then."""

from __future__ import annotations

from datetime import UTC, datetime

from extractors.document import Document
from extractors.page import ArticlePage

SENTENCE = ("The new release changes how drafts move between people, and this section explains the steps one by "
            "one with the commands and what each of them prints on the screen.")


def article_of(body: str):
    html = f"<html><head><title>Guide</title></head><body>{body}</body></html>"
    found = ArticlePage(Document.parse(html, "https://docs.example.org/guide.html",
                                       datetime(2026, 1, 1, tzinfo=UTC))).to_article()
    assert found is not None
    return found


def test_section_ids_made_from_headings_do_not_hide_a_documentation_page() -> None:
    """Section ids are slugs of their headings; "sharing..." and "share..." read as share bars."""
    sections = "".join(f'<div class="section" id="{slug}"><h2>{slug}</h2>' + f"<p>{SENTENCE}</p>" * 4 + "</div>"
                       for slug in ("sharing-with-a-single-developer", "sharing-with-multiple-developers",
                                    "example-amend-a-shared-changeset", "social-coding-at-scale"))
    found = article_of(f'<div class="content"><h1>Guide</h1><div class="section" id="intro"><p>{SENTENCE}</p></div>'
                       f"{sections}</div>")
    assert found.articleBody is not None and found.articleBody.count(SENTENCE) == 17


def test_a_page_whose_first_reading_holds_most_of_the_prose_keeps_its_share_bar_out() -> None:
    """Not weak: the names are trusted, the share box's prose stays out."""
    share = "Share this guide with your friends and colleagues on every network you use, it helps us a lot."
    found = article_of(f"<article><h1>Guide</h1>{f'<p>{SENTENCE}</p>' * 6}</article>"
                       f'<div class="share-box"><p>{share}</p></div>')
    assert found.articleBody is not None and share not in found.articleBody


def test_text_laid_out_with_breaks_in_a_layout_table_gives_paragraphs() -> None:
    """An older page: the story is a <font> run in a layout <td>, paragraphs split by <br><br>, with an
    ad label and the copyright notice as lines of the same run."""
    story = "<br><br>".join(f"{SENTENCE} ({i})" for i in range(5))
    found = article_of(f'<table><tr><td width="150"><a href="/">Home</a><br><a href="/news">News</a></td>'
                       f'<td><font face="Arial" size="2"><b>Guide</b><br><br>{story}<br><br>Advertisement<br><br>'
                       "Copyright 2003 Example Times. All rights reserved.</font></td></tr></table>")
    paragraphs = [block for block in found.body if SENTENCE in block.text]
    assert len(paragraphs) == 5 and {block.type for block in paragraphs} == {"paragraph"}
    assert "Advertisement" not in (found.articleBody or "") and "Copyright" not in (found.articleBody or "")
    assert found.metadata.dropped["advertisement"] == 1 and found.metadata.dropped["copyright"] == 1


def test_a_page_of_short_lines_is_read_by_the_short_lines_reading() -> None:
    """A poem in one-line <div>s: no line is "prose", so the first reading finds no container."""
    lines = [f"Line {i} of the river song that the village sings at night" for i in range(24)]
    found = article_of('<div class="nav"><a href="/">Home</a> <a href="/poems">Poems</a></div><div class="poem">'
                       + "".join(f"<div>{line}</div>" for line in lines) + "</div>")
    assert found.articleBody is not None and all(line in found.articleBody for line in lines)


def test_short_lines_under_teaser_titles_stay_a_listing() -> None:
    from extractors import extract_page

    cards = "".join(f'<div class="item"><h3><a href="/p/{i}.html">Poem number {i} of the autumn collection</a></h3>'
                    f"<div>By a reader from the north</div><div>Read it in two minutes</div></div>" for i in range(12))
    html = f"<html><head><title>Poems</title></head><body><div class=\"list\">{cards}</div></body></html>"
    assert extract_page(html, "https://docs.example.org/poems/").reason == "listing"
