"""Plain fact objects: the contract between the mapper (text → facts) and the RDF layer (facts → triples).

Every fact carries :class:`Evidence` — the sentence of the article that reports it, with character
offsets into the original file — plus the rule that produced it and a confidence score.
Actors are referred to by their ``key`` (see :class:`Actor`); meetings and agreements inside one
article by their ``local_id``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class DateValue:
    """A calendar date at the precision the text supports: ``2021``, ``2022-09`` or ``2022-09-14``."""

    value: str

    def __post_init__(self) -> None:
        match = _DATE_RE.match(self.value)
        if not match:
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {self.value!r}")
        year, month, day = match.groups()
        if day is not None:
            dt.date(int(year), int(month), int(day))
        elif month is not None and not 1 <= int(month) <= 12:
            raise ValueError(f"month out of range: {self.value!r}")

    @property
    def precision(self) -> Precision:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]  # type: ignore[return-value]

    @classmethod
    def of(cls, day: dt.date, precision: Precision = "day") -> DateValue:
        text = day.isoformat()
        return cls(text[: {"year": 4, "month": 7, "day": 10}[precision]])

    def first_day(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last_day(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(parts[0], 12, 31)

    def overlaps(self, other: DateValue) -> bool:
        return self.first_day() <= other.last_day() and other.first_day() <= self.last_day()

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into the original article text, with that text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence (offsets into the article) and the rule that read it."""

    sentence: Span
    rule: str
    confidence: float = 0.8


ActorType = Literal[
    "person",
    "country",
    "government",
    "ministry",
    "military",
    "international_organization",
    "news_organization",
    "organization",
]
"""``type`` column values; ``organization`` is the catch-all for other organisations."""


@dataclass(frozen=True)
class Actor:
    """A person, country or organisation. ``key`` is its identity across articles.

    ``key`` is ``wd:Q…`` for actors linked to Wikidata, otherwise a normalised name such as
    ``person:li-ming`` — the same key in two articles means the same actor.
    """

    key: str
    label: str
    type: ActorType
    wikidata: str | None = None  # "Q794"
    aliases: tuple[str, ...] = ()
    country: str | None = None  # key of the country the actor belongs to, when known


@dataclass(frozen=True)
class Place:
    """A place where a meeting happened (city, country, region)."""

    key: str
    label: str
    wikidata: str | None = None


@dataclass(frozen=True)
class Mention:
    """One span of text that refers to an actor (a name, a role phrase, a pronoun, a demonym)."""

    actor: str  # Actor.key
    span: Span
    kind: Literal["name", "alias", "surname", "role", "pronoun", "demonym", "metonym", "group"]
    evidence: Evidence


@dataclass(frozen=True)
class PositionHolding:
    """"Chinese Defense Minister Wei Fenghe": a person holding a role, as of the article date."""

    person: str  # Actor.key
    role: str
    evidence: Evidence
    organization: str | None = None  # Actor.key of the country/organisation
    as_of: DateValue | None = None


MeetingKind = Literal["state_visit", "meeting", "phone_call", "talks", "summit", "video_call"]
Status = Literal["happened", "scheduled"]


@dataclass(frozen=True)
class Meeting:
    local_id: str  # unique inside the article, e.g. "m1"
    kind: MeetingKind
    participants: tuple[str, ...]  # Actor.keys, at least two when known
    evidence: Evidence
    status: Status = "happened"
    date: DateValue | None = None
    end_date: DateValue | None = None
    place: Place | None = None
    host: str | None = None
    visitor: str | None = None
    part_of: str | None = None  # local_id of the larger event (a meeting during a visit)
    name: str | None = None  # "the SCO summit in Samarkand"


AgreementStatus = Literal["signed", "planned", "mentioned"]


@dataclass(frozen=True)
class Agreement:
    local_id: str
    name: str
    parties: tuple[str, ...]  # Actor.keys
    evidence: Evidence
    key: str | None = None  # cross-article identity (reference agreement or content key)
    date: DateValue | None = None  # signing date
    status: AgreementStatus = "mentioned"
    duration_years: int | None = None
    topics: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other names the article uses for it
    wikidata: str | None = None


Medium = Literal[
    "tweet", "op-ed", "interview", "statement", "press_conference", "address", "phone_call", "meeting", "letter",
    "report",
]


@dataclass(frozen=True)
class Statement:
    local_id: str
    speakers: tuple[str, ...]  # Actor.keys, one or more (joint statements)
    content: Span  # the quoted or reported words, as in the article
    direct: bool
    evidence: Evidence
    cue: str | None = None  # the speech verb or frame: "said", "according to"
    addressee: str | None = None  # Actor.key
    meeting: str | None = None  # Meeting.local_id it was made in
    medium: Medium | None = None
    source: str | None = None  # Actor.key of a channel that relayed it ("IRNA reported")
    date: DateValue | None = None


@dataclass(frozen=True)
class ArticleMeta:
    """What is known of an article besides its text (from sources.yaml or the ingest command)."""

    article_id: str  # the file stem
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class ArticleFacts:
    """Everything the mapper read in one article."""

    meta: ArticleMeta
    text: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[PositionHolding] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    dateline: DateValue | None = None  # a date found in the text when sources.yaml gives none
