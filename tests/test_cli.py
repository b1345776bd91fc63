"""``python -m extractors``: extract a file or a URL, record a fixture, refresh the fixtures.

URLs are served by a real HTTP server on 127.0.0.1 (``http.server`` in a thread); nothing else is contacted.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from extractors.cli import main
from extractors.fixtures import discover

ROOT = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).parent.parent
SEED = ROOT / "vietnam_vn" / "en_2023_05_24_nato_japan_reconstruction.html"
VI = ROOT / "vietnam_vn" / "vi_2025_07_13_du_lich_duong_song_reconstruction.html"
LISTING = ROOT / "vietnam_vn" / "en_tag_listing_reconstruction.html"
SEED_URL = ("https://www.vietnam.vn/en/trung-quoc-phan-doi-manh-me-viec-nato-tien-vao-nhat-ban-bat-chap-viec-thu-"
            "tuong-kishida-tran-an")


class _Pages(BaseHTTPRequestHandler):
    """Serves the fixture pages; /moved redirects, /forbidden answers 403 with an HTML body."""

    routes: ClassVar[dict[str, tuple[int, bytes, str]]] = {
        "/article": (200, VI.read_bytes(), "text/html; charset=utf-8"),
        "/en/tag/nato": (200, LISTING.read_bytes(), "text/html"),
        "/forbidden": (403, b"<html><body><h1>Access denied</h1><p>" + b"blocked " * 60 + b"</p></body></html>",
                       "text/html"),
    }

    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, body, content_type = self.routes.get(self.path, (404, b"not found", "text/plain"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ----- extract -----------------------------------------------------------------------------------------------

def test_extract_fixture_file_uses_its_meta(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED))
    record = json.loads(out)
    assert code == 0
    assert record["url"] == SEED_URL and record["metadata"]["dateDownloaded"] == "2026-11-28T00:00:00+00:00"
    assert record["sourceOrganization"]["name"] == "Báo Quốc Tế"
    assert "Báo Quốc Tế" in out, "Vietnamese printed unescaped"


def test_extract_file_with_url_and_time_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    shutil.copy(SEED, page)
    code, out, _ = run(capsys, "extract", str(page), "--url", SEED_URL.replace("www", "vcdn"),
                       "--fetched-at", "2026-01-02T03:04:05+00:00", "--compact")
    assert code == 0 and out.count("\n") == 1
    record = json.loads(out)
    assert record["metadata"]["extractor"] == "vietnam_vn@V1"
    assert record["metadata"]["dateDownloaded"] == "2026-01-02T03:04:05+00:00"
    assert record["canonicalUrl"] == SEED_URL


def test_extract_gzipped_real_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(ROOT / "vnexpress" / "vnexpress_2025_10_22_lymphoma_ruot_non.html.gz"))
    assert code == 0
    assert json.loads(out)["headline"] == "Đau bụng kéo dài, phát hiện ung thư lymphoma ruột non"


def test_extract_listing_prints_null(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(LISTING))
    assert (code, out.strip()) == (0, "null") and "not an article" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["extract", "no/such/page.html"], "no such file"),
     (["extract", "__FILE__"], "pass the page's URL with --url"),
     (["extract", str(SEED), "--fetched-at", "yesterday"], "ISO 8601")],
)
def test_extract_bad_input_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                            message: str) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>x</p></body></html>", "utf-8")
    code, out, err = run(capsys, *[str(page) if a == "__FILE__" else a for a in argv])
    assert (code, out) == (2, "") and message in err


def test_extract_url_from_a_local_server(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", f"{server}/moved")
    record = json.loads(out)
    assert code == 0
    assert record["url"] == f"{server}/article", "the final URL after the redirect"
    assert record["metadata"]["extractor"] == "generic@V1", "127.0.0.1 is no vietnam.vn host"
    assert record["headline"] == "An Giang mở tuyến du lịch đường sông nối Long Xuyên với Châu Đốc"


def test_extract_url_with_the_real_url_picks_the_profile(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    real_url = "https://vcdn.vietnam.vn/an-giang-mo-tuyen-du-lich-duong-song-noi-long-xuyen-voi-chau-doc"
    code, out, _ = run(capsys, "extract", f"{server}/article", "--url", real_url)
    record = json.loads(out)
    assert code == 0 and record["metadata"]["extractor"] == "vietnam_vn@V1"
    assert record["sourceOrganization"]["name"] == "Báo An Giang"
    assert record["quotes"][1]["speaker"] == "Lê Thị Hồng Nhung"


@pytest.mark.parametrize(("path", "status"), [("/forbidden", "403"), ("/missing", "404")])
def test_extract_url_error_status_is_never_parsed(server: str, capsys: pytest.CaptureFixture[str], path: str,
                                                  status: str) -> None:
    code, out, err = run(capsys, "extract", f"{server}{path}")
    assert (code, out) == (1, "") and f"HTTP {status}" in err


def test_extract_unreachable_url_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on: bind, read it, close
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, err = run(capsys, "extract", f"http://127.0.0.1:{port}/x")
    assert (code, out) == (1, "") and "cannot fetch" in err


def test_python_dash_m_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "extractors", "extract", str(LISTING)], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "null")


# ----- record ------------------------------------------------------------------------------------------------

def test_record_saves_a_reviewable_fixture(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", f"{server}/moved", "--site", "local", "--fixtures", str(tmp_path),
                       "--name", "vi_article")
    assert code == 0 and "review it by hand" in out
    [fixture] = discover(tmp_path)
    assert (fixture.site, fixture.name) == ("local", "vi_article")
    assert fixture.meta["capture"] == "real" and fixture.meta["http_status"] == 200
    assert fixture.url == f"{server}/article" and fixture.meta["requested_url"] == f"{server}/moved"
    assert fixture.meta["charset"] == "utf-8" and fixture.fetched_at is not None
    assert fixture.html_path.read_bytes() == VI.read_bytes(), "the page exactly as served"
    expected = fixture.expected()
    assert expected is not None and expected["headline"].startswith("An Giang")
    assert fixture.expected_path.read_text("utf-8").startswith('{\n  "articleBody"'), "keys sorted"

    code, _, err = run(capsys, "record", f"{server}/article", "--site", "local", "--fixtures", str(tmp_path),
                       "--name", "vi_article")
    assert code == 2 and "--force" in err


def test_record_default_name(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "record", f"{server}/en/tag/nato", "--site", "local", "--fixtures", str(tmp_path))
    assert code == 0 and "review it by hand" in out
    [fixture] = discover(tmp_path)
    assert re.fullmatch(r"\d{4}_\d{2}_\d{2}_nato", fixture.name)
    assert fixture.expected_path.exists() and fixture.meta["must_not_contain"] == []


def test_record_refuses_an_error_page(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "record", f"{server}/forbidden", "--site", "local", "--fixtures", str(tmp_path))
    assert code == 1 and "HTTP 403" in err
    assert list(tmp_path.iterdir()) == []


# ----- refresh -------------------------------------------------------------------------------------------------

def test_refresh_rewrites_only_what_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "vietnam_vn", tmp_path / "vietnam_vn")
    expected = tmp_path / "vietnam_vn" / "en_2023_05_24_nato_japan_reconstruction.json"
    pristine = expected.read_text("utf-8")
    expected.write_text(pristine.replace("Báo Quốc Tế", "Báo Cũ"), "utf-8")

    code, out, _ = run(capsys, "refresh", "--fixtures", str(tmp_path), "--check")
    assert code == 1 and "differs" in out and "Báo Cũ" in expected.read_text("utf-8"), "--check writes nothing"

    code, out, _ = run(capsys, "refresh", "--fixtures", str(tmp_path))
    assert code == 0 and "3 fixtures, 1 rewritten, 0 failed" in out
    assert expected.read_text("utf-8") == pristine

    code, out, _ = run(capsys, "refresh", "--fixtures", str(tmp_path), "--check")
    assert code == 0 and "0 differ" in out


def test_refresh_reports_a_broken_fixture_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "vietnam_vn", tmp_path / "vietnam_vn")
    (tmp_path / "vietnam_vn" / "en_tag_listing_reconstruction.html").unlink()
    code, out, err = run(capsys, "refresh", "--fixtures", str(tmp_path))
    assert code == 1 and "en_tag_listing_reconstruction" in err and "2 fixtures" not in out
    assert "3 fixtures, 0 rewritten, 1 failed" in out


def test_refresh_of_an_empty_directory_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "refresh", "--fixtures", str(tmp_path))
    assert code == 2 and "no fixtures" in err
