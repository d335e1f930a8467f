"""Inspecting a query before it is evaluated: what the endpoint refuses, and the dataset it names.

The check works on tokens, not on raw text: comments, string literals and IRIs are recognised first (with
the SPARQL grammar's own character classes, and ``\\u`` escapes decoded inside IRIs as the engine does), so
``"DROP ALL"`` in a literal or ``<http://example.org/service>`` in an IRI is data, while a keyword is a bare
word. Refused before evaluation:

- SPARQL Update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``CREATE``, ``DROP``, ``COPY``, ``MOVE``,
  ``ADD``, ``WITH``) — these words are reserved and never appear bare in a query;
- ``SERVICE`` unless its IRI (after prefix expansion and BASE resolution) is on the allow-list; ``SERVICE``
  with a variable is always refused;
- a query longer than ``max_query_chars``.

``FROM`` / ``FROM NAMED`` are reported, not refused: pyoxigraph reads them as graphs of the store and never
dereferences them (``tests/web`` checks that with a listening socket).

Pure Python, no web framework: the CLI and the endpoint share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from kg.errors import ForbiddenQuery

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")

_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:''?(?:[^'\\]|\\.)|[^'\\]|\\.)*'''
             |\"\"\"(?:""?(?:[^"\\]|\\.)|[^"\\]|\\.)*\"\"\"
             |'(?:[^'\\\n\r]|\\.)*'
             |"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|"""
    + _UCHAR
    + r""")*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w:%\-]|\\.|\.(?=[\w:%\\\-]))*)
  | (?P<name>[^\W\d][\w]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_UESC = re.compile(_UCHAR)
# An "IRI" token that is really a comparison such as ?a<?b||?c>0: scan its inside as code too.
_EXPRESSION_LIKE = re.compile(r"^<[?$(!]|&&|\|\||[()]")


@dataclass(frozen=True)
class Token:
    kind: str  # iri | var | bnode | pname | name | string | lang | other
    text: str
    pos: int


@dataclass
class QueryInfo:
    """What inspection found out about a query."""

    form: str | None  # SELECT | CONSTRUCT | DESCRIBE | ASK, or None (an update or not a query)
    is_update: bool = False
    update_keywords: list[str] = field(default_factory=list)
    services: list[str | None] = field(default_factory=list)  # SERVICE targets; None for a variable
    from_graphs: list[str] = field(default_factory=list)
    from_named_graphs: list[str] = field(default_factory=list)

    @property
    def has_dataset_clause(self) -> bool:
        return bool(self.from_graphs or self.from_named_graphs)


class QueryTooLong(ForbiddenQuery):
    """The query text is longer than ``max_query_chars``."""


def tokenize(text: str) -> list[Token]:
    """The significant tokens of a SPARQL text (whitespace and comments dropped)."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        value = m.group()
        if kind == "iri" and _EXPRESSION_LIKE.search(value):
            tokens.append(Token("other", "<", m.start()))
            tokens.extend(Token(t.kind, t.text, t.pos + m.start() + 1) for t in tokenize(value[1:-1]))
            tokens.append(Token("other", ">", m.end() - 1))
            continue
        tokens.append(Token(kind, value, m.start()))
    return tokens


def _unescape(text: str) -> str:
    return _UESC.sub(lambda m: chr(int(m.group()[2:], 16)), text)


class _Resolver:
    """Prefix and BASE declarations, to turn an IRI token or prefixed name into a full IRI."""

    def __init__(self) -> None:
        self.base = ""
        self.prefixes: dict[str, str] = {}

    def iri(self, token: Token) -> str | None:
        if token.kind == "iri":
            value = _unescape(token.text[1:-1])
            return urljoin(self.base, value) if self.base else value
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            if prefix not in self.prefixes:
                return None
            return self.prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
        return None


def inspect_query(text: str) -> QueryInfo:
    """Classify a query and list its SERVICE targets and dataset clauses (no limits applied)."""
    tokens = tokenize(text)
    resolver = _Resolver()
    info = QueryInfo(form=None)
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        word = tok.text.upper() if tok.kind == "name" else None
        nxt = tokens[i + 1] if i + 1 < n else None
        if word == "BASE" and nxt is not None and nxt.kind == "iri":
            resolver.base = resolver.iri(nxt) or ""
            i += 2
            continue
        if word == "PREFIX" and nxt is not None and nxt.kind == "pname" and i + 2 < n:
            target = tokens[i + 2]
            if target.kind == "iri":
                resolver.prefixes[nxt.text.rstrip(":").partition(":")[0]] = resolver.iri(target) or ""
                i += 3
                continue
        if word in UPDATE_KEYWORDS:
            info.is_update = True
            info.update_keywords.append(word)
        elif word in QUERY_FORMS and info.form is None:
            info.form = word
        elif word == "SERVICE":
            j = i + 1
            if j < n and tokens[j].kind == "name" and tokens[j].text.upper() == "SILENT":
                j += 1
            target = tokens[j] if j < n else None
            info.services.append(resolver.iri(target) if target is not None and target.kind != "var" else None)
        elif word == "FROM":
            j = i + 1
            named = j < n and tokens[j].kind == "name" and tokens[j].text.upper() == "NAMED"
            if named:
                j += 1
            graph = resolver.iri(tokens[j]) if j < n else None
            if graph is not None:
                (info.from_named_graphs if named else info.from_graphs).append(graph)
        i += 1
    if info.is_update:
        info.form = None
    return info


def check_query(text: str, max_query_chars: int, service_allowlist: tuple[str, ...] = ()) -> QueryInfo:
    """Inspect ``text`` and raise ForbiddenQuery for what a public read-only endpoint refuses."""
    if len(text) > max_query_chars:
        raise QueryTooLong(
            f"the query is {len(text)} characters long; the limit is {max_query_chars} (setting max_query_chars)"
        )
    info = inspect_query(text)
    if info.is_update:
        raise ForbiddenQuery(
            f"SPARQL Update ({', '.join(dict.fromkeys(info.update_keywords))}) is not accepted: this endpoint is "
            "read-only (setting allow_updates)"
        )
    allowed = set(service_allowlist)
    for target in info.services:
        if target is None:
            raise ForbiddenQuery(
                "SERVICE with a variable or an unknown prefix is not accepted (setting service_allowlist)"
            )
        if target not in allowed:
            raise ForbiddenQuery(
                f"SERVICE <{target}> is not accepted: federated queries may only call the endpoints of the "
                "setting service_allowlist" + (" (empty)" if not allowed else "")
            )
    return info
