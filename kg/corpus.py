"""Reading a corpus directory: ``NAME.txt`` articles plus an optional ``sources.yaml``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import ArticleError, CorpusError
from kg.facts import ArticleMeta

MAX_ARTICLE_BYTES = 5_000_000
_FIELDS = {"title", "publisher", "published", "url", "language"}


@dataclass(frozen=True)
class Article:
    """An article as read from disk: its text (kept exactly) and what is known about it."""

    meta: ArticleMeta
    text: str
    path: Path


def read_sources(path: Path) -> dict[str, ArticleMeta]:
    """Parse ``sources.yaml`` (``NAME.txt: {title, publisher, published, url, language}``)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML: {exc}".replace("\n", " ")) from None
    except ValueError as exc:  # YAML reads 2023-13-45 as a timestamp and fails to build the date
        raise CorpusError(f"{path}: invalid date ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: expected a mapping of article file names to their metadata")
    metas: dict[str, ArticleMeta] = {}
    for name, entry in data.items():
        metas[str(name)] = _meta(str(name), entry or {}, path)
    return metas


def _meta(name: str, entry: Any, path: Path) -> ArticleMeta:
    where = f"{path}: {name}"
    if not isinstance(entry, dict):
        raise CorpusError(f"{where}: expected a mapping with {', '.join(sorted(_FIELDS))}")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise CorpusError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    return ArticleMeta(
        article_id=Path(name).stem,
        title=_text(entry.get("title"), where, "title"),
        publisher=_text(entry.get("publisher"), where, "publisher"),
        published=parse_date(entry.get("published"), f"{where}: published"),
        url=_text(entry.get("url"), where, "url"),
        language=_text(entry.get("language"), where, "language"),
    )


def _text(value: Any, where: str, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise CorpusError(f"{where}: {key} must be text")
    return str(value).strip() or None


def parse_date(value: Any, where: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date (YAML may already have parsed it), or None; anything else is an error."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CorpusError(f"{where}: invalid date {value!r} (expected YYYY-MM-DD)") from None


def read_article(path: Path, meta: ArticleMeta | None = None) -> Article:
    """Read one article file; empty, oversized, unreadable or non-UTF-8 files raise ArticleError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: {len(raw)} bytes is larger than the {MAX_ARTICLE_BYTES}-byte limit")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise ArticleError(f"{path}: the article is empty")
    if "\x00" in text:
        raise ArticleError(f"{path}: contains NUL bytes; not a text article")
    return Article(meta=meta or ArticleMeta(article_id=path.stem), text=text, path=path)


def iter_corpus(directory: Path) -> Iterator[Article]:
    """The corpus's articles in file-name order, each with its sources.yaml metadata."""
    articles = corpus_files(directory)
    sources_path = directory / "sources.yaml"
    metas = read_sources(sources_path) if sources_path.exists() else {}
    names = {p.name for p in articles}
    for name in metas:
        if name not in names:
            raise CorpusError(f"{sources_path}: {name} is listed but there is no such article file")
    for path in articles:
        yield read_article(path, metas.get(path.name))


def corpus_files(directory: Path) -> list[Path]:
    """The ``*.txt`` files of a corpus directory, sorted; a missing or empty directory is an error."""
    if not directory.exists():
        raise CorpusError(f"corpus directory {directory} does not exist")
    if not directory.is_dir():
        raise CorpusError(f"{directory} is not a directory")
    files = sorted(p for p in directory.glob("*.txt") if p.is_file())
    if not files:
        raise CorpusError(f"corpus directory {directory} holds no *.txt articles")
    return files
