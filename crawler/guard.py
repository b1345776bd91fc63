"""The request guard: every request the crawl sends, retries and redirects included, goes only where the
crawl was pointed.

Three rules, checked for every request (:class:`RequestGuardMiddleware`) and again for every DNS answer
(:class:`GuardedResolver`):

* scheme: ``http`` and ``https`` only (never ``file:``, ``data:``, ``ftp:``, ``s3:`` ...): ``blocked_scheme``;
* host: the spider's ``allowed_domains`` (and subdomains), plus ``GUARD_ALLOWED_DOMAINS``: ``offsite``;
* address: never a private, loopback, link-local, shared, multicast or reserved address, as an IP
  literal or as what a hostname resolves to: ``blocked_address``. The exception is a host the crawl was
  given itself (the spider's ``seed_hosts``: its ``base_url`` or the URLs of ``-a sitemap/feed/start_urls``):
  pointed at ``http://127.0.0.1:8765`` (the offline portal) or an intranet site, the crawl may go there,
  and only there.

Why both a middleware and a resolver. Scrapy's ``OffsiteMiddleware`` lets ``dont_filter`` requests
through, and ``RetryMiddleware`` sets ``dont_filter``, which ``RedirectMiddleware`` copies: a 503, then a
redirect to another host, was fetched there. This middleware ignores ``dont_filter`` and
``allow_offsite``, and since a redirect or a retry is a new request that passes the whole downloader
chain again, no request reaches the download handler unchecked. It resolves the host itself (through the
reactor's resolver, so the answer is the one the download uses, from Scrapy's DNS cache) to refuse a
name that points inside with a counted reason. The resolver (``TWISTED_DNS_RESOLVER``) is the last word:
it is what every connection's name lookup goes through, robots.txt fetches included, so a request that
slipped past the middleware, or a DNS answer that changed between the two lookups, still never gets a
connection to an inside address.

A refused request fails with :class:`GuardRefused` (an ``IgnoreRequest``) whose ``reason`` the spider
counts; stats ``guard/refused/<reason>``.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from scrapy.crawler import Crawler
    from twisted.internet.base import ReactorBase

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})
OFFSITE = "offsite"
BLOCKED_ADDRESS = "blocked_address"
BLOCKED_SCHEME = "blocked_scheme"


class GuardRefused(IgnoreRequest):
    """The guard kept a request from being sent; ``reason`` is ``offsite``, ``blocked_address`` or ``blocked_scheme``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


class BlockedAddressLookup(DNSLookupError):
    """A DNS answer the guard refused to hand to a connection."""


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A globally routable unicast address (not private, loopback, link-local, CGNAT, multicast, reserved)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _on_domains(host: str, domains: Iterable[str]) -> bool:
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


@dataclass(frozen=True, slots=True)
class GuardPolicy:
    """Where a crawl may send requests. Pure decisions, no I/O."""

    domains: frozenset[str]
    """Allowed domains (their subdomains too); empty allows every public host."""
    seed_hosts: frozenset[str]
    """Hosts the crawl was given: the only ones that may be (or resolve to) a non-public address."""

    @classmethod
    def for_spider(cls, spider: Any, extra_domains: Iterable[str] = ()) -> Self:
        domains = {d.lower().strip(".") for d in [*(getattr(spider, "allowed_domains", None) or []), *extra_domains]
                   if d}
        seeds = {h.lower() for h in getattr(spider, "seed_hosts", None) or () if h}
        return cls(frozenset(domains), frozenset(seeds))

    def refusal(self, url_scheme: str, host: str) -> GuardRefused | None:
        """Why a request to ``scheme://host`` may not be sent (``None``: it may, pending DNS)."""
        if url_scheme not in ALLOWED_SCHEMES:
            return GuardRefused(BLOCKED_SCHEME, f"{url_scheme or 'no'} scheme")
        host = host.lower()
        if not host:
            return GuardRefused(OFFSITE, "no host")
        if self.domains and not _on_domains(host, self.domains):
            return GuardRefused(OFFSITE, f"{host} is not on {', '.join(sorted(self.domains))}")
        literal = ip_literal(host)
        if literal is not None and not self.address_allowed(host, literal):
            return GuardRefused(BLOCKED_ADDRESS, f"{host} is not a public address")
        return None

    def address_allowed(self, host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return is_public_address(address) or host.lower() in self.seed_hosts

    def answer_allowed(self, host: str, answer: str) -> bool:
        """Whether ``host`` may be connected to at the resolved ``answer``."""
        address = ip_literal(answer)
        return address is not None and self.address_allowed(host, address)


def policy_for(crawler: Crawler) -> GuardPolicy | None:
    """The running crawl's policy; ``None`` before the spider exists (nothing is requested then)."""
    if crawler.spider is None:
        return None
    cached = getattr(crawler, "_request_guard_policy", None)
    if cached is None or cached[0] != _policy_inputs(crawler):
        policy = GuardPolicy.for_spider(crawler.spider, crawler.settings.getlist("GUARD_ALLOWED_DOMAINS"))
        cached = (_policy_inputs(crawler), policy)
        crawler._request_guard_policy = cached  # type: ignore[attr-defined]
    return cached[1]


def _policy_inputs(crawler: Crawler) -> tuple[Any, ...]:
    spider = crawler.spider
    return (tuple(getattr(spider, "allowed_domains", None) or ()), tuple(getattr(spider, "seed_hosts", None) or ()))


class RequestGuardMiddleware:
    """Downloader middleware, first in the chain: refuses a request before anything is sent for it."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.logged: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        policy = policy_for(self.crawler)
        if policy is None:
            return
        parts = urlparse_cached(request)
        host = (parts.hostname or "").lower()
        refused = policy.refusal(parts.scheme, host)
        if refused is None and ip_literal(host) is None:
            refused = await self._check_resolved(policy, host)
        if refused is not None:
            self._refuse(request, refused)

    async def _check_resolved(self, policy: GuardPolicy, host: str) -> GuardRefused | None:
        from twisted.internet import reactor

        try:
            answer = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[attr-defined]
        except BlockedAddressLookup:
            return GuardRefused(BLOCKED_ADDRESS, f"{host} resolves to a non-public address")
        except Exception:  # noqa: BLE001 - an unresolvable name is the download's error to report
            return None
        if not policy.answer_allowed(host, answer):
            return GuardRefused(BLOCKED_ADDRESS, f"{host} resolves to {answer}, not a public address")
        return None

    def _refuse(self, request: Request, refused: GuardRefused) -> None:
        stats = self.crawler.stats
        stats.inc_value(f"guard/refused/{refused.reason}")
        host = urlparse_cached(request).hostname or request.url[:40]
        if host not in self.logged:  # one line per host, like Scrapy's offsite filter
            self.logged.add(host)
            logger.info("Request guard refused %s (%s)", request.url[:200], refused)
        raise refused


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that never gives a connection a non-public address for a host no running
    crawl was given (``TWISTED_DNS_RESOLVER``). Subclasses change :meth:`lookup` (tests map names to 127.0.0.x).

    Scrapy builds the resolver once per process, from the ``CrawlerProcess``: the policies are read from
    its crawlers at lookup time. With no spider running, only public answers pass.
    """

    owner: Any = None
    refused_names: set[str]

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: ReactorBase) -> Self:
        resolver = super().from_crawler(crawler, reactor)
        resolver.owner = crawler
        resolver.refused_names = set()
        return resolver

    def lookup(self, name: str, timeout: Sequence[int]) -> defer.Deferred[str]:
        return super().getHostByName(name, timeout)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        return self.lookup(name, timeout).addCallback(self._checked, name)

    def _policies(self) -> list[GuardPolicy]:
        crawlers = getattr(self.owner, "crawlers", None)
        if crawlers is None:  # built from a Crawler, not a process
            crawlers = [self.owner] if self.owner is not None else []
        return [policy for crawler in crawlers if (policy := policy_for(crawler)) is not None]

    def _checked(self, answer: str, name: str) -> str:
        address = ip_literal(answer)
        if address is not None and is_public_address(address):
            return answer
        if not any(policy.answer_allowed(name, answer) for policy in self._policies()):
            if name not in self.refused_names:  # once per name: every request to it asks again
                self.refused_names.add(name)
                logger.warning("Request guard: %s resolves to %s, not a public address; no connection", name, answer)
            raise BlockedAddressLookup(f"{name} resolves to a non-public address")
        return answer
