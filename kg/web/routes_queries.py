"""``/queries``: every ``queries/*.rq`` file as an endpoint, with typed parameters bound by the engine."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, url_for
from werkzeug.exceptions import NotFound

from kg.queries import CannedQuery
from kg.web.negotiation import FORMAT_NAMES, choose_format, prefers_html
from kg.web.routes_sparql import answer_response, endpoint, html_results
from kg.web.service import kind_of

bp = Blueprint("queries", __name__)

RESERVED = {"format", "output"}


def describe(q: CannedQuery) -> dict:
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "kind": q.kind,
        "url": url_for("queries.run", name=q.name, _external=True),
        "parameters": [
            {"name": p.name, "type": p.type, "description": p.description, "default": p.default,
             "enum": list(p.enum) or None, "required": p.required}
            for p in q.parameters
        ],
        "columns": list(q.columns),
        "tags": list(q.tags),
    }


@bp.route("/queries", methods=["GET"])
@bp.route("/queries.<ext>", methods=["GET"])
def listing(ext: str | None = None) -> Response:
    queries = endpoint().canned_queries()
    if ext not in (None, "json", "html"):
        raise NotFound(f"/queries.{ext}: use /queries.json or /queries")
    if ext == "html" or (ext is None and prefers_html(request.headers.get("Accept"))):
        return Response(render_template("queries.html", queries=queries.values()), mimetype="text/html")
    return jsonify({"queries": [describe(q) for q in queries.values()]})


def _values() -> dict[str, str]:
    source = request.form if request.method == "POST" else request.args
    return {k: v for k, v in source.items() if k not in RESERVED}


@bp.route("/queries/<name>", methods=["GET", "POST"])
def run(name: str) -> Response:
    ep = endpoint()
    ext = None
    if "." in name:
        stem, _, maybe = name.rpartition(".")
        if maybe.lower() in FORMAT_NAMES:
            name, ext = stem, maybe.lower()
    query = ep.canned(name)  # UnknownQuery -> 404
    kind = kind_of(ep.check(query.sparql))
    explicit = ext or request.values.get("format") or request.values.get("output")
    html = ext == "html" or (explicit is None and prefers_html(request.headers.get("Accept")))
    values = _values()
    if html:
        bound = query.substitutions(values)
        subs = {v.value: t for v, t in bound.items()}
        page = html_results(ep, query.sparql, None, query.title, canned=query, values=values, substitutions=subs)
        return Response(page, mimetype="text/html")
    fmt = choose_format(kind, request.headers.get("Accept"), explicit)
    return answer_response(ep.run_canned(query, values, fmt))
