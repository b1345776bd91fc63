"""The request guard: its decisions (pure), and requests through a real crawl whose download handler is
replaced by a scripted one (no socket is ever opened), retries and redirects included."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.guard import BLOCKED_ADDRESS, BLOCKED_SCHEME, OFFSITE, GuardPolicy, is_public_address
from crawler.offline_demo import scrapy_env

HARNESS = Path(__file__).parent / "harness"


def policy(domains=("news.test",), seeds=("news.test",)) -> GuardPolicy:
    return GuardPolicy(frozenset(domains), frozenset(seeds))


@pytest.mark.parametrize("address,public", [
    ("169.254.169.254", False), ("10.0.0.1", False), ("192.168.1.1", False), ("172.16.5.4", False),
    ("127.0.0.2", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False), ("240.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:10.0.0.1", False),
    ("93.184.216.34", True), ("8.8.8.8", True), ("2606:4700::1111", True),
])
def test_public_addresses(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("scheme,host,reason", [
    ("http", "news.test", None),
    ("https", "www.news.test", None),
    ("http", "other.test", OFFSITE),
    ("http", "news.test.evil.example", OFFSITE),
    ("file", "", BLOCKED_SCHEME),
    ("data", "", BLOCKED_SCHEME),
    ("ftp", "news.test", BLOCKED_SCHEME),
    ("s3", "news.test", BLOCKED_SCHEME),
])
def test_scheme_and_domain_decisions(scheme, host, reason):
    refused = policy().refusal(scheme, host)
    assert (refused.reason if refused else None) == reason


@pytest.mark.parametrize("literal", ["169.254.169.254", "10.0.0.1", "192.168.1.1", "127.0.0.2", "[::1]"])
def test_a_private_ip_literal_is_refused_even_on_an_allowed_domain_list(literal):
    host = literal.strip("[]")
    refused = policy(domains=(host,), seeds=("news.test",)).refusal("http", host)
    assert refused is not None and refused.reason == BLOCKED_ADDRESS


def test_the_crawls_own_local_base_is_allowed_and_only_it():
    local = policy(domains=("127.0.0.1",), seeds=("127.0.0.1",))
    assert local.refusal("http", "127.0.0.1") is None
    assert local.refusal("http", "127.0.0.2").reason == OFFSITE
    assert local.answer_allowed("127.0.0.1", "127.0.0.1")


def test_a_name_resolving_inside_is_refused_unless_the_crawl_was_given_it():
    guard = policy(domains=("news.test",), seeds=("news.test",))
    assert guard.answer_allowed("news.test", "10.1.2.3")  # the user pointed the crawl at an intranet site
    assert not guard.answer_allowed("cdn.news.test", "169.254.169.254")
    assert guard.answer_allowed("cdn.news.test", "93.184.216.34")
    assert not guard.answer_allowed("cdn.news.test", "not-an-address")


# ----- requests through the middleware, download handler replaced ------------------------------------

ARTICLE = ('<html lang="vi"><head><meta charset="utf-8"><title>Bài viết</title></head><body><article>'
           "<h1>Bài viết thử nghiệm</h1>" + "<p>Đây là một đoạn văn đủ dài cho trình trích xuất đọc được.</p>" * 8
           + "</article></body></html>")
LINKS = ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin", "http://192.168.1.1/",
         "http://8.8.8.8/", "http://93.184.216.34/x", "http://inside.news.test/secret", "file:///etc/passwd",
         "http://news.test/ok", "http://news.test/retry-then-metadata", "http://news.test/redirect-public",
         "http://news.test/redirect-private-name"]
SCRIPT = {
    "http://news.test/": [[200, {}, "<html><body>" + "".join(f'<a href="{u}">l</a>' for u in LINKS)
                           + "</body></html>"]],
    "http://news.test/robots.txt": [[200, {"Content-Type": "text/plain"}, "User-agent: *\nAllow: /\n"]],
    "http://news.test/ok": [[200, {}, ARTICLE]],
    # Issue 10's bypass: a 503 (the retry sets dont_filter), then a redirect inside.
    "http://news.test/retry-then-metadata": [[503, {}, "busy"],
                                             [302, {"Location": "http://169.254.169.254/latest/meta-data/"}, ""]],
    "http://news.test/redirect-public": [[302, {"Location": "http://93.184.216.34/elsewhere"}, ""]],
    "http://news.test/redirect-private-name": [[302, {"Location": "http://cdn.news.test/a"}, ""]],
}
LISTED = ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/", "http://8.8.8.8/",
          "http://93.184.216.34/", "file:///etc/passwd", "data:text/html,<h1>x</h1>"]
SCRIPT["http://news.test/sitemap.xml"] = [[200, {"Content-Type": "application/xml"}, (
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    + "".join(f"<url><loc>{url.replace('<', '&lt;').replace('>', '&gt;')}</loc></url>" for url in LISTED)
    + "</urlset>")]]
# Links to other hosts are not followed by the spider at all; the rest reach the guard.
ON_SITE_LINKS = [url for url in LINKS if url.startswith(("http://news.test/", "http://inside.news.test/",
                                                          "http://10.0.0.1/"))]
# The start page is only links ("l"): text, but no article text.
EXPECTED_OUTCOMES = {"written": 1, "no_text": 1, OFFSITE: 6, BLOCKED_ADDRESS: 4, BLOCKED_SCHEME: 2}


@pytest.fixture(scope="module")
def scripted_crawl(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("guard")
    log = workdir / "requested.txt"
    settings = {
        "DOWNLOAD_HANDLERS": json.dumps({s: "loopback.ScriptedHandler" for s in ("http", "https", "file", "data",
                                                                                  "ftp", "s3")}),
        "TWISTED_DNS_RESOLVER": "loopback.LoopbackResolver",
        "TEST_HOSTS": json.dumps({"inside.news.test": "10.0.0.5", "cdn.news.test": "169.254.169.254"}),
        "SCRIPTED_RESPONSES": json.dumps(SCRIPT), "SCRIPTED_LOG": str(log),
        # allowed domains, but inside: inside.news.test resolves to 10.0.0.5, 10.0.0.1 is a literal
        "GUARD_ALLOWED_DOMAINS": "inside.news.test,10.0.0.1",
        "RETRY_BACKOFF_BASE": "0.1", "AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "ALARMS_ENABLED": "0",
        "TELNETCONSOLE_ENABLED": "0", "CLOSESPIDER_TIMEOUT": "60", "SEENSTORE_ENABLED": "0",
    }
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "start_urls=http://news.test/", "-a",
               "sitemap=http://news.test/sitemap.xml", "-a",
               "depth=1", "-O", "out.jsonl"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    env = scrapy_env()
    env["PYTHONPATH"] = os.pathsep.join([str(HARNESS), env["PYTHONPATH"]])
    done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=120, check=False)
    report = json.loads((workdir / "out.report.json").read_text(encoding="utf-8"))
    return done, report, log.read_text(encoding="utf-8").split()


def test_no_request_leaves_the_crawls_own_host(scripted_crawl):
    done, _, requested = scripted_crawl
    assert done.returncode == 0, done.stderr[-3000:]
    assert requested and all(url.startswith("http://news.test/") for url in requested), requested
    assert requested.count("http://news.test/retry-then-metadata") == 2  # retried once, then its redirect refused


def test_every_refused_request_is_counted_under_its_reason(scripted_crawl):
    _, report, _ = scripted_crawl
    outcomes = report["pages"]["outcomes"]
    assert outcomes == EXPECTED_OUTCOMES
    assert sum(outcomes.values()) == report["pages"]["requested"] == 1 + len(ON_SITE_LINKS) + len(LISTED)


def test_no_traceback_in_the_log(scripted_crawl):
    done, _, _ = scripted_crawl
    assert "Traceback" not in done.stderr
