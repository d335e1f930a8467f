"""``kg serve``: the app under waitress, one access-log line per request.

Why waitress rather than gunicorn: the CPU work of a query happens in the query workers of
``kg.executor`` (killable processes), so the HTTP side only parses requests and copies bytes — a job for
threads. One waitress process with ``server_threads`` threads (default 8) owns one pool of
``query_workers`` processes (default: the number of cores, at least 2); gunicorn's pre-forked workers would
each need their own pool, multiplying processes and memory for no gain on a 2-core machine. Waitress is
pure Python, buffers slow clients itself (so a worker is never held by a slow reader), rejects bodies over
``max_request_bytes`` before reading them, and runs the same everywhere (no fork, no preload issues).
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from kg.config import Settings

access_log = logging.getLogger("kg.access")


class AccessLog:
    """WSGI middleware: one line per request, written when the response has been sent."""

    def __init__(self, app: Callable, logger: logging.Logger = access_log) -> None:
        self.app = app
        self.logger = logger

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        start = time.perf_counter()
        state: dict[str, Any] = {"status": "-"}

        def recording_start_response(status: str, headers: list, exc_info: Any = None) -> Callable:
            state["status"] = status.split(" ", 1)[0]
            return start_response(status, headers, exc_info)

        try:
            body = self.app(environ, recording_start_response)
        except BaseException:
            self._log(environ, "500", 0, start)
            raise
        return _LoggedBody(body, lambda sent: self._log(environ, state["status"], sent, start))

    def _log(self, environ: dict, status: str, sent: int, start: float) -> None:
        path = environ.get("PATH_INFO", "")
        if environ.get("QUERY_STRING"):
            path += "?" + environ["QUERY_STRING"]
        if len(path) > 300:
            path = path[:300] + "…"
        self.logger.info(
            '%s - - [%s] "%s %s %s" %s %d %.1fms "%s"',
            environ.get("REMOTE_ADDR", "-"),
            datetime.now(UTC).strftime("%d/%b/%Y:%H:%M:%S +0000"),
            environ.get("REQUEST_METHOD", "-"),
            path,
            environ.get("SERVER_PROTOCOL", "-"),
            status,
            sent,
            (time.perf_counter() - start) * 1000,
            environ.get("HTTP_USER_AGENT", "-")[:100],
        )


class _LoggedBody:
    def __init__(self, body: Iterable[bytes], done: Callable[[int], None]) -> None:
        self.body = body
        self.done = done
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.done(self.sent)


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def run_server(settings: Settings) -> None:
    """Serve until SIGINT/SIGTERM; the query workers are stopped on the way out."""
    import waitress

    from kg.web import create_app

    configure_logging()
    app = create_app(settings)
    endpoint = app.extensions["kg"]
    executor = endpoint.executor  # start the workers now: a broken store fails here, not on a request
    logging.getLogger("kg.web").info(
        "%d query workers (pids %s), network isolation %s, timeout %gs, %d HTTP threads",
        executor.size, executor.pids, "on" if executor.network_isolated else "off", settings.query_timeout_s,
        settings.server_threads,
    )

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    server = waitress.create_server(
        AccessLog(app),
        host=settings.host,
        port=settings.port,
        threads=settings.server_threads,
        ident="diplomacy-kg",
        max_request_body_size=settings.max_request_bytes,
        channel_timeout=max(120, int(settings.query_timeout_s) + 30),
        connection_limit=max(100, settings.server_threads * 25),
        clear_untrusted_proxy_headers=True,
    )
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        endpoint.close()
