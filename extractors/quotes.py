"""Quoted speech in the body, with the speaker when the sentence names one.

Pure regular expressions over body blocks; no NLP model. The rules, in order:

* **What is a quote.** Text between a pair of quote marks: straight ``"…"``, curly ``“…”``, low ``„…“``
  or guillemets ``«…»``. Marks do not nest, and the closing mark may be of another style (``“…"`` is
  common on Vietnamese pages). Single quotes are ignored: they double as apostrophes.
* **Scare quotes are not quotes.** Fewer than :data:`MIN_WORDS` words between the marks ("advancing",
  "ngọn đồi rác") is a term or a scare quote, and is skipped.
* **Speaker only from an attribution next to the quote, in the same sentence:**

  - after it: ``"…," ministry spokesman Mao Ning stressed.`` / ``"…," said Mao Ning.`` /
    ``“…”, ông X cho biết.``
  - before it, a speech verb then ``:`` or ``that``/``rằng``: ``A Chinese diplomatic official said: "…"`` /
    ``Ông X nhấn mạnh: “…”``
  - a lead-in that names a person: ``According to Ms. Mao Ning, Asia is “…”`` /
    ``Theo bà Mao Ninh, châu Á là “…”`` ("according to the report" names no one: no speaker).

  A fragment quoted mid-clause (``warned Japan to be "extremely cautious on military security issues."``)
  is kept as a quote with no speaker. A quote that opens the sentence right after an attributed quote of
  the same paragraph (``"…," he said. "…"``) continues it and keeps its speaker.
* **speakerRaw** is the attribution phrase as written. **speaker** is the person's name in it, titles and
  honorifics dropped (``ministry spokesman Mao Ning`` -> ``Mao Ning``, ``ông Nguyễn Văn A`` ->
  ``Nguyễn Văn A``). A phrase that names no person (a role, ``A Chinese diplomatic official``) is kept
  whole as the speaker when short and clause-free. A bare pronoun (``he``, ``ông``, ``er``) gives no speaker.
* **Only the person:** an affiliation after the name is cut off (``chuyên gia Nguyễn Văn An của Công ty X``,
  ``John Smith with ACME``, ``Hänni im Gespräch mit der F.A.Z``) unless a role word introduces the name
  at the end (``... director-general Zane Dangor``); the capitalised words after an organisation's head
  (``đại diện Sở Du lịch Đà Nẵng``) or a place name no one; a Vietnamese person named after the
  organisation starts at a family name (``Giám đốc Sở Y tế Hà Nội Trần Văn Bình``).
* **One name, one person:** a speaker named by one word (``ông Bình``, ``Smith``) is the full name the
  article gave earlier with that last word (``Trần Văn Bình``).
* Speech verbs of English, Vietnamese, German, French, Spanish and Italian (``sagt Müller``, ``a déclaré X``).
* **Blockquotes** are quotes of kind ``blockquote``; a trailing ``— Name`` line names their speaker. An
  embedded post's signature (``— Jane Doe (@janedoe) January 5, 2022``) is no quote: it names the post's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .authors import PLACE_KEYS
from .record import BodyBlock, Quote
from .text import clean, folded

MIN_WORDS = 4

_OPEN = "\"“„«"
_CLOSE = "\"”“»"
# A straight quote touching a letter or digit is an inch mark or a typo, not a quote mark ('15" screen').
# (The opening mark is one character class, checked behind when it is a straight quote, so the scan
# jumps from mark to mark.)
_QUOTED_RE = re.compile(
    rf"[{_OPEN}](?<!\w\")(?P<text>[^{_OPEN}{_CLOSE}»\n]{{1,2000}}?)(?:\"(?![\w])|[”“»])"
)

_EN_VERBS = (
    "said|says|stressed|stresses|told|tells|added|adds|noted|notes|stated|states|affirmed|affirms|emphasi[sz]ed|"
    "emphasi[sz]es|explained|explains|asserted|declared|warned|wrote|writes|remarked|insisted|continued|"
    "commented|concluded|urged|argued|announced|acknowledged|admitted|claimed|recalled|replied|answered|asked|"
    "confirmed|highlighted|underlined|reiterated|shared|observed|pointed out"
)
_VI_VERBS = (
    "cho biết|cho hay|nói|khẳng định|nhấn mạnh|chia sẻ|phát biểu|bày tỏ|nhận định|nhận xét|lưu ý|yêu cầu|"
    "đề nghị|tâm sự|giải thích|cảnh báo|tuyên bố|trả lời|nêu rõ|đánh giá|kết luận|bộc bạch|nhớ lại|thừa nhận|"
    "kể|thông tin"
)
# Speech verbs of the other languages crawled, in the forms that stand next to the speaker ("sagt Müller",
# "…", a déclaré Emmanuel Macron, "…", dijo Pedro Sánchez).
_OTHER_VERBS = (
    "sagt|sagte|sagten|erklärt|erklärte|betont|betonte|meint|meinte|warnt|warnte|ergänzt|ergänzte|schreibt|"
    "schrieb|fordert|forderte|berichtet|berichtete|"
    "a déclaré|a dit|dit|affirme|a affirmé|explique|a expliqué|souligne|a souligné|estime|a estimé|ajoute|"
    "a ajouté|assure|a assuré|précise|a précisé|"
    "dijo|afirmó|explicó|señaló|aseguró|declaró|añadió|indicó|sostuvo|advirtió|"
    "ha detto|ha dichiarato|ha spiegato|ha affermato|ha aggiunto"
)
_INVERTED_VERBS = rf"(?:{_EN_VERBS}|{_OTHER_VERBS})"
_VERB = rf"(?:{_EN_VERBS}|{_OTHER_VERBS}|{_VI_VERBS})"
# The phrase naming the speaker: no sentence punctuation, no quote marks, at most ~12 words.
_NOT_IN_WHO = f".;:!?{_OPEN}{_CLOSE}»"
_WHO_MAX = 120
_WHO = rf"[^{_NOT_IN_WHO}]{{2,{_WHO_MAX}}}?"

# "…," ministry spokesman Mao Ning stressed.   /   “…”, ông X cho biết.
_AFTER_RE = re.compile(rf"^\s*[,.]?\s*(?P<who>{_WHO})\s+(?P<verb>{_VERB})(?=[\s.,;:!?]|$)", re.IGNORECASE)
# "…," said Mao Ning.
_AFTER_INVERTED_RE = re.compile(rf"^\s*[,.]?\s*(?P<verb>{_INVERTED_VERBS})\s+(?P<who>{_WHO})\s*(?=[.,;!?]|$)", re.IGNORECASE)
# A Chinese diplomatic official said: "…"   /   Ông X nhấn mạnh rằng “…”   /   X told reporters that "…"
# Words between the verb and the quote ("told reporters", "said in a statement") need "that"/"rằng" or ":".
_BEFORE_TAIL = (rf"(?P<verb>{_VERB})(?P<object>(?:\s+[^\s:;.!?{_OPEN}{_CLOSE}»]+){{0,5}}?)"
                r"(?P<end>\s+(?:that|rằng|là)\s*[:,]?|\s*[:,])?\s*$")
_BEFORE_RE = re.compile(rf"(?P<who>{_WHO})\s+{_BEFORE_TAIL}", re.IGNORECASE)
# Its part from the verb on: where this finds nothing, _BEFORE_RE cannot match (see _before_attribution).
_BEFORE_TAIL_RE = re.compile(_BEFORE_TAIL, re.IGNORECASE)
_VERB_WORD_RE = re.compile(rf"(?<!\w)(?:{_VERB})(?!\w)", re.IGNORECASE)
# Words from _BEFORE_RE's verb to the end: the verb (up to 2), the object (up to 5), "that" and ":" (up to 2).
_BEFORE_TAIL_WORDS = 2 + 5 + 2 + 1  # one spare
# According to Ms. Mao Ning, …   /   Theo bà Mao Ninh, …
_LEAD_IN_RE = re.compile(r"(?:^|[,;]\s*)(?:according to|theo)\s+(?P<who>[^,.;:!?]{2,80}?)\s*,", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…]\s+(?=\S)")
# Full stops that end no sentence: after a title or an initial ("Ms. Mao", "J. Smith"), or inside a token
# ("BS.CK2", "TP.HCM"). They are masked with a look-alike of the same length so positions still match.
# (The dot comes first in the pattern, so the scan jumps from dot to dot instead of trying the titles at
# every position.)
_NON_FINAL_DOT_RE = re.compile(
    r"\.(?:(?<=\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Gs|GS|TS|BS)\.)|(?<=\b(?:Mrs|Col|Gen|Sen|Rep|Gov|ThS|PGS|Ths)\.)|"
    r"(?<=\bProf\.)|(?<=\b[A-Z]\.)|(?=[^\s\"”“»’')\]]))"
)
_MASKED_DOT = "\u2024"
# A closing "— Name" line: an em or en dash after the quoted sentence ends (a hyphen is too common in text).
_BLOCKQUOTE_SPEAKER_RE = re.compile(r"(?<=[.!?…\"”»])\s*[—–]\s*(?P<who>[^—–.!?]{2,60})$")

_PRONOUNS = frozenset({
    "he", "she", "they", "we", "i", "it", "you",
    "er", "sie", "es", "wir", "ich", "man", "il", "elle", "ils", "elles", "on", "je", "nous", "él", "ella", "ellos",
    "ellas", "lui", "lei", "lo", "la", "loro", "egli", "ma",
    "ông", "bà", "anh", "chị", "cô", "chú", "em", "họ", "tôi", "chúng tôi", "ông ấy", "bà ấy", "anh ấy",
    "chị ấy", "cô ấy", "người này",
})
# Titles and honorifics dropped from the front of a name ("Prime Minister Kishida" -> "Kishida").
_TITLES = frozenset(w.lower() for w in (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Madam", "Prime", "Minister", "Foreign", "Deputy", "Vice",
    "President", "Chairman", "Chairwoman", "Chair", "Secretary", "General", "Ambassador", "Spokesman",
    "Spokeswoman", "Spokesperson", "Director", "Governor", "Mayor", "Senator", "Chief", "Executive", "CEO",
    "Professor", "Doctor", "King", "Queen", "Prince", "Princess", "Pope", "Colonel", "Lieutenant", "Captain",
    "Commander", "Admiral", "Judge", "Justice", "Premier", "Chancellor", "Head", "Comrade", "Associate",
    "Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Cụ", "Ngài", "Đồng", "Thủ", "Bộ", "Chủ", "Phó", "Tổng", "Giám",
    "Trưởng", "Đại", "Thượng", "Trung", "Thiếu", "Người", "Bác", "Giáo", "Tiến", "Thạc", "Nghệ", "Nhà",
))
# German role nouns, capitalised like names: "Experte", "Sportdirektor", "UN-Botschafter", "Vizekanzler".
_GERMAN_ROLE_RE = re.compile(
    r"(?:experte|expertin|sprecher|sprecherin|minister|ministerin|direktor|direktorin|chef|chefin|präsident|"
    r"präsidentin|leiter|leiterin|vorsitzende|vorsitzender|trainer|trainerin|kanzler|kanzlerin|botschafter|"
    r"botschafterin|meister|meisterin|politiker|politikerin|sieger|siegerin|verteidiger|juristin|jurist|"
    r"professorin|wissenschaftler|wissenschaftlerin|autor|autorin|geschäftsführer|geschäftsführerin)$",
    re.IGNORECASE)
_CONJUNCTIONS = frozenset({"and", "but", "or", "which", "that", "while", "as", "so", "because", "và", "nhưng", "mà",
                           "để", "khi", "nên", "vì", "hay", "hoặc", "rồi",
                           # a clause or an adverbial, not a speaker: "khiến nhiều người xem", "có thầy giáo đã",
                           # "trong cuộc phỏng vấn với Wall Street Journal", "in an interview with ..."
                           "khiến", "có", "đã", "được", "bị", "làm", "là", "cũng", "thì", "lại", "còn", "đều", "sẽ",
                           "đang"})
# An adverbial before the speaker ("in that law, Azzouz said", "trong cuộc họp, ông X nói"): its clause is
# dropped; with no comma after it, the phrase is the adverbial's ("in an interview with The New York Times").
_ADVERBIAL_STARTS = frozenset({"in", "during", "with", "trong", "với", "qua", "tại"})
# Capitalised words that are never part of a name: days, months, and sentence openers of time.
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "ngày", "tháng",
    "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "sau", "trước", "theo", "tại", "trong", "on", "in", "at", "the",
    "this", "that", "last", "earlier", "later",
    "die", "der", "das", "den", "dem", "des", "ein", "eine", "einer", "les", "los", "las", "el", "il", "una", "une",
    "un", "nach", "zugleich", "auch", "laut",
})  # not "A", "An", "Năm": Vietnamese given names
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "bin", "al", "la", "du", "da", "di", "le"})
# Longest speaker phrase, in words. Before the quote the verb and colon must touch it, a strong sign,
# so a long Vietnamese appositive ("ông X, Giám đốc Sở Văn hóa, Thể thao và Du lịch, nhấn mạnh:") passes.
_MAX_WHO_WORDS = 12
_MAX_WHO_WORDS_BEFORE = 20
_EDGE_PUNCT = ".,;:!?()[]\"'“”«»"


@dataclass(frozen=True, slots=True)
class Attribution:
    raw: str
    speaker: str | None
    end: int = -1  # where the attribution ends in the paragraph (after-quote attributions only)


def find_quotes(blocks: list[BodyBlock], lang: str | None = None) -> list[Quote]:
    """Every quote in ``blocks``, in page order; ``paragraphIndex`` points into ``blocks``.

    ``lang`` is accepted for profiles that know the page language; both English and Vietnamese
    attribution patterns are always tried (pages mix them).
    """
    quotes: list[Quote] = []
    known: list[str] = []  # full names the article has given so far, latest last
    by_honorific: dict[str, str] = {}  # the latest full name introduced with each Vietnamese honorific
    for index, block in enumerate(blocks):
        if block.type == "quote":
            signature = _POST_SIGNATURE_RE.match(block.text)
            if signature is not None:  # "— Jane Doe (@janedoe) January 5, 2022": the embedded post's author
                if quotes and quotes[-1].kind == "blockquote" and quotes[-1].speaker is None \
                        and quotes[-1].paragraphIndex == index - 1:
                    quotes[-1].speaker = clean(signature.group("who"))
                    quotes[-1].speakerRaw = clean(block.text)
                continue
            found = [_blockquote(block.text, index)]
        elif block.type in ("paragraph", "list", "heading"):
            found = inline_quotes(block.text, index)
        else:
            continue
        for honorific, name in _introduced(block.text):
            known.append(name)
            by_honorific[honorific] = name
        for quote in found:
            quote.speaker = _full_name(quote.speaker, known)
            if quote.speaker is None and quote.speakerRaw and quote.speakerRaw.casefold() in _VIETNAMESE_HONORIFICS:
                # "…", chị nói: the woman the article last named "chị Huỳnh Thị Thủy" (the honorific is the pronoun)
                quote.speaker = by_honorific.get(quote.speakerRaw.casefold())
            if quote.speaker and " " in quote.speaker and _trailing_name(quote.speaker) == quote.speaker:
                known.append(quote.speaker)
        quotes.extend(found)
    return quotes


# The signature line of an embedded post: "— Jane Doe (@janedoe) January 5, 2022".
_POST_SIGNATURE_RE = re.compile(r"^\s*[—–-]\s*(?P<who>[^()@]{1,60}?)\s*\(@\w{1,30}\)")
# A person introduced by an honorific or a role: "ông Trần Văn Bình", "Mr. John Smith".
_INTRODUCED_RE = re.compile(
    r"(?<!\w)(?P<honorific>(?i:ông|bà|anh|chị|mr\.?|ms\.?|mrs\.?|dr\.?|herr|frau))\s+(?P<name>(?:[A-ZÀ-ỸĐ][\w'’-]+\s+){1,3}"
    r"[A-ZÀ-ỸĐ][\w'’-]+)")


_VIETNAMESE_HONORIFICS = frozenset({"ông", "bà", "anh", "chị"})


def _introduced(text: str) -> list[tuple[str, str]]:
    """(honorific, full name) of each person the text introduces: "ông Trần Văn Bình", "Mr. John Smith"."""
    return [(m.group("honorific").casefold(), m.group("name")) for m in _INTRODUCED_RE.finditer(text)]


def _full_name(speaker: str | None, known: list[str]) -> str | None:
    """A speaker named by one word ("ông Bình", "Mr Smith") is the person the article named in full before
    with that last word ("Trần Văn Bình", "John Smith"); the latest such one."""
    if not speaker or " " in speaker:
        return speaker
    for name in reversed(known):
        if name.split()[-1] == speaker:
            return name
    return speaker


def inline_quotes(paragraph: str, index: int | None = None) -> list[Quote]:
    """The quotes of one paragraph, each with its attribution when the sentence gives one."""
    found: list[Quote] = []
    if not any(mark in paragraph for mark in _OPEN):  # most paragraphs quote no one: skip the patterns
        return found
    previous: tuple[Attribution, int] | None = None  # last attributed quote and where its attribution ended
    paragraph = _NON_FINAL_DOT_RE.sub(_MASKED_DOT, paragraph)
    for match in _QUOTED_RE.finditer(paragraph):
        text = _quote_text(match.group("text"))
        if len(text.split()) < MIN_WORDS or not any(ch.isalpha() for ch in text):
            continue
        attribution = attribute(paragraph, match.start(), match.end())
        if attribution is None and previous is not None and _continues(paragraph, previous[1], match.start()):
            attribution = previous[0]
        if attribution is not None and attribution.end >= 0:
            previous = (attribution, attribution.end)
        found.append(Quote(text=text, speaker=attribution.speaker if attribution else None,
                           speakerRaw=attribution.raw if attribution else None, kind="inline",
                           paragraphIndex=index))
    return found


def attribute(paragraph: str, start: int, end: int) -> Attribution | None:
    """The attribution of the quote at ``paragraph[start:end]``, nearest pattern first."""
    after = paragraph[end:]
    sentence_start = _sentence_start(paragraph, start)
    before = paragraph[sentence_start:start]
    # "… vigilant." The next sentence: a full stop inside the marks then a capital ends the sentence.
    sentence_closed = paragraph[end - 2: end - 1] in ".!?…" and after.strip()[:1].isupper()
    for pattern in () if sentence_closed else (_AFTER_INVERTED_RE, _AFTER_RE):
        found = pattern.match(after)
        who = _without_adverbial(found.group("who")) if found else None
        if found and who and _plausible_who(who):
            return _attribution(who, end + found.end())
    found = _before_attribution(before)
    if found and found.group("object") and not found.group("end"):
        found = None  # "warned Japan to be “…”": a fragment quoted mid-clause, not speech introduced
    if found and _plausible_who(_last_clause(found.group("who")), _MAX_WHO_WORDS_BEFORE):
        return _attribution(_last_clause(found.group("who")))
    for lead_in in _LEAD_IN_RE.finditer(before):
        raw = clean(lead_in.group("who").replace(_MASKED_DOT, "."))
        if any(_trailing_name(part) for part in raw.split(",")):  # "according to the report" names no one
            return Attribution(raw=raw, speaker=speaker_name(raw))
    return None


def _before_attribution(before: str) -> re.Match[str] | None:
    """``_BEFORE_RE.search(before)``, without its slow scan of sentences that cannot match.

    The pattern ends the text with the verb, at most five more words and "that"/":", so its verb stands
    among the last :data:`_BEFORE_TAIL_WORDS` words: no speech verb there, no match. And the speaker
    phrase before the verb is at most 120 characters with no sentence punctuation, so no match starts
    before the bound taken from the first verb there (the same match, found without trying every start).
    """
    words = before.rsplit(maxsplit=_BEFORE_TAIL_WORDS)
    tail_start = len(words[0]) if len(words) > _BEFORE_TAIL_WORDS else 0
    verb = _VERB_WORD_RE.search(before, tail_start)
    if verb is None:
        return None
    # A match's verb starts at a word boundary at or after this first one, and the pattern's part from its
    # verb on matches there: when that part matches nowhere from here, no match (two in three such texts).
    if _BEFORE_TAIL_RE.search(before, verb.start()) is None:
        return None
    who_end = len(before[:verb.start()].rstrip())  # the speaker phrase ends where the space before the verb begins
    start = max(0, who_end - _WHO_MAX, *(before.rfind(mark, 0, who_end) + 1 for mark in _NOT_IN_WHO))
    return _BEFORE_RE.search(before, start)


def speaker_name(raw: str) -> str | None:
    """The person named in an attribution phrase; the phrase itself for a role; ``None`` for a pronoun.

    Only the person: an affiliation after the name is cut off ("chuyên gia Nguyễn Văn An của Công ty X",
    "John Smith with ACME"), and a capitalised run that belongs to an organisation or a place ("đại diện
    Sở Du lịch Đà Nẵng") names no one."""
    phrase = clean(raw).strip(_EDGE_PUNCT + " ")
    if not phrase or phrase.lower() in _PRONOUNS:
        return None
    for part in (p.strip() for p in _APPOSITION_RE.split(phrase)):
        name = _person_in(part)
        if name:
            return name
    return phrase if _role_phrase(phrase) else None


def _person_in(part: str) -> str | None:
    """The person a clause of the phrase names: its trailing name when a role word introduces it
    ("... director-general Zane Dangor"), else the name before an affiliation ("Jane Li of ACME Capital",
    "Hänni im Gespräch mit der F.A.Z")."""
    whole = _trailing_name(part)
    if whole and _role_introduced(part, whole):
        return whole
    if whole and _after_determiner(part, whole):
        whole = None  # "unserer Redaktion", "the Daily Mail": a noun phrase, not a person
    head = _AFFILIATION_RE.split(part, maxsplit=1)[0]
    if head != part and clean(head).casefold() in _PRONOUNS:
        return None  # "er vor Journalisten im Weißen Haus": the speaker is a pronoun
    cut = _trailing_name(head) if head != part else None
    if cut and not (" " not in cut and whole and cut in whole.split()):
        return cut  # (one word that is part of the whole-phrase name: "Ursula" of "Ursula von der Leyen")
    return whole


def _word_before(part: str, name: str) -> str:
    before = part[: part.rfind(name)].split()
    return before[-1].strip(_EDGE_PUNCT) if before else ""


def _after_determiner(part: str, name: str) -> bool:
    return _word_before(part, name).casefold() in _DETERMINERS


_DETERMINERS = frozenset({
    "the", "this", "that", "his", "her", "their", "its", "our", "der", "die", "das", "den", "dem", "des", "dieser",
    "diese", "diesem", "dieses", "unserer", "unser", "unsere", "seinem", "seiner", "seine", "ihrem", "ihrer", "ihre",
    "einem", "einer", "eine", "le", "les", "ce", "cette", "son", "sa", "ses", "el", "los", "las", "su", "sus",
})


def _role_introduced(part: str, name: str) -> bool:
    """The word before the trailing name is a lower-case role word ("spokesman", "director-general",
    "chuyên gia"), not a preposition or an article: the name is the person's, the rest an apposition."""
    word = _word_before(part, name)
    return bool(word) and word.islower() and word.casefold() not in _FUNCTION_WORDS | _DETERMINERS


_FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "at", "with", "from", "for", "in", "on", "to", "by", "and", "der", "die", "das", "den",
    "dem", "des", "ein", "eine", "einer", "im", "mit", "vor", "beim", "zum", "zur", "bei", "aus", "und", "von", "vom",
    "le", "la", "les", "un", "une", "du", "de", "à", "au", "aux", "dans", "et", "el", "los", "las", "en", "ante",
    "y", "il", "lo", "gli", "su", "e", "của", "thuộc", "tại", "ở", "và", "với", "trong",
})
# A phrase that names a role, not a person, kept whole as the speaker: short, no pronoun or subordinate clause.
_NOT_IN_ROLE = frozenset({
    "he", "she", "they", "his", "her", "their", "that", "which", "who", "er", "sie", "seine", "seiner", "ihre",
    "ihrer", "dass", "nachdem", "weil", "wenn", "als", "il", "elle", "que", "qui", "son", "sa", "ses", "su", "sus",
    "cuando", "porque", "anh", "chị", "họ", "mình", "khi", "nếu", "vì",
})
_ROLE_MAX_WORDS = 8


def _role_phrase(phrase: str) -> bool:
    words = [w.strip(_EDGE_PUNCT).casefold() for w in phrase.split()]
    return 0 < len(words) <= _ROLE_MAX_WORDS and not _NOT_IN_ROLE.intersection(words) \
        and words[-1] not in _CONJUNCTIONS


# Between a name and its apposition: "ông X, Giám đốc ...", "bà X – Giám đốc ...".
_APPOSITION_RE = re.compile(r",|\s[–—-]\s")
# Words that introduce the speaker's organisation after the name: "của", "thuộc", "tại", "of", "with", "bei".
_AFFILIATION_RE = re.compile(
    r"\s+(?:của|thuộc|tại|đến từ|ở|trong|of|at|with|from|for|in|on|during|to|bei|aus|im|mit|vor|beim|zum|zur|"
    r"gegenüber|von der|vom|der|des|chez|à|au|aux|dans|lors|en|ante|durante|su|nel|nella)\s+", re.IGNORECASE)
# The head word of an organisation's name: the capitalised words after it are the organisation's, not a person's.
_ORGANISATION_HEADS = frozenset(w.casefold() for w in (
    "Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Viện", "Hội", "Hiệp hội", "Ban", "Phòng", "Trung tâm", "Công ty", "Cty",
    "Tổng công ty", "Tập đoàn", "Ngân hàng", "Trường", "Đại học", "Học viện", "Bệnh viện", "Ủy ban", "UBND",
    "Liên đoàn", "Văn phòng", "Quỹ", "Đài", "Báo", "Tỉnh", "Thành phố", "TP", "Quận", "Huyện", "Xã", "Phường",
    "Ministry", "Department", "University", "Company", "Bank", "Agency", "Office", "Council", "Committee",
    "Institute", "Association", "Corporation", "Ministerium", "Amt", "Universität", "Verband", "Institut",
    "Ministère", "Université", "Ministerio", "Universidad",
))
_VIETNAMESE_ORGANISATION_HEADS = frozenset(w.casefold() for w in (
    "Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Viện", "Hội", "Hiệp hội", "Ban", "Phòng", "Trung tâm", "Công ty", "Cty",
    "Tổng công ty", "Tập đoàn", "Ngân hàng", "Trường", "Đại học", "Học viện", "Bệnh viện", "Ủy ban", "UBND",
    "Liên đoàn", "Văn phòng", "Quỹ", "Đài", "Báo", "Tỉnh", "Thành phố", "TP", "Quận", "Huyện", "Xã", "Phường",
))
# Words that introduce a person: honorifics and the roles printed before a name.
_PERSON_HEADS = frozenset(w.casefold() for w in (
    "ông", "bà", "anh", "chị", "cô", "chú", "em", "cụ", "chuyên gia", "giám đốc", "phó giám đốc", "chủ tịch",
    "phó chủ tịch", "trưởng", "phó", "bí thư", "tổng giám đốc", "luật sư", "bác sĩ", "tiến sĩ", "thạc sĩ", "giáo sư",
    "PGS", "TS", "ThS", "GS", "BS", "Mr", "Ms", "Mrs", "Dr", "Herr", "Frau", "M.", "Mme", "người phát ngôn",
    "phát ngôn viên", "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "director", "chief",
    "head", "president", "chairman", "chair", "ceo", "professor", "economist", "analyst", "sprecher", "sprecherin",
    "ministerin", "chef", "chefin", "leiter", "leiterin", "präsident", "präsidentin", "porte-parole", "ministre",
    "directeur", "directrice", "portavoz", "ministro", "director", "presidente",
))
# Vietnamese family names: where a name starts inside a run of capitalised words ("Sở Y tế Hà Nội Trần Văn Bình").
_VIETNAMESE_FAMILY_NAMES = frozenset(w.casefold() for w in (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Trịnh", "Lương", "Cao", "Tạ", "Châu", "Tô", "Quách", "Văn", "Lưu",
    "Thái", "Kiều", "Triệu", "Đào", "Hà", "La", "Vương", "Phùng", "Tăng", "Từ", "Chu", "Khúc", "Lại", "Nông", "Hứa",
))


def _attribution(who: str, end: int = -1) -> Attribution:
    raw = clean(who.replace(_MASKED_DOT, ".")).strip(_EDGE_PUNCT + " ")
    return Attribution(raw=raw, speaker=speaker_name(raw), end=end)


def _trailing_name(part: str) -> str | None:
    """The run of capitalised words that ends ``part``, titles dropped: the head noun is a name. A run
    that is an organisation's name or a place (after "Sở", "Công ty", "Ministry" and no honorific) is none;
    a person named after the organisation ("Sở Y tế Hà Nội Trần Văn Bình") starts at a family name."""
    tokens = [_token(t) for t in part.split()]
    run: list[str] = []
    for token in reversed(tokens):
        if _is_name_token(token) or (run and token.lower() in _NAME_PARTICLES):
            run.insert(0, token)
        else:
            break
    while run and (run[0].lower().rstrip(".") in _TITLES | _NAME_PARTICLES or not _is_name_token(run[0])
                   or _GERMAN_ROLE_RE.search(run[0])):
        run.pop(0)
    if run and _names_organisation(tokens[: len(tokens) - len(run)], run):
        starts = [i for i, token in enumerate(run) if token.casefold() in _VIETNAMESE_FAMILY_NAMES
                  and 2 <= len(run) - i <= 4]
        run = run[starts[0]:] if starts else []
    while run and _is_place(run):
        run = []
    return " ".join(run) or None


def _names_organisation(before: list[str], run: list[str]) -> bool:
    """The words before ``run`` end with an organisation's head ("đại diện Sở Du lịch") and no honorific
    or role after it: ``run`` continues the organisation's name. (A Vietnamese name has lower-case words
    inside, "Sở Du lịch"; elsewhere a lower-case word between the head and ``run`` introduces a person:
    "Department of ... director-general Zane Dangor".)"""
    words = [w.casefold() for w in before] + [w.casefold() for w in run[:1]]
    lower_between = False
    for index in range(len(words) - 1, -1, -1):
        pair = " ".join(words[index:index + 2])
        if words[index] in _PERSON_HEADS or pair in _PERSON_HEADS:
            return False
        if words[index] in _ORGANISATION_HEADS or pair in _ORGANISATION_HEADS:
            return pair in _VIETNAMESE_ORGANISATION_HEADS or words[index] in _VIETNAMESE_ORGANISATION_HEADS \
                or not lower_between
        if index < len(before) and before[index][:1].islower() and words[index] not in _FUNCTION_WORDS:
            lower_between = True
    return False


def _is_place(run: list[str]) -> bool:
    return folded(" ".join(run)) in PLACE_KEYS


def _token(word: str) -> str:
    """A word without surrounding punctuation; an initial keeps its full stop ("J.")."""
    word = word.strip(_EDGE_PUNCT.replace(".", ""))
    return word if re.fullmatch(r"[A-Z]\.", word) else word.strip(".")


def _is_name_token(token: str) -> bool:
    if not token or not token[0].isupper() or any(ch.isdigit() for ch in token) or token.lower() in _NOT_NAMES:
        return False
    if "." in token.rstrip(".") and len(token) > 2:  # BS.CK2, PGS.TS, TP.HCM: titles and places, not names
        return False
    letters = [ch for ch in token if ch.isalpha()]
    return not (len(letters) > 1 and all(ch.isupper() for ch in letters))  # NATO, UBND: acronyms


def _without_adverbial(who: str) -> str | None:
    words = clean(who).strip(_EDGE_PUNCT + " ").split()
    if not words or words[0].casefold() not in _ADVERBIAL_STARTS:
        return who
    return who.rsplit(",", 1)[1] if "," in who else None


def _plausible_who(who: str, max_words: int = _MAX_WHO_WORDS) -> bool:
    """A speaker phrase is short and does not open with a conjunction ("…" and the ministry said)."""
    words = clean(who).strip(_EDGE_PUNCT + " ").split()
    return 0 < len(words) <= max_words and words[0].lower() not in _CONJUNCTIONS


def _last_clause(who: str) -> str:
    """Drop a leading adverbial ("On May 24, …", "Ngày 24/5, …") before the speaker phrase."""
    parts = [p for p in (s.strip() for s in who.split(",")) if p]
    if len(parts) > 1 and not any(_trailing_name(p) for p in parts[:1]):
        return ", ".join(parts[1:])
    return who


def _sentence_start(paragraph: str, position: int) -> int:
    start = 0
    for boundary in _SENTENCE_END_RE.finditer(paragraph, 0, position):
        start = boundary.end()
    return start


def _continues(paragraph: str, previous_end: int, start: int) -> bool:
    """True when only sentence punctuation separates the previous attribution from this quote."""
    gap = paragraph[previous_end:start]
    return previous_end <= start and bool(re.fullmatch(r"\s*[.!?]\s*", gap))


def _quote_text(raw: str) -> str:
    return clean(raw.replace(_MASKED_DOT, ".")).rstrip(",;:").strip()


def _blockquote(text: str, index: int) -> Quote:
    found = _BLOCKQUOTE_SPEAKER_RE.search(text)
    if found:
        raw = clean(found.group("who"))
        return Quote(text=clean(text[: found.start()]), speaker=speaker_name(raw), speakerRaw=raw,
                     kind="blockquote", paragraphIndex=index)
    return Quote(text=text, kind="blockquote", paragraphIndex=index)
