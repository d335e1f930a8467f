"""kg/vocab.py and ontology/diplomacy.ttl agree: every term the code uses is declared, and vice versa."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import vocab

ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "diplomacy.ttl"
# Annotation properties that only the ontology itself uses (codes on classes); not needed by the code.
ANNOTATION_ONLY = {"cameoCode", "ploverCode", "ploverMode"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _iri(name: str) -> URIRef:
    return URIRef(vocab.ONTOLOGY + name)


def _declared(graph: Graph, kind: URIRef) -> set[str]:
    return {
        str(term)[len(vocab.ONTOLOGY) :]
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and str(term).startswith(vocab.ONTOLOGY)
    }


def test_every_vocab_term_is_declared(ontology: Graph) -> None:
    declared = set().union(
        *(
            _declared(ontology, kind)
            for kind in (
                OWL.Class,
                OWL.ObjectProperty,
                OWL.DatatypeProperty,
                OWL.AnnotationProperty,
                OWL.NamedIndividual,
            )
        )
    )
    assert set(vocab.DIP.names()) - declared == set()


def test_every_declared_term_is_in_vocab(ontology: Graph) -> None:
    declared = set().union(
        *(
            _declared(ontology, kind)
            for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        )
    )
    annotation_only = _declared(ontology, OWL.AnnotationProperty) - set(vocab.DIP.names())
    assert annotation_only == ANNOTATION_ONLY
    assert declared - set(vocab.DIP.names()) == set()


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (vocab.CLASSES, OWL.Class),
        (vocab.OBJECT_PROPERTIES, OWL.ObjectProperty),
        (tuple(n for n in vocab.DATATYPE_PROPERTIES if n != "kindCode"), OWL.DatatypeProperty),
        (vocab.INDIVIDUALS, OWL.NamedIndividual),
    ],
)
def test_each_vocab_list_has_the_declared_kind(ontology: Graph, names: tuple[str, ...], kind: URIRef) -> None:
    assert [name for name in names if (_iri(name), RDF.type, kind) not in ontology] == []


def test_kind_code_is_an_annotation_property(ontology: Graph) -> None:
    # Listed among the datatype properties in vocab.py, but it annotates classes, not instances.
    assert (_iri("kindCode"), RDF.type, OWL.AnnotationProperty) in ontology


def test_actor_classes_are_actors(ontology: Graph) -> None:
    actors = set(ontology.transitive_subjects(RDFS.subClassOf, _iri("Actor")))
    assert {_iri(name) for name in vocab.ACTOR_CLASS.values()} == actors - {_iri("Actor")}


def test_meeting_classes_match_their_kind_codes(ontology: Graph) -> None:
    meetings = set(ontology.transitive_subjects(RDFS.subClassOf, _iri("Meeting")))
    assert {_iri(name) for name in vocab.MEETING_CLASS.values()} == meetings
    for code, name in vocab.MEETING_CLASS.items():
        assert str(ontology.value(_iri(name), _iri("kindCode"))) == code


@pytest.mark.parametrize(
    ("mapping", "cls"),
    [
        (vocab.STATUS_INDIVIDUAL, "EventStatus"),
        (vocab.AGREEMENT_STATUS_INDIVIDUAL, "AgreementStatus"),
        (vocab.MEDIUM_INDIVIDUAL, "Medium"),
    ],
)
def test_individual_mappings_cover_their_class(ontology: Graph, mapping: dict[str, str], cls: str) -> None:
    members = set(ontology.subjects(RDF.type, _iri(cls)))
    assert {_iri(name) for name in mapping.values()} == members
