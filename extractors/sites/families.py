"""CMS families: the hints one CMS gives every site built on it. Bases only (no ``@handles``): a
site's profile subclasses its family and adds what is its own (targets.md sections 4 and 5).
"""

from __future__ import annotations

from ..page import ArticlePage


class VccorpCms(ArticlePage):
    """The "VCCorp-style" CMS of vtv.vn, tuoitre.vn, thanhnien.vn, nld.com.vn, baochinhphu.vn, kenh14, soha:
    ``data-role`` hooks (title, sapo, author, content), ``div[type=VideoStream][data-vid]`` players,
    ``.PhotoCMS_Caption`` / ``.VideoCMS_Caption`` captions (its ``.box-category-*`` related boxes and
    ``.detail__comment`` need no rule: the generic reading leaves them out already)."""

    name = "vccorp_cms"
    headline_selector = 'h1[data-role="title"], h1.detail-title, h1.article-title'
    body_selector = '[data-role="content"], div.detail-content'
    lead_selector = '[data-role="sapo"], .detail-sapo'
    lead_in_body = False  # the sapo is printed above the body, and is the description
    byline_selector = '[data-role="author"], .author-info'
    byline_scope = "page"
    byline_separator = None  # authors.split_names: "A - B", "A; B", "Phùng Anh (VTV Online)"
    video_selector = '[data-role="content"] [type="VideoStream"][data-vid]'
    video_scope = "page"
    video_url_attrs = ("data-vid",)
    video_caption_selector = ".VideoCMS_Caption"
    caption_selector = ".PhotoCMS_Caption"


class ZceCms(ArticlePage):
    """The "cms-title / zce-content-body" CMS of vietnamplus.vn, nhandan.vn, tienphong.vn, plo.vn, baogialai."""

    name = "zce_cms"
    headline_selector = "h1.cms-title, h1.article__title"
    body_selector = ".zce-content-body, .article__body.cms-body"
    lead_selector = ".article__sapo, .cms-desc"
    lead_in_body = False
    byline_selector = ".article__author"
    byline_scope = "page"
    byline_separator = None
