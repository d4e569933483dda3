"""A measure's links to the themes and deliverables it evidences are in its audit history."""

from __future__ import annotations

import pytest

from pcplan.performance import services
from pcplan.performance.models import Measure


@pytest.mark.django_db
def test_linking_a_measure_to_a_theme_and_a_deliverable_is_recorded_with_who_did_it(
    editor, theme, constabulary_deliverable
):
    measure = Measure(key="cycle-theft", name="Cycle theft", unit="crimes", direction="lower")
    services.save_measure(editor, measure, themes=[], deliverables=[])

    services.save_measure(editor, measure, themes=[theme], deliverables=[constabulary_deliverable])

    latest = measure.history.first()
    assert latest is not None
    assert [t.theme_id for t in latest.themes.all()] == [theme.pk]
    assert [d.deliverable_id for d in latest.deliverables.all()] == [constabulary_deliverable.pk]
    assert latest.history_user == editor


@pytest.mark.django_db
def test_unlinking_a_theme_leaves_the_earlier_link_in_the_history(editor, theme):
    measure = Measure(key="cycle-theft", name="Cycle theft", unit="crimes", direction="lower")
    services.save_measure(editor, measure, themes=[theme])

    services.save_measure(editor, measure, themes=[])

    records = list(measure.history.all())
    assert list(records[0].themes.all()) == []
    assert any([t.theme_id for t in r.themes.all()] == [theme.pk] for r in records[1:])
