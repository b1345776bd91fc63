"""Soha, general news (VCCorp CMS, targets.md §4: data-role content / sapo / author)."""

from ...sites.families import VccorpCms
from .. import STANDARD_FLOORS, Publisher, Source


class SohaPage(VccorpCms):
    """Its title is h1.news-title[data-field=title], not the family's [data-role=title]."""

    name = "soha"
    headline_selector = 'h1[data-field="title"]'
    source_selector = ".link-source-text-name"  # the 'Theo <paper>' box of a republished article

PUBLISHER = Publisher(
    name="soha",
    title="Soha",
    domains=("soha.vn",),
    languages=("vi",),
    country="vn",
    sources=(Source("https://soha.vn/robots.txt", "robots"),),
    alarm_floors=STANDARD_FLOORS,
    profile=SohaPage,
    notes="Real page tests/fixtures/soha/, a page the VCCorp family was not written for: generic "
          "kept the sapo, 'Chọn SOHA làm nguồn ưu tiên...', 'Link bài gốc <url>' and 'Đường dây nóng' in the body; "
          "the family's body [data-role=content] gives the 4 paragraphs only, and its caption and VideoStream hints "
          "the photo's caption and the clip. The 'Theo <paper>' box gives the original paper (source_selector). Republishes other papers.",
)
