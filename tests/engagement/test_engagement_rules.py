"""The engagement rules are pure functions, each tested by the paragraph it comes from."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pcplan.engagement import rules


def test_days_open_counts_to_today_while_open_and_to_closure_once_closed() -> None:
    received = dt.date(2023, 1, 2)
    assert rules.days_open(received, None, dt.date(2023, 1, 12)) == 10
    assert rules.days_open(received, dt.date(2023, 1, 5), dt.date(2023, 3, 1)) == 3


def test_erasure_is_due_only_after_the_retention_period_from_closure_uk_gdpr_art_5_1_e() -> None:
    closed = dt.date(2022, 1, 1)
    assert not rules.erasure_due(None, dt.date(2030, 1, 1), 365)
    assert not rules.erasure_due(closed, dt.date(2022, 12, 31), 365)
    assert rules.erasure_due(closed, dt.date(2023, 1, 1), 365)


def test_top_five_issues_by_area_seed_002_item_7_section_4_3() -> None:
    responses = [
        ("Cambridge", ["Bike theft", "Visibility"]),
        ("Cambridge", ["Bike theft"]),
        ("Cambridge", ["Drugs", "Bike theft", "Bike theft"]),  # counted once per response
        ("Cambridge", ["ASB"]),
        ("Cambridge", ["Burglary"]),
        ("Cambridge", ["Speeding"]),
        ("Fenland", ["Rural crime"]),
    ]
    top = rules.top_issues_by_area(responses)
    assert top["Cambridge"] == [
        ("Bike theft", 3),
        ("ASB", 1),
        ("Burglary", 1),
        ("Drugs", 1),
        ("Speeding", 1),
    ]
    assert top["Fenland"] == [("Rural crime", 1)]


def test_counts_by_area_and_theme_count_every_response() -> None:
    assert rules.counts_by_area(["Cambridge", "Cambridge", ""]) == Counter({"Cambridge": 2, "": 1})
    assert rules.counts_by_theme(["Crime Prevention"]) == Counter({"Crime Prevention": 1})


def test_issues_are_split_on_semicolons_and_trimmed() -> None:
    assert rules.split_issues(" Bike theft ; Speeding;; ") == ["Bike theft", "Speeding"]


def test_identical_responses_in_one_file_keep_distinct_identities() -> None:
    first = rules.response_hash(["Cambridge", "Bike theft"], 1)
    assert first != rules.response_hash(["Cambridge", "Bike theft"], 2)
    assert first == rules.response_hash(["Cambridge", "Bike theft"], 1)


def test_the_hashes_of_a_file_are_each_rows_response_hash_with_repeats_counted() -> None:
    rows = [
        ("R1", "Cambridge", "Bike theft"),
        ("", "Fenland", "Rural crime"),
        ("", "Fenland", "Rural crime"),
        ("R2", "Cambridge", "Bike theft"),
        ("", "Fenland", "Rural crime"),
    ]
    assert rules.response_hashes(rows) == [
        rules.response_hash(rows[0], 1),
        rules.response_hash(rows[1], 1),
        rules.response_hash(rows[1], 2),
        rules.response_hash(rows[3], 1),
        rules.response_hash(rows[1], 3),
    ]
    distinct = rows[:2]
    assert rules.response_hashes(distinct) == [rules.response_hash(r, 1) for r in distinct]


def test_top_issues_from_answers_counted_by_the_database_match_those_counted_row_by_row() -> None:
    responses = [
        ("Cambridge", ("Bike theft", "Visibility")),
        ("Cambridge", ("Bike theft", "Visibility")),
        ("Cambridge", ("Drugs", "Bike theft")),
        ("Fenland", ("Rural crime",)),
        ("", ("Speeding",)),
    ]
    answers = Counter(responses)
    assert rules.top_issues_of_answers(answers) == rules.top_issues_by_area(responses)
    assert rules.top_issues_of_answers(answers)["Cambridge"][0] == ("Bike theft", 3)
