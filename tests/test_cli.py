"""The `kg` command: the contract verbs, and user errors as one clear line with a non-zero exit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    code, _, err = run("build", "--corpus", str(SEEDS), "--store", str(store))
    assert code == 0, err
    return store


def test_build_reports_progress_and_dump_parses(seed_store: Path) -> None:
    code, out, _ = run("dump", "--format", "ttl", "--store", str(seed_store))
    assert code == 0
    graph = rdflib.Graph()
    graph.parse(data=out, format="turtle")
    assert len(graph) > 100


def test_trig_dump_keeps_one_graph_per_article_plus_ontology(seed_store: Path) -> None:
    code, out, _ = run("dump", "--format", "trig", "--store", str(seed_store))
    assert code == 0
    dataset = rdflib.Dataset()
    dataset.parse(data=out, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    expected = {f"https://w3id.org/diplomacy-kg/graph/article/{p.stem}" for p in SEEDS.glob("*.txt")}
    assert names == expected | {"https://w3id.org/diplomacy-kg/graph/ontology"}


def test_rebuild_gives_identical_dumps(seed_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    assert run("build", "--corpus", str(SEEDS), "--store", str(other))[0] == 0
    for fmt in ("ttl", "trig", "nq"):
        assert run("dump", "--format", fmt, "--store", str(seed_store))[1] == \
            run("dump", "--format", fmt, "--store", str(other))[1]


@pytest.mark.parametrize("name", ["actors", "meetings", "statements", "agreements"])
def test_canned_contract_queries_print_sparql_json(seed_store: Path, name: str) -> None:
    columns = {
        "actors": ["actor", "actorLabel", "type", "wikidata", "article", "articleId"],
        "meetings": ["meeting", "kind", "date", "endDate", "place", "placeLabel", "participant", "participantLabel",
                     "participantWikidata", "article", "articleId"],
        "statements": ["statement", "speaker", "speakerLabel", "speakerWikidata", "text", "direct", "date",
                       "meeting", "article", "articleId"],
        "agreements": ["agreement", "agreementLabel", "date", "party", "partyLabel", "partyWikidata", "article",
                       "articleId"],
    }[name]
    code, out, _ = run("query", "--canned", name, "--format", "json", "--store", str(seed_store))
    assert code == 0
    doc = json.loads(out)
    assert doc["head"]["vars"] == columns
    assert doc["results"]["bindings"], f"{name}: the seeds give no rows"


def test_canned_parameter_restricts_rows(seed_store: Path) -> None:
    article = sorted(SEEDS.glob("*.txt"))[1].stem
    code, out, _ = run("query", "--canned", "actors", "--param", f"articleId={article}", "--format", "json",
                       "--store", str(seed_store))
    assert code == 0
    ids = {b["articleId"]["value"] for b in json.loads(out)["results"]["bindings"]}
    assert ids == {article}


def test_ad_hoc_query_and_file_query(seed_store: Path, tmp_path: Path) -> None:
    query = "ASK { ?s a <https://w3id.org/diplomacy-kg/ontology#Article> }"
    assert run("query", query, "--format", "json", "--store", str(seed_store))[1].strip() == \
        '{"head": {}, "boolean": true}'
    qfile = tmp_path / "q.rq"
    qfile.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    code, out, _ = run("query", "--file", str(qfile), "--format", "csv", "--store", str(seed_store))
    assert code == 0 and out.splitlines()[0] == "n" and int(out.splitlines()[1]) > 100


def test_ingest_adds_and_replaces_an_article(seed_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(seed_store, store, symlinks=True)
    article = tmp_path / "new_article.txt"
    article.write_text("Foreign Minister Ana Ribeiro met Turkish Foreign Minister Kemal Aydin in Ankara on Monday.\n")
    code, _, err = run("ingest", str(article), "--published", "2024-03-06", "--publisher", "Test Wire",
                       "--store", str(store))
    assert code == 0, err
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert run("query", count, "--format", "csv", "--store", str(store))[1].splitlines()[1] == "7"
    code, _, err = run("ingest", str(article), "--published", "2024-03-06", "--store", str(store))
    assert code == 0, err
    assert run("query", count, "--format", "csv", "--store", str(store))[1].splitlines()[1] == "7"
    issued = ("SELECT ?d WHERE { ?a <https://w3id.org/diplomacy-kg/ontology#articleId> \"new_article\" ; "
              "<http://purl.org/dc/terms/issued> ?d }")
    assert run("query", issued, "--format", "csv", "--store", str(store))[1].splitlines()[1] == "2024-03-06"


# --- user errors: one line on stderr, exit code 2, no traceback ---------------------------------------------

def _assert_user_error(code: int, err: str, fragment: str) -> None:
    assert code == 2, err
    assert err.startswith("kg: error: ") and fragment in err
    assert "Traceback" not in err


def test_missing_corpus_directory(tmp_path: Path) -> None:
    code, _, err = run("build", "--corpus", str(tmp_path / "nope"), "--store", str(tmp_path / "s"))
    _assert_user_error(code, err, "does not exist")
    assert not (tmp_path / "s" / "current").exists()


def test_invalid_date_in_sources_yaml(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Some text.")
    (corpus / "sources.yaml").write_text("a.txt: {published: 2023-02-30}\n")
    code, _, err = run("build", "--corpus", str(corpus), "--store", str(tmp_path / "s"))
    _assert_user_error(code, err, "invalid date")


def test_unreadable_article_on_ingest(tmp_path: Path, seed_store: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    code, _, err = run("ingest", str(bad), "--store", str(seed_store))
    _assert_user_error(code, err, "not UTF-8")
    code, _, err = run("ingest", str(tmp_path / "absent.txt"), "--store", str(seed_store))
    _assert_user_error(code, err, "cannot read")


def test_malformed_query_names_line_and_column(seed_store: Path) -> None:
    code, _, err = run("query", "SELECT ?x WHERE { ?x ", "--store", str(seed_store))
    _assert_user_error(code, err, "syntax error")
    assert "1:" in err


def test_unknown_canned_query_lists_the_known_ones(seed_store: Path) -> None:
    code, _, err = run("query", "--canned", "nonsense", "--store", str(seed_store))
    _assert_user_error(code, err, "no canned query 'nonsense'")
    assert "meetings" in err


def test_bad_parameter(seed_store: Path) -> None:
    code, _, err = run("query", "--canned", "actors", "--param", "nope=1", "--store", str(seed_store))
    _assert_user_error(code, err, "'nope'")
    code, _, err = run("query", "--canned", "actors", "--param", "articleId", "--store", str(seed_store))
    _assert_user_error(code, err, "K=V")


def test_query_before_build(tmp_path: Path) -> None:
    code, _, err = run("query", "ASK {}", "--store", str(tmp_path / "empty"))
    _assert_user_error(code, err, "kg build")


def test_bad_env_setting(tmp_path: Path) -> None:
    code, _, err = run("dump", env={"KG_PORT": "x", "KG_STORE": str(tmp_path)})
    _assert_user_error(code, err, "KG_PORT")


def test_validate_passes_on_the_seed_graph(seed_store: Path) -> None:
    code, out, err = run("validate", "--store", str(seed_store))
    assert code == 0, out + err
    assert "conforms" in out


def test_validate_fails_readably_on_a_broken_graph(seed_store: Path, tmp_path: Path) -> None:
    import pyoxigraph as ox

    from kg.store import write_store
    from kg.vocab import DIP, RDF_TYPE, article_graph

    store = tmp_path / "broken"
    shutil.copytree(seed_store, store, symlinks=True)
    article = sorted(SEEDS.glob("*.txt"))[0].stem
    graph = article_graph(article)
    with write_store(store) as writer:
        meeting = next(q.subject for q in writer.store.quads_for_pattern(None, RDF_TYPE, None, graph)
                       if q.object in (DIP.Meeting, DIP.StateVisit, DIP.PhoneCall))
        participants = list(writer.store.quads_for_pattern(meeting, DIP.participant, None, graph))
        for quad in participants[1:]:
            writer.store.remove(quad)
        writer.store.add(ox.Quad(meeting, DIP.participant, ox.Literal("not an actor"), graph))
    code, out, _ = run("validate", "--store", str(store))
    assert code == 1
    assert "participant" in out and meeting.value.rsplit("/", 1)[1] in out


def test_readme_example_query_gives_the_output_shown(seed_store: Path, tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    query = readme.split("--data-urlencode query='", 1)[1].split("'\n```", 1)[0]
    shown = readme.split("```csv\n", 1)[1].split("```", 1)[0]
    qfile = tmp_path / "example.rq"
    qfile.write_text(query, encoding="utf-8")
    code, out, err = run("query", "--file", str(qfile), "--format", "csv", "--store", str(seed_store))
    assert code == 0, err
    assert out.replace("\r\n", "\n") == shown, "README example output is out of date"
