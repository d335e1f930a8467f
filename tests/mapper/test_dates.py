"""Tests for kg.mapper.dates: finding time expressions and normalising them against a publication date."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.facts import DateValue
from kg.mapper.dates import TimeExpression, detect_tense, find_dateline, find_time_expressions

MON_2023_02_13 = dt.date(2023, 2, 13)
TUE_2023_02_14 = dt.date(2023, 2, 14)
WED_2023_02_15 = dt.date(2023, 2, 15)
THU_2022_04_28 = dt.date(2022, 4, 28)
SAT_2022_07_30 = dt.date(2022, 7, 30)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def only(sentence: str, published: dt.date | None, tense: str | None = None) -> TimeExpression:
    """The single expression found in `sentence` (fails if there is not exactly one)."""
    found = find_time_expressions(sentence, published, tense)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def dates(sentence: str, published: dt.date | None, tense: str | None = None) -> list[tuple[str, str | None]]:
    """(text, date) for every expression, dates as strings."""
    found = find_time_expressions(sentence, published, tense)  # type: ignore[arg-type]
    return [(e.text, e.date.value if e.date else None) for e in found]


def value(sentence: str, published: dt.date | None, tense: str | None = None) -> str | None:
    expression = only(sentence, published, tense)
    return expression.date.value if expression.date else None


# --------------------------------------------------------------------------------------------------
# Weekdays


class TestWeekdays:
    def test_met_on_wednesday_published_thursday(self) -> None:
        e = only(
            "Iranian President Ebrahim Raisi met Chinese Defense Minister Wei Fenghe in Tehran on Wednesday.",
            THU_2022_04_28,
        )
        assert e.date == DateValue("2022-04-27")
        assert e.kind == "point"
        assert e.text == "Wednesday"
        assert e.date.precision == "day"

    def test_confirmed_on_sunday_published_monday(self) -> None:
        assert (
            value("The foreign ministry confirmed on Sunday that talks would take place.", MON_2023_02_13)
            == "2023-02-12"
        )

    def test_past_report_of_sunday_even_when_sentence_mentions_the_future(self) -> None:
        # the nearest verb ("confirmed") governs, not the "will" further on
        assert (
            value("The ministry confirmed on Sunday that the visit will go ahead.", MON_2023_02_13)
            == "2023-02-12"
        )

    def test_scheduled_tuesday_through_thursday(self) -> None:
        e = only(
            "The visit, scheduled for Tuesday through Thursday, is the first in 20 years.", MON_2023_02_13
        )
        assert e.kind == "range"
        assert e.date == DateValue("2023-02-14")
        assert e.end_date == DateValue("2023-02-16")
        assert e.text == "Tuesday through Thursday"

    def test_begins_visit_on_publication_weekday_is_that_day(self) -> None:
        assert (
            value("Raisi begins his first official visit to China on Tuesday.", TUE_2023_02_14)
            == "2023-02-14"
        )

    def test_phone_conversation_on_friday_published_saturday(self) -> None:
        assert (
            value(
                "Xi told Biden in a phone conversation on Friday that Taiwan was a red line.", SAT_2022_07_30
            )
            == "2022-07-29"
        )

    def test_publication_day_counts_in_the_past(self) -> None:
        assert value("He spoke on Wednesday.", WED_2023_02_15, "past") == "2023-02-15"

    def test_publication_day_counts_in_the_future(self) -> None:
        assert value("He will speak on Wednesday.", WED_2023_02_15, "future") == "2023-02-15"

    def test_future_weekday_is_on_or_after_publication(self) -> None:
        assert value("Wang will travel to Moscow on Monday.", WED_2023_02_15) == "2023-02-20"

    def test_past_weekday_is_on_or_before_publication(self) -> None:
        assert value("Wang travelled to Moscow on Thursday.", WED_2023_02_15) == "2023-02-09"

    def test_last_weekday_is_strictly_before(self) -> None:
        e = only("They met last Tuesday.", TUE_2023_02_14)
        assert e.date == DateValue("2023-02-07")
        assert e.text == "last Tuesday"

    def test_next_weekday_is_strictly_after(self) -> None:
        e = only("They will meet next Tuesday.", TUE_2023_02_14)
        assert e.date == DateValue("2023-02-21")
        assert e.text == "next Tuesday"

    def test_last_friday_from_a_saturday(self) -> None:
        assert value("The talks ended last Friday.", SAT_2022_07_30) == "2022-07-29"

    def test_bare_weekday_without_preposition(self) -> None:
        assert value("Officials said Wednesday the meeting went well.", THU_2022_04_28) == "2022-04-27"

    def test_explicit_tense_overrides_cues(self) -> None:
        assert value("They met on Friday.", WED_2023_02_15, "future") == "2023-02-17"
        assert value("They will meet on Friday.", WED_2023_02_15, "past") == "2023-02-10"

    def test_weekday_with_time_of_day(self) -> None:
        e = only("The ministry said on Monday night that it had no comment.", WED_2023_02_15)
        assert e.text == "Monday night"
        assert e.date == DateValue("2023-02-13")

    def test_weekday_of_last_or_next_week(self) -> None:
        assert dates("Monday last week and Tuesday next week", WED_2023_02_15) == [
            ("Monday last week", "2023-02-06"),
            ("Tuesday next week", "2023-02-21"),
        ]

    def test_weekday_with_explicit_date_is_one_expression(self) -> None:
        e = only("The visit will take place on Monday, February 20.", MON_2023_02_13)
        assert e.text == "Monday, February 20"
        assert e.date == DateValue("2023-02-20")

    def test_weekday_with_date_in_parentheses(self) -> None:
        e = only("Talks will open on Tuesday (Feb 21).", MON_2023_02_13)
        assert e.text == "Tuesday (Feb 21)"
        assert e.date == DateValue("2023-02-21")

    def test_weekday_chooses_the_year_of_a_yearless_date(self) -> None:
        # 12 February was a Sunday in 2023, not in 2024: the weekday picks the year
        assert value("On Sunday, 12 February, the minister said", dt.date(2024, 1, 5)) == "2023-02-12"

    def test_each_clause_has_its_own_tense(self) -> None:
        assert dates("Xi met Putin on Monday and will visit Paris on Friday.", WED_2023_02_15) == [
            ("Monday", "2023-02-13"),
            ("Friday", "2023-02-17"),
        ]

    def test_sentence_initial_weekday_takes_the_verb_after_it(self) -> None:
        assert value("On Monday, Xi will visit Paris.", WED_2023_02_15) == "2023-02-20"
        assert value("On Monday, Xi visited Paris.", WED_2023_02_15) == "2023-02-13"

    def test_verb_after_the_weekday_wins_over_the_sentence(self) -> None:
        # the sentence as a whole is future ("will"), but "on Monday" belongs to "said"
        assert value("On Monday, the ministry said Xi will visit Paris soon.", WED_2023_02_15) == "2023-02-13"

    def test_purpose_clause_does_not_make_it_future(self) -> None:
        assert value("Xi flew to Moscow on Monday to meet Putin.", WED_2023_02_15) == "2023-02-13"

    def test_passive_future(self) -> None:
        assert value("Talks will be held on Monday.", WED_2023_02_15) == "2023-02-20"


# --------------------------------------------------------------------------------------------------
# Months and full dates


class TestMonths:
    def test_month_without_year_past(self) -> None:
        e = only("In December, the two sides signed a memorandum.", MON_2023_02_13)
        assert e.date == DateValue("2022-12")
        assert e.date.precision == "month"
        assert e.text == "December"

    def test_month_without_year_future(self) -> None:
        assert value("The two sides will meet again in September.", MON_2023_02_13) == "2023-09"

    def test_publication_month_counts(self) -> None:
        assert value("They met in February.", MON_2023_02_13) == "2023-02"
        assert value("They will meet in February.", MON_2023_02_13) == "2023-02"

    def test_last_september(self) -> None:
        e = only("They met in Samarkand last September.", MON_2023_02_13)
        assert e.date == DateValue("2022-09")
        assert e.text == "last September"

    def test_last_month_name_is_strictly_before_the_publication_month(self) -> None:
        assert value("They met last February.", MON_2023_02_13) == "2022-02"

    def test_next_march(self) -> None:
        assert value("Talks will resume next March.", MON_2023_02_13) == "2023-03"
        assert value("Talks will resume next February.", MON_2023_02_13) == "2024-02"

    def test_this_month_name(self) -> None:
        assert value("They met this January.", MON_2023_02_13) == "2023-01"

    def test_month_with_relative_year(self) -> None:
        assert value("They met in March last year.", MON_2023_02_13) == "2022-03"
        assert value("They will meet in May next year.", MON_2023_02_13) == "2024-05"

    def test_month_day_without_year_past(self) -> None:
        e = only("The agreement was signed on May 4.", MON_2023_02_13)
        assert e.date == DateValue("2022-05-04")
        assert e.date.precision == "day"

    def test_month_day_without_year_future(self) -> None:
        assert value("The agreement will be signed on May 4.", MON_2023_02_13) == "2023-05-04"

    def test_month_day_on_publication_day(self) -> None:
        assert value("The agreement was signed on Feb 13.", MON_2023_02_13) == "2023-02-13"

    def test_day_month_order(self) -> None:
        assert dates("on 4 May, and on the 4th of May", MON_2023_02_13, "past") == [
            ("4 May", "2022-05-04"),
            ("4th of May", "2022-05-04"),
        ]

    def test_february_29_without_year_goes_to_a_leap_year(self) -> None:
        assert value("They met on Feb 29.", MON_2023_02_13, "past") == "2020-02-29"
        assert value("They will meet on Feb 29.", MON_2023_02_13, "future") == "2024-02-29"

    @pytest.mark.parametrize(
        "text",
        [
            "February 14, 2023",
            "Feb. 14, 2023",
            "14 February 2023",
            "14 Feb 2023",
            "2023-02-14",
            "Feb 14 2023",
            "February 14th, 2023",
            "FEB 14, 2023",
            "Sept. 3, 2023",
        ],
    )
    def test_full_dates(self, text: str) -> None:
        sentence = f"The deal was signed on {text} in Beijing."
        e = only(sentence, dt.date(2023, 3, 1))
        assert e.text == text
        expected = "2023-09-03" if text.startswith("Sept") else "2023-02-14"
        assert e.date == DateValue(expected)

    def test_full_date_ignores_publication_date(self) -> None:
        assert value("It was signed on 14 Feb 2019.", None) == "2019-02-14"

    def test_month_day_takes_year_from_context(self) -> None:
        assert value("It was signed on Feb 14.", dt.date(2023, 3, 1)) == "2023-02-14"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("March 2021", "2021-03"),
            ("March, 2021", "2021-03"),
            ("March of 2021", "2021-03"),
            ("Dec. 2022", "2022-12"),
            ("MAY 2020", "2020-05"),
        ],
    )
    def test_month_year(self, text: str, expected: str) -> None:
        e = only(f"The talks began in {text} in Vienna.", MON_2023_02_13)
        assert e.text == text
        assert e.date == DateValue(expected)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("mid-March", "2022-03"),
            ("early December", "2022-12"),
            ("late May", "2022-05"),
            ("the end of June", "2022-06"),
        ],
    )
    def test_qualified_month_stays_a_month(self, text: str, expected: str) -> None:
        e = only(f"It happened in {text}.", MON_2023_02_13)
        assert (e.text, e.date) == (text, DateValue(expected))

    def test_invalid_dates_are_not_dates(self) -> None:
        assert find_time_expressions("The law of April 31 and February 30, 2023.", MON_2023_02_13) == []

    def test_iso_date_out_of_range(self) -> None:
        assert all(e.date != DateValue("2023-02-29") for e in find_time_expressions("on 2023-02-29", None))


# --------------------------------------------------------------------------------------------------
# Years


class TestYears:
    def test_in_year(self) -> None:
        e = only("Iran and China signed a 25-year agreement in 2021.", THU_2022_04_28)
        assert e.date == DateValue("2021")
        assert e.text == "2021"
        assert e.kind == "point"

    def test_in_year_with_comma(self) -> None:
        assert value("In 2021, the two countries signed a deal.", THU_2022_04_28) == "2021"

    def test_since_year(self) -> None:
        e = only("Talks have stalled since 2019.", THU_2022_04_28)
        assert (e.kind, e.date, e.text) == ("since", DateValue("2019"), "since 2019")

    @pytest.mark.parametrize("word", ["until", "by", "till", "through"])
    def test_until_year(self, word: str) -> None:
        e = only(f"The deal runs {word} 2025.", THU_2022_04_28)
        assert (e.kind, e.date, e.text) == ("until", DateValue("2025"), f"{word} 2025")

    @pytest.mark.parametrize("text", ["early 2021", "late 2021", "mid-2021", "the end of 2021", "mid 2021"])
    def test_qualified_year_stays_a_year(self, text: str) -> None:
        e = only(f"It happened in {text}, officials said.", THU_2022_04_28)
        assert e.text == text
        assert e.date == DateValue("2021")
        assert e.date.precision == "year"

    def test_since_early_year(self) -> None:
        e = only("Relations have improved since early 2021.", THU_2022_04_28)
        assert (e.kind, e.date, e.text) == ("since", DateValue("2021"), "since early 2021")

    @pytest.mark.parametrize(
        ("sentence", "year"),
        [
            ("the 2015 nuclear deal collapsed", "2015"),
            ("The 2021 strategic cooperation treaty was renewed", "2021"),
            ("since the 1979 Islamic Revolution", "1979"),
            ("Iran's 2015 deal with world powers", "2015"),
        ],
    )
    def test_adjectival_years_are_points(self, sentence: str, year: str) -> None:
        found = find_time_expressions(sentence, THU_2022_04_28)
        assert [e.date for e in found if e.date is not None] == [DateValue(year)]

    def test_year_bounds(self) -> None:
        assert dates("in 1899, in 1900, in 2100 and in 2101", None) == [("1900", "1900"), ("2100", "2100")]

    def test_sentence_initial_year(self) -> None:
        assert value("2021 was a difficult year for the talks.", None) == "2021"

    def test_year_range(self) -> None:
        found = find_time_expressions("in 2019-2021 and the 2022-23 budget", None)
        assert [(e.text, e.date, e.end_date, e.kind) for e in found] == [
            ("2019-2021", DateValue("2019"), DateValue("2021"), "range"),
            ("2022-23", DateValue("2022"), DateValue("2023"), "range"),
        ]


# --------------------------------------------------------------------------------------------------
# Relative expressions


class TestRelative:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("today", "2023-02-13"),
            ("yesterday", "2023-02-12"),
            ("tomorrow", "2023-02-14"),
            ("tonight", "2023-02-13"),
            ("this morning", "2023-02-13"),
            ("yesterday afternoon", "2023-02-12"),
            ("last night", "2023-02-12"),
            ("this month", "2023-02"),
            ("last month", "2023-01"),
            ("next month", "2023-03"),
            ("this year", "2023"),
            ("last year", "2022"),
            ("next year", "2024"),
            ("earlier this year", "2023"),
            ("late last year", "2022"),
            ("the end of the year", "2023"),
        ],
    )
    def test_relative_to_publication(self, text: str, expected: str) -> None:
        e = only(f"The minister spoke {text} about it.", MON_2023_02_13)
        assert e.text == text
        assert e.date == DateValue(expected)

    def test_today_capitalised(self) -> None:
        assert value("Today, the talks resume.", MON_2023_02_13) == "2023-02-13"

    def test_newspaper_named_today_is_not_a_date(self) -> None:
        assert dates("USA Today reported the story.", MON_2023_02_13) == []

    def test_this_week_inside_one_month_is_the_month(self) -> None:
        e = only("The envoy arrived this week.", MON_2023_02_13)
        assert e.date == DateValue("2023-02")
        assert e.kind == "point"

    def test_week_across_two_months_is_the_year(self) -> None:
        # Monday 2023-01-30 .. Sunday 2023-02-05
        assert value("The envoy arrived this week.", dt.date(2023, 1, 31)) == "2023"

    def test_week_across_two_years_is_a_range_of_years(self) -> None:
        e = only("The envoy arrived this week.", dt.date(2025, 12, 30))
        assert (e.kind, e.date, e.end_date) == ("range", DateValue("2025"), DateValue("2026"))

    def test_last_and_next_week(self) -> None:
        assert value("They met last week.", MON_2023_02_13) == "2023-02"
        assert value("They met last week.", dt.date(2023, 3, 6)) == "2023"  # Feb 27 .. Mar 5
        assert value("They will meet next week.", dt.date(2023, 2, 27)) == "2023-03"

    def test_never_a_day_for_weeks(self) -> None:
        for published in (MON_2023_02_13, dt.date(2023, 1, 31), dt.date(2024, 7, 3)):
            for e in find_time_expressions("this week, last week and next week", published):
                assert e.date is not None and e.date.precision != "day"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("3 days ago", "2023-02-10"),
            ("a day ago", "2023-02-12"),
            ("two weeks ago", "2023-01"),
            ("a week ago", "2023-02"),
            ("4 months ago", "2022-10"),
            ("five years ago", "2018"),
            ("a decade ago", "2013"),
            ("a few days ago", "2023-02"),
        ],
    )
    def test_ago(self, text: str, expected: str) -> None:
        e = only(f"The deal was signed {text}.", MON_2023_02_13)
        assert e.text == text
        assert e.date == DateValue(expected)

    def test_vague_ago_spanning_months_is_not_made_up(self) -> None:
        # "a few days ago" on 3 March could be February or March: only the year is certain
        assert value("They met a few days ago.", dt.date(2023, 3, 3)) == "2023"

    @pytest.mark.parametrize(
        "sentence",
        ["in recent years", "The two sides recently agreed", "in the coming weeks", "over the past year"],
    )
    def test_vague_periods_are_not_time_expressions(self, sentence: str) -> None:
        assert find_time_expressions(sentence, MON_2023_02_13) == []

    def test_weekends(self) -> None:
        found = find_time_expressions("They met over the weekend and will meet next weekend.", WED_2023_02_15)
        assert [(e.text, e.date, e.end_date, e.kind) for e in found] == [
            ("the weekend", DateValue("2023-02-11"), DateValue("2023-02-12"), "range"),
            ("next weekend", DateValue("2023-02-18"), DateValue("2023-02-19"), "range"),
        ]

    def test_since_and_until_relative(self) -> None:
        found = find_time_expressions("since last year; until next month; since Monday", WED_2023_02_15)
        assert [(e.text, e.date, e.kind) for e in found] == [
            ("since last year", DateValue("2022"), "since"),
            ("until next month", DateValue("2023-03"), "until"),
            ("since Monday", DateValue("2023-02-13"), "since"),
        ]


# --------------------------------------------------------------------------------------------------
# Ranges


class TestRanges:
    @pytest.mark.parametrize(
        "text",
        [
            "Tuesday through Thursday",
            "Tuesday to Thursday",
            "from Tuesday to Thursday",
            "Tuesday-Thursday",
            "between Tuesday and Thursday",
            "Tuesday until Thursday",
        ],
    )
    def test_weekday_ranges(self, text: str) -> None:
        e = only(f"The visit is scheduled for {text}.", MON_2023_02_13)
        assert e.text == text
        assert (e.kind, e.date, e.end_date) == ("range", DateValue("2023-02-14"), DateValue("2023-02-16"))

    def test_weekday_range_end_rolls_forward(self) -> None:
        e = only("The talks ran Friday to Monday.", TUE_2023_02_14)
        assert (e.date, e.end_date) == (DateValue("2023-02-10"), DateValue("2023-02-13"))

    @pytest.mark.parametrize(
        "text",
        [
            "May 3-5",
            "May 3 to 5",
            "from May 3 to 5",
            "May 3–5",
            "3-5 May",
            "3 to 5 May",
            "between May 3 and 5",
            "between 3 and 5 May",
        ],
    )
    def test_day_ranges(self, text: str) -> None:
        e = only(f"The conference will be held {text} in Astana.", MON_2023_02_13)
        assert e.text == text
        assert (e.kind, e.date, e.end_date) == ("range", DateValue("2023-05-03"), DateValue("2023-05-05"))

    def test_day_range_with_year(self) -> None:
        e = only("It was held May 3-5, 2021.", MON_2023_02_13)
        assert (e.date, e.end_date) == (DateValue("2021-05-03"), DateValue("2021-05-05"))

    def test_day_range_across_months(self) -> None:
        e = only("The summit ran from 30 May to 2 June 2022.", MON_2023_02_13)
        assert e.text == "from 30 May to 2 June 2022"
        assert (e.date, e.end_date) == (DateValue("2022-05-30"), DateValue("2022-06-02"))

    def test_range_across_new_year_without_year(self) -> None:
        e = only("The talks were held December 30 to January 2.", MON_2023_02_13)
        assert (e.date, e.end_date) == (DateValue("2022-12-30"), DateValue("2023-01-02"))

    def test_range_start_takes_the_year_of_the_end(self) -> None:
        e = only("The exercises ran December to February 2023.", dt.date(2024, 6, 1))
        assert (e.date, e.end_date) == (DateValue("2022-12"), DateValue("2023-02"))

    def test_between_relative_months(self) -> None:
        e = only("Trade rose between March last year and January this year.", MON_2023_02_13)
        assert e.text == "between March last year and January this year"
        assert (e.kind, e.date, e.end_date) == ("range", DateValue("2022-03"), DateValue("2023-01"))

    def test_month_ranges(self) -> None:
        e = only("Talks ran from March to May.", dt.date(2023, 6, 1))
        assert (e.date, e.end_date) == (DateValue("2023-03"), DateValue("2023-05"))

    def test_year_ranges_in_words(self) -> None:
        assert [
            (e.text, e.date, e.end_date)
            for e in find_time_expressions("between 2019 and 2021, from 2019 to 2021", None)
        ] == [
            ("between 2019 and 2021", DateValue("2019"), DateValue("2021")),
            ("from 2019 to 2021", DateValue("2019"), DateValue("2021")),
        ]

    def test_and_without_between_is_two_points(self) -> None:
        found = find_time_expressions("They met on Monday and Tuesday.", WED_2023_02_15)
        assert [(e.text, e.kind) for e in found] == [("Monday", "point"), ("Tuesday", "point")]

    def test_range_end_never_before_start(self) -> None:
        for published in (MON_2023_02_13, dt.date(2022, 12, 31), dt.date(2024, 2, 29)):
            for sentence in (
                "Sunday to Saturday",
                "December 30 to January 2",
                "from November to February",
                "May 30 to June 2",
                "Saturday through Monday",
            ):
                for tense in ("past", "future"):
                    e = only(sentence, published, tense)
                    assert e.kind == "range" and e.date is not None and e.end_date is not None
                    assert e.end_date.first_day() >= e.date.first_day(), (sentence, published, tense)


# --------------------------------------------------------------------------------------------------
# Anaphoric expressions


class TestAnaphoric:
    @pytest.mark.parametrize(
        "text",
        [
            "earlier in the day",
            "later in the day",
            "the same day",
            "later that day",
            "the next day",
            "the following day",
            "the previous day",
            "the day before",
        ],
    )
    def test_anaphoric(self, text: str) -> None:
        e = only(f"The minister met the envoy {text}.", MON_2023_02_13)
        assert (e.text, e.date, e.end_date, e.kind) == (text, None, None, "relative_anaphoric")

    def test_the_next_day_is_not_a_future_cue(self) -> None:
        assert detect_tense("The next day, the two sides met again.") == "past"


# --------------------------------------------------------------------------------------------------
# Without a publication date


class TestNoPublicationDate:
    @pytest.mark.parametrize(
        ("phrase", "text"),
        [
            ("on Wednesday", "Wednesday"),
            ("last Friday", "last Friday"),
            ("last year", "last year"),
            ("on May 4", "May 4"),
            ("in December", "December"),
            ("3 days ago", "3 days ago"),
            ("this week", "this week"),
            ("yesterday", "yesterday"),
            ("next March", "next March"),
            ("over the weekend", "the weekend"),
        ],
    )
    def test_relative_expressions_are_returned_without_a_date(self, phrase: str, text: str) -> None:
        e = only(f"They met {phrase}, officials said.", None)
        assert e.text == text
        assert e.date is None
        assert e.end_date is None

    def test_range_without_publication_date(self) -> None:
        e = only("The visit is scheduled for Tuesday through Thursday.", None)
        assert (e.kind, e.date, e.end_date) == ("range", None, None)

    def test_explicit_dates_still_resolve(self) -> None:
        assert dates("in 2021, in March 2021, on February 14, 2023", None) == [
            ("2021", "2021"),
            ("March 2021", "2021-03"),
            ("February 14, 2023", "2023-02-14"),
        ]


# --------------------------------------------------------------------------------------------------
# Things that are not dates


class TestNonMatches:
    @pytest.mark.parametrize(
        "sentence",
        [
            "The deal is worth $12.7 billion.",
            "A 20-year-old man was arrested.",
            "They signed a 25-year agreement.",
            "He is on a three-day visit.",
            "They marked the 44th anniversary.",
            "It may take years.",
            "May I ask a question?",
            "Theresa May said the talks were over.",
            "Pressure on May's government grew.",
            "The deal could be approved by May.",
            "March organisers said thousands joined.",
            "They sent 2000 troops.",
            "Vision 2030 is a reform plan.",
            "The strike began at 1400 GMT.",
            "Growth was 2021 percent.",
            "The 1990s were different.",
            "Call 2021-555.",
        ],
    )
    def test_not_dates(self, sentence: str) -> None:
        assert find_time_expressions(sentence, MON_2023_02_13) == []

    @pytest.mark.parametrize("cue", ["in", "on", "last", "next", "since", "early", "late"])
    def test_may_with_a_cue_is_the_month(self, cue: str) -> None:
        e = only(f"It happened {cue} May.", MON_2023_02_13, "past")
        assert e.date is not None and e.date.value.endswith("-05")

    def test_lowercase_months_and_weekdays_are_ignored(self) -> None:
        assert find_time_expressions("the march on monday", MON_2023_02_13) == []

    def test_in_march_is_a_month(self) -> None:
        assert value("It happened in March.", MON_2023_02_13) == "2022-03"


# --------------------------------------------------------------------------------------------------
# Text handling


class TestText:
    def test_offsets_slice_back(self) -> None:
        sentence = "On Monday, Raisi said that since 2019, between March last year and May 3-5, it grew."
        found = find_time_expressions(sentence, MON_2023_02_13)
        assert [e.text for e in found] == ["Monday", "since 2019", "March last year", "May 3-5"]
        for e in found:
            assert sentence[e.start : e.end] == e.text

    def test_left_to_right_and_non_overlapping(self) -> None:
        sentence = "Yesterday, in 2021, last Friday and on May 4, 2020 and early next year."
        found = find_time_expressions(sentence, MON_2023_02_13)
        assert [e.text for e in found] == [
            "Yesterday",
            "2021",
            "last Friday",
            "May 4, 2020",
            "early next year",
        ]
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))

    def test_non_breaking_spaces_and_odd_whitespace(self) -> None:
        sentence = "They met on\u00a0Wednesday, on May\u202f4 and on 14\u2009Feb\n2023."
        found = find_time_expressions(sentence, dt.date(2022, 5, 12))
        assert [(e.text, e.date) for e in found] == [
            ("Wednesday", DateValue("2022-05-11")),
            ("May\u202f4", DateValue("2022-05-04")),
            ("14\u2009Feb\n2023", DateValue("2023-02-14")),
        ]

    def test_curly_quotes_and_dashes(self) -> None:
        sentence = "\u201cOn Wednesday,\u201d he said, the 3\u20135 May talks go on \u2019til 2025."
        found = find_time_expressions(sentence, dt.date(2023, 2, 16))
        assert [(e.text, e.kind) for e in found] == [
            ("Wednesday", "point"),
            ("3\u20135 May", "range"),
            ("\u2019til 2025", "until"),
        ]
        assert found[0].date == DateValue("2023-02-15")

    def test_uppercase_dateline_style(self) -> None:
        assert value("TEHRAN, MAY 4, 2022", None) == "2022-05-04"

    def test_empty_and_dateless_sentences(self) -> None:
        assert find_time_expressions("", MON_2023_02_13) == []
        assert find_time_expressions("Raisi said the two countries share positions.", MON_2023_02_13) == []


# --------------------------------------------------------------------------------------------------
# Tense detection


class TestDetectTense:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Xi will visit Moscow.",
            "Xi is expected to visit Moscow.",
            "The visit is scheduled for March.",
            "The talks are set to resume.",
            "Iran plans to host the summit.",
            "The minister is due to arrive in Beijing.",
            "Talks will resume next month.",
            "Ahead of the upcoming summit, officials met.",
            "Xi is to visit Moscow.",
            "Wang said Xi is to travel to Moscow.",
            "The delegation will\u00a0arrive on Monday.",
            "They\u2019ll meet again.",
        ],
    )
    def test_future(self, sentence: str) -> None:
        assert detect_tense(sentence) == "future"

    @pytest.mark.parametrize(
        "sentence",
        [
            "Raisi met Wei in Tehran on Wednesday.",
            "The two sides signed the deal in 2021.",
            "Xi flew to Moscow to meet Putin.",
            "The political will to act was lacking.",
            "The next day, the ministers met again.",
            "Raisi begins his first official visit to China.",
            "",
        ],
    )
    def test_past(self, sentence: str) -> None:
        assert detect_tense(sentence) == "past"


# --------------------------------------------------------------------------------------------------
# Datelines


class TestDateline:
    def test_wire_dateline_takes_year_from_publication(self) -> None:
        assert find_dateline(
            "ANKARA, May 4 (Reuters) \u2013 Turkey said on Wednesday", dt.date(2022, 5, 4)
        ) == DateValue("2022-05-04")

    def test_wire_dateline_near_new_year(self) -> None:
        assert find_dateline("BEIJING, Dec 31 (Reuters) - China said", dt.date(2023, 1, 1)) == DateValue(
            "2022-12-31"
        )

    def test_wire_dateline_without_publication_date(self) -> None:
        assert find_dateline("ANKARA, May 4 (Reuters) \u2013 Turkey said") is None

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Iran and China sign pact\n14 Feb 2023\nTehran - The two sides", "2023-02-14"),
            ("date 2023-02-13\nThe foreign ministry said", "2023-02-13"),
            ("Feb. 14, 2023 \u2014 Iran's president arrived", "2023-02-14"),
            ("Monday, 13 February 2023 10:42 GMT", "2023-02-13"),
            ("Updated: February 13, 2023\nBy staff", "2023-02-13"),
        ],
    )
    def test_full_date_at_top(self, text: str, expected: str) -> None:
        assert find_dateline(text) == DateValue(expected)
        assert find_dateline(text, dt.date(2020, 1, 1)) == DateValue(expected)

    def test_only_the_head_is_read(self) -> None:
        text = "Headline\n" + "word " * 80 + "14 Feb 2023"
        assert find_dateline(text) is None

    def test_no_dateline(self) -> None:
        assert find_dateline("Iran and China discussed trade.", dt.date(2023, 2, 13)) is None
        assert find_dateline("In 2021 the two signed a deal.", dt.date(2023, 2, 13)) is None

    def test_body_month_day_without_dateline_shape_is_not_a_dateline(self) -> None:
        assert find_dateline("The ministers met on May 4 in Ankara.", dt.date(2022, 5, 10)) is None


# --------------------------------------------------------------------------------------------------
# Properties

publication_dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=300, deadline=None)
@given(published=publication_dates, weekday=st.sampled_from(WEEKDAYS))
def test_past_weekday_is_within_the_week_up_to_publication(published: dt.date, weekday: str) -> None:
    e = only(f"The two ministers met on {weekday}.", published)
    assert e.date is not None and e.date.precision == "day"
    day = e.date.first_day()
    assert published - dt.timedelta(days=6) <= day <= published
    assert day.weekday() == WEEKDAYS.index(weekday)


@settings(max_examples=300, deadline=None)
@given(published=publication_dates, weekday=st.sampled_from(WEEKDAYS))
def test_future_weekday_is_within_the_week_from_publication(published: dt.date, weekday: str) -> None:
    e = only(f"The two ministers will meet on {weekday}.", published)
    assert e.date is not None
    day = e.date.first_day()
    assert published <= day <= published + dt.timedelta(days=6)
    assert day.weekday() == WEEKDAYS.index(weekday)


@settings(max_examples=200, deadline=None)
@given(published=publication_dates, month=st.integers(1, 12), tense=st.sampled_from(["past", "future"]))
def test_month_without_year_is_within_a_year_of_publication(
    published: dt.date, month: int, tense: str
) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    e = only(f"It happened in {name}.", published, tense)
    assert e.date is not None and e.date.precision == "month"
    start = e.date.first_day()
    assert start.month == month
    months_away = (start.year - published.year) * 12 + start.month - published.month
    assert (-11 <= months_away <= 0) if tense == "past" else (0 <= months_away <= 11)


_PIECES = st.sampled_from(
    [
        "May",
        "March",
        "Monday",
        "Friday",
        "last",
        "next",
        "this",
        "since",
        "from",
        "to",
        "and",
        "between",
        "until",
        "2021",
        "1979",
        "2019-2021",
        "Feb.",
        "14",
        "3",
        "31",
        "29",
        "-",
        "\u2013",
        "ago",
        "days",
        "weeks",
        "a few",
        "the",
        "week",
        "year",
        "weekend",
        "early",
        "mid-",
        "by",
        "today",
        "Today",
        "$",
        ",",
        ".",
        "(",
        ")",
        "\u00a0",
        "\u2019s",
        "'til",
        "the same day",
        "2023-02-14",
        "earlier",
        "in",
        "on",
        "of",
    ]
)
_SENTENCES = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=14).map(" ".join),
    st.lists(_PIECES, max_size=14).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(
    sentence=_SENTENCES,
    published=st.one_of(st.none(), st.dates()),
    tense=st.sampled_from([None, "past", "future"]),
)
def test_never_raises_and_offsets_are_consistent(
    sentence: str, published: dt.date | None, tense: str | None
) -> None:
    found = find_time_expressions(sentence, published, tense)  # type: ignore[arg-type]
    previous_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(sentence)
        assert sentence[e.start : e.end] == e.text
        assert e.start >= previous_end  # left to right, never overlapping
        previous_end = e.end
        assert e.kind in ("point", "range", "since", "until", "relative_anaphoric")
        if e.kind != "range":
            assert e.end_date is None
        if e.kind == "relative_anaphoric":
            assert e.date is None


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), published=st.one_of(st.none(), st.dates()))
def test_dateline_never_raises(text: str, published: dt.date | None) -> None:
    result = find_dateline(text, published)
    assert result is None or result.precision == "day"


def test_purpose_clause_after_a_past_trigger_stays_past() -> None:
    # "received … on Monday to discuss": the infinitive of purpose does not make the meeting future
    for sentence in ("The president received the envoy on Monday to discuss the border crisis.",
                     "Lula phoned his counterpart on Friday to discuss trade."):
        assert detect_tense(sentence) == "past", sentence
