"""Lao Động, the labour federation's paper (no layout facts in targets.md; real page: research/pages/vn)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="laodong",
    title="Báo Lao Động",
    domains=("laodong.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://laodong.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Real video page tests/fixtures/laodong/: NOT enough: the page (headline, date, two authors, an mp4, a one-line sapo) gives no record (known error)."
    ),
)
