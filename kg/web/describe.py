"""The SPARQL Service Description and the VoID description, as RDF (no Flask)."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from kg.store import DUMP_FORMATS, PREFIXES
from kg.vocab import GRAPH, ONTOLOGY, RESOURCE, XSD

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
}
_EXTRA_PREFIXES = {"sd": SD, "void": VOID, "formats": FORMATS}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_n(XSD + "integer"))


def serialize(triples: list[ox.Triple], fmt: str) -> bytes:
    rdf_format = RDF_FORMATS[fmt]
    vocabulary = {k: v for k, v in PREFIXES.items() if not v.startswith(RESOURCE)}
    prefixes = {**vocabulary, **_EXTRA_PREFIXES} if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return ox.serialize(triples, format=rdf_format, prefixes=prefixes)


def service_description(base: str, endpoint: str) -> list[ox.Triple]:
    """SPARQL 1.1 Service Description of ``endpoint``."""
    svc = _n(endpoint + "#service")
    dataset = _n(base + ".well-known/void#dataset")
    t = [
        ox.Triple(svc, RDF_TYPE, _n(SD + "Service")),
        ox.Triple(svc, _n(SD + "endpoint"), _n(endpoint)),
        ox.Triple(svc, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
        ox.Triple(svc, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
        ox.Triple(svc, _n(SD + "feature"), _n(SD + "BasicFederatedQuery")),
        ox.Triple(svc, _n(DCT + "title"), ox.Literal("diplomacy-kg SPARQL endpoint")),
        ox.Triple(svc, _n(DCT + "description"), ox.Literal(
            "Read-only SPARQL 1.1 endpoint over a knowledge graph of diplomatic events. The default graph is the "
            "union of the per-article graphs. SERVICE is limited to an allow-list; updates are refused.")),
        ox.Triple(svc, _n(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _n(SD + "Dataset")),
        ox.Triple(dataset, RDF_TYPE, _n(VOID + "Dataset")),
    ]
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"):
        t.append(ox.Triple(svc, _n(SD + "resultFormat"), _n(FORMATS + name)))
    return t


def void_description(base: str, endpoint: str, stats: dict) -> list[ox.Triple]:
    """VoID: size, vocabulary, the per-article graphs as subsets, dumps and the endpoint."""
    ds = _n(base + ".well-known/void#dataset")
    t = [
        ox.Triple(ds, RDF_TYPE, _n(VOID + "Dataset")),
        ox.Triple(ds, _n(DCT + "title"), ox.Literal("diplomacy-kg")),
        ox.Triple(ds, _n(DCT + "description"), ox.Literal(
            "Diplomatic events (meetings, agreements, statements) extracted from news articles; one named graph "
            "per article.")),
        ox.Triple(ds, _n(VOID + "sparqlEndpoint"), _n(endpoint)),
        ox.Triple(ds, _n(VOID + "uriSpace"), ox.Literal(RESOURCE)),
        ox.Triple(ds, _n(VOID + "vocabulary"), _n(ONTOLOGY)),
        ox.Triple(ds, _n(VOID + "triples"), _int(stats["triples"])),
        ox.Triple(ds, _n(VOID + "entities"), _int(stats["entities"])),
        ox.Triple(ds, _n(VOID + "classes"), _int(stats["classes"])),
        ox.Triple(ds, _n(VOID + "properties"), _int(stats["properties"])),
    ]
    for fmt in ("ttl", "trig", "nq"):
        if fmt in DUMP_FORMATS:
            t.append(ox.Triple(ds, _n(VOID + "dataDump"), _n(f"{base}dump.{fmt}")))
            t.append(ox.Triple(ds, _n(VOID + "dataDump"), _n(f"{base}dump.{fmt}.gz")))
    for graph, count in sorted(stats["graphs"].items()):
        if graph.startswith(GRAPH + "article/"):
            key = "article-" + graph[len(GRAPH + "article/"):]
        elif graph.startswith(GRAPH):
            key = graph[len(GRAPH):]
        else:
            key = "graph-" + hashlib.sha1(graph.encode()).hexdigest()[:16]
        sub = _n(f"{base}.well-known/void#{key}")
        t += [
            ox.Triple(ds, _n(VOID + "subset"), sub),
            ox.Triple(sub, RDF_TYPE, _n(VOID + "Dataset")),
            ox.Triple(sub, RDF_TYPE, _n(SD + "NamedGraph")),
            ox.Triple(sub, _n(SD + "name"), _n(graph)),
            ox.Triple(sub, _n(VOID + "triples"), _int(count)),
            ox.Triple(sub, _n(VOID + "sparqlEndpoint"), _n(endpoint)),
        ]
        if graph.startswith(GRAPH + "article/"):
            t.append(ox.Triple(sub, _n(DCT + "source"), _n(RESOURCE + "article/" + graph[len(GRAPH + "article/"):])))
    return t
