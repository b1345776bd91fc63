"""Nhân Dân, the party daily (cms-title / zce-content-body CMS family, targets.md §5)."""

from ...sites.families import CmsTitleFamily
from .. import STANDARD_FLOORS, Publisher, Source

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
    profile=CmsTitleFamily,
    notes=(
        "Real page tests/fixtures/nhandan/: headline, date, sapo, body right; the family's byline .article__author credits 'TP' and keeps it out of the body (generic credited the site and kept 'TP' as a paragraph). Still missed: the lead figure .article__avatar above the body, its caption and credit; keywords as one tag (known errors)."
    ),
)
