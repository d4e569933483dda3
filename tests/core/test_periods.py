"""Tests for pcplan.core.periods: UK financial years, quarters and period texts."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcplan.core.periods import (
    FinancialYear,
    PeriodError,
    Quarter,
    QuarterSpan,
    financial_year_end,
    parse_period,
)

ACCEPTED_FORMS = (
    "expected a form such as "
    "'Q4 2022/23', '2022/23 Q3/Q4', 'Q1/Q2, 2023/24' or 'Q4 2022/23 – Q1 2023/24'"
)

years = st.integers(min_value=1990, max_value=2100).map(FinancialYear)
quarters = st.builds(Quarter, years, st.integers(min_value=1, max_value=4))
spans = st.tuples(quarters, quarters).map(lambda pair: QuarterSpan(*sorted(pair)))
dates = st.dates(min_value=date(1990, 4, 1), max_value=date(2101, 3, 31))


def q(number: int, start_year: int) -> Quarter:
    return Quarter(FinancialYear(start_year), number)


# --------------------------------------------------------------------------- seed forms


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Q4 2022/23", date(2023, 1, 1), date(2023, 3, 31)),
        ("2022/23 Q4", date(2023, 1, 1), date(2023, 3, 31)),
        ("2022-23 Q4", date(2023, 1, 1), date(2023, 3, 31)),
        ("Q4 2022-23", date(2023, 1, 1), date(2023, 3, 31)),
        ("Q1/Q2, 2023/24", date(2023, 4, 1), date(2023, 9, 30)),
        ("2022/23 Q3/Q4", date(2022, 10, 1), date(2023, 3, 31)),
        ("Q1 2023/24", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023/24 Q2/Q3", date(2023, 7, 1), date(2023, 12, 31)),
        ("Q3-Q4 2022/23", date(2022, 10, 1), date(2023, 3, 31)),
        ("Q1/Q2/Q3 2023/24", date(2023, 4, 1), date(2023, 12, 31)),
        ("Q4 2022/23 - Q1 2023/24", date(2023, 1, 1), date(2023, 6, 30)),
        ("Q4 2022/23 \u2013 Q1 2023/24", date(2023, 1, 1), date(2023, 6, 30)),
        ("Q4 2022/23 to Q1 2023/24", date(2023, 1, 1), date(2023, 6, 30)),
        ("2022/23 Q4 - 2023/24 Q1", date(2023, 1, 1), date(2023, 6, 30)),
    ],
)
def test_every_seed_form_parses_to_the_right_dates(text: str, start: date, end: date) -> None:
    span = QuarterSpan.parse(text)
    assert span.start == start
    assert span.end == end


def test_q4_2022_23_ends_on_31_march_2023() -> None:
    span = parse_period("Q4 2022/23")
    assert span == QuarterSpan.single(q(4, 2022))
    assert span.start == date(2023, 1, 1)
    assert span.end == date(2023, 3, 31)


def test_2022_23_q3_q4_runs_from_1_october_2022_to_31_march_2023() -> None:
    span = parse_period("2022/23 Q3/Q4")
    assert span == QuarterSpan(q(3, 2022), q(4, 2022))
    assert (span.start, span.end) == (date(2022, 10, 1), date(2023, 3, 31))


def test_q1_q2_comma_2023_24_runs_from_1_april_to_30_september_2023() -> None:
    span = parse_period("Q1/Q2, 2023/24")
    assert span == QuarterSpan(q(1, 2023), q(2, 2023))
    assert (span.start, span.end) == (date(2023, 4, 1), date(2023, 9, 30))


def test_a_span_across_years_runs_from_the_first_quarter_to_the_last() -> None:
    span = parse_period("Q4 2022/23 - Q1 2023/24")
    assert span == QuarterSpan(q(4, 2022), q(1, 2023))
    assert span.quarters() == [q(4, 2022), q(1, 2023)]


@pytest.mark.parametrize(
    "text",
    [
        "  Q4   2022/23  ",
        "q4 2022/23",
        "Q4 2022\u201323",
        "Q4 2022 / 23",
        "Q4 2022/2023",
        "2022/23, Q4",
        "2022\u201323\u00a0q4",
    ],
)
def test_spaces_case_en_dashes_and_four_digit_second_years_are_tolerated(text: str) -> None:
    assert parse_period(text) == QuarterSpan.single(q(4, 2022))


# --------------------------------------------------------------------------- bad input


def assert_rejected(text: str) -> str:
    with pytest.raises(PeriodError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert repr(text) in message
    assert ACCEPTED_FORMS in message
    return message


def test_q5_is_rejected_with_a_message_naming_the_text() -> None:
    message = assert_rejected("Q5 2022/23")
    assert message.startswith(
        "'Q5 2022/23' is not a financial-year period: expected a form such as "
        "'Q4 2022/23', '2022/23 Q3/Q4', 'Q1/Q2, 2023/24' or 'Q4 2022/23 – Q1 2023/24'"
    )
    assert "Q1 to Q4" in message


def test_q0_is_rejected_with_a_message_naming_the_text() -> None:
    assert "Q1 to Q4" in assert_rejected("Q0 2022/23")


def test_descending_quarters_are_rejected_with_a_message_naming_the_text() -> None:
    assert "ascending" in assert_rejected("Q3/Q1 2022/23")


def test_non_consecutive_quarters_are_rejected_with_a_message_naming_the_text() -> None:
    assert "consecutive" in assert_rejected("Q1/Q3 2022/23")


def test_a_second_year_that_does_not_follow_the_first_is_rejected() -> None:
    assert "year after 2022" in assert_rejected("Q4 2022/24")


def test_a_two_digit_first_year_is_rejected_with_a_message_naming_the_text() -> None:
    assert "four digits" in assert_rejected("Q4 22/23")


def test_an_empty_string_is_rejected_with_a_message_naming_the_text() -> None:
    assert "empty" in assert_rejected("")


def test_garbage_text_is_rejected_with_a_message_naming_the_text() -> None:
    assert_rejected("by the end of next year")


def test_a_span_across_years_that_runs_backwards_is_rejected() -> None:
    assert_rejected("Q1 2023/24 - Q4 2022/23")


def test_trailing_punctuation_is_rejected() -> None:
    assert_rejected("Q4 2022/23.")


def test_period_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_period("Q5 2022/23")


def test_quarter_parse_rejects_a_span_of_several_quarters() -> None:
    with pytest.raises(PeriodError, match="'Q3/Q4 2022/23'"):
        Quarter.parse("Q3/Q4 2022/23")


def test_quarter_parse_accepts_a_single_quarter_in_either_order() -> None:
    assert Quarter.parse("Q4 2022/23") == q(4, 2022)
    assert Quarter.parse("2022-23 q4") == q(4, 2022)


def test_a_quarter_numbered_outside_one_to_four_cannot_be_built() -> None:
    with pytest.raises(PeriodError):
        Quarter(FinancialYear(2022), 5)
    with pytest.raises(PeriodError):
        FinancialYear(2022).quarter(0)


def test_a_span_whose_last_quarter_precedes_its_first_cannot_be_built() -> None:
    with pytest.raises(PeriodError):
        QuarterSpan(q(1, 2023), q(4, 2022))


# --------------------------------------------------------------------------- financial years


@pytest.mark.parametrize("text", ["2022/23", "2022-23", "2022/2023", " 2022 \u2013 23 "])
def test_financial_year_parse_accepts_the_usual_spellings(text: str) -> None:
    assert FinancialYear.parse(text) == FinancialYear(2022)


@pytest.mark.parametrize("text", ["22/23", "2022/24", "2022", "", "FY23"])
def test_financial_year_parse_rejects_other_text_naming_it(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        FinancialYear.parse(text)
    assert repr(text) in str(caught.value)


def test_financial_year_2022_23_runs_from_1_april_2022_to_31_march_2023() -> None:
    year = FinancialYear(2022)
    assert (year.start, year.end) == (date(2022, 4, 1), date(2023, 3, 31))
    assert str(year) == "2022/23"
    assert str(FinancialYear(1999)) == "1999/00"


def test_for_date_puts_31_march_in_the_year_that_is_ending() -> None:
    assert FinancialYear.for_date(date(2023, 3, 31)) == FinancialYear(2022)
    assert Quarter.for_date(date(2023, 3, 31)) == q(4, 2022)


def test_for_date_puts_1_april_in_the_year_that_is_starting() -> None:
    assert FinancialYear.for_date(date(2023, 4, 1)) == FinancialYear(2023)
    assert Quarter.for_date(date(2023, 4, 1)) == q(1, 2023)


def test_for_date_accepts_a_datetime() -> None:
    assert Quarter.for_date(datetime(2023, 3, 31, 23, 59)) == q(4, 2022)
    assert q(4, 2022).contains(datetime(2023, 3, 31, 23, 59))


def test_financial_year_contains_its_first_and_last_days_only() -> None:
    year = FinancialYear(2022)
    assert year.contains(date(2022, 4, 1))
    assert year.contains(date(2023, 3, 31))
    assert not year.contains(date(2022, 3, 31))
    assert not year.contains(date(2023, 4, 1))


@pytest.mark.parametrize(
    ("elected", "deadline"),
    [
        (date(2021, 5, 6), date(2022, 3, 31)),
        (date(2024, 5, 2), date(2025, 3, 31)),
        (date(2012, 11, 15), date(2013, 3, 31)),
    ],
)
def test_a_plan_is_due_by_31_march_of_the_financial_year_of_election(
    elected: date, deadline: date
) -> None:
    """Police Reform and Social Responsibility Act 2011 s.5; seed 000 §3.1: issue by
    31 March of the financial year of election."""
    assert financial_year_end(elected) == deadline


# --------------------------------------------------------------------------- quarters and spans


def test_a_quarter_has_not_ended_on_its_last_day_but_has_the_day_after() -> None:
    quarter = q(4, 2022)
    assert not quarter.has_ended(date(2023, 3, 31))
    assert quarter.has_ended(date(2023, 4, 1))


def test_a_span_has_not_ended_on_its_last_day_but_has_the_day_after() -> None:
    span = parse_period("2022/23 Q3/Q4")
    assert not span.has_ended(date(2023, 3, 31))
    assert span.has_ended(date(2023, 4, 1))


def test_q4_is_followed_by_q1_of_the_next_year() -> None:
    assert q(4, 2022).next() == q(1, 2023)
    assert q(1, 2023).previous() == q(4, 2022)


def test_spans_print_in_canonical_form() -> None:
    assert str(QuarterSpan.single(q(1, 2023))) == "Q1 2023/24"
    assert str(QuarterSpan(q(3, 2022), q(4, 2022))) == "Q3/Q4 2022/23"
    assert str(QuarterSpan(q(1, 2023), q(3, 2023))) == "Q1/Q2/Q3 2023/24"
    assert str(QuarterSpan(q(4, 2022), q(1, 2023))) == "Q4 2022/23 \u2013 Q1 2023/24"


def test_a_span_contains_its_dates_and_quarters() -> None:
    span = parse_period("Q4 2022/23 - Q1 2023/24")
    assert span.contains(date(2023, 1, 1))
    assert span.contains(date(2023, 6, 30))
    assert not span.contains(date(2022, 12, 31))
    assert not span.contains(date(2023, 7, 1))
    assert span.contains(q(1, 2023))
    assert not span.contains(q(2, 2023))


def test_spans_overlap_only_when_they_share_a_quarter() -> None:
    span = parse_period("2022/23 Q3/Q4")
    assert span.overlaps(parse_period("Q4 2022/23 - Q1 2023/24"))
    assert not span.overlaps(parse_period("Q1/Q2 2022/23"))
    assert not span.overlaps(parse_period("Q1 2023/24"))


# --------------------------------------------------------------------------- properties


@given(quarters)
def test_every_quarter_round_trips_through_str_and_parse(quarter: Quarter) -> None:
    assert Quarter.parse(str(quarter)) == quarter


@given(spans)
def test_every_span_round_trips_through_str_and_parse(span: QuarterSpan) -> None:
    assert QuarterSpan.parse(str(span)) == span
    assert parse_period(str(span)) == span


@given(spans)
def test_every_span_survives_lower_case_and_en_dashed_years(span: QuarterSpan) -> None:
    text = re.sub(r"([0-9]{4})/([0-9]{2})", "\\1 \u2013 \\2", str(span).lower())
    assert parse_period(f"  {text}  ") == span


@given(quarters, quarters)
def test_quarters_order_as_their_start_dates_do(a: Quarter, b: Quarter) -> None:
    assert (a < b) == (a.start < b.start)
    assert (a == b) == (a.start == b.start)


@given(dates)
def test_every_date_lies_in_its_own_quarter_and_financial_year(d: date) -> None:
    assert Quarter.for_date(d).contains(d)
    assert FinancialYear.for_date(d).contains(d)
    assert Quarter.for_date(d).year == FinancialYear.for_date(d)


@given(dates)
def test_financial_year_end_is_the_next_31_march_on_or_after_the_date(d: date) -> None:
    end = financial_year_end(d)
    assert (end.month, end.day) == (3, 31)
    assert d <= end < d + timedelta(days=366)


@given(quarters)
def test_quarter_index_round_trips_through_from_index(quarter: Quarter) -> None:
    assert Quarter.from_index(quarter.index) == quarter


@given(quarters)
def test_next_of_previous_is_the_same_quarter(quarter: Quarter) -> None:
    assert quarter.previous().next() == quarter
    assert quarter.next().previous() == quarter


@given(quarters)
def test_each_quarter_starts_the_day_after_the_previous_one_ends(quarter: Quarter) -> None:
    assert quarter.next().start == quarter.end + timedelta(days=1)
    assert quarter.next().index == quarter.index + 1


@given(spans)
def test_a_span_is_exactly_its_quarters_end_to_end(span: QuarterSpan) -> None:
    listed = span.quarters()
    assert listed[0] == span.first
    assert listed[-1] == span.last
    assert all(b == a.next() for a, b in zip(listed, listed[1:], strict=False))
    assert all(span.contains(quarter) for quarter in listed)
