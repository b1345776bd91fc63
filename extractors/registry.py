"""Which publisher a URL belongs to, and so which page class extracts it (the generic page otherwise).

Publishers are discovered, not listed: every module under :mod:`extractors.publishers` is imported
once, on first use, and each module-level :class:`~extractors.publishers.Publisher` in it is
registered. ``publisher_for(url)`` picks the most specific domain (``e.vnexpress.net`` before
``vnexpress.net``; ``vcdn.vietnam.vn`` falls back to ``vietnam.vn``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from urllib.parse import urlsplit

from . import publishers as publishers_package
from .page import ArticlePage
from .publishers import Publisher, PublisherError


@dataclass(frozen=True, slots=True)
class Registry:
    by_name: dict[str, Publisher]
    by_domain: dict[str, Publisher]
    modules: dict[str, str]  # publisher name -> the module that defines it

    def select(self, spec: str) -> list[Publisher]:
        """``NAME``, ``NAME1,NAME2``, a country code (``vn``: all of its publishers), or ``all``."""
        chosen: dict[str, Publisher] = {}
        for item in (part.strip().lower() for part in spec.split(",")):
            if not item:
                continue
            if item == "all":
                found = list(self.by_name.values())
            elif item in self.by_name:
                found = [self.by_name[item]]
            else:
                found = [publisher for publisher in self.by_name.values() if publisher.country == item]
            if not found:
                raise KeyError(f"no publisher or country {item!r}; known: {', '.join(sorted(self.by_name))}")
            chosen.update((publisher.name, publisher) for publisher in found)
        if not chosen:
            raise KeyError("no publisher named")
        return list(chosen.values())


@cache
def registry() -> Registry:
    """Every publisher module, imported once, in name order."""
    prefix = publishers_package.__name__ + "."
    names = sorted(info.name for info in pkgutil.walk_packages(publishers_package.__path__, prefix))
    return collect(importlib.import_module(name) for name in names)


def collect(modules: Iterable[ModuleType]) -> Registry:
    """The module-level publishers of ``modules``; a name or a domain claimed twice is an error."""
    by_name: dict[str, Publisher] = {}
    by_domain: dict[str, Publisher] = {}
    where: dict[str, str] = {}
    for module in modules:
        for value in vars(module).values():
            if not isinstance(value, Publisher) or by_name.get(value.name) is value:
                continue  # not a publisher, or one imported from another module
            if value.name in by_name:
                raise PublisherError(f"publisher {value.name!r} defined twice: {where[value.name]}, {module.__name__}")
            for domain in value.domains:
                if domain in by_domain:
                    raise PublisherError(f"domain {domain} claimed by {by_domain[domain].name} and {value.name}")
                by_domain[domain] = value
            by_name[value.name] = value
            where[value.name] = module.__name__
    return Registry(dict(sorted(by_name.items())), by_domain, where)


def all_publishers() -> list[Publisher]:
    return list(registry().by_name.values())


def get_publisher(name: str) -> Publisher:
    try:
        return registry().by_name[name]
    except KeyError:
        raise KeyError(f"no publisher {name!r}; known: {', '.join(registry().by_name)}") from None


def select_publishers(spec: str) -> list[Publisher]:
    return registry().select(spec)


def publisher_for(url: str) -> Publisher | None:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    by_domain = registry().by_domain
    while host:
        if host in by_domain:
            return by_domain[host]
        _, _, host = host.partition(".")
    return None


def page_class_for(url: str) -> type[ArticlePage]:
    publisher = publisher_for(url)
    return publisher.profile if publisher is not None and publisher.profile is not None else ArticlePage
