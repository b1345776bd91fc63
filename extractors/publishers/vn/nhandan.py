"""Nhân Dân, the party daily (cms-title / zce-content-body CMS family, targets.md §5)."""

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
    generic_checked=(
        "Real page tests/fixtures/nhandan/: headline, date, sapo, body right; NOT enough: the byline 'TP' (.article__author) is a body paragraph while the site is credited, and the lead figure's caption is missed (known errors; cms-family hints: byline .article__author, lead figure .article__avatar)."
    ),
)
