"""End-to-end extraction quality on our own dev corpus: build → contract queries → scorer.

The floors are the scores the mapper has reached (docs/EVALUATION.md), so that a change that loses
recall or precision fails here. The held-out corpus is deliberately not asserted on: it is the final
check that nobody tunes against (docs/EVALUATION.md records its scores).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluation import Report, evaluate_corpus

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "corpus" / "dev"

FLOORS = {"actors": 0.92, "meetings": 0.91, "statements": 0.90, "agreements": 0.90}


@pytest.fixture(scope="module")
def dev_report() -> Report:
    return evaluate_corpus(DEV, DEV / "gold", ROOT / "ontology" / "diplomacy.ttl", ROOT / "queries")


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_dev_corpus_f1_floor(dev_report: Report, category: str) -> None:
    tally = dev_report.tally(category)
    assert tally.f1 >= FLOORS[category], f"{category}: F1 {tally.f1:.2f} (P {tally.precision:.2f} R {tally.recall:.2f})"


def test_no_wrong_wikidata_links(dev_report: Report) -> None:
    assert dev_report.wikidata.wrong == 0


def test_meeting_dates_mostly_right(dev_report: Report) -> None:
    assert (dev_report.meeting_dates.value or 0) >= 0.85
