"""URL normalisation: one spelling per page, so the dupefilter sees one request per article.

``normalize_url`` is safe for any site: lower-case scheme and host, no default port, no fragment, no
tracking parameters. ``normalize_portal_url`` adds vietnam.vn's own rules: the ``vcdn`` mirror and the
bare domain are ``https://www.vietnam.vn``, and a trailing slash is dropped (the portal's canonical form).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

PORTAL_HOST = "www.vietnam.vn"
PORTAL_ALIASES = frozenset({"vietnam.vn", "www.vietnam.vn", "vcdn.vietnam.vn"})
DEFAULT_LANGUAGE = "vi"

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_PARAM_RE = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|mc_cid|mc_eid|_ga|zarsrc)$", re.IGNORECASE)
# A language prefix is a leading 2-letter (or xx-yy) segment followed by more path: /en/<slug>, /ko/<slug>.
_LANGUAGE_PREFIX_RE = re.compile(r"^/([a-z]{2}(?:-[a-z]{2,4})?)/[^/]")


def normalize_url(url: str) -> str:
    """The same page always spelled the same way (any site)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING_PARAM_RE.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def normalize_portal_url(url: str) -> str:
    """vietnam.vn's canonical spelling: ``https://www.vietnam.vn/<path>`` without a trailing slash.

    The trailing-slash rule applies on any host, so a local copy of the portal behaves like the portal.
    """
    parts = urlsplit(normalize_url(url))
    scheme, host = parts.scheme, parts.netloc
    if (parts.hostname or "") in PORTAL_ALIASES:
        scheme, host = "https", PORTAL_HOST
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, parts.query, ""))


def path_language(url: str) -> str:
    """The edition a portal URL belongs to: ``/en/<slug>`` is ``en``, an unprefixed ``/<slug>`` is ``vi``."""
    match = _LANGUAGE_PREFIX_RE.match(urlsplit(url).path)
    return match.group(1) if match else DEFAULT_LANGUAGE


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_on_domains(url: str, domains: list[str]) -> bool:
    """Whether ``url``'s host is one of ``domains`` or a subdomain of one (ports ignored)."""
    host = host_of(url)
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)
