"""One-line errors for bad input, and the decoding of pages whose charset lies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.alarms import BlockedResponseCounter
from crawler.offline_demo import scrapy_env
from extractors.cli import main as cli_main
from extractors.encoding import binary_kind, decode_page, has_mojibake, repair_mojibake

VI = "Đau bụng kéo dài, bệnh viện Bạch Mai khuyến cáo người dân đi khám sớm."


# ----- encoding --------------------------------------------------------------------------------------

def test_a_lying_latin1_header_over_utf8_is_read_as_utf8_and_flagged():
    data = f'<html><head><meta charset="utf-8"></head><body><p>{VI}</p></body></html>'.encode()
    page = decode_page(data, "iso-8859-1")
    assert VI in page.text and page.warnings == ["charset_mismatch:iso-8859-1"] and page.utf8 is data


def test_the_header_charset_wins_over_meta_for_legacy_bytes():
    data = f'<meta charset="utf-8"><p>{"Hà Nội"}</p>'.encode("cp1258", "ignore")
    assert decode_page(data, "windows-1258").encoding == "cp1258"


def test_bom_then_header_then_meta_then_sniffing():
    assert decode_page(b"\xef\xbb\xbf<p>" + VI.encode() + b"</p>", "windows-1252").text == f"<p>{VI}</p>"
    assert decode_page(VI.encode("utf-16-le").join([b"\xff\xfe", b""])).encoding == "utf-16-le"
    assert decode_page(b"<p>caf\xe9</p>").text == "<p>café</p>"  # not UTF-8, nothing declared: windows-1252


def as_windows_1252(text: str) -> str:
    """UTF-8 bytes shown as windows-1252 (its five undefined bytes as themselves): classic mojibake."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode())


@pytest.mark.parametrize("garbled", [as_windows_1252(VI), "Ä‘au bá»¥ng"])
def test_classic_mojibake_is_mended_and_reported(garbled):
    assert has_mojibake(garbled)
    mended = repair_mojibake(garbled)
    assert "Ä" not in mended and "á»" not in mended and "Ã" not in mended
    page = decode_page(f"<p>{garbled}</p>".encode())
    assert "mojibake_repaired" in page.warnings


def test_real_latin_text_is_not_mended():
    for text in ("Ãngel Ãlvarez, São Paulo", "Hà Nội, Đà Nẵng, Huế", "naïve café — “quoted”"):
        assert repair_mojibake(text) == text


@pytest.mark.parametrize("data,kind", [(b"%PDF-1.7\n", "pdf"), (b"\x89PNG\r\n\x1a\n\x00", "png"),
                                       (b"\x7fELF\x02\x01", "elf"), (b"GIF89a", "gif"), (b"<p>\x00\x01</p>", "binary"),
                                       (b"<html>ok</html>", None), ("<p>Hà Nội</p>".encode(), None)])
def test_binary_kind(data, kind):
    assert binary_kind(data) == kind


# ----- python -m extractors extract on what is not a page ----------------------------------------------

@pytest.mark.parametrize("name,data", [("x.png", b"\x89PNG\r\n\x1a\n" + bytes(100)), ("ls", None)])
def test_extract_cli_says_not_html(name, data, tmp_path, capsys):
    path = tmp_path / name
    path.write_bytes(data if data is not None else Path("/bin/ls").read_bytes()[:4096])
    assert cli_main(["extract", str(path), "--url", "https://example.com/x"]) == 2
    assert "is not HTML" in capsys.readouterr().err


# ----- spider arguments: one line naming the argument, exit 2 ---------------------------------------

ARGUMENT_ERRORS = [
    (["vietnam_vn", "-a", "since=bad-date"], "-a since=bad-date: expected a date as YYYY-MM-DD"),
    (["vietnam_vn", "-a", "lang=xx"], "-a lang=xx: xx is no language code; expected all, vi, en"),
    (["news", "-a", "start_urls=http://127.0.0.1:9/", "-a", "depth=abc"], "-a depth=abc: expected a whole number"),
    (["news", "-a", "sitemap=http://127.0.0.1:9/s.xml", "-a", "tz=Mars/Base"], "-a tz=Mars/Base: unknown time zone"),
]


def test_bad_spider_arguments_give_one_line_and_exit_2(tmp_path):
    processes = [(subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", *args, "-s", "LOG_LEVEL=WARNING",
                                    "-s", "TELNETCONSOLE_ENABLED=0", "-O", "out.jsonl"], cwd=tmp_path,
                                   env=scrapy_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
                  message) for args, message in ARGUMENT_ERRORS]  # at once: each pays Scrapy's start-up
    for process, message in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 2, err
        assert err.strip() == f"error: {err.strip().removeprefix('error: ')}" and message in err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


# ----- the blocked alarm counts content responses, not robots.txt -----------------------------------

def test_robots_txt_responses_do_not_dilute_the_blocked_ratio():
    crawler = get_crawler(Spider, {"ALARMS_ENABLED": True})
    crawler.spider = Spider("s")
    counter = BlockedResponseCounter.from_crawler(crawler)
    crawler.stats.open_spider()
    robots = Request("https://a.example/robots.txt", meta={"dont_obey_robotstxt": True})
    counter.response_received(Response(robots.url, status=200, request=robots), robots)
    page = Request("https://a.example/p")
    counter.response_received(HtmlResponse(page.url, status=403, body=b"no", request=page), page)
    assert crawler.stats.get_value("alarms/responses") == 1
    assert crawler.stats.get_value("alarms/responses/blocked") == 1
