"""The on-disk Oxigraph store: crash-safe writes, union queries and deterministic dumps.

Layout of a store location ``P``::

    P/gen-000007/      an Oxigraph database (one "generation")
    P/current -> gen-000007
    P/.lock            held by the one process writing

Each article's facts are in the article's named graph; the ontology in its own; the default graph holds
their union (deduplicated), so a query without GRAPH sees "what we know" with set semantics.

Every write makes a new generation — a cheap hard-linked backup of the current one, or an empty one for a
full rebuild — changes it, flushes it, and only then repoints ``current`` with an atomic rename. A process
killed mid-build leaves ``current`` untouched; readers never see a half-written graph, and a server holding
the previous generation open keeps answering from it until it reopens.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import gzip
import io
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Literal

import pyoxigraph as ox

from kg.errors import StoreError
from kg.vocab import GRAPH, ONTOLOGY_GRAPH, article_graph

DumpFormat = Literal["ttl", "trig", "nq", "nt", "jsonld"]

DUMP_FORMATS: dict[str, tuple[ox.RdfFormat, str, bool]] = {
    # name: (format, media type, keeps named graphs)
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle", False),
    "trig": (ox.RdfFormat.TRIG, "application/trig", True),
    "nq": (ox.RdfFormat.N_QUADS, "application/n-quads", True),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples", False),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json", True),
}

PREFIXES = {
    "dip": "https://w3id.org/diplomacy-kg/ontology#",
    "res": "https://w3id.org/diplomacy-kg/resource/",
    "actor": "https://w3id.org/diplomacy-kg/resource/actor/",
    "meeting": "https://w3id.org/diplomacy-kg/resource/meeting/",
    "agreement": "https://w3id.org/diplomacy-kg/resource/agreement/",
    "article": "https://w3id.org/diplomacy-kg/resource/article/",
    "place": "https://w3id.org/diplomacy-kg/resource/place/",
    "position": "https://w3id.org/diplomacy-kg/resource/position/",
    "wd": "http://www.wikidata.org/entity/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
}

_CURRENT = "current"
_GEN_PREFIX = "gen-"


def _generations(location: Path) -> list[Path]:
    return sorted(p for p in location.glob(_GEN_PREFIX + "*") if p.is_dir())


def current_generation(location: Path) -> Path | None:
    """The database directory ``current`` points to, or None for a store never written."""
    link = location / _CURRENT
    if link.is_symlink():
        target = location / os.readlink(link)
        return target if target.is_dir() else None
    return None


class KnowledgeStore:
    """A read view of one generation of the store. Queries default to the union of all graphs."""

    def __init__(self, store: ox.Store, generation: str) -> None:
        self.store = store
        self.generation = generation

    @classmethod
    def open(cls, location: Path) -> KnowledgeStore:
        """Open the current generation read-only; a location never built is an error."""
        gen = current_generation(location)
        if gen is None:
            raise StoreError(f"no store at {location}: run `kg build` (or `kg ingest`) first")
        try:
            return cls(ox.Store.read_only(str(gen)), gen.name)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {gen}: {exc}") from None

    @classmethod
    def in_memory(cls, quads: Iterable[ox.Quad] = ()) -> KnowledgeStore:
        """A throw-away in-memory store (tests, one-off conversions)."""
        store = ox.Store()
        store.extend(quads)
        materialize_union(store)
        return cls(store, "memory")

    def query(
        self,
        sparql: str,
        substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
        default_graph: list[ox.NamedNode] | None = None,
        named_graphs: list[ox.NamedNode] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Evaluate a SPARQL query; with no dataset given the default graph is the union of all graphs
        (stored, deduplicated, as the store's default graph)."""
        kwargs: dict[str, object] = {}
        if default_graph:
            kwargs["default_graph"] = default_graph
        if named_graphs:
            kwargs["named_graphs"] = named_graphs
        if substitutions:
            kwargs["substitutions"] = substitutions
        return self.store.query(sparql, **kwargs)  # type: ignore[arg-type]

    def article_ids(self) -> list[str]:
        prefix = GRAPH + "article/"
        return sorted(g.value[len(prefix):] for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value.startswith(prefix))

    def __len__(self) -> int:
        return len(self.store)

    def sorted_quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> list[ox.Quad]:
        """The quads of the named graphs (or of one graph), sorted by graph, subject, predicate, object:
        the order dumps use. The default graph, a copy of their union, is left out unless asked for."""
        if graph is None:
            quads = (q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph))
        else:
            quads = self.store.quads_for_pattern(None, None, None, graph)
        return sorted(quads, key=_quad_key)

    def dump(self, fmt: DumpFormat, output: IO[bytes] | None = None) -> bytes | None:
        """Serialise the store. Turtle and N-Triples give the union of all graphs (the default graph);
        TriG, N-Quads and JSON-LD keep one named graph per article and one for the ontology.
        The output is sorted, so the same data always dumps to the same bytes."""
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"unknown dump format {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
        rdf_format, _, with_graphs = DUMP_FORMATS[fmt]
        items: list[ox.Quad] | list[ox.Triple] = (
            self.sorted_quads() if with_graphs else [q.triple for q in self.sorted_quads(ox.DefaultGraph())]
        )
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
        if output is None:
            return data
        output.write(data)
        return None

    def dump_gz(self, fmt: DumpFormat) -> bytes:
        """The dump, gzip-compressed with a fixed timestamp (same data → same bytes)."""
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
            gz.write(self.dump(fmt) or b"")
        return buf.getvalue()


def _term_key(term: object) -> tuple[int, str]:
    if isinstance(term, ox.NamedNode):
        return (0, term.value)
    if isinstance(term, ox.BlankNode):
        return (1, term.value)
    if isinstance(term, ox.Literal):
        return (2, str(term))
    return (3, str(term))


def _quad_key(q: ox.Quad) -> tuple:
    graph = (-1, "") if isinstance(q.graph_name, ox.DefaultGraph) else _term_key(q.graph_name)
    return (graph, _term_key(q.subject), _term_key(q.predicate), _term_key(q.object))


class StoreWriter:
    """A new generation being written. Use through :func:`write_store`."""

    def __init__(self, store: ox.Store, path: Path) -> None:
        self.store = store
        self.path = path

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        """Replace everything in ``graph`` with ``quads``; returns the quad count. (The generation being
        written is invisible to readers until it is complete, so the two steps need no transaction.)"""
        in_graph = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
        try:
            self.store.remove_graph(graph)
            self.store.extend(in_graph)
        except OSError as exc:
            raise StoreError(f"could not write graph {graph.value}: {exc}") from None
        return len(in_graph)

    def replace_article(self, article_id: str, quads: Iterable[ox.Quad]) -> int:
        return self.replace_graph(article_graph(article_id), quads)

    def remove_article(self, article_id: str) -> None:
        self.store.remove_graph(article_graph(article_id))

    def load_ontology(self, ontology_file: Path) -> int:
        """(Re)load the ontology Turtle file into its own named graph."""
        try:
            triples = list(ox.parse(path=str(ontology_file), format=ox.RdfFormat.TURTLE))
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot read the ontology {ontology_file}: {exc}") from None
        # Blank nodes get labels from their order in the file, so that the same file dumps the same bytes.
        labels: dict[str, ox.BlankNode] = {}

        def stable(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> ox.NamedNode | ox.BlankNode | ox.Literal:
            if isinstance(term, ox.BlankNode):
                return labels.setdefault(term.value, ox.BlankNode(f"onto{len(labels)}"))
            return term

        quads = (ox.Quad(stable(t.subject), t.predicate, stable(t.object)) for t in triples)
        return self.replace_graph(ONTOLOGY_GRAPH, quads)  # type: ignore[arg-type]

    def view(self) -> KnowledgeStore:
        return KnowledgeStore(self.store, self.path.name)


@contextlib.contextmanager
def write_store(location: Path, fresh: bool = False) -> Iterator[StoreWriter]:
    """Write a new generation of the store at ``location``; it becomes current only if the block ends
    without an exception. ``fresh`` starts from an empty store (a rebuild), else from a copy of the
    current generation."""
    try:
        location.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store directory {location}: {exc.strerror}") from None
    if any(location.iterdir()) and not (location / _CURRENT).is_symlink() and not _generations(location):
        raise StoreError(f"{location} is not empty and is not a diplomacy-kg store; choose another --store")
    with open(location / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise StoreError(f"another process is writing the store at {location}") from None
        _remove_unreferenced(location)
        current = current_generation(location)
        number = int(current.name[len(_GEN_PREFIX):]) + 1 if current else 1
        new_path = location / f"{_GEN_PREFIX}{number:06d}"
        if current is not None and not fresh:
            ox.Store.read_only(str(current)).backup(str(new_path))
        writer = StoreWriter(ox.Store(str(new_path)), new_path)
        try:
            yield writer
            materialize_union(writer.store)
            writer.store.flush()
            writer.store.optimize()
        except BaseException:
            _close(writer)
            shutil.rmtree(new_path, ignore_errors=True)
            raise
        _close(writer)
        tmp_link = location / f".{_CURRENT}.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp_link.unlink()
        os.symlink(new_path.name, tmp_link)
        os.replace(tmp_link, location / _CURRENT)
        _fsync_dir(location)
        _remove_unreferenced(location, keep_previous=True)


def materialize_union(store: ox.Store) -> None:
    """Make the default graph the union of all named graphs. SPARQL's default graph is a set: a triple that
    several articles state is one triple, where pyoxigraph's union view would yield it once per graph."""
    store.clear_graph(ox.DefaultGraph())
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def _close(writer: StoreWriter) -> None:
    """Drop the last reference to the database so that RocksDB closes its files."""
    writer.store = None  # type: ignore[assignment]
    gc.collect()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_unreferenced(location: Path, keep_previous: bool = False) -> None:
    """Delete generations nothing points to (left by killed writes); keep the newest old one on request
    so that a server still reading it is not pulled from under its feet."""
    current = current_generation(location)
    others = [g for g in _generations(location) if current is None or g.name != current.name]
    if keep_previous and others:
        others = others[:-1]
    for gen in others:
        shutil.rmtree(gen, ignore_errors=True)
