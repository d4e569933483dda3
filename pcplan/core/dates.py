"""Dates written in words for a reader: pages, documents, letters, emails and labels.

They go through Django's date formatting, not `strftime`, so that month names follow the
active language: under `translation.override("cy")` `long_date` gives "1 Ionawr 2026".
`strftime` and f-string formats always write English month names.

Machine formats (ISO dates, file names, HTTP, feed and iCalendar fields, spreadsheet cells,
sort keys) stay with `isoformat()`/`strftime`: they must not change with the language.
"""

from __future__ import annotations

import datetime as dt

from django.utils.formats import date_format

__all__ = ["long_date", "month_year", "short_month_year"]


def long_date(value: dt.date, *, padded: bool = False) -> str:
    """'1 January 2026', as GOV.UK writes dates; `padded` keeps the leading zero ('01 January
    2026') that some record labels and messages have always shown."""
    return date_format(value, "d F Y" if padded else "j F Y")


def month_year(value: dt.date) -> str:
    """'January 2026': a month of figures or a publication month."""
    return date_format(value, "F Y")


def short_month_year(value: dt.date) -> str:
    """'Jan 2026': a month where space is short."""
    return date_format(value, "M Y")
