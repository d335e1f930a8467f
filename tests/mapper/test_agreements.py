"""Stage 5: agreements — known ones by alias, signed documents, status and date."""

from __future__ import annotations

import datetime as dt

from kg.facts import ArticleMeta
from kg.mapper import map_article


def _agreements(text: str, published: dt.date = dt.date(2024, 5, 2)):
    f = map_article(text, ArticleMeta("t", published=published))
    return f, f.agreements


def test_aliases_resolve_to_one_reference_agreement() -> None:
    f, ags = _agreements("Washington left the 2015 nuclear deal in 2018. Tehran wants to restore the JCPOA, "
                         "and Moscow says the accord can be saved.")
    [a] = ags
    assert a.key == "jcpoa" and str(a.date) == "2015" and a.status == "mentioned"
    assert {f.actors[p].label for p in a.parties} >= {"United States", "Iran"}


def test_signed_document_with_parties_and_date() -> None:
    f, ags = _agreements("Kenya and Peru signed a memorandum of understanding on fisheries on Tuesday.")
    [a] = ags
    assert a.status == "signed" and str(a.date) == "2024-04-30"
    assert "memorandum of understanding on fisheries" in a.name
    assert {f.actors[p].label for p in a.parties} == {"Kenya", "Peru"}


def test_planned_signing() -> None:
    _, ags = _agreements("Chile and Peru will sign cooperation documents during the visit.")
    [a] = ags
    assert a.status == "planned" and a.date is None


def test_verbal_consensus_is_not_an_agreement() -> None:
    _, ags = _agreements("The two sides reached a consensus on expanding trade.")
    assert ags == []
