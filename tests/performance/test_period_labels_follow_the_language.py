"""The periods of the charts and tables ("January 2026", "12 months to …") are written in the
reader's language: Welsh month names under "cy"."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from pcplan.performance.models import Observation
from pcplan.performance.series import period_label

JANUARY = dt.date(2026, 1, 1)


def test_a_month_is_labelled_in_english_by_default():
    with translation.override("en-gb"):
        assert period_label(JANUARY, Observation.Granularity.MONTH) == "January 2026"
        assert period_label(JANUARY, Observation.Granularity.QUARTER) == "Quarter from January 2026"


def test_a_month_is_labelled_in_welsh_when_welsh_is_the_language():
    with translation.override("cy"):
        assert period_label(JANUARY, Observation.Granularity.MONTH) == "Ionawr 2026"
        assert period_label(JANUARY, Observation.Granularity.YEAR).endswith("Ionawr 2026")
