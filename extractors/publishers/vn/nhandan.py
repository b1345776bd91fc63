"""Nhân Dân, the party daily (cms-title / zce-content-body CMS family, targets.md §5)."""

from ...page import ArticlePage
from ...sites.families import ZceCms
from .. import STANDARD_FLOORS, Publisher, Source


class NhanDanPage(ZceCms):
    """Its byline can be a reporter's initials ("TP"), which the family's name splitter does not take
    for a name: split on the plain separators instead (the real page tests/fixtures/nhandan/)."""

    name = "nhandan"
    byline_separator = ArticlePage.byline_separator

PUBLISHER = Publisher(
    name="nhandan",
    title="Báo Nhân Dân",
    domains=("nhandan.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://nhandan.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=NhanDanPage,
    notes=(
        "Real page tests/fixtures/nhandan/: headline, date, sapo, body right; the zce family's byline .article__author keeps 'TP' out of the body, and this profile credits it (the family's name splitter refuses initials; generic credited the site and kept 'TP' as a paragraph). Still missed: the lead figure .article__avatar above the body, its caption and credit; keywords as one tag (known errors)."
    ),
)
