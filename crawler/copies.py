"""A local copy of news sites, laid out like ``wget --mirror``: one directory per host.

``https://vnexpress.net/rss/tin-moi-nhat.rss`` is ``BASE_URL/vnexpress.net/rss/tin-moi-nhat.rss`` in the
copy. The ``news`` spider's ``-a base_url=`` fetches every URL on the crawled domains from the copy, the
sources and the pages they list alike, and extracts each page as the URL it copies (same profile, same
link resolution). Sitemaps and feeds in the copy keep their real URLs, as a mirror does. URLs on any
other host are not rewritten, and the offsite filter (allowed domains: the copy's host) drops them, so a
crawl of a copy never leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from .urls import host_of, is_on_domains


@dataclass
class LocalCopy:
    base_url: str
    domains: list[str]
    # local URL -> the URL it copies, as rewritten (keeps the original scheme for extraction).
    _originals: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_base_url(cls, base_url: str, domains: list[str]) -> LocalCopy:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url={base_url!r}: expected an absolute URL such as http://127.0.0.1:8765")
        return cls(base_url.rstrip("/"), domains)

    @property
    def host(self) -> str:
        return host_of(self.base_url)

    def local(self, url: str) -> str:
        """Where ``url`` lives in the copy; a URL on no crawled domain is left as it is."""
        if not is_on_domains(url, self.domains):
            return url
        parts = urlsplit(url)
        local = f"{self.base_url}/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        self._originals[local] = url
        return local

    def original(self, url: str) -> str:
        """The URL a page of the copy copies (``https`` when it was reached by a redirect)."""
        if url in self._originals:
            return self._originals[url]
        if not url.startswith(self.base_url + "/"):
            return url
        parts = urlsplit(url)
        host, _, path = parts.path.removeprefix(urlsplit(self.base_url).path).lstrip("/").partition("/")
        return urlunsplit(("https", host, "/" + path, parts.query, ""))
