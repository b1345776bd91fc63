"""VTV (the national broadcaster's news site; VCCorp-style CMS, targets.md §4)."""

from ...sites.vtv import VtvPage
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vtv",
    title="VTV",
    domains=("vtv.vn",),
    languages=("vi",),
    country="vn",
    sources=(Source("https://vtv.vn/robots.txt", "robots"),),
    profile=VtvPage,
    alarm_floors=STANDARD_FLOORS,
)
