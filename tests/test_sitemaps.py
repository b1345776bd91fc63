from __future__ import annotations

import gzip

import pytest
from scrapy.http import Response, XmlResponse

from crawler.sitemaps import Entry, NotASitemap, parse_feed, parse_sitemap, response_body

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.vietnam.vn/sitemap/sitemap-post/2026-07-08.xml</loc>
    <lastmod>2026-07-08T23:59:00.000Z</lastmod></sitemap>
  <sitemap><loc> https://www.vietnam.vn/sitemap/sitemap-tag.xml </loc></sitemap>
</sitemapindex>"""

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.vietnam.vn/gia-sau-rieng-hom-nay</loc>
    <image:image><image:loc>https://vstatic.vietnam.vn/x.jpg</image:loc></image:image>
    <news:news>
      <news:publication><news:name>Vietnam.vn</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>2026-07-08T11:04:10+07:00</news:publication_date>
      <news:title>Giá sầu riêng hôm nay</news:title>
    </news:news>
  </url>
  <url><lastmod>2026-07-08T04:04:10.339Z</lastmod></url>
</urlset>""".encode()


def test_sitemap_index():
    sitemap = parse_sitemap(INDEX)
    assert sitemap.kind == "sitemapindex"
    assert sitemap.entries == [
        Entry("https://www.vietnam.vn/sitemap/sitemap-post/2026-07-08.xml", "2026-07-08T23:59:00.000Z"),
        Entry("https://www.vietnam.vn/sitemap/sitemap-tag.xml"),
    ]


def test_google_news_sitemap_keeps_the_nested_publication_date():
    sitemap = parse_sitemap(NEWS)
    assert sitemap.kind == "urlset"
    # The <url> without a <loc> is skipped; the image's <loc> is not the page's.
    assert sitemap.entries == [Entry("https://www.vietnam.vn/gia-sau-rieng-hom-nay", None, "2026-07-08T11:04:10+07:00")]
    assert sitemap.entries[0].timestamp == "2026-07-08T11:04:10+07:00"


@pytest.mark.parametrize(("body", "reason"), [
    (b"", "empty_body"),
    (b"   \n", "empty_body"),
    (b"<!DOCTYPE html><html><body><h1>Just a moment...</h1></body></html>", "not_sitemap"),
    (b"<rss><channel></channel></rss>", "not_sitemap"),
    (b"\x00\x01 binary", "not_xml"),
])
def test_a_body_that_is_no_sitemap_is_an_error(body, reason):
    with pytest.raises(NotASitemap) as caught:
        parse_sitemap(body)
    assert caught.value.reason == reason


def test_entities_are_not_expanded():
    body = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&e;</loc></url></urlset>"""
    with pytest.raises(NotASitemap) as caught:
        parse_sitemap(body)
    assert caught.value.reason == "entity_declaration"


def test_billion_laughs_is_refused_before_parsing():
    lol = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    body = (f'<?xml version="1.0"?><!DOCTYPE urlset [{lol}]><urlset><url><loc>&a9;</loc></url></urlset>').encode()
    with pytest.raises(NotASitemap) as caught:
        parse_sitemap(body)
    assert caught.value.reason == "entity_declaration"


URLSET = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'


def test_an_undefined_entity_costs_its_entry_only_and_is_counted():
    rows = "".join(f"<url><loc>https://a.example/{i}{'&nbsp;' if i == 2 else ''}</loc></url>" for i in range(6))
    sitemap = parse_sitemap(URLSET.format(rows).encode())
    assert [entry.loc for entry in sitemap.entries] == [f"https://a.example/{i}" for i in (0, 1, 3, 4, 5)]
    assert sitemap.skipped == {"undefined_entity": 1}


def test_an_unescaped_ampersand_in_a_loc_is_kept_literally():
    rows = "<url><loc>https://a.example/s?x=1&y=2</loc></url><url><loc>https://a.example/t?a=1&amp;b=2</loc></url>"
    sitemap = parse_sitemap(URLSET.format(rows).encode())
    assert [entry.loc for entry in sitemap.entries] == ["https://a.example/s?x=1&y=2", "https://a.example/t?a=1&b=2"]
    assert sitemap.skipped == {}


def test_a_malformed_feed_item_is_skipped_and_the_others_kept():
    body = (b'<rss version="2.0"><channel><item><link>https://a.example/1</link></item>'
            b"<item><link>https://a.example/2</link><title>x &bogus; y</title></item>"
            b"<item><link>https://a.example/3</link></item></channel></rss>")
    from crawler.sitemaps import parse_feed_document

    feed = parse_feed_document(body)
    assert [entry.loc for entry in feed.entries] == ["https://a.example/1", "https://a.example/3"]
    assert feed.skipped == {"undefined_entity": 1}


def test_gzipped_sitemap_body():
    response = Response("https://a.example/sitemap.xml.gz", body=gzip.compress(INDEX))
    assert response_body(response) == INDEX
    truncated = Response("https://a.example/sitemap.xml.gz", body=gzip.compress(INDEX)[:40])
    with pytest.raises(NotASitemap) as caught:
        response_body(truncated)
    assert caught.value.reason == "bad_gzip"
    assert response_body(XmlResponse("https://a.example/s.xml", body=INDEX)) == INDEX


def test_rss_feed():
    body = """<?xml version="1.0"?><rss version="2.0"><channel><title>Tin mới</title>
    <item><title>Một</title><link> https://vnexpress.net/mot-1.html </link>
      <pubDate>Wed, 22 Oct 2025 19:25:52 +0700</pubDate></item>
    <item><title>Không có link</title></item>
    </channel></rss>""".encode()
    assert parse_feed(body) == [Entry("https://vnexpress.net/mot-1.html", None, "Wed, 22 Oct 2025 19:25:52 +0700")]


def test_atom_feed_prefers_the_alternate_link():
    body = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <entry><title>A</title><link rel="self" href="https://a.example/feed/1"/>
      <link rel="alternate" href="https://a.example/a"/><updated>2026-11-21T10:00:00Z</updated>
      <published>2026-11-20T10:00:00Z</published></entry>
    <entry><title>B</title><link href="https://a.example/b"/></entry></feed>"""
    assert parse_feed(body) == [Entry("https://a.example/a", "2026-11-21T10:00:00Z", "2026-11-20T10:00:00Z"),
                                Entry("https://a.example/b")]


def test_rdf_feed():
    body = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item rdf:about="https://a.example/r"><title>R</title><dc:date>2026-11-21</dc:date></item></rdf:RDF>"""
    assert parse_feed(body) == [Entry("https://a.example/r", None, "2026-11-21")]


def test_a_sitemap_is_not_a_feed():
    with pytest.raises(NotASitemap) as caught:
        parse_feed(INDEX)
    assert caught.value.reason == "not_feed"
