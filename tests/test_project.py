"""Project hygiene: the README's commands are what CI runs, the code is ruff-clean, the core never imports
Flask, and the package names no seed article."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```bash", 1)[1].split("```", 1)[0]
    return [line.strip() for line in first_block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_first_screen_has_the_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    assert "kg serve" in commands[0]
    assert ".[test]" in commands[1] and "pytest" in commands[1]
    first_screen = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25]
    assert all(any(c in line for line in first_screen) for c in commands)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is a test extra and must be installed")
    result = subprocess.run([ruff, "check", "kg", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_never_imports_flask() -> None:
    offenders = []
    for path in (ROOT / "kg").rglob("*.py"):
        if "web" in path.relative_to(ROOT / "kg").parts:
            continue
        if re.search(r"^\s*(from|import)\s+flask\b", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_package_names_no_seed_article() -> None:
    stems = [p.stem.split("_", 1)[1] for p in (ROOT / "seeds").glob("*.txt")]
    hits = [str(p.relative_to(ROOT)) for p in (ROOT / "kg").rglob("*")
            if p.is_file() and p.suffix in {".py", ".yaml"} and any(s in p.read_text(encoding="utf-8") for s in stems)]
    assert hits == []


def test_readme_canned_query_table_matches_the_query_files() -> None:
    from kg.queries import load_queries, markdown_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- canned-queries:start", 1)[1].split("-->", 1)[1].split("<!-- canned-queries:end", 1)[0]
    assert section.strip() == markdown_table(load_queries(ROOT / "queries")).strip(), \
        "README is out of date: run `kg queries --markdown` and paste the table"
