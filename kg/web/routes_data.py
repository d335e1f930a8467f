"""Dumps, VoID, resource pages and /health."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, send_file
from werkzeug.exceptions import NotFound

from kg.web.describe import serialize, void_description
from kg.web.negotiation import GRAPH_TYPES, choose_format, content_type, prefers_html
from kg.web.routes_sparql import answer_response, base_url, endpoint
from kg.web.service import local_path, resource_iri

bp = Blueprint("data", __name__)

DUMP_ROUTE_FORMATS = ("ttl", "trig", "nq", "nt", "jsonld")


@bp.route("/dump.<path:name>", methods=["GET"])
def dump(name: str) -> Response:
    gz = name.endswith(".gz")
    fmt = name[:-3] if gz else name
    if fmt not in DUMP_ROUTE_FORMATS:
        raise NotFound(f"no dump /dump.{name}; available: " + ", ".join(f"/dump.{f}[.gz]" for f in DUMP_ROUTE_FORMATS))
    dumped = endpoint().dump(fmt, gz)
    resp = send_file(dumped.path, mimetype=dumped.media_type, etag=dumped.etag, last_modified=dumped.last_modified,
                     conditional=True, max_age=60, download_name=f"diplomacy-kg.{name}")
    resp.headers["Content-Disposition"] = f'inline; filename="diplomacy-kg.{name}"'
    return resp


@bp.route("/.well-known/void", methods=["GET"])
def void() -> Response:
    ep = endpoint()
    fmt = choose_format("graph", request.headers.get("Accept"), request.args.get("format"))
    generation = ep.generation
    etag = f"void-{generation}-{fmt}"
    if request.if_none_match.contains(etag):
        return Response(status=304, headers={"ETag": f'"{etag}"'})
    doc = serialize(void_description(base_url(), base_url() + "sparql", ep.stats()), fmt)
    resp = Response(doc, content_type=content_type(GRAPH_TYPES[fmt]), headers={"Vary": "Accept"})
    resp.set_etag(etag)
    resp.last_modified = ep.last_modified()
    return resp


@bp.route("/resource/<path:path>", methods=["GET"])
def resource(path: str) -> Response:
    """Dereference a graph IRI: HTML for browsers, else Turtle / JSON-LD / N-Triples / RDF/XML."""
    ep = endpoint()
    iri = resource_iri(path)
    explicit = request.args.get("format")
    if (explicit or "").lower() == "html" or (not explicit and prefers_html(request.headers.get("Accept"))):
        view = ep.resource_view(iri)
        if not view["out"] and not view["in"]:
            raise NotFound(f"nothing is known about <{iri}>")
        page = render_template("resource.html", view=view, local_path=local_path)
        return Response(page, mimetype="text/html", headers={"Vary": "Accept"})
    fmt = choose_format("graph", request.headers.get("Accept"), explicit)
    answer = ep.describe(iri, fmt)
    if answer.rows == 0:
        answer.close()
        raise NotFound(f"nothing is known about <{iri}>")
    resp = answer_response(answer)
    resp.headers["Content-Location"] = request.base_url + f"?format={fmt}"
    return resp


@bp.route("/health", methods=["GET"])
def health() -> Response:
    body = endpoint().health()
    resp = jsonify(body)
    resp.status_code = 200 if body["status"] == "ok" else 503
    return resp

