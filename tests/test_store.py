"""The store: generations written atomically, union queries, deterministic dumps that round-trip."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from factories import make_facts

from kg.errors import StoreError
from kg.rdf.identity import MeetingRegistry
from kg.rdf.triples import article_quads
from kg.store import KnowledgeStore, current_generation, write_store
from kg.vocab import ONTOLOGY_GRAPH, article_graph


def _build(location: Path, ontology_file: Path, article_ids: list[str], fresh: bool = True) -> None:
    registry = MeetingRegistry()
    with write_store(location, fresh=fresh) as writer:
        writer.load_ontology(ontology_file)
        for article_id in article_ids:
            writer.replace_article(article_id, article_quads(make_facts(article_id), registry, "test"))


def _graph_quads(view: KnowledgeStore, graph: ox.NamedNode) -> set[str]:
    return {str(q) for q in view.store.quads_for_pattern(None, None, None, graph)}


def test_open_before_build_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="kg build"):
        KnowledgeStore.open(tmp_path / "nothing")


def test_each_article_in_its_own_graph_plus_ontology(tmp_path: Path, ontology_file: Path) -> None:
    _build(tmp_path / "s", ontology_file, ["a1", "a2"])
    view = KnowledgeStore.open(tmp_path / "s")
    graphs = {g.value for g in view.store.named_graphs()}
    assert graphs == {article_graph("a1").value, article_graph("a2").value, ONTOLOGY_GRAPH.value}
    assert view.article_ids() == ["a1", "a2"]


def test_union_default_graph_answers_across_articles(tmp_path: Path, ontology_file: Path) -> None:
    _build(tmp_path / "s", ontology_file, ["a1", "a2"])
    view = KnowledgeStore.open(tmp_path / "s")
    rows = list(view.query(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/diplomacy-kg/ontology#Article> }"))
    assert rows[0]["n"].value == "2"
    # the same meeting reported by both articles has one IRI, with both sources
    rows = list(view.query(
        "PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#> "
        "SELECT ?m (COUNT(DISTINCT ?art) AS ?n) WHERE { ?m a dip:Meeting ; dip:reportedIn ?art } GROUP BY ?m"))
    assert len(rows) == 1 and rows[0]["n"].value == "2"


def test_replacing_an_article_leaves_the_others(tmp_path: Path, ontology_file: Path) -> None:
    location = tmp_path / "s"
    _build(location, ontology_file, ["a1", "a2"])
    before = KnowledgeStore.open(location)
    a2_before = _graph_quads(before, article_graph("a2"))
    changed = make_facts("a1", speaker_label="E. Raisi")
    with write_store(location) as writer:
        writer.replace_article("a1", article_quads(changed, MeetingRegistry(), "test"))
    after = KnowledgeStore.open(location)
    assert after.generation != before.generation
    assert _graph_quads(after, article_graph("a2")) == a2_before
    labels = {q.object.value for q in after.store.quads_for_pattern(
        None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, article_graph("a1"))}
    assert "E. Raisi" in labels and "Ebrahim Raisi" not in labels


def test_failed_write_changes_nothing(tmp_path: Path, ontology_file: Path) -> None:
    location = tmp_path / "s"
    _build(location, ontology_file, ["a1"])
    before = KnowledgeStore.open(location)
    generation, dump = before.generation, before.dump("nq")
    with pytest.raises(RuntimeError), write_store(location) as writer:
        writer.replace_article("a1", [])
        writer.replace_article("a9", article_quads(make_facts("a9"), MeetingRegistry(), "test"))
        raise RuntimeError("mapper crashed half-way")
    after = KnowledgeStore.open(location)
    assert after.generation == generation
    assert after.dump("nq") == dump
    assert len([p for p in location.iterdir() if p.name.startswith("gen-")]) == 1


def test_killed_writer_leaves_the_current_store_intact(tmp_path: Path, ontology_file: Path) -> None:
    location = tmp_path / "s"
    _build(location, ontology_file, ["a1"])
    dump = KnowledgeStore.open(location).dump("nq")
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from pathlib import Path
        from factories import make_facts
        from kg.rdf.identity import MeetingRegistry
        from kg.rdf.triples import article_quads
        from kg.store import write_store
        with write_store(Path({str(location)!r}), fresh=True) as writer:
            writer.replace_article("b1", article_quads(make_facts("b1"), MeetingRegistry(), "test"))
            print("writing", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert KnowledgeStore.open(location).dump("nq") == dump
    # the next write removes the abandoned generation
    _build(location, ontology_file, ["a1"])
    gens = [p.name for p in location.iterdir() if p.name.startswith("gen-")]
    assert current_generation(location) is not None and current_generation(location).name in gens
    assert len(gens) <= 2


def test_second_writer_is_refused_while_one_writes(tmp_path: Path, ontology_file: Path) -> None:
    location = tmp_path / "s"
    _build(location, ontology_file, ["a1"])
    with write_store(location), pytest.raises(StoreError, match="another process"), write_store(location):
        pass


def test_refuses_a_directory_that_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not a diplomacy-kg store"), write_store(tmp_path):
        pass
    assert (tmp_path / "precious.txt").read_text() == "keep me"


@pytest.mark.parametrize(("fmt", "rdflib_format", "with_graphs"), [
    ("ttl", "turtle", False), ("nt", "nt", False), ("trig", "trig", True), ("nq", "nquads", True),
    ("jsonld", "json-ld", True),
])
def test_dumps_round_trip_through_rdflib(tmp_path: Path, ontology_file: Path, fmt: str, rdflib_format: str,
                                         with_graphs: bool) -> None:
    _build(tmp_path / "s", ontology_file, ["a1", "a2"])
    view = KnowledgeStore.open(tmp_path / "s")
    data = view.dump(fmt)  # type: ignore[arg-type]
    assert data
    expected = rdflib.Dataset()
    expected.parse(data=view.dump("nq"), format="nquads")
    if with_graphs:
        parsed = rdflib.Dataset()
        parsed.parse(data=data, format=rdflib_format)
        graphs = {str(g.identifier) for g in parsed.graphs() if len(g)}
        assert graphs == {article_graph("a1").value, article_graph("a2").value, ONTOLOGY_GRAPH.value}
        assert len(parsed) == len(expected)
    else:
        parsed_graph = rdflib.Graph()
        parsed_graph.parse(data=data, format=rdflib_format)
        union = rdflib.Graph()
        for s, p, o, _ in expected.quads((None, None, None, None)):
            union.add((s, p, o))
        assert rdflib.compare.isomorphic(parsed_graph, union)


def test_dump_is_deterministic_whatever_the_insertion_order(tmp_path: Path, ontology_file: Path) -> None:
    _build(tmp_path / "x", ontology_file, ["a1", "a2"])
    _build(tmp_path / "y", ontology_file, ["a2", "a1"])
    for fmt in ("ttl", "trig", "nq", "nt"):
        x = KnowledgeStore.open(tmp_path / "x").dump(fmt)  # type: ignore[arg-type]
        y = KnowledgeStore.open(tmp_path / "y").dump(fmt)  # type: ignore[arg-type]
        assert x == y, fmt
    assert KnowledgeStore.open(tmp_path / "x").dump_gz("ttl") == KnowledgeStore.open(tmp_path / "y").dump_gz("ttl")


def test_a_reader_keeps_its_generation_while_a_writer_replaces_it(tmp_path: Path, ontology_file: Path) -> None:
    location = tmp_path / "s"
    _build(location, ontology_file, ["a1"])
    reader = KnowledgeStore.open(location)
    count = len(reader)
    _build(location, ontology_file, ["a1", "a2"])
    time.sleep(0.05)
    assert len(reader) == count
    assert len(KnowledgeStore.open(location)) > count
