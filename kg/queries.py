"""Canned queries: ``queries/NAME.rq`` files with a ``#+`` YAML header, the single source for the
endpoint, the CLI, the UI and the docs.

Header keys: ``title`` and ``description`` (required), ``parameters`` (name → {type, default, enum,
description, required}), ``columns`` (the projected variables, checked against the query), ``tags``.
A parameter is a SPARQL variable of the query; a value is parsed into a typed RDF term and bound with
pyoxigraph ``substitutions`` — never spliced into the query text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pyoxigraph import Literal, NamedNode, Variable

from kg.errors import CannedQueryDefinitionError, ParameterError, UnknownQuery
from kg.vocab import WIKIDATA_ENTITY, XSD

PARAMETER_TYPES = ("iri", "actor", "string", "date", "integer", "boolean")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`]')
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str = ""
    default: str | None = None
    enum: tuple[str, ...] = ()
    required: bool = False

    def bind(self, raw: str) -> NamedNode | Literal:
        """Parse a user-supplied value into the RDF term this parameter stands for."""
        value = raw.strip()
        if self.enum and value not in self.enum:
            raise ParameterError(self.name, f"must be one of {', '.join(self.enum)}; got {raw!r}")
        if self.type in ("iri", "actor"):
            if self.type == "actor" and _QID.match(value):
                value = WIKIDATA_ENTITY + value
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or _IRI_FORBIDDEN.search(value):
                hint = " (or a Wikidata QID such as Q794)" if self.type == "actor" else ""
                raise ParameterError(self.name, f"must be an absolute IRI{hint}; got {raw!r}")
            return NamedNode(value)
        if self.type == "string":
            return Literal(raw)
        if self.type == "date":
            if not _DATE.match(value):
                raise ParameterError(self.name, f"must be a date YYYY, YYYY-MM or YYYY-MM-DD; got {raw!r}")
            try:
                if len(value) == 10:
                    dt.date.fromisoformat(value)
                elif len(value) == 7 and not 1 <= int(value[5:]) <= 12:
                    raise ValueError
            except ValueError:
                raise ParameterError(self.name, f"not a calendar date: {raw!r}") from None
            datatype = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(value)]
            return Literal(value, datatype=NamedNode(XSD + datatype))
        if self.type == "integer":
            if not re.match(r"^[+-]?\d{1,18}$", value):
                raise ParameterError(self.name, f"must be an integer; got {raw!r}")
            return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
        if self.type == "boolean":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ParameterError(self.name, f"must be true or false; got {raw!r}")
            return Literal("true" if value.lower() in ("true", "1") else "false", datatype=NamedNode(XSD + "boolean"))
        raise ParameterError(self.name, f"unsupported type {self.type}")  # unreachable: checked on load


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    sparql: str
    path: Path
    parameters: tuple[Parameter, ...] = ()
    columns: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    header: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def substitutions(self, values: dict[str, str]) -> dict[Variable, NamedNode | Literal]:
        """Typed bindings for the given raw values, defaults filled in; unknown names are an error."""
        known = {p.name: p for p in self.parameters}
        for name in values:
            if name not in known:
                choices = ", ".join(known) or "none"
                raise ParameterError(name, f"this query has no such parameter (parameters: {choices})")
        bound: dict[Variable, NamedNode | Literal] = {}
        for p in self.parameters:
            raw = values.get(p.name)
            if raw is None or raw == "":
                raw = p.default
            if raw is None:
                if p.required:
                    raise ParameterError(p.name, "is required")
                continue
            bound[Variable(p.name)] = p.bind(raw)
        return bound

    @property
    def kind(self) -> str:
        """SELECT, CONSTRUCT, DESCRIBE or ASK."""
        return query_form(self.sparql)


def query_form(sparql: str) -> str:
    """The form of a query (SELECT/CONSTRUCT/DESCRIBE/ASK), ignoring prologue and comments."""
    text = re.sub(r"#[^\n]*", " ", sparql)
    text = re.sub(r'"(?:[^"\\]|\\.)*"|<[^>\s]*>', " ", text)
    match = re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", text, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def parse_query_file(path: Path) -> CannedQuery:
    """Read one ``.rq`` file; an invalid header is a CannedQueryDefinitionError naming the file."""
    text = path.read_text(encoding="utf-8")
    header_lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            header_lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    where = f"{path.name}"
    try:
        header = yaml.safe_load("\n".join(header_lines)) or {}
    except yaml.YAMLError as exc:
        raise CannedQueryDefinitionError(f"{where}: header is not valid YAML: {exc}") from None
    if not isinstance(header, dict):
        raise CannedQueryDefinitionError(f"{where}: header must be a mapping")
    for key in ("title", "description"):
        if not isinstance(header.get(key), str) or not header[key].strip():
            raise CannedQueryDefinitionError(f"{where}: header needs a `{key}`")
    unknown = set(header) - {"title", "description", "parameters", "columns", "tags"}
    if unknown:
        raise CannedQueryDefinitionError(f"{where}: unknown header keys {sorted(unknown)}")
    body_vars = set(_VAR.findall(re.sub(r"#[^\n]*", "", text)))
    params = []
    for name, spec in (header.get("parameters") or {}).items():
        spec = spec or {}
        if not _NAME.match(str(name)) or not isinstance(spec, dict):
            raise CannedQueryDefinitionError(f"{where}: bad parameter {name!r}")
        ptype = spec.get("type", "string")
        if ptype not in PARAMETER_TYPES:
            raise CannedQueryDefinitionError(f"{where}: parameter {name}: type must be one of {PARAMETER_TYPES}")
        if name not in body_vars:
            raise CannedQueryDefinitionError(f"{where}: parameter {name} is not a variable of the query")
        param = Parameter(
            name=str(name),
            type=ptype,
            description=str(spec.get("description", "")),
            default=None if spec.get("default") is None else str(spec["default"]),
            enum=tuple(str(v) for v in spec.get("enum", ()) or ()),
            required=bool(spec.get("required", False)),
        )
        if param.required and param.default is not None:
            raise CannedQueryDefinitionError(f"{where}: parameter {name} is required and has a default: choose one")
        if param.default is not None:
            try:
                param.bind(param.default)
            except ParameterError as exc:
                raise CannedQueryDefinitionError(f"{where}: default of {exc}") from None
        params.append(param)
    columns = tuple(str(c) for c in header.get("columns", ()) or ())
    missing = [c for c in columns if c not in body_vars]
    if missing:
        raise CannedQueryDefinitionError(f"{where}: columns {missing} are not variables of the query")
    return CannedQuery(
        name=path.stem,
        title=header["title"].strip(),
        description=" ".join(header["description"].split()),
        sparql=text,
        path=path,
        parameters=tuple(params),
        columns=columns,
        tags=tuple(str(t) for t in header.get("tags", ()) or ()),
        header=header,
    )


@lru_cache(maxsize=8)
def _load(directory: Path, stamp: tuple[tuple[str, float], ...]) -> dict[str, CannedQuery]:
    return {p.stem: parse_query_file(p) for p in sorted(directory.glob("*.rq"))}


def load_queries(directory: Path) -> dict[str, CannedQuery]:
    """All canned queries of a directory by name (re-read when a file changes)."""
    if not directory.is_dir():
        raise CannedQueryDefinitionError(f"queries directory {directory} does not exist")
    stamp = tuple((p.name, p.stat().st_mtime) for p in sorted(directory.glob("*.rq")))
    return _load(directory, stamp)


def get_query(directory: Path, name: str) -> CannedQuery:
    queries = load_queries(directory)
    if name not in queries:
        raise UnknownQuery(f"no canned query {name!r}; available: {', '.join(queries) or 'none'}")
    return queries[name]


def markdown_table(queries: dict[str, CannedQuery]) -> str:
    """The canned-query table of the README, generated from the ``.rq`` headers."""
    lines = ["| query | what it answers | parameters |", "|---|---|---|"]
    for q in queries.values():
        params = ", ".join(
            f"`{p.name}` ({p.type}{', required' if p.required else ''}"
            f"{f', default {p.default}' if p.default is not None else ''})"
            for p in q.parameters
        ) or "—"
        lines.append(f"| `{q.name}` | **{q.title}**: {q.description} | {params} |")
    return "\n".join(lines) + "\n"
