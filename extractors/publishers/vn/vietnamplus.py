"""VietnamPlus, the news agency (TTXVN) site (cms-title / zce-content-body CMS family, targets.md §5)."""

from ...sites.families import CmsTitleFamily
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="vietnamplus",
    title="VietnamPlus",
    domains=("vietnamplus.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://www.vietnamplus.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=CmsTitleFamily,
    notes=(
        "Real page tests/fixtures/vietnamplus/: headline, date, sapo, body right, the same with the family profile as with generic; the '(TTXVN/Vietnam+)' agency line (.article__source) still closes the body and the HLS lead video is missed (known errors: no hint drops an element by selector yet; as a byline the line would credit '(TTXVN/Vietnam+)')."
    ),
)
