"""Stage 2: mentions from the gazetteer and from language patterns."""

from __future__ import annotations

from kg.mapper.mentions import Ment, find_mentions
from kg.mapper.text import split_sentences


def _ments(text: str) -> list[Ment]:
    return find_mentions(split_sentences(text), text)


def _by_text(text: str) -> dict[str, Ment]:
    return {text[m.start : m.end]: m for m in _ments(text)}


def test_title_before_unknown_name_gives_person_and_role() -> None:
    text = "Deputy Foreign Minister Li Ming arrived in Lima on Monday."
    m = _by_text(text)["Li Ming"]
    assert m.etype == "person" and m.role == "Deputy Foreign Minister" and m.key is None


def test_demonym_title_gives_country() -> None:
    text = "Peruvian Trade Minister Rosa Quispe Huamán said the talks went well."
    m = _by_text(text)["Rosa Quispe Huamán"]
    assert m.role == "Peruvian Trade Minister"
    assert m.country == "country:peru"


def test_name_beside_speech_verb_without_title() -> None:
    text = "“We are ready,” said Tomas Berglund, adding that talks would resume."
    assert _by_text(text)["Tomas Berglund"].etype == "person"


def test_apposition_role() -> None:
    text = "Li Ming, a spokesman for the ministry, said the visit was useful."
    assert _by_text(text)["Li Ming"].role == "spokesman for the ministry"


def test_capital_metonym_and_modifiers() -> None:
    text = "Washington and Beijing traded barbs over US sanctions on Iran’s oil."
    m = _by_text(text)
    assert m["Washington"].key == "wd:Q30" and m["Washington"].kind == "metonym"
    assert m["Beijing"].key == "wd:Q148"
    assert m["US"].modifier  # "US sanctions"
    assert m["Iran"].modifier  # possessive


def test_government_phrase_is_the_country() -> None:
    text = "The Chilean government says the pact is fair."
    m = _by_text(text)["Chilean government"]
    assert m.etype == "country" and m.key == "country:chile"


def test_role_phrase_and_group() -> None:
    text = "The Iranian president met the two ministers."
    m = _by_text(text)
    assert m["The Iranian president"].kind == "role" and m["The Iranian president"].country == "wd:Q794"
    assert m["the two ministers"].kind == "group"


def test_ministry_by_pattern() -> None:
    text = "The Turkish foreign ministry said the memorandums would cut red tape."
    m = next(x for x in _ments(text) if x.etype == "ministry")
    assert m.label == "Turkish Foreign Ministry" and m.country == "country:turkey"


def test_ministry_label_keeps_the_articles_wording_and_one_key() -> None:
    a = next(x for x in _ments("Japan's Ministry of Foreign Affairs said so.") if x.etype == "ministry")
    b = next(x for x in _ments("The Japanese foreign ministry said so.") if x.etype == "ministry")
    assert a.label == "Japan's Ministry of Foreign Affairs" and b.label == "Japanese Foreign Ministry"
    assert a.key == b.key


def test_people_listed_after_a_plural_title_with_their_countries() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Trade ministers Ana Lopes of Peru, Omar Saleh of Kenya and Li Wen of China met on Monday.",
                    ArticleMeta("t"))
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Ana Lopes", "Omar Saleh", "Li Wen"}
    people = {a.label: a for a in f.actors.values() if a.type == "person"}
    assert people["Omar Saleh"].country == "country:kenya"


def test_title_then_comma_then_name_is_a_person_with_that_role() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Kenya’s Minister of Energy and Petroleum, Amina Wekesa, will travel to Lima. "
                    "She is scheduled to meet Peruvian Energy Minister Rosa Quispe on Tuesday.", ArticleMeta("t"))
    people = {a.label: a for a in f.actors.values() if a.type == "person"}
    assert people["Amina Wekesa"].country == "country:kenya"
    assert any({f.actors[k].label for k in m.participants} == {"Amina Wekesa", "Rosa Quispe"} for m in f.meetings)


def test_office_of_the_president_is_an_organisation_that_speaks() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("The Office of the Prime Minister said in a statement that the talks would resume.",
                    ArticleMeta("t"))
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Office of the Prime Minister"


def test_single_name_of_country_belongs_to_the_name() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Foreign Minister Ana Lopes of Peru met Foreign Minister Omar Saleh of Kenya.", ArticleMeta("t"))
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Ana Lopes", "Omar Saleh"}


def test_gazetteer_matcher_prefers_the_longest_form_at_a_word_boundary() -> None:
    from kg.mapper.gazetteer import load

    g = load()
    text = "Iranian officials met the Islamic Republic of Iran envoy; Irani said nothing."
    found = [m.group() for m in g.matcher.finditer(text)]
    assert "Iranian" in found and "Islamic Republic of Iran" in found
    assert "Iran" not in found and all(f in g.surfaces for f in found)


def test_unknown_organisation_by_its_capitalised_name_speaks() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("The Kenya Ports Authority said cargo volumes rose in May.", ArticleMeta("t"))
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Kenya Ports Authority"


def test_relative_clause_is_skipped_when_reading_the_subject_of_talks() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Peru and the Andean Development Community, of which Chile is a member, have been negotiating "
                    "a trade pact since 2019.", ArticleMeta("t"))
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Peru", "Andean Development Community"}
    assert str(m.date) == "2019"


def test_title_holding_an_organisation_name() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("General Secretary of the Workers Party of Kenya Amos Otieno met President Ana Lopes of Peru.",
                    ArticleMeta("t"))
    [m] = f.meetings
    assert {f.actors[k].label for k in m.participants} == {"Amos Otieno", "Ana Lopes"}


def test_court_of_a_country_is_one_organisation() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("The Supreme Court of Kenya said the case would resume in May.", ArticleMeta("t"))
    [s] = f.statements
    assert f.actors[s.speakers[0]].label == "Supreme Court of Kenya"


def test_surname_spelt_like_a_pronoun_before_a_given_name() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Chinese Vice Premier He Lifang met Kenyan Trade Minister Amina Wekesa in Beijing. He said trade "
                    "would grow.", ArticleMeta("t"))
    labels = {a.label for a in f.actors.values()}
    assert "He Lifang" in labels, labels
    assert any(f.actors[k].label == "He Lifang" for s in f.statements for k in s.speakers), f.statements


def test_embassies_and_unknown_acronyms_speak_as_organisations() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("The Kenyan embassy in Kampala said the talks were useful. ECOWAS said it had not been notified.",
                    ArticleMeta("t"))
    speakers = [f.actors[k].label for s in f.statements for k in s.speakers]
    assert speakers == ["Kenyan embassy in Kampala", "ECOWAS"]


def test_a_long_apposition_with_a_profession_names_a_person() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Omar Haddadi, a research fellow at the Nairobi Institute of East African Studies, told the paper "
                    "that the deal would hold.", ArticleMeta("t"))
    assert [f.actors[k].label for s in f.statements for k in s.speakers] == ["Omar Haddadi"]


def test_office_of_a_named_body_before_a_name_is_its_title() -> None:
    text = "Head of Kenya's National Ports Administration Otieno Wafula and Peruvian Trade Minister Rosa Quispe met."
    m = _by_text(text)["Otieno Wafula"]
    assert m.etype == "person"
    assert m.role == "Head of Kenya's National Ports Administration" and m.country == "country:kenya"
    assert "National Ports Administration Otieno Wafula" not in _by_text(text)


def test_an_ambassador_to_a_country_then_a_name_between_commas_is_that_person() -> None:
    text = "Separately, Kenya's ambassador to Peru, Otieno Wafula, was received in Lima on Monday."
    m = _by_text(text)["Otieno Wafula"]
    assert m.etype == "person" and m.country == "country:kenya"


def test_a_title_with_a_for_complement_ends_before_the_name() -> None:
    text = "Kenyan Deputy Foreign Minister for Economic Diplomacy Amina Wekesa met Additional Secretary Tomas Berg."
    people = {text[m.start : m.end] for m in _ments(text) if m.etype == "person" and m.kind == "name"}
    assert people == {"Amina Wekesa", "Tomas Berg"}


def test_long_appositions_and_bodies_with_name_like_words() -> None:
    text = ("Amina Wekesa, deputy roads minister and managing director of the Kenya Railways (KR), chaired the "
            "session. Tomas Berg, a research fellow at the Institute of Andean and Pacific Studies of the Peruvian "
            "Academy of Social Sciences, told reporters the plan was sound.")
    people = {text[m.start : m.end] for m in _ments(text) if m.etype == "person" and m.kind == "name"}
    assert people == {"Amina Wekesa", "Tomas Berg"}


def test_portuguese_particles_stay_in_the_name() -> None:
    text = "Brazilian President Luiz Carlos Souza da Costa received the envoy on Monday."
    assert "Luiz Carlos Souza da Costa" in _by_text(text)


def test_named_members_of_a_role_group() -> None:
    text = "The foreign ministers of both countries, Amina Wekesa and Tomas Berg, will meet in Lima next month."
    people = {text[m.start : m.end] for m in _ments(text) if m.etype == "person" and m.kind == "name"}
    assert people == {"Amina Wekesa", "Tomas Berg"}


def test_a_definite_role_before_a_speech_verb_starts_a_clause_and_seas_are_no_people() -> None:
    text = "Asked about attacks on shipping in the Red Sea, the envoy said Lima opposed them."
    assert not [m for m in _ments(text) if m.etype == "person" and m.kind == "name"]


def test_titled_apposition_ending_the_sentence_and_listing_portfolios() -> None:
    text = ("The minister received the Minister of Foreign Affairs of the Republic of Chile, Tomas Berg Lagos. "
            "Berg then met the Minister of Industry, Energy and Mining, Rosa Quispe Huamán, on Monday.")
    m = _by_text(text)
    assert m["Tomas Berg Lagos"].etype == "person"
    assert m["Tomas Berg Lagos"].role == "Minister of Foreign Affairs of the Republic of Chile"
    assert m["Rosa Quispe Huamán"].role == "Minister of Industry, Energy and Mining"


def test_common_word_with_a_capital_inside_a_name() -> None:
    m = _by_text("Tanzania's Foreign Minister Juma Said Mkwawa met the envoy on Monday.")
    assert "Juma Said Mkwawa" in m and m["Juma Said Mkwawa"].etype == "person"


def test_given_name_spelt_like_a_month_before_a_surname() -> None:
    m = _by_text("Polish Defence Minister Jan Nowak met the envoy. On Jan 5 the talks resumed.")
    assert m["Jan Nowak"].etype == "person"
    assert not any(k.startswith("Jan 5") for k in m)


def test_foreign_office_named_by_its_country_then_alone_is_one_ministry() -> None:
    ms = [x for x in _ments("A statement was issued by Kenya's Foreign Office. According to the Foreign Office, "
                            "talks resume soon.") if x.etype == "ministry"]
    assert len(ms) == 2 and ms[0].key == ms[1].key and ms[1].label == "Kenya's Foreign Office"
