from __future__ import annotations

import pytest

from crawler.urls import is_on_domains, normalize_portal_url, normalize_url, path_language


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTPS://Example.COM:443/a/b?x=1#frag", "https://example.com/a/b?x=1"),
    ("http://example.com:80", "http://example.com/"),
    ("http://127.0.0.1:8765/a/", "http://127.0.0.1:8765/a/"),  # generic sites keep their trailing slash
    ("https://example.com/a?utm_source=rss&id=7&utm_medium=feed&fbclid=X", "https://example.com/a?id=7"),
    ("https://example.com/tìm-kiếm?q=đà nẵng", "https://example.com/tìm-kiếm?q=%C4%91%C3%A0+n%E1%BA%B5ng"),
])
def test_normalize_url(url, expected):
    assert normalize_url(url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://vcdn.vietnam.vn/en/la-chanh-bao-quang-nam-online/", "https://www.vietnam.vn/en/la-chanh-bao-quang-nam-online"),
    ("http://vietnam.vn/gia-sau-rieng-hom-nay", "https://www.vietnam.vn/gia-sau-rieng-hom-nay"),
    ("https://www.vietnam.vn/ko/slug#top", "https://www.vietnam.vn/ko/slug"),
    ("https://www.vietnam.vn/", "https://www.vietnam.vn/"),
    ("http://127.0.0.1:8765/en/slug/", "http://127.0.0.1:8765/en/slug"),  # a local copy: the same rules
    ("https://baoquocte.vn/a-123.html", "https://baoquocte.vn/a-123.html"),
])
def test_normalize_portal_url(url, expected):
    assert normalize_portal_url(url) == expected


def test_normalising_twice_changes_nothing():
    url = "https://vcdn.vietnam.vn/en/x/?utm_source=a"
    assert normalize_portal_url(normalize_portal_url(url)) == normalize_portal_url(url)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.vietnam.vn/gia-sau-rieng-hom-nay-16-8-2025", "vi"),
    ("https://www.vietnam.vn/en/quan-pho-ngay-trung-tam", "en"),
    ("https://www.vietnam.vn/ko/slug", "ko"),
    ("https://www.vietnam.vn/zh-cn/slug", "zh-cn"),
    ("https://www.vietnam.vn/en", "vi"),  # an edition's home page is no article of it
    ("https://www.vietnam.vn/events/hoi-cho", "vi"),  # a section, not a 2-letter edition
])
def test_path_language(url, expected):
    assert path_language(url) == expected


def test_is_on_domains_ignores_ports_and_accepts_subdomains():
    assert is_on_domains("http://127.0.0.1:8765/x", ["127.0.0.1"])
    assert is_on_domains("https://m.vnexpress.net/x", ["vnexpress.net"])
    assert not is_on_domains("https://notvnexpress.net/x", ["vnexpress.net"])
    assert not is_on_domains("https://example.org/x", ["127.0.0.1"])
