"""vnexpress.net: the body, byline and topics, where the generic page gets them wrong.

Generic extraction reads the sapo (``p.description``) and the right-aligned byline paragraph into the
body and takes the site's own name from ``<meta name="author">`` as the author. The layout
(targets.md §3, fundus's VnExpress parser): body ``article.fck_detail``; the byline is its last
``p.Normal`` aligned right (older pages: ``p.author_mail``); topics in ``<meta name="keywords">``.
"""

from __future__ import annotations

from ..page import ArticlePage
from ..registry import handles


@handles("vnexpress.net")
class VnExpressPage(ArticlePage):
    name = "vnexpress"
    version = "V1"

    body_selector = "article.fck_detail"
    byline_selector = 'p.Normal[style*="text-align:right"], p.Normal[style*="text-align: right"], p.author_mail'
    byline_max_chars = 80  # the byline's names ("Lê Phương", "Lê Phương - Thu Hà")
    keywords_meta = ("news_keywords", "keywords")
    site_names = frozenset({"vnexpress", "báo vnexpress", "vnexpress.net"})
