"""Local servers for crawl benchmarks and tests: a portal of N article pages, served from memory by a raw
asyncio HTTP/1.1 server on 127.0.0.1, and a throw-away redis-server.

Used by the crawl benchmark (``python -m benchmarks crawl``) and by the Redis crawl tests. Page ``i``
(``/a/<i>``) is template ``i mod T`` with its own canonical URL and a numbered headline, so every page is
a distinct article; ``/sitemap.xml`` lists them all with a ``lastmod``. Templates are article HTML files;
their own ``<link rel=canonical>`` and ``og:url`` are removed. The server runs in its own process
(:class:`PortalProcess`) so that serving costs the crawl under test nothing: keep-alive, no threads, no
disk, a page built by two ``bytes.replace`` calls.

    python -m benchmarks.portal_server --pages 2000 TEMPLATE.html ...   # prints "port N", serves until killed
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Self

LASTMOD = "2026-11-22T08:00:00+07:00"
_CANONICAL_RE = re.compile(rb"<link[^>]*\brel=[\"']?canonical\b[^>]*>|<meta[^>]*\bog:url\b[^>]*>", re.IGNORECASE)
_TITLE_RE = re.compile(rb"(<title[^>]*>)", re.IGNORECASE)
_HEAD_RE = re.compile(rb"(<head[^>]*>)", re.IGNORECASE)
_H1_RE = re.compile(rb"(<h1[^>]*>)", re.IGNORECASE)


def prepare_template(html: bytes) -> bytes:
    """A template with ``__PAGE_URL__`` as its canonical URL and ``__PAGE_NO__`` at the headline's start."""
    html = _CANONICAL_RE.sub(b"", html)
    html = _HEAD_RE.sub(rb'\1<link rel="canonical" href="__PAGE_URL__">', html, count=1)
    html = _TITLE_RE.sub(rb"\1__PAGE_NO__ ", html, count=1)
    return _H1_RE.sub(rb"\1__PAGE_NO__ ", html, count=1)


class Portal:
    def __init__(self, templates: Sequence[bytes], pages: int) -> None:
        self.templates = [prepare_template(t) for t in templates]
        self.pages = pages
        self.base = ""  # http://127.0.0.1:port, known once listening

    def page(self, number: int) -> bytes:
        template = self.templates[number % len(self.templates)]
        url = f"{self.base}/a/{number}".encode()
        return template.replace(b"__PAGE_URL__", url).replace(b"__PAGE_NO__", f"[{number}]".encode())

    def sitemap(self) -> bytes:
        entries = "".join(f"<url><loc>{self.base}/a/{i}</loc><lastmod>{LASTMOD}</lastmod></url>"
                          for i in range(self.pages))
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{entries}</urlset>").encode()

    def respond(self, path: str) -> tuple[int, bytes, bytes]:
        if path == "/sitemap.xml":
            return 200, b"application/xml", self.sitemap()
        if path == "/robots.txt":
            return 200, b"text/plain", f"User-agent: *\nAllow: /\nSitemap: {self.base}/sitemap.xml\n".encode()
        if path.startswith("/a/") and path[3:].isdigit() and int(path[3:]) < self.pages:
            return 200, b"text/html; charset=utf-8", self.page(int(path[3:]))
        return 404, b"text/plain", b"not found"


async def _handle(portal: Portal, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line = head.split(b"\r\n", 1)[0].split()
            path = request_line[1].decode("latin-1").split("?", 1)[0] if len(request_line) > 1 else "/"
            status, content_type, body = portal.respond(path)
            reason = b"OK" if status == 200 else b"Not Found"
            writer.write(b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                         % (status, reason, content_type, len(body)) + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def serve(portal: Portal, port: int) -> None:
    server = await asyncio.start_server(lambda r, w: _handle(portal, r, w), "127.0.0.1", port, backlog=1024)
    bound = server.sockets[0].getsockname()[1]
    portal.base = f"http://127.0.0.1:{bound}"
    print(f"port {bound}", flush=True)
    async with server:
        await server.serve_forever()


class PortalProcess:
    """The server in a child process: ``with PortalProcess(templates, pages) as portal: portal.url``."""

    def __init__(self, templates: Sequence[Path], pages: int) -> None:
        self.command = [sys.executable, "-m", "benchmarks.portal_server", "--pages", str(pages),
                        *map(str, templates)]
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> Self:
        root = Path(__file__).resolve().parent.parent
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, text=True, cwd=root)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("port "):
            self.process.kill()
            raise RuntimeError(f"portal server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """``redis-server`` on 127.0.0.1, a free port, nothing saved: ``with RedisServer() as redis: redis.url``."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Self:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not self._answers():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.__exit__()
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


def read_template(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("templates", nargs="+", type=Path)
    args = parser.parse_args(argv)
    portal = Portal([read_template(path) for path in args.templates], args.pages)
    asyncio.run(serve(portal, args.port))


if __name__ == "__main__":
    main()
