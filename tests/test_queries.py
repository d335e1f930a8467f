"""One case per queries/*.rq file: header valid, parses in pyoxigraph and rdflib, runs on the fixture store
and yields its declared columns."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.queries import parse_query_file
from kg.sparql import run_query
from kg.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))
FIXTURE = ROOT / "tests" / "web" / "data" / "fixture.trig"
# values for required parameters that have no default
EXAMPLES = {"fact-sources": {"fact": "https://w3id.org/diplomacy-kg/resource/meeting/9f3c"}}


@pytest.fixture(scope="module")
def store() -> KnowledgeStore:
    return KnowledgeStore.in_memory(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))


def test_one_case_per_query_file() -> None:
    assert len(QUERY_FILES) == len(CASES) >= 11


CASES = [pytest.param(p, id=p.stem) for p in QUERY_FILES]


@pytest.mark.parametrize("path", CASES)
def test_query_file(path: Path, store: KnowledgeStore) -> None:
    query = parse_query_file(path)
    assert query.title and query.description and query.columns
    ox.Store().query(query.sparql)  # parses in pyoxigraph (raises SyntaxError otherwise)
    prepareQuery(query.sparql)  # and in rdflib's SPARQL parser
    bound = query.substitutions(EXAMPLES.get(query.name, {}))
    result = run_query(store, query.sparql, bound)
    assert result.kind == "select"
    assert tuple(result.variables) == query.columns
    assert result.rows, f"{query.name} returns no row on the fixture store"
    for p in query.parameters:  # every parameter is projected (pyoxigraph substitutions require it)
        assert p.name in result.variables
