"""Images with caption, credit and alt; lazy-loading attributes resolved, placeholders and icons skipped.

The article's pictures are read from its whole scope (the body plus the header that holds the
lead picture), not from teaser cards or other boilerplate around it. A caption is a ``figcaption``
or an element named like a caption next to the picture; a credit inside it (a ``credit`` /
``copyright`` element, or "Photo: AP" / "(Nguồn: Reuters)" text) is split off. A credit label is a whole
word ("Ảnh" is no label inside "cảnh", nor "Photo" inside "Photograph") followed by ":", "©", "by Name" or
inside brackets. No caption from the article header's headline, from the text inside a picture's link to
another page (a related story's title), nor from text around several pictures.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from .boilerplate import POSITIVE_HINT_RE, placeholder_rule, widget_rule
from .document import Document
from .record import Image
from .text import clean, or_none

_LAZY_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-url", "data-full-src", "src", "content")
# "(Nguồn: Reuters)", "(Source: Reuters)", "Ảnh: HOÀI NHÂN", "Photo: AP", "Foto: dpa", "© Getty" ...
# A label is a whole word ("Ảnh" is no label inside "cảnh", nor "Photo" inside "Photograph", nor "Bild" inside
# "Bildung") followed by ":" or "©", or inside brackets ("(Ảnh minh họa)"); "©" needs nothing more.
_CREDIT_LABELS = (r"ảnh|nguồn|source|quelle|fuente|fonte|imagem|imagen|photos?|photographs?|photography|fotos?|fotografie|(?:image\s+)?credits?|"
                  r"images?|pictures?|bild(?:er)?|video|copyright")
_CREDIT_RE = re.compile(
    rf"""\s*(?:(?P<open>[\(\[])\s*|(?<!\w))(?:(?P<sign>©)|(?:{_CREDIT_LABELS})(?!\w))
        \s*(?(sign)[:]?|(?(open)[:©]?|(?:[:©]|(?=\s+by\s*:?\s+(?-i:[A-ZÀ-ÝĐ])))))\s*(?:by\s*:?\s+)?(?P<credit>[^()\[\]]+?)\s*[\)\]]?\s*\.?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_LABEL_RE = re.compile(rf"^(?:(?:{_CREDIT_LABELS})(?!\w)\s*[:©]|©)\s*", re.IGNORECASE)
CAPTION_SELECTOR = "figcaption, [class*=caption], [class*=Caption], [class*=legend], [class*=bildunterschrift]"
CREDIT_CLASS_RE = re.compile(r"credit|copyright|source|photographer|attribution|urheber|bildnachweis|fotograf|author",
                             re.IGNORECASE)
# Pictures that are never an article's: icons, logos, avatars, tracking pixels.
_NOT_PICTURE_RE = re.compile(r"logo|icon|avatar|sprite|placeholder|spacer|blank\.|pixel|1x1|badge|emoji|\.svg", re.IGNORECASE)
# The same on a lower-cased ASCII path, without re.I (several times faster on long URLs).
_NOT_PICTURE_LOWER_RE = re.compile(_NOT_PICTURE_RE.pattern)
_MAX_CAPTION_CHARS = 600
_IMAGE_FILES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
# A video's length: "3:20 min", "... 3:20" at the end, or "2:34 Title" in front.
_DURATION_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])\s*(min|minutes?|$)|^\d{1,2}:\d{2}(?::\d{2})?\s|\bduration\b",
                          re.IGNORECASE)
PICTURE_NAMES_RE = re.compile(r"caption|credit|image|img|photo|picture|media|figure|gallery", re.IGNORECASE)
_PICTURE_NAMES_LOWER_RE = re.compile(PICTURE_NAMES_RE.pattern)
# Widgets around an article whose pictures are other pages' (teasers) or the site's (sharing, ads).
_NOT_ARTICLE_WORDS = (
    r"related|recommend|teaser|promo|more-?stories|sidebar|(?:^|[\s_-])rail|outbrain|taboola|newsletter|"
    r"comments?(?![a-z])|advert|sponsor|share|social|(?:^|[\s_-])nav|footer|menu|trending|popular|avatar|"
)
_CAMEL_WIDGET_WORDS = "Related|Teaser|Promo|Rail|Sidebar"
NOT_ARTICLE_PICTURES_RE = re.compile(rf"{_NOT_ARTICLE_WORDS}(?<=[a-z])(?:{_CAMEL_WIDGET_WORDS})", re.IGNORECASE)
# The same two on lower-cased ASCII names, without re.I (several times faster; on ASCII text re.I only
# equates the two cases of a letter, so the matches are the same).
_NOT_ARTICLE_PICTURES_LOWER_RE = re.compile(rf"{_NOT_ARTICLE_WORDS}(?<=[a-z])(?:{_CAMEL_WIDGET_WORDS.lower()})")
# A picture's own box (three levels up) named for an author's headshot or a sign-up form: not an article picture
# (searched close to the picture only: WordPress names whole posts "author-jane").
_PORTRAIT_OR_FORM_RE = re.compile(
    r"author|byline|avatar|profile[-_]?(?:pic|image|photo|img)|signup|sign-up|slidein|subscribe|newsletter",
    re.IGNORECASE)
# A video player's labels ("Video", "watch now", "Video Loading Video Unavailable Click to play ..."), not a caption.
_PLAYER_TEXT_RE = re.compile(r"^(?:video|watch now|watch|play(?: video)?)$|^video loading\b|\bclick to play\b",
                             re.IGNORECASE)
# A byline row, not a caption: "Von Christian Unger, Redakteur 09.09.2025, 09:58 Uhr",
# "Jen Mills Published Jul 17, 2024, 11:21am", "Edgar Schuler Publiziert heute um 12:19 Uhr".
_DATEISH = (r"(?:\d{1,2}[./:]\d{1,2}|\d{4}-\d{2}|heute|today|gestern|yesterday|"
            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)")
_BYLINE_CAPTION_RE = re.compile(
    rf"^(?:von|by)\s+(?!(?:links|rechts|oben|unten|left|right|the|a|an)\b)[^\d]{{3,60}}?{_DATEISH}|"
    rf"\b(?:published|posted|updated|publiziert|aktualisiert|veröffentlicht|publié|mis à jour|publicado|"
    rf"actualizado|pubblicato)\b[\s:]*(?:\S+\s+){{0,3}}?{_DATEISH}",
    re.IGNORECASE)
# Text blocks a picture may sit in whose text is prose, not a caption.
_TEXT_BLOCKS = frozenset({"p", "li", "td", "blockquote", "article", "main", "section", "body"})


def split_credit(caption: str | None) -> tuple[str | None, str | None]:
    """``"Port at dawn. (Source: Reuters)"`` -> ``("Port at dawn.", "Reuters")``."""
    text = clean(caption)
    if not text:
        return None, None
    match = _CREDIT_RE.search(text)
    if not match or match.start() == 0 and not _CREDIT_LABEL_RE.match(text):
        return text, None
    return (or_none(text[: match.start()]), or_none(match.group("credit")))


def image_url(img: LexborNode, base_url: str) -> str | None:
    return _image_url(img.attributes, base_url)


def _image_url(attrs: dict[str, str | None], base_url: str) -> str | None:
    for attr in _LAZY_ATTRS:
        value = attrs.get(attr)
        if value and not value.startswith("data:"):
            value = value.strip()
            return value if value.startswith(("https://", "http://")) else urljoin(base_url, value)
    srcset = attrs.get("data-srcset") or attrs.get("srcset") or next(
        (value for name, value in attrs.items() if name.endswith("srcset") and value), None)  # lazy-loader names
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first and not first.startswith("data:"):
            return urljoin(base_url, first)
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def dedupe(found: list[Image]) -> list[Image]:
    seen: set[str] = set()
    unique = []
    for image in found:
        if image.url not in seen:
            seen.add(image.url)
            unique.append(image)
    return unique


# ----- the article's pictures ---------------------------------------------------------------------

def article_scope(doc: Document, root: LexborNode) -> LexborNode:
    """The body plus its header: the lowest ancestor of ``root`` that also holds the page's h1."""
    h1 = doc.tree.css_first("h1")
    if h1 is None:
        return root
    ancestors = set()
    node: LexborNode | None = root
    while node is not None:
        ancestors.add(node.mem_id)
        node = node.parent
    node = h1
    while node is not None and node.mem_id not in ancestors:
        node = node.parent
    if node is None or node.tag in ("body", "html"):
        # The h1 sits in a page-wide header: the body's container holds the lead picture, if any.
        return root.parent if root.parent is not None and root.parent.tag not in ("body", "html") else root
    return node


def _in_boilerplate(node: LexborNode, scope: LexborNode, verdicts: dict[int, bool]) -> bool:
    """Inside a teaser, related-links, sharing or other widget below ``scope`` (an article header is fine).

    ``verdicts`` remembers each ancestor's answer for the page, so sibling pictures share one walk."""
    walked: list[int] = []
    parent = node.parent
    verdict = False
    while parent is not None and parent.mem_id != scope.mem_id:
        key = parent.mem_id
        if key in verdicts:
            verdict = verdicts[key]
            break
        walked.append(key)
        attrs = parent.attributes
        if parent.tag in ("aside", "nav", "footer") or _widget_names(attrs.get("class"), attrs.get("id")):
            verdict = True
            break
        parent = parent.parent
    for key in walked:
        verdicts[key] = verdict
    return verdict


@lru_cache(maxsize=8192)
def _widget_names(classes: str | None, element_id: str | None) -> bool:
    names = " ".join(v for v in (classes, element_id) if v)
    if not names:
        return False
    lowered = names.lower()
    if names.isascii():  # (class names almost always are)
        return bool(_NOT_ARTICLE_PICTURES_LOWER_RE.search(lowered) and not POSITIVE_HINT_RE.search(lowered)
                    and not _PICTURE_NAMES_LOWER_RE.search(lowered))
    return bool(NOT_ARTICLE_PICTURES_RE.search(names) and not POSITIVE_HINT_RE.search(lowered)
                and not PICTURE_NAMES_RE.search(names))


def _caption_parts(node: LexborNode) -> tuple[str | None, str | None]:
    """(caption, credit) of a caption element; a credit-named child is the credit."""
    credit_node = next((child for child in node.css("[class]")
                        if CREDIT_CLASS_RE.search(child.attributes.get("class") or "")), None)
    if credit_node is not None:
        credit = clean(credit_node.text(separator=" "))
        whole = clean(node.text(separator=" "))
        caption = clean(whole.replace(credit, "", 1)) if credit else whole
        credit = _CREDIT_LABEL_RE.sub("", credit).strip(" ()[]")
        return or_none(caption), or_none(credit)
    return split_credit(node.text(separator=" "))


_PICTURE_SELECTOR = "img, amp-img, picture source, [data-src], [data-srcset], [data-lazy-src], meta[itemprop=url], meta[itemprop=contentUrl]"


def _picture_in(node: LexborNode) -> LexborNode | None:
    """A container's picture: its ``img``, else a lazy-loading ``<source>`` or ``itemprop=url`` stand-in."""
    return node.css_first("img, amp-img") or node.css_first(_PICTURE_SELECTOR)


def _picture_of(caption: LexborNode) -> LexborNode | None:
    """The picture a caption belongs to: the image in its ``<figure>``, else the nearest image in
    the caption's container (3 levels up)."""
    node = caption.parent
    for _ in range(3):
        if node is None:
            break
        if node.tag == "figure" and (img := _picture_in(node)) is not None:
            return img
        node = node.parent
    node = caption.parent
    for _ in range(3):
        if node is None:
            return None
        img = _picture_in(node)
        if img is not None:
            return img
        node = node.parent
    return None


def _is_picture(url: str, attrs: dict[str, str | None]) -> bool:
    width, height = _int(attrs.get("width")), _int(attrs.get("height"))
    if (width is not None and width < 60) or (height is not None and height < 60):
        return False
    path = url.rsplit("?", 1)[0]
    if path.isascii():
        return not _NOT_PICTURE_LOWER_RE.search(path.lower())
    return not _NOT_PICTURE_RE.search(path)


def article_images(doc: Document, root: LexborNode) -> list[Image]:
    """The article's pictures in page order, each with its caption and credit."""
    scope = article_scope(doc, root)
    headline = doc.tree.css_first("h1")
    verdicts: dict[int, bool] = {}
    captions: dict[int, tuple[str | None, str | None]] = {}
    for node in scope.css(CAPTION_SELECTOR):
        text = clean(node.text(separator=" "))
        inner = node.css_first("figcaption, [class*=caption]") if node.tag != "figcaption" else None
        if inner is not None and len(clean(inner.text(separator=" "))) >= 0.6 * len(text):
            continue  # a wrapper named like a caption around the real one
        if not text or len(text) > _MAX_CAPTION_CHARS or _in_boilerplate(node, scope, verdicts):
            continue
        picture = _picture_of(node)
        if picture is not None and picture.mem_id not in captions:
            captions[picture.mem_id] = _caption_parts(node)
    in_body = {node.mem_id for node in root.css(_PICTURE_SELECTOR)} if scope is not root else None
    found: list[Image] = []
    container_texts: dict[int, str] = {}  # pictures of one gallery share their containers
    for img in scope.css(_PICTURE_SELECTOR):
        if img.tag not in ("img", "amp-img") and img.mem_id not in captions:
            continue  # a lazy-loading wrapper counts only when it is the picture a caption names
        attrs = img.attributes
        url = _image_url(attrs, doc.url)
        if not url or not _is_picture(url, attrs) or _in_boilerplate(img, scope, verdicts) or _portrait_or_form(img):
            continue
        link = _page_link(img)
        caption, credit = captions.get(img.mem_id) or _container_caption(
            img, link, container_texts, headline.mem_id if headline is not None else None)
        if caption and _BYLINE_CAPTION_RE.search(caption):
            continue  # the author's headshot beside the byline ("Von Jane Roe, Redakteurin 09.09.2025")
        if caption and _PLAYER_TEXT_RE.search(caption):
            caption = None  # a video's poster and its player's labels
        if caption is None and credit is None and (link is not None or (
                in_body is not None and img.mem_id not in in_body and not _in_figure(img))):
            continue  # no caption and a link to another page (a teaser), or beside the body and no <figure>
        found.append(Image(url=url, caption=caption, credit=credit, alt=or_none(attrs.get("alt")),
                           width=_int(attrs.get("width")), height=_int(attrs.get("height"))))
    return _merge_duplicates(found)


def _container_caption(img: LexborNode, href: str | None, texts: dict[int, str],
                       headline: int | None = None) -> tuple[str | None, str | None]:
    """A caption without caption markup: the short text of the picture's own container
    (``<div class="media"><img><span class="mediaInfo">Caption</span></div>``). ``href`` is where the
    picture links to (:func:`_page_link`); ``texts`` keeps each container's text for the page; ``headline`` is
    the ``mem_id`` of the page's headline (its first ``<h1>``)."""
    node = img.parent
    for _ in range(3):
        if node is None or node.tag in _TEXT_BLOCKS:
            return None, None
        text = texts.get(node.mem_id)
        if text is None:
            text = texts[node.mem_id] = clean(node.text(separator=" "))
        if text:
            if len(text) > _MAX_CAPTION_CHARS or len(node.css("img, amp-img")) > 1:
                return None, None  # text around several pictures: a part of the body, not one picture's box
            if headline is not None and any(h1.mem_id == headline for h1 in node.css("h1")):
                return None, None  # the article's header around its lead picture: the headline is no caption
            if href is not None and _inside_link(node, href):
                return None, None  # the text inside the picture's link to another page is that page's title
            anchors = node.css("a[href]")
            if href is not None and not _caption_named(node) and \
                    any(_same_page(a.attributes.get("href"), href) and a.text().strip() for a in anchors):
                return None, None  # the picture and a titled link lead to the same page: a teaser card
            # (a link's own text is link text too: a teaser card's title around its picture)
            links = len(text) if node.tag == "a" else sum(len(clean(a.text())) for a in anchors)
            if links >= 0.5 * len(text) or _DURATION_RE.search(text) or widget_rule(text) or placeholder_rule(text):
                return None, None  # a linked title or a video length: a teaser; or a widget's line
            return _caption_parts(node)
        node = node.parent
    return None, None


def _page_link(img: LexborNode) -> str | None:
    """The ``href`` of the link around a picture when it leads to another page (a teaser's thumbnail;
    a link to the image file itself is no such link)."""
    node = img.parent
    for _ in range(3):
        if node is None:
            return None
        if node.tag == "a":
            href = node.attributes.get("href") or ""
            path = href.split("?", 1)[0].lower()
            linked = bool(path) and not path.startswith(("#", "javascript")) and not path.endswith(_IMAGE_FILES)
            return href if linked else None
        node = node.parent
    return None


def _inside_link(node: LexborNode, href: str) -> bool:
    """``node`` sits inside a link to ``href`` (a teaser: the picture and its title in one ``<a>``)."""
    parent = node if node.tag == "a" else node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag == "a":
            return _same_page(parent.attributes.get("href"), href)
        parent = parent.parent
    return False


def _same_page(href: str | None, other: str) -> bool:
    """Two links to one page, tracking parameters aside (``?utm_source=...``)."""
    return href is not None and href.split("?", 1)[0] == other.split("?", 1)[0]


def _caption_named(node: LexborNode) -> bool:
    """A ``<figure>`` or an element named like a caption box (``wf_caption``): its links are credits."""
    return node.tag == "figure" or "caption" in (node.attributes.get("class") or "").lower()


def _portrait_or_form(img: LexborNode) -> bool:
    """The picture's own box (itself and three levels up) is named for an author's headshot or a sign-up form."""
    node: LexborNode | None = img
    for _ in range(4):
        if node is None:
            return False
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if names != " " and _PORTRAIT_OR_FORM_RE.search(names):
            return True
        node = node.parent
    return False


def _in_figure(img: LexborNode) -> bool:
    node = img.parent
    for _ in range(4):
        if node is None:
            return False
        if node.tag == "figure":
            return True
        node = node.parent
    return False


def _merge_duplicates(found: list[Image]) -> list[Image]:
    """One record per URL, keeping the first caption any copy of it has."""
    by_url: dict[str, Image] = {}
    for image in found:
        kept = by_url.setdefault(image.url, image)
        if kept is not image and kept.caption is None and image.caption:
            kept.caption, kept.credit = image.caption, image.credit
    return list(by_url.values())
