"""kg.safety without a server: the tokeniser decides what is a keyword."""

from __future__ import annotations

import pytest

from kg.errors import ForbiddenQuery
from kg.safety import QueryTooLong, check_query, inspect_query


@pytest.mark.parametrize("query", [
    "INSERT DATA { <a:b> <a:b> <a:b> }",
    "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/x>",
    "CLEAR ALL", "DROP GRAPH <a:g>", "CREATE GRAPH <a:g>", "COPY <a:a> TO <a:b>", "MOVE <a:a> TO <a:b>",
    "ADD <a:a> TO <a:b>", "WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "ASK {} ; drop all",
])
def test_updates_are_refused(query: str) -> None:
    assert inspect_query(query).is_update
    with pytest.raises(ForbiddenQuery):
        check_query(query, 10_000)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "INSERT DATA { }" }',
    "SELECT * WHERE { ?s ?p ?o } # DROP ALL",
    "SELECT * WHERE { ?s <http://example.org/drop/service> ?o }",
    "SELECT ?insert WHERE { ?insert ?p ?o }",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:load ?o }",
    "SELECT * WHERE { ?s ?p '''a ' DELETE '' SERVICE''' }",
    "SELECT * WHERE { BIND(1 AS ?y) FILTER(?y<?y||?y>0) }",
])
def test_queries_with_keyword_text_are_accepted(query: str) -> None:
    info = check_query(query, 10_000)
    assert info.form == "SELECT" and not info.services


@pytest.mark.parametrize(("query", "target"), [
    ("SELECT * { SERVICE <http://a/sparql> {} }", "http://a/sparql"),
    ("PREFIX p: <http://a/> SELECT * { SERVICE SILENT p:sparql {} }", "http://a/sparql"),
    ("BASE <http://a/> SELECT * { SERVICE <sparql> {} }", "http://a/sparql"),
    (r"SELECT * { SERVICE <http://a\u002Fsparql> {} }", "http://a/sparql"),
    ("SELECT * { FILTER(?y<?y||?y>0) SERVICE<http://a/sparql>{} }", "http://a/sparql"),
])
def test_service_targets_are_resolved(query: str, target: str) -> None:
    assert inspect_query(query).services == [target]
    with pytest.raises(ForbiddenQuery):
        check_query(query, 10_000)
    assert check_query(query, 10_000, service_allowlist=(target,)).services == [target]


def test_service_with_a_variable_is_always_refused() -> None:
    with pytest.raises(ForbiddenQuery):
        check_query("SELECT * { SERVICE ?e {} }", 10_000, service_allowlist=("http://a/sparql",))


def test_dataset_clauses_are_reported() -> None:
    info = inspect_query("PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <http://g/two> WHERE { ?s ?p ?o }")
    assert info.from_graphs == ["http://g/one"] and info.from_named_graphs == ["http://g/two"]


def test_length_limit_names_the_setting() -> None:
    with pytest.raises(QueryTooLong, match="max_query_chars"):
        check_query("ASK {}" + " " * 100, 50)
