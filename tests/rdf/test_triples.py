"""Facts → quads: typed dates, evidence on every fact, everything inside the article's graph."""

from __future__ import annotations

import pyoxigraph as ox
from factories import make_facts
from hypothesis import given
from hypothesis import strategies as st

from kg.facts import DateValue
from kg.rdf.identity import MeetingRegistry
from kg.rdf.triples import article_quads, date_literal
from kg.vocab import DIP, XSD, article_graph


def _store(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def test_dates_are_typed_at_their_precision() -> None:
    assert date_literal(DateValue("2021")).datatype.value == XSD + "gYear"
    assert date_literal(DateValue("2022-09")).datatype.value == XSD + "gYearMonth"
    assert date_literal(DateValue("2022-09-14")).datatype.value == XSD + "date"


def test_all_quads_are_in_the_article_graph() -> None:
    quads = article_quads(make_facts("x1"), MeetingRegistry(), "0.0")
    assert quads and {q.graph_name for q in quads} == {article_graph("x1")}


def test_every_fact_has_article_and_evidence_that_slices_the_text() -> None:
    facts = make_facts("x1")
    store = _store(article_quads(facts, MeetingRegistry(), "9.9"))
    rows = list(store.query(f"""
        PREFIX dip: <{DIP.Meeting.value.rpartition('#')[0]}#>
        SELECT ?fact ?begin ?end ?text ?rule ?version WHERE {{ GRAPH ?g {{
          ?fact dip:reportedIn ?a ; dip:evidence ?e .
          ?e dip:beginIndex ?begin ; dip:endIndex ?end ; dip:anchorText ?text ; dip:rule ?rule ;
             dip:mapperVersion ?version ; dip:confidence ?c . }} }}"""))
    assert len(rows) == 3  # meeting, statement, agreement
    for row in rows:
        assert facts.text[int(row["begin"].value):int(row["end"].value)] == row["text"].value
        assert row["version"].value == "9.9"


def test_statement_links_to_its_meeting_and_speaker() -> None:
    store = _store(article_quads(make_facts("x1"), MeetingRegistry(), "0.0"))
    rows = list(store.query("""
        PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#>
        SELECT ?s ?m ?speaker WHERE { GRAPH ?g { ?s a dip:Statement ; dip:madeAt ?m ; dip:speaker ?speaker .
                                                 ?m a dip:Meeting } }"""))
    assert len(rows) == 1
    assert rows[0]["speaker"].value.endswith("/actor/Q5947347")


def test_unlinked_actor_is_marked_and_has_no_same_as() -> None:
    facts = make_facts("x1")
    from kg.facts import Actor

    facts.actors["person:li-ming"] = Actor("person:li-ming", "Li Ming", "person")
    store = _store(article_quads(facts, MeetingRegistry(), "0.0"))
    rows = list(store.query("""
        PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#>
        SELECT ?linked (EXISTS { GRAPH ?g { ?a <http://www.w3.org/2002/07/owl#sameAs> ?w } } AS ?same) WHERE {
          GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#label> "Li Ming" ; dip:linkedToWikidata ?linked } }"""))
    assert rows[0]["linked"].value == "false"
    assert rows[0]["same"].value == "false"


@given(st.text(min_size=1, max_size=40))
def test_any_label_survives_serialisation(label: str) -> None:
    facts = make_facts("x1", speaker_label=label)
    quads = article_quads(facts, MeetingRegistry(), "0.0")
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    parsed = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    assert {str(q) for q in parsed} == {str(q) for q in quads}


def test_affiliations_only_to_countries_the_article_graph_types_and_one_mention_per_span() -> None:
    import datetime as dt

    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    text = ("The Houthis said ships linked to China would not be targeted. Chinese Vice Premier He Jianping met "
            "Iranian President Ebrahim Raisi on Monday. He said China stood ready to help.")
    facts = map_article(text, ArticleMeta("a1", published=dt.date(2024, 1, 10)))
    assert "organization:houthis" in facts.actors and "country:yemen" not in facts.actors
    store = _store(article_quads(facts, MeetingRegistry(), "0.0"))
    assert not list(store.quads_for_pattern(None, DIP.affiliatedWith, None, None)) or all(
        q.object.value.endswith(("Q148", "Q794")) for q in store.quads_for_pattern(None, DIP.affiliatedWith, None))
    spans = [(m.span.start, m.span.end) for m in facts.mentions]
    assert len(spans) == len(set(spans))
