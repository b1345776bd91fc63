"""Field rules of issue 9 (classes 5-9): captions, authors, quotes, attribution, small fields.

Each rule is general (a word boundary, a language's byline words, a label's shape), shown here on small
pages written for the test; every test fails on the code before the rule.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from extractors import extract, language, metadata
from extractors.authors import split_credits
from extractors.document import Document
from extractors.images import article_images, split_credit
from extractors.quotes import find_quotes, inline_quotes
from extractors.record import BodyBlock


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


# ----- small fields (class 9) -----------------------------------------------------------------------

def test_keywords_are_split_on_commas_and_semicolons_wherever_they_come_from() -> None:
    tags = doc('<meta property="article:tag" content="Hà Nội, giao thông"><meta property="article:tag" content="Metro">')
    assert metadata.keywords(tags) == ["Hà Nội", "giao thông", "Metro"]
    semicolons = doc('<meta name="keywords" content="Wahl; Bundestag;  Koalition">')
    assert metadata.keywords(semicolons) == ["Wahl", "Bundestag", "Koalition"]
    ld_list = doc(ld({"@type": "NewsArticle", "keywords": ["economy; trade", "tariffs"]}))
    assert metadata.keywords(ld_list) == ["economy", "trade", "tariffs"]


def test_a_desk_named_in_og_site_name_gives_way_to_the_json_ld_publisher() -> None:
    head = ('<meta property="og:site_name" content="Security">'
            + ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "heise online"}}))
    assert metadata.publisher(doc(head, url="https://www.heise.de/news/x.html")).name == "heise online"
    # a site name that is the site's own (even when it names the host otherwise) stays
    own = ('<meta property="og:site_name" content="Voice of America">'
           + ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Voice of America (VOA News)"}}))
    assert metadata.publisher(doc(own, url="https://www.voanews.com/a/x.html")).name == "Voice of America"
    faz = ('<meta property="og:site_name" content="FAZ.NET">'
           + ld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Frankfurter Allgemeine"}}))
    assert metadata.publisher(doc(faz, url="https://www.faz.net/aktuell/x.html")).name == "FAZ.NET"


def test_a_json_ld_headline_cut_short_gives_way_to_the_whole_title() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Hà Nội mở thêm tuyến phố đi bộ quanh hồ…"})
    page = doc(head, "<h1>Hà Nội mở thêm tuyến phố đi bộ quanh hồ Thiền Quang</h1><p>Text.</p>")
    assert metadata.headline(page) == "Hà Nội mở thêm tuyến phố đi bộ quanh hồ Thiền Quang"
    dots = doc(ld({"@type": "NewsArticle", "headline": "The minister says the bridge ..."}),
               '<meta property="og:title" content="The minister says the bridge will open in May">')
    assert metadata.headline(dots) == "The minister says the bridge will open in May"
    # a headline that ends in an ellipsis of its own, printed so everywhere, keeps it
    own = doc(ld({"@type": "NewsArticle", "headline": "And then there were none..."}),
              "<h1>And then there were none...</h1>")
    assert metadata.headline(own) == "And then there were none..."


@pytest.mark.parametrize(("text", "code"), [
    (("Der Bundestag hat am Donnerstag über den Haushalt beraten. Die Koalition will die Schuldenbremse "
     "nicht lockern, sagte der Minister, und auch die Opposition ist dagegen."), "de"),
    (("The council said on Monday that the new bridge would open in May, and that it was built with "
     "money from the state."), "en"),
    (("Le gouvernement a annoncé mardi que la réforme des retraites sera présentée dans les prochains jours "
     "au conseil des ministres, malgré les critiques."), "fr"),
    (("El Gobierno ha aprobado este martes la reforma de las pensiones, que será enviada al Congreso para "
     "su debate en las próximas semanas."), "es"),
    ("Thành phố Hà Nội vừa quyết định mở thêm tuyến phố đi bộ quanh hồ Thiền Quang từ cuối tuần này.", "vi"),
    ("서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다. 시민들의 반발이 예상된다.", "ko"),
    ("東京都は来年から公共交通の運賃を引き上げると発表した。市民の反発が予想される。", "ja"),
    (("Regeringen meddelade på tisdagen att den nya bron ska öppnas i maj, och att den har byggts med "
     "pengar från staten som en del av planen."), "sv"),
    ("Short.", None),
])
def test_the_language_of_a_page_that_declares_none_is_read_from_its_text(text: str, code: str | None) -> None:
    page = doc(body=f"<p>{text}</p>")
    assert language.detect(page, text) == ((code, "text") if code else (None, None))
    # a declared language still wins
    assert language.detect(doc(body=f"<p>{text}</p>", lang="it"), text) == ("it", "html-lang")


# ----- authors (class 5) ----------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "people", "agencies"), [
    ("Reuters, New York, United States", [], ["Reuters"]),  # organisation, city, country
    ("Tuổi Trẻ, Hà Nội, Việt Nam", [], []),
    ("Jane Doe, New York", ["Jane Doe"], []),
    ("Nguyễn Văn An, TP.HCM", ["Nguyễn Văn An"], []),
    ("Von Anna Schmidt, Berlin", ["Anna Schmidt"], []),
    ("Jane Doe, John Roe", ["Jane Doe", "John Roe"], []),  # a list of people stays one
    ("Jane Roe, Reuters", ["Jane Roe"], ["Reuters"]),
    ("Báo Đà Nẵng", [], []),  # a paper
    ("Theo VnExpress", [], []),
])
def test_places_and_papers_in_a_byline_are_no_people(raw: str, people: list[str], agencies: list[str]) -> None:
    assert split_credits(raw) == (people, agencies)


def test_a_broadcasters_desk_typed_person_is_an_organisation_credited_beside_the_people() -> None:
    head = ld({"@type": "NewsArticle", "author": [
        {"@type": "Person", "name": "Engin Haupt"}, [{"@type": "Person", "name": "MDR SACHSEN-ANHALT"}]]})
    page = doc(head, "<p>Text.</p>", url="https://www.mdr.de/nachrichten/x.html")
    assert [(a.name, a.type) for a in metadata.authors(page)] == [
        ("Engin Haupt", "Person"), ("MDR SACHSEN-ANHALT", "Organization")]
    listed = ld({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Julian Seiferth"},
                                                    {"@type": "Organization", "name": "t-online"}]})
    assert [(a.name, a.type) for a in metadata.authors(doc(listed, "<p>Text.</p>", url="https://www.t-online.de/x"))] == [
        ("Julian Seiferth", "Person"), ("t-online", "Organization")]
    # the site's name as the lone JSON-LD author still gives way to a byline (sites put it there by default)
    alone = ld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "t-online"}})
    assert [a.name for a in metadata.authors(doc(alone, '<p class="author">Von Jane Roe</p>',
                                                 url="https://www.t-online.de/x"))] == ["Jane Roe"]


@pytest.mark.parametrize(("line", "names"), [
    ("Von Anna Schmidt, Berlin", ["Anna Schmidt"]),
    ("Author: Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
])
def test_a_labelled_byline_printed_in_the_header_without_byline_markup(line: str, names: list[str]) -> None:
    page = doc("", f"<article><header><h1>Title of the story</h1><div><span>{line}</span></div></header>"
                   "<p>Text of the article.</p></article>")
    assert [a.name for a in metadata.authors(page)] == names
    # a label without its colon is a button's ("Text Size"), not a byline
    button = doc("", "<article><header><h1>Title</h1><div>Text Size <ul><li>Small</li><li>Large</li></ul></div>"
                     "</header><p>Text.</p></article>")
    assert metadata.authors(button) == []


_PROSE = "<p>" + "Đây là đoạn văn của bài báo, đủ dài để được xem là nội dung chính của trang này. " * 4 + "</p>"


def _vn_authors(body: str) -> list[tuple[str, str]]:
    page = extract(f'<html lang="vi"><body><article><h1>Tiêu đề bài viết khá dài ở đây</h1>{body}</article>'
                   "</body></html>", "https://bao.example.vn/bai-viet-1.html")
    assert page is not None
    return [(a.name, a.type) for a in page.authors]


def test_vietnamese_closing_bylines() -> None:
    # the signature under the last paragraph, set bold and right-aligned in a block the body drops
    assert _vn_authors(_PROSE * 3 + '<div align="right"><strong>Hà Anh</strong></div>') == [("Hà Anh", "Person")]
    # "Theo <person>" under the text; "Nhóm PV", the paper's reporters
    assert _vn_authors(_PROSE * 3 + "<div>Theo <strong>Vân Anh</strong></div>") == [("Vân Anh", "Person")]
    assert _vn_authors(_PROSE * 3 + "<p>Nhóm PV</p>") == [("Nhóm PV", "Organization")]
    # a short closing line that is not set as a signature (a section label) is no byline
    assert _vn_authors(_PROSE * 3 + "<div>Premier League</div>") == []


# ----- quotes (class 7) -----------------------------------------------------------------------------

@pytest.mark.parametrize(("paragraph", "speaker"), [
    (("“Thị trường sẽ còn biến động mạnh trong quý tới”, chuyên gia Nguyễn Văn An của Công ty Chứng khoán SSI "
      "nhận định."), "Nguyễn Văn An"),
    (("“Chúng tôi sẽ tiếp tục hỗ trợ doanh nghiệp trong thời gian tới”, ông Trần Văn Bình, Giám đốc Sở Công Thương "
      "Hà Nội, cho biết."), "Trần Văn Bình"),
    ("Giám đốc Sở Y tế Hà Nội Trần Văn Bình cho biết: “Chúng tôi đã chuẩn bị đủ thuốc cho mùa dịch”.", "Trần Văn Bình"),
    ('"The market will stay volatile for months," says Jane Li of ACME Capital.', "Jane Li"),
    ('"Die Lage ist sehr ernst und wird sich verschärfen", sagt Müller.', "Müller"),
    ('"Prices will keep rising through the summer," John Smith with ACME wrote in a Monday analysis.', "John Smith"),
    ("«Nous devons agir maintenant, avant qu’il ne soit trop tard», a déclaré Emmanuel Macron.", "Emmanuel Macron"),
    ('"Debemos actuar ahora mismo, antes de que sea tarde", dijo Pedro Sánchez.', "Pedro Sánchez"),
    ('"Wir brauchen jetzt schnell eine Lösung", sagte Hänni im Gespräch mit der F.A.Z.', "Hänni"),
    # a representative of an office names no person: the role is the speaker, never the city's name
    ("“Chúng tôi đang phối hợp với các hãng hàng không để tăng tần suất”, đại diện Sở Du lịch Đà Nẵng cho biết.",
     "đại diện Sở Du lịch Đà Nẵng"),
    # a clause before the quote names no one ("khiến nhiều người xem bày tỏ")
    ("Anh gọi cô là “cô bé ngốc”, khiến nhiều người xem bày tỏ: “thấy nổi hết cả da gà luôn rồi”.", None),
])
def test_the_speaker_is_the_person_and_only_the_person(paragraph: str, speaker: str | None) -> None:
    assert [q.speaker for q in inline_quotes(paragraph)][-1] == speaker


def test_a_later_short_name_is_the_full_name_given_earlier() -> None:
    blocks = [BodyBlock(type="paragraph", text="Ông Đinh Việt Sơn, Phó cục trưởng Cục Hàng không, cho biết cơ quan "
                                               "này đang chờ phản hồi."),
              BodyBlock(type="paragraph", text="“Ngành hàng không phải đi trước một bước trong việc mở cửa”, ông Sơn nói."),
              BodyBlock(type="paragraph", text='"We will keep the port open all night long," Smith said.')]
    assert [q.speaker for q in find_quotes(blocks)] == ["Đinh Việt Sơn", "Smith"]


def test_an_embedded_posts_signature_is_no_quote_but_names_its_author() -> None:
    blocks = [BodyBlock(type="quote", text="We will open the new bridge in May, and everyone is invited."),
              BodyBlock(type="quote", text="— Jane Doe (@janedoe) January 5, 2022")]
    found = find_quotes(blocks)
    assert [(q.text, q.speaker) for q in found] == [("We will open the new bridge in May, and everyone is invited.",
                                                    "Jane Doe")]


# ----- attribution off vietnam.vn (class 8) ---------------------------------------------------------

def _republished(closing: str, url: str = "https://tin.example.vn/bai-1.html"):  # -> Article
    article = extract(f'<html lang="vi"><body><article><h1>Tiêu đề bài viết khá dài ở đây</h1>{_PROSE * 3}'
                      f"{closing}</article></body></html>", url)
    assert article is not None
    return article


def test_a_republished_articles_credit_line_gives_the_paper_and_the_original_on_any_site() -> None:
    theo = _republished("<p>Theo Tuổi Trẻ</p>")
    assert (theo.sourceOrganization and theo.sourceOrganization.name, theo.isBasedOn) == ("Tuổi Trẻ", None)
    linked = _republished('<p>Nguồn: <a href="https://baodanang.vn/bai-goc-1.html">Báo Đà Nẵng</a></p>')
    assert linked.sourceOrganization is not None
    assert (linked.sourceOrganization.name, linked.sourceOrganization.url, linked.isBasedOn) == (
        "Báo Đà Nẵng", "https://baodanang.vn/", "https://baodanang.vn/bai-goc-1.html")
    original = _republished('<div class="source"><span>Link bài gốc</span> <span>Lấy link!</span> '
                            "<span>https://daidoanket.vn/bai-goc.html</span></div>")
    assert original.isBasedOn == "https://daidoanket.vn/bai-goc.html"
    assert original.sourceOrganization is not None and original.sourceOrganization.name == "daidoanket.vn"
    agency = _republished("<p>(TTXVN/Vietnam+)</p>")
    assert agency.sourceOrganization is not None and agency.sourceOrganization.name == "TTXVN"
    # "Theo <person>" is the byline, no paper; and a site crediting itself credits no original
    person = _republished("<p>Theo <strong>Vân Anh</strong></p>")
    assert (person.sourceOrganization, [a.name for a in person.authors]) == (None, ["Vân Anh"])
    own = _republished("<p>Nguồn: Tin Example</p>", url="https://tinexample.vn/bai-1.html")
    assert own.sourceOrganization is None


def test_the_portals_source_line_links_the_original_when_the_label_stands_before_the_link() -> None:
    from extractors.attribution import find_source_link

    page = doc(body='<div><p>Text.</p><p class="x">Nguồn: <a href="https://baodanang.vn/a.html">Báo Đà Nẵng</a></p>'
                    '<p>Xem thêm <a href="https://other.vn/b">bài khác</a> của nguồn: <a href="https://x.vn/c">X</a></p>'
                    "</div>", url="https://www.vietnam.vn/bai-1")
    link = find_source_link(page.tree.body, page.url)
    assert link is not None and (link.url, link.name, link.node.tag) == ("https://baodanang.vn/a.html", "Báo Đà Nẵng", "p")


def test_every_portal_article_links_its_original() -> None:
    from pathlib import Path

    portal = Path(__file__).parent / "fixtures" / "portal"
    pages = sorted(p for p in [*portal.glob("*.html"), *portal.glob("en/*.html")] if p.name != "index.html")
    assert len(pages) >= 10
    for path in pages:
        slug = path.relative_to(portal).as_posix().removesuffix(".html")
        article = extract(path.read_bytes(), f"https://www.vietnam.vn/{slug}")
        assert article is not None and article.isBasedOn and article.isBasedOn.startswith("https://example.org/"), slug


def test_related_thumbnails_and_text_around_several_pictures_are_no_captions() -> None:
    related = ('<article><h1>Title</h1><p>Text of the article, long enough to be prose for sure.</p>'
               '<div class="NewsRelation"><div class="item"><a href="/other-story-1.chn"><span class="par">'
               '<img src="/thumb_w/80/taxi.jpg" width="85">Những hình ảnh độc đáo về taxi ở Sài Gòn</span></a></div>'
               "</div></article>")
    assert _images(related) == []  # a linked thumbnail whose only text is the other story's title
    gallery = ('<article><h1>Title</h1><p>Text of the article, long enough to be prose for sure.</p>'
               '<div><img src="/a.jpg"><img src="/b.jpg"><em>Một phong cách mới cho bia - không lo đổ chai.</em></div>'
               "</article>")
    assert _images(gallery) == [("a.jpg", None), ("b.jpg", None)]


@pytest.mark.parametrize(("text", "parts"), [
    ("Can you spot the anomaly? Photo by Ricardo Gomez Angel", ("Can you spot the anomaly?", "Ricardo Gomez Angel")),
    ("A picture by the lake at dawn", ("A picture by the lake at dawn", None)),
    ("Governador do RJ pediu cuidados Imagem: Divulgação", ("Governador do RJ pediu cuidados", "Divulgação")),
])
def test_a_credit_label_with_by_and_in_portuguese(text: str, parts: tuple[str | None, str | None]) -> None:
    assert split_credit(text) == parts


def test_a_vietnamese_honorific_alone_is_the_person_last_introduced_with_it() -> None:
    blocks = [BodyBlock(type="paragraph", text="Chị Huỳnh Thị Thủy, 43 tuổi, trọ trên đường Phạm Văn Chiêu, còn ông "
                                               "Lê Văn Tám là chủ nhà trọ."),
              BodyBlock(type="paragraph", text="“Vợ chồng mình khổ quen rồi, chỉ sợ con ở quê buồn”, chị nói."),
              BodyBlock(type="paragraph", text="“Tôi giảm tiền phòng cho mọi người dịp Tết năm nay”, ông cho biết."),
              BodyBlock(type="paragraph", text="“Năm nay ai cũng khó khăn hơn mọi năm nhiều lắm”, bà nói.")]
    assert [q.speaker for q in find_quotes(blocks)] == ["Huỳnh Thị Thủy", "Lê Văn Tám", None]


def test_a_broadcaster_credited_as_a_person_is_an_organisation() -> None:
    for name in ("Deutsche Welle", "Bayerischer Rundfunk", "Đài Tiếng nói Việt Nam"):
        page = doc(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": name}}), "<p>Text.</p>")
        assert [(a.name, a.type) for a in metadata.authors(page)] == [(name, "Organization")]
    person = doc(ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Anna Funk"}}), "<p>Text.</p>")
    assert [(a.name, a.type) for a in metadata.authors(person)] == [("Anna Funk", "Person")]
