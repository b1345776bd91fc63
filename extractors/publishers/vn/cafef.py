"""CafeF, business news (VCCorp CMS: data-role content / sapo, VCSortableInPreviewMode blocks; real page: research/pages/vn)."""

from ...sites.families import VCCorpFamily
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="cafef",
    title="CafeF",
    domains=("cafef.vn",),
    languages=("vi",),
    country="vn",
    sources=(
        Source("https://cafef.vn/robots.txt", "robots"),
    ),
    alarm_floors=STANDARD_FLOORS,
    profile=VCCorpFamily,
    notes=(
        "Real page tests/fixtures/cafef/: headline, date, author, caption right; the family's body [data-role=content] keeps the sapo and the 'Theo <paper> / Link bài gốc' box out of the body (generic read both in). Still missed: the original paper and link in that box (known errors). Republishes other papers' articles. Republishes other papers' articles under a 'Theo <paper>' box with the original link."
    ),
)
