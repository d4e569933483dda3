"""The statement on the national crime and policing measures (issue 13 item 3; SI 2011/3050
Schedule para 7A): generated from the performance module's six national measures, edited,
published and dated; it fills the specified-information item 7A."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from pcplan.performance.models import Measure, Observation
from pcplan.transparency.deadlines import Compliance
from pcplan.transparency.measures_statement import generate_statement
from pcplan.transparency.models import MeasureEntry, MeasuresStatement
from pcplan.transparency.specified import item_rows
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db

KEY = "improve-victim-satisfaction"


@pytest.fixture
def satisfaction():
    measure = Measure.objects.get(key=KEY)
    measure.baseline_value = Decimal("80.00")
    measure.save()
    Observation.objects.create(
        measure=measure, granularity="year", period_start=dt.date(2022, 4, 1), value=Decimal("84")
    )
    return measure


def test_a_statement_has_one_entry_per_national_measure_with_the_days_figures(editor, satisfaction):
    statement = generate_statement(editor, dt.date(2023, 3, 15))
    entries = list(statement.entries.all())
    assert len(entries) == Measure.objects.filter(is_national=True).count() == 6
    entry = next(e for e in entries if e.measure_key == KEY)
    assert entry.baseline == Decimal("80.00") and entry.current == Decimal("84.00")
    assert entry.change_percent == Decimal("5.0")
    assert entry.judgement == "Better than baseline"
    assert not statement.is_published


def test_the_next_statement_carries_over_the_words_but_not_the_figures(editor, satisfaction):
    first = generate_statement(editor, dt.date(2023, 3, 15))
    entry = first.entries.get(measure_key=KEY)
    entry.applies_locally = False
    entry.why = "Reasons written by the office."
    entry.save()
    Observation.objects.create(
        measure=satisfaction,
        granularity="year",
        period_start=dt.date(2023, 4, 1),
        value=Decimal("70"),
    )
    second = generate_statement(editor, dt.date(2024, 3, 15))
    carried = second.entries.get(measure_key=KEY)
    assert carried.why == "Reasons written by the office." and not carried.applies_locally
    assert carried.current == Decimal("70.00")
    first.refresh_from_db()
    assert first.entries.get(measure_key=KEY).current == Decimal("84.00")


def test_an_editor_generates_edits_and_publishes_it_and_the_public_reads_it(
    client_for, editor, client, satisfaction
):
    staff = client_for(editor)
    response = staff.post(reverse("transparency:statement-generate"))
    statement = MeasuresStatement.objects.get()
    assert response.status_code == 302
    entry = statement.entries.get(measure_key=KEY)
    url = reverse("transparency:entry-edit", args=[entry.pk])
    data = served_form(staff.get(url).content.decode(), action="")
    data.update({"why": "Victim satisfaction is a local priority.", "contribution": "CONTRIB"})
    assert staff.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert entry.contribution == "CONTRIB"
    assert (
        "CONTRIB"
        not in client.get(reverse("transparency:national-measures-statement")).content.decode()
    )
    staff.post(reverse("transparency:statement-publish", args=[statement.pk]), {"publish": "yes"})
    statement.refresh_from_db()
    assert statement.is_published
    staff.logout()
    html = client.get(reverse("transparency:national-measures-statement")).content.decode()
    assert "CONTRIB" in html and "Victim satisfaction is a local priority." in html
    row = next(
        r for r in item_rows(timezone.localdate()) if r.item.key == "national-measures-statement"
    )
    assert row.status == Compliance.PRESENT


def test_only_the_office_generates_a_statement(client_for, panel_member, contributor):
    with pytest.raises(PermissionDenied):
        generate_statement(contributor, dt.date(2023, 3, 15))
    response = client_for(panel_member).post(reverse("transparency:statement-generate"))
    assert response.status_code == 403
    assert not MeasuresStatement.objects.exists()
    assert not MeasureEntry.objects.exists()
