"""Validate instance data against the ontology: SHACL shapes, OWL RL consistency, violation queries.

Three independent parts, each reported as :class:`Problem` rows of one :class:`ValidationReport`:

``shacl``
    ``ontology/shapes.ttl`` with pySHACL, one article graph at a time, without inference. Each article
    graph is self-contained (docs/DATA_MODEL.md), and cardinalities such as "exactly one ``dip:status``"
    hold per article: two articles may disagree about the same meeting. Every article graph is validated
    in its own in-memory Oxigraph store together with the ontology (for ``rdfs:subClassOf`` in
    ``sh:class``), so that SHACL-SPARQL constraints run in Oxigraph.
``owl-rl``
    The OWL 2 RL closure (owlrl) of the ontology plus the union of all article graphs, then: members of
    two disjoint classes, members of ``owl:Nothing`` and the inconsistencies owlrl itself reports.
``check:NAME``
    The ``ontology/checks/NAME-violation.rq`` SELECT queries, run by Oxigraph over the whole dataset (the
    ontology in its own graph, each article in its graph). A query returns rows only when something is
    wrong; it projects ``?focus`` and ``?message`` and may project ``?path`` and ``?graph``.

Problems of severity ``warning`` (``sh:Warning`` results) do not make the data non-conformant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import owlrl
import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, SH
from rdflib.term import Identifier, Node

from kg import vocab

DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILE = "diplomacy.ttl"
SHAPES_FILE = "shapes.ttl"
CHECKS_DIR = "checks"
CHECK_SUFFIX = "-violation.rq"

ONTOLOGY_GRAPH_IRI = vocab.GRAPH + "ontology"
ARTICLE_GRAPH_PREFIX = vocab.GRAPH + "article/"
UNNAMED_ARTICLE_GRAPH = ARTICLE_GRAPH_PREFIX + "_unnamed"

Severity = Literal["violation", "warning"]

_DIP = Namespace(vocab.ONTOLOGY)
# owlrl records inconsistencies as [] a err:ErrorMessage ; err:error "…" in the closure it computes.
_OWLRL_ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")

_PREFIXES = {
    "res:": vocab.RESOURCE,
    "dip:": vocab.ONTOLOGY,
    "graph:": vocab.GRAPH,
    "wd:": vocab.WIKIDATA_ENTITY,
    "xsd:": "http://www.w3.org/2001/XMLSchema#",
    "rdf:": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs:": "http://www.w3.org/2000/01/rdf-schema#",
    "owl:": "http://www.w3.org/2002/07/owl#",
    "skos:": "http://www.w3.org/2004/02/skos/core#",
    "dct:": "http://purl.org/dc/terms/",
    "schema:": "https://schema.org/",
}
_IRI_RE = re.compile(
    "|".join(re.escape(ns) + r"[^\s,;()<>\"']*" for ns in sorted(_PREFIXES.values(), key=len, reverse=True))
)


class ValidationSetupError(RuntimeError):
    """Validation could not run: a missing or malformed ontology, shapes or check file, or a broken query."""


_WIKIDATA_ID = re.compile(r"[QP][1-9][0-9]*")


def compact(iri: str) -> str:
    """``https://w3id.org/diplomacy-kg/resource/meeting/9f3c`` → ``res:meeting/9f3c``; others unchanged.

    A Wikidata IRI is compacted to ``wd:Q…`` only when well-formed, so a malformed one shows in full.
    """
    for prefix, namespace in sorted(_PREFIXES.items(), key=lambda item: len(item[1]), reverse=True):
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if prefix == "wd:" and not _WIKIDATA_ID.fullmatch(local):
                return iri
            return prefix + local
    return iri


def _compact_text(text: str) -> str:
    return _IRI_RE.sub(lambda match: compact(match.group(0)), text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data (or, with severity ``warning``, worth a look).

    ``focus``, ``path`` and ``graph`` are full IRIs (or N-Triples-like text for literals and blank
    nodes); ``str(problem)`` gives a readable one-liner with compact names.
    """

    source: str
    message: str
    focus: str | None = None
    path: str | None = None
    graph: str | None = None
    severity: Severity = "violation"

    def __str__(self) -> str:
        subject = " ".join(compact(part) for part in (self.focus, self.path) if part)
        where = f" [in {compact(self.graph)}]" if self.graph else ""
        level = "warning: " if self.severity == "warning" else ""
        head = f"{self.source}: {level}"
        return f"{head}{subject}: {self.message}{where}" if subject else f"{head}{self.message}{where}"


@dataclass
class ValidationReport:
    """The outcome of :func:`validate` or :func:`validate_store`."""

    conforms: bool
    problems: list[Problem] = field(default_factory=list)
    graphs_validated: int = 0
    checks_run: tuple[str, ...] = ()

    @classmethod
    def from_problems(
        cls, problems: Iterable[Problem], *, graphs_validated: int = 0, checks_run: Sequence[str] = ()
    ) -> ValidationReport:
        """A report that conforms exactly when no problem has severity ``violation``."""
        listed = sorted(
            dict.fromkeys(problems),
            key=lambda p: (p.severity != "violation", p.source, p.focus or "", p.path or "", p.message),
        )
        conforms = not any(problem.severity == "violation" for problem in listed)
        return cls(conforms, listed, graphs_validated, tuple(checks_run))

    @property
    def violations(self) -> list[Problem]:
        """The problems that make the data non-conformant."""
        return [problem for problem in self.problems if problem.severity == "violation"]

    @property
    def warnings(self) -> list[Problem]:
        """Advice that does not affect conformance."""
        return [problem for problem in self.problems if problem.severity == "warning"]

    def summary(self) -> str:
        """A human-readable text: a headline, then one line per problem."""
        scope = (
            f"{self.graphs_validated} article graph(s): SHACL shapes, OWL RL consistency, "
            f"{len(self.checks_run)} violation queries"
        )
        verdict = "conforms" if self.conforms else "does NOT conform"
        headline = (
            f"Validation of {scope}: {verdict} — {len(self.violations)} violation(s), "
            f"{len(self.warnings)} warning(s)"
        )
        return "\n".join([headline, *(f"  {problem}" for problem in self.problems)])


@dataclass(frozen=True)
class Check:
    """One ``ontology/checks/NAME-violation.rq`` query with its ``# title:`` and ``# description:``."""

    name: str
    title: str
    description: str
    query: str
    path: Path

    @property
    def source(self) -> str:
        """The :attr:`Problem.source` of the rows this check returns."""
        return f"check:{self.name}"


# --------------------------------------------------------------------------------------------------
# Loading the ontology, the shapes and the checks
# --------------------------------------------------------------------------------------------------


def _parse_turtle(path: Path) -> Graph:
    if not path.is_file():
        raise ValidationSetupError(f"missing file {path}")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as error:  # rdflib raises several unrelated exception types on bad syntax
        raise ValidationSetupError(f"cannot parse {path}: {error}") from error


def load_ontology(ontology_dir: Path = DEFAULT_ONTOLOGY_DIR) -> Graph:
    """The ontology (``diplomacy.ttl``) as an rdflib graph."""
    return _parse_turtle(Path(ontology_dir) / ONTOLOGY_FILE)


def load_shapes(ontology_dir: Path = DEFAULT_ONTOLOGY_DIR) -> Graph:
    """The SHACL shapes (``shapes.ttl``) as an rdflib graph."""
    return _parse_turtle(Path(ontology_dir) / SHAPES_FILE)


def _header_field(lines: list[str], name: str, path: Path) -> str:
    prefix = f"# {name}:"
    for line in lines:
        if line.startswith(prefix):
            value = line[len(prefix) :].strip()
            if value:
                return value
    raise ValidationSetupError(f"{path}: the header needs a non-empty '{prefix}' comment line")


def load_checks(ontology_dir: Path = DEFAULT_ONTOLOGY_DIR) -> list[Check]:
    """Every ``checks/*-violation.rq`` query, sorted by name; a file without a valid header is an error."""
    directory = Path(ontology_dir) / CHECKS_DIR
    if not directory.is_dir():
        raise ValidationSetupError(f"missing directory {directory}")
    checks = []
    for path in sorted(directory.glob("*" + CHECK_SUFFIX)):
        text = path.read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line)
        checks.append(
            Check(
                name=path.name[: -len(CHECK_SUFFIX)],
                title=_header_field(header, "title", path),
                description=_header_field(header, "description", path),
                query=text,
                path=path,
            )
        )
    return checks


# --------------------------------------------------------------------------------------------------
# Data units: one (graph IRI, N-Triples) pair per article graph
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Unit:
    graph: str
    ntriples: bytes


def _ntriples(graph: Graph) -> bytes:
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    return plain.serialize(format="nt", encoding="utf-8")


def _name_for(graph: Graph) -> str:
    """The article graph IRI for triples given without one: that of their only article, if any."""
    identifier = graph.identifier
    if isinstance(identifier, URIRef) and str(identifier).startswith(ARTICLE_GRAPH_PREFIX):
        return str(identifier)
    ids = {str(value) for value in graph.objects(None, _DIP.articleId)}
    return ARTICLE_GRAPH_PREFIX + ids.pop() if len(ids) == 1 else UNNAMED_ARTICLE_GRAPH


def _units_from_rdflib(data: rdflib.Dataset | Graph) -> list[_Unit]:
    if isinstance(data, rdflib.Dataset):
        graphs: list[Graph] = [graph for graph in data.graphs() if len(graph) > 0]
    else:
        graphs = [data]
    units = []
    for graph in graphs:
        identifier = graph.identifier
        if str(identifier) == ONTOLOGY_GRAPH_IRI:
            continue
        if identifier == DATASET_DEFAULT_GRAPH_ID or not str(identifier).startswith(ARTICLE_GRAPH_PREFIX):
            units.append(_Unit(_name_for(graph), _ntriples(graph)))
        else:
            units.append(_Unit(str(identifier), _ntriples(graph)))
    return units


# --------------------------------------------------------------------------------------------------
# Part (a): SHACL
# --------------------------------------------------------------------------------------------------


def _term_text(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, rdflib.Literal):
        return node.n3()
    return node.n3() if isinstance(node, Identifier) else str(node)


def _value_text(node: Node) -> str:
    if isinstance(node, rdflib.Literal):
        lexical = f'"{node}"'
        if node.datatype is not None:
            return f"{lexical}^^{compact(str(node.datatype))}"
        return f"{lexical}@{node.language}" if node.language else lexical
    return compact(str(node))


def _shacl_problems(unit: _Unit, ontology_nt: bytes, shapes: Graph) -> list[Problem]:
    store = ox.Store()
    store.load(unit.ntriples, format=ox.RdfFormat.N_TRIPLES)
    store.load(ontology_nt, format=ox.RdfFormat.N_TRIPLES)
    _, results, _ = pyshacl.validate(
        store, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
    )
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(str(message) for message in results.objects(result, SH.resultMessage))
        message = "; ".join(messages) or "SHACL constraint violated"
        value = results.value(result, SH.value)
        focus = results.value(result, SH.focusNode)
        if value is not None and value != focus:
            shown = _value_text(value)
            if str(value) not in message and shown not in message:
                message = f"{message} (got {shown})"
        problems.append(
            Problem(
                source="shacl",
                message=_compact_text(message),
                focus=_term_text(focus),
                path=_term_text(results.value(result, SH.resultPath)),
                graph=unit.graph,
                severity="violation" if severity == SH.Violation else "warning",
            )
        )
    return problems


# --------------------------------------------------------------------------------------------------
# Part (b): OWL RL consistency
# --------------------------------------------------------------------------------------------------


def _rdf_list(graph: Graph, head: Node) -> list[Node]:
    items: list[Node] = []
    while head is not None and head != RDF.nil and len(items) < 10_000:
        first = graph.value(head, RDF.first)
        if first is not None:
            items.append(first)
        head = graph.value(head, RDF.rest)
    return items


def _disjoint_pairs(graph: Graph) -> set[tuple[Node, Node]]:
    pairs: set[tuple[Node, Node]] = set()
    for first, second in graph.subject_objects(OWL.disjointWith):
        if first != second:
            pairs.add((first, second) if str(first) <= str(second) else (second, first))
    for axiom in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in graph.objects(axiom, OWL.members):
            classes = _rdf_list(graph, members)
            for i, first in enumerate(classes):
                for second in classes[i + 1 :]:
                    if first != second:
                        pairs.add((first, second) if str(first) <= str(second) else (second, first))
    return pairs


def _disjointness_problems(closure: Graph, asserted: dict[Node, set[Node]]) -> list[Problem]:
    """Members of two disjoint classes in an OWL RL closure, one problem per member and pair.

    A node known only through ``owl:sameAs`` (the Wikidata entity of an actor) is left out when a node
    with asserted types stands for it.
    """
    problems = []
    for first, second in sorted(_disjoint_pairs(closure)):
        for member in sorted(set(closure.subjects(RDF.type, first)), key=str):
            if (member, RDF.type, second) not in closure:
                continue
            if member not in asserted and any(
                other in asserted for other in closure.objects(member, OWL.sameAs)
            ):
                continue
            types = ", ".join(sorted(compact(str(t)) for t in asserted.get(member, ()))) or "none"
            pair = f"{compact(str(first))} and {compact(str(second))}"
            problems.append(
                Problem(
                    source="owl-rl",
                    message=(
                        f"member of the disjoint classes {pair} (asserted types: {types}): "
                        "the data is inconsistent with the ontology"
                    ),
                    focus=_term_text(member),
                    path=str(RDF.type),
                )
            )
    return problems


class _OWLRLClosure(owlrl.OWLRL_Semantics):
    """owlrl's OWL 2 RL rules without rule eq-ref, which adds ``x owl:sameAs x`` for every term.

    Reflexive ``sameAs`` triples entail nothing new (eq-rep on ``x = x`` copies triples onto themselves)
    but make the closure about a third slower; the only inconsistency they expose, ``x owl:differentFrom
    x``, is checked directly in :func:`owl_rl_problems`.
    """

    def store_triple(self, t: tuple[Node, Node, Node]) -> None:
        """Queue an inferred triple (see ``owlrl.Closure.Core``), unless it is a reflexive ``sameAs``."""
        if t[1] == OWL.sameAs and t[0] == t[2]:
            return
        super().store_triple(t)


def owl_rl_problems(ontology: Graph, data: Graph) -> list[Problem]:
    """Inconsistencies of ``ontology`` + ``data`` under OWL 2 RL, computed on a copy.

    owlrl's closure adds ``[] a err:ErrorMessage ; err:error "…"`` for each inconsistency it meets
    (disjoint classes with a common member, ``owl:Nothing`` members, ``sameAs``/``differentFrom``
    clashes, ill-typed literals …). Disjointness clashes are re-derived here from the closure with the
    individual's asserted types, for readable messages; the other owlrl messages are passed on.
    """
    closure = Graph()
    for triple in ontology:
        closure.add(triple)
    asserted: dict[Node, set[Node]] = defaultdict(set)
    for triple in data:
        closure.add(triple)
        if triple[1] == RDF.type:
            asserted[triple[0]].add(triple[2])
    owlrl.DeductiveClosure(_OWLRLClosure).expand(closure)

    problems = _disjointness_problems(closure, asserted)
    for node, other in closure.subject_objects(OWL.differentFrom):
        if node == other:
            problems.append(
                Problem(source="owl-rl", message="declared owl:differentFrom itself", focus=_term_text(node))
            )
    for member in sorted(set(closure.subjects(RDF.type, OWL.Nothing)), key=str):
        problems.append(
            Problem(
                source="owl-rl", message="inferred to be a member of owl:Nothing", focus=_term_text(member)
            )
        )
    for error in closure.subjects(RDF.type, _OWLRL_ERR.ErrorMessage):
        for text in closure.objects(error, _OWLRL_ERR.error):
            if not str(text).startswith("Disjoint classes"):
                problems.append(Problem(source="owl-rl", message=_compact_text(str(text))))
    return problems


# --------------------------------------------------------------------------------------------------
# Part (c): violation queries
# --------------------------------------------------------------------------------------------------


def _ox_text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def run_checks(store: ox.Store, checks: Iterable[Check]) -> list[Problem]:
    """Run the violation queries on a store holding the ontology graph and the article graphs."""
    problems = []
    for check in checks:
        try:
            solutions = store.query(check.query)
        except SyntaxError as error:
            raise ValidationSetupError(f"{check.path}: {error}") from error
        if not isinstance(solutions, ox.QuerySolutions):
            raise ValidationSetupError(f"{check.path}: a violation query must be a SELECT query")
        names = {variable.value for variable in solutions.variables}
        if not {"focus", "message"} <= names:
            raise ValidationSetupError(f"{check.path}: a violation query must project ?focus and ?message")
        for solution in solutions:
            focus = solution["focus"]
            message = _ox_text(solution["message"]) or check.title
            problems.append(
                Problem(
                    source=check.source,
                    message=_compact_text(message),
                    focus=str(focus) if isinstance(focus, ox.BlankNode | ox.Literal) else _ox_text(focus),
                    path=_ox_text(solution["path"]) if "path" in names else None,
                    graph=_ox_text(solution["graph"]) if "graph" in names else None,
                )
            )
    return problems


# --------------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------------


def _validate_units(
    units: Sequence[_Unit],
    ontology: Graph,
    ontology_dir: Path,
    check_store: ox.Store | None,
    extra: Iterable[Problem] = (),
    owl_rl: bool = True,
) -> ValidationReport:
    shapes = load_shapes(ontology_dir)
    checks = load_checks(ontology_dir)
    ontology_nt = _ntriples(ontology)
    problems = list(extra)
    for unit in units:
        problems.extend(_shacl_problems(unit, ontology_nt, shapes))
    if owl_rl:
        data = Graph()
        for unit in units:
            data.parse(data=unit.ntriples, format="nt")
        problems.extend(owl_rl_problems(ontology, data))
    if check_store is None:
        check_store = ox.Store()
        check_store.load(
            ontology_nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(ONTOLOGY_GRAPH_IRI)
        )
        for unit in units:
            check_store.load(unit.ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(unit.graph))
    problems.extend(run_checks(check_store, checks))
    return ValidationReport.from_problems(
        problems, graphs_validated=len(units), checks_run=[check.name for check in checks]
    )


def validate(
    data: rdflib.Dataset | Graph,
    ontology: Graph | None = None,
    *,
    ontology_dir: Path = DEFAULT_ONTOLOGY_DIR,
    owl_rl: bool = True,
) -> ValidationReport:
    """Validate instance data: SHACL per article graph, OWL RL consistency, violation queries.

    ``data`` is a dataset whose named graphs are article graphs (an ontology graph in it is skipped),
    or a single graph; triples outside an article graph are validated as the graph of their only
    article (or as ``graph:article/_unnamed``). ``ontology`` defaults to ``ontology_dir/diplomacy.ttl``;
    the shapes and checks always come from ``ontology_dir``. ``owl_rl=False`` skips the OWL RL closure,
    the slowest part on large data.

    >>> from rdflib import Graph
    >>> report = validate(Graph())
    >>> report.conforms, report.problems
    (True, [])
    """
    ontology_graph = ontology if ontology is not None else load_ontology(ontology_dir)
    return _validate_units(_units_from_rdflib(data), ontology_graph, Path(ontology_dir), None, owl_rl=owl_rl)


def _default_graph_drift(store: ox.Store) -> str | None:
    """The default graph must be exactly the union of the named graphs (kg.store keeps it so)."""
    missing = bool(store.query("ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"))
    extra = bool(store.query("ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"))
    if missing or extra:
        return ("the default graph is not the union of the named graphs "
                f"({'triples of named graphs missing' if missing else 'triples in no named graph'}): rebuild the store")
    return None


def _graph_is_empty(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, graph)), None) is None


def validate_store(
    store: ox.Store, *, ontology_dir: Path = DEFAULT_ONTOLOGY_DIR, owl_rl: bool = True
) -> ValidationReport:
    """Validate a pyoxigraph store built per docs/DATA_MODEL.md.

    SHACL and OWL RL use the ontology file; the violation queries run directly on ``store`` when it holds
    the ontology graph (as it should), otherwise on an in-memory copy with the ontology file added. A
    missing or outdated ontology graph, and a default graph that is not the union of the named graphs, are
    reported as well.
    """
    ontology = load_ontology(ontology_dir)
    ontology_node = ox.NamedNode(ONTOLOGY_GRAPH_IRI)
    extra: list[Problem] = []
    units = []
    for graph in sorted(store.named_graphs(), key=str):
        if not isinstance(graph, ox.NamedNode) or graph == ontology_node:
            continue
        units.append(_Unit(graph.value, store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)))
        if not graph.value.startswith(ARTICLE_GRAPH_PREFIX):
            extra.append(
                Problem(
                    source="store",
                    severity="warning",
                    message="named graph is neither the ontology graph nor an article graph",
                    graph=graph.value,
                )
            )
    stale = _default_graph_drift(store)
    if stale:
        extra.append(Problem(source="store", message=stale))

    check_store: ox.Store | None = store
    if _graph_is_empty(store, ontology_node):
        extra.append(
            Problem(
                source="store",
                message=(
                    f"the store has no ontology graph <{ONTOLOGY_GRAPH_IRI}>: load ontology/{ONTOLOGY_FILE} "
                    "into it (the checks ran against the ontology file instead)"
                ),
            )
        )
        check_store = None
    else:
        stored = Graph().parse(
            data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ontology_node), format="nt"
        )
        if not isomorphic(stored, ontology):
            extra.append(
                Problem(
                    source="store",
                    severity="warning",
                    message=f"the ontology graph differs from ontology/{ONTOLOGY_FILE}: rebuild the store",
                    graph=ONTOLOGY_GRAPH_IRI,
                )
            )
    return _validate_units(units, ontology, Path(ontology_dir), check_store, extra, owl_rl=owl_rl)
