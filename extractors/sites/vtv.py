"""vtv.vn (VCCorp-style CMS): the embedded video and the sapo's site prefix.

Generic extraction cannot see the body's video: it is a ``div[type=VideoStream]`` whose ``data-vid`` holds
the mp4 URL, played by a script (targets.md §4). The sapo starts with "VTV.vn - ", the site's prefix.
"""

from __future__ import annotations

import re

from ..registry import handles
from .families import VccorpCms


@handles("vtv.vn")
class VtvPage(VccorpCms):
    name = "vtv"
    version = "V1"

    description_prefix = re.compile(r"^\s*VTV\.vn\s*[-–—]\s*", re.IGNORECASE)
