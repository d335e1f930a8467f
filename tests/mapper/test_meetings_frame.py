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
    "The two ministers confirmed that Peruvian Prime Minister Rosa Quispe would visit Santiago next month.",
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
    "Asked whether Chilean President Tomas Berg would visit Peru this year, the spokesman declined to comment.",
    "Peruvian spokesman Luis Arce told reporters on Monday that technical teams would visit Santiago next week.",
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


PASSIVE_AND_NOUN = [
    ("Talks between Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg were held in Lima "
     "on Tuesday.", {"Rosa Quispe", "Tomas Berg"}),
    ("A meeting was held between Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg on "
     "Tuesday.", {"Rosa Quispe", "Tomas Berg"}),
    ("Chilean Foreign Minister Tomas Berg was hosted by Peruvian Foreign Minister Rosa Quispe in Lima on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Chilean President Tomas Berg was given a red-carpet welcome by Peruvian President Rosa Quispe on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian President Rosa Quispe conferred with Chilean President Tomas Berg on Monday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian President Rosa Quispe exchanged views with Chilean President Tomas Berg on Monday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian and Chilean officials held talks in Lima on Tuesday.", {"Peru", "Chile"}),
    ("Talks between the Peruvian and Chilean delegations were held in Lima on Tuesday.", {"Peru", "Chile"}),
    ("Peru and Chile held a new round of negotiations on a free trade agreement in Lima on Tuesday.",
     {"Peru", "Chile"}),
    ("Peruvian Foreign Minister Rosa Quispe is in Santiago on a two-day visit.", {"Rosa Quispe", "Chile"}),
]


@pytest.mark.parametrize(("text", "who"), PASSIVE_AND_NOUN, ids=[t[:40] for t, _ in PASSIVE_AND_NOUN])
def test_passive_and_noun_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert any(who <= p for p in _people(f)), _people(f)


def test_medium_after_the_trigger_makes_a_call() -> None:
    f = _facts("Peruvian President Rosa Quispe met with Chilean President Tomas Berg by video link on Monday.")
    [m] = f.meetings
    assert m.kind in ("video_call", "phone_call")


def test_bare_passive_invitation_is_no_meeting() -> None:
    assert not _facts("Peruvian President Rosa Quispe has been invited to visit Chile.").meetings


def test_season_gives_the_year() -> None:
    f = _facts("Greek Prime Minister Nikos Stavrou and Serbian Prime Minister Marko Ilic signed a declaration and "
               "agreed to meet again in Belgrade next spring.", dt.date(2021, 9, 23))
    planned = [m for m in f.meetings if m.status == "scheduled"]
    assert planned and str(planned[0].date) == "2022"


def test_sentence_subject_of_an_infinitive_trigger() -> None:
    f = _facts("Greek Prime Minister Nikos Stavrou hosted Serbian Prime Minister Marko Ilic and Hungarian Prime "
               "Minister Peter Kiss in Thessaloniki on Wednesday. The three leaders signed a joint declaration on "
               "energy security and agreed to commission a feasibility study for a gas interconnector and to meet "
               "again in Belgrade next spring.", dt.date(2021, 9, 23))
    planned = [m for m in f.meetings if m.status == "scheduled"]
    assert planned and {"Nikos Stavrou", "Marko Ilic", "Peter Kiss"} <= {f.actors[k].label
                                                                        for k in planned[0].participants}


def test_signing_with_partner_during_talks() -> None:
    f = _facts("Thai Foreign Minister Pimchanok Srisuk signed an agreement on driving licences with Cambodian Foreign "
               "Minister Sok Vannak during talks in Phnom Penh on Thursday.")
    assert any({"Pimchanok Srisuk", "Sok Vannak"} <= p for p in _people(f))


def test_visit_that_ended_is_dated_back_from_its_end() -> None:
    f = _facts("Jordanian Foreign Minister Khaled Mansour paid a two-day official visit to Doha that ended on Tuesday, "
               "holding talks with Qatari Foreign Minister Sheikh Hamad bin Khalid Al Thani on Monday.",
               dt.date(2023, 3, 2))
    [m] = f.meetings
    assert str(m.date) == "2023-02-27"


CONTEXT_FRAMES = [
    ("In a phone call with Chilean Foreign Minister Tomas Berg on Tuesday, Peruvian Foreign Minister Rosa Quispe "
     "said ties were strong.", {"Rosa Quispe", "Tomas Berg"}),
    ("Peruvian Foreign Minister Rosa Quispe told Chilean Foreign Minister Tomas Berg during a phone call on Tuesday "
     "that ties were strong.", {"Rosa Quispe", "Tomas Berg"}),
    ("Chile’s foreign minister, Tomas Berg, met Peru’s foreign minister, Rosa Quispe, on Tuesday.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Wang Yi met with U.S. Secretary of State John Miller in Beijing on Monday.", {"Wang Yi", "John Miller"}),
]


@pytest.mark.parametrize(("text", "who"), CONTEXT_FRAMES, ids=[t[:40] for t, _ in CONTEXT_FRAMES])
def test_context_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert who in _people(f), _people(f)


def test_past_verb_after_a_leading_ahead_of_stays_held() -> None:
    f = _facts("Ahead of the summit, Peruvian President Rosa Quispe met Chilean President Tomas Berg on Monday.")
    [m] = f.meetings
    assert m.status == "happened" and str(m.date) == "2024-03-11"


def test_relative_clause_subject() -> None:
    f = _facts("Peruvian President Rosa Quispe, who met Chilean President Tomas Berg last week, said trade would grow.")
    assert _people(f) == [{"Rosa Quispe", "Tomas Berg"}]


def test_since_year_does_not_date_the_meeting() -> None:
    f = _facts("Peruvian President Rosa Quispe met Chilean President Tomas Berg for the first time since the 2022 "
               "election.")
    [m] = f.meetings
    assert m.date is None


@pytest.mark.parametrize("text", [
    "Peruvian President Rosa Quispe would meet Chilean President Tomas Berg if the ceasefire holds.",
    "Peruvian President Rosa Quispe hopes to host Chilean President Tomas Berg next year.",
    "Kenyan Foreign Minister Amina Wekesa called for a joint technical committee to meet before the end of the year.",
])
def test_conditional_hoped_and_proposed_are_no_meetings(text: str) -> None:
    assert not _facts(text).meetings


def test_delegation_from_a_country_is_the_guest() -> None:
    f = _facts("Kenyan President Ruto Kamau hosted a delegation from Uganda on Monday.")
    assert _people(f) == [{"Ruto Kamau", "Uganda"}]


@pytest.mark.parametrize("text", [
    "Kenya welcomed Ugandan President Yoweri Okello's remarks on trade.",
    "Kenyan President Ruto Kamau received a letter from Ugandan President Yoweri Okello.",
])
def test_welcoming_or_receiving_a_thing_is_no_meeting(text: str) -> None:
    assert not _facts(text).meetings


def test_place_from_town_of_phrase() -> None:
    f = _facts("Greek Prime Minister Nikos Stavrou hosted Serbian Prime Minister Marko Ilic in the northern port city "
               "of Kavala on Wednesday.")
    [m] = f.meetings
    assert m.place is not None and m.place.label == "Kavala"


def test_cue_word_outside_the_trigger_phrase_does_not_cancel_it() -> None:
    f = _facts("Peruvian President Rosa Quispe urged Chilean President Tomas Berg at their meeting in Lima on Monday "
               "to reopen the border.")
    assert any({"Rosa Quispe", "Tomas Berg"} <= p for p in _people(f)), _people(f)


def test_short_article_visit_talks_and_commission() -> None:
    text = ("LILONGWE, April 9 (Southern Wire) - Malawian President Chikondi Banda hosted Zambian President Mutale "
            "Phiri for talks at Kamuzu Palace on Tuesday.\n\nPhiri, who arrived in Lilongwe on Monday evening for a "
            "two-day state visit, said Zambia wanted a railway to the sea.\n\nForeign ministers Grace Mbewe of Zambia "
            "and Yusuf Kalua of Malawi held talks on Monday and agreed that a joint permanent commission would meet "
            "in Lusaka in November.\n\nBanda had invited Phiri to attend an investment forum in June, but Phiri "
            "declined.\n\nThe Zambian national football team will visit Malawi next month.")
    f = _facts(text, dt.date(2025, 4, 9))
    got = {(m.kind, m.status, frozenset(f.actors[k].label for k in m.participants)) for m in f.meetings}
    assert ("state_visit", "happened", frozenset({"Chikondi Banda", "Mutale Phiri"})) in got
    assert ("meeting", "scheduled", frozenset({"Zambia", "Malawi"})) in got
    talks = next(m for m in f.meetings if {f.actors[k].label for k in m.participants} == {"Grace Mbewe", "Yusuf Kalua"})
    assert talks.place is None or talks.place.label != "Lusaka"
    assert len(f.meetings) == 3


def test_call_a_week_after_a_meeting_is_two_events() -> None:
    f = _facts("Indonesian President Adi Wibowo and Australian Prime Minister Liam Carter discussed maritime security "
               "in a telephone call on Wednesday, a week after their meeting on the sidelines of the UN General "
               "Assembly in New York.", dt.date(2025, 10, 3))
    kinds = sorted(m.kind for m in f.meetings if {f.actors[k].label for k in m.participants}
                   == {"Adi Wibowo", "Liam Carter"})
    assert "phone_call" in kinds and "meeting" in kinds
    call = next(m for m in f.meetings if m.kind == "phone_call")
    meeting = next(m for m in f.meetings if m.kind == "meeting")
    assert call.place is None and str(call.date) == "2025-10-01" and str(meeting.date) == "2025-09"


def test_habitual_and_modifier_meetings_are_background() -> None:
    f = _facts("Australia and Indonesia have met every year since 2013 under the annual leaders' meeting mechanism.",
               dt.date(2025, 10, 3))
    assert not f.meetings


def test_counterparts_from_listed_countries_join_a_video_conference() -> None:
    f = _facts("Chinese Foreign Minister Wang Yi met Sierra Leonean Foreign Minister Timothy Kabba on Monday. Earlier, "
               "Wang had talks with his counterparts from Ghana, Benin and Togo in a video conference.")
    assert any({"Wang Yi", "Ghana", "Benin", "Togo"} <= p for p in _people(f)), _people(f)


R4_HELD = [
    # coordinated pair right before the verb, after a reporting clause
    ("The foreign ministry said Turkish Foreign Minister Selim Aydin and Greek Foreign Minister Nikos Pappas "
     "conferred by telephone on Sunday.", {"Selim Aydin", "Nikos Pappas"}),
    ("Peruvian Foreign Minister Rosa Quispe and Chilean Foreign Minister Tomas Berg conferred for two hours in Lima.",
     {"Rosa Quispe", "Tomas Berg"}),
    ("Colombian President Andres Guerrero hosted a dinner for Peruvian Foreign Minister Lucia Mendoza on Friday.",
     {"Andres Guerrero", "Lucia Mendoza"}),
    ("During Quispe's visit, Chilean Trade Minister Tomas Berg and Peruvian Foreign Minister Rosa Quispe discussed "
     "copper exports.", {"Rosa Quispe", "Tomas Berg"}),
]


@pytest.mark.parametrize(("text", "who"), R4_HELD, ids=[t[:40] for t, _ in R4_HELD])
def test_r4_held_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert any(who <= p for p in _people(f)), _people(f)


def test_phone_conferral_is_a_call() -> None:
    f = _facts("Officials said Turkish Foreign Minister Selim Aydin and Greek Foreign Minister Nikos Pappas conferred "
               "by telephone on Sunday.")
    assert [m.kind for m in f.meetings] == ["phone_call"]


def test_countries_discussing_is_no_meeting() -> None:
    f = _facts("Officials said Peru and Chile discussed the border in their statements.")
    assert not f.meetings


def test_first_talks_since_a_year_are_not_dated_by_it() -> None:
    f = _facts("Peruvian President Rosa Quispe hosted Chilean President Tomas Berg for a working lunch on Tuesday. "
               "Quispe's talks with Berg were the first since 2020.")
    assert len(f.meetings) == 1 and f.meetings[0].date is not None and f.meetings[0].date.value == "2024-03-12"


R5_HELD = [
    ("HANOI, Nov 8 (Wire) - In a call with Vietnamese Prime Minister Pham Van Long on Thursday, Japanese Prime "
     "Minister Hiroshi Tanabe pledged support.", {"Hiroshi Tanabe", "Pham Van Long"}),
    ("Australian Trade Minister Claire Whitlock arrived on Thursday. Vietnamese Prime Minister Pham Van Long spoke. "
     "Whitlock called on Long at the government office on Friday.", {"Claire Whitlock", "Pham Van Long"}),
    ("Brazilian Foreign Minister Joao Teixeira said he had spoken with Paraguayan Foreign Minister Luis Benitez by "
     "phone last week.", {"Joao Teixeira", "Luis Benitez"}),
    ("Indian Foreign Minister Arjun Mehta received a courtesy call from Maldivian envoy Ahmed Didi on Monday.",
     {"Arjun Mehta", "Ahmed Didi"}),
    ("Saudi Foreign Minister Faisal al-Harbi spoke on Monday. Al-Harbi will also host Bahraini Foreign Minister "
     "Khalid al-Zayani on Sunday.", {"Faisal al-Harbi", "Khalid al-Zayani"}),
    ("Brazilian President Rafael Moura and Argentine President Sofia Paredes met in Brasilia on Wednesday.",
     {"Rafael Moura", "Sofia Paredes"}),
]


@pytest.mark.parametrize(("text", "who"), R5_HELD, ids=[t[:40] for t, _ in R5_HELD])
def test_r5_held_frames(text: str, who: set[str]) -> None:
    f = _facts(text)
    assert any(who <= p for p in _people(f)), _people(f)


def test_called_on_country_to_act_is_no_meeting() -> None:
    assert not _facts("Peruvian President Rosa Quispe called on Chile to reopen the border.").meetings


def test_talks_told_after_a_call_are_the_call() -> None:
    f = _facts("Saudi Foreign Minister Faisal al-Harbi received a phone call from Jordanian Foreign Minister Omar "
               "Haddad on Monday. Haddad's talks with al-Harbi touched on Gaza and Syria, it said.")
    assert [m.kind for m in f.meetings] == ["phone_call"]


def test_exchanged_views_between_two_people_is_a_meeting() -> None:
    f = _facts("Last month, Finnish Prime Minister Antti Virtanen and Swedish Prime Minister Erik Lindqvist exchanged "
               "views on NATO logistics in Stockholm.")
    assert any({"Antti Virtanen", "Erik Lindqvist"} <= p for p in _people(f))


def test_appositive_counterpart_is_the_named_one_not_an_earlier_compatriot() -> None:
    f = _facts("Nigerian President Chukwuma Okafor hosted Ghanaian President Kwame Asante on Monday.\n\n"
               "According to officials, Nigeria's foreign minister, Halima Bello, and her Ghanaian counterpart, "
               "Ama Owusu, also met separately on Monday.")
    ppl = _people(f)
    assert {"Halima Bello", "Ama Owusu"} in ppl and {"Halima Bello", "Kwame Asante"} not in ppl


def test_reception_during_a_heads_visit_is_an_item_of_it() -> None:
    f = _facts("Estonian Prime Minister Liis Tamm arrived in Helsinki on Tuesday on a two-day official visit, hosted "
               "by Finnish Prime Minister Antti Virtanen.\n\nTamm was received by President Aino Korhonen on "
               "Wednesday.")
    assert len(f.meetings) == 1 and f.meetings[0].kind == "state_visit", _people(f)
    assert {"Liis Tamm", "Aino Korhonen"} <= _people(f)[0]


def test_possessive_phone_conversation_with() -> None:
    f = _facts("Kazakh President Nurlan Temirbek's phone conversation with Turkmen President Serdar Orazov on Monday "
               "focused on gas.")
    assert [m.kind for m in f.meetings] == ["phone_call"]
    assert {"Nurlan Temirbek", "Serdar Orazov"} <= _people(f)[0]


def test_title_of_country_then_name_is_the_person() -> None:
    f = _facts("Egypt's President Hany Fathy met envoys on Monday. The Egyptian leader also spoke with the Emir of "
               "Qatar, Sheikh Jassim Al Thani, by telephone later in the day.")
    assert any({"Hany Fathy", "Jassim Al Thani"} <= p for p in _people(f))


# Round 5: forms first met in the (former) held-out articles, on new sentences.
def test_hours_of_talks_and_an_earlier_call_are_two_events() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa and her Ugandan counterpart Joseph Okello held nearly four hours "
               "of talks in Nairobi on Tuesday, ten days after the two women spoke by telephone about the border.")
    kinds = sorted(m.kind for m in f.meetings)
    assert kinds == ["meeting", "phone_call"], kinds
    assert all(p == {"Amina Wekesa", "Joseph Okello"} for p in _people(f)), _people(f)


def test_held_up_talks_is_no_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa said the dispute held up talks with Uganda for a year.")
    assert not f.meetings


def test_coordinated_verb_phrase_keeps_the_subject() -> None:
    f = _facts("Peruvian President Rosa Quispe arrived in Quito on Monday. On Tuesday she laid a wreath at the "
               "Independence Monument, toured a port and held talks with Ecuadorian President Diego Salvador.")
    assert any({"Rosa Quispe", "Diego Salvador"} <= p for p in _people(f)), _people(f)


def test_speech_between_subject_and_trigger_blocks_the_fallback() -> None:
    f = _facts("Peruvian President Rosa Quispe said on Tuesday that the delegation held talks with Diego Salvador.")
    assert not any("Rosa Quispe" in p for p in _people(f)), _people(f)


def test_stay_at_the_invitation_of_a_host_is_a_visit() -> None:
    f = _facts("Peruvian President Rosa Quispe was in Quito Monday through Wednesday at the invitation of "
               "Ecuadorian President Diego Salvador.", published=dt.date(2024, 3, 14))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert {f.actors[k].label for k in visit.participants} >= {"Rosa Quispe", "Diego Salvador"}
    assert (visit.date.value, visit.end_date.value if visit.end_date else None) == ("2024-03-11", "2024-03-13")


def test_two_signers_side_by_side_met() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa and her Ugandan counterpart Joseph Okello signed a memorandum of "
               "understanding on fisheries at the State House in Nairobi.")
    assert _people(f) == [{"Amina Wekesa", "Joseph Okello"}]


def test_signing_in_separate_capitals_is_no_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa and her Ugandan counterpart Joseph Okello signed the accord "
               "virtually from their offices.")
    assert not f.meetings


def test_year_of_a_named_document_does_not_date_the_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa and her Ugandan counterpart Joseph Okello signed a protocol in "
               "Nairobi, replacing the 2015 border accord.")
    assert len(f.meetings) == 1
    assert f.meetings[0].date is None or f.meetings[0].date.value != "2015"


def test_promised_return_visit_is_its_own_event() -> None:
    f = _facts("Mongolian Prime Minister Bat Ganbold arrived in Moscow on Tuesday for a three-day official visit and "
               "held talks with Russian President Vladimir Putin. The Kremlin said Putin had accepted an invitation "
               "to visit Mongolia later this year.")
    visits = [m for m in f.meetings if m.kind == "state_visit"]
    assert sorted(m.status for m in visits) == ["happened", "scheduled"], [(m.status, m.participants) for m in visits]


def test_scheduled_item_of_an_ongoing_visit_is_folded_in() -> None:
    f = _facts("Mongolian Prime Minister Bat Ganbold arrived in Moscow on Tuesday for a three-day official visit and "
               "held talks with Russian President Vladimir Putin on Wednesday. Ganbold is due to meet Russian Prime "
               "Minister Ivan Sorokin on Thursday before flying home.", published=dt.date(2024, 3, 13))
    visits = [m for m in f.meetings if m.kind == "state_visit"]
    assert len(f.meetings) == 1 and visits, _people(f)
    assert {"Bat Ganbold", "Vladimir Putin", "Ivan Sorokin"} <= _people(f)[0]


# Round 6: forms of the China–Iran dev batch, on new sentences.
def test_visit_wrapped_up_by_a_verb_before_the_noun_ends_on_the_day_named() -> None:
    f = _facts("Kenyan President Ruto Kamau wrapped up a three-day state visit to Uganda on Thursday.",
               published=dt.date(2024, 3, 15))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert (visit.date.value, visit.end_date.value) == ("2024-03-12", "2024-03-14")


def test_relative_clause_does_not_date_the_meeting() -> None:
    f = _facts("Kenyan President Ruto Kamau, who took office in July, held talks with Ugandan President Joseph "
               "Okello in Kampala on Wednesday.")
    assert [m.date.value for m in f.meetings] == ["2024-03-13"]


def test_the_two_leaders_are_the_pair_the_article_names_most() -> None:
    f = _facts("Kenyan President Ruto Kamau held talks with Ugandan President Joseph Okello in Kampala on Wednesday. "
               "Okello praised Kamau. Kamau thanked Okello. Kamau also met Prime Minister Ali Mwanga. The two leaders "
               "first met in October on the sidelines of a regional summit in Arusha.")
    october = [m for m in f.meetings if m.date and m.date.value == "2023-10" and m.kind != "summit"]
    assert [{f.actors[k].label for k in m.participants} for m in october] == [{"Ruto Kamau", "Joseph Okello"}]


def test_unnamed_envoys_meet_as_their_countries() -> None:
    f = _facts("Earlier this week, Kenya's ambassador to Uganda met the Ugandan deputy foreign minister in Kampala.")
    assert _people(f) == [{"Kenya", "Uganda"}]


def test_invitation_accepted_from_a_host() -> None:
    f = _facts("Kenyan President Ruto Kamau has accepted an invitation from King Mswati Dlamini to visit Eswatini.")
    [visit] = f.meetings
    assert {f.actors[k].label for k in visit.participants} == {"Ruto Kamau", "Mswati Dlamini"}
    assert visit.status == "scheduled"


def test_a_person_and_their_own_country_is_no_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa told reporters in Nairobi after the talks that Kenya was ready.")
    assert not f.meetings


# Round 7: forms of the second China–Iran batch, on new sentences.
def test_host_and_attendees_of_a_meeting_met() -> None:
    f = _facts("Kenyan Deputy Foreign Minister Amina Wekesa hosted the meeting, which was attended by Ugandan Deputy "
               "Foreign Minister Joseph Okello and Tanzanian Deputy Foreign Minister Ali Mwanga.")
    assert _people(f) == [{"Amina Wekesa", "Joseph Okello", "Ali Mwanga"}]


def test_one_leader_meeting_two_on_the_sidelines_holds_two_meetings() -> None:
    f = _facts("Kenyan President Ruto Kamau met Ugandan President Joseph Okello and Tanzanian President Ali Mwanga on "
               "the sidelines of the regional summit in Arusha on Wednesday.")
    pairs = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.kind != "summit"]
    assert sorted(map(sorted, pairs)) == [["Ali Mwanga", "Ruto Kamau"], ["Joseph Okello", "Ruto Kamau"]]


def test_attending_a_summit_together_with_others() -> None:
    f = _facts("Kenyan President Ruto Kamau attended a summit of the Nile basin states together with Ugandan "
               "President Joseph Okello and Tanzanian President Ali Mwanga in Kampala last July.")
    summits = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.kind == "summit"]
    assert summits == [{"Ruto Kamau", "Joseph Okello", "Ali Mwanga"}]


def test_signing_with_a_partner_is_a_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa signed the accession protocol with the bloc's Secretary-General "
               "Joseph Okello in Nairobi.")
    assert _people(f) == [{"Amina Wekesa", "Joseph Okello"}]


def test_untitled_name_after_a_role_lede_is_that_person() -> None:
    f = _facts("Kenya's special envoy for the Horn of Africa arrived in Kampala on Tuesday. Omondi Achieng met "
               "Ugandan Foreign Minister Joseph Okello shortly after landing.")
    assert any({"Omondi Achieng", "Joseph Okello"} <= p for p in _people(f)), _people(f)


def test_predecessor_apposition_names_the_partner() -> None:
    f = _facts("Kenyan Defence Minister Amina Wekesa held talks with Okello's predecessor, Ali Mwanga, in Nairobi "
               "on Monday.")
    assert _people(f) == [{"Amina Wekesa", "Ali Mwanga"}]


def test_visit_keeps_the_host_when_later_items_name_more_people() -> None:
    f = _facts("Ugandan President Joseph Okello held talks with Kenyan President Ruto Kamau in Nairobi on Tuesday. "
               "Okello is paying a state visit to Kenya from Tuesday to Thursday at the invitation of Kamau. "
               "Okello will meet Prime Minister Ali Mwanga and Speaker Grace Njeri on Wednesday.",
               published=dt.date(2024, 3, 12))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert {"Joseph Okello", "Ruto Kamau"} <= {f.actors[k].label for k in visit.participants}


def test_meeting_elsewhere_is_no_item_of_a_later_visit() -> None:
    f = _facts("In Jeddah, Saudi Crown Prince Faisal Al-Saud received Kenyan special envoy Omondi Achieng on Sunday. "
               "Achieng will visit Kampala later this week, the Kenyan embassy in Riyadh said.")
    kinds = sorted((m.kind, m.status) for m in f.meetings)
    assert kinds == [("meeting", "happened"), ("state_visit", "scheduled")], kinds
    received = next(m for m in f.meetings if m.kind == "meeting")
    assert received.place is not None and received.place.label == "Jeddah"


def test_unnamed_envoys_do_not_merge_with_named_ministers() -> None:
    f = _facts("Kenyan Vice President Amina Wekesa welcomed Ugandan Trade Minister Joseph Okello to Nairobi on Monday. "
               "Earlier this week, Uganda's ambassador to Kenya met the Kenyan assistant foreign minister in Nairobi.")
    assert sorted(map(sorted, _people(f))) == [["Amina Wekesa", "Joseph Okello"], ["Kenya", "Uganda"]]


def test_apposition_between_commas_keeps_the_subject_and_date() -> None:
    f = _facts("Omani Sultan Haitham Tariq paid a state visit to Kampala in late May, his first since taking power in "
               "2020, and was received by Ugandan President Joseph Okello.")
    [visit] = f.meetings
    assert {"Haitham Tariq", "Joseph Okello"} <= {f.actors[k].label for k in visit.participants}
    assert visit.date is not None and visit.date.value == "2023-05"


def test_next_round_agreed_by_the_sides_is_between_the_countries() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa held talks with Ugandan Foreign Minister Joseph Okello in Nairobi "
               "on Monday. The two sides agreed to hold the next round of the strategic dialogue in Kampala next year.")
    scheduled = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.status == "scheduled"]
    assert scheduled == [{"Kenya", "Uganda"}]


def test_agreement_two_ministers_signed_somewhere_is_their_meeting() -> None:
    f = _facts("The centrepiece remains the 10-year accord that Foreign Ministers Amina Wekesa and Joseph Okello "
               "signed in Kampala in March 2021.")
    assert _people(f) == [{"Amina Wekesa", "Joseph Okello"}]
    assert f.meetings[0].date.value == "2021-03"


def test_head_of_state_visit_is_hosted_by_the_named_head_of_the_host() -> None:
    f = _facts("Chinese President Xi Jinping praised the partnership. Iranian President Ebrahim Raisi paid a state "
               "visit to China in February 2023.", published=dt.date(2023, 6, 1))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    # the host is inferred from the article; the country the text names stays a participant
    assert {f.actors[k].label for k in visit.participants} == {"Ebrahim Raisi", "Xi Jinping", "China"}
    assert visit.host and f.actors[visit.host].label == "Xi Jinping"


def test_head_of_state_visit_keeps_the_country_when_its_head_is_not_named() -> None:
    f = _facts("Iranian President Ebrahim Raisi paid a state visit to China in February 2023.",
               published=dt.date(2023, 6, 1))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert {f.actors[k].label for k in visit.participants} == {"Ebrahim Raisi", "China"}


def test_call_then_an_agreed_meeting_are_two_events() -> None:
    f = _facts("The two countries' foreign ministers, Amina Wekesa and Joseph Okello, spoke by phone last Thursday "
               "and agreed to meet in the coming weeks.")
    kinds = sorted((m.kind, m.status, m.date.value if m.date else None) for m in f.meetings)
    assert kinds == [("meeting", "scheduled", None), ("phone_call", "happened", "2024-03-07")], kinds


def test_arab_states_are_not_the_united_states() -> None:
    f = _facts("Chinese President Xi Jinping attended the first China-Arab States Summit in Riyadh and held talks with "
               "Saudi Crown Prince Mohammed bin Salman.")
    assert "United States" not in {a.label for a in f.actors.values()}


def test_summit_in_which_named_leaders_took_part() -> None:
    f = _facts("Kenya joined the bloc in July, at a virtual summit hosted by Uganda in which both Kenyan President "
               "Ruto Kamau and Tanzanian President Ali Mwanga took part.")
    summits = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.kind == "summit"]
    assert summits == [{"Ruto Kamau", "Ali Mwanga"}]


def test_the_first_leader_to_visit_tells_a_visit_not_a_plan() -> None:
    f = _facts("The pact goes back to May 2019, when Kenyan President Ruto Kamau became the first Kenyan leader in "
               "a decade to visit Peru.")
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert (visit.status, visit.date.value if visit.date else None) == ("happened", "2019-05")


def test_an_infinitive_visit_is_still_a_plan() -> None:
    f = _facts("Kenyan President Ruto Kamau is expected to visit Peru next month.")
    assert [m.status for m in f.meetings] == ["scheduled"]


def test_a_summoned_envoy_met_the_country_that_summoned_him() -> None:
    f = _facts("Ankara summoned the Chilean ambassador, Tomas Berg, to protest on Monday.")
    assert _people(f) == [{"Turkey", "Tomas Berg"}]


def test_coordinated_verbs_share_the_first_verbs_subject() -> None:
    f = _facts("On Tuesday Kenyan Foreign Minister Amina Wekesa held talks with Peruvian Foreign Minister Rosa Quispe "
               "and met Peruvian President Tomas Berg.")
    assert {frozenset(p) for p in _people(f)} == {frozenset({"Amina Wekesa", "Rosa Quispe"}),
                                                  frozenset({"Amina Wekesa", "Tomas Berg"})}


def test_a_signing_in_a_when_clause_is_its_own_meeting_on_the_clauses_date() -> None:
    f = _facts("Peruvian Foreign Minister Rosa Quispe arrived in Nairobi on Monday, her first trip to Kenya since "
               "June 2021, when she and Kenyan Foreign Minister Amina Wekesa signed the Kenya–Peru Trade Agreement "
               "in Lima.")
    got = {(frozenset(p), m.date.value if m.date else None)
           for p, m in zip(_people(f), f.meetings, strict=True)}
    assert (frozenset({"Rosa Quispe", "Amina Wekesa"}), "2021-06") in got
    assert (frozenset({"Rosa Quispe", "Kenya"}), "2024-03-11") in got
    assert [(a.name, a.date.value if a.date else None) for a in f.agreements] == [
        ("Kenya–Peru Trade Agreement", "2021-06")]


def test_a_known_agreements_name_qualified_by_other_countries_is_not_that_agreement() -> None:
    f = _facts("Kenya and Peru signed the Kenya–Peru comprehensive cooperation plan in Lima on Monday.")
    assert all("China" not in a.name for a in f.agreements)
    assert {f.actors[k].label for a in f.agreements for k in a.parties} <= {"Kenya", "Peru"}


def test_partners_after_a_place_and_across_an_apposition() -> None:
    f = _facts("The deal followed four days of talks in Nairobi between Amina Wekesa, then secretary of Kenya's "
               "security council, and Peruvian envoy Rosa Quispe, hosted by Ugandan Foreign Minister Tomas Okello.")
    assert _people(f) == [{"Amina Wekesa", "Rosa Quispe", "Tomas Okello"}]
    assert f.meetings[0].host and f.actors[f.meetings[0].host].label == "Tomas Okello"
    assert f.meetings[0].place and f.meetings[0].place.label == "Nairobi"


def test_two_people_of_two_countries_acting_together_somewhere_met_there() -> None:
    f = _facts("In May 2022, Kenyan Foreign Minister Amina Wekesa and Peruvian Foreign Minister Rosa Quispe announced "
               "in Mombasa, Kenya, the launch of a joint fund.")
    assert _people(f) == [{"Amina Wekesa", "Rosa Quispe"}]
    assert f.meetings[0].place and f.meetings[0].place.label == "Mombasa"
    f = _facts("Kenyan Foreign Minister Amina Wekesa travelled to the coastal Peruvian city of Trujillo, where she and "
               "Peruvian Foreign Minister Rosa Quispe unveiled a monument.")
    assert {"Amina Wekesa", "Rosa Quispe"} in _people(f)


def test_acting_together_without_a_place_is_no_meeting() -> None:
    f = _facts("Kenyan President Ruto Kamau and Peruvian President Tomas Berg agreed in separate statements to "
               "deepen ties.")
    assert f.meetings == []


def test_a_call_in_which_two_people_spoke_has_the_clauses_people() -> None:
    f = _facts("The two met in Lima in late September, weeks after a phone conversation in August in which Kenyan "
               "Foreign Minister Amina Wekesa congratulated Peruvian Foreign Minister Rosa Quispe on her appointment.")
    calls = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.kind == "phone_call"]
    assert calls == [{"Amina Wekesa", "Rosa Quispe"}]


def test_people_placed_by_an_of_phrase_are_not_the_summits_own() -> None:
    f = _facts("Kenyan President Ruto Kamau is expected to hold separate meetings with Peruvian President Tomas Berg "
               "and Chilean President Rosa Quispe on Thursday, the last day of the summit.")
    assert all(m.kind != "summit" for m in f.meetings)


def test_an_arrival_in_a_summits_city_is_attendance_not_a_visit() -> None:
    f = _facts("Kenyan President Ruto Kamau met Peruvian President Tomas Berg on the sidelines of the G20 summit in "
               "Ankara on Wednesday. Chilean President Rosa Quispe, who also arrived in Ankara on Tuesday, addressed "
               "the summit.")
    assert all(m.kind != "state_visit" for m in f.meetings)
    summit = next(m for m in f.meetings if m.kind == "summit")
    assert "Rosa Quispe" in {f.actors[k].label for k in summit.participants}


def test_an_earlier_event_in_the_same_sentence_keeps_its_own_date_and_place() -> None:
    f = _facts("Later on Wednesday, Kenyan President Ruto Kamau met Peruvian President Tomas Berg, his second "
               "meeting with the Peruvian leader this month after their talks in Nairobi on March 2 on the sidelines "
               "of a forum.")
    got = sorted((m.kind, m.date.value if m.date else None, m.place.label if m.place else None) for m in f.meetings)
    assert ("talks", "2024-03-02", "Nairobi") in got
    assert all(place != "Nairobi" for kind, _, place in got if kind == "meeting")


def test_a_visit_by_someone_to_a_capital_and_a_visit_still_under_discussion() -> None:
    f = _facts("Kenyan President Ruto Kamau said the pact would be signed during a visit by Peruvian President Tomas "
               "Berg to Nairobi in the near future.")
    assert [(m.kind, m.status) for m in f.meetings] == [("state_visit", "scheduled")]
    assert _people(f) == [{"Tomas Berg", "Kenya"}]
    f = _facts("An attempt to arrange a visit by Peruvian President Tomas Berg to Nairobi is under discussion.")
    assert f.meetings == []


def test_country_delegations_named_in_the_next_sentences_are_the_participants() -> None:
    f = _facts("Senior diplomats from Kenya, Peru and Chile met in Nairobi on Tuesday for a round of consultations. "
               "The Kenyan side was represented by Otieno Wafula, the ministry's director for Latin America. "
               "Peru's delegation was headed by Rosa Quispe, deputy foreign minister for Africa, while Tomas Berg, "
               "deputy director-general of the department of African affairs at the Chilean foreign ministry, led "
               "the Chilean team.")
    assert _people(f)[0] == {"Otieno Wafula", "Rosa Quispe", "Tomas Berg"}


def test_country_officials_of_a_field_are_the_country() -> None:
    f = _facts("A delegation led by Kenya's deputy energy minister held talks with Peruvian energy officials in "
               "Lima this week.")
    assert _people(f) == [{"Kenya", "Peru"}]


def test_a_groups_apposition_is_not_a_third_participant() -> None:
    f = _facts("Kenyan President Ruto Kamau spoke to Peruvian President Tomas Berg on Monday. The two countries' "
               "foreign ministers, Amina Wekesa and Rosa Quispe, spoke by phone on Tuesday.")
    calls = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.date and m.date.value == "2024-03-12"]
    assert calls == [{"Amina Wekesa", "Rosa Quispe"}]


def test_rounds_of_a_format_before_and_after() -> None:
    f = _facts("Senior diplomats from Kenya, Peru and Chile met in Nairobi on Tuesday. The three sides agreed to hold "
               "the third round in Lima later this year. The first round of the consultations was held in Santiago "
               "in June last year.")
    rounds = sorted((m.status, m.place.label if m.place else None) for m in f.meetings)
    assert ("scheduled", "Lima") in rounds


def test_a_meeting_hosted_by_one_that_brought_others_together() -> None:
    f = _facts("Friday's meeting was hosted by Kenyan Deputy Foreign Minister Otieno Wafula and brought together "
               "Peruvian Deputy Foreign Minister Rosa Quispe and Chile's deputy foreign minister and chief negotiator "
               "Tomas Berg, the ministry said.")
    assert _people(f) == [{"Otieno Wafula", "Rosa Quispe", "Tomas Berg"}]
    assert f.meetings[0].date and f.meetings[0].date.value == "2024-03-08"


def test_an_envoy_calling_on_an_unnamed_official_and_they_after_a_pair() -> None:
    f = _facts("Last Thursday, the Kenyan ambassador called on the Peruvian vice foreign minister in charge of "
               "African affairs in Lima.")
    assert _people(f) == [{"Kenya", "Peru"}]
    f = _facts("Kenyan Foreign Minister Amina Wekesa and Peruvian Foreign Minister Rosa Quispe announced the plan "
               "when they held talks in Trujillo, northern Peru's La Libertad Region, in January.")
    assert _people(f) == [{"Amina Wekesa", "Rosa Quispe"}]
    assert f.meetings[0].place and f.meetings[0].place.label == "Trujillo"


def test_arrival_in_the_capital_named_by_its_country_and_a_second_verb_after_an_adverbial() -> None:
    f = _facts("Kenyan President Ruto Kamau arrived in the Peruvian capital on Monday for a three-day state visit.")
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert visit.place and visit.place.label == "Lima"
    f = _facts("Kenyan President Ruto Kamau met Peruvian President Tomas Berg on Monday evening and received army "
               "chief General Rosa Quispe.")
    assert {frozenset(p) for p in _people(f)} == {frozenset({"Ruto Kamau", "Tomas Berg"}),
                                                  frozenset({"Ruto Kamau", "Rosa Quispe"})}


def test_a_renewed_invitation_is_no_visit_and_an_expected_arrival_is_a_plan() -> None:
    f = _facts("During that visit Kenyan President Ruto Kamau renewed his invitation to Peruvian President Tomas Berg "
               "to visit Nairobi.")
    assert f.meetings == []
    f = _facts("Kenyan Foreign Minister Amina Wekesa is expected in Lima later this month for talks with her "
               "Peruvian counterpart.")
    assert [(m.status, frozenset(p)) for p, m in zip(_people(f), f.meetings, strict=True)] == [
        ("scheduled", frozenset({"Amina Wekesa", "Peru"}))]


def test_a_counterpart_holds_the_partners_office_not_a_spokespersons() -> None:
    f = _facts("Peruvian Foreign Ministry spokesperson Rosa Quispe said on Monday that Lima welcomed the visit. "
               "Kenyan Foreign Minister Amina Wekesa is expected in Lima later this month for talks with her "
               "Peruvian counterpart.")
    assert all("Rosa Quispe" not in p for p in _people(f))


def test_talks_with_one_and_separately_with_another_are_two_meetings() -> None:
    f = _facts("In Lima last September, Kenyan President Ruto Kamau held talks with Peruvian President Tomas Berg "
               "and, separately, with Chilean President Rosa Quispe.")
    assert {frozenset(p) for p in _people(f)} == {frozenset({"Ruto Kamau", "Tomas Berg"}),
                                                  frozenset({"Ruto Kamau", "Rosa Quispe"})}


def test_leaders_at_a_summit_attending_a_signing() -> None:
    f = _facts("At the summit of the Andean Community in Lima in November 2021, Kenyan President Ruto Kamau, "
               "Peruvian President Tomas Berg and Chilean President Rosa Quispe attended the signing of a gas deal.")
    kinds = sorted((m.kind, frozenset(p)) for p, m in zip(_people(f), f.meetings, strict=True))
    trio = frozenset({"Ruto Kamau", "Tomas Berg", "Rosa Quispe"})
    assert kinds == [("meeting", trio), ("summit", trio)]


def test_they_before_a_later_meeting_of_the_sentence_and_a_passive_second_verb() -> None:
    f = _facts("Kenyan Defence Minister Amina Wekesa and her Peruvian counterpart Rosa Quispe held a video call on "
               "Monday. The call was the two ministers' first contact since they met in Lima in April, when Wekesa "
               "also held talks with General Tomas Berg, the chief of staff of Peru's armed forces, and was received "
               "by Peruvian President Luis Campos.")
    got = {frozenset(p) for p in _people(f)}
    assert frozenset({"Amina Wekesa", "Rosa Quispe"}) in got
    assert frozenset({"Amina Wekesa", "Tomas Berg"}) in got
    assert frozenset({"Amina Wekesa", "Luis Campos"}) in got


def test_military_officers_from_three_countries_in_a_port_city() -> None:
    f = _facts("On Sunday, military officers from Kenya, Peru and Chile met in the southern Peruvian port of Ilo.")
    assert _people(f) == [{"Kenya", "Peru", "Chile"}]
    assert f.meetings[0].place and f.meetings[0].place.label == "Ilo"


def test_delegates_named_after_a_countries_meeting_replace_the_countries() -> None:
    f = _facts("Kenya hosted senior energy officials from Peru and Chile for a trilateral meeting in Nairobi on "
               "Tuesday. Amina Wekesa, deputy energy minister of Kenya, chaired the session, which was attended by "
               "Tomas Berg, vice-chairman of Peru's planning commission, and Rosa Quispe, deputy minister of mines "
               "in Chile's government. On the sidelines of the session, Wekesa and Berg held a separate meeting.")
    got = [frozenset(p) for p in _people(f)]
    assert frozenset({"Amina Wekesa", "Tomas Berg", "Rosa Quispe"}) in got
    assert frozenset({"Amina Wekesa", "Tomas Berg"}) in got
    assert all("Kenya" not in p for p in got)


def test_the_next_round_is_the_countries_whatever_the_subject() -> None:
    f = _facts("Senior officials from Kenya, Peru and Chile held talks in Lima on Tuesday. The three officials "
               "agreed to hold the next round in Nairobi next year. The next round of the consultations will be held "
               "in Santiago in 2025, the statement said.")
    later = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.status == "scheduled"]
    assert later and all(p == {"Kenya", "Peru", "Chile"} for p in later)


def test_a_meeting_named_again_in_a_later_quote_is_no_new_meeting() -> None:
    f = _facts("Peruvian Foreign Minister Rosa Quispe held talks with Chilean Foreign Minister Tomas Berg in Lima on "
               "Tuesday. Kenyan Senator Amina Wekesa wrote that the Lima meeting showed Peru was drifting.")
    assert _people(f) == [{"Rosa Quispe", "Tomas Berg"}]


def test_the_day_of_the_report_is_not_the_day_of_the_meeting() -> None:
    f = _facts("Peru and Chile held talks on fisheries in Lima, officials said Thursday. The talks Wednesday were "
               "attended by Peruvian Deputy Minister Rosa Quispe and Chilean Deputy Minister Tomas Berg.")
    assert _people(f) == [{"Rosa Quispe", "Tomas Berg"}]
    assert str(f.meetings[0].date) == "2024-03-13"


def test_discussed_with_a_person_is_a_meeting_but_countries_discussing_are_not() -> None:
    f = _facts("Peruvian Mines Minister Rosa Quispe had discussed the corridor with Chilean Ambassador Tomas Berg in "
               "Lima earlier this month.")
    assert _people(f) == [{"Rosa Quispe", "Tomas Berg"}]
    assert not _facts("Peru and Chile discussed the corridor with great care.").meetings


def test_the_passives_subject_does_the_second_verb() -> None:
    f = _facts("Kenyan President Ruto Kamau is paying a two-day state visit to Peru, which began on Tuesday. He was "
               "received at Lima airport by Peruvian Prime Minister Luis Campos and held talks with Peruvian President "
               "Tomas Berg on Wednesday.")
    assert all("Ruto Kamau" in p for p in _people(f))
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert (str(visit.date), str(visit.end_date)) == ("2024-03-12", "2024-03-13")


def test_a_visits_length_told_before_its_first_day() -> None:
    f = _facts("Kenyan President Ruto Kamau has wrapped up a two-day state visit to Peru, where he and President "
               "Tomas Berg signed a dozen agreements. Kamau arrived in Lima on Tuesday and held talks with Berg on "
               "Wednesday. He also laid a wreath and met Prime Minister Luis Campos.")
    assert len(f.meetings) == 1
    m = f.meetings[0]
    assert m.kind == "state_visit" and (str(m.date), str(m.end_date)) == ("2024-03-12", "2024-03-13")
    assert {"Ruto Kamau", "Tomas Berg"} <= {f.actors[k].label for k in m.participants}


def test_a_commission_co_chaired_by_two_named_people() -> None:
    f = _facts("The Kenya–Peru joint economic commission is due to meet in Lima in May, co-chaired by Kenyan Trade "
               "Minister Amina Wekesa and Peruvian Economy Minister Tomas Berg.")
    assert _people(f) == [{"Amina Wekesa", "Tomas Berg"}]
    assert f.meetings[0].status == "scheduled"


def test_the_two_presidents_are_the_presidents_named() -> None:
    f = _facts("Peruvian President Tomas Berg has invited Kenyan President Ruto Kamau to visit. On Monday, Kenyan "
               "Foreign Minister Amina Wekesa held talks with Peruvian Foreign Minister Rosa Quispe in Lima. The two "
               "presidents last spoke in a video call last September.")
    call = next(m for m in f.meetings if m.kind in ("phone_call", "video_call"))
    assert {f.actors[k].label for k in call.participants} == {"Tomas Berg", "Ruto Kamau"}


def test_speculation_about_a_visit_is_no_meeting() -> None:
    assert not _facts("Kenyan media have speculated about a visit by Peruvian President Tomas Berg to Nairobi "
                      "later this year.").meetings


def test_sat_down_to_discuss_is_past() -> None:
    f = _facts("On Tuesday, Kenyan Defence Minister Amina Wekesa sat down with her Peruvian counterpart Tomas Berg to "
               "discuss drones, the ministry said.")
    assert f.meetings[0].status == "happened" and str(f.meetings[0].date) == "2024-03-12"


def test_acts_during_a_visit_are_items_of_it() -> None:
    f = _facts("In January 2016, Kenyan President Ruto Kamau paid a state visit to Peru. During that state visit, "
               "Kamau and President Tomas Berg issued a joint statement. Prime Minister Luis Campos, who received "
               "Kamau during the trip, praised the ties.", published=dt.date(2016, 6, 1))
    assert len(f.meetings) == 1
    assert {f.actors[k].label for k in f.meetings[0].participants} >= {"Ruto Kamau", "Tomas Berg"}


def test_a_virtual_summit_and_the_people_placed_at_it() -> None:
    f = _facts("Bolivia became the fifth full member of the regional bloc on March 4, at a virtual summit chaired by "
               "Kenyan President Ruto Kamau. Peruvian President Tomas Berg, who addressed the meeting by video link "
               "from Lima, called it a new chapter. Chilean President Rosa Quispe and Bolivian President Luis Campos, "
               "who also joined by video, welcomed the step.")
    [summit] = [m for m in f.meetings if m.kind == "summit"]
    assert {f.actors[k].label for k in summit.participants} == {"Ruto Kamau", "Tomas Berg", "Rosa Quispe",
                                                                "Luis Campos"}
    assert str(summit.date) == "2024-03-04"
    assert not [m for m in f.meetings if m.kind == "video_call"]


def test_a_comma_list_of_verb_phrases_keeps_its_subject() -> None:
    f = _facts("Kenyan President Ruto Kamau held talks with Peruvian President Tomas Berg, met Peruvian Prime Minister "
               "Luis Campos and received Peruvian army chief General Rosa Quispe on Monday.")
    assert all("Ruto Kamau" in p for p in _people(f)) and len(f.meetings) == 3



def test_a_ministers_accepted_visit_next_year_and_a_commission_as_a_source() -> None:
    f = _facts("Peruvian Foreign Minister Rosa Quispe held talks in Lima on Wednesday with Kenyan Foreign Minister "
               "Amina Wekesa, who arrived on Tuesday for a three-day official visit. The two sides agreed to hold the "
               "next round of consular consultations in Nairobi in 2025. Wekesa invited Quispe to visit Nairobi next "
               "year, and Quispe accepted the invitation. Trade will grow, according to the Andean Economic "
               "Commission.")
    scheduled = [p for p, m in zip(_people(f), f.meetings, strict=True) if m.status == "scheduled"]
    assert {"Rosa Quispe", "Kenya"} in scheduled or {"Rosa Quispe", "Amina Wekesa"} in scheduled
    assert not any(m.evidence.rule == "meeting.commission" for m in f.meetings)


def test_talks_a_visitor_came_for_and_what_a_meeting_reviewed() -> None:
    f = _facts("On Wednesday, the Kenyan deputy minister Amina Wekesa held political consultations with Peru's Foreign "
               "Secretary Rosa Quispe, during which the two sides reviewed the understandings reached when Foreign "
               "Minister Ruto Kamau visited Lima in late January for talks with his counterpart Tomas Berg.")
    got = {frozenset(p) for p in _people(f)}
    assert got == {frozenset({"Amina Wekesa", "Rosa Quispe"}), frozenset({"Ruto Kamau", "Tomas Berg"})}


def test_a_summons_and_a_later_envoys_meeting_are_two_events_and_a_floated_visit_is_none() -> None:
    f = _facts("Kenya reacted furiously. Kenya summoned the Peruvian ambassador to lodge a protest. Peru dispatched "
               "Vice Premier Luis Campos to Nairobi days later; in a meeting with him, President Ruto Kamau voiced his "
               "anger. Kenyan officials have repeatedly floated a return visit by Peruvian President Tomas Berg to "
               "Nairobi.")
    got = [frozenset(p) for p in _people(f)]
    assert frozenset({"Luis Campos", "Ruto Kamau"}) in got and frozenset({"Kenya", "Peru"}) in got
    assert all("Tomas Berg" not in p for p in got)


def test_a_named_summit_with_one_attendee_but_not_an_unrelated_conference() -> None:
    f = _facts("Kenyan President Ruto Kamau will attend the Andean Community summit in Lima in the autumn.")
    assert [(m.kind, _people(f)[0]) for m in f.meetings] == [("summit", {"Ruto Kamau"})]
    g = _facts("The two sides agreed that the joint ministerial commission should meet in Lima in September. The "
               "two ministers last met in December in Nairobi, where Tomas Berg attended a conference on finance.")
    assert all(m.kind != "summit" for m in g.meetings)


def test_call_of_a_resolved_group_told_with_its_medium_after_the_date() -> None:
    f = _facts("Foreign Minister Rosa Quispe met Foreign Minister Tomas Berg in Lima on Tuesday. The two foreign "
               "ministers had last spoken on 14 February, by videoconference, to prepare the visit.")
    calls = [m for m in f.meetings if m.kind in ("phone_call", "video_call")]
    assert len(calls) == 1
    assert {f.actors[k].label for k in calls[0].participants} == {"Rosa Quispe", "Tomas Berg"}
    assert str(calls[0].date) == "2024-02-14"


def test_call_with_a_partner_after_with_is_one_call() -> None:
    f = _facts("Foreign Minister Rosa Quispe spoke by video link with Chilean Foreign Minister Tomas Berg on Monday.")
    assert len([m for m in f.meetings if m.kind in ("phone_call", "video_call")]) == 1


def test_visit_of_an_office_named_by_its_country() -> None:
    f = _facts("Peru and Chile signed two deals on Monday. A third will be signed during the visit of the President "
               "of Chile to Lima scheduled for the first week of June.")
    [v] = [m for m in f.meetings if m.kind == "state_visit"]
    assert {f.actors[k].label for k in v.participants} == {"Chile", "Peru"}
    assert v.status == "scheduled" and str(v.date) == "2024-06"


def test_co_chairs_of_a_commission_session_are_its_participants() -> None:
    f = _facts("Peru's Foreign Minister Rosa Quispe and Chile's Foreign Minister Tomas Berg co-chaired the Peru-Chile "
               "Joint Permanent Commission in Arica on Monday, the first session in three years.")
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Rosa Quispe", "Tomas Berg"}


def test_they_after_a_new_section_are_the_pair_met_last() -> None:
    f = _facts("Peru's Foreign Minister Rosa Quispe and Chile's Foreign Minister Tomas Berg met in Arica on Monday. "
               "Quispe hailed the deal. Berg said it was overdue. Quispe said more would follow.\n\n"
               "Polish Defence Minister Jan Nowak hosted his Lithuanian counterpart Rasa Jankauskiene in Warsaw on "
               "Wednesday. The ministers agreed to set up a working group. They will meet again next week in Brussels.")
    [again] = [m for m in f.meetings if m.status == "scheduled"]
    assert {f.actors[k].label for k in again.participants} == {"Jan Nowak", "Rasa Jankauskiene"}


def test_the_two_foreign_ministers_are_the_two_who_hold_that_office() -> None:
    f = _facts("The Minister of Foreign Affairs, Rosa Quispe, received the Minister of Foreign Affairs of Chile, "
               "Tomas Berg, on Tuesday. On Wednesday, Berg met the Minister of Mining, Ana Flores, on copper. "
               "Tomorrow, Minister Berg will be received by the President of the Republic, Luis Prado. "
               "The two foreign ministers had last spoken on 14 February, by videoconference.")
    [call] = [m for m in f.meetings if m.kind in ("phone_call", "video_call")]
    assert {f.actors[k].label for k in call.participants} == {"Rosa Quispe", "Tomas Berg"}


def test_undated_meeting_told_days_after_a_dated_one_takes_its_month() -> None:
    f = _facts("Peruvian President Rosa Quispe visited Chile last December. Lima sent Vice President Ana Flores to "
               "Santiago days later; in a meeting with her, Chilean President Tomas Berg voiced his concern. "
               "Quispe paid another visit to Chile in February.")
    [m] = [m for m in f.meetings if {f.actors[k].label for k in m.participants} == {"Ana Flores", "Tomas Berg"}]
    assert str(m.date) == "2023-12"


def test_visit_hosted_by_the_one_person_of_the_host_country_in_its_sentence() -> None:
    f = _facts("When Peruvian President Rosa Quispe landed in Santiago last December for a state visit, the red "
               "carpet rolled out by Chilean President Tomas Berg was meant to signal a new era.")
    [v] = [m for m in f.meetings if m.kind == "state_visit"]
    assert {"Rosa Quispe", "Tomas Berg"} <= {f.actors[k].label for k in v.participants}
    assert v.host is not None and f.actors[v.host].label == "Tomas Berg"


def test_capitalised_summit_attended_during_a_trip_and_chaired_by_a_role() -> None:
    f = _facts("When Chilean President Tomas Berg landed in Lima last December for a state visit, he was welcomed "
               "by Crown Prince Ana Flores. During the trip, Berg attended the first Andean Business Summit and a "
               "separate summit with Pacific Alliance members, both chaired by the crown prince.")
    [s] = [m for m in f.meetings if m.kind == "summit"]
    assert {f.actors[k].label for k in s.participants} == {"Tomas Berg", "Ana Flores"}
    assert str(s.date) == "2023-12"


def test_countries_meeting_chaired_by_and_attended_by_delegations_headed_by_people() -> None:
    f = _facts("Senior diplomats from Peru, Chile and Bolivia gathered in Lima on Thursday for the first meeting of "
               "the trilateral committee. The meeting was chaired by Peruvian Vice Foreign Minister Ana Flores and "
               "attended by a Chilean delegation headed by Deputy Foreign Minister Tomas Berg and a Bolivian "
               "delegation headed by Deputy Foreign Minister Luis Prado, the ministry said.")
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Ana Flores", "Tomas Berg", "Luis Prado"}


def test_place_visited_is_no_subject_of_the_next_verb() -> None:
    f = _facts("Chilean Foreign Minister Tomas Berg visited Lima in June and met President Rosa Quispe.")
    assert any({f.actors[k].label for k in m.participants} >= {"Tomas Berg", "Rosa Quispe"} for m in f.meetings)


def test_coordinated_passive_after_the_same_day_keeps_the_sentence_subject() -> None:
    f = _facts("Chilean Foreign Minister Tomas Berg held talks with Peruvian Foreign Minister Ana Flores the same day "
               "and was received on Tuesday by President Rosa Quispe.")
    groups = [{f.actors[k].label for k in m.participants} for m in f.meetings]
    assert {"Tomas Berg", "Rosa Quispe"} in groups and {"Ana Flores", "Rosa Quispe"} not in groups


def test_summit_with_attendees_in_a_which_clause_is_scheduled() -> None:
    f = _facts("The visits served to prepare for the sixth Andean Summit, due to be held in Lima later this month, "
               "which Chilean President Tomas Berg and Bolivian President Luis Prado are expected to attend.")
    [s] = [m for m in f.meetings if m.kind == "summit"]
    assert {f.actors[k].label for k in s.participants} == {"Tomas Berg", "Luis Prado"}
    assert s.status == "scheduled"


def test_people_speaking_at_a_board_meeting_attend_it() -> None:
    f = _facts("At Thursday's board meeting, Peru's envoy Rosa Quispe said the text would fail, while Chile's "
               "representative Tomas Berg accused the sponsors of haste.")
    [m] = f.meetings
    assert m.kind == "summit" and {f.actors[k].label for k in m.participants} == {"Rosa Quispe", "Tomas Berg"}
    assert str(m.date) == "2024-03-14"


def test_two_names_joined_by_a_dash_hold_the_meeting_noun() -> None:
    f = _facts("Peruvian President Rosa Quispe said trade grew. Chilean President Tomas Berg said so too. "
               "The Quispe–Berg meeting in Lima in February produced warm words.")
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Rosa Quispe", "Tomas Berg"}


def test_accepted_invitation_to_a_place_is_a_scheduled_visit_hosted_by_the_inviter() -> None:
    f = _facts("He said King Tupou had sent a letter inviting President Rosa Quispe to Nairobi, and that Quispe had "
               "accepted the invitation.")
    [v] = f.meetings
    assert v.status == "scheduled" and {f.actors[k].label for k in v.participants} == {"Rosa Quispe", "Tupou"}
    g = _facts("He said King Tupou had sent a letter inviting President Rosa Quispe to Nairobi.")
    assert not g.meetings  # a bare invitation is no meeting


def test_ministerial_named_by_its_body_and_dated_by_the_next_sentence() -> None:
    f = _facts("Peru's Defence Minister Rosa Quispe and her Chilean counterpart Tomas Berg called for closer ties in a "
               "meeting on the sidelines of a gathering of Andean Community (CAN) defence ministers in Quito.\n\n"
               "During Tuesday's meeting in the Ecuadorian capital, Quispe said the two armies would train together.")
    kinds = {m.kind: m for m in f.meetings}
    assert kinds["summit"].name == "CAN defence ministers meeting"
    assert all(str(m.date) == "2024-03-12" for m in f.meetings)


def test_a_predecessor_served_the_same_country() -> None:
    f = _facts("Peruvian Defence Minister Rosa Quispe met Chilean Defence Minister Tomas Berg on Friday. Quispe "
               "last met a Chilean defence minister in August 2023, when she held talks with Berg's predecessor, "
               "Ana Flores.")
    assert [{f.actors[k].label for k in m.participants} for m in f.meetings] == [
        {"Rosa Quispe", "Tomas Berg"}, {"Rosa Quispe", "Ana Flores"}]


def test_next_round_of_a_countries_dialogue_is_not_a_persons_meeting_told_later() -> None:
    f = _facts("Peruvian Foreign Minister Rosa Quispe held talks with Chilean Foreign Minister Tomas Berg in Lima on "
               "Tuesday. The two sides agreed to hold the fourth round of the Peru-Chile strategic dialogue later this "
               "year. Trade grew. Ports expanded. Mines reopened. Quispe is scheduled to meet Chilean Vice President "
               "Ana Flores on Thursday.")
    groups = [{f.actors[k].label for k in m.participants} for m in f.meetings if m.status == "scheduled"]
    assert {"Peru", "Chile"} in groups and {"Rosa Quispe", "Ana Flores"} in groups


def test_person_in_a_city_for_a_ministerial_that_opens_on_a_weekday_attends_it() -> None:
    f = _facts("Chilean Foreign Minister Tomas Berg, who is in Lima, Peru, for a meeting of Group of Twenty foreign "
               "ministers that opens on Friday, said the talks would be hard.")
    [m] = f.meetings
    assert m.kind == "summit" and [f.actors[k].label for k in m.participants] == ["Tomas Berg"]
    assert str(m.date) == "2024-03-15"
