"""kg.validate: a valid instance dataset conforms; each kind of broken data fails with a readable message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from factories import make_facts
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, XSD
from rdflib.plugins.sparql import prepareQuery

from kg import vocab
from kg.rdf.identity import MeetingRegistry
from kg.rdf.triples import article_quads
from kg.store import materialize_union
from kg.validate import (
    ONTOLOGY_GRAPH_IRI,
    Problem,
    ValidationReport,
    load_checks,
    validate,
    validate_store,
)

FIXTURE = Path(__file__).resolve().parent / "data" / "valid_instance.trig"
ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "diplomacy.ttl"
DIP = Namespace(vocab.ONTOLOGY)
RES = Namespace(vocab.RESOURCE)
WD = Namespace(vocab.WIKIDATA_ENTITY)
G1 = URIRef(vocab.GRAPH + "article/fixture_001")
G2 = URIRef(vocab.GRAPH + "article/fixture_002")

RAISI = RES["actor/Q5947347"]
WEI = RES["actor/Q7929529"]
IRAN = RES["actor/Q794"]
MEETING = RES["meeting/9f3c"]
STATEMENT = RES["statement/fixture_001/135-202"]
AGREEMENT = RES["agreement/cn-ir-25y"]
EVIDENCE = RES["evidence/fixture_001/0a05"]

REQUIRED_CHECKS = {
    "unlabelled-term",
    "actor-two-wikidata-ids",
    "wrong-date-datatype",
    "evidence-offsets-inverted",
    "statement-without-speaker",
    "meeting-single-participant",
    "undeclared-term",
}


def _fixture_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    materialize_union(store)
    return store


def load_fixture() -> Dataset:
    """The valid instance dataset, one named graph per article."""
    store = _fixture_store()
    dataset = Dataset()
    for graph in store.named_graphs():
        dump = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
        dataset.graph(URIRef(graph.value)).parse(data=dump, format="nt")
    return dataset


def broken(change: Callable[[Graph, Graph], None]) -> ValidationReport:
    """Validate the fixture after ``change(graph_of_article_1, graph_of_article_2)``."""
    dataset = load_fixture()
    change(dataset.graph(G1), dataset.graph(G2))
    return validate(dataset)


def _find(report: ValidationReport, source: str, focus: URIRef | str, *words: str) -> Problem:
    for problem in report.problems:
        if (
            problem.source == source
            and problem.focus == str(focus)
            and all(w in problem.message for w in words)
        ):
            return problem
    listing = "\n".join(str(problem) for problem in report.problems)
    raise AssertionError(f"no {source} problem on {focus} mentioning {words}; problems:\n{listing}")


@pytest.fixture(scope="module")
def valid_report() -> ValidationReport:
    return validate(load_fixture())


def test_fixture_has_two_article_graphs() -> None:
    dataset = load_fixture()
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {str(G1), str(G2)}


def test_valid_instance_conforms(valid_report: ValidationReport) -> None:
    assert valid_report.conforms, valid_report.summary()
    assert valid_report.problems == []
    assert valid_report.graphs_validated == 2
    assert set(valid_report.checks_run) >= REQUIRED_CHECKS
    assert "conforms" in valid_report.summary().splitlines()[0]


def test_valid_instance_conforms_in_a_store() -> None:
    store = _fixture_store()
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
    materialize_union(store)
    report = validate_store(store)
    assert report.conforms and report.problems == [], report.summary()


def test_a_default_graph_that_is_not_the_union_is_reported() -> None:
    store = _fixture_store()
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
    report = validate_store(store)  # the ontology graph was added after the union was made
    assert not report.conforms
    assert any("not the union" in p.message for p in report.problems)


def test_a_store_without_the_ontology_graph_is_reported() -> None:
    report = validate_store(_fixture_store())
    assert not report.conforms
    assert [p.source for p in report.problems] == ["store"]
    assert "no ontology graph" in report.problems[0].message


def test_a_single_article_graph_validates_on_its_own() -> None:
    graph = Graph()
    for triple in load_fixture().graph(G2):
        graph.add(triple)
    report = validate(graph)
    assert report.conforms and report.problems == [], report.summary()


def test_facts_written_by_the_rdf_layer_conform() -> None:
    """The contract between kg.rdf (facts → quads) and the ontology and shapes."""
    store = ox.Store()
    store.extend(article_quads(make_facts("x1"), MeetingRegistry(), "0.0"))
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
    materialize_union(store)
    report = validate_store(store)
    assert report.conforms, report.summary()


def test_meeting_with_one_participant() -> None:
    def change(g1: Graph, g2: Graph) -> None:
        g1.remove((MEETING, DIP.participant, WEI))
        g2.remove((MEETING, DIP.participant, WEI))

    report = broken(change)
    assert not report.conforms
    problem = _find(report, "shacl", MEETING, "at least two dip:participant")
    # (a node-level constraint, since a summit may have one participant: the message names the property)
    assert problem.graph in {str(G1), str(G2)}
    assert str(problem).startswith("shacl: res:meeting/9f3c") and "A meeting needs at least two" in str(problem)
    _find(report, "check:meeting-single-participant", MEETING, "1 distinct dip:participant")


def test_statement_without_speaker() -> None:
    report = broken(lambda g1, _: g1.remove((STATEMENT, DIP.speaker, None)))
    assert not report.conforms
    _find(report, "shacl", STATEMENT, "needs at least one dip:speaker")
    _find(report, "check:statement-without-speaker", STATEMENT, "no dip:speaker")


@pytest.mark.parametrize(
    "bad_iri",
    [
        "https://www.wikidata.org/wiki/Q794",  # the page, not the entity
        "http://www.wikidata.org/entity/794",  # no Q
        "http://www.wikidata.org/entity/Q0794",  # leading zero
    ],
)
def test_malformed_wikidata_iri(bad_iri: str) -> None:
    def change(g1: Graph, _: Graph) -> None:
        g1.remove((IRAN, OWL.sameAs, WD.Q794))
        g1.add((IRAN, OWL.sameAs, URIRef(bad_iri)))

    report = broken(change)
    assert not report.conforms
    problem = _find(report, "shacl", IRAN, "Wikidata entity IRI")
    assert bad_iri in str(problem) and problem.path == str(OWL.sameAs)


def test_actor_with_two_wikidata_ids() -> None:
    report = broken(lambda _, g2: g2.add((RAISI, OWL.sameAs, WD.Q42)))
    assert not report.conforms
    _find(report, "check:actor-two-wikidata-ids", RAISI, "2 Wikidata items", "wd:Q42", "wd:Q5947347")


def test_year_given_as_a_plain_string() -> None:
    def change(g1: Graph, _: Graph) -> None:
        g1.remove((AGREEMENT, DIP.signingDate, None))
        g1.add((AGREEMENT, DIP.signingDate, Literal("2021")))

    report = broken(change)
    assert not report.conforms
    problem = _find(report, "shacl", AGREEMENT, "dip:signingDate", "xsd:gYear")
    assert '"2021"^^xsd:string' in problem.message
    _find(report, "check:wrong-date-datatype", AGREEMENT, '"2021" (xsd:string)')


def test_evidence_with_begin_after_end() -> None:
    def change(g1: Graph, _: Graph) -> None:
        g1.remove((EVIDENCE, DIP.beginIndex, None))
        g1.add((EVIDENCE, DIP.beginIndex, Literal(300)))

    report = broken(change)
    assert not report.conforms
    _find(report, "shacl", EVIDENCE, "greater than dip:endIndex")
    _find(report, "check:evidence-offsets-inverted", EVIDENCE, "300..282", "inverted")


def test_anchor_text_that_does_not_fit_its_offsets() -> None:
    def change(g1: Graph, _: Graph) -> None:
        g1.remove((EVIDENCE, DIP.anchorText, None))
        g1.add((EVIDENCE, DIP.anchorText, Literal("The two countries signed.")))

    report = broken(change)
    _find(report, "shacl", EVIDENCE, "25 characters but the offsets span 65")
    _find(report, "check:span-length-mismatch", EVIDENCE, "25 characters")


def test_a_person_that_is_also_a_country_is_inconsistent() -> None:
    report = broken(lambda g1, _: g1.add((RAISI, RDF.type, DIP.Country)))
    assert not report.conforms
    problem = _find(report, "owl-rl", RAISI, "disjoint classes", "dip:Country", "dip:Person")
    assert "inconsistent" in str(problem) and "res:actor/Q5947347" in str(problem)
    _find(report, "check:disjoint-types", RAISI, "are disjoint")


def test_range_violation_is_an_owl_rl_inconsistency() -> None:
    # The holder of a position must be a person; the closure makes the country a person too.
    report = broken(lambda g1, _: g1.set((RES["position/ab12"], DIP.holder, IRAN)))
    _find(report, "owl-rl", IRAN, "dip:Country", "dip:Person")


def test_predicate_not_in_the_ontology() -> None:
    report = broken(lambda g1, _: g1.add((MEETING, DIP.venue, Literal("Saadabad Palace"))))
    assert not report.conforms
    problem = _find(report, "check:undeclared-term", DIP.venue, "property", "not declared")
    assert str(problem).startswith("check:undeclared-term: dip:venue: property used in 1 article graph(s)")


def test_class_and_individual_not_in_the_ontology() -> None:
    def change(g1: Graph, _: Graph) -> None:
        g1.add((RES["meeting/x"], RDF.type, DIP.Conference))
        g1.set((MEETING, DIP.status, DIP.Postponed))

    report = broken(change)
    _find(report, "check:undeclared-term", DIP.Conference, "class")
    _find(report, "check:undeclared-term", DIP.Postponed, "term")
    _find(report, "shacl", MEETING, "dip:Happened or dip:Scheduled")


def test_end_before_start() -> None:
    report = broken(lambda g1, _: g1.set((MEETING, DIP.endDate, Literal("2022-03", datatype=XSD.gYearMonth))))
    assert not report.conforms
    _find(report, "shacl", MEETING, "dip:endDate 2022-03 is before dip:startDate 2022-04-27")
    _find(report, "check:meeting-ends-before-start", MEETING, "before start date")


def test_linked_to_wikidata_must_agree_with_same_as() -> None:
    report = broken(lambda g1, _: g1.remove((IRAN, OWL.sameAs, None)))
    assert not report.conforms
    _find(report, "shacl", IRAN, "dip:linkedToWikidata is true but the actor has 0 owl:sameAs")


def test_fact_reported_in_another_articles_graph() -> None:
    fixture_002 = RES["article/fixture_002"]
    report = broken(lambda g1, _: g1.add((AGREEMENT, DIP.reportedIn, fixture_002)))
    _find(report, "check:provenance-graph-mismatch", AGREEMENT, "graph of article fixture_001")


def test_a_warning_does_not_break_conformance() -> None:
    report = broken(lambda g1, _: g1.remove((AGREEMENT, DIP.party, RES["actor/Q148"])))
    assert report.conforms, report.summary()
    problem = _find(report, "shacl", AGREEMENT, "at least two dip:party")
    assert problem.severity == "warning" and report.warnings == [problem]
    assert "1 warning(s)" in report.summary()


def test_summary_lists_every_problem() -> None:
    report = broken(lambda g1, _: g1.remove((STATEMENT, DIP.speaker, None)))
    lines = report.summary().splitlines()
    assert "does NOT conform" in lines[0]
    assert len(lines) == 1 + len(report.problems)


def test_violation_queries_have_headers_and_parse_in_two_engines() -> None:
    checks = load_checks()
    assert {check.name for check in checks} >= REQUIRED_CHECKS
    store = _fixture_store()
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
    for check in checks:
        assert check.title and check.description, check.path
        prepareQuery(check.query)  # rdflib's parser
        solutions = store.query(check.query, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        assert {"focus", "message"} <= {v.value for v in solutions.variables}, check.name
        assert list(solutions) == [], check.name


def test_unlabelled_term_check_reads_the_ontology_graph() -> None:
    store = _fixture_store()
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    ontology.remove((DIP.Summit, URIRef("http://www.w3.org/2004/02/skos/core#definition"), None))
    store.load(
        ontology.serialize(format="nt", encoding="utf-8"),
        format=ox.RdfFormat.N_TRIPLES,
        to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI),
    )
    report = validate_store(store)
    _find(report, "check:unlabelled-term", DIP.Summit, "skos:definition")


def test_shapes_do_not_depend_on_the_engine() -> None:
    """pySHACL's rdflib backend agrees, also with offsets typed by the ontology's range datatype."""
    graph = Graph()
    for triple in load_fixture().graph(G1):
        graph.add(triple)
    for span in set(graph.subjects(DIP.beginIndex, None)):
        begin, end = graph.value(span, DIP.beginIndex), graph.value(span, DIP.endIndex)
        graph.set((span, DIP.beginIndex, Literal(str(begin), datatype=XSD.nonNegativeInteger)))
        graph.set((span, DIP.endIndex, Literal(str(end), datatype=XSD.nonNegativeInteger)))
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    shapes = Graph().parse(ONTOLOGY_FILE.parent / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert conforms, text
    graph.set((MEETING, DIP.endDate, Literal("2022-03", datatype=XSD.gYearMonth)))
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert not conforms and "is before dip:startDate" in text


def test_a_summit_with_one_named_attendee_conforms() -> None:
    import datetime as dt

    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    text = "Kenyan President Ruto Kamau will attend the Andean Community summit in Lima in the autumn."
    facts = map_article(text, ArticleMeta("s1", title="t", published=dt.date(2024, 7, 12)))
    assert [(m.kind, len(m.participants)) for m in facts.meetings] == [("summit", 1)]
    store = ox.Store()
    store.extend(article_quads(facts, MeetingRegistry(), "0.0"))
    store.load(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI))
    materialize_union(store)
    report = validate_store(store)
    assert report.conforms, report.summary()
