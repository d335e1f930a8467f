"""Stage 6: statements — attribution frames, quotes, continuation, relays."""

from __future__ import annotations

import datetime as dt

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article


def _facts(text: str) -> ArticleFacts:
    return map_article(text, ArticleMeta("t", published=dt.date(2024, 3, 14)))


def _rows(f: ArticleFacts) -> list[tuple[str, str, bool]]:
    return [("/".join(f.actors[k].label for k in s.speakers), s.content.text, s.direct) for s in f.statements]


def test_reported_after_and_before() -> None:
    f = _facts("Foreign Minister Ana Ribeiro said that trade grew. Ties are strong, Ribeiro said.")
    assert _rows(f) == [("Ana Ribeiro", "trade grew.", False), ("Ana Ribeiro", "Ties are strong", False)]


def test_quote_before_speaker_and_continuation() -> None:
    f = _facts("“We are ready to act,” said Foreign Minister Tomas Berg. “The door is open.”")
    assert _rows(f) == [("Tomas Berg", "We are ready to act", True), ("Tomas Berg", "The door is open.", True)]


def test_unseen_cue_verb_with_that() -> None:
    f = _facts("Foreign Minister Ana Ortega underscored that the corridor would open by spring.")
    assert _rows(f) == [("Ana Ortega", "the corridor would open by spring.", False)]


def test_several_statements_in_one_sentence() -> None:
    f = _facts("Foreign Minister Emre Kaya welcomed the talks, saying they were constructive, "
               "and urged both sides to keep the channel open.")
    texts = [t for _, t, _ in _rows(f)]
    assert len(texts) == 3
    assert texts[0] == "the talks" and texts[1] == "they were constructive"


def test_according_to_agency_is_the_source_only_when_alone() -> None:
    f = _facts("The deal will be signed next week, according to Xinhua.")
    assert _rows(f)[0][0] == "Xinhua News Agency"
    g = _facts("Foreign Minister Ana Ribeiro said the deal was close, according to Xinhua.")
    assert _rows(g) == [("Ana Ribeiro", "the deal was close", False)]
    assert "wd:Q204839" not in g.actors  # a relay is not an actor


def test_pronoun_speaker_and_quoted_fragment_is_direct() -> None:
    f = _facts("Foreign Minister Ana Ribeiro arrived on Monday. She said the visit would “open a new chapter.”")
    assert _rows(f)[0][0] == "Ana Ribeiro" and _rows(f)[0][2] is True


def test_joint_speakers_are_the_meeting_participants() -> None:
    f = _facts("Foreign Minister Ana Ribeiro met Foreign Minister Hakan Demir in Ankara on Wednesday. "
               "The two sides agreed that trade should double.")
    joint = [s for s in f.statements if len(s.speakers) == 2]
    assert joint and joint[0].meeting == f.meetings[0].local_id


def test_content_is_an_exact_span() -> None:
    text = "“Peace matters,” Foreign Minister Ana Ribeiro told reporters. Ribeiro added that talks would resume."
    f = _facts(text)
    for s in f.statements:
        assert text[s.content.start : s.content.end] == s.content.text
        assert text[s.evidence.sentence.start : s.evidence.sentence.end] == s.evidence.sentence.text


def test_ministry_named_then_the_ministry_added() -> None:
    f = _facts("Kenya’s health ministry said in a statement that supplies were low. "
               "Nairobi will ask donors for help, the ministry added.")
    rows = _rows(f)
    assert [r[0] for r in rows] == ["Kenyan Health Ministry", "Kenyan Health Ministry"]
    assert rows[1][1] == "Nairobi will ask donors for help"


def test_called_object_with_quoted_description_is_a_statement() -> None:
    f = _facts("Foreign Minister Tomas Berg met President Ada Nwosu. Berg called the meeting “long overdue” "
               "and urged both sides to meet again.")
    rows = _rows(f)
    assert ("Tomas Berg", "the meeting “long overdue”", True) in rows


def test_called_someone_on_a_day_is_no_statement() -> None:
    f = _facts("Foreign Minister Tomas Berg called President Ada Nwosu on Monday.")
    assert not f.statements


def test_according_to_an_agency_named_after_its_description() -> None:
    f = _facts("The talks will resume in May, according to the Kenyan customs agency KRX.")
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "KRX"


def test_officials_from_all_countries_speak_jointly() -> None:
    f = _facts("Talks between Peru, Chile and Bolivia ended on Thursday without agreement, "
               "officials from all three countries said.")
    [s] = f.statements
    assert {f.actors[k].label for k in s.speakers} == {"Peru", "Chile", "Bolivia"}


def test_trailing_metonym_attribution_followed_by_a_time_clause() -> None:
    f = _facts("President Ana Ribeiro spoke by phone with President Tomas Berg on Monday, the Kremlin said, "
               "a week after Chile complained about delays in grain shipments.")
    rows = _rows(f)
    assert rows[0][0] == "Russia" and rows[0][1].startswith("President Ana Ribeiro spoke by phone")
    assert ("Chile", "delays in grain shipments.", False) in rows


def test_it_said_continues_the_readout_source() -> None:
    f = _facts("The two leaders discussed energy, according to the Kremlin’s readout of the call. "
               "It said Putin had also raised the issue of migrant workers.")
    rows = _rows(f)
    assert [r[0] for r in rows] == ["Russia", "Russia"]
    assert rows[1][1].startswith("Putin had also raised")


def test_thanked_someone_for_something_is_content() -> None:
    f = _facts("Foreign Minister Tomas Berg met President Ada Nwosu. Berg thanked Nwosu for “steady support”.")
    assert ("Tomas Berg", "Nwosu for “steady support”.", True) in _rows(f)


def test_according_to_an_acronym_takes_the_name_it_stands_for() -> None:
    f = _facts("Talks were frank, the Kenya News Agency reported. According to KNA, the two sides will meet in May.")
    labels = {f.actors[k].label for s in f.statements for k in s.speakers}
    assert "Kenya News Agency" in labels


def test_dateline_is_not_part_of_a_trailing_statement() -> None:
    f = _facts("LIMA (AP) - President Ana Ribeiro met President Tomas Berg on Monday, the ministry said.")
    assert all(not s.content.text.startswith("LIMA") for s in f.statements)


def test_who_clause_speaker_is_the_antecedent() -> None:
    f = _facts("Foreign Minister Ana Lopes received Trade Secretary Omar Saleh, who called for lower tariffs.")
    assert ("Omar Saleh", "lower tariffs.", False) in _rows(f)


def test_person_inside_a_relative_clause_is_not_the_speaker() -> None:
    f = _facts("Foreign Minister Li Wen, who is accompanying President Ana Lopes, said on Monday that ties were good.")
    assert _rows(f) == [("Li Wen", "ties were good.", False)]


def test_middle_name_of_a_double_surname_refers_back() -> None:
    f = _facts("Foreign Minister Carolina Fuentes Vidal met President Tomas Berg. Fuentes said the talks were useful.")
    assert ("Carolina Fuentes Vidal", "the talks were useful.", False) in _rows(f)


def test_readout_continuation_with_can() -> None:
    f = _facts("Foreign Minister Ana Lopes said Peru values the partnership. "
               "The country’s young workforce can support Kenyan firms.")
    assert [r[0] for r in _rows(f)] == ["Ana Lopes", "Ana Lopes"]


def test_called_someone_to_discuss_is_no_description() -> None:
    f = _facts("President Ana Lopes called President Omar Saleh to discuss a ceasefire.")
    assert not f.statements


def test_central_bank_is_an_organisation_source() -> None:
    f = _facts("Reserves rose by 5 percent, according to a statement from the Central Bank of Kenya.")
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Central Bank of Kenya"


def test_defended_and_offered_condolences_are_two_statements() -> None:
    f = _facts("Foreign Minister Omar Saleh condemned the attack and offered condolences to the families.")
    rows = _rows(f)
    assert ("Omar Saleh", "the attack", False) in rows
    assert any(r[1].startswith("to the families") for r in rows)


def test_hoped_without_that_takes_the_clause() -> None:
    f = _facts("Foreign Minister Omar Saleh said ties were strong and hoped the two sides would soon sign a deal.")
    rows = _rows(f)
    assert ("Omar Saleh", "the two sides would soon sign a deal.", False) in rows


def test_quote_then_speaker_told_an_audience() -> None:
    f = _facts("“Peace is possible,” UN envoy Ana Lopes told the opening session of the conference.")
    assert _rows(f) == [("Ana Lopes", "Peace is possible", True)]


def test_the_government_refers_back_to_the_named_government() -> None:
    f = _facts("President Omar Saleh will visit Peru next week, the Peruvian government announced on Monday, "
               "the first such visit in a decade. Saleh will hold talks in Lima, the government said.")
    assert [r[0] for r in _rows(f)] == ["Peru", "Peru"]


def test_reported_clause_with_its_own_group_subject_keeps_its_agreed() -> None:
    f = _facts("Kenya’s foreign ministry said the two leaders discussed grain deliveries and agreed to set up a "
               "commission.")
    rows = _rows(f)
    assert len(rows) == 1 and rows[0][1].endswith("agreed to set up a commission.")


def test_present_tense_judgement_continues_the_readout_in_its_paragraph() -> None:
    f = _facts("Foreign Minister Ali Karimi said Iran expects action against armed groups. "
               "The security of the border is a shared responsibility. Tehran is ready to help.")
    assert [r[0] for r in _rows(f)] == ["Ali Karimi"] * 3


def test_past_narrative_does_not_continue_the_readout() -> None:
    f = _facts("Foreign Minister Ali Karimi said Iran expects action against armed groups. "
               "The border is 900 km long and was closed in 2019.")
    assert len(_rows(f)) == 1


def test_they_in_the_sentence_of_a_meeting_are_its_participants() -> None:
    f = _facts("Foreign Minister Ana Lopes and Foreign Minister Omar Saleh held talks in Lima on Monday, when they "
               "agreed to set up a working group on fisheries.")
    [s] = f.statements
    assert {f.actors[k].label for k in s.speakers} == {"Ana Lopes", "Omar Saleh"}


def test_they_far_from_any_meeting_is_no_speaker() -> None:
    f = _facts("Foreign Minister Ana Lopes met Foreign Minister Omar Saleh on Monday. Trade rose in May. "
               "Exports fell in June. They said the figures were wrong.")
    assert not [s for s in f.statements if "figures" in s.content.text]


def test_transcript_published_by_a_government_is_a_channel() -> None:
    f = _facts("President Ana Lopes hosted President Omar Saleh on Tuesday, according to a transcript published "
               "by the Kremlin.")
    assert not f.statements


def test_press_service_relay_is_cut_from_the_content() -> None:
    f = _facts("President Omar Saleh thanked President Ana Lopes for the invitation, the presidential press service "
               "said.")
    assert _rows(f) == [("Omar Saleh", "President Ana Lopes for the invitation", False)]
