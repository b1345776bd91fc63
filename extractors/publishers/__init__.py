"""The publishers: one module per site under ``<country>/`` (``vn/vnexpress.py`` ...), each defining a
module-level :class:`Publisher`. :mod:`extractors.registry` discovers them; no list to keep.

See ``docs/adding-a-publisher.md`` for adding one.
"""

from .base import AGGREGATOR_FLOORS, STANDARD_FLOORS, VIETNAM, Publisher, PublisherError, Source

__all__ = ["AGGREGATOR_FLOORS", "STANDARD_FLOORS", "VIETNAM", "Publisher", "PublisherError", "Source"]
