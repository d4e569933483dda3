"""The judgements in words ("Better than baseline") are marked for translation, as every
user-facing string must be (offices in Wales publish in Welsh too): lazy, so each is read in
the visitor's language when the page is written, not in the language the figures were cached in."""

from __future__ import annotations

import pytest
from django.utils.functional import Promise

from pcplan.performance import rules, series


@pytest.mark.parametrize("labels", [series.JUDGEMENT_LABELS, series.YEAR_JUDGEMENT_LABELS])
def test_every_judgement_has_words_marked_for_translation(labels):
    assert set(labels) == set(rules.Judgement)
    assert all(isinstance(words, Promise) for words in labels.values())
