"""Báo Quốc Tế, the foreign ministry's paper: the original of many vietnam.vn articles (targets.md §2)."""

from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="baoquocte",
    title="Báo Thế giới & Việt Nam (Báo Quốc Tế)",
    domains=("baoquocte.vn",),
    languages=("vi", "en"),
    country="vn",
    sources=(
        Source("https://baoquocte.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    generic_checked=(
        "Measured only on a reconstruction (tests/fixtures/baoquocte/, built from targets.md §2): headline, date, author, body without the 'Theo dõi Baoquocte.vn' and 'TIN LIÊN QUAN' widgets, caption and credit read right. Unmeasured on a real page."
    ),
    notes="en.baoquocte.vn (the English edition) is on the same domain.",
)
