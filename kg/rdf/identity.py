"""Deterministic IRIs, and the one place where facts from several articles are recognised as the same thing.

Actors and places are identified by their key (a Wikidata QID or a normalised name). A meeting reported by
several articles is recognised by :class:`MeetingRegistry`: same kind, compatible dates and shared
participants (a person also stands for the country they are affiliated with).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from kg.facts import DateValue, Meeting, Place
from kg.vocab import RESOURCE

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated: ``"Hossein Amir-Abdollahian"`` → ``"hossein-amir-abdollahian"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _SLUG_STRIP.sub("-", ascii_text.lower()).strip("-") or "x"


def short_hash(*parts: str, length: int = 12) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:length]


def actor_iri(key: str) -> NamedNode:
    """``wd:Q794`` → ``res:actor/Q794``; ``person:li-ming`` → ``res:actor/person/li-ming``."""
    if key.startswith("wd:"):
        return NamedNode(f"{RESOURCE}actor/{key[3:]}")
    kind, _, name = key.partition(":")
    return NamedNode(f"{RESOURCE}actor/{slug(kind)}/{slug(name or kind)}")


def place_iri(place: Place) -> NamedNode:
    if place.wikidata:
        return NamedNode(f"{RESOURCE}place/{place.wikidata}")
    return NamedNode(f"{RESOURCE}place/{slug(place.key.partition(':')[2] or place.key)}")


def agreement_iri(key: str) -> NamedNode:
    return NamedNode(f"{RESOURCE}agreement/{slug(key)}")


def position_iri(person_key: str, role: str, organization: str | None) -> NamedNode:
    return NamedNode(f"{RESOURCE}position/{short_hash(person_key, role.lower(), organization or '')}")


def span_iri(article_id: str, start: int, end: int) -> NamedNode:
    return NamedNode(f"{RESOURCE}span/{article_id}/{start}-{end}")


def mention_iri(article_id: str, start: int, end: int) -> NamedNode:
    return NamedNode(f"{RESOURCE}mention/{article_id}/{start}-{end}")


def statement_iri(article_id: str, start: int, end: int) -> NamedNode:
    return NamedNode(f"{RESOURCE}statement/{article_id}/{start}-{end}")


def evidence_iri(article_id: str, fact: NamedNode) -> NamedNode:
    return NamedNode(f"{RESOURCE}evidence/{article_id}/{short_hash(fact.value)}")


@dataclass
class KnownMeeting:
    """A meeting already in the graph, as the registry compares it."""

    iri: NamedNode
    kind: str
    persons: frozenset[str]  # the participants as stated (actor IRIs)
    countries: frozenset[str]  # the countries the stated people belong to
    date: DateValue | None
    end_date: DateValue | None
    article_id: str
    published: dt.date | None


def _dates_compatible(a: KnownMeeting, b: KnownMeeting) -> bool:
    if a.date is not None and b.date is not None:
        a_end = a.end_date or a.date
        b_end = b.end_date or b.date
        return a.date.first_day() <= b_end.last_day() and b.date.first_day() <= a_end.last_day()
    # Without a date on one side, only reports published close together of the very same participants.
    if a.published is None or b.published is None or a.persons != b.persons:
        return False
    return abs((a.published - b.published).days) <= 14


def _shared(known: KnownMeeting, candidate: KnownMeeting, affiliations: dict[str, str]) -> int:
    """How many of the candidate's participants the known meeting has: the same actor, or a country standing for
    one of its people ("Raisi's visit to China" and "Raisi met Xi"). Two people of one country are not one."""
    return sum(1 for p in candidate.persons if p in known.persons or p in known.countries
               or affiliations.get(p) in known.persons)


@dataclass
class MeetingRegistry:
    """Finds, for a meeting read from one article, the IRI it already has from another article."""

    known: list[KnownMeeting] = field(default_factory=list)

    def resolve(
        self,
        meeting: Meeting,
        article_id: str,
        published: dt.date | None,
        participant_iris: list[NamedNode],
        affiliations: dict[str, str],
    ) -> NamedNode:
        """The meeting's IRI: an existing one when another article reports the same meeting, else a new
        one minted from the meeting's content. The meeting is remembered for later articles."""
        persons = frozenset(p.value for p in participant_iris)
        candidate = KnownMeeting(
            NamedNode(RESOURCE),
            meeting.kind,
            persons,
            frozenset(affiliations[p] for p in persons if p in affiliations),
            meeting.date,
            meeting.end_date,
            article_id,
            published,
        )
        needed = min(2, len(persons))
        # an IRI this article already gave one of its meetings is taken: one article's meetings stay apart
        taken = {k.iri for k in self.known if k.article_id == article_id}
        for known in self.known:
            if known.article_id == article_id or known.kind != meeting.kind or known.iri in taken:
                continue
            if _shared(known, candidate, affiliations) < needed:
                continue
            if _dates_compatible(known, candidate):
                candidate.iri = known.iri
                self.known.append(candidate)
                return known.iri
        digest = short_hash(
            meeting.kind,
            str(meeting.date or ""),
            *sorted(persons),
            "" if meeting.date else article_id,
        )
        iri = NamedNode(f"{RESOURCE}meeting/{digest}")
        for known in self.known:
            if known.iri == iri and known.article_id == article_id:
                # the same content twice in one article is still two meetings
                iri = NamedNode(f"{RESOURCE}meeting/{short_hash(digest, meeting.local_id)}")
                break
        candidate.iri = iri
        self.known.append(candidate)
        return iri

    def forget_article(self, article_id: str) -> None:
        self.known = [k for k in self.known if k.article_id != article_id]

