"""Báo Mới: a news aggregator; its pages credit and link the original paper (targets: none; real page: research/pages/vn)."""

from .. import AGGREGATOR_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="baomoi",
    title="Báo Mới",
    domains=("baomoi.com",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://baomoi.com/robots.txt", "robots"),
    ),
    alarm_floors=AGGREGATOR_FLOORS,
    aggregator=True,
    generic_checked=(
        "Real page tests/fixtures/baomoi/ (a -r<id> redirect stub with no text): no record, which is right. No real content page is at hand, so article extraction (and the sourceOrganization floor) is unmeasured."
    ),
    notes="Article ids: `-c<id>.epi` is the content page, `-r<id>.epi` a redirect stub to the original paper's URL (no text).",
)
