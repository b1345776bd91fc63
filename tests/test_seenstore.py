"""The seen-store on its own: records, lock, runs and window, crash reconciliation of a feed file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.seenstore import (
    SeenStore,
    SeenStoreBusy,
    content_hash,
    normalize_lastmod,
    record_fingerprint,
    record_key,
    truncate_partial_line,
)


def _record(url: str, body_hash: str = "h1", revision: str = "new", canonical: str | None = None,
            headline: str = "Tiêu đề") -> dict:
    return {"url": url, "canonicalUrl": canonical, "headline": headline,
            "metadata": {"dateDownloaded": "2026-11-27T09:00:00+00:00", "contentHash": body_hash,
                         "revision": revision}}


def _line(url: str, body_hash: str = "h1", revision: str = "new") -> bytes:
    return (json.dumps(_record(url, body_hash, revision), ensure_ascii=False) + "\n").encode("utf-8")


@pytest.fixture
def store(tmp_path: Path):
    opened = SeenStore.open(tmp_path / "seen.sqlite3")
    yield opened
    opened.close()


def test_record_then_get_and_find_by_url_or_key(store: SeenStore) -> None:
    store.record(_record("https://p/a?utm=1", canonical="https://p/a"), lastmod="2026-07-08T04:04:10+00:00",
                 revision="new")
    seen = store.get("https://p/a")
    assert seen is not None and seen.content_hash == "h1" and seen.revision == "new"
    assert store.find("https://p/a?utm=1") == seen
    assert store.find("https://p/a") == seen
    assert store.find("https://p/other") is None


def test_rewrite_updates_hash_and_revision_but_keeps_first_seen_and_known_lastmod(store: SeenStore) -> None:
    store.record(_record("k"), lastmod="2026-01-01T00:00:00+00:00", revision="new")
    first = store.get("k")
    store.record(_record("k", "h2"), lastmod=None, revision="content-changed")
    again = store.get("k")
    assert again.content_hash == "h2" and again.revision == "content-changed"
    assert again.record_hash != first.record_hash
    assert again.first_seen == first.first_seen
    assert again.lastmod == "2026-01-01T00:00:00+00:00"
    assert store.count() == 1


def test_lastmod_spellings_of_one_instant_compare_equal() -> None:
    assert normalize_lastmod("2026-07-08T04:04:10.339Z") == normalize_lastmod("2026-07-08T11:04:10.339+07:00")
    assert normalize_lastmod("2026-07-08") == "2026-07-08T00:00:00+00:00"
    assert normalize_lastmod("  ") is None
    assert normalize_lastmod("yesterday") == "yesterday"


def test_fingerprint_ignores_download_time_and_revision_but_not_content() -> None:
    base = _record("https://p/a")
    later = {**base, "metadata": {**base["metadata"], "dateDownloaded": "2026-11-28T00:00:00+00:00",
                                  "revision": "content-changed"}}
    assert record_fingerprint(later) == record_fingerprint(base)
    assert record_fingerprint(_record("https://p/a", headline="Tiêu đề mới")) != record_fingerprint(base)


def test_content_hash_is_stated_one_else_sha1_of_body() -> None:
    assert content_hash({"articleBody": "x", "metadata": {"contentHash": "abc"}}) == "abc"
    assert content_hash({"articleBody": "Đoạn", "metadata": {}}) == hashlib.sha1("Đoạn".encode()).hexdigest()
    assert content_hash({"articleBody": None, "metadata": {}}) is None


def test_key_is_canonical_url_else_url() -> None:
    assert record_key({"url": "https://m/x", "canonicalUrl": "https://w/x"}) == "https://w/x"
    assert record_key({"url": "https://m/x", "canonicalUrl": None}) == "https://m/x"


def test_second_opener_gets_a_clear_error_naming_store_and_pid(store: SeenStore, tmp_path: Path) -> None:
    # Another process, as a second `scrapy crawl` would be: flock is per open file, so test across processes.
    code = ("import sys; from crawler.seenstore import SeenStore, SeenStoreBusy\n"
            "try:\n    SeenStore.open(sys.argv[1])\nexcept SeenStoreBusy as e:\n    print(e); sys.exit(3)\n")
    result = subprocess.run([sys.executable, "-c", code, str(store.path)], capture_output=True, text=True, check=False,
                            cwd=Path(__file__).parents[1], timeout=60)
    assert result.returncode == 3, result.stderr
    assert f"seen-store {store.path} is in use by another crawl (pid {os.getpid()})" in result.stdout


def test_lock_is_released_on_close(tmp_path: Path) -> None:
    first = SeenStore.open(tmp_path / "s.sqlite3")
    first.close()
    second = SeenStore.open(tmp_path / "s.sqlite3")
    second.close()


def test_busy_in_process_too(store: SeenStore) -> None:
    with pytest.raises(SeenStoreBusy):
        SeenStore.open(store.path)


def test_window_of_next_run_is_last_successful_runs_end(store: SeenStore) -> None:
    assert store.last_window_until("vietnam_vn") is None
    ok = store.start_run("vietnam_vn")
    store.finish_run(ok, status="finished", window_until="2026-11-20")
    failed = store.start_run("vietnam_vn")
    store.finish_run(failed, status="alarm", window_until="2026-11-21")
    other = store.start_run("news")
    store.finish_run(other, status="finished", window_until="2026-11-25")
    assert store.last_window_until("vietnam_vn") == "2026-11-20"


def test_recover_records_complete_lines_past_offset_and_cuts_half_line(tmp_path: Path) -> None:
    feed = tmp_path / "out.jsonl"
    store = SeenStore.open(tmp_path / "seen.sqlite3")
    run = store.start_run("vietnam_vn")
    feed.write_bytes(_line("https://p/a"))
    store.attach_feed(str(feed), 0, run)
    store.record(_record("https://p/a"), lastmod=None, revision="new", feed_sizes={str(feed): feed.stat().st_size})
    # Then the process died: b was written but not recorded, c only half written.
    with feed.open("ab") as out:
        out.write(_line("https://p/b", "h2"))
        out.write(_line("https://p/c", "h3")[:25])
    store.close()

    store = SeenStore.open(tmp_path / "seen.sqlite3")
    assert store.recover() == 1
    lines = feed.read_bytes().splitlines(keepends=True)
    assert [json.loads(line)["url"] for line in lines] == ["https://p/a", "https://p/b"]
    assert all(line.endswith(b"\n") for line in lines)
    assert store.get("https://p/b").content_hash == "h2"
    assert store.get("https://p/c") is None
    assert store.count() == len(lines)
    assert [run["status"] for run in store.runs()] == ["crashed"]
    assert store.recover() == 0  # idempotent: nothing left to reconcile
    store.close()


def test_truncate_partial_line_keeps_whole_file_and_empties_headless_one(tmp_path: Path) -> None:
    whole = tmp_path / "whole.jsonl"
    whole.write_bytes(_line("https://p/a"))
    assert truncate_partial_line(whole) == 0 and whole.read_bytes() == _line("https://p/a")
    half = tmp_path / "half.jsonl"
    half.write_bytes(b'{"url": "https://p/a", "hea')
    assert truncate_partial_line(half) == 27 and half.read_bytes() == b""
