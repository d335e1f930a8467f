"""The web application: SPARQL 1.1 Protocol endpoint, canned queries, dumps, VoID, resource pages, UI.

``create_app(settings)`` is the only entry point; nothing happens at import time. Query workers start on
the first request that needs them (``kg.web.service.Endpoint``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.config import Settings

if TYPE_CHECKING:
    from flask import Flask


def create_app(settings: Settings | None = None) -> Flask:
    """The Flask application for ``settings`` (default: ``Settings.from_env()``)."""
    from flask import Flask

    from kg.web import errors, routes_data, routes_queries, routes_sparql, routes_ui
    from kg.web.service import Endpoint

    settings = settings or Settings.from_env()
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        MAX_FORM_MEMORY_SIZE=settings.max_request_bytes,
        JSON_SORT_KEYS=False,
        PROPAGATE_EXCEPTIONS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.url_map.strict_slashes = False
    app.extensions["kg"] = Endpoint(settings)
    errors.register(app)
    for module in (routes_sparql, routes_queries, routes_data, routes_ui):
        app.register_blueprint(module.bp)
    app.after_request(errors.add_common_headers)
    return app
