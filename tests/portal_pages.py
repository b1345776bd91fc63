"""What the bundled portal copy (tests/fixtures/portal/) holds, and where each page belongs.

The copy lists articles in daily sitemaps 2026-11-19 .. 2026-11-25 and in a news sitemap. The crawl
tests use the window 2026-11-21 .. 2026-11-23 (Vietnam days).
"""

from __future__ import annotations

from urllib.parse import urlsplit

WINDOW = {"since": "2026-11-21", "until": "2026-11-23"}

IN_WINDOW = {
    "/gia-ca-phe-hom-nay-21-11-2026": "vi",  # file 2026-11-20, lastmod 18:05Z = 21 Nov 01:05 in Vietnam
    "/da-nang-don-luong-khach-quoc-te-ky-luc": "vi",
    "/en/viet-nam-lot-top-diem-den-hap-dan-nam-2027": "en",  # daily (trailing slash) + news sitemap
    "/nong-dan-mien-tay-trung-mua-sau-rieng": "vi",
    "/en/hue-festival-thu-hut-du-khach-quoc-te": "en",
    "/ko/pho-viet-nam-duoc-vinh-danh-tai-han-quoc": "ko",
    "/tp-hcm-khoi-cong-tuyen-metro-so-2": "vi",
    "/hoi-nghi-xuc-tien-dau-tu-vao-viet-nam": "vi",  # only in the news sitemap
}
OUTSIDE_WINDOW = [
    "/le-hoi-hoa-tam-giac-mach-ha-giang",  # file 2026-11-19: not even read
    "/ha-noi-mo-them-tuyen-pho-di-bo",  # lastmod 20 Nov in Vietnam
    "/hoi-an-lung-linh-dem-ram",  # file 2026-11-23, lastmod 17:10Z = 24 Nov 00:10 in Vietnam
    "/vinh-ha-long-don-mua-du-lich-cao-diem",  # daily 2026-11-24 and news sitemap 24 Nov
    "/sapa-don-dot-khong-khi-lanh-dau-mua",  # file 2026-11-25: not read
]
NOT_ARTICLES = {"/chuyen-muc/kinh-te": "listing", "/events/hoi-cho-du-lich-quoc-te-2026": "no_text",
                "/bai-viet-da-go": "http_404"}
ROBOTS_DISALLOWED = "/private/ban-nhap-bai-viet"


def record_paths(records: list[dict]) -> list[str]:
    """The URL path of each record, in feed order (the portal's host and port vary per run)."""
    return [urlsplit(record["url"]).path for record in records]
