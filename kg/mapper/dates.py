"""Time expressions in news sentences, normalised against the article's publication date.

The text is read the way wire copy is written: "on Wednesday" in a report means the most recent
Wednesday (the publication day included), "in December" the most recent December, "next week" the
week after publication.  Every result is as precise as the text allows and never more: "early 2021"
is ``2021``, "three weeks ago" a month, "this week" a month (or a year when the week straddles two
months).  Relative expressions need the publication date; without it their ``date`` is ``None`` but
the expression is still reported.

Everything here is a pure function of its arguments; patterns are compiled once at import.
Offsets always refer to the string passed in — odd whitespace, curly quotes and dashes are mapped
one character to one character before matching, so they never shift positions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from kg.facts import DateValue

__all__ = ["TimeExpression", "detect_tense", "find_dateline", "find_time_expressions"]

Tense = Literal["past", "future"]
Kind = Literal["point", "range", "since", "until", "relative_anaphoric"]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a sentence, with the date(s) it stands for."""

    start: int  # offsets into the string passed in
    end: int
    text: str  # text[start:end]
    date: DateValue | None  # start (or the point); None when it cannot be resolved
    end_date: DateValue | None  # for ranges, else None
    kind: Kind


# --------------------------------------------------------------------------------------------------
# Normalisation: one character for one character, so offsets are preserved.

_SPACES = "\t\n\r\x0b\x0c\u00a0\u00ad\u1680\u180e\u2028\u2029\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
_NORMALISE = str.maketrans(
    {
        **{ch: " " for ch in _SPACES},
        **{chr(cp): " " for cp in range(0x2000, 0x200B)},
        **{ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"},  # not the em dash: it separates
        **{ch: "'" for ch in "\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`"},
        **{ch: '"' for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
    }
)


def _normalise(text: str) -> str:
    return text.translate(_NORMALISE)


# --------------------------------------------------------------------------------------------------
# Vocabulary

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({abbr.lower(): i for abbr, i in _MONTH_ABBREVIATIONS.items()})
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {name.lower(): i for i, name in enumerate(_WEEKDAY_NAMES)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}
_VAGUE_AGO = {"day": (2, 9), "week": (2, 5), "month": (2, 6)}  # "a few days ago": 2-9 days back
_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _title_and_upper(words: list[str]) -> str:
    """`Word|WORD` alternation, longest first, so a prefix never wins over the full word."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(f"{w}|{w.upper()}" for w in ordered)


_MONTH_FULL = _title_and_upper(list(_MONTH_NAMES))
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:{_title_and_upper(list(_MONTH_ABBREVIATIONS))})\.?)(?![A-Za-z])"
_WEEKDAY = _title_and_upper(list(_WEEKDAY_NAMES))
# Day of month: not part of a longer number, a time ("4:30"), a decimal or a percentage.
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_DAY_TAIL = r"(?:st|nd|rd|th)?(?![\d:%A-Za-z])(?![.,]\d)(?!\s*(?i:%|percent|per\s+cent))"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?![\d])"
_YEAR_SEP = r"(?:\s*,\s*|\s+)"
_YEAR_REL = r"(?:\s+(?:(?i:of)\s+)?(?P<yr>(?i:this|last|next))\s+(?i:year)\b)?"
_TIME_OF_DAY = r"(?i:morning|afternoon|evening|night)"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_ANY})"


def _day(name: str) -> str:
    return rf"(?P<{name}>{_DAY}){_DAY_TAIL}"


_MD_RE = re.compile(
    rf"(?<![\w]){_month('m')}(?:\s+|(?<=\.)\s*){_day('d')}(?:{_YEAR_SEP}(?P<y>{_YEAR}))?{_YEAR_REL}"
)
_MD_RANGE_RE = re.compile(
    rf"(?<![\w]){_month('m')}(?:\s+|(?<=\.)\s*){_day('d')}"
    rf"\s*(?P<conn>-|(?i:to|through|thru|until|till|and)\b)\s*"
    rf"(?:{_month('m2')}(?:\s+|(?<=\.)\s*))?{_day('d2')}(?:{_YEAR_SEP}(?P<y>{_YEAR}))?{_YEAR_REL}"
)
_DM_RE = re.compile(
    rf"(?<![\w$€£¥])(?<!\d[.,]){_day('d')}\s+(?:(?i:of)\s+)?{_month('m')}"
    rf"(?:{_YEAR_SEP}(?P<y>{_YEAR}))?{_YEAR_REL}"
)
_DM_RANGE_RE = re.compile(
    rf"(?<![\w$€£¥])(?<!\d[.,]){_day('d')}\s*(?P<conn>-|(?i:to|through|thru|until|till|and)\b)\s*"
    rf"{_day('d2')}\s+(?:(?i:of)\s+)?{_month('m')}(?:{_YEAR_SEP}(?P<y>{_YEAR}))?{_YEAR_REL}"
)
_MY_RE = re.compile(rf"(?<![\w]){_month('m')}(?:\s*,\s*|\s+)(?:(?i:of)\s+)?(?P<y>{_YEAR})(?![\w])")
_MONTH_RE = re.compile(rf"(?<![\w])(?P<m>{_MONTH_FULL})(?![\w])(?!\s*\d){_YEAR_REL}")
_MODIFIER_BEFORE = re.compile(r"(?i:\b(?P<mod>last|next|this\s+past|this\s+coming|this)\s+)$")
_WEEKDAY_RE = re.compile(
    rf"(?<![\w])(?P<w>{_WEEKDAY})(?![\w])(?:\s+{_TIME_OF_DAY}\b)?"
    rf"(?:(?:\s+(?i:of))?\s+(?P<wk>(?i:last|this|next))\s+(?i:week)\b)?"
)
_ISO_RE = re.compile(r"(?<![\w./-])(?P<y>\d{4})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])")
_YEAR_RE = re.compile(rf"(?<![\w$€£¥])(?P<y>{_YEAR})(?![\w])")
_YEAR_RANGE_RE = re.compile(rf"(?<![\w$€£¥.,-])(?P<y>{_YEAR})\s*-\s*(?P<y2>{_YEAR}|\d\d(?![\d]))(?![\w-])")
_REL_DAY_RE = re.compile(
    r"(?i)\b(?P<w>today|tonight|yesterday|tomorrow|last\s+night)(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|\bthis\s+(?P<tod>morning|afternoon|evening)\b"
)
_REL_UNIT_RE = re.compile(r"(?i)\b(?P<mod>this|last|next|the)\s+(?P<u>week|month|year|weekend)\b")
_END_OF_RE = re.compile(
    r"(?i)\b(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+the\s+(?P<u>year|month|week)\b"
)
_AGO_RE = re.compile(
    r"(?i)(?<![\d.,])\b(?P<n>\d{1,3}|a\s+couple\s+of|a\s+few|few|several|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve)\s+(?P<u>day|week|month|year|decade)s?\s+ago\b"
)
_ANAPHORIC_RE = re.compile(
    r"(?i)\b(?:(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+day"
    r"|(?:earlier|later)\s+that\s+(?:morning|afternoon|evening|night)"
    r"|the\s+(?:same|next|following|previous)\s+(?:day|morning|afternoon|evening|night)"
    r"|the\s+day\s+(?:before|after)|that\s+(?:same\s+)?day)\b"
)

# Cues that must precede a bare month name ("in December") or a bare year ("in 2021", "the 2015 deal").
_MONTH_CUE = re.compile(
    r"(?i:(?:\b(?:in|on|during|since|until|till|til|by|from|through|thru|throughout|between|before|after|early"
    r"|late|mid|of|and|or|to|around|last|next|this)\s+|\bmid-)$)"
)
_MAY_CUE = re.compile(
    r"(?i:(?:\b(?:in|on|during|since|until|till|last|next|this|early|late|mid|(?:end|beginning|start|middle)\s+of)\s+"
    r"|\bmid-)$)"
)
_YEAR_CUE = re.compile(
    r"(?i:(?:\b(?:in|since|until|till|til|by|before|after|from|to|through|thru|throughout|between|and|or|of|during"
    r"|the|a|an|early|late|mid|year|its|their|his|her|our|for|circa|around|end|fiscal|spring|summer|autumn|fall"
    r"|winter)\s+|\bmid-|\w's\s+)$)"
)
_SENTENCE_START = re.compile(r"^[\s\"'(\[-]*$")
_NOT_A_YEAR_AFTER = re.compile(
    r"(?i)[-/.]\d|\s*(?:%|percent\b|per\s*cent\b|gmt\b|utc\b|hrs\b|hours\b|local\s+time\b)"
    r"|[-\s]+(?:people|persons|troops|soldiers|votes|members|tonnes|tons|barrels|km|kilometers|kilometres|miles"
    r"|metres|meters|dollars|euros|yuan|rubles|roubles|units|cases|deaths|refugees|workers|students|jobs|times"
    r"|residents|families|homes|houses|vehicles|cars|missiles|drones|rockets|tanks|prisoners|detainees|migrants"
    r"|pilgrims|fighters|militants|civilians|delegates|participants|companies|firms|projects|pages|words)\b"
)
_QUALIFIER = re.compile(
    r"(?i:(?:\b(?:early|late|mid|earlier|later)\s+|\bmid-"
    r"|\b(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|turn)\s+of\s+)$)"
)
_BOUND = re.compile(r"(?i:(?:\b(?P<w>since|until|till|til|by|through|thru|up\s+to|up\s+until)|'til)\s+$)")
_RANGE_PREFIX = re.compile(r"(?i:\b(?P<w>from|between)\s+$)")
_CONNECTOR = re.compile(r"\s*(?P<c>-|(?i:to|through|thru|until|till|and))\s*")
_DATE_PAREN = re.compile(r"\s*,?\s*(?P<p>\(\s*)?")
_BETWEEN_BEFORE = re.compile(r"(?i:\bbetween\s+$)")
_TODAY_NAME = re.compile(r"[A-Z][\w.]*\s+$")  # "USA Today", "Russia Today"


# --------------------------------------------------------------------------------------------------
# Tense cues, read from word tokens (one regex pass, then set look-ups)

_WORD_RE = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)*)\s*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BE = _words("is are was were be been being remain remains")
_BE_ADVERBS = _words("also now still")
_GOING_TO = _words(
    "expected scheduled set due slated poised going planning preparing likely supposed tipped"
)
_BE_SCHEDULED = _words("scheduled slated due")
_SET_FOR = _words("scheduled slated planned set penciled pencilled")
_INTEND = _words("plan plans planning intend intends intending aim aims aiming prepare prepares preparing")
_HOPE = _words("hope hopes hoping expect expects expecting")
_FUTURE_ADJECTIVES = _words("upcoming forthcoming")
_FUTURE_ADJECTIVES_LOCAL = _words("upcoming forthcoming scheduled planned proposed")
_COMING_UNITS = _words("days weeks months years")
_NOT_AFTER_NEXT = _words("day morning afternoon evening night to")
_WILL_NOUN_BEFORE = _words("the political good free own")
_WILL_NOUN_AFTER = _words("of to and")
_WILL_ADVERBS = _words(
    "not also likely soon then now again probably formally officially jointly personally reportedly"
)
_WEAK_TO_VERBS = _words(
    "visit travel meet hold attend host sign arrive begin start launch discuss fly head convene "
    "resume"
)
_PRESENT_EVENT = _words(
    "begins starts arrives visits travels heads meets hosts holds leaves opens convenes resumes "
    "departs flies kicks"
)
_PAST_EVENT = _words(
    "met held visited arrived flew traveled travelled went came signed hosted began started launched "
    "spoke talked discussed attended opened left landed headed returned was were had did "
    "called phoned telephoned received welcomed paid concluded wrapped ended hailed urged sat took made gave "
    "joined gathered conferred chaired co-chaired led addressed"
)
_PAST_WORDS = _words(
    "said told was were had did met held spoke made took went came gave left began flew sent paid "
    "wrote saw won led brought sat stood got sought thought felt kept ran struck became rose fell "
    "broke chose drew drove grew knew lost meant sold shot spent swore taught threw understood woke "
    "wore"
)
_NOT_PAST = _words(
    "scheduled expected planned proposed slated intended anticipated united limited based related "
    "detailed advanced alleged indeed proceed exceed succeed speed breed bleed embed hundred sacred "
    "naked wicked beloved armed concerned interested supposed tipped poised need feed seed greed shed"
)
_CUE_WORDS = (
    _BE | _SET_FOR | _INTEND | _HOPE | _FUTURE_ADJECTIVES_LOCAL | _PRESENT_EVENT | _PAST_EVENT | _PAST_WORDS
    | {"will", "shall", "won't", "coming", "next", "to"}
)


@dataclass(frozen=True)
class _TenseCues:
    """What the verbs of a sentence say about time."""

    sentence: Tense  # detect_tense's answer
    cues: tuple[tuple[int, int, Tense], ...]  # local cues: character span and tense, in text order


def _tense_cues(norm: str) -> _TenseCues:
    tokens = list(_WORD_RE.finditer(norm))
    count = len(tokens)
    starts = [m.start() for m in tokens]
    ends = [m.end(1) for m in tokens]
    words = [m[1] for m in tokens]
    low = [w.lower() for w in words]
    # glued[i]: token i is followed by whitespace only, then token i + 1
    glued = [ends[j] < tokens[j].end() == starts[j + 1] for j in range(count - 1)] + [False]
    following = [low[j + 1] if glued[j] else "" for j in range(count)] + ["", ""]

    def with_verb(j: int) -> int:  # extend a cue over "be"/"have" and a following lowercase verb
        if following[j] in ("be", "have"):
            j += 1
        if j < count and glued[j] and words[j + 1].islower():
            j += 1
        return j

    future: list[tuple[int, int]] = []
    past: list[tuple[int, int]] = []
    strong = False
    weak_at: int | None = None
    past_event_at: int | None = None
    for i, w in enumerate(low):
        if w not in _CUE_WORDS and not w.endswith(("ed", "'ll")):
            continue
        raw, after = words[i], following[i]
        before = low[i - 1] if i and glued[i - 1] else ""
        last: int | None = None  # the last token of a local future cue starting at token i
        if raw in ("will", "WILL"):
            if before not in _WILL_NOUN_BEFORE and after not in _WILL_NOUN_AFTER:
                strong = True
                last = with_verb(i + 1 if after in _WILL_ADVERBS else i)
        elif w in ("shall", "won't") or w.endswith("'ll"):
            strong = True
            last = with_verb(i)
        elif raw == "Will" and i == 0:
            strong = True
        elif w in _BE:
            k = i + 1 if after in _BE_ADVERBS else i
            if following[k] in _GOING_TO and following[k + 1] == "to":
                strong = True
                last = with_verb(k + 2)
            elif w in ("is", "are", "was", "were") and after in _BE_SCHEDULED:
                strong = True
                last = i + 1
            elif w in ("is", "are") and after == "to" and following[i + 1]:
                weak_at = starts[i] if weak_at is None else weak_at
                last = with_verb(i + 1)
        elif w in _SET_FOR and after == "for":
            strong = True
            last = i + 1
        elif (w in _INTEND or w in _HOPE) and after == "to":
            strong = strong or w in _INTEND
            last = with_verb(i + 1)
        elif w in _FUTURE_ADJECTIVES_LOCAL:
            strong = strong or w in _FUTURE_ADJECTIVES
            last = i
        elif (w == "coming" and before == "the" and after in _COMING_UNITS) or (
            w == "next" and before != "the" and after not in _NOT_AFTER_NEXT
        ):
            strong = True
        elif w == "to" and (after in _WEAK_TO_VERBS or (after == "be" and following[i + 1] == "held")):
            weak_at = starts[i] if weak_at is None else weak_at
        elif w in _PRESENT_EVENT:
            last = i
        if last is not None:
            future.append((starts[i], ends[last]))
        if w in _PAST_EVENT and past_event_at is None:
            past_event_at = starts[i]
        regular_past = len(w) >= 5 and w.endswith("ed") and raw.islower() and w not in _NOT_PAST
        if last is None and (w in _PAST_WORDS or regular_past):
            past.append((starts[i], ends[i]))
    cues: list[tuple[int, int, Tense]] = [(a, b, "future") for a, b in future]
    cues += [(a, b, "past") for a, b in past if not any(fa <= a < fb for fa, fb in future)]
    cues.sort()
    if strong or (weak_at is not None and (past_event_at is None or past_event_at > weak_at)):
        sentence: Tense = "future"
    else:
        sentence = "past"
    return _TenseCues(sentence, tuple(cues))


def detect_tense(sentence: str) -> Tense:
    """'future' when the sentence has forward-looking cues (will, is expected to, is scheduled, is set to,
    plans to, is due to, next, upcoming, "is to visit"…), else 'past'.

    A weak cue such as "to visit" counts only when no past event verb ("flew", "arrived", "met") comes
    before it: "Xi flew to Moscow to meet Putin" is past.
    """
    return _tense_cues(_normalise(sentence)).sentence


def _local_tense(norm: str, cues: _TenseCues, start: int, end: int) -> Tense | None:
    """The tense of the verb nearest to an expression: the closest cue on its left, else on its right."""
    lo, hi = max(0, start - 80), min(len(norm), end + 50)
    semi = norm.rfind(";", lo, start)
    if semi >= 0:
        lo = semi + 1
    semi = norm.find(";", end, hi)
    if semi >= 0:
        hi = semi
    left = [c for c in cues.cues if lo <= c[0] and c[1] <= start]
    if left:
        return max(left, key=lambda c: c[1])[2]
    right = [c for c in cues.cues if c[0] >= end and c[1] <= hi]
    return right[0][2] if right else None


# --------------------------------------------------------------------------------------------------
# Specs: what an expression says, before it is resolved against a publication date.

SpecKind = Literal[
    "weekday", "monthday", "month", "year", "days", "weeks", "months", "years", "weeksago", "weekend", "vague", "season"
]


_UNIT_KINDS: dict[str, SpecKind] = {"week": "weeks", "month": "months", "year": "years"}


@dataclass(frozen=True)
class _Spec:
    kind: SpecKind
    n: int = 0  # offset for days/weeks/months/years/weeksago; weekday number for weekday
    month: int | None = None
    day: int | None = None
    year: int | None = None  # stated in the text
    year_offset: int | None = None  # "March last year" -> -1
    modifier: Literal["last", "next", "this"] | None = None
    week_offset: int | None = None  # "Monday last week" -> -1
    weekday: int | None = None  # a weekday stated next to a date without a year
    unit: str | None = None  # for vague "a few days ago"


@dataclass
class _Cand:
    start: int
    end: int
    spec: _Spec | None  # None for anaphoric expressions
    end_spec: _Spec | None = None
    kind: Kind = "point"
    weak: bool = False  # needs a range partner to count (a bare month or year without a cue)
    atomic_range: bool = False  # a range read in one piece ("May 3-5"); not combined further


def _modifier(text: str | None) -> Literal["last", "next", "this"] | None:
    if not text:
        return None
    word = " ".join(text.lower().split())
    if word in ("last", "this past"):
        return "last"
    if word in ("next", "this coming"):
        return "next"
    return "this"


def _month_number(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _max_day(month: int, year: int | None) -> int:
    return calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: Feb 29 allowed


def _year_offset(match: re.Match[str]) -> int | None:
    word = match.group("yr")
    return _OFFSETS[word.lower()] if word else None


def _has_cue(pattern: re.Pattern[str], norm: str, start: int) -> bool:
    return pattern.search(norm, max(0, start - 40), start) is not None


def _h_monthday(m: re.Match[str], norm: str) -> _Cand | None:
    month, day = _month_number(m["m"]), int(m["d"])
    year = int(m["y"]) if m["y"] else None
    if day > _max_day(month, year):
        return None
    spec = _Spec("monthday", month=month, day=day, year=year, year_offset=_year_offset(m))
    return _Cand(m.start(), m.end(), spec)


def _h_day_range(m: re.Match[str], norm: str) -> _Cand | None:
    if m["conn"].lower() == "and" and not _has_cue(_BETWEEN_BEFORE, norm, m.start()):
        return None
    month = _month_number(m["m"])
    month2 = _month_number(m["m2"]) if m.groupdict().get("m2") else month
    day, day2 = int(m["d"]), int(m["d2"])
    year = int(m["y"]) if m["y"] else None
    if day > _max_day(month, None) or day2 > _max_day(month2, year) or (month2 == month and day2 <= day):
        return None
    start = _Spec("monthday", month=month, day=day)
    end = _Spec("monthday", month=month2, day=day2, year=year, year_offset=_year_offset(m))
    return _Cand(m.start(), m.end(), start, end, kind="range", atomic_range=True)


def _h_month_year(m: re.Match[str], norm: str) -> _Cand | None:
    return _Cand(m.start(), m.end(), _Spec("month", month=_month_number(m["m"]), year=int(m["y"])))


def _modifier_before(norm: str, start: int) -> tuple[int, Literal["last", "next", "this"] | None]:
    """"last"/"next"/"this" right before `start`: where the expression then starts, and the modifier."""
    match = _MODIFIER_BEFORE.search(norm, max(0, start - 20), start)
    return (match.start(), _modifier(match["mod"])) if match else (start, None)


def _h_month(m: re.Match[str], norm: str) -> _Cand | None:
    month = _month_number(m["m"])
    start, modifier = _modifier_before(norm, m.start())
    offset = _year_offset(m)
    weak = False
    if modifier is None and offset is None:
        if month == 5 and norm.startswith("'s", m.end()):  # "pressure on May's government"
            return None
        weak = not _has_cue(_MAY_CUE if month == 5 else _MONTH_CUE, norm, m.start())
    spec = _Spec("month", month=month, modifier=modifier, year_offset=offset)
    return _Cand(start, m.end(), spec, weak=weak)


def _h_weekday(m: re.Match[str], norm: str) -> _Cand | None:
    week = m["wk"]
    start, modifier = _modifier_before(norm, m.start())
    spec = _Spec(
        "weekday",
        n=_WEEKDAYS[m["w"].lower()],
        modifier=modifier,
        week_offset=_OFFSETS[week.lower()] if week else None,
    )
    return _Cand(start, m.end(), spec)


def _h_iso(m: re.Match[str], norm: str) -> _Cand | None:
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    if not 1900 <= year <= 2100 or not 1 <= month <= 12 or not 1 <= day <= _max_day(month, year):
        return None
    return _Cand(m.start(), m.end(), _Spec("monthday", month=month, day=day, year=year))


def _year_allowed(norm: str, start: int, end: int) -> bool | None:
    """True: a year with a cue; False: a bare year (weak); None: not a year at all (a count, a time…)."""
    if _NOT_A_YEAR_AFTER.match(norm, end):
        return None
    before = norm[start - 1] if start else ""
    if before == "-":
        if norm[max(0, start - 4):start].lower() == "mid-":
            return True
        if start >= 2 and norm[start - 2].isdigit():
            return None
        return False
    if before in ".,:/" and start >= 2 and norm[start - 2].isdigit():
        return None
    return _has_cue(_YEAR_CUE, norm, start) or _SENTENCE_START.match(norm, 0, start) is not None


def _h_year(m: re.Match[str], norm: str) -> _Cand | None:
    allowed = _year_allowed(norm, m.start(), m.end())
    if allowed is None:
        return None
    return _Cand(m.start(), m.end(), _Spec("year", year=int(m["y"])), weak=not allowed)


def _h_year_range(m: re.Match[str], norm: str) -> _Cand | None:
    first, second = int(m["y"]), m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first or _NOT_A_YEAR_AFTER.match(norm, m.end()):
        return None
    start, end = _Spec("year", year=first), _Spec("year", year=last)
    return _Cand(m.start(), m.end(), start, end, "range", atomic_range=True)


def _h_rel_day(m: re.Match[str], norm: str) -> _Cand | None:
    word = " ".join((m["w"] or "this").lower().split())
    if word == "today" and m["w"][0] == "T" and _TODAY_NAME.search(norm, max(0, m.start() - 30), m.start()):
        return None
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
    return _Cand(m.start(), m.end(), _Spec("days", n=offset))


def _h_rel_unit(m: re.Match[str], norm: str) -> _Cand | None:
    word, unit = m["mod"].lower(), m["u"].lower()
    if unit == "weekend":
        spec = _Spec("weekend", modifier=None if word == "the" else _modifier(word))
        return _Cand(m.start(), m.end(), spec)
    if word == "the":
        return None
    return _Cand(m.start(), m.end(), _Spec(_UNIT_KINDS[unit], n=_OFFSETS[word]))


def _h_end_of(m: re.Match[str], norm: str) -> _Cand | None:
    return _Cand(m.start(), m.end(), _Spec(_UNIT_KINDS[m["u"].lower()], n=0))


def _h_ago(m: re.Match[str], norm: str) -> _Cand | None:
    amount = " ".join(m["n"].lower().split())
    unit = m["u"].lower()
    if amount in ("a few", "few", "several"):
        if unit not in _VAGUE_AGO:
            return None
        return _Cand(m.start(), m.end(), _Spec("vague", unit=unit))
    n = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
    spec = {
        "day": _Spec("days", n=-n),
        "week": _Spec("weeksago", n=n),
        "month": _Spec("months", n=-n),
        "year": _Spec("years", n=-n),
        "decade": _Spec("years", n=-10 * n),
    }[unit]
    return _Cand(m.start(), m.end(), spec)


_SEASON_RE = re.compile(r"(?i)\b(?P<mod>this|last|next|this coming)\s+(?P<s>spring|summer|autumn|fall|winter)\b")
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _h_season(m: re.Match[str], norm: str) -> _Cand | None:
    mod = _modifier(m["mod"])
    return _Cand(m.start(), m.end(), _Spec("season", month=_SEASON_MONTH[m["s"].lower()], modifier=mod))


def _h_anaphoric(m: re.Match[str], norm: str) -> _Cand | None:
    return _Cand(m.start(), m.end(), None, kind="relative_anaphoric")


_Handler = Callable[[re.Match[str], str], _Cand | None]
# Each pattern runs only when the sentence has what it needs: a digit, and/or one of some lowercase keys.
_MONTH_KEYS = tuple(name[:3].lower() for name in _MONTH_NAMES)
_REL_DAY_KEYS = ("today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening")
_ANAPHORIC_KEYS = ("earlier", "later", "same", "next", "following", "previous", "the day", "that day")
_ATOMS: tuple[tuple[re.Pattern[str], _Handler, bool, tuple[str, ...]], ...] = (
    (_MD_RE, _h_monthday, True, _MONTH_KEYS),
    (_DM_RE, _h_monthday, True, _MONTH_KEYS),
    (_MD_RANGE_RE, _h_day_range, True, _MONTH_KEYS),
    (_DM_RANGE_RE, _h_day_range, True, _MONTH_KEYS),
    (_MY_RE, _h_month_year, True, _MONTH_KEYS),
    (_MONTH_RE, _h_month, False, _MONTH_KEYS),
    (_WEEKDAY_RE, _h_weekday, False, ("day",)),
    (_ISO_RE, _h_iso, True, ()),
    (_YEAR_RE, _h_year, True, ()),
    (_YEAR_RANGE_RE, _h_year_range, True, ()),
    (_REL_DAY_RE, _h_rel_day, False, _REL_DAY_KEYS),
    (_REL_UNIT_RE, _h_rel_unit, False, ("week", "month", "year")),
    (_END_OF_RE, _h_end_of, False, (" of the ",)),
    (_AGO_RE, _h_ago, False, ("ago",)),
    (_SEASON_RE, _h_season, False, ("spring", "summer", "autumn", "fall", "winter")),
    (_ANAPHORIC_RE, _h_anaphoric, False, _ANAPHORIC_KEYS),
)
_DIGIT = re.compile(r"\d")


def _atoms(norm: str) -> list[_Cand]:
    """Every atom any pattern finds, then the longest non-overlapping ones, left to right."""
    low = norm.lower()
    has_digit = _DIGIT.search(norm) is not None
    gates: dict[tuple[str, ...], bool] = {(): True}
    found: list[_Cand] = []
    for pattern, handler, needs_digit, keys in _ATOMS:
        if needs_digit and not has_digit:
            continue
        open_gate = gates.get(keys)
        if open_gate is None:
            open_gate = gates[keys] = any(key in low for key in keys)
        if not open_gate:
            continue
        for match in pattern.finditer(norm):
            cand = handler(match, norm)
            if cand is not None:
                found.append(cand)
    found.sort(key=lambda c: (c.start - c.end, c.start))
    chosen: list[_Cand] = []
    for cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


# --------------------------------------------------------------------------------------------------
# Combining atoms: "Tuesday, February 14", "early 2021", "from May to June", "since 2019".


def _merge_weekday_dates(norm: str, cands: list[_Cand]) -> list[_Cand]:
    """"Tuesday, February 14" and "Tuesday (Feb 14)" are one expression: the date, the weekday as a hint."""
    out: list[_Cand] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.spec is not None and prev.spec.kind == "weekday" and prev.end_spec is None
            and prev.spec.modifier is None and prev.spec.week_offset is None
            and cand.spec is not None and cand.spec.kind == "monthday" and not cand.atomic_range
        ):
            gap = _DATE_PAREN.fullmatch(norm, prev.end, cand.start)
            if gap:
                end = cand.end
                if gap["p"]:
                    close = re.match(r"\s*\)", norm[end:])
                    end = end + close.end() if close else end
                spec = cand.spec if cand.spec.year is not None else replace(cand.spec, weekday=prev.spec.n)
                out[-1] = _Cand(prev.start, end, spec)
                continue
        out.append(cand)
    return out


def _extend_left(norm: str, cands: list[_Cand], index: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A match of `pattern` ending where candidate `index` starts, not reaching into the one before."""
    floor = cands[index - 1].end if index else 0
    return pattern.search(norm, max(floor, cands[index].start - 30), cands[index].start)


def _qualify(norm: str, cands: list[_Cand]) -> None:
    """Take in "early", "mid-", "the end of"…: the span grows, the precision stays."""
    for i, cand in enumerate(cands):
        if cand.kind == "relative_anaphoric":
            continue
        match = _extend_left(norm, cands, i, _QUALIFIER)
        if match:
            cand.start = match.start()
            cand.weak = False


def _combine_ranges(norm: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "A to B", "A through B", "A-B", "from A to B" and "between A and B" into ranges."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.kind == "point" and b.kind == "point" and not (a.weak and b.weak):
            conn = _CONNECTOR.fullmatch(norm, a.end, b.start)
            prefix = _extend_left(norm, cands, i, _RANGE_PREFIX)
            word = prefix["w"].lower() if prefix else None
            joins = conn is not None and (conn["c"].lower() == "and") == (word == "between")
            if joins:
                start = prefix.start() if prefix else a.start
                out.append(_Cand(start, b.end, a.spec, b.spec, kind="range"))
                i += 2
                continue
        if a.atomic_range:
            prefix = _extend_left(norm, cands, i, _RANGE_PREFIX)
            if prefix:
                a.start = prefix.start()
        out.append(a)
        i += 1
    return out


def _bound(norm: str, cands: list[_Cand]) -> None:
    """Take in "since" (kind since) and "until", "by", "through"… (kind until)."""
    for i, cand in enumerate(cands):
        if cand.kind != "point" or cand.spec is None:
            continue
        match = _extend_left(norm, cands, i, _BOUND)
        if match:
            cand.start = match.start()
            cand.kind = "since" if (match["w"] or "").lower() == "since" else "until"


# --------------------------------------------------------------------------------------------------
# Resolution


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}")


def _year_value(year: int) -> DateValue:
    return DateValue(f"{year:04d}")


def _cover(first: dt.date, last: dt.date) -> tuple[DateValue | None, DateValue | None]:
    """The finest single value containing first..last: a month, a year, else the two years as a range."""
    if (first.year, first.month) == (last.year, last.month):
        return DateValue.of(first, "month"), None
    if first.year == last.year:
        return DateValue.of(first, "year"), None
    return DateValue.of(first, "year"), DateValue.of(last, "year")


def _week_of(day: dt.date) -> tuple[DateValue | None, DateValue | None]:
    monday = day - dt.timedelta(days=day.weekday())
    return _cover(monday, monday + dt.timedelta(days=6))


def _weekday_date(spec: _Spec, pub: dt.date, tense: Tense) -> dt.date:
    wd, today = spec.n, pub.weekday()
    if spec.week_offset is not None:
        return pub + dt.timedelta(days=7 * spec.week_offset - today + wd)
    if spec.modifier == "last":
        return pub - dt.timedelta(days=(today - wd) % 7 or 7)
    if spec.modifier == "next":
        return pub + dt.timedelta(days=(wd - today) % 7 or 7)
    if tense == "future":
        return pub + dt.timedelta(days=(wd - today) % 7)
    return pub - dt.timedelta(days=(today - wd) % 7)


def _weekend(spec: _Spec, pub: dt.date, tense: Tense) -> tuple[dt.date, dt.date]:
    today = pub.weekday()
    if spec.modifier == "last":
        sunday = pub - dt.timedelta(days=(today - 6) % 7 or 7)
    elif spec.modifier == "next":
        sunday = pub + dt.timedelta(days=(5 - today) % 7 or 7) + dt.timedelta(days=1)
    elif tense == "future":
        sunday = pub + dt.timedelta(days=(6 - today) % 7)
    else:
        sunday = pub - dt.timedelta(days=(today - 5) % 7) + dt.timedelta(days=1)
    return sunday - dt.timedelta(days=1), sunday


def _monthday_date(spec: _Spec, pub: dt.date | None, tense: Tense) -> dt.date | None:
    month, day = spec.month or 1, spec.day or 1
    if spec.year is not None:
        return dt.date(spec.year, month, day) if day <= _max_day(month, spec.year) else None
    if pub is None:
        return None
    if spec.year_offset is not None:
        year = pub.year + spec.year_offset
        return dt.date(year, month, day) if day <= _max_day(month, year) else None
    if spec.weekday is not None:  # "Tuesday, February 14": the nearby year where that day is a Tuesday
        fits = [
            dt.date(y, month, day)
            for y in (pub.year, pub.year - 1, pub.year + 1)
            if day <= _max_day(month, y) and dt.date(y, month, day).weekday() == spec.weekday
        ]
        if fits:
            return min(fits, key=lambda d: abs((d - pub).days))
    step = 1 if tense == "future" else -1
    year = pub.year
    for _ in range(9):  # February 29 may be up to eight years away
        if day <= _max_day(month, year):
            candidate = dt.date(year, month, day)
            if (candidate >= pub) if step == 1 else (candidate <= pub):
                return candidate
        year += step
    return None


def _month_year(spec: _Spec, pub: dt.date | None, tense: Tense) -> int | None:
    month = spec.month or 1
    if spec.year is not None:
        return spec.year
    if pub is None:
        return None
    if spec.year_offset is not None:
        return pub.year + spec.year_offset
    if spec.modifier == "this":
        return pub.year
    if spec.modifier == "last":
        return pub.year if month < pub.month else pub.year - 1
    if spec.modifier == "next" or tense == "future":
        strictly = spec.modifier == "next"
        return pub.year if (month > pub.month if strictly else month >= pub.month) else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _resolve(spec: _Spec, pub: dt.date | None, tense: Tense) -> tuple[DateValue | None, DateValue | None]:
    """The date (and, for weekends and year-straddling weeks, an end date) that a spec stands for."""
    if spec.kind == "year":
        return (_year_value(spec.year), None) if spec.year is not None else (None, None)
    if spec.kind == "monthday":
        day = _monthday_date(spec, pub, tense)
        return (DateValue.of(day), None) if day else (None, None)
    if spec.kind == "month":
        year = _month_year(spec, pub, tense)
        return (_month_value(year, spec.month or 1), None) if year is not None else (None, None)
    if spec.kind == "season":  # "next spring": the year of that season, no finer
        year = _month_year(spec, pub, tense)
        return (_year_value(year), None) if year is not None else (None, None)
    if pub is None:
        return None, None
    if spec.kind == "weekday":
        return DateValue.of(_weekday_date(spec, pub, tense)), None
    if spec.kind == "days":
        return DateValue.of(pub + dt.timedelta(days=spec.n)), None
    if spec.kind == "weeks":
        return _week_of(pub + dt.timedelta(days=7 * spec.n))
    if spec.kind == "weeksago":
        return DateValue.of(pub - dt.timedelta(days=7 * spec.n), "month"), None
    if spec.kind == "months":
        return _month_value(*_shift_month(pub.year, pub.month, spec.n)), None
    if spec.kind == "years":
        return _year_value(pub.year + spec.n), None
    if spec.kind == "weekend":
        saturday, sunday = _weekend(spec, pub, tense)
        return DateValue.of(saturday), DateValue.of(sunday)
    # vague: "a few days ago" is only as precise as the window it could mean
    low, high = _VAGUE_AGO[spec.unit or "day"]
    if spec.unit == "month":
        first = dt.date(*_shift_month(pub.year, pub.month, -high), 1)
        last = dt.date(*_shift_month(pub.year, pub.month, -low), 1)
    else:
        scale = 7 if spec.unit == "week" else 1
        first, last = pub - dt.timedelta(days=high * scale), pub - dt.timedelta(days=low * scale)
    value, end = _cover(first, last)
    return (value, None) if end is None else (None, None)


def _open_year(spec: _Spec) -> bool:
    """A month or date whose year comes from context (not stated, not "last year")."""
    stated = spec.year is not None or spec.year_offset is not None or spec.modifier is not None
    return spec.kind in ("monthday", "month") and not stated


def _resolve_end(spec: _Spec, start: DateValue | None, pub: dt.date | None, tense: Tense) -> DateValue | None:
    """A range's end: the first matching date on or after the start (a weekday: strictly after)."""
    if start is None or not (_open_year(spec) or (spec.kind == "weekday" and spec.week_offset is None)):
        value = _resolve(spec, pub, tense)[0]
        if value is not None and start is not None and value.last_day() < start.first_day():
            return None
        return value
    begin = start.first_day()
    if spec.kind == "weekday":
        after = start.last_day() if start.precision == "day" else begin - dt.timedelta(days=1)
        return DateValue.of(after + dt.timedelta(days=(spec.n - after.weekday()) % 7 or 7))
    month = spec.month or 1
    if spec.kind == "month":
        year = begin.year if month >= begin.month else begin.year + 1
        return _month_value(year, month)
    day = spec.day or 1
    for year in range(begin.year, begin.year + 9):
        if day <= _max_day(month, year) and dt.date(year, month, day) >= begin:
            return DateValue.of(dt.date(year, month, day))
    return None


def _inherit_year(start: _Spec, end: _Spec, pub: dt.date | None) -> _Spec:
    """"March to May 2023": the start takes the end's year (the year before if it would follow the end)."""
    if not _open_year(start) or end.kind not in ("monthday", "month"):
        return start
    year = end.year
    if year is None and pub is not None and end.year_offset is not None:
        year = pub.year + end.year_offset
    if year is None:
        return start
    start_key = (start.month or 1, start.day or 1)
    end_key = (end.month or 1, end.day or (_max_day(end.month or 1, year)))
    return replace(start, year=year - 1 if start_key > end_key else year)


def _tense_matters(spec: _Spec | None) -> bool:
    if spec is None:
        return False
    if spec.kind in ("weekday", "weekend"):
        return spec.modifier in (None, "this") and spec.week_offset is None
    return _open_year(spec)


def _needs_tense(cand: _Cand) -> bool:
    """Whether the reading of a candidate depends on past/future (a weekday, a month without a year…)."""
    return _tense_matters(cand.spec) or _tense_matters(cand.end_spec)


def _express(sentence: str, cand: _Cand, pub: dt.date | None, tense: Tense) -> TimeExpression:
    text = sentence[cand.start:cand.end]
    if cand.spec is None:
        return TimeExpression(cand.start, cand.end, text, None, None, "relative_anaphoric")
    if cand.kind == "since":
        tense = "past"
    if cand.end_spec is not None:
        start_spec = _inherit_year(cand.spec, cand.end_spec, pub)
        date = _resolve(start_spec, pub, tense)[0]
        end = _resolve_end(cand.end_spec, date, pub, tense)
        if end is None and date is not None:
            return TimeExpression(cand.start, cand.end, text, date, None, "point")
        return TimeExpression(cand.start, cand.end, text, date, end, "range")
    date, end = _resolve(cand.spec, pub, tense)
    kind = cand.kind
    if end is not None and kind == "point":
        kind = "range"
    elif kind != "point":
        end = None
    return TimeExpression(cand.start, cand.end, text, date, end, kind)


def find_time_expressions(
    sentence: str, published: dt.date | None, tense: Literal["past", "future"] | None = None
) -> list[TimeExpression]:
    """All time expressions in `sentence`, left to right, non-overlapping (longest match wins).

    `tense` None = read it from the verbs nearest each expression, falling back to
    :func:`detect_tense` for the whole sentence.  Prepositions ("in", "on") are not part of the span;
    words that change the meaning ("since", "from … to", "last", "early") are.
    """
    norm = _normalise(sentence)
    cands = _merge_weekday_dates(norm, _atoms(norm))
    if not cands:
        return []
    _qualify(norm, cands)
    cands = [c for c in _combine_ranges(norm, cands) if not c.weak]
    _bound(norm, cands)
    cues: _TenseCues | None = None
    out: list[TimeExpression] = []
    for cand in cands:
        cand_tense: Tense = tense or "past"
        if tense is None and cand.kind != "since" and _needs_tense(cand):
            cues = cues or _tense_cues(norm)
            cand_tense = _local_tense(norm, cues, cand.start, cand.end) or cues.sentence
        try:
            out.append(_express(sentence, cand, published, cand_tense))
        except (OverflowError, ValueError):  # a publication date at the very edge of the calendar
            text = sentence[cand.start:cand.end]
            out.append(TimeExpression(cand.start, cand.end, text, None, None, cand.kind))
    return out


# --------------------------------------------------------------------------------------------------
# Datelines

_DATELINE_HEAD = 300
_DATELINE_NO_YEAR = re.compile(
    rf"(?:(?P<city>[A-Z]{{2}}[A-Z .'-]*,\s*)|(?<![\w])){_month('m')}(?:\s+|(?<=\.)\s*){_day('d')}"
    rf"(?P<tail>\s*(?:\([^)]{{1,40}}\)\s*)?[-\u2014\u2015|:])?"
)


def find_dateline(text: str, published: dt.date | None = None) -> DateValue | None:
    """A date stated at the top of an article (its first ~300 characters), to the day.

    Full dates ("14 Feb 2023", "Feb. 14, 2023 —", "date 2023-02-13") are taken as written; a wire
    dateline without a year ("ANKARA, May 4 (Reuters) –") takes the year that puts it nearest to
    `published`, and gives None without it.
    """
    head = _normalise(text[:_DATELINE_HEAD])
    found: list[tuple[int, DateValue]] = []
    for pattern, handler in ((_ISO_RE, _h_iso), (_MD_RE, _h_monthday), (_DM_RE, _h_monthday)):
        for match in pattern.finditer(head):
            cand = handler(match, head)
            spec = cand.spec if cand is not None else None
            value = _resolve(spec, None, "past")[0] if spec is not None else None
            if value is not None:
                found.append((match.start(), value))
                break
    if found:
        return min(found, key=lambda f: f[0])[1]
    if published is None:
        return None
    for match in _DATELINE_NO_YEAR.finditer(head):
        if not (match["city"] or match["tail"]):
            continue
        month, day = _month_number(match["m"]), int(match["d"])
        options = [dt.date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)
                   if day <= _max_day(month, y)]
        if options:
            return DateValue.of(min(options, key=lambda d: abs((d - published).days)))
    return None
