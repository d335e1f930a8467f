"""Hostile queries: updates refused and nothing written, no outbound connection, the hard timeout."""

from __future__ import annotations

import socket
import threading
import time
import urllib.parse

import pytest
from webhelpers import QUERY_TIMEOUT_S, Server

from kg.store import current_generation

MARKER = '<urn:x-test:s> <urn:x-test:p> "marker"'


class Listener:
    """A TCP socket on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections: list[tuple] = []
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, addr = self.sock.accept()
            except OSError:
                continue
            self.connections.append(addr)
            conn.close()

    def url(self, tag: str) -> str:
        return f"http://127.0.0.1:{self.port}/{tag}"

    def close(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def test_listener_sees_connections(listener: Listener) -> None:
    """The yardstick itself works: a connection is recorded (so "no connection" below means something)."""
    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    time.sleep(0.5)
    assert listener.connections


def _marker_present(server: Server) -> bool:
    r = server.query(f"ASK {{ {{ {MARKER} }} UNION {{ GRAPH ?g {{ {MARKER} }} }} }}")
    return r.json()["boolean"]


@pytest.mark.parametrize("how", ["form", "direct", "get", "as_query", "update_path"])
def test_updates_are_refused_and_change_nothing(server: Server, how: str) -> None:
    update = f"INSERT DATA {{ {MARKER} . GRAPH <urn:x-test:g> {{ {MARKER} }} }}"
    generation = current_generation(server.store)
    before = server.count_quads()
    if how == "form":
        r = server.post_form([("update", update)])
    elif how == "direct":
        r = server.request("POST", "/sparql", body=update, headers={"Content-Type": "application/sparql-update"})
    elif how == "get":
        r = server.get("/sparql", [("update", update)])
    elif how == "as_query":
        r = server.post_form([("query", update)])
    else:
        r = server.post_form([("update", update)], path="/update")
    assert 400 <= r.status < 500
    assert not _marker_present(server)
    assert server.count_quads() == before
    assert current_generation(server.store) == generation


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX x: <{url}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "# a comment SERVICE\nSELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
])
def test_service_refused_without_connecting(server: Server, listener: Listener, template: str) -> None:
    r = server.query(template.format(url=listener.url("service")))
    assert r.status == 403, r.body
    assert "service_allowlist" in r.json()["error"]["message"]
    time.sleep(0.5)
    assert listener.connections == []


def test_load_and_from_make_no_connection(server: Server, listener: Listener) -> None:
    load = server.post_form([("update", f"LOAD <{listener.url('load')}>")])
    load_direct = server.request("POST", "/sparql", body=f"LOAD <{listener.url('load2')}> INTO GRAPH <urn:x:g>",
                                 headers={"Content-Type": "application/sparql-update"})
    assert 400 <= load.status < 500 and 400 <= load_direct.status < 500
    frm = server.query(f"SELECT * FROM <{listener.url('from')}> FROM NAMED <{listener.url('named')}> "
                       "WHERE { ?s ?p ?o } LIMIT 1")
    assert frm.status == 200 and frm.json()["results"]["bindings"] == []
    dataset = server.get("/sparql", [("query", "ASK { ?s ?p ?o }"), ("default-graph-uri", listener.url("dg"))],
                         accept="application/json")
    assert dataset.status == 200 and dataset.json()["boolean"] is False
    time.sleep(0.5)
    assert listener.connections == []


def test_words_in_strings_comments_and_iris_are_not_keywords(server: Server) -> None:
    q = ('SELECT ?x WHERE { BIND("DROP ALL ; SERVICE <http://127.0.0.1:9/>" AS ?x) '
         "FILTER(?x != <http://example.org/service/insert>) } # INSERT DATA { <a:b> <a:b> <a:b> }")
    r = server.query(q)
    assert r.status == 200 and r.json()["results"]["bindings"][0]["x"]["value"].startswith("DROP ALL")


def test_timeout_cuts_the_query_while_others_are_served(server: Server) -> None:
    pathological = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    box: dict = {}

    def run() -> None:
        t0 = time.monotonic()
        box["reply"] = server.query(pathological, timeout=QUERY_TIMEOUT_S + 20)
        box["elapsed"] = time.monotonic() - t0

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(1.0)
    assert worker.is_alive(), "the pathological query finished too early to test anything"
    t0 = time.monotonic()
    simple = server.query("ASK { ?s ?p ?o }")
    simple_elapsed = time.monotonic() - t0
    worker.join(QUERY_TIMEOUT_S + 25)
    assert simple.status == 200 and simple_elapsed < 1.0
    reply = box["reply"]
    assert reply.status == 503 and reply.json()["error"]["type"] == "QueryTimeout"
    assert "query_timeout_s" in reply.json()["error"]["message"]
    assert box["elapsed"] < QUERY_TIMEOUT_S + 2
    # the killed worker is replaced: the pool is whole again
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and server.get("/health").json()["workers_alive"] < 2:
        time.sleep(0.2)
    health = server.get("/health").json()
    assert health["workers_alive"] == 2 and health["worker_restarts"] >= 1
    assert server.query("ASK {}").status == 200


def test_error_bodies_have_no_stack_trace(server: Server) -> None:
    replies = [
        server.query("SELECT * WHERE { ?s ?p ?o } LIMIT -1"),
        server.query("SELECT * WHERE { ?s <not an iri> ?o }"),
        server.request("POST", "/sparql", body="ASK {}".encode("utf-16"),
                       headers={"Content-Type": "application/sparql-query; charset=UTF-16"}),
        server.get("/sparql?" + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "x y"})),
    ]
    for r in replies:
        assert 400 <= r.status < 500
        for leak in (b"Traceback", b'File "/', b"site-packages", b"werkzeug"):
            assert leak not in r.body
