"""Dates in words follow the active language: English month names under "en-gb", Welsh
under "cy" (offices in Wales publish in Welsh), from Django's own catalogue."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.utils import translation

from pcplan.core.dates import long_date, month_year, short_month_year

NEW_YEAR = dt.date(2026, 1, 1)


def test_dates_in_english_read_as_gov_uk_writes_them():
    with translation.override("en-gb"):
        assert long_date(NEW_YEAR) == "1 January 2026"
        assert long_date(NEW_YEAR, padded=True) == "01 January 2026"
        assert month_year(NEW_YEAR) == "January 2026"
        assert short_month_year(NEW_YEAR) == "Jan 2026"


def test_dates_in_welsh_have_welsh_month_names():
    with translation.override("cy"):
        assert long_date(NEW_YEAR) == "1 Ionawr 2026"
        assert long_date(NEW_YEAR, padded=True) == "01 Ionawr 2026"
        assert month_year(dt.date(2026, 11, 1)) == "Tachwedd 2026"
        assert short_month_year(NEW_YEAR) == "Ion 2026"


def test_a_moment_keeps_its_own_day_as_the_f_strings_did():
    late = dt.datetime(2026, 3, 31, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    with translation.override("en-gb"):
        assert long_date(late) == "31 March 2026"
