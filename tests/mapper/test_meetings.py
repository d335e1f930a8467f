"""Stage 4: meetings from many trigger shapes, merged into events."""

from __future__ import annotations

import datetime as dt

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article

PUB = dt.date(2024, 3, 14)  # a Thursday


def _facts(text: str, published: dt.date | None = PUB) -> ArticleFacts:
    return map_article(text, ArticleMeta("t", published=published))


def _labels(f: ArticleFacts, keys: tuple[str, ...]) -> set[str]:
    return {f.actors[k].label for k in keys}


def test_met_with_unknown_people_with_date_and_place() -> None:
    f = _facts("Peruvian Foreign Minister Rosa Quispe met with Chilean Foreign Minister Tomas Berg in Lima on Tuesday.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Rosa Quispe", "Tomas Berg"}
    assert str(m.date) == "2024-03-12" and m.place is not None and m.place.label == "Lima"
    assert m.status == "happened" and m.evidence.rule.startswith("meeting.")


def test_phone_conversation() -> None:
    f = _facts("Kenyan Foreign Minister Grace Otieno held a phone conversation with "
               "Ethiopian Foreign Minister Tesfaye Alemu on Monday.")
    [m] = f.meetings
    assert m.kind == "phone_call" and str(m.date) == "2024-03-11"


def test_separate_meetings_are_two_events() -> None:
    f = _facts("Defense Minister Li Ming held separate meetings with Army Chief Omar Haddad and "
               "Interior Minister Yusuf Karim on Monday.")
    assert len(f.meetings) == 2
    assert all(len(m.participants) == 2 for m in f.meetings)


def test_planned_visit_with_host_and_dates() -> None:
    f = _facts("Kenyan President Ruto Kamau is expected to pay a state visit to Peru next week at the invitation "
               "of President Rosa Quispe. The visit, scheduled for Monday through Wednesday, will focus on trade.",
               dt.date(2024, 3, 13))
    [m] = f.meetings
    assert m.kind == "state_visit" and m.status == "scheduled"
    assert _labels(f, m.participants) == {"Ruto Kamau", "Rosa Quispe"}
    assert str(m.date) == "2024-03-18" and str(m.end_date) == "2024-03-20"


def test_group_subject_resolves_to_previous_meeting_and_dates_split_events() -> None:
    f = _facts("Foreign Minister Ana Ribeiro met Foreign Minister Hakan Demir in Ankara on Wednesday. "
               "The two ministers last met in December in Brasília.")
    assert len(f.meetings) == 2
    assert {str(m.date) for m in f.meetings} == {"2024-03-13", "2023-12"}


def test_same_meeting_twice_is_one_event() -> None:
    f = _facts("Foreign Minister Ana Ribeiro met Foreign Minister Hakan Demir on Wednesday.\n"
               "Ribeiro met with Demir on Wednesday in Ankara, officials said.")
    assert len(f.meetings) == 1


def test_no_meeting_without_two_participants() -> None:
    assert _facts("The talks have gone nowhere so far.").meetings == []
