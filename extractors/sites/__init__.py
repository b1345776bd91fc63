"""Thin site profiles: each overrides only the generic page's fields its layout needs.

Add a module here and import it below; its ``@handles(...)`` decorator registers it.
"""

from . import vietnam_vn, vnexpress, vtv  # noqa: F401
