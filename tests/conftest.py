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
def ontology_file() -> Path:
    return ONTOLOGY_FILE
