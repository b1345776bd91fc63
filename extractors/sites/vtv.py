"""vtv.vn (VCCorp-style CMS): the embedded video and the sapo's site prefix.

Generic extraction cannot see the body's video: it is a ``div[type=VideoStream]`` whose ``data-vid`` holds
the mp4 URL, played by a script (targets.md §4). The sapo starts with "VTV.vn - ", the site's prefix.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from ..page import ArticlePage
from ..record import Video
from ..text import or_none


class VtvPage(ArticlePage):
    name = "vtv"
    version = "V1"

    _video_selector = '[data-role="content"] [type="VideoStream"][data-vid]'
    _video_caption_selector = ".VideoCMS_Caption"
    _sapo_prefix = re.compile(r"^\s*VTV\.vn\s*[-–—]\s*", re.IGNORECASE)

    def description(self) -> str | None:
        description = super().description()
        return or_none(self._sapo_prefix.sub("", description)) if description else None

    def videos(self) -> list[Video]:
        found: list[Video] = []
        for node in self.doc.tree.css(self._video_selector):
            url = urljoin(self.doc.url, (node.attributes.get("data-vid") or "").strip())
            caption = node.css_first(self._video_caption_selector)
            if url.startswith("http") and all(video.url != url for video in found):
                found.append(Video(url=url, caption=or_none(caption.text(deep=True)) if caption else None))
        return found
