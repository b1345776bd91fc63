"""GenK, technology news (VCCorp, like cafef and kenh14: URLs <slug>-165<15 digits>.chn)."""

from ...sites.families import VCCorpFamily
from .. import STANDARD_FLOORS, Publisher, Source


class GenkPage(VCCorpFamily):
    """The sapo (p.knc-sapo) sits inside [data-role=content]; the text is its .knc-content."""

    name = "genk"
    body_selector = ".knc-content"


PUBLISHER = Publisher(
    name="genk",
    title="GenK",
    domains=("genk.vn",),
    languages=("vi",),
    country="vn",
    sources=(Source("https://genk.vn/robots.txt", "robots"),),
    alarm_floors=STANDARD_FLOORS,
    profile=GenkPage,
    notes="Real page tests/fixtures/genk/: generic read the sapo as the first body paragraph; the profile's "
          "body .knc-content keeps it out. Headline, date, author, body end, captions checked by hand.",
)
