"""Which page class handles a URL: site profiles register by domain, the generic page is the fallback.

Like web-poet's ``@handle_urls``: a profile declares its domains with :func:`handles`, and
``page_class_for(url)`` picks the most specific match (``vcdn.vietnam.vn`` matches ``vietnam.vn``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from .page import ArticlePage

P = TypeVar("P", bound=type[ArticlePage])
_REGISTRY: dict[str, type[ArticlePage]] = {}


def handles(*domains: str) -> Callable[[P], P]:
    """Class decorator: register a site profile for ``domains`` and all their subdomains."""

    def register(cls: P) -> P:
        for domain in domains:
            _REGISTRY[domain.lower().removeprefix("www.")] = cls
        return cls

    return register


def page_class_for(url: str) -> type[ArticlePage]:
    _load_sites()
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    while host:
        if host in _REGISTRY:
            return _REGISTRY[host]
        _, _, host = host.partition(".")
    return ArticlePage


def _load_sites() -> None:
    # Importing the package runs every profile's @handles decorator once.
    from . import sites  # noqa: F401
