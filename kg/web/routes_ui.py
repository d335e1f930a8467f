"""The small HTML UI: a start page (the query editor lives at GET /sparql for browsers)."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from kg.web.routes_sparql import base_url, endpoint

bp = Blueprint("ui", __name__, static_folder="static", static_url_path="/static")


@bp.route("/", methods=["GET"])
def index() -> Response:
    return Response(render_template("index.html", base=base_url(), queries=endpoint().canned_queries().values()),
                    mimetype="text/html")
