"""Query results: row caps, and every serialisation parses back."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from kg.errors import QuerySyntaxError
from kg.sparql import run_query, serialize_result
from kg.store import KnowledgeStore

EX = "http://example.org/"


@pytest.fixture(scope="module")
def store() -> KnowledgeStore:
    quads = [ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f'v "{i}"\n', language="en"),
                     ox.NamedNode(f"{EX}g")) for i in range(5)]
    return KnowledgeStore.in_memory(quads)


def test_row_cap_truncates_and_says_so(store: KnowledgeStore) -> None:
    assert not run_query(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=5).truncated
    capped = run_query(store, "SELECT * WHERE { ?s ?p ?o }", max_rows=3)
    assert len(capped.rows) == 3 and capped.truncated
    graph = run_query(store, "CONSTRUCT WHERE { ?s ?p ?o }", max_rows=2)
    assert len(graph.triples or []) == 2 and graph.truncated


def test_default_graph_is_the_deduplicated_union(store: KnowledgeStore) -> None:
    result = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.rows[0][0].value == "5"


def test_serialisations_round_trip(store: KnowledgeStore) -> None:
    result = run_query(store, "SELECT ?s ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?s")
    doc = json.loads(serialize_result(result, "json"))
    assert doc["head"]["vars"] == ["s", "o", "missing"]
    assert doc["results"]["bindings"][0]["o"] == {"type": "literal", "value": 'v "0"\n', "xml:lang": "en"}
    rows = list(csv.reader(io.StringIO(serialize_result(result, "csv").decode())))
    assert rows[0] == ["s", "o", "missing"] and rows[1] == [f"{EX}s0", 'v "0"\n', ""]
    tsv = serialize_result(result, "tsv").decode().splitlines()
    assert tsv[0] == "?s\t?o\t?missing" and tsv[1].startswith(f"<{EX}s0>\t")
    root = ET.fromstring(serialize_result(result, "xml"))
    assert len(root.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 5
    ask = run_query(store, "ASK { ?s ?p ?o }")
    assert json.loads(serialize_result(ask, "json")) == {"head": {}, "boolean": True}


def test_syntax_error_has_line_and_column(store: KnowledgeStore) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        run_query(store, "SELECT ?x\nWHERE { ?x ")
    assert info.value.line == 2 and info.value.column is not None
