"""``python -m crawler merge``: the workers' feeds as one, each article once, torn lines left out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def line(url: str, downloaded: str, canonical: str | None = None, headline: str = "Tin") -> str:
    record = {"url": url, "canonicalUrl": canonical, "headline": headline,
              "metadata": {"dateDownloaded": downloaded}}
    return json.dumps(record, ensure_ascii=False) + "\n"


def run_merge(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler", "merge", *args], cwd=cwd, capture_output=True,
                          text=True, check=False, env=None, timeout=60)


def test_each_article_once_the_last_download_kept_torn_lines_left_out(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(line("https://x.vn/1", "2026-11-22T01:00:00+00:00", headline="Cũ")
                 + line("https://x.vn/2?utm=1", "2026-11-22T01:00:00+00:00", canonical="https://x.vn/2")
                 + line("https://x.vn/3", "2026-11-22T01:00:00+00:00"), encoding="utf-8")
    b.write_text(line("https://x.vn/1", "2026-11-22T02:00:00+00:00", headline="Mới")
                 + line("https://x.vn/2", "2026-11-22T00:30:00+00:00", canonical="https://x.vn/2")
                 + '{"url": "https://x.vn/4", "headl', encoding="utf-8")  # a killed worker's torn last line
    done = run_merge("out/merged.jsonl", str(a), str(b), cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    merged = [json.loads(x) for x in (Path(__file__).parent.parent / "out/merged.jsonl").read_text("utf-8").splitlines()]
    (Path(__file__).parent.parent / "out/merged.jsonl").unlink()
    (Path(__file__).parent.parent / "out").rmdir()
    assert [r["url"] for r in merged] == ["https://x.vn/1", "https://x.vn/2?utm=1", "https://x.vn/3"]
    assert merged[0]["headline"] == "Mới"  # downloaded last
    assert "6 line(s) from 2 feed(s): 3 article(s)" in done.stdout
    assert "2 duplicate(s) and 1 unreadable line(s)" in done.stdout


def test_a_missing_feed_or_out_among_the_feeds_is_a_one_line_error(tmp_path):
    feed = tmp_path / "a.jsonl"
    feed.write_text(line("https://x.vn/1", "2026-11-22T01:00:00+00:00"), encoding="utf-8")
    done = run_merge(str(tmp_path / "m.jsonl"), str(feed), str(tmp_path / "nope.jsonl"), cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.strip().count("\n") == 0 and "no such feed" in done.stderr
    done = run_merge(str(feed), str(feed), cwd=tmp_path)
    assert done.returncode == 2 and "must not be one of the feeds" in done.stderr
    assert feed.read_text("utf-8").count("\n") == 1  # untouched


def test_without_redis_url_neither_redis_nor_scrapy_redis_is_imported(tmp_path):
    probe = """
import sys
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from crawler.addons import RedisCrawl
import crawler.incremental, crawler.workers, crawler.spiders.news, crawler.spiders.vietnam_vn  # noqa: F401
settings = get_project_settings()
RedisCrawl().update_settings(settings)
assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler", settings["SCHEDULER"]
with_redis = Settings({"REDIS_URL": "redis://127.0.0.1:1/0"})
RedisCrawl().update_settings(with_redis)
assert with_redis["SCHEDULER"] == "crawler.distributed.ReliableScheduler"
print(sorted(m for m in sys.modules if m == "redis" or m.startswith(("redis.", "scrapy_redis"))))
"""
    root = Path(__file__).parent.parent
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"
