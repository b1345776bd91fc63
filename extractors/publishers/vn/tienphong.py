"""Tiền Phong (cms-title / zce-content-body CMS family, targets.md §5)."""

from ...sites.families import ZceCms
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="tienphong",
    title="Báo Tiền Phong",
    domains=("tienphong.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://tienphong.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=ZceCms,
    notes=(
        "Real page tests/fixtures/tienphong/: headline, date, author, sapo, body start/end, caption right, the same with the family profile as with generic; only keywords are wrong (one comma-joined tag, a generic error)."
    ),
)
