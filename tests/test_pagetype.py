"""Listing pages (section, tag, topic, paging) are not articles; articles with poor metadata still are."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors.document import Document
from extractors.page import ArticlePage
from extractors.record import Article

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
TAG_FIXTURE = Path(__file__).parent / "fixtures" / "vietnam_vn" / "en_tag_listing_reconstruction.html"


def extract(html: str, url: str) -> Article | None:
    return ArticlePage(Document.parse(html, url, FETCHED_AT)).to_article()


def page(head: str, main: str, lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
            '<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>'
            f"</header><main>{main}</main><footer><p>© 2026 Example Media. All rights reserved.</p></footer>"
            "</body></html>")


def teaser_cards(titles: list[str], sapo: str, *, heading: str = "h3") -> str:
    return "".join(
        f'<div class="card"><{heading} class="card-title"><a href="/a/{i}-story.html">{title}</a></{heading}>'
        f'<p class="card-sapo">{sapo}</p><span class="card-date">0{i % 9 + 1}/01/2026</span></div>'
        for i, title in enumerate(titles))


def paragraph_teasers(titles: list[str], sapo: str) -> str:
    """Teasers printed as paragraphs: a linked title paragraph, then a sapo paragraph."""
    return "".join(f'<p class="item"><a href="/tin/{i}.html">{title}</a></p><p>{sapo}</p>'
                   for i, title in enumerate(titles))


VI_TITLES = ["Giá vàng hôm nay tăng mạnh sau phiên giảm sâu", "Hà Nội công bố kế hoạch cải tạo 20 tuyến phố cũ",
             "Xuất khẩu nông sản sang Trung Quốc phục hồi", "Nhiều tỉnh miền Trung chủ động ứng phó mưa lớn",
             "Ngân hàng giảm lãi suất cho vay mua nhà ở xã hội", "Du lịch đường sông TP.HCM hút khách dịp cuối tuần",
             "Sinh viên trường nghề được doanh nghiệp đặt hàng", "Giá xăng dầu được điều chỉnh từ chiều nay",
             "Công bố điểm chuẩn lớp 10 công lập tại Hà Nội", "Thủ tướng chủ trì hội nghị về đầu tư công"]
DE_TITLES = ["Bundestag beschließt neues Heizungsgesetz nach langer Debatte",
             "Inflation in Deutschland sinkt im Dezember auf 2,1 Prozent",
             "Bahnstreik: Was Pendler am Montag wissen müssen", "Koalition einigt sich auf Haushalt für 2027",
             "Länder fordern mehr Geld für Schulen und Kitas", "Neue Umfrage: Union weiter vorn, SPD legt zu"]
EN_TITLES = ["Markets rally as central bank signals a pause in rate rises",
             "Storm leaves thousands without power across the north-east",
             "City council approves plan for 2,000 new affordable homes",
             "Hospital waiting lists fall for the first time in two years",
             "Teachers vote to accept the improved pay offer from the government",
             "Rail operator to restore weekend services from March"]
FR_TITLES = ["Le gouvernement présente son budget pour l'année prochaine",
             "Grève dans les transports : les perturbations attendues jeudi",
             "Les prix de l'immobilier reculent dans les grandes villes",
             "Un nouveau plan pour les urgences des hôpitaux publics",
             "La sécheresse menace les récoltes dans le sud du pays"]
ES_TITLES = ["El Gobierno aprueba la subida del salario mínimo para 2026",
             "La ola de calor obliga a cerrar colegios en Andalucía",
             "El paro baja en diciembre hasta su nivel más bajo desde 2008",
             "Madrid estrena la nueva línea de metro hacia el aeropuerto",
             "Los precios del alquiler siguen subiendo en las grandes ciudades"]
LONG_SAPO_EN = "A short summary of the story for the list, one sentence long, to tempt the reader to click on it."

LISTINGS = {
    "vietnamese category, teasers as paragraphs": (
        "https://baomoi.example.vn/chuyen-muc/kinh-te.html",
        page('<meta property="og:type" content="website"><title>Kinh tế - Báo Mới</title>',
             "<h1>Kinh tế</h1><div class=\"list\">" + paragraph_teasers(
                 VI_TITLES, "Thông tin mới nhất được cập nhật liên tục trong ngày.") + "</div>", "vi")),
    "german section with a CollectionPage": (
        "https://www.zeitung.example.de/politik/",
        page('<title>Politik | Zeitung</title>' + '<script type="application/ld+json">'
             + json.dumps({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Politik"})
             + "</script>",
             "<h1>Politik</h1>" + teaser_cards(DE_TITLES, "Die wichtigsten Nachrichten aus Berlin und den Ländern "
                                                          "im Überblick, kurz zusammengefasst für Sie.", heading="h2"),
             "de")),
    "english tag page": (
        "https://news.example.com/tag/economy",
        page('<meta property="og:type" content="website"><meta property="og:title" content="Economy">',
             "<h1>Economy</h1>" + teaser_cards(EN_TITLES, LONG_SAPO_EN))),
    "french rubrique, second page": (
        "https://www.journal.example.fr/rubrique/societe/page/2/",
        page('<meta property="og:title" content="Société - page 2">',
             "<h1>Société</h1>" + teaser_cards(FR_TITLES, "Un résumé de l'article en une phrase pour la liste des "
                                                          "articles de la rubrique du jour."), "fr")),
    "spanish topic list paged by query": (
        "https://www.diario.example.es/temas/economia?page=3",
        page('<meta property="og:type" content="website">',
             "<h1>Economía</h1>" + teaser_cards(ES_TITLES, "Un resumen breve de la noticia para la portada, con lo "
                                                          "esencial de lo ocurrido hoy en España."), "es")),
}


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_listing_is_not_an_article(name: str) -> None:
    url, html = LISTINGS[name]
    assert extract(html, url) is None


def test_the_tag_page_fixture_served_on_a_host_without_a_profile_is_not_an_article() -> None:
    html = TAG_FIXTURE.read_text(encoding="utf-8")
    assert extract(html, "https://news.example.org/en/tag/nato") is None


ARTICLE_TEXT = "".join(
    f"<p>Paragraph {i} of the report: the council met on Monday and discussed the budget for the coming year, "
    "the repairs to the bridge and the plan for new housing near the station, which residents have opposed.</p>"
    for i in range(6))


def test_an_article_with_a_related_box_is_an_article() -> None:
    html = page('<meta property="og:type" content="article"><meta property="og:title" content="Council backs budget">'
                '<meta property="article:published_time" content="2026-01-05T10:00:00+00:00">',
                "<article><h1>Council backs budget</h1>" + ARTICLE_TEXT + "</article>"
                '<aside class="related"><h2>Related</h2>' + teaser_cards(EN_TITLES, LONG_SAPO_EN) + "</aside>")
    found = extract(html, "https://news.example.com/tag/economy/council-backs-budget")  # /tag/ in the path too
    assert found is not None and found.headline == "Council backs budget"


def test_an_article_with_poor_metadata_is_an_article() -> None:
    """og:type website, no JSON-LD, no date: the markup is still one article with its prose."""
    html = page('<meta property="og:type" content="website"><title>Council backs budget</title>',
                "<h1>Council backs budget</h1>" + ARTICLE_TEXT)
    found = extract(html, "https://news.example.com/category/local/council-backs-budget.html")
    assert found is not None and len(found.articleBody or "") > 1000


def test_a_news_article_in_json_ld_outweighs_a_listing_url() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Kế hoạch cải tạo phố cũ",
          "datePublished": "2026-01-05T08:00:00+07:00"}
    html = page(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>',
                "<h1>Kế hoạch cải tạo phố cũ</h1>" + "".join(
                    f"<p>Đoạn {i}: Hà Nội công bố kế hoạch cải tạo các tuyến phố cũ trong khu vực trung tâm, "
                    "với tổng vốn đầu tư dự kiến hàng nghìn tỷ đồng trong giai đoạn tới.</p>" for i in range(5)), "vi")
    found = extract(html, "https://baomoi.example.vn/chuyen-muc/do-thi/ke-hoach-cai-tao-pho-cu.html")
    assert found is not None and found.datePublished == "2026-01-05T08:00:00+07:00"


def test_an_article_without_a_headline_is_a_record_with_a_null_headline() -> None:
    """No <h1>, no <title>, no og:title: the body is there, so the page is an article."""
    html = page("", "<article>" + ARTICLE_TEXT + "</article>")
    found = extract(html, "https://news.example.com/2026/01/05/council-backs-budget")
    assert found is not None and found.headline is None and "the repairs to the bridge" in (found.articleBody or "")


def test_a_brief_is_an_article_when_the_page_names_itself_one() -> None:
    brief = "<p>The council approved the budget on Monday by 31 votes to 12.</p>"  # under 200 characters
    url = "https://news.example.com/2026/01/05/council-approves-budget"
    declared = page('<meta property="og:type" content="article"><title>Budget approved</title>',
                    f"<h1>Budget approved</h1>{brief}")
    found = extract(declared, url)
    assert found is not None and found.articleBody == "The council approved the budget on Monday by 31 votes to 12."
    assert extract(page("<title>Budget approved</title>", f"<h1>Budget approved</h1>{brief}"), url) is None


@pytest.mark.parametrize(("html", "reason"), [
    (LISTINGS["english tag page"][1], "listing"),
    # the cards are all boilerplate (a linked title, a line): no main container, and still a listing
    (page("<title>Kinh tế</title>", "<ul>" + "".join(
        f'<li class="item"><h4><a href="/tin/{i}.html">{title}</a></h4><div>Tóm tắt ngắn.</div></li>'
        for i, title in enumerate(VI_TITLES)) + "</ul>", "vi"), "listing"),
    (page("<title>Events</title>", "<h1>Trade fair 2026</h1><p>Hanoi, 27-30 November.</p>"), "no_text"),
    ("<!DOCTYPE html><html><head><title>Loading</title></head><body><div id=app></div></body></html>", "empty"),
])
def test_extract_page_says_why_a_page_gave_no_record(html: str, reason: str) -> None:
    from extractors import extract_page

    found = extract_page(html, "https://news.example.com/some/page")
    assert found.article is None and found.reason == reason
