"""Boilerplate removal rules, each counted by name so a record says what was dropped.

Three kinds of rule:

* whole elements pruned from the DOM before anything reads it (scripts, embeds, form controls, ``nav``);
* class / id / role hints: a subtree whose names say "share bar", "related", "comments",
  "newsletter"... never gives body text (:func:`names_verdict`), and names such as "article-body" mark
  a likely content container;
* placeholder and widget lines dropped from text blocks ("No data", "Comment (0)",
  "Advertisement", "Read more: ...").
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .memo import StringMemo
from .text import clean

# Elements that never hold article text. Pruned before content scoring reads the tree. (Not ``form``:
# ASP.NET pages wrap the whole page in one; segments.py treats forms as boilerplate unless they hold the prose.)
NEVER_CONTENT = "script, style, noscript, template, iframe, svg, canvas, button, select, input, textarea, nav"

# Placeholder / widget text that must never reach a text field, by rule name.
PLACEHOLDER_LINES: dict[str, re.Pattern[str]] = {
    "no_data": re.compile(r"^(no data|không có dữ liệu|chưa có dữ liệu)\.?$", re.IGNORECASE),
    "empty_video": re.compile(r"^(no videos? available|không có video( nào)?|video không khả dụng)\.?$", re.IGNORECASE),
    "comments_label": re.compile(r"^(comments?|kommentare|commentaires|comentarios|comentários|bình luận|"
                                 r"ý kiến bạn đọc)\s*:?$", re.IGNORECASE),
    "comment_count": re.compile(r"^(comments?|bình luận)\s*\((\d+|\+)\)$", re.IGNORECASE),  # "Comments (+)": a toggle
    "related_heading": re.compile(r"^(same (tag|category|author)|cùng (thẻ|chuyên mục|tác giả)|tin liên quan|related( articles| news| topics)?|xem thêm|đọc thêm|"
                                  r"ähnliche( artikel| themen)?|verwandte themen|související( témata| články)?)\s*:?$", re.IGNORECASE),
    # A table of contents' label: "Auf dieser Seite:", "In this article".
    "contents_label": re.compile(r"^(auf dieser seite|in diesem artikel|on this page|in this article|table of contents|"
                                 r"inhaltsverzeichnis|sur cette page|dans cet article|en este artículo)\s*:?$", re.IGNORECASE),
    "source_link": re.compile(r"^(sources?|quellen?|nguồn)\s*:?$", re.IGNORECASE),
    "js_player": re.compile(r"^(this video can ?not be played|your browser does not support|please enable javascript|"
                            r"we apologi[sz]e, but this video has failed to load|"
                            r"(this|the) (slideshow|gallery|content|video|graphic|interactive|map|chart|feature|page)"
                            r"( [a-z]+)? requires javascript|javascript is (required|disabled))", re.IGNORECASE),
}

# Initials ("dst") or a person's name ("Alisa Sonntag") in a credit.
_CREDITED = r"(?:[a-z]{2,4}|[A-ZÀ-Þ][\w'-]+(?: [A-ZÀ-Þ][\w'-]+){1,2})"

# Short widget lines of any site: ads, share prompts, "read more" teasers, newsletter and consent prompts.
WIDGET_LINES: dict[str, re.Pattern[str]] = {
    "advertisement": re.compile(
        r"^(advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama|quảng cáo|"
        r"sponsored( content)?|story continues below( this)? advertisement|article continues below)\W*$", re.IGNORECASE),
    "share_prompt": re.compile(
        r"^(share( this( article| story| post)?)?( on \w+)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|"
        r"copy link|link copied|teilen|chia sẻ)\W*$", re.IGNORECASE),
    "read_more": re.compile(
        r"^(read more|related|recommended|more on this( story)?|see also|also read|read also|lesen sie auch|"
        r"mehr zum thema|mehr lesen über|weiterlesen|lire aussi|à lire aussi|leer más|leggi anche|xem thêm|đọc thêm|tin liên quan|"
        r"auch interessant|lesen sie mehr|das könnte sie auch interessieren|voir aussi|lee también|te puede interesar|"
        r"bài liên quan|more from|more stories|don't miss|editor's picks?|top stories|you (may|might) also (like|enjoy)|"
        r"you (may|might) (also )?be interested in)"
        r"\b.{0,160}$|^(more|watch|listen|trending|popular|related stories|also on \w+)\s*[:|»›]\s*.{10,160}$|^(関連記事|関連キーワード|関連ニュース|おすすめ|.{0,8}の新着|続きを読む)", re.IGNORECASE),
    "newsletter_prompt": re.compile(
        r"^(sign up|subscribe|get (our|the) .{0,40}newsletter|(sign up|subscribe) (for|to) .{0,80}|"
        r"already (a subscriber|have an account)|log ?in to|create (a free )?account).{0,120}$", re.IGNORECASE),
    "affiliate_disclosure": re.compile(
        r"(affiliate[- ]links?|affiliate[- ]commission|may earn (a |an )?(small |affiliate )?commission|"
        r"erhalten wir eine provision|provisionslinks?|liens? d'affiliation|enlaces de afiliados)", re.IGNORECASE),
    # "Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:", "Hier finden Sie alle unsere Inhalte zum X."
    "coverage_pointer": re.compile(
        r"^(mehr (zu|zum|zur|über) .{0,80}(lesen|finden|sehen) sie|hier finden sie (alle|mehr|weitere)|"
        r"(read|see|find) (more|all|our) (of our |our )?(coverage|stories|articles|reporting) (on|about))"
        r".{0,100}$", re.IGNORECASE),
    # A video's or audio's data line: "02:57 Min.. Verfügbar bis 06.05.2024", "Duration 1:30".
    "media_info": re.compile(r"(verfügbar bis|available until|\b\d{1,2}:\d{2} ?min\b|^duration \d)", re.IGNORECASE),
    "tags_heading": re.compile(
        r"^(schlagwörter|schlagworte|stichwörter|themen|tags|topics|keywords|mots-clés|etiquetas|từ khóa)"
        r"( zu diesem artikel| zum artikel| in this article)?\s*:?$", re.IGNORECASE),
    "paywall_prompt": re.compile(
        r"(reserved for subscribers|subscribers only|(register|sign in|log in|subscribe) to (unlock|continue|read)|"
        r"create an account or sign in|to continue reading|réservé aux abonnés|la suite est réservée|"
        r"nur für abonnenten|jetzt abonnieren|artikel ist exklusiv für|exclusive to subscribers|"
        r"会員限定|有料会員|会員登録|定期購読)", re.IGNORECASE),
    "follow_prompt": re.compile(
        r"^(follow (us|@\w+)|like us on|folgen sie uns|"
        r"(follow|like) [\w.@ -]{1,40} on (twitter|facebook|instagram|x|tiktok|youtube|whatsapp|telegram|threads)|"
        r"(folgst du|folge|folgt) [\w. -]{0,40}(auf|bei) (whatsapp|instagram|facebook|tiktok|x|telegram|youtube))"
        r".{0,200}$", re.IGNORECASE),
    # "Got a story? Get in touch with our news team...", "For more stories like this, check our news page."
    "tip_prompt": re.compile(
        r"^(got a (story|tip|news tip)|have you got a (story|tip)|do you have a (story|news tip|tip)|"
        r"for more (stories|news|articles) like this)\b.{0,200}$", re.IGNORECASE),
    # Buttons and toggles that are left as text: "Quellen anzeigen", "Click to Read More and View Comments",
    # "Show more", "Voir les commentaires".
    "ui_command": re.compile(
        r"^((click|tap) (here )?to (read|view|see|show|load|open|continue)\b.{0,60}|"
        r"(show|hide|view|load|see) (more|less|all|sources|comments|replies|the comments|\d+ (more )?comments?)|"
        r"(quellen|kommentare|mehr|weniger|alle|details|transkript) (anzeigen|ausblenden|einblenden|laden)|"
        r"(afficher|voir|masquer) (plus|moins|les commentaires|les sources)|"
        r"(ver|mostrar|ocultar) (más|menos|comentarios|fuentes)|"
        r"(no,? thanks|nein,? danke|non merci|no,? gracias)\b.{0,40}|"
        r"(schriftgröße|textgröße|font size|text size)( anpassen| ändern| ajuster)?|embed|einbetten)\W*$", re.IGNORECASE),
    # The broadcaster's or agency's short name with the authors' names or initials: "MDR (dst)".
    "initials_credit": re.compile(rf"^[A-Z][A-Z0-9.&-]{{1,10}}\s*\({_CREDITED}(?:\s?[,/]\s?{_CREDITED})*\)$"),
    "consent_prompt": re.compile(r"\b(we use cookies|cookie (settings|policy|consent)|accept (all )?cookies)\b", re.IGNORECASE),
    # The placeholder an embedded post or video shows until the reader consents to third-party content.
    "embed_consent": re.compile(
        r"(externen? inhalte?|inhalte von \w+ angezeigt|ich bin damit einverstanden|datenschutzerklärung|"
        r"third[- ]party (content|provider)|(to )?(view|display|see) this (content|video|post)|"
        r"enable (cookies|javascript) to|contenu externe|contenido externo|contenuto esterno)", re.IGNORECASE),
    # "By Jane Doe", "Von Nina Magoley, MDR", "Par Jean Dupont": the byline is the authors field.
    "byline": re.compile(
        r"^(?i:by|von|par|por|di|door|av|af|from|written by|story by|text|tekst|texto|testo|bài|tác giả)[:\s]+"
        r"[A-ZÀ-ÖØ-ÞĀ-ſ][^.!?]{0,70}$"),
    # "Reporting by X; Editing by Y", "Foto(s): © Archiv", "Photo: AP": credits, not prose.
    "credit_line": re.compile(
        r"^((with )?(additional )?reporting|writing|editing|edited|compiled|produced) by\b|"
        r"^(with )?additional reporting from\b|"
        r"^(fotos?|foto\(s\)|photos?|bild(er)?|images?|ảnh|credits?|quelle|bildquelle|charts?|graphics?|grafik|"
        r"infogra(ph|f)i[ck]s?|illustrations?|maps?|karte|đồ họa|biểu đồ)\s*[:©]", re.IGNORECASE),
    # A CMS shortcode left as text: "[button link=...]Send us your review[/button]", "[caption id=...]".
    # A reading-time label: "4 Min Read", "Lesezeit: 3 Minuten", "5 phút đọc".
    "reading_time": re.compile(
        r"^((\d{1,2}|one|two|three|four|five|ten)\s*[- ]?\s*(min|mins|minutes?)\.?\s+(read|reading|lesen|de lecture|"
        r"de lectura|di lettura)|(reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|"
        r"tempo di lettura|thời gian đọc)\s*:?\s*(ca\.\s*)?\d{1,2}\s*(min\w*|phút)\.?|\d{1,2}\s*phút đọc)$",
        re.IGNORECASE),
    # (A tag name and key=value attributes only: "[figure SG01: rev 0 ...]" and "[Get X in your inbox.]" are text.)
    "shortcode": re.compile(r"^\[[a-z_][\w-]*(\s+[\w-]+\s*=[^\]]*)?\][^\[]{0,200}\[/[a-z_][\w-]*\]$|"
                            r"^\[/?[a-z_][\w-]*(\s+[\w-]+\s*=[^\]]*)+\]$", re.IGNORECASE),
    # The print edition or magazine a piece comes from, and its subscription offer: "This article is from
    # issue 7/2019", "Dieser Text stammt aus der Ausgabe 7/2019", "12 issues for £11.99".
    "print_promo": re.compile(
        r"^(this (article|piece|story|essay|review|feature|interview|report) (is (taken )?from|was (first |originally )?"
        r"published in|(first |originally )?appeared in|appears in) (the )?.{0,60}(issue|print edition|magazine)\b|"
        r"(dieser|der|dieses) (artikel|text|beitrag|bericht|interview) (stammt aus|erschien (zuerst )?in|ist (zuerst )?in)"
        r" .{0,60}(ausgabe|heft|magazin)|(aus|in) (der )?(ausgabe|heft) \d{1,2}/\d{4}|"
        r"cet article (est paru|a été publié|est extrait|est issu) (dans|de) .{0,60}(numéro|magazine|édition))",
        re.IGNORECASE),
    # A magazine's subscription offer: "12 issues for £11.99", "delivered through your letterbox".
    "subscription_offer": re.compile(
        r"\b\d{1,3} (issues|ausgaben|hefte|numéros) (for|für|pour) [£$€]?\d|"
        r"delivered (to|through) your (door|letterbox|letter box|mailbox)", re.IGNORECASE),
    # An invitation to share or to comment: "Like this story? Share it with a friend!", "Tell us what you think".
    "engagement_prompt": re.compile(
        r"^((like|enjoy(ed)?|love(d)?) this (story|article|post|piece)\?.{0,100}|"
        r"(tell us what you think|what do you think\?|leave a comment|join the (conversation|discussion)|have your say|"
        r"diskutieren sie mit|donnez votre avis)\W{0,5})$", re.IGNORECASE),
    # A free trial offer: "2 Wochen kostenlos testen", "Start your free trial".
    "trial_offer": re.compile(
        r"^(\d+ (wochen|tage|monate|weeks|days|months|semaines|jours|mois) (kostenlos|gratis|free|gratuit)( testen| lesen|"
        r" trial| lang)?|start (your|a) free trial|jetzt (kostenlos |gratis )?testen)\W*$", re.IGNORECASE),
    # How reader comments are moderated: "Note: we are temporarily moderating all comments...".
    "comment_policy": re.compile(
        r"\b(comments?|comentários|comentarios|kommentare|commentaires)\b.{0,120}\b(moderat\w*|modérés?)\b|"
        r"\bmoderat\w* (all |todos os |alle )?(comments?|comentários|kommentare)\b|"
        r"\b(não serão aprovados|will not be (approved|published)|werden nicht freigeschaltet)\b", re.IGNORECASE),
    # An appeal for money or membership: "Support Snopes and make a difference", "Become a member".
    "support_prompt": re.compile(
        r"^(if you (enjoyed|liked|value|appreciate) (this|our) (article|story|journalism|reporting|work)\b|"
        r"(please )?(consider )?(support|donate to|contribute to) (us|our (work|journalism|reporting|newsroom)|"
        r"independent journalism|quality journalism|([\w.-]+ ){1,2}(so we|and help us|and make a difference))|"
        r"(become|join) (a|as a|our) (member|supporter|patron|subscriber)s?\b|make a (donation|contribution)\b|"
        r"unterstützen sie (uns|unsere|unabhängigen)|soutenez (nous|notre|le journalisme)|apoya (nuestro|el periodismo))"
        r".{0,200}$", re.IGNORECASE),
}
# A short line that is only a date: "Stand: 22.04.2024, 06:00 Uhr", "November 18, 2019 11:03 PM".
_DATE_IN_LINE_RE = re.compile(
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]{2,}")

# Class / id / role names that mark a subtree as boilerplate. Distinctive words match anywhere in
# the name; short ambiguous words must stand alone between separators (``ad`` in ``ad-slot``, not in
# ``head``).
_NEGATIVE_ANYWHERE = (
    r"share|sharing|social|related|recommend|recirc|outbrain|taboola|disqus|newsletter|subscri|signup|"
    r"cookie|consent|gdpr|sidebar|breadcrumb|pagination|advert|sponsor|promo|popular|"
    r"mostread|most-read|trending|byline|author-?bio|authorbox|author-?info|author-?profile|author-?card|"
    r"about-?(the-?)?author|author-?desc|dateline|"
    r"timestamp|toolbar|popup|modal|overlay|screen-reader|sr-only|visually-hidden|skip-link|"
    r"login|signin|masthead|footer|topbar|navbar|menu|"
    r"caption|credit|tag-?list|taglist|keywords|more-?stories|read-?more|readmore|also-?read|"
    r"further-?reading|next-?article|prev-?article|print-only|jump-?link|video-?player|audio-?player|"
    r"newsticker|ticker|teaser-?list|rating|feedback|donat|bottom-?bar|banner"
)
_NEGATIVE_ALONE = r"ads?|ad-?slot|nav|tags?|meta|date|time|aside|rail|share|social|print|email|header|breaking|teaser"
# The same short words as camelCase parts: ``RightRailContainer``, ``articleMeta`` (compiled below).
_CAMEL_ALONE = r"Ads?|Nav|Tags?|Meta|Aside|Rail|Share|Social|Sidebar|Related|Promo|Teaser|Recirc|Newsletter|Byline|Comments?"
# Reader comments: boilerplate even where they outweigh the article. (Run on lower-cased names, no re.I:
# several times faster on long alternations; so is POSITIVE_HINT_RE.)
COMMENTS_HINT_RE = re.compile(r"comments?(?![a-z])|commentlist|disqus|(?:^|[\s_\-])respond(?:$|[\s_\-])")
ALWAYS_BOILERPLATE = -2
_POSITIVE_WORDS = (
    r"article-?body|article__body|articlebody|article-?content|article__content|articletext|article-?text|"
    r"story-?body|story__body|storybody|story-?content|entry-?content|post-?content|post-?body|postbody|"
    r"content-?body|body-?text|bodytext|main-?content|news-?content|detail-?content|text-?content|"
    r"rich-?text|richtext|article-?detail|single-?content|page-?content|td-post-content|field-body|"
    r"paywall-?content|article__text|c-article|news-?body|detail__body"
)
POSITIVE_HINT_RE = re.compile(rf"{_POSITIVE_WORDS}|(?:^|\s)prose(?:$|\s)")
# Class tokens that hide an element with CSS (never "hidden-xs": that only hides it on small screens).
HIDDEN_CLASS_RE = re.compile(r"(?:^|\s)(?:hidden|is-hidden|d-none|hide|invisible|visuallyhidden|sr-only)(?:\s|$)")
# Subtrees whose whole text is a picture's caption or credit: read by images.py, never body text.
CAPTION_HINT_RE = re.compile(
    r"caption|credit|legende|bildunterschrift|(?:img|image|photo|picture|media|bild)[-_]*(?:desc|info|subtitle|text)")


def _literals(pattern: str) -> list[str]:
    """Every string an alternation of plain words matches (``author-?bio`` -> ``authorbio``, ``author-bio``).

    Only literal characters, ``x?``, ``(...)?`` and ``[...]`` are understood; anything else raises, so the
    prefilter built from the result can never miss a name the pattern would match."""
    found: list[str] = []
    for alternative in pattern.split("|"):
        variants = [""]
        for token in re.findall(r"\((?:\?:)?[^()|]*\)\?|\[[^\]]*\]|\\.|.\??", alternative):
            if token.startswith("(") and token.endswith(")?"):
                options = ["", *_literals(token[1:-2].removeprefix("?:"))]
            elif token.startswith("["):
                options = list(token[1:-1])
            elif token.startswith("\\") and not token[1].isalnum():
                options = [token[1]]
            elif len(token) == 2 and token[1] == "?" and token[0] not in "\\()[]{}.*+?^$":
                options = ["", token[0]]
            elif len(token) == 1 and token not in "\\()[]{}.*+?^$":
                options = [token]
            else:
                raise ValueError(f"not a plain word alternation: {alternative!r}")
            variants = [head + tail for head in variants for tail in options]
        found.extend(variants)
    return found


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, shared prefixes merged (``sha(?:re|ring)``): Python's ``re``
    tries every alternative at every position, so a flat list of ~150 words is several times slower."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        optional = "" in node
        body = branches[0] if len(branches) == 1 and not optional else f"(?:{'|'.join(branches)})"
        return f"{body}?" if optional else body

    return build(trie)


# The same patterns for one name (no whitespace), prefixes merged; and a necessary condition of any of
# them, on the lower-cased name: most names ("container", "row", "col-md-6") match none, and this one
# search rules them out (names with capitals are also checked for camelCase parts).
# (Word bounds as lookarounds: "at the start or after a separator" is "not after a non-separator"; the
# same matches, and the search no longer tries a two-way alternative at every position.)
_NEGATIVE_ALONE_NAME = rf"(?<![^\s_\-])(?:{_trie_pattern(_literals(_NEGATIVE_ALONE))})\d*(?![^\s_\-])"
# Start of the name, a separator or a lower-case letter before the word; a separator, digit or capital after.
_CAMEL_ALONE_RE = re.compile(rf"(?<![^\s_\-a-z])(?:{_trie_pattern(_literals(_CAMEL_ALONE))})(?=$|[\s_\-\dA-Z])")
_POSITIVE_NAME_RE = re.compile(rf"{_trie_pattern(_literals(_POSITIVE_WORDS))}|^prose$")
_NEGATIVE_NAME_RE = re.compile(rf"{_trie_pattern(_literals(_NEGATIVE_ANYWHERE))}|{_NEGATIVE_ALONE_NAME}")
_ANY_HINT_RE = re.compile(
    rf"{_trie_pattern(_literals(f'{_POSITIVE_WORDS}|prose|comment|disqus|respond|{_NEGATIVE_ANYWHERE}'))}|"
    rf"{_NEGATIVE_ALONE_NAME}")


def names_verdict(names: str) -> tuple[int, bool]:
    """(hint, caption) of an element's names (class, id, role, itemprop joined).

    The hint: +1 a content container, -1 boilerplate, ``ALWAYS_BOILERPLATE`` reader comments, 0 nothing;
    a content name wins over any boilerplate name. ``caption``: the names mark a caption (never with +1).

    Each whitespace-separated name is judged on its own and remembered: pages and sites repeat the same
    class names, so the patterns run once per distinct name (none of them spans a space). Hot loops look
    the memo up directly: ``NAMES_VERDICTS[names]``."""
    return NAMES_VERDICTS[names]


def _names_verdict(names: str) -> tuple[int, bool]:
    result, caption = 0, False
    word_verdicts = _NAME_VERDICTS
    for name in names.split():
        verdict, is_caption = word_verdicts[name]
        if verdict > 0:
            return verdict, False
        result = min(result, verdict)
        caption = caption or is_caption
    return result, caption


def _name_verdict(name: str) -> tuple[int, bool]:
    lowered = name.lower()
    is_caption = CAPTION_HINT_RE.search(lowered) is not None
    if _ANY_HINT_RE.search(lowered) is None:  # the common case: a name that says nothing
        return (-1 if lowered != name and _CAMEL_ALONE_RE.search(name) else 0), is_caption
    if _POSITIVE_NAME_RE.search(lowered):
        return 1, is_caption
    if COMMENTS_HINT_RE.search(lowered):
        return ALWAYS_BOILERPLATE, is_caption
    return (-1 if _NEGATIVE_NAME_RE.search(lowered) or _CAMEL_ALONE_RE.search(name) else 0), is_caption


_NAME_VERDICTS = StringMemo(_name_verdict, 65536)
NAMES_VERDICTS = StringMemo(_names_verdict, 32768)


def placeholder_rule(text: str) -> str | None:
    """The rule a short text line breaks, or ``None`` if it may be content."""
    if len(text) > 200:
        return None
    line = clean(text)
    if len(line) > 80:
        return None
    for rule, pattern in PLACEHOLDER_LINES.items():
        if pattern.search(line):
            return rule
    return None


# Words without which the slow unanchored patterns above cannot match (on lower-cased text): most lines
# have none of them, and a substring test is far cheaper than the scan. Keep them in step with the patterns.
_REQUIRED_WORDS: dict[str, tuple[str, ...]] = {
    "affiliate_disclosure": ("affiliat", "commission", "provision", "afiliados"),
    "media_info": ("verfügbar bis", "available until", ":", "duration"),
    "paywall_prompt": ("subscri", "register", "sign in", "log in", "create an account", "to continue reading",
                       "réservé", "la suite", "abonn", "exklusiv", "会員", "有料", "定期購読"),
    "consent_prompt": ("cookie",),
    "subscription_offer": ("issues", "ausgaben", "hefte", "numéros", "delivered"),
    "comment_policy": ("moderat", "modéré", "aprovados", "will not be", "nicht freigeschaltet"),
    "embed_consent": ("inhalt", "einverstanden", "datenschutzerklärung", "party ", " this ", "enable ",
                      "contenu externe", "contenido externo", "contenuto esterno"),
}
# The same patterns run on lower-cased text without re.I (several times faster); case-sensitive ones as written.
_FAST_WIDGET_LINES = [(rule, re.compile(p.pattern, p.flags & ~re.IGNORECASE), bool(p.flags & re.IGNORECASE),
                       _REQUIRED_WORDS.get(rule, ()))
                      for rule, p in WIDGET_LINES.items()]
# The rules run on lower-cased text that need no required word, joined into one pattern (an alternation
# matches where one of its parts would): most lines match none of them, and one search rules out all ten.
_PLAIN_LOWERED = [p for _rule, p, on_lowered, required in _FAST_WIDGET_LINES if on_lowered and not required]
if len({p.flags for p in _PLAIN_LOWERED}) != 1 or any(re.search(r"\\\d|\(\?P=", p.pattern) for p in _PLAIN_LOWERED):
    raise ValueError("widget patterns with other flags or backreferences cannot be joined")
_ANY_PLAIN_LOWERED_RE = re.compile("|".join(f"(?:{p.pattern})" for p in _PLAIN_LOWERED), _PLAIN_LOWERED[0].flags)
_OTHER_WIDGET_LINES = [entry for entry in _FAST_WIDGET_LINES if not entry[2] or entry[3]]


def widget_rule(text: str) -> str | None:
    """The widget rule a short line breaks (ads, share prompts, bylines, credits...), else ``None``."""
    if len(text) > 300:
        return None
    lowered = text.lower()
    rules = _FAST_WIDGET_LINES if _ANY_PLAIN_LOWERED_RE.search(lowered) else _OTHER_WIDGET_LINES
    for rule, pattern, on_lowered, required in rules:
        if required:
            for word in required:  # (a loop, not any() over a generator: this runs for every short line)
                if word in lowered:
                    break
            else:
                continue
        if pattern.search(lowered if on_lowered else text):
            return rule
    # (Not "— Name (@handle) November 18, 2019": the signature line of an embedded post.)
    if len(text) <= 60 and text[0] not in "—–-" and _DATE_IN_LINE_RE.search(text) and len(_WORD_RE.findall(text)) <= 5:
        return "dateline"
    return None


def prune(tree: LexborHTMLParser | LexborNode, selector: str, rule: str, dropped: Counter[str]) -> int:
    """Remove every element matching ``selector``; count them under ``rule``."""
    nodes = tree.css(selector)
    for node in nodes:
        node.decompose()
    if nodes:
        dropped[rule] += len(nodes)
    return len(nodes)
