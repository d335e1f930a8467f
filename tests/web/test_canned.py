"""Canned queries over HTTP: listing, formats by extension, typed parameters, injection attempts."""

from __future__ import annotations

import csv
import io

import pytest
from webhelpers import PROJECT_ROOT, Server

from kg.queries import load_queries

QUERIES = load_queries(PROJECT_ROOT / "queries")
INJECTION = '" } ; DROP ALL ; #'


def test_listing_names_every_query_file(server: Server) -> None:
    r = server.get("/queries", accept="application/json")
    assert r.status == 200
    listed = {q["name"]: q for q in r.json()["queries"]}
    assert set(listed) == {p.stem for p in (PROJECT_ROOT / "queries").glob("*.rq")}
    assert listed["meetings"]["columns"][:2] == ["meeting", "kind"]
    assert server.get("/queries.json").json() == r.json()
    assert "Meetings between two countries" in server.get("/queries", accept="text/html").text()


@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if not any(p.required and p.default is None
                                                                                 for p in q.parameters)))
def test_each_canned_query_answers_with_its_columns(server: Server, name: str) -> None:
    r = server.get(f"/queries/{name}.json")
    assert r.status == 200, r.body
    assert r.json()["head"]["vars"] == list(QUERIES[name].columns)


@pytest.mark.parametrize(("ext", "media"), [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                            ("xml", "application/sparql-results+xml"),
                                            ("json", "application/sparql-results+json")])
def test_format_by_extension(server: Server, ext: str, media: str) -> None:
    r = server.get(f"/queries/meetings.{ext}", {"articleId": "002_fixture_b"})
    assert r.status == 200 and r.media_type == media


def test_parameter_filters(server: Server) -> None:
    r = server.get("/queries/meetings.csv", {"articleId": "002_fixture_b"})
    rows = list(csv.DictReader(io.StringIO(r.text())))
    assert rows and {row["articleId"] for row in rows} == {"002_fixture_b"}
    everything = list(csv.DictReader(io.StringIO(server.get("/queries/meetings.csv").text())))
    assert len(everything) > len(rows)


def test_actor_parameter_accepts_a_qid_or_an_iri(server: Server) -> None:
    by_qid = server.get("/queries/actor-statements.json", {"actor": "Q5947347"}).json()
    by_iri = server.get("/queries/actor-statements.json",
                        {"actor": "https://w3id.org/diplomacy-kg/resource/actor/Q5947347"}).json()
    assert len(by_qid["results"]["bindings"]) == len(by_iri["results"]["bindings"]) == 1
    row = by_qid["results"]["bindings"][0]
    assert row["sentence"]["value"].startswith("Raisi said") and row["articleId"]["value"] == "001_fixture_a"


def test_string_injection_is_just_a_string(server: Server) -> None:
    before = server.count_quads()
    r = server.get("/queries/meetings.json", {"articleId": INJECTION})
    assert r.status == 200
    assert r.json()["results"]["bindings"] == []
    assert server.count_quads() == before


@pytest.mark.parametrize(("path", "params", "parameter"), [
    ("/queries/meetings-between.json", {"countryA": INJECTION}, "countryA"),
    ("/queries/meetings-between.json", {"countryB": "<http://x> } UNION { ?s ?p ?o"}, "countryB"),
    ("/queries/co-participation.json", {"minMeetings": "1) || true || (1"}, "minMeetings"),
    ("/queries/co-participation.json", {"minMeetings": "many"}, "minMeetings"),
    ("/queries/fact-sources.json", {}, "fact"),
    ("/queries/meetings.json", {"nosuch": "1"}, "nosuch"),
])
def test_bad_parameters_are_400_naming_the_parameter(server: Server, path: str, params: dict, parameter: str) -> None:
    r = server.get(path, params, accept="application/json")
    assert r.status == 400, r.body
    error = r.json()["error"]
    assert error["type"] == "ParameterError" and error["parameter"] == parameter
    assert parameter in error["message"]


def test_required_parameter_given(server: Server) -> None:
    fact = "https://w3id.org/diplomacy-kg/resource/meeting/9f3c"
    r = server.get("/queries/fact-sources.json", {"fact": fact})
    assert r.status == 200
    articles = {b["articleId"]["value"] for b in r.json()["results"]["bindings"]}
    assert articles == {"001_fixture_a", "002_fixture_b"}  # the same meeting, reported by both articles


def test_unknown_query_is_404(server: Server) -> None:
    assert server.get("/queries/nope.json").status == 404
