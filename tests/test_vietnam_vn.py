"""The vietnam.vn profile: the issue's "done when" on the seed reconstruction, and the profile's rules on
variants of the reconstructions (no known class names, other hosts and editions, other dates, listings).

All vietnam.vn pages here are RECONSTRUCTIONS (no real vietnam.vn HTML could be found): see each
fixture's .meta.json.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from extractors import Article, extract, page_class_for
from extractors.fixtures import Fixture, discover, text_values, visible_lines
from extractors.sites.vietnam_vn import VietnamVnPage
from extractors.text import clean

FIXTURES = {f.name: f for f in discover(Path(__file__).parent / "fixtures", "vietnam_vn")}
SEED = FIXTURES["en_2023_05_24_nato_japan_reconstruction"]
VI = FIXTURES["vi_2025_07_13_du_lich_duong_song_reconstruction"]
LISTING = FIXTURES["en_tag_listing_reconstruction"]
FETCHED = datetime(2026, 11, 28, tzinfo=UTC)
SEED_PATH = "/en/trung-quoc-phan-doi-manh-me-viec-nato-tien-vao-nhat-ban-bat-chap-viec-thu-tuong-kishida-tran-an"


def run(fixture: Fixture, url: str | None = None, html: str | None = None) -> Article | None:
    return extract(html if html is not None else fixture.html(), url or fixture.url, fetched_at=FETCHED)


def article(fixture: Fixture, url: str | None = None, html: str | None = None) -> Article:
    found = run(fixture, url, html)
    assert found is not None
    return found


# ----- the "done when", on the seed reconstruction -------------------------------------------------

def test_seed_reconstruction_reads_like_the_seed_page_line_for_line() -> None:
    seed_text = SEED.directory.joinpath(f"{SEED.name}.seed.txt").read_text("utf-8")
    recorded = re.search(r"sha256 ([0-9a-f]{64})", SEED.meta["based_on"][0])
    assert recorded is not None and hashlib.sha256(seed_text.encode("utf-8")).hexdigest() == recorded.group(1)
    seed_lines = [clean(line) for line in seed_text.splitlines() if clean(line)]
    assert visible_lines(SEED.html()) == seed_lines


def test_seed_done_when() -> None:
    record = article(SEED)
    assert record.headline == ("China strongly opposes NATO \"advancing\" into Japan, despite Prime Minister "
                               "Kishida's reassurances")
    assert (record.datePublished, record.datePublishedRaw) == ("2023-05-24T00:00:00+07:00", "24/05/2023")
    assert record.sourceOrganization is not None and record.sourceOrganization.name == "Báo Quốc Tế"
    assert record.publisher is not None and record.publisher.name == "Vietnam.vn"
    assert record.isBasedOn and record.isBasedOn.startswith("https://baoquocte.vn/")
    assert record.inLanguage == "en"

    paragraphs = [block.text for block in record.body]
    assert len(paragraphs) == 7 and all(block.type == "paragraph" for block in record.body)
    assert paragraphs[0].startswith("On May 24, Japanese Prime Minister Kishida Fumio admitted")
    assert paragraphs[-1].endswith("requires countries in the region to be highly vigilant.\"")
    assert record.articleBody == "\n\n".join(paragraphs)

    assert [(i.caption, i.credit) for i in record.images] == [
        ("NATO plans to open a representative office in Japan.", "Reuters")]
    assert record.images[0].alt and record.images[0].alt.startswith("Trung Quốc phản đối NATO")

    mao = [q for q in record.quotes if q.text.startswith("We want to say that the Asia-Pacific region")]
    assert len(mao) == 1 and mao[0].speaker == "Mao Ning" and mao[0].paragraphIndex == 4


def test_seed_no_boilerplate_in_any_text_field_and_drops_counted() -> None:
    record = article(SEED)
    banned = ["No data", "No videos available", "Comment (0)", "Source", "Same tag", "Same category",
              "Same author", "Heritage", "Political System", "Visit Lo Dieu", "Vietnam.vn - Nền tảng"]
    assert [(p, b) for p, v in text_values(record.to_dict()) for b in banned if b in v] == []
    assert all(caption not in record.articleBody for caption in ("NATO plans to open a representative office",
                                                                 "(Source: Reuters)", "(Nguồn: Reuters)"))
    dropped = record.metadata.dropped
    assert (dropped["no_data"], dropped["empty_video"], dropped["comment_count"]) == (2, 1, 1)
    assert (dropped["related_heading"], dropped["related_items"], dropped["source_link"]) == (3, 4, 1)


# ----- which pages the profile handles ------------------------------------------------------------------------

@pytest.mark.parametrize("host", ["www.vietnam.vn", "vietnam.vn", "vcdn.vietnam.vn", "vjs.vietnam.vn"])
def test_every_host_picks_the_profile(host: str) -> None:
    assert page_class_for(f"https://{host}{SEED_PATH}") is VietnamVnPage


@pytest.mark.parametrize("url", ["https://notvietnam.vn/x", "https://vietnam.vn.example.com/x", "https://vtv.vn/x"])
def test_other_hosts_do_not(url: str) -> None:
    assert page_class_for(url) is not VietnamVnPage


@pytest.mark.parametrize(
    ("url", "lang"),
    [(f"https://vcdn.vietnam.vn{SEED_PATH}", "en"), (f"https://www.vietnam.vn/ko{SEED_PATH[3:]}", "ko"),
     (f"https://www.vietnam.vn{SEED_PATH[3:]}", "vi")],
)
def test_edition_from_the_url(url: str, lang: str) -> None:
    record = article(SEED, url)
    assert (record.inLanguage, record.metadata.languageSource) == (lang, "url")
    assert record.metadata.extractor == "vietnam_vn@V1"


def test_mirror_host_and_trailing_slash_canonicalise_to_www() -> None:
    record = article(SEED, f"https://vcdn.vietnam.vn{SEED_PATH}/")
    assert record.url == f"https://vcdn.vietnam.vn{SEED_PATH}/"
    assert record.canonicalUrl == f"https://www.vietnam.vn{SEED_PATH}"


# ----- robustness: the layout beyond .post-detail-body is unknown ----------------------------------------------

def test_without_any_class_name_the_same_fields_come_out() -> None:
    """Every class removed: body by generic scoring, source line and captions by their text."""
    expected = article(SEED)
    html = re.sub(r'\sclass="[^"]*"', "", SEED.html())
    assert "class=" not in html
    record = article(SEED, html=html)
    assert (record.headline, record.datePublished, record.sourceOrganization, record.isBasedOn) == (
        expected.headline, expected.datePublished, expected.sourceOrganization, expected.isBasedOn)
    assert [b.text for b in record.body] == [b.text for b in expected.body]
    assert [(i.caption, i.credit) for i in record.images] == [(i.caption, i.credit) for i in expected.images]
    assert [(q.text, q.speaker) for q in record.quotes] == [(q.text, q.speaker) for q in expected.quotes]
    assert record.metadata.warnings == ["profile_fallback:body"]  # counted per publisher by the crawl
    assert record.metadata.dropped["no_data"] == 2


def test_caption_as_a_credit_line_after_the_image_is_no_body_text() -> None:
    record = article(VI)
    assert [(i.caption, i.credit) for i in record.images] == [
        ("Tàu du lịch rời bến Long Xuyên trong chuyến đi đầu tiên.", "THANH TIẾN"),
        ("Du khách tham quan một làng nghề dệt thổ cẩm ven sông.", "NGỌC HÂN")]
    assert "Ảnh:" not in record.articleBody


@pytest.mark.parametrize(
    ("line", "name", "published", "raw"),
    [
        ('<span>Báo Quốc Tế</span> <span>24/05/2023</span>', "Báo Quốc Tế", "2023-05-24T00:00:00+07:00", "24/05/2023"),
        ("<b>Báo Sài Gòn Giải phóng</b><b>Báo Sài Gòn Giải phóng</b>13/7/2025 08:15", "Báo Sài Gòn Giải phóng",
         "2025-07-13T08:15:00+07:00", "13/7/2025 08:15"),
    ],
)
def test_other_shapes_of_the_source_line(line: str, name: str, published: str, raw: str) -> None:
    html = re.sub(r'<div class="post-detail-info">.*?</div>', f"<div>{line}</div>", SEED.html(), count=1)
    record = article(SEED, html=html)
    assert record.sourceOrganization is not None and record.sourceOrganization.name == name
    assert (record.datePublished, record.datePublishedRaw) == (published, raw)


def test_a_weekday_before_the_date_is_no_paper() -> None:
    html = re.sub(r'<div class="post-detail-info">.*?</div>', "<div>Thứ tư, 24/05/2023</div>", SEED.html(), count=1)
    record = article(SEED, html=html)  # still an article: the body element is there
    assert (record.sourceOrganization, record.attributionRaw) == (None, None)
    assert record.datePublished == "2023-05-24T00:00:00+07:00"  # the day printed under the headline, no paper


@pytest.mark.parametrize(
    ("machine", "published"),
    [("2023-05-24T03:00:00+00:00", "2023-05-24T10:00:00+07:00"),  # 10:00 in Vietnam, the printed day: adds time
     ("2023-05-25T01:00:00+00:00", "2023-05-24T00:00:00+07:00")],  # the next day in Vietnam: a re-post time, not the article's
)
def test_machine_date_wins_only_on_the_printed_day(machine: str, published: str) -> None:
    html = SEED.html().replace("</head>", f'<meta property="article:published_time" content="{machine}"></head>')
    assert article(SEED, html=html).datePublished == published


def test_source_link_with_the_paper_name_when_there_is_no_source_line() -> None:
    html = re.sub(r'<div class="post-detail-info">.*?</div>', "", SEED.html(), count=1)
    html = html.replace(">Source</a>", ">Nguồn: Báo Quốc Tế</a>")
    record = article(SEED, html=html)
    assert record.sourceOrganization is not None
    assert (record.sourceOrganization.name, record.sourceOrganization.url) == ("Báo Quốc Tế", "https://baoquocte.vn/")
    assert "Nguồn" not in record.articleBody and record.metadata.dropped["source_link"] == 1


def test_playable_video_is_kept_and_an_empty_player_counted() -> None:
    player = ('<figure><iframe src="https://www.youtube.com/embed/abc123"></iframe><figcaption>Mao Ning at the '
              'press conference</figcaption></figure><video controls></video>')
    html = SEED.html().replace("</div>\n      <div class=\"post-detail-source\">", f"{player}</div>\n"
                               "      <div class=\"post-detail-source\">")
    record = article(SEED, html=html)
    assert [(v.url, v.caption) for v in record.videos] == [
        ("https://www.youtube.com/embed/abc123", "Mao Ning at the press conference")]
    assert record.metadata.dropped["empty_video"] == 2  # the menu's widget and the empty <video>


# ----- not articles ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/en/tag/nato", "/tag/nato", "/category/the-gioi", "/en/authors/ha-thu", "/events",
                                  "/events/le-hoi-hoa", "/en", "/", "/search?q=nato"])
def test_listing_paths_are_not_articles(path: str) -> None:
    assert run(SEED, f"https://www.vietnam.vn{path}") is None


def test_listing_page_is_not_an_article_even_at_an_article_path() -> None:
    assert run(LISTING) is None
    assert run(LISTING, "https://www.vietnam.vn/en/nato-mot-bai-viet") is None


def test_page_without_body_element_or_source_line_is_not_an_article() -> None:
    html = re.sub(r'<div class="post-detail-info">.*?</div>', "", SEED.html(), count=1)
    html = html.replace("post-detail-body", "content")
    assert run(SEED, html=html) is None


def test_deeply_nested_page_is_no_crash() -> None:
    """Thousands of nested elements: no recursion limit in the profile's own walks."""
    html = ("<html><body><h1>A headline long enough</h1><div><span>Báo Quốc Tế</span><span>24/05/2023</span></div>"
            + "<div>" * 3000 + "<p>" + "Prose that is long enough to count as an article body. " * 6 + "</p>"
            + "</div>" * 3000 + "</body></html>")
    record = article(SEED, html=html)
    assert record.sourceOrganization is not None and record.sourceOrganization.name == "Báo Quốc Tế"
    assert len(record.body) == 1
