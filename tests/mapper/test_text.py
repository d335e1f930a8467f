"""Stage 1: noise and sentence segmentation keep original offsets."""

from __future__ import annotations

from kg.mapper.text import find_noise, split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start : s.end] == s.text
    return [s.text for s in sents]


def test_abbreviations_do_not_split() -> None:
    text = "Sen. Ana Lima (D-Ore.) met Gen. Tomas Berg in the U.S. capital. They talked for an hour."
    assert _texts(text) == [
        "Sen. Ana Lima (D-Ore.) met Gen. Tomas Berg in the U.S. capital.",
        "They talked for an hour.",
    ]


def test_weak_abbreviation_before_sentence_starter_splits() -> None:
    assert _texts("Trade fell in the U.S. The minister said so.") == ["Trade fell in the U.S.", "The minister said so."]


def test_initials_and_coop_headline() -> None:
    text = "Brazil Ready for Mutual Coop. to Boost Ties\nJ. K. Mendes arrived on Monday."
    assert _texts(text) == ["Brazil Ready for Mutual Coop. to Boost Ties", "J. K. Mendes arrived on Monday."]


def test_quotes_are_not_split_open() -> None:
    text = "“We agree. We will act,” said Mendes. Then he left."
    assert _texts(text) == ["“We agree. We will act,” said Mendes.", "Then he left."]


def test_headline_without_punctuation_is_a_sentence() -> None:
    text = "Kenya and Peru sign trade pact\n\nThe two countries signed a pact on Monday."
    sents = split_sentences(text)
    assert [s.headline for s in sents] == [True, False]
    assert sents[1].para == 1


def test_noise_lines_yield_no_sentences() -> None:
    text = (
        "Ortega met Kaya in Lima.\n\nCLICK HERE TO GET THE APP\n\nRead more\nSponsor: ACME\n"
        "Add new comment\n\nThe Associated Press contributed to this report."
    )
    assert _texts(text) == ["Ortega met Kaya in Lima."]
    assert all(text[a:b].strip() for a, b in find_noise(text))


def test_disclaimer_paragraph_and_inline_caption_are_noise() -> None:
    text = (
        "Mendes (left) meets Kaya in Lima on Monday. (Photo: Agencies)\n"
        "The information is being included by the Hub not as an endorsement of the government."
    )
    assert _texts(text) == ["Mendes", "meets Kaya in Lima on Monday."]


def test_bylines_editor_lines_and_author_notes_are_noise() -> None:
    text = ("Source: Wire | Editor: Huang Wei | 2024-11-18 21:47:05\n\nTalks went well.\n\n"
            "Ana Lima, Senior Fellow, Centre for Andean Studies\n\n[Editor: Huang Wei]\n\n"
            "About the author: Ana Lima is a fellow at the centre.\nReporting by Ana Lima; Editing by Tomas Berg\n")
    assert _texts(text) == ["Talks went well."]
