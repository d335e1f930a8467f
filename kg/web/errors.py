"""Domain exceptions → one error shape, and headers every response gets (CORS on the read endpoints).

Every error body is ``{"error": {"status", "type", "message", ...}}`` (JSON), or the same fields as an HTML
page for a browser, or as one text line for clients that asked for CSV/TSV/plain text. Never a stack trace:
an unexpected exception is logged with its traceback and answered with a generic 500.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, render_template, request
from werkzeug.exceptions import HTTPException

from kg.errors import (
    CannedQueryDefinitionError,
    ForbiddenQuery,
    KgError,
    ParameterError,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    UnknownQuery,
)
from kg.executor import QueryAborted, WorkersBusy
from kg.safety import QueryTooLong
from kg.web.negotiation import NotAcceptable, parse_accept, prefers_html

log = logging.getLogger("kg.web")

# most specific first
STATUS: list[tuple[type[Exception], int]] = [
    (QuerySyntaxError, 400),
    (ParameterError, 400),
    (QueryTooLong, 413),
    (ForbiddenQuery, 403),
    (UnknownQuery, 404),
    (QueryTimeout, 503),
    (QueryAborted, 503),
    (WorkersBusy, 503),
    (QueryError, 400),
    (NotAcceptable, 406),
    (CannedQueryDefinitionError, 500),
    (StoreError, 503),
    (KgError, 400),
]
CORS_PREFIXES = ("/sparql", "/queries", "/dump", "/.well-known", "/resource", "/health")


def status_of(exc: Exception) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def error_response(status: int, kind: str, message: str, **extra: object) -> Response:
    body = {"status": status, "type": kind, "message": message, **{k: v for k, v in extra.items() if v is not None}}
    accept = request.headers.get("Accept")
    if prefers_html(accept):
        resp = Response(render_template("error.html", error=body), status=status, mimetype="text/html")
    elif any(r.type.startswith("text/") and r.type != "text/html" for r in parse_accept(accept)[:1]):
        resp = Response(f"{status} {kind}: {message}\n", status=status, mimetype="text/plain")
    else:
        from flask import json

        resp = Response(json.dumps({"error": body}) + "\n", status=status, mimetype="application/json")
    return resp


def _domain(exc: Exception) -> Response:
    status = status_of(exc)
    extra: dict[str, object] = {}
    message = str(exc)
    if isinstance(exc, QuerySyntaxError):
        extra = {"line": exc.line, "column": exc.column}
    elif isinstance(exc, ParameterError):
        extra = {"parameter": exc.name}
    elif isinstance(exc, StoreError):
        log.error("store unavailable: %s", exc)
        message = "the store is not available right now"
    elif isinstance(exc, CannedQueryDefinitionError):
        log.error("canned query definition: %s", exc)
    if isinstance(exc, QueryTimeout | QueryAborted):
        log.warning("%s: %s", type(exc).__name__, exc)
    resp = error_response(status, type(exc).__name__, message, **extra)
    if isinstance(exc, WorkersBusy):
        resp.headers["Retry-After"] = "1"
    return resp


def _http(exc: HTTPException) -> Response:
    status = exc.code or 500
    names = {413: "request body larger than max_request_bytes (setting max_request_bytes)"}
    message = names.get(status) or exc.description or exc.name
    resp = error_response(status, exc.name.replace(" ", ""), message)
    valid = getattr(exc, "valid_methods", None)
    if status == 405 and valid:
        resp.headers["Allow"] = ", ".join(valid)
    return resp


def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _http(exc)
    log.exception("internal error on %s %s", request.method, request.path)
    return error_response(500, "InternalError", "internal server error (logged on the server)")


def register(app: Flask) -> None:
    app.register_error_handler(KgError, _domain)
    app.register_error_handler(NotAcceptable, _domain)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)


def add_common_headers(resp: Response) -> Response:
    """CORS on the read endpoints: any origin, no credentials (nothing here depends on cookies)."""
    if request.path.startswith(CORS_PREFIXES):
        resp.headers["Access-Control-Allow-Origin"] = "*"
        resp.headers["Access-Control-Expose-Headers"] = (
            "Content-Type, Content-Length, ETag, Last-Modified, X-KG-Truncated, X-KG-Rows, X-KG-Row-Limit, "
            "Server-Timing"
        )
        if request.method == "OPTIONS":
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, HEAD, OPTIONS"
            resp.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept, If-None-Match, If-Modified-Since"
            resp.headers["Access-Control-Max-Age"] = "86400"
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    return resp
