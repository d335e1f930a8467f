"""Memoised access to :mod:`kg.mapper.dates` (several stages read the same sentence's time expressions)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from kg.mapper import dates


@lru_cache(maxsize=4096)
def time_expressions(sentence: str, published: dt.date | None, tense: str | None) -> tuple[dates.TimeExpression, ...]:
    """``dates.find_time_expressions`` as a tuple, cached per (sentence, date, tense)."""
    return tuple(dates.find_time_expressions(sentence, published, tense))  # type: ignore[arg-type]


@lru_cache(maxsize=4096)
def tense_of(sentence: str) -> str:
    return dates.detect_tense(sentence)
