"""Golden tests: the facts we expect in the five seed articles (tests/mapper/golden/*.yaml) are found."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.yaml"))
ALIASES = {"mohammad reza ashtiani": "mohammad-reza gharaei ashtiani"}


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'")
    return ALIASES.get(s, s)


def _tokens(s: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", s.lower().replace("’", "'"))) - {"the", "a", "of", "and", "to", "in"}


def _overlap(a: set[str], b: set[str]) -> float:
    """Token overlap as the shared scorer measures it."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return max(inter / len(a | b), inter / min(len(a), len(b)) * 0.9)


def _load(path: Path) -> tuple[dict, ArticleFacts]:
    exp = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (ROOT / "seeds" / f"{exp['article']}.txt").read_text(encoding="utf-8")
    pub = exp["published"]
    pub = pub if isinstance(pub, dt.date) else dt.date.fromisoformat(str(pub))
    return exp, map_article(text, ArticleMeta(exp["article"], published=pub))


def _labels(f: ArticleFacts, keys: tuple[str, ...]) -> set[str]:
    return {_norm(f.actors[k].label) for k in keys}


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_meetings(path: Path) -> None:
    exp, f = _load(path)
    for m in exp["meetings"]:
        if m.get("known_miss"):
            continue
        want = {_norm(p) for p in m["participants"]}
        hits = [x for x in f.meetings if len(want & _labels(f, x.participants)) >= 2]
        assert hits, f"meeting {m['participants']} not found"
        if m.get("date"):
            assert any(str(x.date).startswith(str(m["date"])) for x in hits), f"date of {m}"
        assert any(x.status == m["status"] for x in hits)
    expected = [m for m in exp["meetings"] if not m.get("known_miss")]
    assert len(f.meetings) <= len(expected) + 1


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_agreements(path: Path) -> None:
    exp, f = _load(path)
    for a in exp["agreements"]:
        ok = [x for x in f.agreements if len(_tokens(a["name"]) & _tokens(x.name)) >= 2
              or ("nuclear" in a["name"] and x.key == "jcpoa")]
        assert ok, f"agreement {a['name']} not found"
        if a.get("date"):
            assert any(str(x.date).startswith(str(a["date"])) for x in ok)
    assert len(f.agreements) == len(exp["agreements"])


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_statements(path: Path) -> None:
    exp, f = _load(path)
    missing = []
    for s in exp["statements"]:
        want = _tokens(s["content"])
        ok = [x for x in f.statements if _norm(s["speaker"]) in _labels(f, x.speakers)
              and _overlap(want, _tokens(x.content.text)) >= 0.5]
        if not ok:
            missing.append(s["content"])
    assert not missing
    assert len(f.statements) <= len(exp["statements"]) + 1


def test_a_person_only_mentioned_as_an_object_is_not_an_actor() -> None:
    from kg.facts import ArticleMeta
    from kg.mapper import map_article

    f = map_article("Kenyan President Ruto Kamau met Ugandan President Joseph Okello in Nairobi on Monday. Ties broke "
                    "down in 2013 after the ouster of Somali President Hassan Farah.", ArticleMeta("t"))
    labels = {a.label for a in f.actors.values()}
    assert "Hassan Farah" not in labels and {"Ruto Kamau", "Joseph Okello"} <= labels
