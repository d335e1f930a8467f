"""Memoised access to :mod:`kg.mapper.dates` (several stages read the same sentence's time expressions)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.mapper import dates


@lru_cache(maxsize=4096)
def time_expressions(sentence: str, published: dt.date | None, tense: str | None) -> tuple[dates.TimeExpression, ...]:
    """``dates.find_time_expressions`` as a tuple, cached per (sentence, date, tense)."""
    return tuple(dates.find_time_expressions(sentence, published, tense))  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def tense_of(sentence: str) -> str:
    return dates.detect_tense(sentence)


_WHEN_CLAUSE = re.compile(r"\s*,\s*when\s+[^,;:.()]{0,120}")


def when_clause_time(exprs: tuple[dates.TimeExpression, ...], sentence: str, rel: int) -> dates.TimeExpression | None:
    """The time expression a "when" clause holding offset ``rel`` hangs from: "his first trip since March 2021,
    when he and Zarif signed the agreement" dates the signing March 2021."""
    for e in exprs:
        if e.date and e.end <= rel and _WHEN_CLAUSE.fullmatch(sentence[e.end : rel]):
            return e
    return None
