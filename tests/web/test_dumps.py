"""Dumps: the same bytes as `kg dump`, rdflib round trip, ETag / Last-Modified / 304."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
import rdflib
from rdflib.compare import isomorphic
from webhelpers import PROJECT_ROOT, Server, fixture_quads

from kg.store import KnowledgeStore


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq"])
def test_dump_equals_store_dump_and_kg_dump(server: Server, fmt: str) -> None:
    r = server.get(f"/dump.{fmt}")
    assert r.status == 200
    expected = KnowledgeStore.open(server.store).dump(fmt)  # type: ignore[arg-type]
    assert r.body == expected
    cli = subprocess.run([sys.executable, "-m", "kg.cli", "dump", "--format", fmt, "--store", str(server.store)],
                         capture_output=True, check=True, cwd=PROJECT_ROOT)
    assert cli.stdout == r.body
    gz = server.get(f"/dump.{fmt}.gz")
    assert gz.status == 200 and gz.media_type == "application/gzip"
    assert gzip.decompress(gz.body) == r.body


def test_dumps_round_trip_through_rdflib(server: Server) -> None:
    quads = fixture_quads()
    ds = rdflib.Dataset()
    ds.parse(data=server.get("/dump.trig").body, format="trig")
    nq = rdflib.Dataset()
    nq.parse(data=server.get("/dump.nq").body, format="nquads")
    for parsed in (ds, nq):
        graphs = {str(g.identifier): g for g in parsed.graphs() if len(g)}
        expected_graphs = {q.graph_name.value for q in quads}
        assert set(graphs) == expected_graphs
        for name in expected_graphs:
            want = rdflib.Graph().parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads
                                                       if q.graph_name.value == name), format="nt")
            assert isomorphic(graphs[name], want), name
    union = rdflib.Graph().parse(data=server.get("/dump.ttl").body, format="turtle")
    want = rdflib.Graph().parse(data="\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads), format="nt")
    assert isomorphic(union, want)


def test_etag_and_last_modified(server: Server) -> None:
    r = server.get("/dump.ttl")
    etag, modified = r.headers["etag"], r.headers["last-modified"]
    assert etag.strip('"').startswith("gen-")
    assert server.get("/dump.ttl", headers={"If-None-Match": etag}).status == 304
    assert server.get("/dump.ttl", headers={"If-Modified-Since": modified}).status == 304
    assert server.get("/dump.ttl", headers={"If-None-Match": '"other"'}).status == 200
    assert server.get("/dump.trig").headers["etag"] != etag
    assert server.get("/dump.xyz").status == 404
