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
    assert _rows(f)[0][0] == "Xinhua"  # labelled as the article names it
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
    f = _facts("Kenya’s health ministry said on Monday that vaccine stocks were low. "
               "Donors would be asked for help, the ministry added.")
    rows = _rows(f)
    assert [r[0] for r in rows] == ["Kenya’s Health Ministry", "Kenya’s Health Ministry"]
    assert rows[1][1] == "Donors would be asked for help"


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
    f = _facts("A round of negotiations between Peru, Chile and Bolivia closed on Friday with no deal, "
               "officials from all three countries said.")
    [s] = f.statements
    assert {f.actors[k].label for k in s.speakers} == {"Peru", "Chile", "Bolivia"}


def test_trailing_metonym_attribution_followed_by_a_time_clause() -> None:
    f = _facts("President Ana Ribeiro spoke by phone with President Tomas Berg on Monday, the Kremlin said, "
               "two days after Chile complained about a shortage of fertiliser.")
    rows = _rows(f)
    assert rows[0][0] == "Russia" and rows[0][1].startswith("President Ana Ribeiro spoke by phone")
    assert ("Chile", "a shortage of fertiliser.", False) in rows


def test_it_said_continues_the_readout_source() -> None:
    f = _facts("The two leaders discussed energy, according to the Kremlin’s readout of the meeting. "
               "It said the president had also raised fishing quotas.")
    rows = _rows(f)
    assert [r[0] for r in rows] == ["Russia", "Russia"]
    assert rows[1][1].startswith("the president had also raised")


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
    f = _facts("Foreign Minister Li Wen, who travelled with President Ana Lopes, said on Monday that ties were good.")
    assert _rows(f) == [("Li Wen", "ties were good.", False)]


def test_middle_name_of_a_double_surname_refers_back() -> None:
    f = _facts("Foreign Minister Carolina Fuentes Vidal met President Tomas Berg. Fuentes said the talks were useful.")
    assert ("Carolina Fuentes Vidal", "the talks were useful.", False) in _rows(f)


def test_readout_continuation_with_can() -> None:
    f = _facts("Foreign Minister Ana Lopes said Peru values the partnership. "
               "Its ports can serve Kenyan exporters.")
    assert [r[0] for r in _rows(f)] == ["Ana Lopes", "Ana Lopes"]


def test_called_someone_to_discuss_is_no_description() -> None:
    f = _facts("President Ana Lopes called President Omar Saleh to discuss a ceasefire.")
    assert not f.statements


def test_central_bank_is_an_organisation_source() -> None:
    f = _facts("Reserves rose by 5 percent, according to a statement from the Central Bank of Kenya.")
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Central Bank of Kenya"


def test_defended_and_offered_condolences_are_two_statements() -> None:
    f = _facts("Foreign Minister Omar Saleh denounced the bombing and offered condolences to the relatives.")
    rows = _rows(f)
    assert ("Omar Saleh", "the bombing", False) in rows
    assert any(r[1].startswith("to the relatives") for r in rows)


def test_hoped_without_that_takes_the_clause() -> None:
    f = _facts("Foreign Minister Omar Saleh said ties were strong and hoped both sides would agree soon.")
    rows = _rows(f)
    assert ("Omar Saleh", "both sides would agree soon.", False) in rows


def test_quote_then_speaker_told_an_audience() -> None:
    f = _facts("“Peace is possible,” UN envoy Ana Lopes told the closing plenary of the conference.")
    assert _rows(f) == [("Ana Lopes", "Peace is possible", True)]


def test_the_government_refers_back_to_the_named_government() -> None:
    f = _facts("President Omar Saleh will travel to Peru next week, the Peruvian government announced on Monday, "
               "the first such trip in a decade. Saleh is to meet business leaders in Lima, the government said.")
    assert [r[0] for r in _rows(f)] == ["Peru", "Peru"]


def test_reported_clause_with_its_own_group_subject_keeps_its_agreed() -> None:
    f = _facts("Kenya’s foreign ministry said the two leaders reviewed fishing rights and agreed to form a "
               "panel.")
    rows = _rows(f)
    assert len(rows) == 1 and rows[0][1].endswith("agreed to form a panel.")


def test_present_tense_judgement_continues_the_readout_in_its_paragraph() -> None:
    f = _facts("Foreign Minister Ali Karimi said Peru expects action against smugglers. "
               "Border security is a common duty. Lima is ready to help.")
    assert [r[0] for r in _rows(f)] == ["Ali Karimi"] * 3


def test_past_narrative_does_not_continue_the_readout() -> None:
    f = _facts("Foreign Minister Ali Karimi said Peru expects action against smugglers. "
               "The border is 900 km long and was closed in 2019.")
    assert len(_rows(f)) == 1


def test_they_in_the_sentence_of_a_meeting_are_its_participants() -> None:
    f = _facts("Foreign Minister Ana Lopes and Foreign Minister Omar Saleh held talks in Lima on Monday, at which they "
               "agreed to create a fisheries task force.")
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


def test_quote_interrupted_by_its_attribution_gives_two_statements() -> None:
    f = _facts('Foreign Minister Ana Lopes met Omar Saleh. "The relationship," Lopes said, "has never been stronger '
               'than it is today, and we intend to keep it that way for many years."')
    rows = _rows(f)
    assert ("Ana Lopes", "The relationship", True) in rows
    assert any(r[1].startswith("has never been stronger") for r in rows)


def test_quote_running_on_over_sentences_and_into_the_next_paragraph() -> None:
    f = _facts('"Trade is growing," said Foreign Minister Ana Lopes.\n\n'
               '"We are ready to open a new chapter. Our companies want to invest.\n\n'
               '"We will also support the bid," she added.')
    rows = _rows(f)
    assert ("Ana Lopes", '"We are ready to open a new chapter. Our companies want to invest.', True) in rows
    assert len(rows) == 3


def test_quoted_by_a_paper_as_telling() -> None:
    f = _facts('Foreign Minister Omar Saleh was quoted by the Daily Star as telling parliament that Kenya would '
               '"welcome any partner".')
    assert _rows(f) == [("Omar Saleh", 'Kenya would "welcome any partner".', True)]


def test_apposition_closed_by_a_comma_before_said() -> None:
    f = _facts("Kenya’s foreign ministry spokesperson, Grace Njoroge, said the two sides would sign a visa waiver "
               "agreement in June.")
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Grace Njoroge"


def test_coordinated_countries_agree_jointly() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Kenya and Uganda agreed on Tuesday to form a joint working group on trade.", ArticleMeta("t"))
    [st] = f.statements
    assert sorted(f.actors[k].label for k in st.speakers) == ["Kenya", "Uganda"]
    assert st.content.text.startswith("to form")


def test_numbered_group_of_countries_is_the_last_countries_named() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Kenyan Foreign Minister Amina Wekesa said Mali, Chad and Niger had made a mistake. Wekesa met her "
                    "Ugandan counterpart Joseph Okello in Nairobi last week. The three Sahel states announced on "
                    "Sunday that they were leaving the bloc.", ArticleMeta("t"))
    last = f.statements[-1]
    assert sorted(f.actors[k].label for k in last.speakers) == ["Chad", "Mali", "Niger"]


def test_readout_positions_in_the_present_tense_continue_the_statement() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Kenyan Foreign Minister Amina Wekesa said that Kenya and Uganda are old friends. Kenya supports "
                    "Uganda in defending its sovereignty.", ArticleMeta("t"))
    assert len(f.statements) == 2 and f.statements[1].speakers == f.statements[0].speakers


def test_money_pledged_and_passive_welcomes_are_no_statements() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Norway had pledged up to $1 billion. Kenyan President Ruto Kamau was welcomed with a 21-gun "
                    "salute.", ArticleMeta("t"))
    assert not f.statements


def _says(text: str) -> list[tuple[list[str], str]]:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article(text, ArticleMeta("t", published=dt.date(2024, 3, 14)))
    return [([f.actors[k].label for k in s.speakers], s.content.text) for s in f.statements]


def test_agency_reporting_alone_is_the_source() -> None:
    [(who, what)] = _says("The 12 documents, signed after Monday's talks, cover fisheries and ports, Kenya's official "
                          "news agency KNA reported.")
    assert who == ["KNA"] and what.startswith("The 12 documents")


def test_agency_relaying_a_named_speaker_is_cut_from_the_content() -> None:
    [(who, what)] = _says("Kenyan President Ruto Kamau said ties were strong, Kenya's official news agency KNA "
                          "reported.")
    assert who == ["Ruto Kamau"] and what == "ties were strong"


def test_unnamed_spokesperson_of_a_body_speaks_for_it() -> None:
    [(who, _)] = _says("A State Department spokesperson said the sanctions would stay.")
    assert who == ["State Department"]


def test_they_after_a_group_in_the_same_sentence() -> None:
    says = _says("Kenyan President Ruto Kamau held talks with Ugandan President Joseph Okello in Nairobi on Tuesday. "
                 "The two countries also issued a joint statement, in which they reaffirmed their support for each "
                 "other's core interests.")
    assert sorted(says[-1][0]) == ["Kenya", "Uganda"]


def test_participle_of_a_new_clause_subject() -> None:
    says = _says("Kenyan President Ruto Kamau invited Ugandan President Joseph Okello to visit Nairobi, and the "
                 "Ugandan president accepted the invitation, saying he would travel before the end of the year.")
    assert says[-1][0] == ["Joseph Okello"]


def test_said_of_a_topic_after_a_quote() -> None:
    says = _says('"We discussed the border in detail," Kenyan President Ruto Kamau said of the talks.')
    assert says == [(["Ruto Kamau"], "We discussed the border in detail")]


def test_diplomats_speak_for_their_country_and_no_content_after_though() -> None:
    says = _says("Kamau is expected to visit Kampala next month, two Kenyan diplomats said, though no date is set.")
    assert says == [(["Kenya"], "Kamau is expected to visit Kampala next month")]


def test_sources_named_after_their_description_and_estimates() -> None:
    says = _says("Kenya imported 1.2 million tonnes of wheat in the first quarter, according to estimates by "
                 "ship-tracking firm Portwatch. Prices doubled, according to the Nairobi Grain Exchange.")
    assert [who for who, _ in says] == [["Portwatch"], ["Nairobi Grain Exchange"]]


def test_a_name_inside_a_quotation_is_no_antecedent() -> None:
    says = _says("Nairobi-based analyst Omar Haddadi argues that the deal matters. “If Kampala walks away, the "
                 "corridor dies. Okello knows this,” he told the paper.")
    assert says[-1][0] == ["Omar Haddadi"]


def test_a_new_speaker_after_and_and_the_day_before_the_words() -> None:
    f = _facts("Peru has accused Chile of dumping copper, and a Peruvian Trade Ministry spokesperson said Wednesday "
               "the duties would stay.")
    rows = _rows(f)
    assert rows[0][1] == "Chile of dumping copper"
    assert rows[1][1] == "the duties would stay."


def test_according_to_a_source_then_a_speakers_own_frame() -> None:
    f = _facts("Peruvian President Tomas Berg met the envoy. According to the Peruvian presidency, Berg told him that "
               "he wanted closer ties.")
    assert ("Tomas Berg", "he wanted closer ties.", False) in _rows(f)


def test_they_after_a_joint_statement_and_the_statement_said() -> None:
    f = _facts("Officials of Kenya, Peru and Chile met in Lima on Monday. In a joint statement issued after the "
               "talks, the three countries said the corridor remained vital. They called on lenders to help. The next "
               "round will be held in Nairobi, the statement said.")
    joint = [r for r in _rows(f) if r[0] == "Kenya/Peru/Chile"]
    assert [r[1] for r in joint] == ["the corridor remained vital.", "lenders to help.",
                                     "The next round will be held in Nairobi"]


def test_an_unnamed_speaker_is_no_readout_continuation() -> None:
    f = _facts("Peruvian Trade Minister Rosa Quispe warned Chilean firms against dumping. Kenyan analysts said the "
               "duties would not change Nairobi's position.")
    assert [r[1] for r in _rows(f)] == ["Chilean firms against dumping."]


def test_pressed_blamed_and_dismissed_are_speech_acts() -> None:
    f = _facts("Peru has pressed Chile to open the border. Foreign Minister Rosa Quispe blamed the delay on the "
               "floods. Trade Minister Tomas Berg dismissed the report.")
    assert [r[1] for r in _rows(f)] == ["Chile to open the border.", "the delay on the floods.", "the report."]


def test_an_unnamed_official_speaks_for_the_country_but_an_official_visit_is_no_speaker() -> None:
    f = _facts("The talks went well, a senior Kenyan official said. Peru's president paid an official visit to "
               "Nairobi in May.")
    assert _rows(f) == [("Kenya", "The talks went well", False)]


def test_a_quote_paragraph_left_open_belongs_to_the_speaker_named_in_the_next() -> None:
    f = _facts("Peru buys most of the copper, according to the consultancy Andes Metrics.\n\n"
               "“Lima has never been willing to pay a price.\n\n"
               "“What Nairobi calls a partnership, Lima manages as a portfolio,” said Tomas Berg, a senior fellow at "
               "the Andean Institute, in an interview.")
    assert [r[0] for r in _rows(f)] == ["Andes Metrics", "Tomas Berg", "Tomas Berg"]


def test_readout_paragraphs_leading_participles_and_closing_attributions() -> None:
    f = _facts("Peruvian President Tomas Berg held talks with Kenyan President Ruto Kamau in Lima on Monday.\n\n"
               "Berg pointed out that the two countries have long been friends. Since the establishment of ties 40 "
               "years ago, the relationship has withstood every test.\n\n"
               "Noting that the world is changing fast, Berg said Peru and Kenya should work together.\n\n"
               "The Lima dialogue has set an example for the region. Peru is willing to keep playing a constructive "
               "role, Berg noted.")
    contents = [r[1] for r in _rows(f) if r[0] == "Tomas Berg"]
    assert contents == [
        "the two countries have long been friends.",
        "Since the establishment of ties 40 years ago, the relationship has withstood every test.",
        "the world is changing fast",
        "Peru and Kenya should work together.",
        "The Lima dialogue has set an example for the region.",
        "Peru is willing to keep playing a constructive role",
    ]


def test_news_told_before_a_closing_attribution_is_not_the_speakers_view() -> None:
    f = _facts("Kenya's trade minister, Amina Wekesa, will travel to Lima next week. She is scheduled to meet Peruvian "
               "officials on Tuesday, the Kenyan trade ministry said in a statement.")
    assert len(_rows(f)) == 1


def test_a_government_named_as_source_after_its_spokesperson_and_a_chamber_of_commerce() -> None:
    f = _facts("Peruvian Foreign Ministry spokeswoman Rosa Quispe said Lima would accept the plan. Peruvian Prime "
               "Minister Luis Campos declined an invitation to the meeting, the Peruvian government said. Exports "
               "fell by half, according to estimates by the Lima Chamber of Commerce.")
    assert [r[0] for r in _rows(f)] == ["Rosa Quispe", "Peru", "Lima Chamber of Commerce"]


def test_the_two_sides_of_a_visit_with_many_people_are_the_two_countries() -> None:
    f = _facts("Kenyan President Ruto Kamau began a two-day state visit to Peru on Monday. Kamau held talks with "
               "Peruvian President Tomas Berg, met Peruvian Prime Minister Luis Campos and received Peruvian army "
               "chief General Rosa Quispe. In a joint statement issued on Tuesday, the two sides agreed to finalise a "
               "trade deal.")
    assert ("Kenya/Peru", "to finalise a trade deal.", False) in _rows(f) or \
        ("Peru/Kenya", "to finalise a trade deal.", False) in _rows(f)


def test_interrupted_quote_after_an_addressee_relative_objects_posts_and_saying_little() -> None:
    f = _facts("“Peru and Kenya are one family,” President Tomas Berg told a joint news conference, “and what we "
               "signed today proves it.” Peru has proposed a conference in Cusco that would exclude outside navies. "
               "Foreign Minister Rosa Quispe posted on X after the meeting: “A warm exchange.” Nairobi has said "
               "remarkably little in public.")
    assert _rows(f) == [
        ("Tomas Berg", "Peru and Kenya are one family", True),
        ("Tomas Berg", "and what we signed today proves it.", True),
        ("Peru", "a conference in Cusco that would exclude outside navies.", False),
        ("Rosa Quispe", "A warm exchange.", True),
    ]


def test_according_to_a_post_apposed_to_a_name_is_the_person() -> None:
    f = _facts("Some $2 billion is held in restricted accounts, according to Kenya’s central bank governor, "
               "Amina Wekesa.")
    assert _rows(f) == [("Amina Wekesa", "Some $2 billion is held in restricted accounts", False)]


def test_press_office_of_a_post_speaks_for_itself() -> None:
    f = _facts("Ruto has accepted an invitation to visit Lima, the Peruvian president’s media office said.")
    assert _rows(f) == [("Peruvian president’s media office", "Ruto has accepted an invitation to visit Lima", False)]


def test_during_the_talks_after_other_events_returns_to_the_main_talks() -> None:
    f = _facts("Kenyan President Ruto Kamau held talks with Peruvian President Rosa Quispe in Nairobi on Monday. "
               "The visit was prepared during a phone call last week between Foreign Minister Amina Wekesa and her "
               "Peruvian counterpart Tomas Berg. Quispe has accepted an invitation to visit Lima, Kamau's office said. "
               "During the talks, the Kenyan president stressed that trade must grow. "
               "The two sides stressed the need for a ceasefire.")
    rows = _rows(f)
    assert ("Ruto Kamau/Rosa Quispe", "the need for a ceasefire.", False) in rows or \
        ("Rosa Quispe/Ruto Kamau", "the need for a ceasefire.", False) in rows, rows


def test_while_another_speaker_said_is_a_statement_of_its_own() -> None:
    f = _facts("Kenyan President Ruto Kamau met Peruvian President Rosa Quispe on Monday. The Kenyan president "
               "stressed that trade must grow, while the Peruvian president said Lima would decide its own path.")
    assert [r[:2] for r in _rows(f)] == [("Ruto Kamau", "trade must grow"),
                                         ("Rosa Quispe", "Lima would decide its own path.")]


def test_plural_present_attribution_and_more_new_speakers_after_and() -> None:
    f = _facts("Kenyan officials complain that the pact has delivered little. Ruto Kamau thanked Lima for its aid, "
               "and Rosa Quispe pledged further support.")
    assert [r[:2] for r in _rows(f)] == [("Kenya", "the pact has delivered little."),
                                         ("Ruto Kamau", "Lima for its aid"),
                                         ("Rosa Quispe", "further support.")]


def test_commitment_coordinated_after_another_verb_is_the_subjects() -> None:
    f = _facts("Kenyan Foreign Minister Amina Wekesa and Tanzanian Foreign Minister Juma Mkwawa met in Arusha on "
               "Monday. The two sides signed a memorandum on border posts and agreed to remove 14 barriers.")
    assert ("Amina Wekesa/Juma Mkwawa", "to remove 14 barriers.", False) in _rows(f)
    g = _facts("Kenyan Foreign Minister Amina Wekesa and Tanzanian Foreign Minister Juma Mkwawa met on Monday. "
               "The two ministers discussed trade and agreed to keep in close contact, the Kenyan Foreign Ministry "
               "said.")
    assert [r[0] for r in _rows(g)] == ["Kenyan Foreign Ministry"]


def test_anonymous_sources_of_a_country_speak_for_it() -> None:
    f = _facts("The ministers sat at the same table, an Armenian diplomat told Reuters. "
               "He met Lavrov on the sidelines, a Turkish diplomatic source said, without giving details.")
    assert [r[:2] for r in _rows(f)] == [("Armenia", "The ministers sat at the same table"),
                                         ("Turkey", "He met Lavrov on the sidelines")]


def test_a_listed_ministry_is_labelled_as_the_article_names_it() -> None:
    a = _facts("Itamaraty said the talks went well.")
    b = _facts("Brazil's foreign ministry said the talks went well.")
    assert _rows(a)[0][0] == "Itamaraty" and _rows(b)[0][0] == "Brazil's Foreign Ministry"
    assert a.statements[0].speakers == b.statements[0].speakers


def test_a_listed_news_agency_is_labelled_as_the_article_names_it() -> None:
    a = _facts("The visit was cancelled, according to Tasnim.")
    assert [r[0] for r in _rows(a)] == ["Tasnim"]


def test_what_was_agreed_told_by_a_ministry_is_the_ministrys_statement() -> None:
    f = _facts("Thai Commerce Minister Ana Flores met Ghana's Trade Minister Kofi Mensah on Monday. The two sides "
               "agreed to meet again next month in Accra, the Thai Commerce Ministry said.")
    assert _rows(f) == [("Thai Commerce Ministry", "The two sides agreed to meet again next month in Accra", False)]
