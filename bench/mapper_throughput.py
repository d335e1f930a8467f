"""Mapper throughput on one core: articles per second on the seeds, and how it scales with length.

    .venv/bin/python bench/mapper_throughput.py [--seconds 3] [--markdown OUT.md]

Runs the mapper alone (text → facts; no RDF, no store) in this one process, so it uses one core.
Longer articles are made by repeating the seed articles' paragraphs, which keeps the text realistic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import time
from pathlib import Path

from kg.corpus import iter_corpus
from kg.facts import ArticleMeta
from kg.mapper import MAPPER_VERSION, map_article

ROOT = Path(__file__).resolve().parent.parent


def _rate(texts: list[tuple[str, ArticleMeta]], seconds: float) -> tuple[float, float]:
    """(articles/s, median ms per article) over repeated passes for about ``seconds``."""
    for text, meta in texts:  # warm-up: loads the reference data and compiles patterns
        map_article(text, meta)
    durations: list[float] = []
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text, meta in texts:
            t0 = time.perf_counter()
            map_article(text, meta)
            durations.append(time.perf_counter() - t0)
            done += 1
    elapsed = time.perf_counter() - start
    return done / elapsed, statistics.median(durations) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    articles = list(iter_corpus(args.corpus))
    seeds = [(a.text, a.meta) for a in articles]
    mean_chars = statistics.mean(len(t) for t, _ in seeds)
    lines = [
        f"Mapper {MAPPER_VERSION}, {dt.date.today().isoformat()}, Python {platform.python_version()}, "
        f"{platform.machine()}, one core; corpus {args.corpus.name}/ ({len(seeds)} articles, "
        f"mean {mean_chars:,.0f} characters).",
        "",
        "| article length | characters | articles/s | ms/article (median) | characters/s |",
        "|---|---:|---:|---:|---:|",
    ]
    for factor in (1, 2, 4, 8, 16):
        texts = [("\n\n".join([text] * factor), meta) for text, meta in seeds]
        chars = statistics.mean(len(t) for t, _ in texts)
        rate, median_ms = _rate(texts, args.seconds)
        lines.append(f"| {factor}× seed | {chars:,.0f} | {rate:,.1f} | {median_ms:.2f} | {rate * chars:,.0f} |")
        print(lines[-1], flush=True)
    table = "\n".join(lines) + "\n"
    print()
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
