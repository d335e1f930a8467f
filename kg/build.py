"""Building and updating the store: articles → mapper → quads → a new store generation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg.corpus import Article, iter_corpus
from kg.errors import ArticleError, KgError
from kg.facts import ArticleFacts, DateValue
from kg.rdf.identity import KnownMeeting, MeetingRegistry
from kg.rdf.triples import article_quads
from kg.store import KnowledgeStore, StoreWriter, write_store
from kg.vocab import GRAPH, MEETING_CLASS, ONTOLOGY, ONTOLOGY_GRAPH

Progress = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build or ingest did."""

    articles: list[str] = field(default_factory=list)
    quads: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # article file → error message
    meetings: int = 0
    agreements: int = 0
    statements: int = 0


def map_text(article: Article) -> tuple[ArticleFacts, str]:
    """Run the mapper on one article; returns its facts and the mapper version."""
    from kg.mapper import MAPPER_VERSION, map_article

    try:
        return map_article(article.text, article.meta), MAPPER_VERSION
    except KgError:
        raise
    except Exception as exc:  # a mapper bug on one article must not stop the others
        raise ArticleError(f"the mapper failed on this article ({type(exc).__name__}: {exc}); "
                           "the other articles were still mapped") from exc


def _write_articles(
    writer: StoreWriter, articles: Iterable[Article], registry: MeetingRegistry, report: BuildReport,
    progress: Progress,
) -> None:
    for article in articles:
        try:
            facts, version = map_text(article)
            quads = article_quads(facts, registry, version)
            report.quads += writer.replace_article(article.meta.article_id, quads)
        except KgError as exc:
            registry.forget_article(article.meta.article_id)
            report.failed[str(article.path)] = str(exc)
            progress(f"  skipped {article.path.name}: {exc}")
            continue
        report.articles.append(article.meta.article_id)
        report.meetings += len(facts.meetings)
        report.agreements += len(facts.agreements)
        report.statements += len(facts.statements)
        progress(
            f"  [{len(report.articles)}] {article.meta.article_id}: {len(facts.meetings)} meetings, "
            f"{len(facts.agreements)} agreements, {len(facts.statements)} statements, {len(quads)} quads"
        )


def build_corpus(corpus: Path, location: Path, ontology_file: Path, progress: Progress = lambda _: None) -> BuildReport:
    """Rebuild the store from a corpus directory. The old store stays current until the new one is
    complete; reading the corpus fails before anything is written when its files or metadata are bad."""
    articles = list(iter_corpus(corpus))
    report = BuildReport()
    progress(f"building {location} from {len(articles)} articles in {corpus}")
    with write_store(location, fresh=True) as writer:
        writer.load_ontology(ontology_file)
        _write_articles(writer, articles, MeetingRegistry(), report, progress)
        if not report.articles:
            raise KgError(f"no article of {corpus} could be mapped; the store was left as it was")
    return report


def ingest_articles(
    articles: list[Article], location: Path, ontology_file: Path, progress: Progress = lambda _: None
) -> BuildReport:
    """Add or replace articles in the store (a new generation holding the old data plus these)."""
    report = BuildReport()
    with write_store(location) as writer:
        if not writer.store.contains_named_graph(ONTOLOGY_GRAPH):
            writer.load_ontology(ontology_file)
        registry = load_registry(writer.view(), exclude={a.meta.article_id for a in articles})
        _write_articles(writer, articles, registry, report, progress)
        if not report.articles:
            raise KgError("no article could be ingested; the store was left as it was")
    return report


_KNOWN_MEETINGS = f"""
PREFIX dip: <{ONTOLOGY}>
SELECT ?g ?m ?cls ?p ?aff ?start ?end ?issued WHERE {{
  GRAPH ?g {{
    ?m a ?cls ; dip:participant ?p .
    VALUES ?cls {{ {" ".join(f"dip:{c}" for c in MEETING_CLASS.values())} }}
    OPTIONAL {{ ?p dip:affiliatedWith ?aff }}
    OPTIONAL {{ ?m dip:startDate ?start }}
    OPTIONAL {{ ?m dip:endDate ?end }}
    OPTIONAL {{ ?art a dip:Article ; <http://purl.org/dc/terms/issued> ?issued }}
  }}
}}"""


def load_registry(view: KnowledgeStore, exclude: set[str] = frozenset()) -> MeetingRegistry:  # type: ignore[assignment]
    """The meetings already in the store, so that new articles reuse their IRIs."""
    kinds = {v: k for k, v in MEETING_CLASS.items()}
    grouped: dict[tuple[str, str], dict] = {}
    prefix = GRAPH + "article/"
    for row in view.store.query(_KNOWN_MEETINGS):  # type: ignore[union-attr]
        graph = row["g"].value
        if not graph.startswith(prefix) or graph[len(prefix):] in exclude:
            continue
        entry = grouped.setdefault((graph, row["m"].value), {
            "kind": kinds[row["cls"].value.rpartition("#")[2]], "persons": set(), "wide": set(),
            "start": _date(row["start"]), "end": _date(row["end"]), "issued": _day(row["issued"]),
        })
        entry["persons"].add(row["p"].value)
        entry["wide"].add(row["p"].value)
        if row["aff"] is not None:
            entry["wide"].add(row["aff"].value)
    registry = MeetingRegistry()
    for (graph, iri), e in sorted(grouped.items()):
        registry.known.append(KnownMeeting(
            NamedNode(iri), e["kind"], frozenset(e["wide"]), frozenset(e["persons"]), e["start"], e["end"],
            graph[len(prefix):], e["issued"],
        ))
    return registry


def _date(term: Literal | None) -> DateValue | None:
    if term is None:
        return None
    try:
        return DateValue(term.value)
    except ValueError:
        return None


def _day(term: Literal | None) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(term.value)
    except ValueError:
        return None
