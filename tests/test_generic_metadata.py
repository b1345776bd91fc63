"""Generic metadata: headline, dates, authors and images, each rule on a small page or value."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extractors import dates, metadata
from extractors.authors import byline_line, split_credits, split_names
from extractors.document import Document
from extractors.images import article_images, split_credit
from extractors.record import Author, Organization


def doc(head: str = "", body: str = "", url: str = "https://news.example.de/a/1") -> Document:
    return Document.parse(f"<html><head>{head}</head><body>{body}</body></html>", url,
                          datetime(2026, 1, 1, tzinfo=UTC))


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# ----- headline -----------------------------------------------------------------------------------

def test_headline_prefers_json_ld_and_unescapes_it() -> None:
    page = doc(ld({"@type": "NewsArticle", "headline": "Samsung soll Smartphones zerst&ouml;ren"})
               + '<meta property="og:title" content="Other title">')
    assert metadata.headline(page) == "Samsung soll Smartphones zerstören"


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Steigende Zinsen setzen Dax zu | Börsen-Zeitung", "Börsen-Zeitung", "Steigende Zinsen setzen Dax zu"),
    ("Akkutechnik: Hat Quantumscape genug Akkus gebaut? - Golem.de", None, "Akkutechnik: Hat Quantumscape genug Akkus gebaut?"),
    ("南海トラフ、一時調査：中日新聞Web", "中日新聞Web", "南海トラフ、一時調査"),
])
def test_headline_loses_the_site_name(title: str, site: str | None, expected: str) -> None:
    site_meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    url = "https://www.golem.de/news/x.html" if "Golem" in title else "https://news.example.de/a/1"
    assert metadata.headline(doc(f'<meta property="og:title" content="{title}">{site_meta}', url=url)) == expected


def test_a_kicker_that_only_decorates_another_sources_title_is_dropped() -> None:
    page = doc(ld({"@type": "NewsArticle", "headline": "Neue Leipziger Schule: Judy Lybke, ganz eigen"})
               + '<meta property="og:title" content="Judy Lybke, ganz eigen">')
    assert metadata.headline(page) == "Judy Lybke, ganz eigen"


def test_a_kicker_carried_by_most_sources_stays() -> None:
    page = doc(ld({"@type": "NewsArticle", "headline": "Nach Gaetz-Rückzug: Trump-Anwältin soll Ministerin werden"})
               + '<meta property="og:title" content="Nach Gaetz-Rückzug: Trump-Anwältin soll Ministerin werden">',
               "<h1>Trump-Anwältin soll Ministerin werden</h1>")
    assert metadata.headline(page) == "Nach Gaetz-Rückzug: Trump-Anwältin soll Ministerin werden"


def test_a_kicker_span_in_the_h1_votes_but_is_not_the_headline() -> None:
    page = doc('<meta property="og:title" content="Iranischer Angriff: «Die Zurückhaltung hat mit den USA zu tun»">',
               '<h1><span class="overline">Eskalation in Nahost</span><span aria-hidden="true"> - </span>'
               "<span>«Die Zurückhaltung hat mit den USA zu tun»</span></h1>")
    assert metadata.headline(page) == "«Die Zurückhaltung hat mit den USA zu tun»"  # two kickers: neither wins


def test_og_title_when_only_it_is_shown_on_the_page() -> None:
    page = doc(ld({"@type": "NewsArticle", "headline": "The search engine title nobody sees"})
               + '<meta property="og:title" content="One hundred years at the Coliseum">',
               '<h1 class="headline"> One hundred years at the Coliseum </h1>')
    assert metadata.headline(page) == "One hundred years at the Coliseum"


def test_a_section_suffix_is_stripped() -> None:
    page = doc('<meta property="og:title" content="Kühltürme gesprengt - Politik">'
               '<meta property="article:section" content="Politik">')
    assert metadata.headline(page) == "Kühltürme gesprengt"


# ----- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-10-22T19:25:52+07:00", datetime(2025, 10, 22, 19, 25, 52, tzinfo=timezone(timedelta(hours=7)))),
    ("2024-04-25 04:21:02.000000-0400", datetime(2024, 4, 25, 4, 21, 2, tzinfo=timezone(timedelta(hours=-4)))),
    ("2023-04-28T19:20:36+0200", datetime(2023, 4, 28, 19, 20, 36, tzinfo=timezone(timedelta(hours=2)))),
    ("Fri Apr 28 19:20:36 CEST 2023", datetime(2023, 4, 28, 19, 20, 36, tzinfo=timezone(timedelta(hours=2)))),
    ("Fri, 28 Apr 2023 17:20:36 GMT", datetime(2023, 4, 28, 17, 20, 36, tzinfo=UTC)),
    ("2026-04-20T14:09:42.493", datetime(2026, 4, 20, 14, 9, 42)),
    ("2024-08-22", date(2024, 8, 22)),
])
def test_machine_dates_in_every_shape(raw: str, expected: datetime | date) -> None:
    moment = dates.parse_machine(raw)
    assert moment is not None and moment.value == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Thứ tư, 22/10/2025, 19:25 (GMT+7)", datetime(2025, 10, 22, 19, 25, tzinfo=timezone(timedelta(hours=7)))),
    ("01. April 2025, 15:25", datetime(2025, 4, 1, 15, 25)),
    ("April 25, 2024 4:21 pm", datetime(2024, 4, 25, 16, 21)),
    ("Do 25.04.24 | 14:07 Uhr", datetime(2024, 4, 25, 14, 7)),
    ("Publié le 3 mars 2024", date(2024, 3, 3)),
])
def test_printed_dates_day_first_and_with_month_names(raw: str, expected: datetime | date) -> None:
    moment = dates.parse_visible(raw)
    assert moment is not None and moment.value == expected


def test_a_naive_time_takes_the_offset_of_the_same_instant_elsewhere() -> None:
    page = doc('<meta property="article:published_time" content="2026-06-25T16:19:00">'
               + ld({"@type": "NewsArticle", "datePublished": "2026-06-25T16:19:00+07:00"}))
    assert metadata.date_published(page)[0] == "2026-06-25T16:19:00+07:00"
    page = doc(ld({"@type": "NewsArticle", "datePublished": "2023-04-28 18:11:01.0"})
               + '<meta name="date" content="2023-04-28T18:11:01+02:00">')
    assert metadata.date_published(page) == ("2023-04-28T18:11:01+02:00", "2023-04-28 18:11:01.0")


def test_a_naive_time_without_a_twin_takes_the_sites_zone() -> None:
    page = doc('<meta property="article:published_time" content="2024-01-15T10:00:00">')  # .de: Berlin, winter
    assert metadata.date_published(page)[0] == "2024-01-15T10:00:00+01:00"


def test_a_day_stays_a_day_with_its_zone() -> None:
    page = doc(body='<article><time datetime="2024-08-22">22.08.2024</time></article>')
    assert metadata.date_published(page)[0] == "2024-08-22+02:00"
    assert dates.day_in_zone(date(2023, 5, 24)) == "2023-05-24+07:00"


# ----- authors ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "names"), [
    ("By Samya Kullab and Vasilisa Stepanenko", ["Samya Kullab", "Vasilisa Stepanenko"]),
    ("Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch"]),
    ("Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack",
     ["Mamokete Modiba", "Claire Benit-Gbaffou", "Sarah Charlton", "Tanya Zack"]),
    ("Elena Oberholzer (obe)", ["Elena Oberholzer"]),
    ("Giáp Công - Phạm Bằng", ["Giáp Công", "Phạm Bằng"]),
    ("d.kuckelkorn@boersen-zeitung.de", []),
    ("Reuters", []),
    ("n-tv NACHRICHTEN", []),
    ("Von Anna Sleegers, Frankfurt", ["Anna Sleegers"]),
    ("Themen bearbeiten", []),
    ("신현주 기자", ["신현주"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
])
def test_people_only_one_name_each(raw: str, names: list[str]) -> None:
    assert split_names(raw, ["n-tv.de"]) == names


def test_the_newsroom_credited_in_json_ld_gives_way_to_a_byline() -> None:
    newsroom = ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Example News"}})
    page = doc(newsroom, '<span class="article__author">Von Seb Dumitru</span>')
    assert metadata.authors(page) == [Author(name="Seb Dumitru", nameRaw="Von Seb Dumitru", url=None, type="Person")]
    # no person anywhere: the newsroom is the author the page credits
    assert metadata.authors(doc(newsroom, "<p>Text.</p>")) == [
        Author(name="Example News", nameRaw="Example News", url=None, type="Organization")]


def test_the_site_credited_as_a_person_is_an_organisation() -> None:
    head = ('<meta property="og:site_name" content="FOCUS online">'
            + ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "FOCUS online"}}))
    assert [(a.name, a.type) for a in metadata.authors(doc(head, "<p>Text.</p>"))] == [("FOCUS online", "Organization")]
    # a credit that is neither a person, an agency nor the site is nobody's name
    other = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Nachrichten"}})
    assert metadata.authors(doc(other, "<p>Text.</p>")) == []


@pytest.mark.parametrize(("raw", "people", "agencies"), [
    ("Felix Schröder und Jörg Soldwisch, dpa", ["Felix Schröder", "Jörg Soldwisch"], ["dpa"]),
    ("Reuters/kra Frankfurt", [], ["Reuters"]),
    ("Jane Roe (dpa/afp)", ["Jane Roe"], ["dpa", "afp"]),
    ("Theo TTXVN", [], ["TTXVN"]),
    ("Anadolu Ajansı", [], ["Anadolu Ajansı"]),
])
def test_agencies_are_credits_apart_from_people(raw: str, people: list[str], agencies: list[str]) -> None:
    assert split_credits(raw) == (people, agencies)


def test_an_agency_in_the_metadata_is_an_author_and_the_source_organization_and_ends_the_search() -> None:
    page = doc(ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "dpa"}}),
               '<a href="/autor/jane-roe">Von Jane Roe</a>')
    assert metadata.authors(page) == [Author(name="dpa", nameRaw="dpa", url=None, type="Organization")]
    assert metadata.source_organization(page) == Organization(name="dpa", url=None)


def test_people_come_first_then_the_agencies_credited_beside_them() -> None:
    page = doc('<meta name="author" content="Felix Schröder und Jörg Soldwisch, dpa">', "<p>Text.</p>")
    assert [(a.name, a.type) for a in metadata.authors(page)] == [
        ("Felix Schröder", "Person"), ("Jörg Soldwisch", "Person"), ("dpa", "Organization")]
    assert metadata.source_organization(page) == Organization(name="dpa", url=None)


def test_names_in_quotes_and_reader_comments_are_not_bylines() -> None:
    page = doc("", '<p class="author">von David Straub</p>'
                   '<blockquote><cite><span class="quoteAuthor">Kevin Holland-Moritz</span></cite></blockquote>'
                   '<div class="comments"><span class="commentAuthor">Guter Mensch</span></div>')
    assert [a.name for a in metadata.authors(page)] == ["David Straub"]
    only_comments = doc("", '<p>Text.</p><div class="comments"><p><span class="author">Vladislav Roe</span></p></div>')
    assert metadata.authors(only_comments) == []


def test_the_header_byline_adds_the_co_authors_json_ld_leaves_out() -> None:
    head = ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Marlene Lundberg Holm"}]})
    header = ('<article><div class="top"><header><h1>Title</h1></header><section class="meta">'
              '<a rel="author" href="mailto:a@db.no">Ingrid Treborg</a>'
              '<a rel="author" href="mailto:b@db.no">Marlene Lundberg Holm</a></section></div>')
    page = doc(head, header + '<p>Text.</p></article>')
    assert [a.name for a in metadata.authors(page)] == ["Ingrid Treborg", "Marlene Lundberg Holm"]
    # a teaser's author further down the page is no co-author; nor is header markup naming someone else
    teaser = doc(head, '<article><h1>Title</h1><p>Text.</p></article>'
                       '<aside><div><div><a rel="author">Jane Roe</a></div></div></aside>')
    assert [a.name for a in metadata.authors(teaser)] == ["Marlene Lundberg Holm"]
    other = doc(head, '<article><header><h1>Title</h1><a rel="author">Jane Roe</a><a rel="author">John Doe</a>'
                      '</header></article>')
    assert [a.name for a in metadata.authors(other)] == ["Marlene Lundberg Holm"]


def test_an_unlabelled_name_beside_the_header_date_is_the_byline() -> None:
    header = ('<div class="spot"><h1>Title</h1><h4>Lead.</h4><div class="row"><span>{}&nbsp;|</span>'
              '<span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span></div></div><p>Text.</p>')
    assert [a.name for a in metadata.authors(doc("", header.format("Sehernur Karsu")))] == ["Sehernur Karsu"]
    assert metadata.authors(doc("", header.format("Ekonomi"))) == []  # a one-word section label
    # a date in a long row (the article's text) has no byline beside it
    long_row = ('<div><h1>Title</h1><p>Long lead sentence that goes on and on about the news of the day, '
                'long enough to be text, and then some more words of it.</p><p class="date"><time>06.01.2026</time></p>'
                '<p>Giorgia Meloni</p></div>')
    assert metadata.authors(doc("", long_row)) == []


def test_an_account_named_after_the_site_is_no_author() -> None:
    head = ('<meta property="og:site_name" content="Ilanga News">'
            + ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ilanga D"}}))
    assert metadata.authors(doc(head, "<p>Text.</p>")) == []
    assert split_names("Telegraph Sport", ["The Telegraph"]) == []
    assert split_names("Jane Roe", ["Ilanga News"]) == ["Jane Roe"]


def test_a_description_that_is_only_a_name_is_the_byline_paragraph() -> None:
    page = doc('<meta name="description" content="MTHOBISI SITHOLE&nbsp;">',
               "<p><strong>MTHOBISI SITHOLE</strong></p><p>Text.</p>")
    assert [a.name for a in metadata.authors(page)] == ["MTHOBISI SITHOLE"]
    sentence = doc('<meta name="description" content="Jane Roe wins the election.">', "<p>Text.</p>")
    assert metadata.authors(sentence) == []


def test_the_editor_is_no_author() -> None:
    head = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Heryadi", "jobTitle": "Jurnalis"}})
    body = ('<div class="post-header"><h1>Title</h1><div class="info"><div class="author-2">Naufal Zuhdi</div>'
            '<span class="datetime">20/1/2026 18:30</span></div></div><div class="article"><p>Text.</p>'
            '<div class="info-author">Editor : <a href="/author/112/heryadi" class="author">Heryadi</a></div></div>')
    assert [a.name for a in metadata.authors(doc(head, body))] == ["Naufal Zuhdi"]
    # an author printed as such stays, even when someone else edited the piece
    byline = body.replace('<div class="author-2">Naufal Zuhdi</div>', '<a class="author">Heryadi</a>')
    assert [a.name for a in metadata.authors(doc(head, byline))] == ["Heryadi"]


def test_a_byline_line_is_only_names() -> None:
    assert [a.name for a in byline_line("Lê Phương")] == ["Lê Phương"]
    assert byline_line("The minister said the plan would work.") == []


# ----- images -------------------------------------------------------------------------------------

def test_captions_credits_and_lazy_sources() -> None:
    page = doc(body="""<article><h1>Title</h1><p>Text of the article, long enough to be prose for sure.</p>
        <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/harbour.jpg" width="800" height="500">
        <figcaption>Port at dawn. <span class="credit">Photo: AP</span></figcaption></figure>
        <img src="/static/logo.svg"><a href="/other-story"><img src="/thumb.jpg"></a></article>""")
    root = page.tree.css_first("article")
    images = article_images(page, root)
    assert [(i.url, i.caption, i.credit) for i in images] == [
        ("https://news.example.de/img/harbour.jpg", "Port at dawn.", "AP")]


def _captions(body: str) -> list[tuple[str, str | None]]:
    page = doc(body=f"<article><h1>Title</h1><p>Text of the article, long enough to be prose for sure.</p>{body}</article>")
    return [(i.url.rsplit("/", 1)[-1], i.caption) for i in article_images(page, page.tree.css_first("article"))]


def test_bylines_headshots_and_sign_up_boxes_are_not_article_pictures() -> None:
    assert _captions('<figure><img src="/a.jpg"><figcaption>Von Jane Roe, Redakteurin 09.09.2025, 09:58 Uhr'
                     '</figcaption></figure><figure><img src="/b.jpg"><figcaption>Von links: Anna und Bernd'
                     '</figcaption></figure>') == [("b.jpg", "Von links: Anna und Bernd")]
    assert _captions('<div><img src="/c.jpg"><span>Jen Mills, Senior Reporter Published Jul 17, 2024, 11:21am | Updated Jul 17, 2024</span></div>') == []
    assert _captions('<div class="author-box"><img src="/d.jpg"><span>Jane Roe</span></div>'
                     '<div class="c-inlineSignup__image"><img src="/e.jpg"><span>Get daily news</span></div>') == []


def test_a_teaser_card_gives_no_caption_but_a_gallery_link_does() -> None:
    card = ('<div class="card"><a href="/other-story?utm_source=x"><img src="/f.jpg"></a>'
            '<h3><a href="/other-story">Another story</a></h3><p>Its summary, longer than the title of the card.</p></div>')
    assert _captions(card) == []  # no caption, and a link to another page: a teaser's picture
    gallery = '<div class="thumb"><a href="/photos?id=1"><img src="/g.jpg"></a><span>Officials at the meeting.</span></div>'
    assert _captions(gallery) == [("g.jpg", "Officials at the meeting.")]


def test_a_video_players_labels_are_no_caption() -> None:
    assert _captions('<figure><img src="/h.jpg"><figcaption>Video Loading Video Unavailable Click to play'
                     '</figcaption></figure>') == [("h.jpg", None)]
    assert _captions('<div class="media"><img src="/i.jpg"><span>2:34 Drills with Belarus</span></div>') == [("i.jpg", None)]


@pytest.mark.parametrize(("text", "parts"), [
    ("Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp", ("Y bác sĩ nội soi cho bệnh nhân.", "Bệnh viện cung cấp")),
    ("Port at dawn. (Source: Reuters)", ("Port at dawn.", "Reuters")),
    ("Image credit: TechRadar", (None, "TechRadar")),
    ("The harbour at dawn", ("The harbour at dawn", None)),
])
def test_split_credit(text: str, parts: tuple[str | None, str | None]) -> None:
    assert split_credit(text) == parts
