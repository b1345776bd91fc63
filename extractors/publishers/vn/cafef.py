"""CafeF, business news (VCCorp CMS: data-role content / sapo, VCSortableInPreviewMode blocks; real page: research/pages/vn)."""

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
    generic_checked=(
        "Real page tests/fixtures/cafef/: headline, date, author, caption right; NOT enough: the sapo opens the body and the 'Theo <paper> / Link bài gốc' box closes it, the original paper and link are missed (known errors; VCCorp-family hints: body [data-role=content], sapo [data-role=sapo], source .link-source-wrapper)."
    ),
    notes="Republishes other papers' articles under a 'Theo <paper>' box with the original link.",
)
