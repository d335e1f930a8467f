"""kg.build: a corpus build maps every article it can, and reports the ones it could not."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.mapper
from kg.build import build_corpus
from kg.facts import ArticleFacts, ArticleMeta
from kg.store import KnowledgeStore


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Peruvian President Rosa Quispe met Chilean President Tomas Berg in Lima.\n")
    (corpus / "b.txt").write_text("Kenyan President Ruto Kamau hosted Ethiopian Prime Minister Abiy Tesfaye.\n")
    (corpus / "sources.yaml").write_text("a.txt: {published: 2024-03-14}\nb.txt: {published: 2024-03-14}\n")
    return corpus


def test_a_mapper_bug_on_one_article_skips_it_and_keeps_the_rest(
        tmp_path: Path, ontology_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = kg.mapper.map_article

    def flaky(text: str, meta: ArticleMeta) -> ArticleFacts:
        if meta.article_id == "b":
            raise KeyError("agr:something")
        return real(text, meta)

    monkeypatch.setattr(kg.mapper, "map_article", flaky)
    report = build_corpus(_corpus(tmp_path), tmp_path / "store", ontology_file)
    assert report.articles == ["a"]
    [(path, message)] = report.failed.items()
    assert path.endswith("b.txt") and "KeyError" in message
    assert KnowledgeStore.open(tmp_path / "store").article_ids() == ["a"]
