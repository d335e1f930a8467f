"""The canned-query loader rejects bad headers and binds values as typed terms, never as text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import CannedQueryDefinitionError, ParameterError
from kg.queries import parse_query_file

BODY = "SELECT ?x ?when WHERE { ?x <http://example.org/p> ?when }\n"


def _file(tmp_path: Path, header: str, body: str = BODY) -> Path:
    path = tmp_path / "q.rq"
    path.write_text("".join(f"#+ {line}\n" for line in header.strip().splitlines()) + body)
    return path


@pytest.mark.parametrize(("header", "message"), [
    ("description: no title", "needs a `title`"),
    ("title: T\ndescription: D\nparameters:\n  nope: {type: string}", "not a variable of the query"),
    ("title: T\ndescription: D\nparameters:\n  x: {type: colour}", "type must be one of"),
    ("title: T\ndescription: D\nparameters:\n  when: {type: date, default: yesterday}", "default of"),
    ("title: T\ndescription: D\nparameters:\n  x: {type: iri, required: true, default: 'http://e.org/'}", "choose one"),
    ("title: T\ndescription: D\ncolumns: [x, y]", "not variables of the query"),
    ("title: T\ndescription: D\nextra: 1", "unknown header keys"),
    ("title: [unclosed", "not valid YAML"),
])
def test_invalid_headers_are_refused(tmp_path: Path, header: str, message: str) -> None:
    with pytest.raises(CannedQueryDefinitionError, match=message):
        parse_query_file(_file(tmp_path, header))


def test_values_become_typed_terms(tmp_path: Path) -> None:
    query = parse_query_file(_file(tmp_path, """
title: T
description: D
parameters:
  x: {type: actor}
  when: {type: date, default: '2022-04'}
columns: [x, when]"""))
    bound = query.substitutions({"x": "Q794"})
    assert bound[ox.Variable("x")] == ox.NamedNode("http://www.wikidata.org/entity/Q794")
    assert bound[ox.Variable("when")].datatype.value.endswith("#gYearMonth")
    with pytest.raises(ParameterError, match="'x'"):
        query.substitutions({"x": 'http://e.org/> } ; DROP ALL ; #'})
    with pytest.raises(ParameterError, match="'when'"):
        query.substitutions({"when": "2022-02-30"})
    with pytest.raises(ParameterError, match="'other'"):
        query.substitutions({"other": "1"})


def test_string_value_with_sparql_syntax_stays_a_literal(tmp_path: Path) -> None:
    query = parse_query_file(_file(tmp_path, "title: T\ndescription: D\nparameters:\n  when: {type: string}"))
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e.org/a"), ox.NamedNode("http://example.org/p"), ox.Literal("x")))
    hostile = '" } ; DROP ALL ; #'
    rows = list(store.query(query.sparql, substitutions=query.substitutions({"when": hostile})))
    assert rows == []
    assert len(store) == 1
