"""Settings: env vars, overrides, and the docs table that lists them all."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from kg.config import Settings

DOCS = Path(__file__).resolve().parent.parent / "docs" / "CONFIG.md"


def test_every_setting_is_documented_with_its_env_var() -> None:
    documented = dict(re.findall(r"^\| `(\w+)` \| `(KG_\w+)` \|", DOCS.read_text(encoding="utf-8"), re.MULTILINE))
    names = {f.name for f in fields(Settings)}
    assert set(documented) == names
    assert all(env == f"KG_{name.upper()}" for name, env in documented.items())


def test_env_vars_are_parsed_by_type_and_overrides_win() -> None:
    env = {"KG_PORT": "8080", "KG_QUERY_TIMEOUT_S": "2.5", "KG_ALLOW_UPDATES": "no",
           "KG_SERVICE_ALLOWLIST": "https://query.wikidata.org/sparql, https://x.org/sparql", "KG_STORE": "/tmp/s"}
    settings = Settings.from_env(env, port=9000)
    assert settings.port == 9000
    assert settings.query_timeout_s == 2.5
    assert settings.allow_updates is False
    assert settings.service_allowlist == ("https://query.wikidata.org/sparql", "https://x.org/sparql")
    assert settings.store == Path("/tmp/s")


def test_bad_env_value_names_the_variable() -> None:
    with pytest.raises(ValueError, match="KG_PORT"):
        Settings.from_env({"KG_PORT": "eighty"})
