"""One settings object for the CLI, the store and the web app.

Every field maps to an environment variable ``KG_<FIELD>`` (upper case); the CLI options override both.
``docs/CONFIG.md`` lists them, and a test checks that it lists every field.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_workers() -> int:
    return max(2, min(8, os.cpu_count() or 2))


@dataclass(frozen=True)
class Settings:
    """Project settings. Units are in the names."""

    store: Path = field(default=PROJECT_ROOT / "var" / "store", metadata={"doc": "Oxigraph store directory"})
    corpus: Path = field(default=PROJECT_ROOT / "seeds", metadata={"doc": "corpus directory `kg build` reads"})
    ontology_dir: Path = field(default=PROJECT_ROOT / "ontology", metadata={"doc": "ontology and shapes"})
    queries_dir: Path = field(default=PROJECT_ROOT / "queries", metadata={"doc": "canned `.rq` queries"})
    host: str = field(default="127.0.0.1", metadata={"doc": "address `kg serve` listens on"})
    port: int = field(default=5000, metadata={"doc": "port `kg serve` listens on"})
    base_url: str = field(default="", metadata={"doc": "public URL of the service (empty: from the request)"})
    server_threads: int = field(default=8, metadata={"doc": "WSGI threads answering HTTP requests"})
    query_workers: int = field(
        default_factory=_default_workers, metadata={"doc": "query processes (each can be killed on timeout)"}
    )
    query_timeout_s: float = field(default=25.0, metadata={"doc": "wall-clock limit of one query"})
    query_memory_mb: int = field(
        default=0, metadata={"doc": "address-space limit of one query process (0: half the RAM over the workers)"}
    )
    max_result_rows: int = field(default=100_000, metadata={"doc": "rows returned before truncating"})
    max_request_bytes: int = field(default=1_000_000, metadata={"doc": "largest accepted request body"})
    max_query_chars: int = field(default=100_000, metadata={"doc": "longest accepted query text"})
    service_allowlist: tuple[str, ...] = field(
        default=(), metadata={"doc": "SERVICE endpoints queries may call (comma-separated); empty: none"}
    )
    allow_updates: bool = field(
        default=False, metadata={"doc": "accept SPARQL Update on /sparql (never on by default)"}
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``KG_*`` environment variables, then explicit overrides (None is ignored)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"KG_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _parse(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for key in ("store", "corpus", "ontology_dir", "queries_dir"):
            if key in values:
                values[key] = Path(values[key]).expanduser()  # type: ignore[arg-type]
        return dataclasses.replace(cls(), **values)


def _parse(f: dataclasses.Field, raw: str) -> object:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    name = f"KG_{f.name.upper()}"
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind.startswith("tuple"):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if kind == "Path":
            return Path(raw)
    except ValueError:
        raise ValueError(f"{name}: cannot read {raw!r} as {kind}") from None
    return raw
