"""Test-only Scrapy components that keep a crawl on loopback whatever the code under test does.

* :class:`LoopbackResolver` (``TWISTED_DNS_RESOLVER``): every host name resolves to 127.0.0.x (from
  ``TEST_HOSTS``, a ``{name: address}`` JSON setting; anything else to 127.0.0.1). The guard's check of the
  answer still runs on that address, so a test can make a name "point inside". No DNS query is ever sent.
* :class:`ScriptedHandler` (``DOWNLOAD_HANDLERS`` for every scheme): answers from ``SCRIPTED_RESPONSES`` (a
  JSON ``{url: [[status, {headers}, body], ...]}``: one entry per request in order, the last repeated) and
  appends every URL it was asked for to ``SCRIPTED_LOG``. It opens no socket at all: a guard test that
  names 169.254.169.254 or a public address cannot reach it even if the guard were broken.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, ClassVar

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.http import Request, Response
from scrapy.responsetypes import responsetypes
from twisted.internet import defer

from crawler.guard import GuardedResolver


class LoopbackResolver(GuardedResolver):
    hosts: ClassVar[dict[str, str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> LoopbackResolver:
        resolver = super().from_crawler(crawler, reactor)
        raw = crawler.settings.get("TEST_HOSTS") or "{}"
        resolver.hosts = json.loads(raw) if isinstance(raw, str) else dict(raw)
        return resolver

    def lookup(self, name: str, timeout: Any) -> defer.Deferred[str]:
        address = self.hosts.get(name, "127.0.0.1")
        return defer.succeed(address)


class ScriptedHandler(BaseDownloadHandler):
    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self.script: dict[str, list[list[Any]]] = json.loads(crawler.settings.get("SCRIPTED_RESPONSES") or "{}")
        self.log_path = crawler.settings.get("SCRIPTED_LOG")
        self.served: dict[str, int] = defaultdict(int)

    async def download_request(self, request: Request) -> Response:
        if self.log_path:
            with Path(self.log_path).open("a", encoding="utf-8") as log:  # noqa: ASYNC230 - a test log line
                log.write(request.url + "\n")
        answers = self.script.get(request.url) or [[404, {}, "not scripted"]]
        index = min(self.served[request.url], len(answers) - 1)
        self.served[request.url] += 1
        status, headers, body = answers[index]
        data = body.encode("utf-8")
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        cls = responsetypes.from_args(headers=headers, url=request.url, body=data)
        return cls(url=request.url, status=status, headers=headers, body=data, request=request)
