#!/usr/bin/env python3
"""Paired endpoint benchmark: `kg serve` against `oxigraph serve-read-only` on the same data.

    .venv/bin/python bench/endpoint/run_bench.py [--shared ../shared] [--events 10500,105000]
        [--seconds 5] [--concurrency 1,8] [--out docs/bench-endpoint.md]

For the seed graph (`kg build` of seeds/) and for each synthetic graph (``gen_dataset.py --events N``, run
from the shared folder at run time — the project does not depend on it), the script loads the quads
into our store, starts `kg serve` on it and `oxigraph serve-read-only` on the very same database files
(so both answer from identical data, the default graph being the stored union), runs
``loadbench.py --pair`` over one query set (the shared synthetic queries and our canned queries, as plain
SPARQL with their parameters left free), stops both servers by PID and writes one markdown report.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 120.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server at {url} did not come up")


def stop(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def oxigraph_bin() -> str:
    candidate = Path(sys.executable).with_name("oxigraph")
    return str(candidate) if candidate.exists() else (shutil.which("oxigraph") or "oxigraph")


def load_kg_store(nq: Path, location: Path) -> None:
    import pyoxigraph as ox

    from kg.store import write_store

    with write_store(location, fresh=True) as writer:
        writer.store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)


def query_set(shared: Path, work: Path) -> Path:
    """The shared synthetic queries plus our canned queries (headers are comments: plain SPARQL)."""
    qdir = work / "queries"
    qdir.mkdir(exist_ok=True)
    for f in sorted((shared / "endpoint" / "queries").glob("*.rq")):
        shutil.copy(f, qdir / f.name)
    from kg.errors import ParameterError
    from kg.queries import load_queries

    for name, canned in load_queries(ROOT / "queries").items():
        try:
            text = with_defaults(canned)
        except ParameterError:  # a required parameter without default: no fair generic instance
            continue
        (qdir / f"canned_{name}.rq").write_text(text)
    return qdir


def with_defaults(canned) -> str:
    """The canned query with its parameter defaults bound by a VALUES block at the top of WHERE (what the
    endpoint does with substitutions), so that both servers evaluate the same, selective query."""
    bound = canned.substitutions({})
    if not bound:
        return canned.sparql
    names = " ".join(f"?{v.value}" for v in bound)
    terms = " ".join(str(t) for t in bound.values())
    marker = canned.sparql.index("WHERE {") + len("WHERE {")
    return canned.sparql[:marker] + f"\n  VALUES ({names}) {{ ({terms}) }}" + canned.sparql[marker:]


def run_pair(label: str, kg_store: Path, qdir: Path, shared: Path, args: argparse.Namespace, work: Path) -> str:
    # Both servers read the very same database files: oxigraph serves our store's current generation,
    # whose default graph is already the (deduplicated) union of the article graphs.
    from kg.store import current_generation

    ox_store = current_generation(kg_store)
    assert ox_store is not None, f"no store at {kg_store}"
    kg_port, ox_port = free_port(), free_port()
    env = dict(os.environ, KG_STORE=str(kg_store), KG_PORT=str(kg_port), KG_HOST="127.0.0.1")
    kg_log = open(work / f"kg-{label}.log", "w")  # noqa: SIM115 - closed below
    kg = subprocess.Popen([str(Path(sys.executable).with_name("kg")), "serve"], env=env, stdout=kg_log,
                          stderr=subprocess.STDOUT)
    ox_log = open(work / f"ox-{label}.log", "w")  # noqa: SIM115
    ox = subprocess.Popen([oxigraph_bin(), "serve-read-only", "--location", str(ox_store), "--bind",
                           f"127.0.0.1:{ox_port}"], stdout=ox_log, stderr=subprocess.STDOUT)
    try:
        wait_http(f"http://127.0.0.1:{kg_port}/health")
        wait_http(f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D")
        md = work / f"bench-{label}.md"
        cmd = [sys.executable, str(shared / "endpoint" / "loadbench.py"), f"http://127.0.0.1:{kg_port}",
               "--label", "kg", "--pair", f"http://127.0.0.1:{ox_port}/query", "--pair-label", "oxigraph",
               "--queries", str(qdir), "--seconds", str(args.seconds), "--concurrency", args.concurrency,
               "--pid", str(kg.pid), "--pair-pid", str(ox.pid), "--markdown", str(md),
               "--json", str(work / f"bench-{label}.json")]
        print("+", " ".join(cmd), flush=True)
        out = subprocess.run(cmd, capture_output=True, text=True)
        sys.stdout.write(out.stdout[-4000:])
        if out.returncode != 0:
            sys.stderr.write(out.stderr[-4000:])
        body = md.read_text() if md.exists() else f"```\n{out.stdout}\n{out.stderr}\n```\n"
        return body
    finally:
        stop(kg)
        stop(ox)
        kg_log.close()
        ox_log.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default ../shared)")
    ap.add_argument("--events", default="10500,105000", help="synthetic sizes (events; ~9.5 quads each)")
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds per query, server and concurrency")
    ap.add_argument("--concurrency", default="1,8")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed graph")
    ap.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "endpoint" / "results.md")
    args = ap.parse_args()
    shared = args.shared.resolve()
    if not (shared / "endpoint" / "loadbench.py").exists():
        raise SystemExit(f"{shared} has no endpoint/loadbench.py; pass --shared")
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    qdir = query_set(shared, work)
    sections = []
    if not args.no_seed:
        seed_store = work / "seed-kg"
        subprocess.run([str(Path(sys.executable).with_name("kg")), "build", "--store", str(seed_store)], check=True)
        nq = work / "seed.nq"
        subprocess.run([str(Path(sys.executable).with_name("kg")), "dump", "--format", "nq", "--store",
                        str(seed_store), "--output", str(nq)], check=True)
        quads = sum(1 for _ in nq.open())
        sections.append((f"seed graph ({quads} quads)", run_pair("seed", seed_store, qdir, shared, args, work)))
    for events in [int(e) for e in args.events.split(",") if e]:
        nq = work / f"d{events}.nq"
        subprocess.run([sys.executable, str(shared / "endpoint" / "gen_dataset.py"), "--events", str(events),
                        "--out", str(nq)], check=True)
        quads = sum(1 for _ in nq.open())
        load_kg_store(nq, work / f"kg{events}")
        sections.append((f"synthetic graph, {events} events ({quads} quads)",
                         run_pair(f"e{events}", work / f"kg{events}", qdir, shared, args, work)))
    header = (
        f"# Endpoint benchmark\n\n- date: {dt.datetime.now().isoformat(timespec='seconds')}\n"
        f"- machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}\n"
        f"- command: `{' '.join(sys.argv)}`\n- A = kg serve, B = oxigraph serve-read-only on the same database files "
        "(its default graph is the stored union of the article graphs)\n\n"
    )
    text = header + "\n".join(f"## {title}\n\n{body}\n" for title, body in sections)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
