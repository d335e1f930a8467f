"""The ``kg`` command: build, ingest, query, dump, validate, evaluate, serve.

User errors print one line on stderr (``kg: error: …``) and exit non-zero; never a traceback.
Exit codes: 0 success, 1 failure or violations (validate), 2 usage errors and bad input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import click

from kg.config import Settings
from kg.errors import KgError

EXIT_VIOLATIONS = 1
EXIT_USER_ERROR = 2

_store_option = click.option(
    "--store", "store", type=click.Path(path_type=Path), default=None,
    help="Store directory (env KG_STORE; default var/store in the project).",
)


def _settings(**overrides: object) -> Settings:
    try:
        return Settings.from_env(**overrides)
    except ValueError as exc:
        raise KgError(str(exc)) from None


def _progress(message: str) -> None:
    click.echo(message, err=True)


class _Group(click.Group):
    """Turns domain errors into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            sys.exit(EXIT_USER_ERROR)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; the store was left as it was before this command", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="diplomacy-kg")
def main() -> None:
    """diplomacy-kg: a knowledge graph of diplomatic events built from news articles."""


@main.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=None,
              help="Corpus directory of NAME.txt files and sources.yaml (env KG_CORPUS; default seeds/).")
@_store_option
def build(corpus: Path | None, store: Path | None) -> None:
    """(Re)build the store from a corpus; the old store stays in place until the new one is complete."""
    from kg.build import build_corpus

    settings = _settings(corpus=corpus, store=store)
    report = build_corpus(settings.corpus, settings.store, settings.ontology_dir / "diplomacy.ttl", _progress)
    _progress(
        f"built {settings.store}: {len(report.articles)} articles, {report.quads} quads, {report.meetings} "
        f"meetings, {report.agreements} agreements, {report.statements} statements"
    )
    if report.failed:
        _progress(f"{len(report.failed)} article(s) failed:")
        for path, message in report.failed.items():
            _progress(f"  {path}: {message}")
        sys.exit(EXIT_VIOLATIONS)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", help="Publication date YYYY-MM-DD (relative dates are resolved against it).")
@click.option("--publisher", help="Publisher name.")
@click.option("--title", help="Article title.")
@click.option("--url", help="Article URL.")
@click.option("--language", default=None, help="Language code, e.g. en.")
@_store_option
def ingest(files: tuple[Path, ...], published: str | None, publisher: str | None, title: str | None,
           url: str | None, language: str | None, store: Path | None) -> None:
    """Add or replace articles (file stem = article id). Metadata comes from the options, else from a
    sources.yaml beside the file. Each article is mapped fully before anything is written."""
    from kg.build import ingest_articles
    from kg.corpus import parse_date, read_article, read_sources

    settings = _settings(store=store)
    published_date = parse_date(published, "--published") if published else None
    articles = []
    failed: dict[str, str] = {}
    sources_by_dir: dict[Path, dict] = {}
    for path in files:
        if path.parent not in sources_by_dir:
            sources = path.parent / "sources.yaml"
            sources_by_dir[path.parent] = read_sources(sources) if sources.exists() else {}
        meta = sources_by_dir[path.parent].get(path.name)
        try:
            article = read_article(path, meta)
        except KgError as exc:
            failed[str(path)] = str(exc)
            continue
        overrides = {"published": published_date, "publisher": publisher, "title": title, "url": url,
                     "language": language}
        article = dataclasses.replace(
            article, meta=dataclasses.replace(article.meta, **{k: v for k, v in overrides.items() if v is not None})
        )
        articles.append(article)
    for message in failed.values():
        click.echo(f"kg: error: {message}", err=True)
    if not articles:
        sys.exit(EXIT_USER_ERROR)
    report = ingest_articles(articles, settings.store, settings.ontology_dir / "diplomacy.ttl", _progress)
    _progress(f"ingested {len(report.articles)} article(s) into {settings.store}")
    for path, message in report.failed.items():
        click.echo(f"kg: error: {path}: {message}", err=True)
    if failed or report.failed:
        sys.exit(EXIT_USER_ERROR)


@main.command()
@click.argument("text", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("--canned", help="Run a canned query from queries/ by name.")
@click.option("--param", "params", multiple=True, metavar="K=V", help="Canned-query parameter (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld"]))
@_store_option
def query(text: str | None, query_file: Path | None, canned: str | None, params: tuple[str, ...], fmt: str,
          store: Path | None) -> None:
    """Run a SPARQL query (TEXT, --file or --canned) over the union of all graphs and print the results."""
    from kg.queries import get_query
    from kg.sparql import run_query, serialize_result
    from kg.store import KnowledgeStore

    settings = _settings(store=store)
    given = [x for x in (text, query_file, canned) if x]
    if len(given) != 1:
        raise KgError("give exactly one of TEXT, --file F.rq or --canned NAME")
    substitutions = None
    if canned:
        values = {}
        for item in params:
            key, sep, value = item.partition("=")
            if not sep:
                raise KgError(f"--param {item!r}: expected K=V")
            values[key] = value
        canned_query = get_query(settings.queries_dir, canned)
        substitutions = canned_query.substitutions(values)
        sparql = canned_query.sparql
    elif query_file:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KgError(f"cannot read {query_file}: {exc}") from None
    else:
        sparql = text or ""
        if params:
            raise KgError("--param only applies to --canned queries")
    kg_store = KnowledgeStore.open(settings.store)
    result = run_query(kg_store, sparql, substitutions)
    out = serialize_result(result, fmt)
    sys.stdout.buffer.write(out)
    if fmt == "json":
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()


@main.command()
@click.option("--format", "fmt", default="ttl", show_default=True,
              type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld"]))
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@_store_option
def dump(fmt: str, output: Path | None, store: Path | None) -> None:
    """Write the whole graph. ttl/nt: the union of all graphs; trig/nq/jsonld: one graph per article."""
    from kg.store import KnowledgeStore

    settings = _settings(store=store)
    data = KnowledgeStore.open(settings.store).dump(fmt) or b""  # type: ignore[arg-type]
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    tmp = output.with_name(output.name + ".tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(output)
    except OSError as exc:
        raise KgError(f"cannot write {output}: {exc.strerror}") from None
    _progress(f"wrote {len(data)} bytes to {output}")


@main.command("queries")
@click.option("--markdown", is_flag=True, help="Print the README's table instead of a plain list.")
def list_queries(markdown: bool) -> None:
    """List the canned queries (queries/*.rq) with their parameters."""
    from kg.queries import load_queries, markdown_table

    queries = load_queries(_settings().queries_dir)
    if markdown:
        click.echo(markdown_table(queries), nl=False)
        return
    for q in queries.values():
        params = " ".join(f"{p.name}={p.default if p.default is not None else '…'}" for p in q.parameters)
        click.echo(f"{q.name:24} {q.title}" + (f"  [{params}]" if params else ""))


@main.command()
@_store_option
def validate(store: Path | None) -> None:
    """Check the graph: SHACL shapes, OWL RL consistency and the ontology's violation queries.
    Exit 0 conformant, 1 violations, 2 could not run."""
    from kg.store import KnowledgeStore
    from kg.validate import ValidationSetupError, validate_store

    settings = _settings(store=store)
    try:
        report = validate_store(KnowledgeStore.open(settings.store).store, ontology_dir=settings.ontology_dir)
    except ValidationSetupError as exc:
        raise KgError(f"validation could not run: {exc}") from None
    click.echo(report.summary())
    sys.exit(0 if report.conforms else EXIT_VIOLATIONS)


@main.command()
@click.option("--corpus", type=click.Path(path_type=Path), required=True, help="Corpus directory.")
@click.option("--gold", type=click.Path(path_type=Path), required=True, help="Gold directory (one YAML per article).")
@click.option("--details", is_flag=True, help="List misses and false positives per article.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Also write the scores as JSON.")
def evaluate(corpus: Path, gold: Path, details: bool, json_out: Path | None) -> None:
    """Build a corpus in a scratch store and score the contract queries against gold annotations."""
    import json

    from kg.evaluation import evaluate_corpus, format_report

    settings = _settings()
    report = evaluate_corpus(corpus, gold, settings.ontology_dir / "diplomacy.ttl", settings.queries_dir)
    click.echo(format_report(report, details=details))
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")


@main.command()
@click.option("--host", default=None, help="Address to listen on (env KG_HOST; default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (env KG_PORT; default 5000).")
@click.option("--threads", "server_threads", type=int, default=None, help="WSGI threads (env KG_SERVER_THREADS).")
@click.option("--corpus", type=click.Path(path_type=Path), default=None,
              help="Corpus to build from when the store is empty (default seeds/).")
@_store_option
def serve(host: str | None, port: int | None, server_threads: int | None, corpus: Path | None,
          store: Path | None) -> None:
    """Serve the SPARQL endpoint, canned queries and dumps with a production WSGI server. Builds the
    store from seeds/ first when it is empty."""
    from kg.build import build_corpus
    from kg.store import current_generation

    settings = _settings(host=host, port=port, server_threads=server_threads, corpus=corpus, store=store)
    if current_generation(settings.store) is None:
        _progress(f"the store {settings.store} is empty: building it from {settings.corpus}")
        build_corpus(settings.corpus, settings.store, settings.ontology_dir / "diplomacy.ttl", _progress)
    from kg.web.server import run_server

    _progress(f"{dt.datetime.now().isoformat(timespec='seconds')} serving http://{settings.host}:{settings.port}/")
    run_server(settings)


if __name__ == "__main__":
    main()
