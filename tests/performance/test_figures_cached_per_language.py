"""The dashboard's figures are cached per data version and per language: they hold their
periods in words, so a Welsh reader never gets the copy built in English."""

from __future__ import annotations

import pytest
from django.utils import translation

from pcplan.performance import figures
from pcplan.performance.importer import import_police_data
from tests.performance.conftest import FIXTURES


@pytest.mark.django_db
def test_figures_cached_in_english_are_built_again_in_welsh():
    """The import warms the figures in the site's language; a Welsh reader gets them built in
    Welsh, not the English copy."""
    import_police_data([FIXTURES])
    with translation.override("en-gb"):
        figures.warm()
        english = figures.stop_and_search("testshire", {})
    with translation.override("cy"):
        welsh = figures.stop_and_search("testshire", {})
    assert [row.label for row in english.by_month] == ["January 2024"]
    assert [row.label for row in welsh.by_month] == ["Ionawr 2024"]
