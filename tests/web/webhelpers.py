"""Helpers of the endpoint tests: a real `kg serve` process on a free loopback port, over a store built from
tests/web/data/fixture.trig, and a small HTTP client."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.store import write_store

DATA = Path(__file__).resolve().parent / "data"
FIXTURE = DATA / "fixture.trig"
PROJECT_ROOT = Path(__file__).resolve().parents[2]

# limits the tests rely on (small so that they can be hit quickly)
QUERY_TIMEOUT_S = 3.0
MAX_RESULT_ROWS = 100
MAX_REQUEST_BYTES = 1_000_000
MAX_QUERY_CHARS = 20_000


def fixture_quads() -> list[ox.Quad]:
    return list(ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG))


def build_fixture_store(location: Path) -> Path:
    with write_store(location, fresh=True) as writer:
        writer.store.extend(fixture_quads())
    return location


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip()

    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Server:
    base: str
    port: int
    proc: subprocess.Popen
    store: Path
    log: Path
    log_file: object = None

    def request(self, method: str, path: str, params: list[tuple[str, str]] | dict | None = None,
                body: bytes | str | None = None, headers: dict[str, str] | None = None,
                timeout: float = 30.0) -> Reply:
        if params:
            path += ("&" if "?" in path else "?") + urllib.parse.urlencode(params, doseq=True)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers or {})
            r = conn.getresponse()
            return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def get(self, path: str, params: list | dict | None = None, accept: str | None = None, **kw: object) -> Reply:
        headers = dict(kw.pop("headers", {}) or {})  # type: ignore[call-overload]
        if accept:
            headers["Accept"] = accept
        return self.request("GET", path, params, headers=headers, **kw)  # type: ignore[arg-type]

    def query(self, sparql: str, accept: str = "application/sparql-results+json", **kw: object) -> Reply:
        return self.get("/sparql", [("query", sparql)], accept=accept, **kw)

    def post_form(self, fields: list[tuple[str, str]] | dict, accept: str | None = None,
                  path: str = "/sparql") -> Reply:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if accept:
            headers["Accept"] = accept
        return self.request("POST", path, body=urllib.parse.urlencode(fields), headers=headers)

    def count_quads(self) -> int:
        r = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        assert r.status == 200, r.body
        return int(r.json()["results"]["bindings"][0]["n"]["value"])


def start_server(store: Path, log: Path, **env_overrides: str) -> Server:
    port = free_port()
    env = dict(os.environ, KG_QUERY_TIMEOUT_S=str(QUERY_TIMEOUT_S), KG_MAX_RESULT_ROWS=str(MAX_RESULT_ROWS),
               KG_MAX_REQUEST_BYTES=str(MAX_REQUEST_BYTES), KG_MAX_QUERY_CHARS=str(MAX_QUERY_CHARS),
               KG_QUERY_WORKERS="2", KG_SERVICE_ALLOWLIST="", KG_ALLOW_UPDATES="false", **env_overrides)
    out = open(log, "w")  # noqa: SIM115 - the server process writes to it until the fixture ends
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT, cwd=PROJECT_ROOT)
    server = Server(f"http://127.0.0.1:{port}", port, proc, store, log, out)
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            out.close()
            raise RuntimeError(f"kg serve exited with {proc.returncode}: {log.read_text()}")
        try:
            if server.get("/health", timeout=2).status == 200:
                return server
        except OSError:
            time.sleep(0.1)
    proc.kill()
    out.close()
    raise RuntimeError(f"kg serve did not start: {log.read_text()}")


def stop_server(server: Server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()
    server.log_file.close()  # type: ignore[attr-defined]


def send_large(server: Server, content_type: str, size: int) -> Reply:
    """POST a body of ``size`` bytes, tolerating the server answering (and closing) before it is all sent."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.putrequest("POST", "/sparql")
        conn.putheader("Content-Type", content_type)
        conn.putheader("Content-Length", str(size))
        conn.endheaders()
        chunk = b"x" * 65536
        try:
            conn.send(b"ASK {} # ")
            sent = 9
            while sent < size:
                conn.send(chunk[: size - sent])
                sent += len(chunk)
        except OSError:
            pass
        r = conn.getresponse()
        return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()
