"""The generic main-content extraction on small pages built for one rule each."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from extractors.document import Document
from extractors.page import ArticlePage

LONG = ("The council approved the new budget on Tuesday after a long debate about schools, roads and the "
        "harbour, and the mayor said the vote settled a question that had divided the city for years and "
        "would now let work start before the summer.")


def page(body: str, head: str = "<title>Budget approved</title>") -> ArticlePage:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return ArticlePage(Document.parse(html, "https://news.example.com/a/1", datetime(2026, 1, 1, tzinfo=UTC)))


def body_of(body: str) -> list[tuple[str, str]]:
    article = page(body).to_article()
    assert article is not None
    return [(block.type, block.text) for block in article.body]


def test_blocks_are_typed_in_page_order() -> None:
    blocks = body_of(f"""<article><h1>Budget approved</h1><p>{LONG}</p><h2>What changes</h2>
        <ul><li>More teachers in every school</li><li>Repairs for the harbour road</li></ul>
        <blockquote><p>It is a fair budget for everyone in this city.</p></blockquote><p>{LONG}</p></article>""")
    assert blocks == [("paragraph", LONG), ("heading", "What changes"),
                      ("list", "More teachers in every school\nRepairs for the harbour road"),
                      ("quote", "It is a fair budget for everyone in this city."), ("paragraph", LONG)]


def test_captions_share_bars_and_related_boxes_stay_out() -> None:
    blocks = body_of(f"""<div class="share-bar"><span>Share this article on Facebook today</span></div>
        <article><p>{LONG}</p><figure><img src="/a.jpg"><figcaption>The harbour at dawn. Photo: AP</figcaption></figure>
        <p>{LONG}</p><div class="related-articles"><p>{LONG.replace('council', 'committee')}</p></div></article>""")
    texts = " ".join(text for _, text in blocks)
    assert "harbour at dawn" not in texts and "Share this" not in texts and "committee" not in texts
    assert len(blocks) == 2


def test_the_container_with_the_prose_wins_over_a_link_list() -> None:
    menu = "".join(f'<li><a href="/s/{i}">Section number {i} of the site</a></li>' for i in range(30))
    blocks = body_of(f'<div id="menu"><ul>{menu}</ul></div><div class="story"><p>{LONG}</p><p>{LONG}</p></div>')
    assert blocks == [("paragraph", LONG), ("paragraph", LONG)]


def test_a_boilerplate_name_on_the_wrapper_of_the_article_does_not_hide_it() -> None:
    blocks = body_of(f'<div class="content-with-sidebar"><div><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div></div>'
                     f'<div class="sidebar"><p>Subscribe to our weekly newsletter for more.</p></div>')
    assert blocks == [("paragraph", LONG)] * 3


def test_reader_comments_are_never_the_article() -> None:
    comments = "".join(f'<div class="comment"><p>{LONG} Comment {i}.</p></div>' for i in range(5))
    blocks = body_of(f'<article><h1>Budget approved</h1><p>{LONG}</p></article><section id="comments">{comments}</section>')
    assert blocks == [("paragraph", LONG)]


def test_teaser_cards_are_left_out() -> None:
    cards = "".join(f'<article class="card"><h3><a href="/b/{i}">Another story number {i}</a></h3>'
                    f'<p>A short excerpt of that other story, about something else entirely.</p></article>'
                    for i in range(4))
    blocks = body_of(f'<main><article><h1>Budget approved</h1><p>{LONG}</p><p>{LONG}</p></article>{cards}</main>')
    assert blocks == [("paragraph", LONG), ("paragraph", LONG)]


def test_hidden_copies_are_not_read() -> None:
    blocks = body_of(f'<div><p>{LONG}</p><div style="display: none"><p>{LONG} Hidden copy.</p></div></div>')
    assert blocks == [("paragraph", LONG)]


def test_placeholders_and_widget_lines_are_dropped_and_counted() -> None:
    article_page = page(f"<article><p>{LONG}</p><p>No data</p><p>Advertisement</p><p>{LONG}</p></article>")
    article = article_page.to_article()
    assert article is not None and [b.text for b in article.body] == [LONG, LONG]
    assert article.metadata.dropped["no_data"] == 1 and article.metadata.dropped["advertisement"] == 1


def test_an_article_split_around_ads_is_read_whole() -> None:
    blocks = body_of(f'<div class="body"><div class="part"><p>{LONG}</p></div><div class="ad">Ad</div>'
                     f'<div class="part"><p>{LONG} Second part.</p></div></div>')
    assert [text for _, text in blocks] == [LONG, f"{LONG} Second part."]


def test_a_name_line_closing_the_body_is_the_byline() -> None:
    article = page(f"<article><p>{LONG}</p><p>{LONG}</p><p><strong>Lê Phương</strong></p></article>").to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG]
    assert [a.name for a in article.authors] == ["Lê Phương"]


def test_a_comments_toggle_closing_the_body_is_neither_text_nor_a_byline() -> None:
    article = page(f"<article><p>{LONG}</p><p>{LONG}</p><p>Comments (+)</p></article>").to_article()
    assert article is not None and [b.text for b in article.body] == [LONG, LONG]
    assert article.authors == [] and article.metadata.dropped["comment_count"] == 1


def test_a_page_without_prose_is_not_an_article() -> None:
    links = "".join(f'<li><a href="/s/{i}">Story {i}</a></li>' for i in range(40))
    assert page(f"<h1>Latest news</h1><ul>{links}</ul>").to_article() is None


# ----- script-rendered pages: the body kept as data ---------------------------------------------

def test_jsonld_article_body_is_the_body_of_a_page_drawn_by_script() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget approved",
                     "datePublished": "2026-01-29T18:40:00+09:00", "articleBody": f"{LONG}\n\n{LONG.upper()}"})
    article = page('<div id="root"></div>',
                   f'<title>Budget approved</title><script type="application/ld+json">{ld}</script>').to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG.upper()]
    assert article.datePublished == "2026-01-29T18:40:00+09:00"
    assert article.metadata.warnings == ["body from JSON-LD articleBody"]


def test_embedded_state_gives_body_and_date_when_the_dom_has_none() -> None:
    state = {"props": {"article": {"title": "Budget approved", "paperDate": "2026-01-30",
                                   "publishedAt": "2026.01.29 18:40", "updatedAt": "2026.01.29 19:00",
                                   "contentHtml": f"<p>{LONG}</p><figure><figcaption>The harbour</figcaption>"
                                                  f"</figure><p>{LONG}</p><h2>What changes</h2><p>{LONG}</p>"},
                       "menu": "short"}}
    script = f'<script>window["__STATE__"] = window["__STATE__"] || [];window["__STATE__"].push({json.dumps(state)})'
    html = f'<html lang="ko"><head><title>Budget approved</title></head><body><div id="root"></div>{script}</script>'
    article = ArticlePage(Document.parse(html + "</body></html>", "https://news.example.com/a/1")).to_article()
    assert article is not None
    assert [(b.type, b.text) for b in article.body] == [("paragraph", LONG), ("paragraph", LONG),
                                                        ("heading", "What changes"), ("paragraph", LONG)]
    assert (article.datePublished, article.datePublishedRaw) == ("2026-01-29T18:40:00+09:00", "2026.01.29 18:40")
    assert article.metadata.warnings == ["body from embedded script data"]


def test_a_page_with_its_text_in_the_dom_ignores_its_embedded_state() -> None:
    state = {"article": {"body": " ".join([LONG.replace("council", "committee")] * 3)}}
    article = page(f"<article><p>{LONG}</p><p>{LONG}</p></article><script>var s = {json.dumps(state)};</script>") \
        .to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG] and article.metadata.warnings == []


def test_serialised_json_and_code_are_not_article_text() -> None:
    rows = json.dumps([1, "5:" + json.dumps({"state": {"a": LONG, "b": LONG, "c": LONG, "d": LONG}})])
    article = page(f'<div id="root"></div><script>self.__next_f.push({rows})</script>'
                   f'<script>function f(a) {{ if (a) {{ return [a]; }} }} // {LONG}</script>').to_article()
    assert article is None  # no article text anywhere: not an article


def test_closing_calls_to_action_credits_and_buttons_are_dropped_and_counted() -> None:
    closing = ["Quellen anzeigen", "Sources:", "Click to Read More and View Comments", "Additional reporting from PA",
               "Got a story? Get in touch with our news team by emailing us at news@example.com.",
               "For more stories like this, check our news page.",
               "Follow Example.co.uk on Twitter and Facebook for the latest news updates.",
               "Folgst du schon 20 Minuten auf Whatsapp?"]
    article = page(f"<article><p>{LONG}</p><p>{LONG}</p>{''.join(f'<p>{line}</p>' for line in closing)}</article>") \
        .to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG]
    dropped = article.metadata.dropped
    assert dropped["ui_command"] == 2 and dropped["source_link"] == 1 and dropped["credit_line"] == 1
    assert dropped["tip_prompt"] == 2 and dropped["follow_prompt"] == 2


def test_prose_that_opens_like_a_credit_or_a_button_stays() -> None:
    lines = ["Reporting from Kyiv, she found the city calm.", "Show more patience, the mayor told the council."]
    assert body_of(f"<article><p>{LONG}</p>{''.join(f'<p>{line}</p>' for line in lines)}</article>") == \
        [("paragraph", LONG), *[("paragraph", line) for line in lines]]


def test_a_prompt_takes_its_small_box_along_but_not_its_list_neighbours() -> None:
    box = ("<div class='box'><p>This article is for subscribers only.</p><dl><dt>With an account you get</dt>"
           "<dd>The e-paper every morning</dd><dd>Every article in full</dd></dl>"
           "<p>※ Print subscribers register for free.</p></div>")
    steps = ("<ul><li>Sign up for a streaming account for $11.99 a month</li>"
             "<li>If you already have an account, visit your account page to upgrade</li></ul>")
    article = page(f"<article><p>{LONG}</p>{box}<p>{LONG}</p>{steps}</article>").to_article()
    assert article is not None
    kept = "If you already have an account, visit your account page to upgrade"
    assert [b.text for b in article.body] == [LONG, LONG, kept]
    assert article.metadata.dropped["prompt_box"] == 4


def test_a_dismiss_button_takes_its_app_promo_box_and_initials_credits_go() -> None:
    promo = ("<div class='app'><p>Read us on the go</p><ul><li>The e-paper in one app</li><li>Push alerts</li></ul>"
             "<p>No thanks, continue in this view.</p></div>")
    article = page(f"<article><p>{LONG}</p>{promo}<p>{LONG}</p><p>MDR (dst)</p><p>NATO (North Atlantic Treaty "
                   f"Organisation)</p></article>").to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG, "NATO (North Atlantic Treaty Organisation)"]
    assert article.metadata.dropped["initials_credit"] == 1 and article.metadata.dropped["ui_command"] == 1


def test_teaser_boxes_and_author_descriptions_stay_out() -> None:
    teaser = ("<div class='teaser'><h2><a href='/b'>Harbour road reopens</a></h2><div class='teasertext'>"
              "<p>The road by the harbour reopened on Monday after repairs that took the whole winter.</p></div></div>")
    bio = "<div class='author-description'>Since 2019 at the paper. Writes about schools and the city budget.</div>"
    blocks = body_of(f"<article><p>{LONG}</p><p>{LONG}</p>{teaser}{bio}</article>")
    assert blocks == [("paragraph", LONG), ("paragraph", LONG)]


def test_labels_of_related_topics_and_contents_and_ui_leftovers_go() -> None:
    lines = ["Ähnliche:", "Související témata:", "Auf dieser Seite:", "Schriftgröße anpassen!", "Embed"]
    assert body_of(f"<article><p>{LONG}</p>{''.join(f'<p>{line}</p>' for line in lines)}<p>{LONG}</p></article>") \
        == [("paragraph", LONG), ("paragraph", LONG)]


def test_next_data_article_of_a_next_js_page() -> None:
    data = {"props": {"pageProps": {"article": {
        "title": "Budget approved", "publishedAt": "2025-10-22T19:25:52+07:00",
        "content": "".join(f"<p>{text}</p>" for text in (LONG, LONG.upper(), LONG))}}}}
    html = (f'<html><head><title>Budget approved</title></head><body><div id="__next"></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script></body></html>')
    article = ArticlePage(Document.parse(html, "https://vietnam.vn/a-1")).to_article()
    assert article is not None
    assert [b.text for b in article.body] == [LONG, LONG.upper(), LONG]
    assert article.datePublished == "2025-10-22T19:25:52+07:00"
