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


def test_possessive_pronoun_between_coordinated_subjects() -> None:
    f = _facts("Chilean Foreign Minister Tomas Berg and his Peruvian counterpart Rosa Quispe in a telephone "
               "conversation on Monday discussed fisheries.")
    [m] = f.meetings
    assert m.kind == "phone_call" and _labels(f, m.participants) == {"Tomas Berg", "Rosa Quispe"}
    assert str(m.date) == "2024-03-11"


def test_agreed_to_meet_is_a_separate_scheduled_event() -> None:
    f = _facts("Foreign Minister Ana Ribeiro met Foreign Minister Hakan Demir in Ankara on Wednesday. "
               "The two ministers agreed to meet again in Lisbon in the coming weeks.")
    assert sorted(m.status for m in f.meetings) == ["happened", "scheduled"]


def test_sidelines_of_a_named_meeting_gives_a_summit_without_the_organisation() -> None:
    f = _facts("Foreign Minister Ana Ribeiro and Foreign Minister Hakan Demir met on the sidelines of the "
               "G20 foreign ministers’ meeting in Rio on Tuesday.")
    kinds = sorted(m.kind for m in f.meetings)
    assert kinds == ["meeting", "summit"]
    for m in f.meetings:
        assert _labels(f, m.participants) == {"Ana Ribeiro", "Hakan Demir"}
        assert str(m.date) == "2024-03-12"


def test_summit_opening_sentence_dates_the_summit_and_sideline_talks_attend_it() -> None:
    f = _facts("LIMA, March 14 - Leaders opened a two-day Pacific Alliance summit in Lima on Monday. "
               "On the sidelines, President Rosa Quispe held talks with President Tomas Berg on Tuesday.")
    summit = next(m for m in f.meetings if m.kind == "summit")
    assert _labels(f, summit.participants) == {"Rosa Quispe", "Tomas Berg"}
    assert str(summit.date) == "2024-03-11" and str(summit.end_date) == "2024-03-12"
    talks = [m for m in f.meetings if m.kind != "summit"]
    assert len(talks) == 1 and str(talks[0].date) == "2024-03-12"


def test_called_with_a_quoted_description_is_not_a_phone_call() -> None:
    f = _facts("Foreign Minister Rosa Quispe called Chile “a reliable partner” on Monday.")
    assert not f.meetings


def test_the_ministers_of_two_countries_are_the_people_named_later() -> None:
    f = _facts("The defence ministers of Peru and Kenya held a video conference on Monday. "
               "Peruvian Defence Minister Rosa Quispe and her Kenyan counterpart Otieno Mwangi last met in May.")
    call = next(m for m in f.meetings if m.kind in ("phone_call", "video_call"))
    assert _labels(f, call.participants) == {"Rosa Quispe", "Otieno Mwangi"}


def test_the_ministers_of_two_countries_without_names_are_the_countries() -> None:
    f = _facts("The foreign ministers of Peru and Kenya held talks in Lima on Monday.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Peru", "Kenya"}


def test_return_to_a_city_is_a_planned_visit_to_its_country() -> None:
    f = _facts("Kenyan Foreign Minister Otieno Mwangi will return to Lima in May for further talks.")
    [m] = f.meetings
    assert m.status == "scheduled" and _labels(f, m.participants) == {"Otieno Mwangi", "Peru"}
    assert m.place is not None and m.place.label == "Lima"


def test_inviter_of_the_host_country_hosts_the_planned_visit() -> None:
    f = _facts("Kenyan President Otieno Mwangi phoned Peruvian President Rosa Quispe on Monday. "
               "He invited the Peruvian leader to visit Kenya in June, and she accepted.")
    visit = next(m for m in f.meetings if m.kind == "state_visit")
    assert _labels(f, visit.participants) == {"Otieno Mwangi", "Rosa Quispe"}
    assert visit.status == "scheduled"


def test_the_two_men_are_the_last_two_people_who_met_not_a_country_visit() -> None:
    f = _facts("President Otieno Mwangi spoke by phone with President Rosa Quispe on Monday. "
               "Mwangi last visited Peru in 2021. The two men met most recently in May in Lima.")
    last = next(m for m in f.meetings if str(m.date) == "2023-05")
    assert _labels(f, last.participants) == {"Otieno Mwangi", "Rosa Quispe"}


def test_joint_commission_meeting_is_between_the_countries() -> None:
    f = _facts("Foreign Minister Ana Lopes of Peru met Foreign Minister Omar Saleh of Kenya in Lima on Monday. "
               "The two ministers agreed that their joint trade commission should convene in Nairobi in June.")
    com = next(m for m in f.meetings if m.evidence.rule == "meeting.commission")
    assert _labels(f, com.participants) == {"Peru", "Kenya"}
    assert com.status == "scheduled" and str(com.date) == "2024-06"


def test_commission_named_by_its_countries() -> None:
    f = _facts("Both governments will convene the fifth session of the Peru-Kenya Intergovernmental Commission in "
               "Lima in October.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Peru", "Kenya"}


def test_courtesy_call_on_a_minister_is_a_meeting() -> None:
    f = _facts("Deputy Foreign Minister Li Wen paid a courtesy call on Foreign Minister Omar Saleh on Monday.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Li Wen", "Omar Saleh"}


def test_bare_invitation_to_visit_is_no_meeting_until_accepted() -> None:
    text = ("President Omar Saleh of Kenya held talks with President Ana Lopes of Peru on Monday. "
            "Saleh invited Lopes to visit Nairobi in October.")
    assert len(_facts(text).meetings) == 1
    assert len(_facts(text + " Lopes accepted the invitation.").meetings) == 2
    assert len(_facts(text + " It was not clear whether she had accepted.").meetings) == 1


def test_indefinite_role_is_the_country() -> None:
    f = _facts("Prime Minister Ana Lopes of Peru first met a Kenyan leader in 2017.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Ana Lopes", "Kenya"}


def test_wrapped_up_visit_is_dated_back_from_its_last_day_and_dates_its_meeting() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa concluded a three-day visit to Lima on Wednesday, in the "
               "course of which she met Peruvian Foreign Minister Rosa Quispe.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Amina Wekesa", "Rosa Quispe"}
    assert str(m.date) == "2024-03-11" and str(m.end_date) == "2024-03-13"


def test_days_of_talks_that_ended_start_before_the_end() -> None:
    f = _facts("Two days of negotiations between Peru and Chile closed on Wednesday with no deal.")
    [m] = f.meetings
    assert str(m.date) == "2024-03-12" and str(m.end_date) == "2024-03-13"


def test_state_visit_absorbs_talks_with_a_host_of_unknown_country() -> None:
    f = _facts("Kenyan President Ruto Kamau will pay a state visit to Peru from March 18 to 20. "
               "Kamau will hold talks with President Rosa Quispe in Lima.")
    [m] = f.meetings
    assert m.kind == "state_visit" and _labels(f, m.participants) == {"Ruto Kamau", "Rosa Quispe"}
    assert str(m.date) == "2024-03-18"


def test_past_call_with_a_purpose_clause_is_dated_in_the_past() -> None:
    f = _facts("President Ana Lopes called President Omar Saleh on Monday to discuss a ceasefire.")
    [m] = f.meetings
    assert m.status == "happened" and str(m.date) == "2024-03-11"


def test_dateline_place_is_not_given_to_a_meeting_years_before() -> None:
    f = _facts("LIMA, March 14 (Reuters) - President Ana Lopes met President Omar Saleh on Wednesday. "
               "The two presidents first met in 2019.")
    old = next(m for m in f.meetings if str(m.date) == "2019")
    assert old.place is None


def test_trilateral_talks_of_three_titled_people() -> None:
    f = _facts("Egyptian Foreign Minister Omar Khalil, Jordanian Foreign Minister Rami Haddad and Iraqi Foreign "
               "Minister Salim Jabbar held trilateral talks in Amman on Monday.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Omar Khalil", "Rami Haddad", "Salim Jabbar"}


def test_sentence_initial_ministers_of_three_countries() -> None:
    f = _facts("Foreign ministers of Egypt, Jordan and Iraq met in Baghdad on Sunday.")
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Egypt", "Jordan", "Iraq"}


def test_presidents_of_two_countries_are_the_reference_holders_outside_quotes() -> None:
    f = _facts("The presidents of Iran and China met in Beijing on Monday.", dt.date(2023, 2, 15))
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Ebrahim Raisi", "Xi Jinping"}
    f = _facts("“The presidents of Iran and China will meet this week,” Senator Tom Reed said.", dt.date(2023, 2, 15))
    [m] = f.meetings
    assert _labels(f, m.participants) == {"Iran", "China"}


def test_they_after_a_dash_is_not_an_object_of_meet() -> None:
    f = _facts("Spokesman Li Wen said trade grew. Foreign Minister Ana Lopes will meet Omar Saleh this week – "
               "and they will sign a deal.")
    assert all("Li Wen" not in _labels(f, m.participants) for m in f.meetings)


def test_trigger_hints_cover_every_branch() -> None:
    """The fast word test before each trigger pattern never drops a sentence the pattern matches."""
    import re
    from pathlib import Path

    from kg.mapper.meetings import _triggers

    root = Path(__file__).resolve().parents[2]
    texts = [p.read_text(encoding="utf-8") for p in [*root.glob("seeds/*.txt"), *root.glob("tests/corpus/dev/*.txt")]]
    texts.append("They spoke over the phone. She paid a farewell call on the Emir. The two held closed-door talks.")
    lines = [line for t in texts for line in re.split(r"(?<=[.!?])\s+|\n", t) if line.strip()]
    for trig in _triggers():
        for line in lines:
            if trig.pattern.search(line):
                assert any(h in line.lower() for h in trig.hints), (trig.pattern.pattern, line)


def test_places_the_reference_data_does_not_know() -> None:
    f = _facts("Foreign Minister Ana Lopes met Foreign Minister Omar Saleh in Mombasa, Kenya, on Monday.")
    [m] = f.meetings
    assert m.place is not None and m.place.label == "Mombasa" and m.place.wikidata is None
    f = _facts("President Ana Lopes met President Omar Saleh in the Kenyan city of Kisumu on Monday.")
    [m] = f.meetings
    assert m.place is not None and m.place.label == "Kisumu"


def test_dateline_city_with_its_country() -> None:
    f = _facts("KISUMU, Kenya, March 14 (Reuters) - President Ana Lopes met President Omar Saleh on Wednesday.")
    [m] = f.meetings
    assert m.place is not None and m.place.label == "Kisumu"


def test_place_is_not_taken_from_a_relative_clause() -> None:
    f = _facts("JAKARTA - Foreign Minister Ana Lopes received Foreign Secretary Omar Saleh on Wednesday, who called "
               "for restraint in the South China Sea.")
    [m] = f.meetings
    assert m.place is not None and m.place.label == "Jakarta"


def test_sahel_style_group_of_three_named_states() -> None:
    f = _facts("Mali, Burkina Faso and Niger signed a defence pact on Monday. The three Sahel states also agreed "
               "to hold a summit in Niamey in July.")
    labels = {f.actors[k].label for k in f.actors}
    assert {"Mali", "Burkina Faso", "Niger"} <= labels
    [a] = f.agreements
    assert {f.actors[p].label for p in a.parties} == {"Mali", "Burkina Faso", "Niger"}


def test_talks_held_by_video_link_are_one_call() -> None:
    f = _facts("President Ana Lopes held talks by video link with President Omar Saleh on Monday.")
    [m] = f.meetings
    assert m.kind in ("video_call", "phone_call")
