"""A memo for the pure functions of one string that run for every element of every page (class names)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class StringMemo(dict[str, V], Generic[V]):
    """``memo[key]`` is ``compute(key)``, computed once; emptied when it holds ``limit`` keys.

    Instead of ``functools.lru_cache`` where the hot loop looks values up: a hit is a plain dict
    subscript (no Python call), and the garbage collector walks a dict's value array, where it walks
    lru_cache's linked list of entries node by node (a full collection took ~6 ms longer with the
    name caches full)."""

    __slots__ = ("compute", "distinct", "limit")

    def __init__(self, compute: Callable[[str], V], limit: int) -> None:
        super().__init__()
        self.compute, self.limit = compute, limit
        # One object per distinct value: a new tuple per key would be a new object for the collector to
        # track, and thousands of them surviving a page's collections bring on full collections.
        self.distinct: dict[V, V] = {}

    def __missing__(self, key: str) -> V:
        if len(self) >= self.limit:
            self.clear()
            self.distinct.clear()  # (bounded too, should a memo ever have many distinct values)
        value = self.compute(key)
        value = self[key] = self.distinct.setdefault(value, value)
        return value
