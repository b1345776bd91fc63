"""Playable videos: read before cleaning (it deletes ``<iframe>`` and ``<video>``), kept as data.

A profile names the player elements (``video_selector``); the cleaning stage reads each one's URL
and caption and the elements it sits in, and the media stage keeps those inside the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .record import Video
from .text import or_none

# An <iframe> is a video only from one of these hosts (others are ads, maps, polls, social posts).
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "facebook.com", "tiktok.com")
URL_ATTRS = ("src", "data-vid", "data-src")
_SCHEMELESS_RE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Player:
    url: str | None  # None: an empty player (no source)
    tag: str
    caption: str | None
    ancestors: frozenset[int]  # mem_id of every element it sits in: "inside the article" is decided later


def read_players(tree: LexborHTMLParser, selector: str, base_url: str, *, url_attrs: tuple[str, ...] = URL_ATTRS,
                 caption_selector: str | None = None) -> tuple[Player, ...]:
    found: list[Player] = []
    for node in tree.css(selector):
        ancestors: set[int] = set()
        parent = node.parent
        while parent is not None:
            ancestors.add(parent.mem_id)
            parent = parent.parent
        found.append(Player(_url(node, base_url, url_attrs), node.tag or "", _caption(node, caption_selector),
                            frozenset(ancestors)))
    return tuple(found)


def videos_in(players: tuple[Player, ...], root: LexborNode | None, dropped: Counter[str]) -> list[Video]:
    """The playable videos, inside ``root`` when given, once each; an empty ``<video>`` is counted."""
    found: list[Video] = []
    for player in players:
        if root is not None and root.mem_id not in player.ancestors:
            continue
        if player.url is None:
            if player.tag == "video":
                dropped["empty_video"] += 1
            continue
        if player.tag == "iframe" and not any(h in (urlsplit(player.url).hostname or "") for h in VIDEO_HOSTS):
            continue
        if all(video.url != player.url for video in found):
            found.append(Video(url=player.url, caption=player.caption))
    return found


def _url(node: LexborNode, base_url: str, url_attrs: tuple[str, ...]) -> str | None:
    attrs = node.attributes
    value = next((attrs[name] for name in url_attrs if attrs.get(name)), None)
    if not value and node.tag == "video":
        source = node.css_first("source[src]")
        value = source.attributes.get("src") if source is not None else None
    value = (value or "").strip()
    if not value or value.startswith(("data:", "blob:", "about:")):
        return None
    if _SCHEMELESS_RE.match(value):
        value = f"https://{value}"  # "cdn.example.vn/path.mp4": a host, not a relative path
    url = urljoin(base_url, value)
    return url if url.startswith("http") else None


def _caption(node: LexborNode, caption_selector: str | None) -> str | None:
    """The profile's caption element inside the player; else the enclosing ``<figure>``'s ``<figcaption>``."""
    if caption_selector is not None:
        caption = node.css_first(caption_selector)
        return or_none(caption.text(deep=True)) if caption is not None else None
    parent = node.parent
    while parent is not None and parent.tag not in ("figure", "body"):
        parent = parent.parent
    caption = parent.css_first("figcaption") if parent is not None and parent.tag == "figure" else None
    return or_none(caption.text(deep=True, separator=" ")) if caption is not None else None
