"""``/sparql``: the SPARQL 1.1 Protocol (query by GET, POST form, POST ``application/sparql-query``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from kg.errors import ForbiddenQuery
from kg.executor import QueryAnswer
from kg.web.describe import serialize, service_description
from kg.web.negotiation import GRAPH_TYPES, RESULT_TYPES, choose_format, content_type, prefers_html
from kg.web.service import Dataset, Endpoint, kind_of

bp = Blueprint("sparql", __name__)

_ABSOLUTE_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"{}|\\^`]*$')
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


def endpoint() -> Endpoint:
    return current_app.extensions["kg"]


def base_url() -> str:
    base = endpoint().settings.base_url or request.host_url
    return base if base.endswith("/") else base + "/"


@dataclass
class ProtocolRequest:
    query: str | None
    update: str | None
    dataset: Dataset
    format: str | None


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise BadRequest(f"give exactly one {name}= parameter (got {len(values)})")
    return values[0] if values else None


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    for value in values:
        if not _ABSOLUTE_IRI.match(value):
            raise BadRequest(f"{name}: {value!r} is not an absolute IRI")
    return tuple(values)


def _body_text() -> str:
    charset = (request.mimetype_params.get("charset") or "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"the query must be sent as UTF-8 (got charset={charset})")
    try:
        return request.get_data(cache=False).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not valid UTF-8") from None


def parse_protocol() -> ProtocolRequest:
    """The query (or update) and the dataset of a protocol request; raises 4xx HTTP errors."""
    args = request.args
    fields = args
    query: str | None = None
    update: str | None = None
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == FORM:
            fields = request.form
            query = _one(request.form.getlist("query") + args.getlist("query"), "query")
            update = _one(request.form.getlist("update") + args.getlist("update"), "update")
        elif mimetype == QUERY:
            if args.getlist("query"):
                raise BadRequest("a query in the body and in the URL: give only one")
            query = _body_text()
        elif mimetype == UPDATE:
            update = _body_text()
        elif not mimetype:
            raise UnsupportedMediaType(f"POST needs a Content-Type: {FORM} or {QUERY}")
        else:
            raise UnsupportedMediaType(f"unsupported Content-Type {mimetype!r}: use {FORM} or {QUERY}")
    else:
        query = _one(args.getlist("query"), "query")
        update = _one(args.getlist("update"), "update")
    if query is not None and update is not None:
        raise BadRequest("give a query or an update, not both")

    def values(name: str) -> list[str]:
        got = args.getlist(name)
        return got + fields.getlist(name) if fields is not args else got

    dataset = Dataset(_iris(values("default-graph-uri"), "default-graph-uri"),
                      _iris(values("named-graph-uri"), "named-graph-uri"))
    fmt = _one(values("format"), "format") or _one(values("output"), "output")
    return ProtocolRequest(query, update, dataset, fmt)


def answer_response(answer: QueryAnswer) -> Response:
    """An evaluated query as an HTTP response; large answers are streamed chunk by chunk."""
    media = (GRAPH_TYPES if answer.kind == "graph" else RESULT_TYPES)[answer.format]
    headers = {
        "Vary": "Accept",
        "X-KG-Rows": str(answer.rows),
        "Server-Timing": f"eval;dur={answer.eval_ms}",
    }
    if answer.truncated:
        headers["X-KG-Truncated"] = "true"
        headers["X-KG-Row-Limit"] = str(endpoint().settings.max_result_rows)
    if answer._rest is None:
        return Response(answer.first, headers=headers, content_type=content_type(media))
    return Response(_Body(answer), headers=headers, content_type=content_type(media), direct_passthrough=True)


class _Body:
    """A streamed body that gives the worker back even if the client goes away before the end."""

    def __init__(self, answer: QueryAnswer) -> None:
        self.answer = answer

    def __iter__(self) -> Iterator[bytes]:
        return self.answer.chunks()

    def close(self) -> None:
        self.answer.close()


def html_results(ep: Endpoint, sparql: str, dataset: Dataset | None, title: str, **context: object) -> str:
    """A result table for the UI (SELECT/ASK), or the Turtle text of a graph result."""
    if kind_of(ep.check(sparql)) == "graph":
        answer = ep.run_sparql(sparql, "ttl", dataset, context.pop("substitutions", None))  # type: ignore[arg-type]
        return render_template("results.html", title=title, query=sparql, turtle=answer.body().decode(),
                               answer=answer, **context)
    answer = ep.run_sparql(sparql, "json", dataset, context.pop("substitutions", None))  # type: ignore[arg-type]
    data = json.loads(answer.body())
    return render_template("results.html", title=title, query=sparql, data=data, answer=answer, **context)


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response | tuple:
    ep = endpoint()
    proto = parse_protocol()
    if proto.update is not None:
        ep.run_update(proto.update)  # refused unless allow_updates
        return Response(status=204)
    if proto.query is None:
        if prefers_html(request.headers.get("Accept")) and not proto.format:
            return Response(render_template("sparql.html", examples=ep.canned_queries()), mimetype="text/html")
        fmt = choose_format("graph", request.headers.get("Accept"), proto.format)
        doc = serialize(service_description(base_url(), base_url() + "sparql"), fmt)
        return Response(doc, content_type=content_type(GRAPH_TYPES[fmt]), headers={"Vary": "Accept"})
    if not proto.query.strip():
        raise BadRequest("the query is empty")
    info = ep.check(proto.query)
    fmt = choose_format(kind_of(info), request.headers.get("Accept"), proto.format, allow_html=True)
    if fmt == "html":
        return Response(html_results(ep, proto.query, proto.dataset, "Query results"), mimetype="text/html")
    return answer_response(ep.run_sparql(proto.query, fmt, proto.dataset, info=info))


@bp.route("/update", methods=["GET", "POST"])
def update() -> Response:
    """SPARQL Update has no public endpoint; a clear refusal instead of a 404."""
    raise ForbiddenQuery("SPARQL Update is not accepted: this endpoint is read-only (setting allow_updates)")
