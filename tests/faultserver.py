"""A fault-injecting HTTP server for crawl tests: every way a server can fail, lie or attack, on loopback only.

It binds 127.0.0.1 (or another 127.x address) and nothing else. Each path is one scenario (``SCENARIOS``);
``/sitemap.xml`` lists the page scenarios, ``/sitemaps/<name>.xml`` serve the discovery scenarios. Every
request is recorded (path, Host header) so a test can assert that a host got no request at all.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

from test_encoding import to_cp1258 as windows_1258

VI_TITLE = "Đau bụng kéo dài: khi nào cần đi khám bác sĩ"
VI_PARAGRAPH = ("Theo các bác sĩ Bệnh viện Bạch Mai, đau bụng kéo dài nhiều ngày kèm sốt, nôn hoặc sụt cân là dấu "
                "hiệu cần đi khám ngay, không nên tự ý dùng thuốc giảm đau tại nhà vì có thể che lấp triệu chứng. ")
LASTMOD = "2026-11-21T08:00:00+07:00"


def article_html(title: str = VI_TITLE, *, charset: str | None = "utf-8", extra_head: str = "", body_pad: str = "",
                 entities: bool = False) -> str:
    paragraph = VI_PARAGRAPH
    if entities:  # every non-ASCII letter as a numeric character reference
        paragraph = "".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in paragraph)
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f'<!DOCTYPE html><html lang="vi"><head>{meta}<title>{title}</title>{extra_head}'
            f'<meta property="article:published_time" content="2026-11-21T08:00:00+07:00"></head><body>'
            f"<article><h1>{title}</h1><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p>{body_pad}"
            f"</article></body></html>")


@dataclass(frozen=True, slots=True)
class Hit:
    host: str
    path: str
    at: float = field(default_factory=time.time, compare=False)


Scenario = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultServer  # type: ignore[assignment]

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.server.record(Hit(self.headers.get("Host", ""), path))
        scenario = self.server.scenarios.get(path)
        if scenario is None and path.startswith("/chain/"):
            scenario = redirect_chain
        if scenario is None:
            self.send_bytes(404, b"<html><body>404</body></html>")
            return
        scenario(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # ----- building blocks --------------------------------------------------------------------

    def send_bytes(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
                   headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302) -> None:
        self.send_bytes(status, b"", headers={"Location": location})

    def once(self, key: str) -> bool:
        """True the first time this scenario is hit (per server)."""
        return self.server.first_time(key)

    def reset(self) -> None:
        """Close with a TCP RST (SO_LINGER 0), not a FIN."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


# ----- scenarios ---------------------------------------------------------------------------------

def status(code: int, headers: dict[str, str] | None = None) -> Scenario:
    return lambda h: h.send_bytes(code, b"<html><body>error</body></html>", headers=headers)


def page(html: str | bytes, content_type: str = "text/html; charset=utf-8") -> Scenario:
    body = html.encode("utf-8") if isinstance(html, str) else html
    return lambda h: h.send_bytes(200, body, content_type)


def stall_before_headers(h: Handler) -> None:
    time.sleep(h.server.stall_seconds)
    h.send_bytes(200, article_html().encode())


def send_part(h: Handler, part: int, *, promised_extra: int = 0) -> None:
    """Headers promising the whole article (plus ``promised_extra`` bytes), then only its first ``part`` bytes."""
    body = article_html().encode()
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(body) + promised_extra))
    h.end_headers()
    h.wfile.write(body[:part])
    h.wfile.flush()


def stall_mid_body(h: Handler) -> None:
    send_part(h, 200)
    time.sleep(h.server.stall_seconds)


def reset_mid_body(h: Handler) -> None:
    send_part(h, 300)
    h.reset()


def short_body(h: Handler) -> None:
    send_part(h, 1 << 30, promised_extra=5000)
    h.close_connection = True
    h.connection.shutdown(socket.SHUT_WR)


def huge_page(h: Handler) -> None:
    """30 MB, streamed in chunks, no Content-Length: only the bytes received can tell it is too big."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = ("<p>" + VI_PARAGRAPH * 20 + "</p>\n").encode()
    sent = 0
    try:
        h.wfile.write("<html><body><article><h1>Trang rất lớn</h1>".encode())
        while sent < 30 * 1024 * 1024:
            h.wfile.write(chunk)
            sent += len(chunk)
    except OSError:
        pass  # the crawler hung up once it had enough: what it should do
    h.close_connection = True


def gzip_page(inflated_size: int) -> Scenario:
    padding = " " * inflated_size
    body = gzip.compress(article_html(body_pad=f"<!--{padding}-->").encode(), compresslevel=9)
    return lambda h: h.send_bytes(200, body, headers={"Content-Encoding": "gzip"})


def redirect_to(location_of: Callable[[Handler], str]) -> Scenario:
    return lambda h: h.redirect(location_of(h))


def redirect_chain(h: Handler) -> None:
    step = int(urlsplit(h.path).path.rsplit("/", 1)[1])
    if step >= h.server.chain_length:
        h.send_bytes(200, article_html("Cuối chuỗi chuyển hướng").encode())
    else:
        h.redirect(f"/chain/{step + 1}")


def retry_then_other_host(h: Handler) -> None:
    if h.once("retry-then-other-host"):
        h.send_bytes(503, b"busy")
    else:
        h.redirect(f"{h.server.other_url}/stolen")


def billion_laughs() -> bytes:
    lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE urlset [{"".join(lol)}]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol9;</loc></url></urlset>').encode()


def big_sitemap(count: int) -> bytes:
    """``count`` entries dated long before the window (counted, not fetched), and one in it."""
    rows = "".join(f"<url><loc>/old/{i}</loc><lastmod>2020-01-01</lastmod></url>" for i in range(count - 1))
    return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}'
            f"<url><loc>/ok/from-big-sitemap</loc><lastmod>{LASTMOD}</lastmod></url></urlset>").encode()


def links_page(h: Handler) -> None:
    html = article_html(body_pad=(f'<a href="{h.server.other_url}/linked">x</a><a href="file:///etc/passwd">y</a>'
                                  '<a href="/ok/linked-on-site">z</a>'))
    h.send_bytes(200, html.encode())


# Page scenarios: path -> (handler, the outcome the crawl must count it under).
def page_scenarios(server: FaultServer) -> dict[str, tuple[Scenario, str]]:
    other = lambda h: f"{h.server.other_url}/elsewhere"
    return {
        "/ok/plain": (page(article_html()), "written"),
        "/fail/500": (status(500), "http_500"),
        "/fail/503": (status(503), "http_503"),
        "/fail/503-retry-after": (status(503, {"Retry-After": "1"}), "http_503"),
        "/fail/429": (status(429), "http_429"),
        "/fail/404": (status(404), "http_404"),
        "/fail/stall-before-headers": (stall_before_headers, "download_timeout"),
        "/fail/stall-mid-body": (stall_mid_body, "download_timeout"),
        "/fail/reset-mid-body": (reset_mid_body, "download_error"),
        "/fail/short-body": (short_body, "download_error"),
        "/ok/windows-1258-meta-only": (page(windows_1258(article_html(charset="windows-1258")), "text/html"),
                                        "written"),
        "/ok/lying-header-charset": (page(article_html(), "text/html; charset=iso-8859-1"), "written"),
        "/ok/no-charset": (page(article_html(charset=None), "text/html"), "written"),
        "/ok/numeric-entities": (page(article_html(entities=True)), "written"),
        "/ok/bom": (page(b"\xef\xbb\xbf" + article_html(charset=None).encode(), "text/html"), "written"),
        "/fail/pdf-as-html": (page(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" * 50), "not_html"),
        "/fail/png-as-html": (page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000)), "not_html"),
        "/fail/empty-200": (page(b""), "empty"),
        "/fail/30mb": (huge_page, "too_large"),
        "/fail/gzip-bomb-above-limit": (gzip_page(server.maxsize * 3), "too_large"),
        "/ok/gzip-below-limit": (gzip_page(server.maxsize // 4), "written"),
        "/fail/redirect-loop-a": (redirect_to(lambda h: "/fail/redirect-loop-b"), "redirect_loop"),
        "/chain/0": (redirect_chain, "too_many_redirects"),
        "/fail/redirect-other-host": (redirect_to(other), "offsite"),
        "/fail/retry-then-other-host": (retry_then_other_host, "offsite"),
        "/fail/meta-refresh-other-host": (
            lambda h: h.send_bytes(200, article_html(
                extra_head=f'<meta http-equiv="refresh" content="0; url={h.server.other_url}/refreshed">').encode()),
            "offsite"),
        "/ok/deep-nesting": (page(article_html(body_pad="<span>" * 50_000 + "sâu" + "</span>" * 50_000)), "written"),
        "/ok/links": (links_page, "written"),
        "/ok/linked-on-site": (page(article_html("Bài được liên kết")), "written"),
    }


def sitemap_for(paths: list[str], extra_locs: list[str]) -> bytes:
    rows = "".join(f"<url><loc>{p}</loc><lastmod>{LASTMOD}</lastmod></url>" for p in paths)
    rows += "".join(f"<url><loc>{loc}</loc><lastmod>{LASTMOD}</lastmod></url>" for loc in extra_locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'.encode()


class FaultServer(ThreadingHTTPServer):
    """Serves the scenarios on ``host`` (a 127.x address). Use as a context manager."""

    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1", *, other_url: str = "", maxsize: int = 1 << 20,
                 stall_seconds: float = 4.0, chain_length: int = 25, big_sitemap_size: int = 100_000) -> None:
        assert host.startswith("127."), "tests talk to loopback only"
        super().__init__((host, 0), Handler)
        self.other_url = other_url
        self.maxsize = maxsize
        self.stall_seconds = stall_seconds
        self.chain_length = chain_length
        self.hits: list[Hit] = []
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self.expected: dict[str, str] = {}
        scenarios: dict[str, Scenario] = {}
        for path, (scenario, outcome) in page_scenarios(self).items():
            scenarios[path] = scenario
            self.expected[path] = outcome
        extra = [f"{other_url}/listed-in-sitemap", "file:///etc/passwd", "data:text/html,<h1>x</h1>"]
        listed = [p for p in self.expected if p != "/ok/linked-on-site"]
        scenarios["/sitemap.xml"] = page(sitemap_for(listed, extra), "application/xml")
        scenarios["/robots.txt"] = page(b"User-agent: *\nAllow: /\n", "text/plain")
        # Discovery scenarios.
        scenarios["/sitemaps/not-xml.xml"] = page(b"<html><body>Not a sitemap at all</body></html>")
        scenarios["/sitemaps/billion-laughs.xml"] = page(billion_laughs(), "application/xml")
        scenarios["/sitemaps/forbidden.xml"] = status(403)
        scenarios["/sitemaps/challenge.xml"] = page(
            b"<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>")
        scenarios["/sitemaps/big.xml"] = page(big_sitemap(big_sitemap_size), "application/xml")
        scenarios["/sitemaps/undefined-entity.xml"] = page(
            ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<url><loc>/ok/entity-1?x=1&amp;y=2</loc><lastmod>{LASTMOD}</lastmod></url>"
             f"<url><loc>/ok/entity-2&nbsp;</loc><lastmod>{LASTMOD}</lastmod></url>"
             f"<url><loc>/ok/entity-3?x=1&y=2</loc><lastmod>{LASTMOD}</lastmod></url>"
             f"<url><loc>/ok/entity-4</loc><lastmod>{LASTMOD}</lastmod></url></urlset>").encode(), "application/xml")
        for name in ("/ok/from-big-sitemap", "/ok/entity-1", "/ok/entity-3", "/ok/entity-4"):
            scenarios[name] = page(article_html("Bài từ sơ đồ trang"))
        self.scenarios = scenarios
        scenarios["/fail/redirect-loop-b"] = redirect_to(lambda h: "/fail/redirect-loop-a")  # reached by redirect only
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a crawler hanging up on a stalled or oversized answer is the point of the scenario

    def record(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._seen:
                return False
            self._seen.add(key)
            return True

    def __enter__(self) -> Self:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class RecordingServer(ThreadingHTTPServer):
    """The "other host": answers every request with a page, and records it (a test asserts it got none)."""

    daemon_threads = True

    def __init__(self, host: str) -> None:
        assert host.startswith("127.")
        hits: list[Hit] = []
        self.hits = hits

        class Recording(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                hits.append(Hit(self.headers.get("Host", ""), self.path))
                body = article_html("Trang của máy chủ khác").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        super().__init__((host, 0), Recording)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> Self:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


__all__ = ["VI_PARAGRAPH", "VI_TITLE", "FaultServer", "RecordingServer", "zlib"]
