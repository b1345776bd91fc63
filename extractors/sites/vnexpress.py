"""vnexpress.net: the body, byline and topics, where the generic page gets them wrong.

Generic extraction reads the sapo (``p.description``) and the right-aligned byline paragraph into the
body and takes the site's own name from ``<meta name="author">`` as the author. The layout
(targets.md §3, fundus's VnExpress parser): body ``article.fck_detail``; the byline is its last
``p.Normal`` aligned right (older pages: ``p.author_mail``); topics in ``<meta name="keywords">``.
"""

from __future__ import annotations

import re
from functools import cached_property

from selectolax.lexbor import LexborNode

from ..page import ArticlePage
from ..record import Author
from ..text import clean


class VnExpressPage(ArticlePage):
    name = "vnexpress"
    version = "V1"

    _body_selector = "article.fck_detail"
    _byline_selector = 'p.Normal[style*="text-align:right"], p.Normal[style*="text-align: right"], p.author_mail'
    _keywords_meta = ("news_keywords", "keywords")
    _site_names = frozenset({"vnexpress", "báo vnexpress", "vnexpress.net"})
    _max_byline_chars = 80
    _name_separator = re.compile(r"\s+[-–]\s+|\s*,\s*|\s+và\s+")

    @cached_property
    def content_root(self) -> LexborNode | None:
        return self.doc.tree.css_first(self._body_selector) or super().content_root

    def _non_body_texts(self) -> set[str]:
        return super()._non_body_texts() | set(self._bylines)

    @cached_property
    def _bylines(self) -> list[str]:
        root = self.content_root
        if root is None:
            return []
        texts = (clean(node.text(deep=True, separator=" ")) for node in root.css(self._byline_selector))
        return [text for text in texts if text and len(text) <= self._max_byline_chars]

    def authors(self) -> list[Author]:
        """The byline's names ("Lê Phương", "Lê Phương - Thu Hà"); never the site's own name."""
        found: list[Author] = []
        for byline in self._bylines:
            for name in (clean(part) for part in self._name_separator.split(byline)):
                if name and all(author.name != name for author in found):
                    found.append(Author(name=name, nameRaw=byline))
        return found or [a for a in super().authors() if a.name.lower() not in self._site_names]

    def keywords(self) -> list[str]:
        raw = self.doc.meta_first(*self._keywords_meta)
        words = [clean(word) for word in raw.split(",")] if raw else []
        return list(dict.fromkeys(word for word in words if word)) or super().keywords()
