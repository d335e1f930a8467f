"""Query isolation: a pool of worker processes that evaluate queries and can be killed.

pyoxigraph cannot cancel a query, so every query runs in a separate process:

- ``QueryExecutor`` starts ``workers`` processes (``python -m kg.executor``), each holding the store's
  current generation open read-only, connected to the server by a socketpair. Workers are persistent: a
  request costs one message each way (pickled job, then the serialised answer), no process spawn.
- The server waits for the answer until the wall-clock deadline; past it, it SIGKILLs that worker (the CPU
  is freed at once), starts a replacement in the background and raises ``QueryTimeout``. Other requests are
  served by the other workers meanwhile.
- A worker serialises the result itself, in the requested format, with pyoxigraph's Rust serialisers, and
  applies the row cap exactly: it serialises to TSV (SELECT) or N-Triples (CONSTRUCT/DESCRIBE) — one line
  per row, whatever the data — stops after ``max_rows`` rows, then converts to the requested format if
  that is another one. The answer is sent in chunks of ``CHUNK_BYTES``, which the web layer streams to the
  client as they arrive; the first chunk comes with the metadata (row count, ``truncated``), so a timeout
  or a truncation is known before the HTTP status line is written.
- Each job carries the store generation the server saw; a worker whose generation differs reopens first,
  so a rebuilt store is picked up without a restart.
- Defence in depth: a worker sets ``PR_SET_PDEATHSIG`` (it dies with the server), an address-space limit
  (a runaway sort ends the worker, not the machine) and, when no SERVICE endpoint is allow-listed, moves
  into an empty network namespace so that even a query the checks missed cannot open a connection.

No web framework here: the CLI, the tests and the Flask app use it alike.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import os
import pickle
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg.errors import QueryError, QueryTimeout, StoreError

log = logging.getLogger("kg.executor")

CHUNK_BYTES = 1 << 20
_STREAM_READ_TIMEOUT_S = 120.0


class QueryAborted(QueryError):
    """The worker evaluating the query died (out of memory, or killed); the query was not answered."""


class WorkersBusy(QueryError):
    """No query worker became free in time."""


@dataclass(frozen=True)
class QueryJob:
    """One query for a worker. ``dataset`` is "union" (default graph = union of all graphs), "query" (the
    query's own FROM/FROM NAMED) or "explicit" (``default_graph`` and ``named_graphs``, protocol style)."""

    sparql: str
    result_format: str = "json"  # json | xml | csv | tsv, for SELECT and ASK
    graph_format: str = "ttl"  # ttl | nt | jsonld | rdfxml | trig | nq, for CONSTRUCT and DESCRIBE
    substitutions: dict[str, Any] | None = None  # variable name -> pyoxigraph term
    dataset: str = "union"
    default_graph: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] | None = None
    max_rows: int | None = None


@dataclass
class QueryAnswer:
    """A serialised answer: ``first`` holds the first chunk; iterate ``chunks()`` for the whole body."""

    kind: str  # select | ask | graph
    format: str
    rows: int
    truncated: bool
    eval_ms: float
    first: bytes
    _rest: _Stream | None = field(default=None, repr=False)

    def chunks(self) -> Iterator[bytes]:
        yield self.first
        if self._rest is not None:
            yield from self._rest

    def body(self) -> bytes:
        return b"".join(self.chunks())

    def close(self) -> None:
        """Release the worker if the body was not read to the end."""
        if self._rest is not None:
            self._rest.close()


def _default_memory_limit(workers: int) -> int:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        total = 8 << 30
    return int(min(8 << 30, max(1 << 30, total // (2 * max(1, workers)))))


class _Worker:
    def __init__(self, proc: subprocess.Popen, conn: Connection, generation: str, netns: bool) -> None:
        self.proc = proc
        self.conn = conn
        self.generation = generation
        self.netns = netns

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(OSError):
            self.conn.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)


class QueryExecutor:
    """A pool of killable query processes over one store location."""

    def __init__(
        self,
        location: Path,
        workers: int = 2,
        timeout_s: float = 30.0,
        isolate_network: bool = True,
        memory_limit_bytes: int | None = None,
    ) -> None:
        self.location = Path(location)
        self.size = max(1, workers)
        self.timeout_s = timeout_s
        self.isolate_network = isolate_network
        self.memory_limit_bytes = _default_memory_limit(self.size) if memory_limit_bytes is None else memory_limit_bytes
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.respawns = 0
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-worker-spawner")
        started = [self._start() for _ in range(self.size)]
        for proc, conn in started:
            self._register(self._await_ready(proc, conn))

    # -- lifecycle -------------------------------------------------------------------------------------
    def _start(self) -> tuple[subprocess.Popen, Connection]:
        # Popen in one long-lived thread: PR_SET_PDEATHSIG fires when the *thread* that forked exits.
        return self._spawner.submit(self._popen).result()

    def _popen(self) -> tuple[subprocess.Popen, Connection]:
        parent_sock, child_sock = socket.socketpair()
        env = dict(os.environ, RUST_BACKTRACE="0", PYTHONUNBUFFERED="1")
        args = [sys.executable, "-m", "kg.executor", str(child_sock.fileno()), str(self.location),
                "1" if self.isolate_network else "0", str(self.memory_limit_bytes or 0)]
        proc = subprocess.Popen(args, pass_fds=(child_sock.fileno(),), env=env, stdin=subprocess.DEVNULL,
                                close_fds=True)
        child_sock.close()
        conn = Connection(parent_sock.detach())
        return proc, conn

    def _await_ready(self, proc: subprocess.Popen, conn: Connection) -> _Worker:
        if not conn.poll(60):
            proc.kill()
            raise StoreError("a query worker did not start within 60 s")
        try:
            message = conn.recv()
        except (EOFError, OSError):
            proc.wait()
            raise StoreError(f"a query worker exited at start (status {proc.returncode})") from None
        if message[0] != "ready":
            proc.kill()
            raise StoreError(f"a query worker could not open the store: {message[2]}")
        return _Worker(proc, conn, message[1], message[2])

    def _register(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start its replacement in the background."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
        self.respawns += 1

        def respawn() -> None:
            for attempt in range(5):
                try:
                    self._register(self._await_ready(*self._start()))
                    return
                except (StoreError, OSError) as exc:
                    log.error("could not restart a query worker (attempt %d): %s", attempt + 1, exc)
                    time.sleep(1.0)

        threading.Thread(target=respawn, name="kg-worker-respawn", daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
        self._spawner.shutdown(wait=False)

    def __enter__(self) -> QueryExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.proc.pid for w in self._all)

    @property
    def network_isolated(self) -> bool:
        with self._lock:
            return bool(self._all) and all(w.netns for w in self._all)

    def _generation(self) -> str:
        try:
            return os.readlink(self.location / "current")
        except OSError:
            return ""

    # -- running ---------------------------------------------------------------------------------------
    def _acquire(self, deadline: float) -> _Worker:
        try:
            return self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise WorkersBusy(
                f"all {self.size} query workers stayed busy (setting query_workers); try again later"
            ) from None

    def _call(self, message: tuple, timeout_s: float | None) -> tuple[_Worker, tuple, float]:
        """Send a job to an idle worker and wait for the first reply within the deadline."""
        limit = self.timeout_s if timeout_s is None else timeout_s
        start = time.monotonic()
        deadline = start + limit
        worker = self._acquire(deadline)
        try:
            worker.conn.send(message)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                raise QueryTimeout(
                    f"the query was stopped after {limit:g} s, the wall-clock limit (setting query_timeout_s)"
                )
            reply = worker.conn.recv()
        except (EOFError, OSError, pickle.PickleError):
            code = worker.proc.poll()
            self._replace(worker)
            why = "it ran out of memory" if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV) else "it died"
            raise QueryAborted(
                f"the query process stopped before answering: {why} (exit status {code}); the query needs more "
                f"memory or time than a query process has ({self.memory_limit_bytes >> 20} MiB)"
            ) from None
        except BaseException:
            if worker.proc.poll() is None and worker in self._all:
                self._replace(worker)
            raise
        return worker, reply, start

    def _stream(self, worker: _Worker) -> _Stream:
        return _Stream(self, worker)

    def run(self, job: QueryJob, timeout_s: float | None = None) -> QueryAnswer:
        """Evaluate ``job`` in a worker and return its serialised answer (or raise a QueryError)."""
        worker, reply, _ = self._call(("query", self._generation(), job), timeout_s)
        if reply[0] == "error":
            self._idle.put(worker)
            raise _error_from(reply, job.sparql)
        _, meta, first, more = reply
        answer = QueryAnswer(meta["kind"], meta["format"], meta["rows"], meta["truncated"], meta["eval_ms"], first)
        if more:
            answer._rest = self._stream(worker)
        else:
            self._idle.put(worker)
        return answer

    def call(self, task: str, *args: Any, timeout_s: float | None = None) -> Any:
        """Run a named maintenance task in a worker (``dump``, ``stats``); returns its picklable value."""
        worker, reply, _ = self._call(("call", self._generation(), task, args), timeout_s)
        self._idle.put(worker)
        if reply[0] == "error":
            raise _error_from(reply, "")
        return reply[1]


class _Stream:
    """The remaining chunks of an answer. The worker goes back to the pool once they are all read, or when
    the stream is closed early (the rest is drained); a worker that stops sending is replaced."""

    def __init__(self, pool: QueryExecutor, worker: _Worker) -> None:
        self.pool = pool
        self.worker: _Worker | None = worker

    def _next(self, timeout_s: float) -> bytes | None:
        assert self.worker is not None
        if not self.worker.conn.poll(timeout_s):
            raise QueryAborted("the query process stopped sending its answer")
        chunk = self.worker.conn.recv_bytes()
        return chunk or None

    def __iter__(self) -> Iterator[bytes]:
        while self.worker is not None:
            try:
                chunk = self._next(_STREAM_READ_TIMEOUT_S)
            except (QueryAborted, EOFError, OSError):
                self._finish(ok=False)
                raise QueryAborted("the query process stopped sending its answer") from None
            if chunk is None:
                self._finish(ok=True)
                return
            yield chunk

    def _finish(self, ok: bool) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        if ok:
            self.pool._idle.put(worker)
        else:
            self.pool._replace(worker)

    def close(self) -> None:
        if self.worker is None:
            return
        try:
            while self._next(5.0) is not None:
                pass
        except (QueryAborted, EOFError, OSError):
            self._finish(ok=False)
            return
        self._finish(ok=True)


def _error_from(reply: tuple, sparql: str) -> QueryError | StoreError:
    _, kind, message = reply[:3]
    if kind == "syntax":
        from kg.sparql import syntax_error

        return syntax_error(SyntaxError(message), sparql)
    if kind == "store":
        return StoreError(message)
    return QueryError(message)


# ============================================================================ the worker process
class _RowLimit(Exception):
    pass


class _LineCounter(io.RawIOBase):
    """A write target that keeps the first ``keep`` lines and stops the serialiser once it has seen
    ``stop`` complete lines (so ``stop = keep + 1`` proves that at least one more row existed)."""

    def __init__(self, keep: int | None) -> None:
        self.parts: list[bytes] = []
        self.lines = 0
        self.keep = keep
        self.stop = None if keep is None else keep + 1
        self.stopped = False

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:  # type: ignore[override]
        data = bytes(b)
        self.parts.append(data)
        self.lines += data.count(b"\n")
        if self.stop is not None and self.lines >= self.stop:
            self.stopped = True
            raise _RowLimit
        return len(data)

    def value(self) -> bytes:
        data = b"".join(self.parts)
        if not self.stopped or self.keep is None:
            return data
        end = -1
        for _ in range(self.keep):
            end = data.index(b"\n", end + 1)
        return data[: end + 1]


def _serialize_limited(result: Any, fmt: Any, keep_lines: int | None) -> tuple[bytes, bool]:
    """Serialise in a one-line-per-row format, keeping ``keep_lines`` lines. Returns (bytes, truncated)."""
    out = _LineCounter(keep_lines)
    try:
        result.serialize(out, format=fmt)
    except _RowLimit:
        pass
    except OSError:  # in case pyoxigraph wraps the exception raised by write()
        if not out.stopped:
            raise
    return out.value(), out.stopped


def _evaluate(store: Any, job: QueryJob) -> tuple[dict, bytes]:
    import pyoxigraph as ox

    from kg.sparql import GRAPH_FORMATS, RESULT_FORMATS
    from kg.store import PREFIXES
    from kg.vocab import RESOURCE

    kwargs: dict[str, Any] = {}
    if job.dataset == "union":
        pass  # the store's default graph is the materialised union of all graphs (kg.store)
    elif job.dataset == "explicit" and len(job.default_graph) > 1:
        # The default graph is the RDF *merge* of the given graphs (a triple in two of them counts once);
        # pyoxigraph would see it twice, so evaluate over a scratch copy of just that dataset.
        scratch = ox.Store()
        scratch.extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for g in job.default_graph for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))
        )
        scratch.extend(
            q for g in (job.named_graphs or ()) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))
        )
        store = scratch
    elif job.dataset == "explicit":
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graph]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in (job.named_graphs or ())]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in job.substitutions.items()}
    t0 = time.perf_counter()
    result = store.query(job.sparql, **kwargs)
    if isinstance(result, ox.QueryBoolean):
        fmt = job.result_format
        body = result.serialize(format=RESULT_FORMATS[fmt][0])
        if fmt in ("csv", "tsv"):
            body = body.strip() + b"\n"
        meta = {"kind": "ask", "format": fmt, "rows": 1, "truncated": False}
    elif isinstance(result, ox.QuerySolutions):
        fmt = job.result_format
        keep = None if job.max_rows is None else job.max_rows + 1  # the header line, then the rows
        tsv, truncated = _serialize_limited(result, ox.QueryResultsFormat.TSV, keep)
        rows = tsv.count(b"\n") - 1
        if fmt == "tsv":
            body = tsv
        else:
            parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
            body = parsed.serialize(format=RESULT_FORMATS[fmt][0])
            if truncated and fmt == "json":
                body = body[:-1] + b',"truncated":true}'
        meta = {"kind": "select", "format": fmt, "rows": max(0, rows), "truncated": truncated}
    else:
        fmt = job.graph_format
        nt, truncated = _serialize_limited(result, ox.RdfFormat.N_TRIPLES, job.max_rows)
        rows = nt.count(b"\n")
        if fmt == "nt":
            body = nt
        else:
            rdf_format = GRAPH_FORMATS[fmt][0]
            triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
            # vocabulary prefixes only: resource IRIs stay whole (no `res:evidence\/…` escapes in answers)
            prefixes = {k: v for k, v in PREFIXES.items() if not v.startswith(RESOURCE)} \
                if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
            body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        meta = {"kind": "graph", "format": fmt, "rows": rows, "truncated": truncated}
    meta["eval_ms"] = round((time.perf_counter() - t0) * 1000, 3)
    return meta, body


def _task(view: Any, task: str, args: tuple) -> Any:
    if task == "dump":
        fmt, gz, path = args
        data = view.dump_gz(fmt) if gz else view.dump(fmt)
        tmp = Path(path + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        return len(data)
    if task == "stats":
        return _stats(view)
    if task == "ping":
        return "pong"
    raise ValueError(f"unknown task {task!r}")


def _stats(view: Any) -> dict:
    """Numbers for the VoID description."""
    store = view.store

    def one(q: str) -> int:
        rows = list(store.query(q))
        return int(rows[0]["n"].value) if rows and rows[0]["n"] is not None else 0

    graphs: dict[str, int] = {}
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
        graphs[row["g"].value] = int(row["n"].value)
    return {
        "quads": len(store),
        "triples": one("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"),
        "entities": one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"),
        "classes": one("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        "graphs": graphs,
    }


def _isolate_network() -> bool:
    """Move this process into new user + network namespaces: no interface but a down loopback."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(0x10000000 | 0x40000000) == 0  # CLONE_NEWUSER | CLONE_NEWNET
    except (OSError, AttributeError):
        return False


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def worker_main(fd: int, location: str, isolate: bool, memory_limit: int) -> None:
    """Entry point of a worker process: open the store, then answer jobs until the socket closes."""
    parent = os.getppid()
    _die_with_parent()
    if os.getppid() != parent:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    if memory_limit:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    netns = _isolate_network() if isolate else False

    from kg.store import KnowledgeStore

    def open_view() -> Any:
        return KnowledgeStore.open(Path(location))

    try:
        view = open_view()
    except Exception as exc:  # report any failure to open to the parent, then stop
        conn.send(("error", "store", str(exc)))
        return
    conn.send(("ready", view.generation, netns))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        generation = message[1]
        try:
            if generation and generation != view.generation:
                view = open_view()
            if message[0] == "query":
                meta, body = _evaluate(view.store, message[2])
                first, rest = body[:CHUNK_BYTES], body[CHUNK_BYTES:]
                conn.send(("ok", meta, first, bool(rest)))
                if rest:
                    for i in range(0, len(rest), CHUNK_BYTES):
                        conn.send_bytes(rest[i:i + CHUNK_BYTES])
                    conn.send_bytes(b"")
            else:
                conn.send(("ok", _task(view, message[2], message[3])))
        except SyntaxError as exc:
            conn.send(("error", "syntax", str(exc)))
        except OSError as exc:
            conn.send(("error", "store", f"the store could not be read: {exc}"))
        except MemoryError:
            conn.send(("error", "query", "the query ran out of memory"))
        except Exception as exc:  # any evaluation error goes back to the parent as a message
            conn.send(("error", "query", f"{type(exc).__name__}: {exc}"))


if __name__ == "__main__":
    worker_main(int(sys.argv[1]), sys.argv[2], sys.argv[3] == "1", int(sys.argv[4]))
