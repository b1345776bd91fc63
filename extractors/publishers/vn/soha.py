"""Soha, general news (VCCorp CMS, targets.md §4: data-role content / sapo / author)."""

from ...sites.families import VCCorpFamily
from .. import STANDARD_FLOORS, Publisher, Source

PUBLISHER = Publisher(
    name="soha",
    title="Soha",
    domains=("soha.vn",),
    languages=("vi",),
    country="vn",
    sources=(Source("https://soha.vn/robots.txt", "robots"),),
    alarm_floors=STANDARD_FLOORS,
    profile=VCCorpFamily,
    notes="Real page tests/fixtures/soha/, a page the VCCorp family was not written for (it was for cafef): generic "
          "kept the sapo, 'Chọn SOHA làm nguồn ưu tiên...', 'Link bài gốc <url>' and 'Đường dây nóng' in the body; "
          "the family's body [data-role=content] gives the 4 paragraphs only. Still wrong: the photo's caption, "
          "the VideoStream clip, the original paper (known errors). Republishes other papers.",
)
