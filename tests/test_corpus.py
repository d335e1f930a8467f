"""Reading corpora: bad files and metadata are clear errors, never silently skipped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.corpus import iter_corpus, read_article, read_sources
from kg.errors import ArticleError, CorpusError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seeds_read_with_their_metadata() -> None:
    articles = list(iter_corpus(SEEDS))
    assert len(articles) == 5
    assert articles[1].meta.published == dt.date(2022, 4, 28)
    assert articles[4].meta.url and articles[4].meta.url.startswith("https://")
    assert all(a.text == a.path.read_text(encoding="utf-8") for a in articles)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\xff\xfe bad", "not UTF-8"), (b"a\x00b", "NUL"),
])
def test_broken_articles_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message):
        read_article(path)


def test_missing_article_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "absent.txt")


@pytest.mark.parametrize(("yaml_text", "message"), [
    ("a.txt: {published: 2023-13-45}\n", "invalid date"),
    ("a.txt: {published: yesterday}\n", "invalid date"),
    ("a.txt: {publishd: 2023-01-01}\n", "unknown field"),
    ("- a\n- b\n", "mapping"),
    ("a.txt: {title: [1, 2]}\n", "title must be text"),
    ("a.txt: {published: 2023-01-01\n", "not valid YAML"),
])
def test_bad_sources_yaml(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml_text)
    with pytest.raises(CorpusError, match=message):
        read_sources(path)


def test_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        list(iter_corpus(tmp_path / "missing"))
    with pytest.raises(CorpusError, match=r"no \*\.txt"):
        list(iter_corpus(tmp_path))
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "sources.yaml").write_text("b.txt: {published: 2023-01-01}\n")
    with pytest.raises(CorpusError, match="no such article"):
        list(iter_corpus(tmp_path))
