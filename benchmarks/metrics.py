"""The metrics, written once and applied to every system alike.

Body text: the ScrapingHub benchmark's metric. Tokens are ``\\w+`` matches, 4-token shingles (a
text with fewer than 4 tokens is one shingle), per document precision and recall of the shingle
multisets, each averaged over the documents where it is defined (precision needs a prediction,
recall needs a truth), F1 of the two averages.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

_TOKEN_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s+")
SHINGLE_SIZE = 4


# ----- body text -------------------------------------------------------------------------------

_INVISIBLE_RE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def invisible_normalised(text: str | None) -> str:
    r"""NFC, soft hyphens and zero-width characters removed: differences no reader can see.

    The fundus truth keeps a page's NFD letters and soft hyphens (``Mit\xadglieder``), which ``\w+``
    would split into other tokens; both sides of a comparison get the same normalisation.
    """
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text or ""))


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)))


@dataclass(slots=True)
class Overlap:
    """Shingle counts of one document, normalised to sum to 1 as the benchmark does."""

    tp: float
    fp: float
    fn: float

    @classmethod
    def of(cls, truth: str | None, predicted: str | None, *, normalise: bool = False) -> Overlap:
        """``normalise``: compare :func:`invisible_normalised` texts (the fundus set; ScrapingHub stays exact)."""
        if normalise:
            truth, predicted = invisible_normalised(truth), invisible_normalised(predicted)
        true, pred = shingles(truth), shingles(predicted)
        tp = sum((true & pred).values())
        fp = sum((pred - true).values())
        fn = sum((true - pred).values())
        total = tp + fp + fn
        return cls(tp / total, fp / total, fn / total) if total else cls(0.0, 0.0, 0.0)

    @property
    def precision(self) -> float | None:
        if self.tp + self.fp == 0:
            return None  # nothing predicted: not counted in the precision mean
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def body_scores(overlaps: list[Overlap]) -> dict[str, float]:
    """P and R averaged over documents, F1 of the averages (the benchmark's aggregate)."""
    precisions = [o.precision for o in overlaps if o.precision is not None]
    recalls = [o.recall for o in overlaps if o.recall is not None]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "documents": len(overlaps)}


# ----- headline ----------------------------------------------------------------------------------

def normalise_space(text: str | None) -> str:
    return _SPACE_RE.sub(" ", text or "").strip()


def headline_match(truth: str | None, predicted: str | None) -> bool:
    """Exact match after whitespace normalisation (and :func:`invisible_normalised`: differences no reader sees)."""
    norm = lambda s: normalise_space(invisible_normalised(s))
    return bool(truth) and norm(truth) == norm(predicted)


# ----- dates -------------------------------------------------------------------------------------

_DAY_ONLY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:([+-]\d{2}):?(\d{2})|Z)?$")


@dataclass(slots=True)
class Moment:
    """A parsed date value: its calendar day, and the instant/offset when it has them."""

    day: date
    instant: datetime | None  # aware when the value has a time and an offset
    wall_clock: datetime | None  # the time of day as written (naive), when there is one
    offset: timedelta | None


def parse_moment(value: str | None) -> Moment | None:
    if not value:
        return None
    value = value.strip()
    match = _DAY_ONLY_RE.match(value)
    if match:
        y, m, d, hh, mm = match.groups()
        offset = None
        if hh is not None:
            sign = -1 if hh.startswith("-") else 1
            offset = sign * timedelta(hours=int(hh[1:]), minutes=int(mm))
        elif value.endswith("Z"):
            offset = timedelta(0)
        return Moment(date(int(y), int(m), int(d)), None, None, offset)
    try:
        moment = datetime.fromisoformat(value)  # Python 3.11 reads "Z" and "+0200"
    except ValueError:
        return None
    naive = moment.replace(tzinfo=None)
    if moment.tzinfo is None:
        return Moment(moment.date(), None, naive, None)
    return Moment(moment.date(), moment, naive, moment.utcoffset())


def truth_has_time(truth: Moment) -> bool:
    """Midnight exactly is how a day-only truth is written: it has no time to compare."""
    clock = truth.wall_clock
    return clock is not None and (clock.hour, clock.minute, clock.second, clock.microsecond) != (0, 0, 0, 0)


def same_day(truth: Moment | None, predicted: Moment | None) -> bool:
    """The predicted calendar day is the truth's day as written, or the truth's instant seen in the
    prediction's own offset; a prediction without an offset may be the truth's day in any real zone."""
    if truth is None or predicted is None:
        return False
    if predicted.day == truth.day:
        return True
    if truth.instant is None:
        return False
    if predicted.offset is not None:
        return (truth.instant.astimezone(timezone(predicted.offset))).date() == predicted.day
    return any((truth.instant.astimezone(timezone(timedelta(hours=h)))).date() == predicted.day
               for h in range(-12, 15))


def same_instant(truth: Moment | None, predicted: Moment | None, tolerance_s: float = 60.0) -> bool:
    """Time and offset right: the same instant within a minute (truth seconds/ms may be truncated).
    A naive truth (a time but no offset) is matched by the prediction's wall clock; the prediction
    must still carry an offset, as the record schema requires."""
    if truth is None or predicted is None or predicted.instant is None:
        return False
    if truth.instant is not None:
        return abs((predicted.instant - truth.instant).total_seconds()) < tolerance_s
    assert predicted.wall_clock is not None and truth.wall_clock is not None
    return abs((predicted.wall_clock - truth.wall_clock).total_seconds()) < tolerance_s


# ----- authors and captions ----------------------------------------------------------------------

def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", normalise_space(name)).casefold()


def set_scores(truth: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """Set precision, recall, F1 of names (case- and space-insensitive); both empty is perfect."""
    true = {_name_key(n) for n in truth if normalise_space(n)}
    pred = {_name_key(n) for n in predicted if normalise_space(n)}
    if not true and not pred:
        return 1.0, 1.0, 1.0
    hits = len(true & pred)
    p = hits / len(pred) if pred else 0.0
    r = hits / len(true) if true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _token_set(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN_RE.findall(text)}


def caption_matches(truth: str, predicted: list[str], threshold: float = 0.8) -> bool:
    """A true caption is found when some predicted caption has token-set F1 >= ``threshold`` with it
    (tolerates a credit left in or split off differently)."""
    true = _token_set(truth)
    if not true:
        return False
    for candidate in predicted:
        pred = _token_set(candidate)
        hits = len(true & pred)
        if hits and 2 * hits / (len(true) + len(pred)) >= threshold:
            return True
    return False
