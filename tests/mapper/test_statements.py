"""Stage 6: statements — attribution frames, quotes, continuation, relays."""

from __future__ import annotations

import datetime as dt

from kg.facts import ArticleFacts, ArticleMeta
from kg.mapper import map_article


def _facts(text: str) -> ArticleFacts:
    return map_article(text, ArticleMeta("t", published=dt.date(2024, 3, 14)))


def _rows(f: ArticleFacts) -> list[tuple[str, str, bool]]:
    return [("/".join(f.actors[k].label for k in s.speakers), s.content.text, s.direct) for s in f.statements]


def test_reported_after_and_before() -> None:
    f = _facts("Foreign Minister Ana Ribeiro said that trade grew. Ties are strong, Ribeiro said.")
    assert _rows(f) == [("Ana Ribeiro", "trade grew.", False), ("Ana Ribeiro", "Ties are strong", False)]


def test_quote_before_speaker_and_continuation() -> None:
    f = _facts("“We are ready to act,” said Foreign Minister Tomas Berg. “The door is open.”")
    assert _rows(f) == [("Tomas Berg", "We are ready to act", True), ("Tomas Berg", "The door is open.", True)]


def test_unseen_cue_verb_with_that() -> None:
    f = _facts("Foreign Minister Ana Ortega underscored that the corridor would open by spring.")
    assert _rows(f) == [("Ana Ortega", "the corridor would open by spring.", False)]


def test_several_statements_in_one_sentence() -> None:
    f = _facts("Foreign Minister Emre Kaya welcomed the talks, saying they were constructive, "
               "and urged both sides to keep the channel open.")
    texts = [t for _, t, _ in _rows(f)]
    assert len(texts) == 3
    assert texts[0] == "the talks" and texts[1] == "they were constructive"


def test_according_to_agency_is_the_source_only_when_alone() -> None:
    f = _facts("The deal will be signed next week, according to Xinhua.")
    assert _rows(f)[0][0] == "Xinhua News Agency"
    g = _facts("Foreign Minister Ana Ribeiro said the deal was close, according to Xinhua.")
    assert _rows(g) == [("Ana Ribeiro", "the deal was close", False)]
    assert "wd:Q204839" not in g.actors  # a relay is not an actor


def test_pronoun_speaker_and_quoted_fragment_is_direct() -> None:
    f = _facts("Foreign Minister Ana Ribeiro arrived on Monday. She said the visit would “open a new chapter.”")
    assert _rows(f)[0][0] == "Ana Ribeiro" and _rows(f)[0][2] is True


def test_joint_speakers_are_the_meeting_participants() -> None:
    f = _facts("Foreign Minister Ana Ribeiro met Foreign Minister Hakan Demir in Ankara on Wednesday. "
               "The two sides agreed that trade should double.")
    joint = [s for s in f.statements if len(s.speakers) == 2]
    assert joint and joint[0].meeting == f.meetings[0].local_id


def test_content_is_an_exact_span() -> None:
    text = "“Peace matters,” Foreign Minister Ana Ribeiro told reporters. Ribeiro added that talks would resume."
    f = _facts(text)
    for s in f.statements:
        assert text[s.content.start : s.content.end] == s.content.text
        assert text[s.evidence.sentence.start : s.evidence.sentence.end] == s.evidence.sentence.text
