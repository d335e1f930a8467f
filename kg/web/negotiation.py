"""Media types and content negotiation (no Flask: plain strings in, format names out)."""

from __future__ import annotations

from dataclasses import dataclass

# format name -> media type. Result formats are for SELECT/ASK, graph formats for CONSTRUCT/DESCRIBE.
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nq": "application/n-quads",
}
# other media types clients send, and what they get
RESULT_ALIASES = {
    "application/json": "json",
    "application/sparql-results+json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_ALIASES = {
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "text/n3": "ttl",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/trig": "trig",
    "application/n-quads": "nq",
}
# names accepted by format= / output= and URL extensions
FORMAT_NAMES = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "ttl": "ttl", "turtle": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml", "owl": "rdfxml",
    "trig": "trig", "nq": "nq", "nquads": "nq", "n-quads": "nq", "html": "html",
}
_JSON_LIKE = {"json": "jsonld", "xml": "rdfxml"}  # a result-format name asked of a graph query
_TEXT = ("text/", "application/n-triples", "application/n-quads", "application/trig", "application/sparql-results+xml",
         "application/rdf+xml")


def content_type(media_type: str) -> str:
    """The Content-Type header for a media type (UTF-8 declared on textual types but JSON)."""
    if media_type.startswith(_TEXT):
        return f"{media_type}; charset=utf-8"
    return media_type


@dataclass(frozen=True)
class MediaRange:
    type: str
    q: float
    order: int

    @property
    def specificity(self) -> int:
        if self.type == "*/*":
            return 0
        return 1 if self.type.endswith("/*") else 2


def parse_accept(header: str | None) -> list[MediaRange]:
    """Media ranges of an Accept header, best first (q, then specificity, then order)."""
    if not header:
        return []
    ranges = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(fields[0].lower(), q, i))
    return sorted((r for r in ranges if r.q > 0), key=lambda r: (-r.q, -r.specificity, r.order))


class NotAcceptable(Exception):
    """No format the endpoint offers matches the Accept header or the format= parameter."""


def _match(ranges: list[MediaRange], aliases: dict[str, str], default: str, offered: dict[str, str]) -> str:
    if not ranges:
        return default
    for r in ranges:
        if r.type == "*/*":
            return default
        if r.type in aliases:
            return aliases[r.type]
        if r.type.endswith("/*"):
            major = r.type[:-1]
            if offered[default].startswith(major):
                return default
            for name, media in offered.items():
                if media.startswith(major):
                    return name
    raise NotAcceptable(f"none of the requested types ({', '.join(r.type for r in ranges)}) is offered; "
                        f"available: {', '.join(offered.values())}")


def choose_format(kind: str, accept: str | None, explicit: str | None = None, allow_html: bool = False) -> str:
    """The format name for a query of ``kind`` ("select"/"ask" or "graph"): ``explicit`` (a format= value,
    a name or a media type) wins over the Accept header."""
    graph = kind == "graph"
    offered = GRAPH_TYPES if graph else RESULT_TYPES
    aliases = GRAPH_ALIASES if graph else RESULT_ALIASES
    default = "ttl" if graph else "json"
    if explicit:
        value = explicit.strip().lower()
        if value in ("html", "text/html") and allow_html:
            return "html"
        name = FORMAT_NAMES.get(value) or aliases.get(value)
        if graph and name in _JSON_LIKE:
            name = _JSON_LIKE[name]
        if name in offered:
            return name
        raise NotAcceptable(f"format {explicit!r} is not offered for this query; available: {', '.join(offered)}")
    return _match(parse_accept(accept), aliases, default, offered)


def prefers_html(accept: str | None) -> bool:
    """True when a browser-like client asks for HTML before any RDF or results type."""
    for r in parse_accept(accept):
        if r.type in ("text/html", "application/xhtml+xml"):
            return True
        if r.type in RESULT_ALIASES or r.type in GRAPH_ALIASES or r.type == "*/*":
            return False
    return False
