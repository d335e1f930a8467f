"""Domain exceptions. The CLI prints them as one line; the web layer maps each to one HTTP status."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error the user can cause and fix."""


class CorpusError(KgError):
    """A corpus directory, article file or sources.yaml entry cannot be used."""


class ArticleError(CorpusError):
    """One article is empty, unreadable or not UTF-8."""


class QueryError(KgError):
    """A query cannot be run as given."""


class QuerySyntaxError(QueryError):
    """The SPARQL text does not parse; ``line``/``column`` locate the problem when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class ForbiddenQuery(QueryError):
    """The query asks for something the endpoint refuses (an update, SERVICE, LOAD…)."""


class QueryTimeout(QueryError):
    """The query ran past the wall-clock limit and was stopped."""


class UnknownQuery(QueryError):
    """No canned query of that name."""


class ParameterError(QueryError):
    """A canned-query parameter is missing or of the wrong type; ``name`` is the parameter."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"parameter {name!r}: {message}")
        self.name = name


class CannedQueryDefinitionError(KgError):
    """A ``queries/*.rq`` file has an invalid header."""


class StoreError(KgError):
    """The store cannot be opened or written."""
