"""Meetings as a frame: a trigger (verb or noun) with its participants, status, date and place, on varied wording.

The sentences are made up (people are fictional) and deliberately unlike the dev corpus: each case names a pattern that
must fire, or must not fire, on unseen text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article

PUB = dt.date(2024, 3, 14)  # a Thursday


def _facts(text: str, published: dt.date | None = PUB) -> ArticleFacts:
    return map_article(text, ArticleMeta("t", published=published))


def _people(f: ArticleFacts) -> list[set[str]]:
    return [{f.actors[k].label for k in m.participants} for m in f.meetings]


HELD = [
    # (sentence, participants that must be in one meeting)
    ("Peruvian Foreign Minister Rosa Quispe held talks with her Chilean counterpart Tomas Berg in Lima on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian Foreign Minister Rosa Quispe sat down with Chilean Foreign Minister Tomas Berg in Lima on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Kenyan President Ruto Kamau hosted Ethiopian Prime Minister Abiy Tesfaye at State House on Monday.",
     {"Ruto Kamau", "Abiy Tesfaye"}),
    ("Chilean Foreign Minister Tomas Berg was received by Peruvian President Rosa Quispe in Lima on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian President Rosa Quispe welcomed Chilean President Tomas Berg to Lima on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian Foreign Minister Rosa Quispe spoke by phone with Chilean Foreign Minister Tomas Berg on Monday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Colombian Foreign Minister Lina Pardo Vega spoke by phone on Tuesday with her Uruguayan counterpart, "
     "Martin Sosa Ferrer, about migration.", {"Lina Pardo Vega", "Martin Sosa Ferrer"}),
    ("Peruvian President Rosa Quispe and Chilean President Tomas Berg held a video conference on Monday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("A meeting between Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg took place in "
     "Lima on Tuesday.", {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg co-chaired the joint commission "
     "in Lima on Tuesday.", {"Rosa Quispe", "Tomas Berg"}),
    ("Chilean Foreign Minister Tomas Berg's meeting with Peruvian Foreign Minister Rosa Quispe on Tuesday focused "
     "on trade.", {"Rosa Quispe", "Tomas Berg"}),
    ("Austrian Chancellor Jonas Brandl hosted his Slovak and Czech counterparts, Pavol Hudak and Tomas Rybar, for a "
     "trilateral meeting in Graz on Wednesday.", {"Jonas Brandl", "Pavol Hudak", "Tomas Rybar"}),
    ("Peru and Chile held talks in Lima on Tuesday.", {"Peru", "Chile"}),
    ("Delegations from Peru and Chile met in Lima on Tuesday.", {"Peru", "Chile"}),
    ("Peruvian Foreign Minister Rosa Quispe, Chilean Foreign Minister Tomas Berg and Bolivian Foreign Minister "
     "Luis Mendoza met in La Paz on Tuesday.", {"Rosa Quispe", "Tomas Berg", "Luis Mendoza"}),
    ("Peruvian President Rosa Quispe met Chilean President Tomas Berg on the sidelines of the G20 summit in New Delhi "
     "on Saturday.", {"Rosa Quispe", "Tomas Berg"}),
]


@pytest.mark.parametrize(("text", "who"), HELD, ids=[t[:40] for t, _ in HELD])
def test_held_meeting_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert any(who <= p for p in _people(f)), _people(f)
    assert all(m.status == "happened" for m in f.meetings)


VISITS = [
    "Chilean President Tomas Berg paid a visit to Peru on Tuesday.",
    "Chilean President Tomas Berg arrived in Lima on Tuesday for a two-day visit.",
    "Chilean President Tomas Berg wrapped up a visit to Peru on Wednesday.",
    "Chilean President Tomas Berg wrapped up on Wednesday a three-day state visit to Peru.",
]


@pytest.mark.parametrize("text", VISITS, ids=[t[:50] for t in VISITS])
def test_visits_happened(text: str) -> None:
    f = _facts(text)
    [m] = f.meetings
    assert m.status == "happened" and {"Tomas Berg", "Peru"} <= _people(f)[0]


PLANNED = [
    "Peruvian Foreign Minister Rosa Quispe will visit Chile next week.",
    "Peruvian Foreign Minister Rosa Quispe is expected to meet Chilean Foreign Minister Tomas Berg next week.",
    "Peruvian Foreign Minister Rosa Quispe is due to travel to Santiago on Friday.",
    "Peruvian Foreign Minister Rosa Quispe would travel to Santiago in June for the next session of the commission.",
    "Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg agreed to meet again in May.",
    "Chilean Foreign Minister Tomas Berg is expected to travel to Lima next month to co-chair the joint committee with "
    "Peruvian Foreign Minister Rosa Quispe.",
]


@pytest.mark.parametrize("text", PLANNED, ids=[t[:50] for t in PLANNED])
def test_planned_meetings_are_scheduled(text: str) -> None:
    f = _facts(text)
    assert f.meetings, "a planned meeting is still a meeting"
    assert all(m.status == "scheduled" for m in f.meetings)


NOT_MEETINGS = [
    "Peruvian President Rosa Quispe invited Chilean President Tomas Berg to visit Lima.",
    "Peruvian President Rosa Quispe called for a summit with Chile.",
    "Peruvian President Rosa Quispe proposed talks with Chilean President Tomas Berg.",
    "Chilean President Tomas Berg cancelled a planned visit to Peru.",
    "Chilean President Tomas Berg declined an invitation to visit Peru.",
    "Peruvian President Rosa Quispe postponed her visit to Chile.",
    "Chilean President Tomas Berg's visit to Peru was called off.",
    "Peruvian Foreign Minister Rosa Quispe told reporters she hoped to meet Chilean Foreign Minister Tomas Berg soon.",
    "Peruvian President Rosa Quispe said the government had met the demands of protesters.",
    "Peruvian President Rosa Quispe said Peru would meet its emissions targets.",
    "Peru met all the requirements of the Chilean authorities, President Rosa Quispe said.",
    "The Chilean national football team visited Peru on Tuesday.",
    "Peruvian President Rosa Quispe said Peru was ready to host talks between Chile and Bolivia.",
    "Peruvian President Rosa Quispe returned to Lima on Tuesday.",
    "Chilean President Tomas Berg ruled out a meeting with Peruvian President Rosa Quispe.",
    "Peruvian President Rosa Quispe spoke of a possible visit by Chilean President Tomas Berg.",
]


@pytest.mark.parametrize("text", NOT_MEETINGS, ids=[t[:50] for t in NOT_MEETINGS])
def test_not_meetings(text: str) -> None:
    f = _facts(text)
    assert not f.meetings, [(m.kind, _people(f)) for m in f.meetings]


def test_trip_home_after_talks_abroad_is_not_a_visit_abroad() -> None:
    f = _facts("Peruvian President Rosa Quispe returned to Lima on Tuesday after talks in Chile.")
    assert not any(m.kind == "state_visit" for m in f.meetings)


def test_date_after_trigger_before_partner() -> None:
    f = _facts("Colombian Foreign Minister Lina Pardo Vega spoke by phone on Tuesday with her Uruguayan counterpart, "
               "Martin Sosa Ferrer.")
    [m] = f.meetings
    assert m.kind == "phone_call" and str(m.date) == "2024-03-12"


def test_possessive_name_has_no_apostrophe() -> None:
    f = _facts("Chilean Foreign Minister Tomas Berg's meeting with Peruvian Foreign Minister Rosa Quispe on Tuesday "
               "focused on trade.")
    assert "Tomas Berg" in {a.label for a in f.actors.values()}
    assert not any("'s" in a.label for a in f.actors.values())


def test_commission_cochaired_by_named_people_keeps_people() -> None:
    f = _facts("Foreign Minister Rosa Quispe and her Chilean counterpart Tomas Berg co-chaired the fifth session of "
               "the Peru-Chile joint commission in Lima on Tuesday.")
    assert any({"Rosa Quispe", "Tomas Berg"} <= p for p in _people(f))


def test_long_arabic_name_with_particles() -> None:
    f = _facts("Omani Foreign Minister Salim Al-Harthy held talks with Qatari Foreign Minister Sheikh Hamad bin "
               "Khalid Al Thani in Doha on Monday.")
    assert any("Hamad bin Khalid Al Thani" in p for p in _people(f)), _people(f)


MORE_HELD = [
    ("Turkish President Ali Kaya received a phone call from Azerbaijani President Ilham Rzayev on Friday.",
     {"Ali Kaya", "Ilham Rzayev"}),
    ("Japanese Prime Minister Hiro Tanaka spoke with Kenyan President John Carter by telephone on Tuesday.",
     {"Hiro Tanaka", "John Carter"}),
    ("Russian Foreign Minister Sergei Orlov is visiting Pyongyang this week.", {"Sergei Orlov"}),
    ("The two foreign ministers' meeting on Monday, between Anita Rana and Bangladesh's Karim Uddin, prepared the "
     "leaders' talks.", {"Anita Rana", "Karim Uddin"}),
    ("The visit follows a meeting last week in the border town of Kasserine between the two countries' interior "
     "ministers, Tunisia's Nabil Gharbi and Algeria's Omar Zerrouki.", {"Nabil Gharbi", "Omar Zerrouki"}),
    ("Prime Minister Ram Bahadur Karki arrived. A meeting between Karki and Sri Lankan President Nimal Perera "
     "followed on Wednesday.", {"Ram Bahadur Karki", "Nimal Perera"}),
]


@pytest.mark.parametrize(("text", "who"), MORE_HELD, ids=[t[:40] for t, _ in MORE_HELD])
def test_more_held_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert any(who <= p for p in _people(f)), _people(f)


def test_meeting_between_pair_ignores_possessive_group_subject() -> None:
    f = _facts("Prime Minister Ram Bahadur Karki met Bangladeshi Prime Minister Rina Akter on Tuesday. "
               "The two foreign ministers' meeting on Monday, between Anita Rana and Bangladesh's Karim Uddin, "
               "prepared the leaders' talks.")
    assert {"Anita Rana", "Karim Uddin"} in _people(f)


def test_dateline_does_not_date_the_meeting() -> None:
    f = _facts("ATHENS, Sept 23 (Balkan Wire) — Greek Prime Minister Nikos Stavrou hosted Serbian Prime Minister "
               "Marko Ilic in Thessaloniki on Wednesday.", dt.date(2021, 9, 23))
    [m] = f.meetings
    assert str(m.date) == "2021-09-22"


def test_bilateral_meeting_beside_trilateral_is_its_own_event() -> None:
    f = _facts("Austrian Chancellor Jonas Brandl hosted his Slovak and Czech counterparts, Pavol Hudak and Tomas "
               "Rybar, for a trilateral meeting in Graz on Wednesday. Before the trilateral session, Hudak and Rybar "
               "held a bilateral meeting over breakfast.")
    groups = _people(f)
    assert {"Jonas Brandl", "Pavol Hudak", "Tomas Rybar"} in groups and {"Pavol Hudak", "Tomas Rybar"} in groups


def test_titled_short_form_of_a_long_name_is_the_same_person() -> None:
    f = _facts("Omani Foreign Minister Salim Al-Harthy held talks with Qatari Foreign Minister Sheikh Hamad bin "
               "Khalid Al Thani in Doha on Monday. On Wednesday, Sheikh Hamad spoke by phone with Azerbaijani Foreign "
               "Minister Elchin Guliyev.")
    labels = {a.label for a in f.actors.values()}
    assert "Hamad" not in labels
    assert {"Hamad bin Khalid Al Thani", "Elchin Guliyev"} in _people(f)


def test_surname_with_particle() -> None:
    f = _facts("Minister of State Saeed Al Nuaimi welcomed Armenian Deputy Foreign Minister Aram Petrosyan on Tuesday. "
               "Al Nuaimi told his guest that the talks were useful.")
    assert "Al Nuaimi" not in {a.label for a in f.actors.values()}


@pytest.mark.parametrize("text", [
    "Kenyan President Ruto Kamau said he looked forward to meeting Ugandan President Yoweri Okello.",
    "Uganda hosted the African Union summit in Kampala last year.",
    "Kenya will host the next round of talks between Sudan's warring parties.",
    "Kenyan President Ruto Kamau received an award from the African Union on Monday.",
    "Kenyan President Ruto Kamau welcomed the decision by Uganda to reopen the border.",
    "Kenyan President Ruto Kamau called Ugandan President Yoweri Okello a friend of Kenya.",
])
def test_more_non_meetings(text: str) -> None:
    assert not _facts(text).meetings


def test_unnamed_counterpart_stands_for_its_country() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa held talks with her Tanzanian counterpart on Monday.")
    assert _people(f) == [{"Amina Wekesa", "Tanzania"}]


def test_minister_arrival_is_told_by_the_talks_of_the_next_day() -> None:
    f = _facts("Brazilian Foreign Minister Ana Paula Ribeiro arrived in Ankara late on Tuesday. On Wednesday, "
               "Ribeiro held talks with Turkish Foreign Minister Hakan Demir.")
    assert [m.kind for m in f.meetings] != ["state_visit", "meeting"]
    assert any({"Ana Paula Ribeiro", "Hakan Demir"} <= p for p in _people(f))


def test_accepted_invitation_makes_the_inviter_the_host() -> None:
    f = _facts("Prime Minister Ram Bahadur Karki met Sri Lankan President Nimal Perera on Wednesday. Perera invited "
               "Karki to pay a state visit to Colombo. Karki accepted the invitation and will travel to Colombo early "
               "next year.", dt.date(2024, 9, 26))
    planned = [m for m in f.meetings if m.status == "scheduled"]
    assert planned and {f.actors[k].label for k in planned[0].participants} == {"Ram Bahadur Karki", "Nimal Perera"}
    assert str(planned[0].date) == "2025"
