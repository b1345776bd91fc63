"""Shared fixtures: the local portal server (real HTTP on 127.0.0.1) and a ``scrapy crawl`` runner."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from crawler.demo_portal import Hit, PortalServer
from crawler.offline_demo import scrapy_env

# Fast and bounded: no politeness delays against our own loopback server, a hard stop after 30 s.
TEST_CRAWL_SETTINGS = {
    "LOG_LEVEL": "INFO",
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CLOSESPIDER_TIMEOUT": "30",
    "TELNETCONSOLE_ENABLED": "0",
    "REMOTE_CONTROL_ENABLED": "0",
}
CRAWL_TIMEOUT_SECONDS = 90


# ----- the portal copy -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def portal() -> Iterator[PortalServer]:
    """The bundled portal copy, served for the whole session. Do not script responses on it."""
    with PortalServer() as server:
        yield server


@pytest.fixture
def fresh_portal() -> Iterator[PortalServer]:
    """A portal server of one's own, for tests that script responses (errors, retries)."""
    with PortalServer() as server:
        yield server


# ----- scrapy crawl as a subprocess -----------------------------------------------------------------

@dataclass
class CrawlResult:
    returncode: int
    log: str
    output: Path | None
    hits: list[Hit] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.output.read_text(encoding="utf-8").splitlines() if self.output else []

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.lines]

    @property
    def report(self) -> dict[str, Any]:
        assert self.output is not None
        path = self.output.with_name(self.output.name.removesuffix(".jsonl") + ".report.json")
        return json.loads(path.read_text(encoding="utf-8"))

    def requested(self) -> list[str]:
        return [hit.path for hit in self.hits]


CrawlRunner = Callable[..., CrawlResult]


def run_crawl(server: PortalServer, spider: str, workdir: Path, *, args: dict[str, str] | None = None,
              settings: dict[str, str] | None = None, output: str | None = "out.jsonl") -> CrawlResult:
    """``scrapy crawl SPIDER -a ... -s ... -O OUTPUT`` in ``workdir`` (relative outputs land there)."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    for name, value in {**TEST_CRAWL_SETTINGS, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    if output is not None:
        command += ["-O", output]
    first_hit = len(server.requests)
    done = subprocess.run(command, cwd=workdir, env=scrapy_env(), capture_output=True, text=True, encoding="utf-8",
                          timeout=CRAWL_TIMEOUT_SECONDS, check=False)
    return CrawlResult(done.returncode, done.stderr, workdir / output if output else None,
                       list(server.requests[first_hit:]))


@pytest.fixture(scope="session")
def crawl() -> CrawlRunner:
    """``crawl(server, spider, workdir, args=..., settings=..., output=...) -> CrawlResult``."""
    return run_crawl
