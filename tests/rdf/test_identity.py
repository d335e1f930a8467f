"""Identity across articles: the same meeting reported twice gets one IRI; different ones do not."""

from __future__ import annotations

import datetime as dt

from pyoxigraph import NamedNode

from kg.facts import DateValue, Evidence, Meeting, Span
from kg.rdf.identity import MeetingRegistry, actor_iri, slug

EV = Evidence(Span(0, 1, "x"), "test")
XI, RAISI, CHINA, IRAN = (actor_iri(k) for k in ("wd:Q15031", "wd:Q5947347", "wd:Q148", "wd:Q794"))
AFFILIATION = {XI.value: CHINA.value, RAISI.value: IRAN.value}


def _meeting(kind: str = "state_visit", date: str | None = "2023-02-14", end: str | None = "2023-02-16",
             local_id: str = "m1") -> Meeting:
    return Meeting(local_id, kind, ("a", "b"), EV, date=DateValue(date) if date else None,
                   end_date=DateValue(end) if end else None)


def test_slug_is_ascii_and_stable() -> None:
    assert slug("Hossein Amir-Abdollahian") == "hossein-amir-abdollahian"
    assert slug("Brasília") == "brasilia"
    assert actor_iri("person:Li Ming").value.endswith("/actor/person/li-ming")
    assert actor_iri("wd:Q794").value.endswith("/actor/Q794")


def test_same_visit_in_two_articles_is_one_meeting_even_when_one_names_the_country() -> None:
    registry = MeetingRegistry()
    first = registry.resolve(_meeting(), "art0", dt.date(2023, 2, 13), [RAISI, XI], AFFILIATION)
    second = registry.resolve(_meeting(), "art2", dt.date(2023, 2, 14), [RAISI, CHINA], AFFILIATION)
    assert first == second


def test_different_dates_or_kinds_are_different_meetings() -> None:
    registry = MeetingRegistry()
    visit = registry.resolve(_meeting(), "art0", dt.date(2023, 2, 13), [RAISI, XI], AFFILIATION)
    earlier = registry.resolve(_meeting("meeting", "2022-09", None), "art1", dt.date(2023, 2, 13), [RAISI, XI],
                               AFFILIATION)
    call = registry.resolve(_meeting("phone_call"), "art2", dt.date(2023, 2, 14), [RAISI, XI], AFFILIATION)
    assert len({visit.value, earlier.value, call.value}) == 3


def test_two_meetings_with_the_same_content_in_one_article_stay_two() -> None:
    registry = MeetingRegistry()
    a = registry.resolve(_meeting(local_id="m1"), "art0", None, [RAISI, XI], AFFILIATION)
    b = registry.resolve(_meeting(local_id="m2"), "art0", None, [RAISI, XI], AFFILIATION)
    assert a != b


def test_undated_report_joins_only_the_same_participants_published_close_by() -> None:
    registry = MeetingRegistry()
    dated = registry.resolve(_meeting("meeting", "2022-04-27", None), "a", dt.date(2022, 4, 28), [RAISI, XI], {})
    undated = registry.resolve(_meeting("meeting", None, None), "b", dt.date(2022, 4, 27), [RAISI, XI], {})
    much_later = registry.resolve(_meeting("meeting", None, None), "c", dt.date(2022, 9, 1), [RAISI, XI], {})
    assert undated == dated
    assert much_later != dated


def test_iris_are_deterministic() -> None:
    one = MeetingRegistry().resolve(_meeting(), "art0", None, [RAISI, XI], AFFILIATION)
    two = MeetingRegistry().resolve(_meeting(), "art0", None, [XI, RAISI], AFFILIATION)
    assert one == two and isinstance(one, NamedNode)


WANG, ZARIF, ROUHANI = (actor_iri(k) for k in ("wd:Q701801", "wd:Q10296812", "wd:Q348144"))
PEOPLE = {**AFFILIATION, WANG.value: CHINA.value, ZARIF.value: IRAN.value, ROUHANI.value: IRAN.value}


def test_meeting_two_people_of_one_country_is_not_one_meeting() -> None:
    # Wang met Zarif and then Rouhani the same month: sharing Wang and both countries is not enough
    registry = MeetingRegistry()
    talks = registry.resolve(_meeting("meeting", "2021-03", None), "a", dt.date(2022, 7, 11), [WANG, ZARIF], PEOPLE)
    audience = registry.resolve(_meeting("meeting", "2021-03-26", None), "b", dt.date(2021, 3, 27),
                                [WANG, ROUHANI], PEOPLE)
    assert talks != audience


def test_one_article_never_puts_two_of_its_meetings_on_one_iri() -> None:
    # a month-precise report elsewhere overlaps both of this article's meetings; only the first may join it
    registry = MeetingRegistry()
    month = registry.resolve(_meeting("meeting", "2021-03", None), "a", dt.date(2022, 7, 11), [WANG, ZARIF], PEOPLE)
    day1 = registry.resolve(_meeting("meeting", "2021-03-27", None, "m1"), "b", dt.date(2021, 3, 27), [WANG, ZARIF],
                            PEOPLE)
    day2 = registry.resolve(_meeting("meeting", "2021-03-26", None, "m2"), "b", dt.date(2021, 3, 27), [ZARIF, WANG],
                            PEOPLE)
    assert day1 == month
    assert day2 != day1
