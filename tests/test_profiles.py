"""Declarative profiles: the hints the generic stages read, and the fallback when a selector finds nothing."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime

from extractors.document import Document
from extractors.page import ArticlePage

FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
LONG = ("Hội đồng thành phố đã thông qua ngân sách hôm thứ Ba sau một cuộc tranh luận dài về trường học, "
        "đường sá và bệnh viện mới sẽ mở cửa vào năm tới.")
URL = "https://news.example.vn/ngan-sach-duoc-thong-qua-123.htm"


class ExampleCms(ArticlePage):
    name = "example_cms"
    headline_selector = "h1.detail-title"
    lead_selector = "h2.detail-sapo"
    body_selector = "div.detail-content"
    byline_selector = ".author-info"
    byline_scope = "page"
    byline_separator = re.compile(r"\s*;\s*")
    date_selector = "[data-role=publishdate]"
    drop_selectors = ".box-category, .detail__comment"
    source_selector = ".source-paper"
    caption_selector = ".PhotoCMS_Caption"
    credit_pattern = re.compile(r"\s*-\s*Ảnh:\s*(?P<credit>.+)$")


PAGE = f"""<html><head><title>Ngân sách | Example</title>
<meta property="article:published_time" content="2026-01-05T08:00:00+07:00"></head><body>
<h1 class="detail-title">Ngân sách được thông qua</h1>
<div class="author-info">Tiến Long; Kỳ Phong</div>
<div data-role="publishdate" title="03/01/2026 16:19">03/01/2026 16:19 GMT+7</div>
<a class="source-paper" href="https://baoquocte.vn/ngan-sach-1.html">Báo Quốc Tế</a>
<h2 class="detail-sapo">{LONG} Sapo.</h2>
<div class="detail-content"><p>{LONG}</p>
<div class="VCSortableInPreviewMode" type="Photo"><img src="/a.jpg" width="600">
<p class="PhotoCMS_Caption">Phiên họp của hội đồng - Ảnh: Nhật Minh</p></div>
<p>{LONG} Hai.</p><div class="box-category"><a href="/x">Tin khác một</a></div><p>{LONG} Ba.</p></div>
<div class="detail__comment">Bình luận của bạn đọc</div></body></html>"""


def extract_with(profile: type[ArticlePage], html: str):  # type: ignore[no-untyped-def]
    return profile(Document.parse(html, URL, FETCHED_AT)).to_article()


def test_every_hint_is_read_by_its_stage() -> None:
    article = extract_with(ExampleCms, PAGE)
    assert article is not None
    assert article.headline == "Ngân sách được thông qua"
    assert [b.text for b in article.body] == [f"{LONG} Sapo.", LONG, f"{LONG} Hai.", f"{LONG} Ba."]
    assert article.description == f"{LONG} Sapo."  # no <meta> description: the sapo
    assert [a.name for a in article.authors] == ["Tiến Long", "Kỳ Phong"]
    assert (article.datePublished, article.datePublishedRaw) == ("2026-01-03T16:19:00+07:00", "03/01/2026 16:19")
    assert article.sourceOrganization is not None and article.sourceOrganization.name == "Báo Quốc Tế"
    assert article.isBasedOn == "https://baoquocte.vn/ngan-sach-1.html"
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        ("https://news.example.vn/a.jpg", "Phiên họp của hội đồng", "Nhật Minh")]
    assert article.metadata.dropped["profile_widget"] == 2
    assert article.metadata.warnings == []


def test_a_selector_that_finds_nothing_falls_back_to_the_generic_reading_and_says_so() -> None:
    stale = (PAGE.replace("detail-title", "title-new").replace("detail-sapo", "sapo-new")
             .replace('class="detail-content"', 'class="content-new"').replace("author-info", "author-new")
             .replace('data-role="publishdate"', 'data-role="date-new"').replace("source-paper", "paper-new")
             .replace("PhotoCMS_Caption", "caption-new"))
    article = extract_with(ExampleCms, stale)
    assert article is not None
    assert article.headline == "Ngân sách được thông qua"  # the generic headline
    assert LONG in [b.text for b in article.body]  # the generic body
    assert article.datePublished == "2026-01-05T08:00:00+07:00"  # the generic (meta) date
    assert sorted(article.metadata.warnings) == sorted(
        f"profile_fallback:{field}" for field in ("lead", "sourceOrganization", "headline", "body", "captions",
                                                  "authors", "datePublished"))


def test_the_generic_profile_states_no_hint_and_warns_nothing() -> None:
    article = extract_with(ArticlePage, PAGE)
    assert article is not None and not any(w.startswith("profile_fallback") for w in article.metadata.warnings)


# ----- vietnam.vn: the generic body rules its old `blocks` override lost ------------------------------------

VN_URL = "https://www.vietnam.vn/ngan-sach-duoc-thong-qua"


def vietnam_vn(body: str, head: str = ""):  # type: ignore[no-untyped-def]
    from extractors import extract

    html = (f"<html><head><title>Ngân sách được thông qua</title>{head}</head><body><h1>Ngân sách được thông qua</h1>"
            f'<div class="post-detail-body">{body}</div></body></html>')
    return extract(html, VN_URL, fetched_at=FETCHED_AT)


def test_vietnam_vn_reads_a_script_rendered_body_from_its_data() -> None:
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ngân sách được thông qua",
                     "datePublished": "2026-01-02T08:00:00+07:00", "articleBody": f"{LONG}\n\n{LONG} Hai.\n\n{LONG} Ba."},
                    ensure_ascii=False)
    article = vietnam_vn("", f'<script type="application/ld+json">{ld}</script>')
    assert article is not None and [b.text for b in article.body] == [LONG, f"{LONG} Hai.", f"{LONG} Ba."]
    assert article.metadata.warnings == ["body from JSON-LD articleBody"]


def test_vietnam_vn_takes_the_name_line_closing_the_body_as_the_author() -> None:
    article = vietnam_vn(f"<p>{LONG}</p><p>{LONG} Hai.</p><p><strong>Lê Phương</strong></p>")
    assert article is not None and [b.text for b in article.body] == [LONG, f"{LONG} Hai."]
    assert [a.name for a in article.authors] == ["Lê Phương"] and article.metadata.dropped["byline"] == 1


def test_profiles_state_hints_and_hooks_only() -> None:
    """A profile never runs a stage: it overrides only the base's hints (attributes) and hooks (methods)."""
    import inspect

    from extractors.registry import all_publishers
    from extractors.sites import families

    hooks = {name for name, value in vars(ArticlePage).items() if inspect.isfunction(value)} - {"__init__",
                                                                                                "to_article"}
    profiles = {*(pub.profile for pub in all_publishers() if pub.profile), families.VccorpCms, families.ZceCms}
    assert len(profiles) >= 5
    for profile in profiles:
        for cls in profile.__mro__[:profile.__mro__.index(ArticlePage)]:
            public = {name for name in vars(cls) if not name.startswith("__")}
            methods = {name for name in public if inspect.isfunction(vars(cls)[name])}
            assert methods - {m for m in methods if m.startswith("_")} <= hooks, (cls, methods - hooks)
            assert "to_article" not in vars(cls)
            unknown = {name for name in public - methods if not name.startswith("_")} - set(dir(ArticlePage))
            assert not unknown, (cls, unknown)  # a misspelt hint would be silently ignored


def test_the_crawl_counts_profile_fallbacks_per_profile() -> None:
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from crawler.spiders.vietnam_vn import VietnamVnSpider

    crawler = get_crawler(VietnamVnSpider)
    spider = VietnamVnSpider.from_crawler(crawler)
    html = (f"<html><head><title>Ngân sách được thông qua</title></head><body><h1>Ngân sách được thông qua</h1>"
            f"<div><span>Báo Quốc Tế</span> <span>24/05/2023</span></div><article><p>{LONG}</p><p>{LONG} Hai.</p>"
            f"</article></body></html>")  # no .post-detail-body: the layout changed
    response = HtmlResponse(VN_URL, body=html.encode("utf-8"), encoding="utf-8", request=Request(VN_URL))
    async def collect() -> list:
        return [record async for record in spider.parse_article(response)]

    records = asyncio.run(collect())
    assert len(records) == 1 and records[0]["metadata"]["warnings"] == ["profile_fallback:body"]
    assert crawler.stats.get_value("articles/profile_fallback/vietnam_vn/body") == 1
