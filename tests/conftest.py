"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import make_facts
from kg.facts import ArticleFacts

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_FILE = PROJECT_ROOT / "ontology" / "diplomacy.ttl"


@pytest.fixture
def facts() -> ArticleFacts:
    return make_facts()


@pytest.fixture
def ontology_file(tmp_path: Path) -> Path:
    """The project's ontology, or a one-line stand-in while it is being written."""
    if ONTOLOGY_FILE.exists():
        return ONTOLOGY_FILE
    stand_in = tmp_path / "ontology.ttl"
    stand_in.write_text('<https://w3id.org/diplomacy-kg/ontology#Meeting> '
                        '<https://w3id.org/diplomacy-kg/ontology#kindCode> "meeting" .\n')
    return stand_in
