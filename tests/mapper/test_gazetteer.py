"""kg.mapper.gazetteer: the reference data compiled for the mapper."""

from __future__ import annotations

from kg.mapper.gazetteer import load, slug


def test_a_capital_spelt_two_ways_is_labelled_as_the_capital() -> None:
    # "Brasília" and its metonym "Brasilia" share one place key; the label must not depend on set order
    g = load()
    for e in g.entities.values():
        if e.type == "country" and e.capital:
            place = g.entity(f"place:{slug(e.capital)}")
            if place is not None and place.country == e.key:
                assert place.label == e.capital, (e.label, place.label)
