"""Scrapyd for real: start a daemon on 127.0.0.1, deploy the project's egg with scrapyd-deploy, schedule
``vietnam_vn`` against the portal copy through the HTTP API, wait for the job, read its JSONL.

The egg is built from a copy of the project (scrapyd-deploy writes setup.py and build/ where it runs) whose
settings name a one-off BOT_NAME, so the job's log shows the code came from the deployed egg, not from the
installed checkout.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from scheduled_crawls import REPO_ROOT, records

from crawler.demo_portal import PortalServer

PROJECT_FILES = ["pyproject.toml", "README.md", "scrapy.cfg", "crawler", "extractors"]
WINDOW = {"since": "2026-11-21", "until": "2026-11-23"}
IN_WINDOW = {
    "/gia-ca-phe-hom-nay-21-11-2026", "/da-nang-don-luong-khach-quoc-te-ky-luc",
    "/en/viet-nam-lot-top-diem-den-hap-dan-nam-2027", "/nong-dan-mien-tay-trung-mua-sau-rieng",
    "/en/hue-festival-thu-hut-du-khach-quoc-te", "/ko/pho-viet-nam-duoc-vinh-danh-tai-han-quoc",
    "/tp-hcm-khoi-cong-tuyen-metro-so-2", "/hoi-nghi-xuc-tien-dau-tu-vao-viet-nam",
}
TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, daemon: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert daemon.poll() is None, "scrapyd exited at start"
        try:
            if httpx.get(f"{url}/daemonstatus.json", timeout=2).json()["status"] == "ok":
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("scrapyd did not come up")


@pytest.fixture
def scrapyd(tmp_path) -> Iterator[str]:
    """A Scrapyd on a free 127.0.0.1 port, with its eggs, logs and databases under tmp_path."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\ndbs_dir = {home / 'dbs'}\nitems_dir =\n"
        "max_proc = 1\npoll_interval = 0.2\n",
        encoding="utf-8")
    log = (home / "scrapyd.log").open("wb")
    daemon = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, daemon)
        yield url
    finally:
        daemon.terminate()
        daemon.wait(timeout=30)
        log.close()


def project_copy(dest: Path, deploy_url: str, marker: str) -> Path:
    dest.mkdir()
    for name in PROJECT_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copyfile(source, dest / name)
    cfg = (dest / "scrapy.cfg").read_text(encoding="utf-8")
    assert "[deploy]" in cfg and "url = http://127.0.0.1:6800/" in cfg
    (dest / "scrapy.cfg").write_text(cfg.replace("http://127.0.0.1:6800/", f"{deploy_url}/"), encoding="utf-8")
    with (dest / "crawler" / "settings.py").open("a", encoding="utf-8") as settings:
        settings.write(f'\nBOT_NAME = "crawler-{marker}"  # logged at start: proves the job ran the egg\n')
    return dest


def test_deploy_schedule_and_read_the_jobs_jsonl(scrapyd, tmp_path):
    marker = uuid.uuid4().hex
    project = project_copy(tmp_path / "project", scrapyd, marker)
    deploy = subprocess.run([sys.executable, "-m", "scrapyd_client.deploy", "-v", "r1"], cwd=project,
                            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert deploy.returncode == 0, deploy.stderr
    assert json.loads(deploy.stdout)["status"] == "ok"

    feed = tmp_path / "items" / "vietnam_vn.jsonl"
    with PortalServer() as portal:
        scheduled = httpx.post(f"{scrapyd}/schedule.json", timeout=10, data={
            "project": "crawler", "spider": "vietnam_vn", "base_url": portal.url, **WINDOW,
            "setting": [f"FEEDS={json.dumps({str(feed): {'format': 'jsonlines'}})}",
                        f"SEENSTORE_PATH={tmp_path / 'items' / 'seen.sqlite3'}",
                        "AUTOTHROTTLE_ENABLED=0", "DOWNLOAD_DELAY=0"],
        }).json()
        assert scheduled["status"] == "ok", scheduled
        job = scheduled["jobid"]
        deadline = time.monotonic() + TIMEOUT
        while not any(done["id"] == job for done in
                      httpx.get(f"{scrapyd}/listjobs.json", params={"project": "crawler"}, timeout=10).json()["finished"]):
            assert time.monotonic() < deadline, "the Scrapyd job did not finish"
            time.sleep(0.3)

    job_log = (tmp_path / "scrapyd" / "logs" / "crawler" / "vietnam_vn" / f"{job}.log").read_text(encoding="utf-8")
    assert f"started (bot: crawler-{marker})" in job_log  # the settings came from the deployed egg
    assert "Spider closed (finished)" in job_log and "ALARM" not in job_log
    written = records(feed)
    assert {record["url"].removeprefix(portal.url) for record in written} == IN_WINDOW
    assert {record["metadata"]["revision"] for record in written} == {"new"}
    assert "Tây Nguyên" in feed.read_text(encoding="utf-8")  # UTF-8, not \u-escaped
    assert (feed.parent / "vietnam_vn.report.json").is_file()
