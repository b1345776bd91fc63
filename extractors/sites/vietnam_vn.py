"""vietnam.vn: the aggregator (both editions and the vcdn mirror)."""

from __future__ import annotations

from ..page import ArticlePage
from ..registry import handles


@handles("vietnam.vn", "vcdn.vietnam.vn")
class VietnamVnPage(ArticlePage):
    name = "vietnam_vn"
    version = "V1"
