"""SPARQL 1.1 Protocol through a real server process: query forms, formats, dataset, errors, limits."""

from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET

import pytest
import rdflib
from webhelpers import MAX_QUERY_CHARS, MAX_REQUEST_BYTES, MAX_RESULT_ROWS, Server, send_large

SELECT = ('SELECT ?x ?label WHERE { VALUES (?x ?label) { (<urn:t:a> "Zürich – 東京") (<urn:t:b> "plain") } } '
          "ORDER BY ?x")
CONSTRUCT = 'CONSTRUCT { <urn:t:s> <urn:t:p> "Côte d\'Ivoire" . <urn:t:s> <urn:t:q> <urn:t:o> } WHERE {}'
A = "https://w3id.org/diplomacy-kg/graph/article/001_fixture_a"
B = "https://w3id.org/diplomacy-kg/graph/article/002_fixture_b"


def bindings(reply) -> list[dict]:
    return reply.json()["results"]["bindings"]


def test_get_post_form_and_post_direct_agree(server: Server) -> None:
    get = server.query(SELECT)
    form = server.post_form([("query", SELECT)], accept="application/sparql-results+json")
    direct = server.request("POST", "/sparql", body=SELECT, headers={"Content-Type": "application/sparql-query",
                                                                     "Accept": "application/sparql-results+json"})
    assert get.status == form.status == direct.status == 200
    assert get.json() == form.json() == direct.json()
    assert get.json()["head"]["vars"] == ["x", "label"]
    assert bindings(get)[0]["label"]["value"] == "Zürich – 東京"


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_select_formats(server: Server, accept: str) -> None:
    r = server.query(SELECT, accept=accept)
    assert r.status == 200 and r.media_type == accept
    if accept.endswith("json"):
        assert len(bindings(r)) == 2
    elif accept.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ET.fromstring(r.body).findall(f"{ns}results/{ns}result")) == 2
    elif accept == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text())))
        assert rows[0] == ["x", "label"] and rows[1] == ["urn:t:a", "Zürich – 東京"]
        assert "charset=utf-8" in r.headers["content-type"]
    else:
        assert r.text().splitlines()[0] == "?x\t?label"


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
])
def test_construct_formats_parse_to_the_same_graph(server: Server, accept: str, rdflib_format: str) -> None:
    r = server.query(CONSTRUCT, accept=accept)
    assert r.status == 200 and r.media_type == accept
    g = rdflib.Graph().parse(data=r.body, format=rdflib_format)
    assert (rdflib.URIRef("urn:t:s"), rdflib.URIRef("urn:t:p"), rdflib.Literal("Côte d'Ivoire")) in g
    assert len(g) == 2


def test_ask_and_defaults(server: Server) -> None:
    r = server.query("ASK { ?s a <https://w3id.org/diplomacy-kg/ontology#Meeting> }")
    assert r.status == 200 and r.json()["boolean"] is True
    assert server.get("/sparql", [("query", SELECT)]).media_type == "application/sparql-results+json"
    assert server.get("/sparql", [("query", CONSTRUCT)]).media_type == "text/turtle"


def test_format_parameter_and_q_values(server: Server) -> None:
    assert server.get("/sparql", [("query", SELECT), ("format", "csv")]).media_type == "text/csv"
    r = server.query(SELECT, accept="application/sparql-results+json;q=0.2, application/sparql-results+xml")
    assert r.media_type == "application/sparql-results+xml"
    assert server.query(SELECT, accept="image/png").status == 406


def test_service_description(server: Server) -> None:
    r = server.get("/sparql", accept="text/turtle")
    assert r.status == 200 and r.media_type == "text/turtle"
    g = rdflib.Graph().parse(data=r.body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.endpoint, rdflib.URIRef(server.base + "/sparql")) in g
    assert (None, sd.feature, sd.UnionDefaultGraph) in g
    assert server.get("/sparql", accept="text/html,*/*;q=0.8").media_type == "text/html"


def test_void(server: Server) -> None:
    r = server.get("/.well-known/void", accept="text/turtle")
    assert r.status == 200
    g = rdflib.Graph().parse(data=r.body, format="turtle")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    ds = rdflib.URIRef(server.base + "/.well-known/void#dataset")
    distinct = server.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
    assert int(g.value(ds, void.triples)) == int(bindings(distinct)[0]["n"]["value"])
    assert (ds, void.sparqlEndpoint, rdflib.URIRef(server.base + "/sparql")) in g
    assert (ds, void.dataDump, rdflib.URIRef(server.base + "/dump.ttl")) in g
    subsets = {str(g.value(s, rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#name")))
               for s in g.objects(ds, void.subset)}
    assert {A, B} <= subsets


def test_cors(server: Server) -> None:
    r = server.query("ASK {}", headers={"Origin": "http://elsewhere.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in r.headers
    pre = server.request("OPTIONS", "/sparql", headers={"Origin": "http://elsewhere.example",
                                                        "Access-Control-Request-Method": "POST",
                                                        "Access-Control-Request-Headers": "content-type"})
    assert pre.status == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_dataset_parameters(server: Server) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(reply) -> int:
        assert reply.status == 200, reply.body
        return int(bindings(reply)[0]["n"]["value"])

    only_a = n(server.get("/sparql", [("query", count), ("default-graph-uri", A)], accept="application/json"))
    inside_a = n(server.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}"))
    assert only_a == inside_a
    merged = n(server.get("/sparql", [("query", count), ("default-graph-uri", A), ("default-graph-uri", B)],
                          accept="application/json"))
    distinct = n(server.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                              f"{{ GRAPH <{A}> {{ ?s ?p ?o }} }} UNION {{ GRAPH <{B}> {{ ?s ?p ?o }} }} }} }}"))
    assert merged == distinct  # an RDF merge: a triple both articles state counts once
    graphs = server.get("/sparql", [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
                                    ("named-graph-uri", B)], accept="application/json")
    assert [b["g"]["value"] for b in bindings(graphs)] == [B]
    from_clause = n(server.get("/sparql", [("query", f"SELECT (COUNT(*) AS ?n) FROM <{B}> WHERE {{ ?s ?p ?o }}"),
                                           ("default-graph-uri", A)], accept="application/json"))
    assert from_clause == only_a  # the protocol's dataset overrides FROM
    assert n(server.query(f"SELECT (COUNT(*) AS ?n) FROM <{A}> WHERE {{ ?s ?p ?o }}")) == only_a


def test_malformed_query_is_400_with_the_parser_message(server: Server) -> None:
    r = server.query("SELECT * WHERE { ?s ?p }")
    assert r.status == 400
    error = r.json()["error"]
    assert error["type"] == "QuerySyntaxError" and error["line"] == 1 and error["column"] > 0
    assert "expected" in error["message"]
    for bad in (server.get("/sparql", [("query", "ASK {}"), ("query", "ASK {}")]),
                server.request("POST", "/sparql", body="ASK {}", headers={"Content-Type": "text/plain"}),
                server.request("POST", "/sparql", body="ASK {}"),
                server.request("PUT", "/sparql", body="query=ASK%7B%7D"),
                server.get("/sparql", [("query", "ASK {}"), ("default-graph-uri", "not an iri")])):
        assert 400 <= bad.status < 500, bad.body
        assert b"Traceback" not in bad.body and b"site-packages" not in bad.body


def test_row_cap_truncates_with_a_signal(server: Server) -> None:
    many = server.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert many.status == 200
    assert many.headers["x-kg-truncated"] == "true" and many.headers["x-kg-row-limit"] == str(MAX_RESULT_ROWS)
    assert len(bindings(many)) == MAX_RESULT_ROWS and many.json()["truncated"] is True
    exact = server.query(f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {MAX_RESULT_ROWS}")
    assert len(bindings(exact)) == MAX_RESULT_ROWS and "x-kg-truncated" not in exact.headers
    triples = server.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", accept="application/n-triples")
    assert triples.headers["x-kg-truncated"] == "true"
    assert len(triples.text().splitlines()) == MAX_RESULT_ROWS


@pytest.mark.parametrize("content_type", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_oversize_body_is_413(server: Server, content_type: str) -> None:
    r = send_large(server, content_type, 2 * MAX_REQUEST_BYTES)
    assert r.status == 413
    assert server.query("ASK {}").status == 200
    small = b"ASK {} # " + b"x" * (MAX_QUERY_CHARS // 2)  # under both limits: answered
    ok = server.request("POST", "/sparql", body=small, headers={"Content-Type": "application/sparql-query"})
    assert ok.status == 200


def test_overlong_query_is_refused(server: Server) -> None:
    r = server.post_form([("query", "ASK {} #" + "x" * MAX_QUERY_CHARS)], accept="application/json")
    assert r.status == 413 and "max_query_chars" in r.json()["error"]["message"]


def test_html_pages(server: Server) -> None:
    for path in ("/", "/sparql", "/queries", "/queries/meetings", "/resource/actor/Q794"):
        r = server.get(path, accept="text/html")
        assert r.status == 200 and r.media_type == "text/html", path
    assert server.get("/resource/actor/Q794", accept="text/html").text().count("Iran") >= 1
    assert server.get("/resource/actor/nobody", accept="text/html").status == 404


def test_resource_content_negotiation(server: Server) -> None:
    iri = rdflib.URIRef("https://w3id.org/diplomacy-kg/resource/actor/Q794")
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld")):
        r = server.get("/resource/actor/Q794", accept=accept)
        assert r.status == 200 and r.media_type == accept
        g = rdflib.Graph().parse(data=r.body, format=fmt)
        assert (iri, rdflib.RDFS.label, rdflib.Literal("Iran")) in g
    assert server.get("/resource/actor/nobody", accept="text/turtle").status == 404


def test_health_and_access_log(server: Server) -> None:
    r = server.get("/health")
    assert r.status == 200
    health = r.json()
    assert health["status"] == "ok" and health["workers"] == 2 and health["network_isolated"] in (True, False)
    server.get("/health?marker=access-log-check")
    line = '"GET /health?marker=access-log-check HTTP/1.1" 200'
    deadline = time.monotonic() + 5  # the line is written once the response is closed, just after sending
    while line not in server.log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.log.read_text().count(line) == 1


def test_json_error_shape(server: Server) -> None:
    r = server.get("/queries/no-such-query", accept="application/json")
    assert r.status == 404
    assert set(json.loads(r.body)["error"]) >= {"status", "type", "message"}
