"""Incremental crawls: a second run writes only what changed, says how, and starts where the last one ended.

Four runs of ``scrapy crawl vietnam_vn`` share one working directory, so one seen-store
(``output/demo/seen-vietnam_vn.sqlite3``: a local copy keeps its own state), against a private copy of the portal changed between runs 1 and 2:

- LASTMOD_AND_BODY: new paragraph and a new sitemap ``lastmod``  -> re-written, ``lastmod-changed``;
- LASTMOD_ONLY: new ``lastmod``, same page                      -> re-fetched, not written;
- BODY_ONLY: new paragraph, same ``lastmod``                     -> not even fetched (the sitemap says unchanged);
- NO_LASTMOD: its sitemap entry has no ``lastmod``; new paragraph -> re-fetched, re-written, ``content-changed``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from portal_pages import IN_WINDOW, WINDOW, record_paths
from scheduled_crawls import (
    ONE_BY_ONE,
    GatedPortal,
    complete_lines,
    copy_portal,
    crawl_command,
    records,
    run_crawl,
    start_crawl,
    stats_value,
    store_rows,
    store_runs,
    wait_for,
)

from crawler.demo_portal import PortalServer

LASTMOD_AND_BODY = "/da-nang-don-luong-khach-quoc-te-ky-luc"
LASTMOD_ONLY = "/en/hue-festival-thu-hut-du-khach-quoc-te"
BODY_ONLY = "/tp-hcm-khoi-cong-tuyen-metro-so-2"
NO_LASTMOD = "/nong-dan-mien-tay-trung-mua-sau-rieng"
STORE = Path("output/demo/seen-vietnam_vn.sqlite3")  # a local copy keeps its state there


def set_lastmod(root: Path, path: str, lastmod: str | None) -> None:
    """Give ``path``'s entry in its daily sitemap a new ``<lastmod>`` (``None``: remove it)."""
    for sitemap in (root / "sitemap" / "sitemap-post").glob("*.xml"):
        text = sitemap.read_text(encoding="utf-8")
        entry = re.compile(rf"(<loc>\{{base_url\}}{re.escape(path)}/?</loc>)\s*<lastmod>[^<]*</lastmod>")
        if entry.search(text):
            replacement = rf"\1<lastmod>{lastmod}</lastmod>" if lastmod else r"\1"
            sitemap.write_text(entry.sub(replacement, text), encoding="utf-8")
            return
    raise AssertionError(f"{path} has no dated entry in the daily sitemaps")


def add_paragraph(root: Path, path: str, text: str) -> None:
    page = root / f"{path.strip('/')}.html"
    html = page.read_text(encoding="utf-8")
    assert '<div class="post-detail-body">' in html
    page.write_text(html.replace('<div class="post-detail-body">', f'<div class="post-detail-body">\n<p>{text}</p>', 1),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The four runs, in order, with the portal changed between the first and the second."""
    root = copy_portal(tmp_path_factory.mktemp("portal") / "portal")
    set_lastmod(root, NO_LASTMOD, None)
    workdir = tmp_path_factory.mktemp("incremental")
    done = {}
    with PortalServer(root) as server:
        def crawl(name: str, args: dict[str, str]) -> dict:
            first_hit = len(server.requests)
            command = crawl_command("vietnam_vn", args={**args, "base_url": server.url}, output=f"{name}.jsonl")
            result = run_crawl(workdir, command)
            return {"returncode": result.process.returncode, "log": result.log,
                    "records": records(workdir / f"{name}.jsonl"),
                    "requested": [hit.path for hit in server.requests[first_hit:]]}

        done["first"] = crawl("first", WINDOW)
        done["rows_after_first"] = store_rows(workdir / STORE)
        set_lastmod(root, LASTMOD_AND_BODY, "2026-11-21T09:30:00.000Z")
        add_paragraph(root, LASTMOD_AND_BODY, "Cập nhật: công suất phòng đã vượt 90%.")
        set_lastmod(root, LASTMOD_ONLY, "2026-11-22T09:45:00.000Z")
        add_paragraph(root, BODY_ONLY, "Cập nhật: tuyến metro số 2 sẽ có thêm hai nhà ga.")
        add_paragraph(root, NO_LASTMOD, "Cập nhật: giá sầu riêng tăng thêm 5%.")
        done["second"] = crawl("second", WINDOW)
        done["rows_after_second"] = store_rows(workdir / STORE)
        done["full"] = crawl("full", {**WINDOW, "full": "1"})
        done["default_since"] = crawl("default_since", {"until": WINDOW["until"]})
        done["runs"] = store_runs(workdir / STORE)
    return done


def test_first_run_writes_every_article_once_as_new_and_the_store_agrees(runs):
    first = runs["first"]
    assert first["returncode"] == 0, first["log"][-3000:]
    assert sorted(record_paths(first["records"])) == sorted(IN_WINDOW)
    assert {record["metadata"]["revision"] for record in first["records"]} == {"new"}
    rows = runs["rows_after_first"]
    assert sorted(rows) == sorted(record["canonicalUrl"] or record["url"] for record in first["records"])
    for record in first["records"]:
        assert rows[record["canonicalUrl"] or record["url"]]["content_hash"] == record["metadata"]["contentHash"]


def test_second_run_writes_only_what_changed_and_says_how(runs):
    second = runs["second"]
    assert second["returncode"] == 0, second["log"][-3000:]
    revisions = {path: record["metadata"]["revision"]
                 for path, record in zip(record_paths(second["records"]), second["records"], strict=True)}
    assert revisions == {LASTMOD_AND_BODY: "lastmod-changed", NO_LASTMOD: "content-changed"}
    assert "vượt 90%" in second["records"][list(revisions).index(LASTMOD_AND_BODY)]["articleBody"]


def test_second_run_fetches_only_pages_whose_lastmod_changed_or_is_unknown(runs):
    fetched = {path for path in runs["second"]["requested"] if path in IN_WINDOW}
    assert fetched == {LASTMOD_AND_BODY, LASTMOD_ONLY, NO_LASTMOD}
    log = runs["second"]["log"]
    assert stats_value(log, "seenstore/skipped/unchanged_content") == 1  # LASTMOD_ONLY
    assert stats_value(log, "seenstore/skipped/unchanged_lastmod") >= len(IN_WINDOW) - 3


def test_store_follows_the_rewrites(runs):
    before, after = runs["rows_after_first"], runs["rows_after_second"]
    assert sorted(before) == sorted(after)
    key = next(key for key in after if key.endswith(LASTMOD_AND_BODY))
    assert after[key]["revision"] == "lastmod-changed"
    assert after[key]["lastmod"] == "2026-11-21T09:30:00+00:00" != before[key]["lastmod"]
    assert after[key]["content_hash"] != before[key]["content_hash"]
    assert after[key]["first_seen"] == before[key]["first_seen"]
    lastmod_only = next(key for key in after if key.endswith(LASTMOD_ONLY))
    assert after[lastmod_only]["lastmod"] == "2026-11-22T09:45:00+00:00"  # next run skips it before download


def test_full_run_ignores_the_store_and_writes_everything(runs):
    full = runs["full"]
    assert full["returncode"] == 0, full["log"][-3000:]
    revisions = dict(zip(record_paths(full["records"]), (r["metadata"]["revision"] for r in full["records"]),
                         strict=True))
    assert sorted(revisions) == sorted(IN_WINDOW)
    assert revisions.pop(BODY_ONLY) == "content-changed"  # the change the sitemap did not announce
    assert set(revisions.values()) == {"unchanged"}


def test_without_since_the_window_starts_where_the_last_successful_run_ended(runs):
    last = runs["default_since"]
    assert last["returncode"] == 0, last["log"][-3000:]
    assert "since=2026-11-23 (where the last successful run's window ended)" in last["log"]
    assert last["records"] == []  # the 23 Nov articles are unchanged since the full run
    assert stats_value(last["log"], "seenstore/skipped/unchanged_lastmod") >= 1
    assert "ALARM" not in last["log"]  # unchanged articles count as found
    assert [(run["status"], run["window_until"]) for run in runs["runs"]] == [("finished", "2026-11-23")] * 4


def test_a_second_crawl_on_the_same_store_stops_with_a_clear_error(tmp_path):
    """A real concurrent crawl: the first keeps its lock and finishes whole; the second exits 1, store untouched."""
    # The portal holds the first crawl part way until the second crawl is done: no race with poll().
    with GatedPortal(open_articles=4) as server:  # 4 pages answered: at least one article among them
        command = crawl_command("vietnam_vn", args={**WINDOW, "base_url": server.url}, settings=ONE_BY_ONE,
                                output="first.jsonl")
        first = start_crawl(tmp_path, command)
        lock = tmp_path / STORE.with_name(STORE.name + ".lock")
        wait_for(lambda: complete_lines(tmp_path / "first.jsonl"), what="the first crawl's first article")
        assert lock.read_text().strip() == str(first.process.pid)
        runs_before = store_runs(tmp_path / STORE)
        second = run_crawl(tmp_path, command[:-1] + ["second.jsonl"])
        assert first.process.poll() is None, "the first crawl should still be running"
        runs_after = store_runs(tmp_path / STORE)
        server.release()
        assert first.wait() == 0, first.log[-3000:]
    assert second.process.returncode == 1
    store = (tmp_path / STORE).resolve()
    assert f"seen-store {store} is in use by another crawl (pid {first.process.pid})" in second.log
    assert not (tmp_path / "second.jsonl").exists()
    assert "Traceback" not in second.log
    assert runs_after == runs_before
    assert sorted(record_paths(records(tmp_path / "first.jsonl"))) == sorted(IN_WINDOW)
    assert len(store_runs(tmp_path / STORE)) == 1
