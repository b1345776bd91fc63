"""A local copy of the vietnam.vn portal over real HTTP on 127.0.0.1, for tests and the offline demo.

It serves ``tests/fixtures/portal/`` (a small reconstructed copy: robots.txt, the sitemap index, daily
and news sitemaps, article pages of both editions, a listing, an events page). Text files are templates:
``{base_url}`` becomes the server's own address at serve time, so the sitemaps name the server.

URL to file: a path named in the copy's ``aliases.json`` is the file it names (pages of other fixture
sets, served without copying them); ``/`` is ``index.html``; ``/<path>`` is ``<path>`` if that file
exists, else ``<path>.html``; a trailing slash redirects (301) to the same path without it, as the
portal's canonical form; the query string is ignored; anything else is 404. Tests can queue scripted
responses for a path (``PortalServer.script``) to exercise retries and errors, and read every request
in ``requests``.

    python -m crawler.demo_portal --port 8765     # serve until Ctrl-C
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

FIXTURES_ROOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
PORTAL_ROOT = FIXTURES_ROOT / "portal"
ALIASES_FILE = "aliases.json"
TEMPLATE_MARK = "{base_url}"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class Scripted:
    """One canned response, served instead of the file for the next request to its path."""

    status: int
    headers: dict[str, str]
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Hit:
    """One request the server received."""

    at: float  # time.monotonic()
    path: str
    status: int
    user_agent: str


class PortalServer:
    """A threaded HTTP server on 127.0.0.1 serving a portal copy. Use as a context manager."""

    def __init__(self, root: Path = PORTAL_ROOT, port: int = 0) -> None:
        if not (root / "robots.txt").is_file():
            raise FileNotFoundError(f"no portal copy at {root} (run from a clone of the repository)")
        self.root = root.resolve()
        self.aliases = self._load_aliases()
        self.requests: list[Hit] = []
        self._scripts: dict[str, deque[Scripted]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, path: str, *responses: Scripted) -> None:
        """Serve ``responses`` in order for the next requests to ``path``, then the file again."""
        with self._lock:
            self._scripts[path].extend(responses)

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="portal-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----- serving ----------------------------------------------------------------------------

    def respond(self, raw_path: str) -> tuple[int, dict[str, str], bytes]:
        path = urlsplit(raw_path).path
        with self._lock:
            queued = self._scripts.get(path)
            scripted = queued.popleft() if queued else None
        if scripted is not None:
            return scripted.status, scripted.headers, scripted.body
        if path != "/" and path.endswith("/"):
            return 301, {"Location": path.rstrip("/")}, b""
        file = self._file_for(path)
        if file is None:
            return 404, {"Content-Type": CONTENT_TYPES[".html"]}, b"<html><body><h1>404</h1></body></html>"
        body = file.read_bytes()
        if file.name.endswith(".html.gz"):  # a gzipped fixture page: sent as the server would, compressed
            return 200, {"Content-Type": CONTENT_TYPES[".html"], "Content-Encoding": "gzip"}, body
        if file.suffix in CONTENT_TYPES:
            body = body.replace(TEMPLATE_MARK.encode(), self.url.encode())
        return 200, {"Content-Type": CONTENT_TYPES.get(file.suffix, "application/octet-stream")}, body

    def _load_aliases(self) -> dict[str, Path]:
        file = self.root / ALIASES_FILE
        if not file.is_file():
            return {}
        named = json.loads(file.read_text(encoding="utf-8"))
        return {path: (self.root / target).resolve() for path, target in named.items() if path.startswith("/")}

    def _file_for(self, path: str) -> Path | None:
        if path in self.aliases:
            return self.aliases[path] if self.aliases[path].is_file() else None
        relative = path.strip("/") or "index.html"
        for candidate in (self.root / relative, self.root / f"{relative}.html"):
            resolved = candidate.resolve()
            if resolved.is_file() and resolved.is_relative_to(self.root) and resolved.name != ALIASES_FILE:
                return resolved
        return None

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                status, headers, body = server.respond(self.path)
                with server._lock:
                    server.requests.append(Hit(time.monotonic(), urlsplit(self.path).path, status,
                                               self.headers.get("User-Agent", "")))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # every request is in server.requests; stderr stays quiet

        return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bundled copy of the vietnam.vn portal on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--root", type=Path, default=PORTAL_ROOT, help="the portal copy to serve")
    args = parser.parse_args(argv)
    with PortalServer(args.root, args.port) as server:
        print(f"Serving {args.root} at {server.url}  (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
