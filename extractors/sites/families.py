"""CMS families: profiles shared by the sites built on one CMS (``../shared/docs/targets.md`` §4, §5).

A publisher names the family as its profile, or a thin subclass of it for what its site does apart.
Each hint was checked on a real page of the family (tests/fixtures/<publisher>/, see the publishers).
"""

from __future__ import annotations

from ..page import ArticlePage


class VCCorpFamily(ArticlePage):
    """The "VCCorp-style" CMS (tuoitre, thanhnien, nld, baochinhphu, cafef ...; vtv has its own profile).

    The body is the ``[data-role=content]`` element: the sapo (``[data-role=sapo]``) and the boxes after
    it ("Theo <paper>", related news) stay out of it. Checked on the real cafef page: without the
    selector the sapo opens the body and the source box closes it.
    """

    name = "vccorp"
    version = "V1"

    body_selector = '[data-role="content"]'
    body_warning = True  # a page without it is read generically, and the record says so


class CmsTitleFamily(ArticlePage):
    """The "cms-title / zce-content-body" CMS (nhandan, vietnamplus, tienphong, plo ...).

    The body is ``.article__body.cms-body``; a byline ``.article__author`` closes it (its names are the
    authors, its text no body). Checked on the real nhandan page (the byline 'TP' was a body paragraph
    and the site was credited instead); the real tienphong and vietnamplus pages read the same with it.
    """

    name = "cms_title"
    version = "V1"

    body_selector = ".article__body.cms-body"
    body_warning = True
    byline_selector = ".article__author"
