"""GenK, technology news (VCCorp, like cafef and kenh14: URLs <slug>-165<15 digits>.chn)."""

import re

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source


class GenkPage(VccorpCms):
    """Its own template of the family: the sapo (p.knc-sapo) sits inside [data-role=content] and the
    text is its .knc-content; title h1.kbwc-title, byline span.kbwcm-author (no data-role hooks)."""

    name = "genk"
    body_selector = ".knc-content"
    headline_selector = "h1.kbwc-title"
    lead_selector = "p.knc-sapo"
    byline_selector = ".kbwcm-author"
    source_selector = ".link-source-text-name"  # the 'Theo <paper>' box of a republished article
    credit_pattern = re.compile(r"\s*-\s*(?P<credit>Ảnh (?:chụp màn hình|minh họa))\s*$")  # "<caption> - Ảnh chụp màn hình"


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
          "body .knc-content keeps it out, and its title / sapo / byline selectors find their element (with the "
          "family's alone the record warned profile_fallback for all three). Headline, date, author, body, "
          "captions checked by hand; the caption credit '- Ảnh chụp màn hình' and the 'Theo <paper>' box are read by "
          "credit_pattern and source_selector. Republishes other papers.",
)
