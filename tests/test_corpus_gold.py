"""The test corpus' gold annotations follow the schema and quote their articles exactly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"
SPLITS = ("dev", "heldout")


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_gold", CORPUS / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_gold = _load_checker()
ARTICLES = [(split, path.stem) for split in SPLITS for path in sorted((CORPUS / split).glob("*.txt"))]


@pytest.mark.parametrize(("split", "article"), ARTICLES, ids=[a for _, a in ARTICLES])
def test_gold_follows_schema_and_quotes_the_article(split: str, article: str) -> None:
    corpus = CORPUS / split
    sources = check_gold.load_sources(corpus)
    problems = check_gold.check_article(corpus / f"{article}.txt", corpus / "gold" / f"{article}.yaml",
                                        sources.get(f"{article}.txt"))
    assert problems == []


@pytest.mark.parametrize("split", SPLITS)
def test_sources_list_every_article(split: str) -> None:
    assert check_gold.check_sources(CORPUS / split) == []


def test_corpus_size_and_naming() -> None:
    dev = sorted(p.stem for p in (CORPUS / "dev").glob("*.txt"))
    heldout = sorted(p.stem for p in (CORPUS / "heldout").glob("*.txt"))
    assert len(dev) >= 17 and len(heldout) >= 7
    assert all(name.startswith("dev_") for name in dev)
    assert all(name.startswith("held_") for name in heldout)
    for split, names in (("dev", dev), ("heldout", heldout)):
        for name in names:
            words = len((CORPUS / split / f"{name}.txt").read_text(encoding="utf-8").split())
            assert 120 <= words <= 1000, (name, words)


def test_checker_catches_problems() -> None:
    text = "Wang Yi met Yerlan Sadykov on Wednesday."
    gold = {
        "article": "x", "published": "2024-03-13",
        "actors": [{"name": "Wang Yi", "type": "person"}],
        "meetings": [{"kind": "talks", "participants": ["Wang Yi", "Yerlan Sadykov"], "date": "2024-13",
                      "place": None, "status": "happened", "evidence": "Wang Yi met Yerlan Sadykov"}],
        "agreements": [],
        "statements": [{"speaker": "Wang Yi", "direct": False, "content": "not in the text",
                        "made_at": "Wang Yi, Yerlan Sadykov/2024-03-13"}],
    }
    problems = check_gold.check_gold(gold, text, "x")
    assert any("'Yerlan Sadykov' is not listed in actors" in p for p in problems)
    assert any("date '2024-13'" in p for p in problems)
    assert any("not an exact substring" in p for p in problems)
    assert any("made_at" in p for p in problems)
    assert check_gold.check_gold({**gold, "article": "y"}, text, "x")[0].startswith("article:")
