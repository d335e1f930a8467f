"""Fixtures of the endpoint tests: the fixture store and one `kg serve` process for the session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # webhelpers.py, beside this file

from webhelpers import build_fixture_store, start_server, stop_server


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_store(tmp_path_factory.mktemp("kgstore") / "store")


@pytest.fixture(scope="session")
def server(fixture_store: Path, tmp_path_factory: pytest.TempPathFactory):
    srv = start_server(fixture_store, tmp_path_factory.mktemp("log") / "serve.log")
    yield srv
    stop_server(srv)
