"""The record's language: URL prefix, then ``<html lang>`` / meta, then JSON-LD, then the text itself.

A page that declares no language is read: its script (Hangul, kana, Han, Cyrillic, Arabic ...) names
most languages outright; Vietnamese by its tone marks; other Latin-script languages by their most common
function words (stop-word profiles: a few dozen words each, counted over the body's first words). No
model: a profile wins only when it clearly leads, else the language stays unknown (null).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .document import Document
from .metadata import article_ld

_PATH_LANG_RE = re.compile(r"^/([a-z]{2})(?:/|$)")
_CODE_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
_VIETNAMESE_MARKS_RE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
URL_LANGS = frozenset({"en", "vi", "ko", "zh", "ja", "fr", "de", "es", "ru", "lo", "km", "th"})
_WORD_RE = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 4000  # the body's first characters are enough to tell a language
_MIN_LETTERS = 40  # for a Latin-script text; a script of its own names its language from fewer
_MIN_SCRIPT_LETTERS = 15
_MIN_HITS = 6  # stop-word hits the winning profile needs
_MIN_LEAD = 2  # and its lead over the next profile

# Scripts that name their language (first match by share of the letters).
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("lo", re.compile(r"[\u0e80-\u0eff]")),
    ("km", re.compile(r"[\u1780-\u17ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_UKRAINIAN_LETTERS_RE = re.compile(r"[іїєґІЇЄҐ]")

# The most frequent function words of each language (Latin script), lower case.
_STOP_WORDS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in {
    "en": "the and of to is in that it was for on with as are this by be have from at not but they his has he "
          "which said were their been would will an or had who its after also",
    "de": "der die und das ist nicht mit sich des ein eine auf dem den zu auch es für von im wird wurde sind "
          "werden noch nach bei aus dass oder aber wie einen einer sie hat zum zur",
    "fr": "le la les et des est une un du dans que qui pour pas sur au avec par il ce sont plus ont été aux "
          "cette mais ses elle nous leur ne",
    "es": "el la los las y de que en un una por con para es del se al lo como más pero sus fue ha este esta "
          "también entre han sobre muy",
    "it": "il di che la e per un una del della non sono con si gli le alla nel anche è dei delle ha come più "
          "ma questo degli nella",
    "pt": "o a os as de que e do da em um uma para com não dos das no na por mais foi ao se é são também pelo "
          "pela muito já",
    "nl": "de het een en van is dat op te zijn niet met voor die er aan ook als bij maar wordt werd naar om "
          "nog heeft hij dit",
    "sv": "och att det som en är på för med av inte den till har de om ett var jag men också från efter kan "
          "sig vid när så hade mycket vad nu",
    "da": "og at det som en er på for med af ikke den til har de om et var jeg men også fra efter kan sig ved "
          "når havde meget hvad nu",
    "no": "og at det som en er på for med av ikke den til har de om et var jeg men også fra etter kan seg ved "
          "når hadde mye hva nå blir være",
    "is": "og að í á er sem til það við um var með fyrir ekki hann hún en eru þess þá hafa ég frá verið sér "
          "eftir",
    "pl": "i w na z się nie do to że jest o jak po ale od za co przez tak są jego już dla może być także oraz "
          "które który",
    "cs": "a v se na je že o s z do to i k ve pro jako by ale jsou jeho podle byl bylo které který také už při "
          "od po",
    "tr": "ve bir bu da de için ile çok daha olarak gibi olan en ama kadar sonra her ki değil şey ise göre "
          "ancak tarafından",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada oleh tersebut bisa "
          "atau sudah kami mereka telah",
    "lt": "ir kad yra su į iš o tai bet buvo jo už apie kaip per nuo dėl taip jau savo kuris arba tik ar bei",
    "ro": "și de în la cu că pe nu a o un este mai din pentru care sunt au fost prin ca sau dar",
    "hu": "a az és hogy nem is egy van meg de ez csak már még volt mint ki el azt ezt vagy után között",
    "fi": "ja on ei se että oli hän mutta ovat myös kun niin kuin mitä tai joka sen jo vain nyt kanssa ole",
    "sw": "na ya wa kwa katika ni za la kuwa hiyo hii huo ambao alisema pia lakini au baada kama zaidi hayo "
          "wao yake",
    "xh": "ukuba kwaye okanye kodwa ukuze ngoku kuba kule ngokuba okokuba ukusuka ngexesha kwi bale nale "
          "kakhulu abantu",
    "zu": "ukuthi futhi kanye noma ngoba kodwa uma kusho abantu lokhu ukuba kakhulu kule ngo ngokuthi kwi "
          "njengoba kuleli khona bese",
}.items()}


def _code(value: str | None) -> str | None:
    match = _CODE_RE.match((value or "").strip())
    return match.group(1).lower() if match else None


def detect(doc: Document, text: str) -> tuple[str | None, str | None]:
    path_match = _PATH_LANG_RE.match(urlsplit(doc.url).path)
    if path_match and path_match.group(1) in URL_LANGS:
        return path_match.group(1), "url"
    ld_language = article_ld(doc).get("inLanguage")
    for source, value in (("html-lang", doc.html_lang),
                          ("meta", doc.meta_first("og:locale", "content-language", "language", "dc.language")),
                          ("json-ld", ld_language if isinstance(ld_language, str) else None)):
        code = _code(value)
        if code:
            return code, source
    code = language_of_text(text)
    return (code, "text") if code else (None, None)


def language_of_text(text: str) -> str | None:
    """The language a text is written in (ISO 639-1), or None when it is too short or unclear."""
    sample = text[:_SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < _MIN_SCRIPT_LETTERS:
        return None
    if len(_KANA_RE.findall(sample)) > 0.05 * letters:
        return "ja"  # kana: Japanese even where Han characters outnumber it
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > 0.2 * letters:
            if code == "ru" and _UKRAINIAN_LETTERS_RE.search(sample):
                return "uk"
            return code
    if letters < _MIN_LETTERS:
        return None
    if len(_VIETNAMESE_MARKS_RE.findall(sample)) > letters / 40:
        return "vi"
    words = _WORD_RE.findall(sample.lower())
    hits = sorted(((sum(word in profile for word in words), code) for code, profile in _STOP_WORDS.items()),
                  reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    return code if best >= _MIN_HITS and best - second >= _MIN_LEAD else None
