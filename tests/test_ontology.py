"""The ontology (ontology/diplomacy.ttl) and the shapes (ontology/shapes.ttl): well-formed and as designed."""

from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, XSD

from kg import vocab
from kg.validate import owl_rl_problems

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_IRI = URIRef("https://w3id.org/diplomacy-kg/ontology")
DIP = Namespace(vocab.ONTOLOGY)
VANN = Namespace("http://purl.org/vocab/vann/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)
PLOVER_EVENT_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "diplomacy.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def _dip_terms(graph: Graph) -> set[URIRef]:
    return {
        term
        for kind in DECLARATION_TYPES
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and str(term).startswith(vocab.ONTOLOGY)
    }


def _direct_dip_superclasses(graph: Graph, cls: URIRef) -> set[URIRef]:
    return {
        sup
        for sup in graph.objects(cls, RDFS.subClassOf)
        if isinstance(sup, URIRef) and str(sup).startswith(DIP)
    }


def test_ontology_parses_in_rdflib_and_oxigraph(ontology: Graph) -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "diplomacy.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(ontology) > 500
    assert len(store) == len(ontology)


def test_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/diplomacy-kg/ontology/0.1.0"
    )
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.created).datatype == XSD.date
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespacePrefix)) == "dip"
    assert str(ontology.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == vocab.ONTOLOGY
    for annotation in (DCTERMS.title, DCTERMS.description):
        value = ontology.value(ONTOLOGY_IRI, annotation)
        assert isinstance(value, Literal) and value.language == "en" and len(value) > 10


def test_every_dip_term_has_english_label_and_definition(ontology: Graph) -> None:
    missing = []
    for term in sorted(_dip_terms(ontology)):
        for annotation in (RDFS.label, SKOS.definition):
            values = [
                v for v in ontology.objects(term, annotation) if isinstance(v, Literal) and v.language == "en"
            ]
            if len(values) != 1 or not str(values[0]).strip():
                missing.append(f"{term} {annotation}")
    assert not missing, "terms need exactly one English rdfs:label and skos:definition:\n" + "\n".join(
        missing
    )


def test_every_dip_iri_mentioned_is_declared(ontology: Graph) -> None:
    declared = _dip_terms(ontology)
    mentioned = {
        node
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(vocab.ONTOLOGY)
    }
    assert mentioned - declared == set()


def test_every_class_used_is_declared(ontology: Graph) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    used = set(ontology.objects(None, RDFS.subClassOf)) | set(ontology.objects(None, RDFS.domain))
    used |= set(ontology.objects(None, OWL.disjointWith))
    used |= {
        o for p in ontology.subjects(RDF.type, OWL.ObjectProperty) for o in ontology.objects(p, RDFS.range)
    }
    used |= {
        o for i in ontology.subjects(RDF.type, OWL.NamedIndividual) for o in ontology.objects(i, RDF.type)
    }
    undeclared = {c for c in used if str(c).startswith(vocab.ONTOLOGY) and c not in classes}
    assert undeclared == set()


def test_subclass_tree(ontology: Graph) -> None:
    expected = {
        "Person": {"Actor"},
        "Organization": {"Actor"},
        "Country": {"Actor"},
        "Government": {"Organization"},
        "Ministry": {"Government"},
        "MilitaryOrganization": {"Organization"},
        "InternationalOrganization": {"Organization"},
        "NewsOrganization": {"Organization"},
        "Meeting": {"DiplomaticEvent"},
        "StateVisit": {"Meeting"},
        "PhoneCall": {"Meeting"},
        "VideoCall": {"Meeting"},
        "Talks": {"Meeting"},
        "Summit": {"Meeting"},
        "Evidence": {"TextSpan"},
        "Mention": {"TextSpan"},
    }
    for name in vocab.CLASSES:
        supers = {str(s)[len(vocab.ONTOLOGY) :] for s in _direct_dip_superclasses(ontology, DIP[name])}
        assert supers == expected.get(name, set()), name


def test_alignments(ontology: Graph) -> None:
    axioms = [
        (DIP.Article, RDFS.subClassOf, PROV.Entity),
        (DIP.TextSpan, RDFS.subClassOf, PROV.Entity),
        (DIP.DiplomaticEvent, RDFS.subClassOf, SEM.Event),
        (DIP.Actor, RDFS.subClassOf, SEM.Actor),
        (DIP.Place, RDFS.subClassOf, SEM.Place),
        (DIP.participant, RDFS.subPropertyOf, SEM.hasActor),
        (DIP.place, RDFS.subPropertyOf, SEM.hasPlace),
        (DIP.Person, RDFS.subClassOf, SCHEMA.Person),
        (DIP.Person, RDFS.subClassOf, FOAF.Person),
        (DIP.Organization, RDFS.subClassOf, FOAF.Organization),
        (DIP.Country, RDFS.subClassOf, SCHEMA.Country),
        (DIP.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    ]
    assert [axiom for axiom in axioms if axiom not in ontology] == []


def _disjoint_pairs(graph: Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset(pair) for pair in graph.subject_objects(OWL.disjointWith)}
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(axiom, OWL.members)))
        pairs |= {frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1 :]}
    return pairs


def test_disjointness(ontology: Graph) -> None:
    pairs = _disjoint_pairs(ontology)
    for a, b in [
        ("Person", "Organization"),
        ("Person", "Country"),
        ("Organization", "Country"),
        ("Actor", "DiplomaticEvent"),
        ("Agreement", "Statement"),
        ("Article", "TextSpan"),
        ("Place", "Article"),
        ("StateVisit", "PhoneCall"),
        ("StateVisit", "VideoCall"),
    ]:
        assert frozenset((DIP[a], DIP[b])) in pairs, (a, b)
    # A country is an actor and, through its Wikidata item, may be the place of a meeting.
    assert frozenset((DIP.Place, DIP.Country)) not in pairs
    assert frozenset((DIP.Place, DIP.Actor)) not in pairs
    assert (DIP.Happened, OWL.differentFrom, DIP.Scheduled) in ontology
    all_different = [
        set(Collection(ontology, ontology.value(axiom, OWL.members)))
        for axiom in ontology.subjects(RDF.type, OWL.AllDifferent)
    ]
    assert {DIP[name] for name in vocab.INDIVIDUALS} in all_different


def test_disjoint_classes_clash_under_owl_rl(ontology: Graph) -> None:
    x = URIRef(vocab.RESOURCE + "actor/x")
    data = Graph()
    data.add((x, RDF.type, DIP.Person))
    data.add((x, RDF.type, DIP.Country))
    problems = owl_rl_problems(ontology, data)
    assert any(
        p.focus == str(x) and "dip:Country" in p.message and "dip:Person" in p.message for p in problems
    )


@pytest.mark.parametrize(
    ("cls", "members"),
    [
        ("EventStatus", ("Happened", "Scheduled")),
        ("AgreementStatus", ("Signed", "Planned", "Mentioned")),
        ("Medium", tuple(vocab.MEDIUM_INDIVIDUAL.values())),
    ],
)
def test_enumerations(ontology: Graph, cls: str, members: tuple[str, ...]) -> None:
    enumerations = [
        list(Collection(ontology, ontology.value(expression, OWL.oneOf)))
        for expression in ontology.objects(DIP[cls], OWL.equivalentClass)
        if isinstance(expression, BNode)
    ]
    assert enumerations == [[DIP[name] for name in members]]
    for name in members:
        assert (DIP[name], RDF.type, DIP[cls]) in ontology
        assert (DIP[name], RDF.type, OWL.NamedIndividual) in ontology


def test_functional_properties(ontology: Graph) -> None:
    functional = set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    for name in (
        "beginIndex",
        "endIndex",
        "anchorText",
        "inArticle",
        "articleId",
        "direct",
        "content",
        "contentSpan",
        "mentionOf",
        "linkedToWikidata",
        "rule",
        "confidence",
        "mapperVersion",
    ):
        assert DIP[name] in functional, name
    # Several articles may report the same meeting with different dates or statuses.
    for name in ("status", "startDate", "endDate", "participant", "signingDate", "reportedIn", "evidence"):
        assert DIP[name] not in functional, name


def test_date_properties_range_over_three_precisions(ontology: Graph) -> None:
    for name in ("startDate", "endDate", "signingDate", "statementDate", "asOf"):
        ranges = list(ontology.objects(DIP[name], RDFS.range))
        assert len(ranges) == 1
        assert (ranges[0], RDF.type, RDFS.Datatype) in ontology
        assert list(Collection(ontology, ontology.value(ranges[0], OWL.unionOf))) == [
            XSD.date,
            XSD.gYearMonth,
            XSD.gYear,
        ]


def test_every_meeting_class_has_its_kind_code(ontology: Graph) -> None:
    assert (DIP.kindCode, RDF.type, OWL.AnnotationProperty) in ontology
    meeting_classes = {s for s in ontology.subjects(RDFS.subClassOf, DIP.Meeting)} | {DIP.Meeting}
    assert meeting_classes == {DIP[name] for name in vocab.MEETING_CLASS.values()}
    for code, name in vocab.MEETING_CLASS.items():
        assert [str(v) for v in ontology.objects(DIP[name], DIP.kindCode)] == [code]


def test_event_codes_are_well_formed(ontology: Graph) -> None:
    for _, code in ontology.subject_objects(DIP.cameoCode):
        assert re.fullmatch(r"[0-2][0-9]{2}[0-9]?", str(code)), code
    for _, code in ontology.subject_objects(DIP.ploverCode):
        assert str(code) in PLOVER_EVENT_TYPES, code
    for name in vocab.MEETING_CLASS.values():
        assert ontology.value(DIP[name], DIP.cameoCode) is not None, name
        assert str(ontology.value(DIP[name], DIP.ploverCode)) == "CONSULT", name
    assert str(ontology.value(DIP.Agreement, DIP.cameoCode)) == "057"
    assert str(ontology.value(DIP.Statement, DIP.cameoCode)) == "010"


def test_external_terms_used_by_the_data_are_declared(ontology: Graph) -> None:
    for term in (
        vocab.SKOS_ALT_LABEL,
        vocab.DCT_TITLE,
        vocab.DCT_PUBLISHER,
        vocab.DCT_ISSUED,
        vocab.DCT_LANGUAGE,
        vocab.DCT_IDENTIFIER,
        vocab.SCHEMA_URL,
    ):
        assert (URIRef(term.value), RDF.type, OWL.AnnotationProperty) in ontology, term


def test_owl_rl_closure_of_the_ontology_alone_is_consistent(ontology: Graph) -> None:
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    errors = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
    assert list(closure.subjects(RDF.type, errors.ErrorMessage)) == []
    assert list(closure.subjects(RDF.type, OWL.Nothing)) == []
    assert owl_rl_problems(ontology, Graph()) == []


def test_shapes_parse_and_every_constraint_has_a_message(shapes: Graph) -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "shapes.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(shapes)
    constraints = list(shapes.objects(None, SH.property)) + list(shapes.objects(None, SH.sparql))
    assert len(constraints) > 40
    assert [c for c in constraints if shapes.value(c, SH.message) is None] == []


def test_shapes_use_only_declared_terms(shapes: Graph, ontology: Graph) -> None:
    declared = _dip_terms(ontology)
    used = {n for t in shapes for n in t if isinstance(n, URIRef) and str(n).startswith(vocab.ONTOLOGY)}
    assert used - declared == set()


def test_shape_targets_are_closed_under_subclass(shapes: Graph, ontology: Graph) -> None:
    """The data asserts only the most specific class, and is validated without inference."""
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        targets = set(shapes.objects(shape, SH.targetClass))
        for target in targets:
            subclasses = set(ontology.transitive_subjects(RDFS.subClassOf, target))
            assert subclasses <= targets, (shape, target, subclasses - targets)
