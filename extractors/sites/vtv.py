"""vtv.vn (VCCorp-style CMS): the embedded video and the sapo's site prefix.

Generic extraction cannot see the body's video: it is a ``div[type=VideoStream]`` whose ``data-vid`` holds
the mp4 URL, played by a script (targets.md §4). The sapo starts with "VTV.vn - ", the site's prefix.
"""

from __future__ import annotations

import re

from ..page import ArticlePage
from ..registry import handles


@handles("vtv.vn")
class VtvPage(ArticlePage):
    name = "vtv"
    version = "V1"

    video_selector = '[data-role="content"] [type="VideoStream"][data-vid]'
    video_scope = "page"
    video_url_attrs = ("data-vid",)
    video_caption_selector = ".VideoCMS_Caption"
    description_prefix = re.compile(r"^\s*VTV\.vn\s*[-–—]\s*", re.IGNORECASE)
