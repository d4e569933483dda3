"""One publish service for deliverables, updates and generated reports (issue 9 item 5):
permission-checked, atomic, audited, its stamps set on publishing and cleared on withdrawing."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from pcplan.core.publishing import set_published
from pcplan.reports.models import GeneratedReport
from tests.factories import DeliverableFactory, UpdateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(theme):
    return DeliverableFactory(theme=theme, title="Draft deliverable", is_published=False)


@pytest.fixture
def draft_update(draft):
    return UpdateFactory(deliverable=draft, text="Draft update", is_published=False)


def test_publishing_stamps_when_and_by_whom_and_is_in_the_history(editor, draft):
    set_published(editor, draft, True)
    draft.refresh_from_db()
    assert draft.is_published
    assert draft.published_at is not None
    assert draft.published_by == editor
    record = draft.history.first()
    assert record.history_user == editor
    assert record.history_change_reason == "Published"


def test_withdrawing_clears_the_stamps_and_is_in_the_history(editor, draft):
    set_published(editor, draft, True)
    set_published(editor, draft, False)
    draft.refresh_from_db()
    assert (draft.is_published, draft.published_at, draft.published_by) == (False, None, None)
    assert draft.history.first().history_change_reason == "Unpublished"


def test_publishing_again_keeps_the_first_publication_and_records_nothing(
    editor, administrator, draft
):
    set_published(editor, draft, True)
    draft.refresh_from_db()
    first, records = draft.published_at, draft.history.count()
    set_published(administrator, draft, True)
    draft.refresh_from_db()
    assert (draft.published_at, draft.published_by) == (first, editor)
    assert draft.history.count() == records


@pytest.mark.parametrize("who", ["contributor", "panel_member", "outsider"])
def test_only_editors_publish_deliverables_and_updates(request, who, draft, draft_update):
    user = request.getfixturevalue(who)
    for obj in (draft, draft_update):
        with pytest.raises(PermissionDenied):
            set_published(user, obj, True)
        obj.refresh_from_db()
        assert not obj.is_published and obj.published_at is None


def test_a_contributor_posting_the_publish_form_is_refused_and_nothing_changes(
    client_for, contributor, draft_update
):
    response = client_for(contributor).post(
        reverse("delivery:update-publish", args=[draft_update.pk]), {"published": "on"}
    )
    assert response.status_code == 403
    draft_update.refresh_from_db()
    assert not draft_update.is_published


def test_an_editor_publishes_a_deliverable_from_its_page(client_for, editor, draft):
    response = client_for(editor).post(
        reverse("delivery:deliverable-publish", args=[draft.pk]), {"published": "on"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by == editor


def test_a_generated_report_is_published_through_the_same_service(editor, contributor, plan):
    report = GeneratedReport.objects.create(
        plan=plan,
        format="html",
        as_of="2023-03-15",
        since="2022-09-14",
        panel_name="The Panel",
        meeting_date="2023-03-15",
        report_of="The Office",
        contact_officer="An officer",
        purpose="To update the Panel.",
        recommendation="To note.",
        terms_of_reference="To scrutinise.",
        file="reports/x.html",
    )
    with pytest.raises(PermissionDenied):
        set_published(contributor, report, True)
    set_published(editor, report, True)
    report.refresh_from_db()
    assert report.is_published and report.published_by == editor


def test_the_deliverable_page_says_who_published_it_and_whether_the_public_sees_it(
    client_for, editor, draft
):
    editor.first_name, editor.last_name = "Pat", "Editor"
    editor.save()
    client = client_for(editor)
    client.post(reverse("delivery:deliverable-publish", args=[draft.pk]), {"published": "on"})
    page = client.get(reverse("delivery:deliverable-detail", args=[draft.pk])).content.decode()
    assert "by Pat Editor." in page
    assert f'href="{reverse("public:deliverable", args=[draft.plan.key, draft.pk])}"' in page


def test_a_published_deliverable_of_an_unissued_plan_says_the_public_does_not_see_it_yet(
    client_for, editor, draft
):
    from pcplan.plans.lifecycle import PlanStatus

    plan = draft.plan
    plan.status = PlanStatus.SENT_TO_PANEL
    plan.save()
    set_published(editor, draft, True)
    page = (
        client_for(editor)
        .get(reverse("delivery:deliverable-detail", args=[draft.pk]))
        .content.decode()
    )
    assert "Not shown to the public until the plan is issued." in page
    assert f'href="{reverse("public:deliverable", args=[plan.key, draft.pk])}"' not in page


def test_readers_are_not_offered_publish_buttons(client_for, panel_member, draft, draft_update):
    page = (
        client_for(panel_member)
        .get(reverse("delivery:deliverable-detail", args=[draft.pk]))
        .content.decode()
    )
    assert reverse("delivery:deliverable-publish", args=[draft.pk]) not in page
    assert reverse("delivery:update-publish", args=[draft_update.pk]) not in page
