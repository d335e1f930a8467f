"""Running SPARQL against the store and serialising results — shared by the CLI and the endpoint."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar
from xml.sax.saxutils import escape

import pyoxigraph as ox

from kg.errors import QuerySyntaxError
from kg.store import PREFIXES, KnowledgeStore

RESULT_FORMATS = {
    # name: (pyoxigraph format or None for our own, media type)
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}
GRAPH_FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, "text/turtle"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "trig": (ox.RdfFormat.TRIG, "application/trig"),
    "nq": (ox.RdfFormat.N_QUADS, "application/n-quads"),
}
T = TypeVar("T")
_POSITION = re.compile(r"(?:error at |at )(\d+):(\d+)")


def syntax_error(exc: SyntaxError, query: str) -> QuerySyntaxError:
    """A QuerySyntaxError with line and column, from pyoxigraph's parser message."""
    message = str(exc)
    match = _POSITION.search(message)
    if match:
        return QuerySyntaxError(f"SPARQL syntax error: {message}", int(match.group(1)), int(match.group(2)))
    return QuerySyntaxError(f"SPARQL syntax error: {message}")


@dataclass
class Result:
    """A query result made concrete: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str]
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]]
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None
    truncated: bool = False


def run_query(
    store: KnowledgeStore,
    query: str,
    substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None,
    max_rows: int | None = None,
    default_graph: list[ox.NamedNode] | None = None,
    named_graphs: list[ox.NamedNode] | None = None,
) -> Result:
    """Evaluate and materialise a query (at most ``max_rows`` rows or triples; ``truncated`` says so)."""
    try:
        answer = store.query(query, substitutions, default_graph=default_graph, named_graphs=named_graphs)
    except SyntaxError as exc:
        raise syntax_error(exc, query) from None
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", [], [], boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        solutions, truncated = _take(answer, max_rows)
        rows = [[solution[v] for v in variables] for solution in solutions]
        return Result("select", variables, rows, truncated=truncated)
    triples, truncated = _take(answer, max_rows)
    return Result("graph", [], [], triples=triples, truncated=truncated)


def _take(items: Iterable[T], limit: int | None) -> tuple[list[T], bool]:
    """At most ``limit`` items, and whether there were more."""
    if limit is None:
        return list(items), False
    taken = list(itertools.islice(items, limit + 1))
    return taken[:limit], len(taken) > limit


def _term_json(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def result_to_json(result: Result) -> dict:
    """SPARQL 1.1 JSON results as a Python dict."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    bindings = [
        {var: _term_json(term) for var, term in zip(result.variables, row, strict=True) if term is not None}
        for row in result.rows
    ]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def serialize_result(result: Result, fmt: str) -> bytes:
    """SELECT/ASK in json|xml|csv|tsv; CONSTRUCT/DESCRIBE in ttl|nt|jsonld|rdfxml."""
    if result.kind == "graph":
        rdf_format = GRAPH_FORMATS[fmt][0] if fmt in GRAPH_FORMATS else ox.RdfFormat.TURTLE
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        return ox.serialize(result.triples or [], format=rdf_format, prefixes=prefixes)
    if fmt == "json":
        return json.dumps(result_to_json(result), ensure_ascii=False).encode()
    if fmt == "table":
        return format_table(result).encode()
    if result.kind == "ask":
        if fmt == "xml":
            value = "true" if result.boolean else "false"
            return (
                '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{value}</boolean></sparql>\n"
            ).encode()
        return (("true" if result.boolean else "false") + "\n").encode()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "xml":
        return _xml_results(result).encode()
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else (t.value if not isinstance(t, ox.BlankNode) else f"_:{t.value}")
                             for t in row])
        return buf.getvalue().encode()
    raise ValueError(f"unknown result format {fmt!r}")


def _xml_results(result: Result) -> str:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f'<variable name="{v}"/>' for v in result.variables]
    out.append("</head>\n<results>")
    for row in result.rows:
        out.append("<result>")
        for var, term in zip(result.variables, row, strict=True):
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                value = f"<uri>{escape(term.value)}</uri>"
            elif isinstance(term, ox.BlankNode):
                value = f"<bnode>{escape(term.value)}</bnode>"
            elif term.language:
                value = f'<literal xml:lang="{escape(term.language)}">{escape(term.value)}</literal>'
            elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                value = f'<literal datatype="{escape(term.datatype.value)}">{escape(term.value)}</literal>'
            else:
                value = f"<literal>{escape(term.value)}</literal>"
            out.append(f'<binding name="{var}">{value}</binding>')
        out.append("</result>")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def format_table(result: Result, width: int = 60) -> str:
    """A plain-text table for terminals."""
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return ox.serialize(result.triples or [], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()

    def cell(term: object) -> str:
        if term is None:
            return ""
        value = term.value if not isinstance(term, ox.BlankNode) else f"_:{term.value}"  # type: ignore[attr-defined]
        for name, ns in PREFIXES.items():
            if isinstance(term, ox.NamedNode) and value.startswith(ns):
                value = f"{name}:{value[len(ns):]}"
                break
        value = " ".join(value.split())
        return value if len(value) <= width else value[: width - 1] + "…"

    table = [result.variables] + [[cell(t) for t in row] for row in result.rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(result.variables))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    plural = "s" if len(result.rows) != 1 else ""
    lines.append(f"({len(result.rows)} row{plural}{', truncated' if result.truncated else ''})")
    return "\n".join(lines) + "\n"
