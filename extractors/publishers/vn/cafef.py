"""CafeF, business news (VCCorp CMS: data-role content / sapo, VCSortableInPreviewMode blocks; real page: research/pages/vn)."""

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source


class CafefPage(VccorpCms):
    """Its byline is p.author ('Theo Hồ Hương') after the body, not the family's [data-role=author]; a
    republished article names its paper in the 'Theo <paper>' box (as genk and soha do)."""

    name = "cafef"
    byline_selector = "p.author"
    source_selector = ".link-source-text-name"

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
    profile=CafefPage,
    notes=(
        "Real page tests/fixtures/cafef/: headline, date, author, caption right; the family's body [data-role=content] keeps the sapo and the 'Theo <paper> / Link bài gốc' box out of the body (generic read both in). The paper of that box is read (source_selector); its link is not (known error: it is text, not an href). Republishes other papers' articles. Republishes other papers' articles under a 'Theo <paper>' box with the original link."
    ),
)
