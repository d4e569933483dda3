"""HMICFRS inspections (issue 13 item 4): reports with graded areas and findings, the 56-day
comments rule with a warning before it, each finding tracked to a response, an owner and
deliverables; the Panel sees their status."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pcplan.transparency import services
from pcplan.transparency.models import Finding, GradedArea, Inspection
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def inspection(editor):
    return services.save_inspection(
        editor,
        Inspection(
            title="PEEL 2021/22: an inspection of the force",
            kind=Inspection.Kind.PEEL,
            published_on=timezone.localdate() - dt.timedelta(days=50),
        ),
    )


def test_an_editor_records_a_report_and_sees_its_comments_due_date(client_for, editor):
    client = client_for(editor)
    data = served_form(
        client.get(reverse("transparency:inspection-new")).content.decode(), action=""
    )
    data.update(
        {
            "title": "Joint inspection of the criminal justice response",
            "kind": "joint",
            "inspectorates": "HMICFRS and HM Crown Prosecution Service Inspectorate",
            "published_on_day": "1",
            "published_on_month": "2",
            "published_on_year": "2023",
        }
    )
    response = client.post(reverse("transparency:inspection-new"), data)
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.published_on == dt.date(2023, 2, 1)
    assert inspection.comments_due == dt.date(2023, 3, 28)
    page = client.get(reverse("transparency:staff-inspection", args=[inspection.pk]))
    assert "28 March 2023" in page.content.decode()
    assert "Comments overdue" in page.content.decode()


def test_the_page_warns_before_the_comments_are_due(client_for, editor, inspection):
    html = (
        client_for(editor)
        .get(reverse("transparency:staff-inspection", args=[inspection.pk]))
        .content.decode()
    )
    assert "govuk-warning-text" in html
    assert "Comments due soon" in html


def test_published_comments_stop_the_warning(client_for, editor, inspection):
    inspection.comments_published_on = timezone.localdate()
    services.save_inspection(editor, inspection)
    html = (
        client_for(editor)
        .get(reverse("transparency:staff-inspection", args=[inspection.pk]))
        .content.decode()
    )
    assert "govuk-warning-text" not in html
    assert "Comments published" in html


def test_a_finding_is_tracked_to_a_response_an_owner_and_deliverables(
    client_for, editor, inspection, constabulary, constabulary_deliverable
):
    client = client_for(editor)
    url = reverse("transparency:finding-new", args=[inspection.pk])
    data = served_form(client.get(url).content.decode(), action="")
    data.update(
        {
            "kind": "area-for-improvement",
            "reference": "AFI 3",
            "text": "The force should improve how it records equality data.",
            "owner": str(constabulary.pk),
            "response": "A new recording standard is in place.",
            "status": "in-progress",
            "deliverables": [str(constabulary_deliverable.pk)],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    finding = Finding.objects.get()
    finding.refresh_from_db()
    assert finding.owner == constabulary
    assert finding.status == Finding.Status.IN_PROGRESS
    assert list(finding.deliverables.all()) == [constabulary_deliverable]
    assert finding.history.first().history_user == editor


def test_an_editor_adds_a_graded_area(client_for, editor, inspection):
    client = client_for(editor)
    url = reverse("transparency:graded-area-new", args=[inspection.pk])
    response = client.post(
        url,
        {
            **served_form(client.get(url).content.decode(), action=""),
            "area": "Protecting vulnerable people",
            "grade": "good",
        },
    )
    assert response.status_code == 302
    area = GradedArea.objects.get(inspection=inspection)
    assert area.grade == GradedArea.Grade.GOOD


def test_the_panel_sees_each_findings_status_but_changes_nothing(
    client_for, panel_member, editor, inspection
):
    services.save_finding(
        editor,
        Finding(
            inspection=inspection, kind=Finding.Kind.RECOMMENDATION, reference="R1", text="Do it."
        ),
    )
    client = client_for(panel_member)
    page = client.get(reverse("transparency:staff-inspection", args=[inspection.pk]))
    assert page.status_code == 200
    assert "Open" in page.content.decode() and "R1" in page.content.decode()
    assert client.get(reverse("transparency:finding-new", args=[inspection.pk])).status_code == 403
    response = client.post(
        reverse("transparency:inspection-edit", args=[inspection.pk]), {"title": "Changed"}
    )
    assert response.status_code == 403
    inspection.refresh_from_db()
    assert inspection.title.startswith("PEEL")


def test_a_contributor_may_not_read_inspections(client_for, contributor, inspection):
    response = client_for(contributor).get(reverse("transparency:staff-inspections"))
    assert response.status_code == 403
