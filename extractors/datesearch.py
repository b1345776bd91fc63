"""The date a page prints for its article: found near the headline and byline, not anywhere in the page.

Every printed date of the page's body is a candidate, read with its surroundings: the text around it
(up to a short block), the names of its elements, and where it stands relative to the headline. A
candidate scores for standing just below (or just above) the headline, for a label that says
"published" ("Veröffentlicht", "Ngày đăng", "Publié"...), for a ``<time>`` element or a class named
for dates, for a time of day beside it, and for agreeing with the day the URL states. Dates inside
reader comments, related-article lists, navigation and archives are never candidates; a date inside
running prose counts against itself. The best candidate above a floor wins; ties go to the earlier one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from selectolax.lexbor import LexborNode

from . import dates
from .document import Document
from .text import clean

# A text worth reading for a date: a four-digit year of this century or the last, or "25.04.24".
_DATE_HINT_RE = re.compile(r"(?:19|20)\d\d|\d\.\d\d?\.\d\d")
# Labels in front of the publication date, in the languages crawled (not words prose puts before any date:
# "ngày", "am", "on", "le").
_PUBLISHED_LABEL_RE = re.compile(
    r"(?:publi(?:shed|é|e|cado|cada|cato)|posted|released|erschienen|veröffentlicht|veroeffentlicht|"
    r"ngày\s+đăng|đăng\s+(?:ngày|lúc)|xuất\s+bản|date|datum|fecha|created|erstellt|"
    r"опубликовано|yayın)\W{0,3}$", re.IGNORECASE)
# "Updated" / "Cập nhật": the date of a later revision (Vietnamese papers print only this one, so it is
# weaker evidence than "published", not counter-evidence).
_UPDATED_LABEL_RE = re.compile(
    r"(?:updated|modified|aktualisiert|geändert|mis\s+à\s+jour|actualizado|aggiornato|cập\s+nhật|"
    r"revised|last\s+revision|zuletzt)\W{0,12}$", re.IGNORECASE)
# Where a date is never the article's: reader comments, lists of other articles, navigation, archives.
_FOREIGN_RE = re.compile(
    r"comment|kommentar|binh-?luan|reply|related|sidebar|widget|teaser|recommend|popular|most-?read|"
    r"archive|calendar|breadcrumb|(?<![a-z])nav|menu|more-?news|other-?news|tin-?khac|lien-?quan|"
    r"newsletter|cookie|weather|ticker|agenda|event", re.IGNORECASE)
_FOREIGN_TAGS = frozenset({"nav", "select", "option", "form", "button", "input", "textarea"})
_DATED_NAME_RE = re.compile(r"date|time|publish|posted|byline|meta|ngay|datum|fecha|tarih", re.IGNORECASE)
# The block a candidate's surroundings are read from: at most this many characters.
MAX_CONTEXT = 250
# Above this many characters of its own text a date stands in running prose, and counts this much less.
PROSE_LENGTH = 160
PROSE_PENALTY = 5.0  # a date in prose needs the URL or a label to back it
# The least score a printed date needs to be taken.
MIN_SCORE = 1.0


@dataclass(frozen=True, slots=True)
class Candidate:
    """A printed date and its score."""

    moment: dates.Moment
    raw: str
    score: float
    position: int  # characters of body text before it

    @property
    def day(self) -> date:
        value = self.moment.value
        return value.date() if isinstance(value, datetime) else value


def find(doc: Document, headline: str | None, *, root: LexborNode | None = None, url_day: date | None = None,
         not_after: datetime | None = None, month_first: bool = False) -> list[Candidate]:
    """The page's printed dates that may be its article's, best first. ``root``: the article's container."""
    body = doc.tree.body
    if body is None:
        return []
    texts: list[tuple[LexborNode, int]] = []
    position = 0
    title: LexborNode | None = None
    title_end: int | None = None
    wanted = clean(headline).casefold() if headline else ""
    for node in body.traverse(include_text=True):
        tag = node.tag
        if tag in ("h1", "h2", "h3") and (wanted or title is None):
            text = clean(node.text()).casefold()
            if text and wanted and (text == wanted or (len(text) > 15 and text in wanted)):
                title, title_end, wanted = node, position + len(text), ""  # the headline: found for good
            elif text and title is None and tag == "h1":
                title, title_end = node, position + len(text)  # the first <h1>, until the headline shows
            continue
        if tag != "-text":
            continue
        text = node.text_content or ""
        if len(text) >= 4 and _DATE_HINT_RE.search(text):
            texts.append((node, position))
        position += len(text)
    page_wrappers = _ancestors(title) if title is not None else set()
    if root is not None:  # the article's container and its own wrappers
        page_wrappers |= _ancestors(root) | {root.mem_id}
    found: list[Candidate] = []
    seen: set[int] = set()
    for node, start in texts:
        if title is not None and title.mem_id in _ancestors(node):
            continue  # a date in the headline ("Giá cà phê hôm nay 21/11/2026") is its subject
        context, block = _context(node)
        if context is None or (block is None and context.mem_id in seen):
            continue
        seen.add(context.mem_id)
        if _is_foreign(context, page_wrappers):
            continue
        own_text = clean(node.text_content)
        for printed in dates.printed_dates(block or own_text, month_first=month_first):
            candidate = _scored(printed, block or own_text, node.parent or context, len(own_text),
                                start + (printed.start if block is None else 0), title_end, url_day, not_after)
            if candidate is not None:
                found.append(candidate)
    return sorted(found, key=lambda c: (-c.score, c.position))


def _ancestors(node: LexborNode) -> set[int]:
    found: set[int] = set()
    current = node.parent
    while current is not None:
        found.add(current.mem_id)
        current = current.parent
    return found


def best(candidates: list[Candidate]) -> Candidate | None:
    return candidates[0] if candidates and candidates[0].score >= MIN_SCORE else None


def _context(text_node: LexborNode) -> tuple[LexborNode | None, str | None]:
    """The largest element around a text that is still a short block (its label and time may be siblings),
    and that block's text; ``None`` for the text when even the text's own element is long (the text alone
    is read then)."""
    node = text_node.parent
    if node is None:
        return None, None
    block = clean(node.text())
    if len(block) > MAX_CONTEXT:
        return node, None
    for _ in range(3):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        text = clean(parent.text())
        if len(text) > MAX_CONTEXT:
            break
        node, block = parent, text
    return node, block


def _is_foreign(node: LexborNode, page_wrappers: set[int]) -> bool:
    """Inside comments, other articles' lists, navigation: judged by the elements between the date and
    the page's wrappers (an element that holds the headline too is the page's, whatever its name). An
    ``<aside>`` or ``<footer>`` is the article's own (its date box, its byline) inside an ``<article>``."""
    chain: list[LexborNode] = []
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html") and current.mem_id not in page_wrappers:
        chain.append(current)
        current = current.parent
    in_article = False
    while current is not None and not in_article:
        in_article = current.tag in ("article", "main")
        current = current.parent
    in_article = in_article or any(element.tag in ("article", "main") for element in chain)
    names: list[str] = []
    for element in chain:
        if element.tag in _FOREIGN_TAGS or (element.tag in ("aside", "footer") and not in_article):
            return True
        attrs = element.attributes
        names.append(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    return bool(_FOREIGN_RE.search(" ".join(names)))


def _names_near(node: LexborNode, levels: int = 3) -> tuple[set[str], str]:
    """The tags and the class / id / itemprop names of an element and its nearest ancestors."""
    tags: set[str] = set()
    names: list[str] = []
    current: LexborNode | None = node
    for _ in range(levels):
        if current is None:
            break
        attrs = current.attributes
        tags.add(current.tag or "")
        names.append(f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}")
        current = current.parent
    return tags, " ".join(names)


def _scored(printed: dates.Printed, block: str, origin: LexborNode, own_length: int, position: int,
            headline_end: int | None, url_day: date | None, not_after: datetime | None) -> Candidate | None:
    moment = printed.moment
    day = moment.value.date() if isinstance(moment.value, datetime) else moment.value
    if day.year < 1995 or (not_after is not None and day > not_after.date()):
        return None
    score = 0.0
    if headline_end is not None:
        distance = position - headline_end
        if -400 <= distance < 0:
            score += 2
        elif 0 <= distance < 300:
            score += 4
        elif 0 <= distance < 800:
            score += 3
        elif 0 <= distance < 2000:
            score += 2
        elif 0 <= distance < 5000:
            score += 1
    elif position < 3000:
        score += 1
    before = block[max(0, printed.start - 40):printed.start]
    if _PUBLISHED_LABEL_RE.search(before):
        score += 2
    elif _UPDATED_LABEL_RE.search(before):
        score -= 1
    tags, names = _names_near(origin, 5)
    if "time" in tags:
        score += 2
    if _DATED_NAME_RE.search(names):
        score += 2
    if moment.has_time:
        score += 1
    if own_length > PROSE_LENGTH:
        score -= PROSE_PENALTY
    if url_day is not None and day == url_day:
        score += 3
    return Candidate(moment, block[printed.start:printed.end], score, position)


def without_foreign_parts(doc: Document, headline: str | None) -> str:
    """The page's HTML without what is never its article's date: the headline, and every element named for
    reader comments, other articles, navigation or widgets (outside the article's own wrappers), for a
    reader (htmldate) that does not know the page's structure. Read from a copy: the tree stays as it is."""
    from selectolax.lexbor import LexborHTMLParser

    copy = LexborHTMLParser(doc.tree.html or "")
    for node in copy.css("nav, aside, footer, form, [class], [id]"):
        attrs = node.attributes
        foreign = node.tag in ("nav", "aside", "footer", "form") or _FOREIGN_RE.search(
            f"{attrs.get('class') or ''} {attrs.get('id') or ''}") is not None
        if foreign and node.css_first("h1, article") is None:  # never a wrapper of the article itself
            node.decompose()
    wanted = clean(headline).casefold() if headline else ""
    for node in copy.css("title, h1, h2, h3"):
        text = clean(node.text()).casefold()
        if text and (text == wanted or node.tag in ("title", "h1")):
            node.decompose()
    return copy.html or ""
