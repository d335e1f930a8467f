"""A running server picks up a new store generation (`kg build`/`kg ingest`) without a restart."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from webhelpers import build_fixture_store, start_server, stop_server

from kg.store import write_store

NEW = ox.Quad(ox.NamedNode("https://w3id.org/diplomacy-kg/resource/actor/person/new-person"),
              ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("New Person"),
              ox.NamedNode("https://w3id.org/diplomacy-kg/graph/article/003_new"))


def test_new_generation_is_served(tmp_path: Path) -> None:
    store = build_fixture_store(tmp_path / "store")
    server = start_server(store, tmp_path / "serve.log")
    try:
        ask = 'ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> "New Person" }'
        assert server.query(ask).json()["boolean"] is False
        etag = server.get("/dump.nq").headers["etag"]
        with write_store(store) as writer:
            writer.store.add(NEW)
        for _ in range(3):  # every worker, whichever answers
            assert server.query(ask).json()["boolean"] is True
        new = server.get("/dump.nq")
        assert new.headers["etag"] != etag and str(NEW).encode() in new.body
        assert server.get("/health").json()["generation"] == "gen-000002"
    finally:
        stop_server(server)
