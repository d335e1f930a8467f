"""Properties: map_article never raises, and every span slices the original text back to its text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article

WORDS = ["Iran", "China", "said", "met", "with", "President", "Ana", "Ribeiro", "“", "”", '"', ",", ".", "\n",
         "signed", "agreement", "the", "two", "sides", "visit", "to", "Tehran", "on", "Monday", "according", "he",
         "Sen.", "U.S.", "Minister", "Foreign", "(", ")", "-", "’s", "welcomed", "called", "for", "phone", "call"]


def _check(text: str, f: ArticleFacts) -> None:
    spans = [m.span for m in f.mentions] + [s.content for s in f.statements]
    evidence = [m.evidence for m in f.mentions] + [x.evidence for x in (*f.meetings, *f.agreements, *f.statements,
                                                                        *f.positions)]
    spans += [e.sentence for e in evidence]
    for sp in spans:
        assert text[sp.start : sp.end] == sp.text
    for e in evidence:
        assert 0.0 <= e.confidence <= 1.0 and e.rule
    for m in f.meetings:
        assert len(m.participants) >= (1 if m.kind == "summit" else 2) and all(p in f.actors for p in m.participants)
    for s in f.statements:
        assert s.speakers and all(p in f.actors for p in s.speakers)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text, map_article(text, ArticleMeta("x", published=dt.date(2023, 1, 1))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join), st.none() | st.dates())
def test_newsy_text_spans_slice_back(text: str, published: dt.date | None) -> None:
    _check(text, map_article(text, ArticleMeta("x", published=published)))


def test_every_corpus_article_maps_and_keeps_its_spans() -> None:
    """Real article shapes beyond the generated ones: each article of the test corpus maps without raising (its gold
    is not read here)."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    paths = sorted(corpus.glob("*/*.txt"))
    assert len(paths) >= 40
    for path in paths:
        text = path.read_text(encoding="utf-8")
        _check(text, map_article(text, ArticleMeta(path.stem, published=dt.date(2024, 1, 15))))
