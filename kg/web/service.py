"""What the endpoint does, without HTTP: the routes parse a request, call one method here, serialise.

``Endpoint`` owns the query workers (``kg.executor``), the dump and statistics caches, and the checks of
``kg.safety``. It never imports Flask (``tests/web/test_layering.py`` checks it).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

from kg.config import Settings
from kg.errors import ForbiddenQuery, StoreError
from kg.executor import QueryAnswer, QueryExecutor, QueryJob
from kg.queries import CannedQuery, get_query, load_queries
from kg.safety import QueryInfo, check_query, inspect_query
from kg.store import DUMP_FORMATS, PREFIXES, current_generation, write_store
from kg.vocab import RESOURCE

log = logging.getLogger("kg.web")

DUMP_TIMEOUT_S = 900.0
STATS_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Dataset:
    """The protocol's default-graph-uri / named-graph-uri values (None: not given)."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class DumpFile:
    path: Path
    media_type: str
    etag: str
    last_modified: datetime


class Endpoint:
    """The SPARQL service over one store location."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._executor: QueryExecutor | None = None
        self._lock = threading.Lock()
        self._dump_locks: dict[str, threading.Lock] = {}
        self._dump_dir: Path | None = None
        self._stats: tuple[str, dict] | None = None

    # -- lifecycle -------------------------------------------------------------------------------------
    @property
    def executor(self) -> QueryExecutor:
        """The worker pool, started on first use (not when the app is created)."""
        if self._executor is None:
            with self._lock:
                if self._executor is None:
                    s = self.settings
                    if current_generation(s.store) is None:
                        raise StoreError(f"no store at {s.store}: run `kg build` first")
                    self._executor = QueryExecutor(
                        s.store, workers=s.query_workers, timeout_s=s.query_timeout_s,
                        isolate_network=not s.service_allowlist,
                        memory_limit_bytes=(s.query_memory_mb << 20) if s.query_memory_mb else None,
                    )
        return self._executor

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.close()
                self._executor = None
            if self._dump_dir is not None:
                shutil.rmtree(self._dump_dir, ignore_errors=True)
                self._dump_dir = None

    @property
    def generation(self) -> str:
        gen = current_generation(self.settings.store)
        return gen.name if gen is not None else ""

    def last_modified(self) -> datetime:
        try:
            mtime = os.lstat(self.settings.store / "current").st_mtime
        except OSError:
            mtime = 0.0
        return datetime.fromtimestamp(int(mtime), tz=UTC)

    # -- SPARQL ----------------------------------------------------------------------------------------
    def check(self, sparql: str) -> QueryInfo:
        """The safety checks of ``kg.safety`` with this endpoint's limits (raises ForbiddenQuery)."""
        return check_query(sparql, self.settings.max_query_chars, self.settings.service_allowlist)

    def run_sparql(self, sparql: str, fmt: str, dataset: Dataset | None = None,
                   substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None,
                   info: QueryInfo | None = None) -> QueryAnswer:
        """Check and evaluate a query; ``fmt`` is a result format for SELECT/ASK or a graph format."""
        s = self.settings
        info = info or self.check(sparql)
        graph = info.form in ("CONSTRUCT", "DESCRIBE")
        if dataset is not None and dataset.given:
            mode, default, named = "explicit", dataset.default_graphs, dataset.named_graphs
        elif info.has_dataset_clause:
            mode, default, named = "query", (), None
        else:
            mode, default, named = "union", (), None
        job = QueryJob(
            sparql=sparql,
            result_format=fmt if not graph else "json",
            graph_format=fmt if graph else "ttl",
            substitutions=substitutions or None,
            dataset=mode,
            default_graph=tuple(default),
            named_graphs=tuple(named) if named is not None else None,
            max_rows=s.max_result_rows,
        )
        return self.executor.run(job)

    def run_update(self, update: str) -> None:
        """Apply a SPARQL Update to a new store generation — only with ``allow_updates``; LOAD never."""
        s = self.settings
        if not s.allow_updates:
            raise ForbiddenQuery("SPARQL Update is not accepted: this endpoint is read-only (setting allow_updates)")
        if len(update) > s.max_query_chars:
            raise ForbiddenQuery(f"the update is longer than {s.max_query_chars} characters (setting max_query_chars)")
        info = inspect_query(update)
        if "LOAD" in info.update_keywords or info.services:
            raise ForbiddenQuery("LOAD and SERVICE are never accepted in updates: they fetch URLs")
        if not info.is_update:
            raise ForbiddenQuery("not a SPARQL Update")
        from kg.sparql import syntax_error

        with write_store(s.store) as writer:
            try:
                writer.store.update(update)
            except SyntaxError as exc:
                raise syntax_error(exc, update) from None

    # -- canned queries --------------------------------------------------------------------------------
    def canned_queries(self) -> dict[str, CannedQuery]:
        return load_queries(self.settings.queries_dir)

    def canned(self, name: str) -> CannedQuery:
        return get_query(self.settings.queries_dir, name)

    def run_canned(self, query: CannedQuery, values: dict[str, str], fmt: str) -> QueryAnswer:
        bound = query.substitutions(values)  # ParameterError names the parameter
        return self.run_sparql(query.sparql, fmt, substitutions={v.value: t for v, t in bound.items()})

    def rows(self, sparql: str, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None) -> dict:
        """A SELECT evaluated to SPARQL JSON results as a dict (for HTML pages)."""
        answer = self.run_sparql(sparql, "json", substitutions=substitutions)
        return json.loads(answer.body())

    # -- resources -------------------------------------------------------------------------------------
    def describe(self, iri: str, fmt: str) -> QueryAnswer:
        return self.run_sparql("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", fmt, substitutions={"s": ox.NamedNode(iri)})

    def resource_view(self, iri: str) -> dict:
        """Outgoing statements per graph and incoming links of a resource, with labels."""
        node = ox.NamedNode(iri)
        out = self.rows(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT ?s ?p ?o ?g ?label WHERE { GRAPH ?g { ?s ?p ?o } OPTIONAL { ?o rdfs:label ?label } } "
            "ORDER BY ?g ?p ?o LIMIT 2000", {"s": node})
        incoming = self.rows(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "SELECT DISTINCT ?s ?p ?o ?label WHERE { ?s ?p ?o OPTIONAL { ?s rdfs:label ?label } } "
            # mentions last: the meetings, statements and positions of an actor come first
            "ORDER BY (?p = <https://w3id.org/diplomacy-kg/ontology#mentionOf>) ?p ?s LIMIT 500", {"o": node})
        grouped: dict[tuple[str, str], dict] = {}
        for row in out["results"]["bindings"]:
            key = (row["p"]["value"], json.dumps(row["o"], sort_keys=True))
            entry = grouped.setdefault(key, {"p": row["p"], "p_short": short_name(row["p"]["value"]),
                                             "o": row["o"], "label": row.get("label"), "sources": []})
            source = row["g"]["value"].rsplit("/", 1)[-1]
            if source not in entry["sources"]:
                entry["sources"].append(source)
        labels = [g["o"]["value"] for g in grouped.values() if g["p"]["value"] == _RDFS_LABEL]
        incoming_rows = incoming["results"]["bindings"]
        for row in incoming_rows:
            row["p_short"] = short_name(row["p"]["value"])
        return {"iri": iri, "label": labels[0] if labels else None, "out": list(grouped.values()),
                "in": incoming_rows}

    # -- dumps -----------------------------------------------------------------------------------------
    def dump(self, fmt: str, gz: bool) -> DumpFile:
        """The dump file of the current generation, made once (in a worker) and then served from disk."""
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown dump format {fmt!r}")
        generation = self.generation
        name = f"{generation}.{fmt}" + (".gz" if gz else "")
        with self._lock:
            if self._dump_dir is None:
                self._dump_dir = Path(tempfile.mkdtemp(prefix="kg-dumps-"))
            lock = self._dump_locks.setdefault(name, threading.Lock())
            directory = self._dump_dir
        path = directory / name
        with lock:
            if not path.exists():
                timeout = max(DUMP_TIMEOUT_S, self.settings.query_timeout_s)
                self.executor.call("dump", fmt, gz, str(path), timeout_s=timeout)
                for old in directory.iterdir():  # keep only the current generation's files
                    if not old.name.startswith(generation + "."):
                        with contextlib.suppress(OSError):
                            old.unlink()
        media = "application/gzip" if gz else DUMP_FORMATS[fmt][1]
        return DumpFile(path, media, f"{generation}-{fmt}{'-gz' if gz else ''}", self.last_modified())

    # -- statistics ------------------------------------------------------------------------------------
    def stats(self) -> dict:
        generation = self.generation
        cached = self._stats
        if cached is not None and cached[0] == generation:
            return cached[1]
        value = self.executor.call("stats", timeout_s=max(STATS_TIMEOUT_S, self.settings.query_timeout_s))
        self._stats = (generation, value)
        return value

    def health(self) -> dict:
        executor = self._executor
        return {
            "status": "ok" if self.generation else "no-store",
            "generation": self.generation,
            "workers": executor.size if executor else 0,
            "workers_alive": len(executor.pids) if executor else 0,
            "worker_restarts": executor.respawns if executor else 0,
            "network_isolated": executor.network_isolated if executor else None,
            "query_timeout_s": self.settings.query_timeout_s,
            "max_result_rows": self.settings.max_result_rows,
        }


def kind_of(info: QueryInfo) -> str:
    """"select", "ask" or "graph" (CONSTRUCT/DESCRIBE)."""
    return {"CONSTRUCT": "graph", "DESCRIBE": "graph", "ASK": "ask"}.get(info.form or "", "select")


def resource_iri(path: str) -> str:
    return RESOURCE + path


def local_path(iri: str) -> str | None:
    """The /resource/… path of one of our IRIs, or None for an outside IRI."""
    return "/resource/" + iri[len(RESOURCE):] if iri.startswith(RESOURCE) else None


_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def short_name(iri: str) -> str:
    """``dip:participant`` for a term of a known namespace, else the IRI."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace) and "/" not in iri[len(namespace):] and "#" not in iri[len(namespace):]:
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
