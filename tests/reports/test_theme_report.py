"""Theme reports (issue 18 item 3): a report on one theme in the house format, for the Panel's
rolling programme (seed 001 §6.3); public content only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.delivery.models import Task
from pcplan.delivery.rules import Status
from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Commitment
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    plan = PlanFactory(
        key="issued", title="Police and Crime Plan 2021-24", status=PlanStatus.ISSUED
    )
    theme = ThemeFactory(plan=plan, key="victims", title="Supporting Victims", aim="Help victims.")
    ThemeFactory(plan=plan, key="other", title="Other Theme")
    hourglass = DeliverableFactory(theme=theme, title="Support for Hourglass")
    for n in range(16):
        Task.objects.create(deliverable=hourglass, title=f"Task {n}", done=n < 12)
    UpdateFactory(
        deliverable=hourglass, text="Twelve of the 16 tasks completed.", date=dt.date(2023, 3, 1)
    )
    DeliverableFactory(
        theme=theme,
        title="Victims Provider Forum",
        status=Status.COMPLETED,
        completed_on=dt.date(2023, 1, 10),
    )
    DeliverableFactory(theme=theme, title="SECRET draft", is_published=False)
    DeliverableFactory(theme=plan.themes.get(key="other"), title="Another theme's work")
    Commitment.objects.create(
        plan=plan, theme=theme, kind=Commitment.Kind.KEY_OBJECTIVE, text="Victims are heard."
    )
    return theme


def url(theme, **params):
    from urllib.parse import urlencode

    base = reverse("reports:theme-report", args=[theme.plan.key, theme.key])
    return f"{base}?{urlencode(params)}" if params else base


def test_an_editor_gets_the_theme_report_in_the_house_format(client, editor, theme):
    client.force_login(editor)
    response = client.get(url(theme, as_of="2023-03-15", since="2022-09-14", format="html"))
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ["PURPOSE", "RECOMMENDATION", "BACKGROUND", "PROGRESS", "MEASURES"]:
        assert heading in html
    assert "SUPPORTING VICTIMS: DELIVERABLES" in html
    assert "Victims are heard." in html
    assert "Support for Hourglass" in html and "Twelve of the 16 tasks completed." in html
    assert "Completed deliverables / activities of note" in html
    assert "1 of the theme’s 2 published deliverables are completed" in html
    assert "12 of their 16 tasks are done" in html
    assert "Another theme's work" not in html
    assert "SECRET" not in html


def test_the_theme_report_downloads_as_a_pdf(client, editor, theme):
    client.force_login(editor)
    response = client.get(url(theme, as_of="2023-03-15", since="2022-09-14", format="pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "victims-theme-report-2023-03-15.pdf" in response["Content-Disposition"]


def test_bad_dates_are_refused_with_a_clear_message(client, editor, theme):
    client.force_login(editor)
    response = client.get(url(theme, as_of="2022-01-01", since="2022-09-14", format="html"))
    assert response.status_code == 400
    assert "must be after the previous report date" in response.content.decode()


def test_only_editors_make_theme_reports(client, contributor, panel_member, theme):
    for user in (contributor, panel_member):
        client.force_login(user)
        assert client.get(url(theme, format="html")).status_code == 403
