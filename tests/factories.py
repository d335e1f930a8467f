"""Small hand-made facts for tests."""

from __future__ import annotations

import datetime as dt

from kg.facts import Actor, Agreement, ArticleFacts, ArticleMeta, DateValue, Evidence, Meeting, Place, Span, Statement


def make_facts(article_id: str = "a1", published: dt.date | None = dt.date(2022, 4, 28), date: str = "2022-04-27",
               speaker_label: str = "Ebrahim Raisi") -> ArticleFacts:
    """One article's facts: a Raisi–Wei meeting in Tehran, one statement, one agreement."""
    text = (
        "Iranian President Ebrahim Raisi met Chinese Defense Minister Wei Fenghe in Tehran on Wednesday. "
        "Raisi said the two countries share positions. Iran and China signed a 25-year agreement in 2021."
    )
    first = text.index(". ") + 1
    s1 = Span(0, first, text[:first])
    second_end = text.index(". ", first + 1) + 1
    s2 = Span(first + 1, second_end, text[first + 1:second_end])
    s3 = Span(second_end + 1, len(text), text[second_end + 1:])
    content_start = text.index("the two countries")
    content = Span(content_start, second_end - 1, text[content_start:second_end - 1])
    facts = ArticleFacts(ArticleMeta(article_id, title="A test article", publisher="Test Wire", published=published,
                                     url="https://example.org/a", language="en"), text)
    facts.actors = {
        "wd:Q5947347": Actor("wd:Q5947347", speaker_label, "person", "Q5947347", ("Raisi",), country="wd:Q794"),
        "wd:Q7929529": Actor("wd:Q7929529", "Wei Fenghe", "person", "Q7929529", country="wd:Q148"),
        "wd:Q794": Actor("wd:Q794", "Iran", "country", "Q794"),
        "wd:Q148": Actor("wd:Q148", "China", "country", "Q148"),
    }
    facts.meetings = [Meeting("m1", "meeting", ("wd:Q5947347", "wd:Q7929529"), Evidence(s1, "test.meeting", 0.9),
                              date=DateValue(date), place=Place("wd:Q3616", "Tehran", "Q3616"))]
    facts.statements = [Statement("s1", ("wd:Q5947347",), content, False, Evidence(s2, "test.said", 0.8),
                                  cue="said", meeting="m1")]
    facts.agreements = [Agreement("g1", "25-year agreement", ("wd:Q794", "wd:Q148"), Evidence(s3, "test.signed", 0.7),
                                  key="cn-ir-25", date=DateValue("2021"), status="signed", duration_years=25)]
    return facts
