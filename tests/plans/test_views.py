"""Staff pages for plans: overview, lifecycle, statutory checklist, themes, priorities."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.plans.lifecycle import PlanStatus
from pcplan.plans.models import Plan, PlanStatutoryElement, Priority, Theme
from tests.factories import DeliverableFactory, PlanFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_staff_pages_need_sign_in(client, plan):
    response = client.get(reverse("plans:plan-detail", args=[plan.key]))
    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]


def test_sign_in_with_wrong_password_shows_the_govuk_error(client, editor):
    response = client.post(reverse("core:login"), {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "Enter a correct username and password" in response.content.decode()


def test_sign_in_then_the_staff_home_lists_every_plan(client, editor):
    PlanFactory(title="Draft plan", status=PlanStatus.DRAFTING)
    response = client.post(
        reverse("core:login"),
        {"username": "editor", "password": "a-long-test-password"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Draft plan" in response.content.decode()


def test_overview_counts_deliverables_per_theme_by_status(client_for, panel_member, plan):
    first = ThemeFactory(plan=plan, title="Putting Communities First", position=1)
    second = ThemeFactory(plan=plan, title="Ethical Policing", position=2)
    DeliverableFactory.create_batch(3, theme=first, status="in-progress")
    DeliverableFactory(theme=first, status="completed", completed_on=dt.date(2023, 1, 1))
    DeliverableFactory(theme=second, status="on-hold")
    response = client_for(panel_member).get(reverse("plans:plan-detail", args=[plan.key]))
    assert response.status_code == 200
    table = response.context["table"]
    rows = {row.theme.title: row for row in table.rows}
    statuses = [s.value for s in table.statuses]
    assert rows["Putting Communities First"].counts[statuses.index("in-progress")] == 3
    assert rows["Putting Communities First"].counts[statuses.index("completed")] == 1
    assert rows["Ethical Policing"].counts[statuses.index("on-hold")] == 1
    assert table.grand_total == 5
    assert "Edit plan details" not in response.content.decode()  # panel members read only


def test_overview_shows_the_issue_deadline_and_missing_statutory_elements(client_for, editor, plan):
    PlanStatutoryElement.objects.create(plan=plan, element="objectives", text="The five themes")
    response = client_for(editor).get(reverse("plans:plan-detail", args=[plan.key]))
    page = response.content.decode()
    assert "31 March 2022" in page
    assert "6 of 7 still missing" in page
    assert [m.value for m in response.context["missing"]][0] == "policing"


def test_editor_creates_a_plan(client_for, editor):
    response = client_for(editor).post(
        reverse("plans:plan-create"),
        {
            "title": "Police and Crime Plan 2024-28",
            "key": "cambs-2024-28",
            "area": "Cambridgeshire and Peterborough",
            "elected_on_day": "2",
            "elected_on_month": "5",
            "elected_on_year": "2024",
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(key="cambs-2024-28")
    assert plan.elected_on == dt.date(2024, 5, 2)
    assert plan.status == PlanStatus.DRAFTING
    assert plan.history.first().history_user == editor


def test_plan_form_errors_use_the_govuk_error_summary(client_for, editor):
    response = client_for(editor).post(
        reverse("plans:plan-create"),
        {
            "title": "",
            "key": "Not A Slug",
            "area": "",
            "elected_on_day": "31",
            "elected_on_month": "2",
            "elected_on_year": "2024",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter the plan&#x27;s title" in page
    assert "Use only lower-case letters, numbers and hyphens" in page
    assert "Enter a real date" in page
    assert 'href="#id_elected_on_day"' in page
    assert not Plan.objects.exists()


def test_contributor_cannot_create_or_edit_plans(client_for, contributor, plan):
    client = client_for(contributor)
    assert client.get(reverse("plans:plan-create")).status_code == 403
    assert (
        client.post(reverse("plans:plan-edit", args=[plan.key]), {"title": "Hijacked"}).status_code
        == 403
    )
    plan.refresh_from_db()
    assert plan.title != "Hijacked"


def test_editor_records_the_next_lifecycle_step(client_for, editor):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    response = client_for(editor).post(
        reverse("plans:plan-status", args=[plan.key]),
        {
            "status": "consultation",
            "date_day": "30",
            "date_month": "6",
            "date_year": "2021",
            "note": "",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONSULTATION
    assert plan.status_changes.get().date == dt.date(2021, 6, 30)


def test_the_status_form_offers_only_the_next_step(client_for, editor):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    response = client_for(editor).post(
        reverse("plans:plan-status", args=[plan.key]),
        {"status": "issued", "date_day": "29", "date_month": "11", "date_year": "2021"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFTING


def test_editor_sets_out_a_statutory_element(client_for, editor, plan):
    response = client_for(editor).post(
        reverse("plans:statutory-element-edit", args=[plan.key, "grants"]),
        {"text": "Safer Communities Fund: CSPs bid up to £5,000."},
    )
    assert response.status_code == 302
    assert PlanStatutoryElement.objects.get(plan=plan, element="grants").text.startswith("Safer")


def test_editor_adds_and_edits_a_theme_and_a_priority(client_for, editor, plan):
    client = client_for(editor)
    response = client.post(
        reverse("plans:theme-create", args=[plan.key]),
        {
            "title": "Robust Enforcement",
            "key": "robust-enforcement",
            "aim": "We will ensure…",
            "position": "5",
        },
    )
    assert response.status_code == 302
    theme = Theme.objects.get(plan=plan, key="robust-enforcement")
    response = client.post(
        reverse("plans:theme-edit", args=[plan.key, theme.key]),
        {
            "title": "Robust Enforcement",
            "key": "robust-enforcement",
            "aim": "Changed aim",
            "position": "5",
        },
    )
    theme.refresh_from_db()
    assert theme.aim == "Changed aim"
    client.post(
        reverse("plans:priority-create", args=[plan.key, theme.key]),
        {"text": "Pursue prolific offenders.", "position": "1"},
    )
    assert Priority.objects.get(theme=theme).text == "Pursue prolific offenders."


def test_a_theme_key_must_be_unique_in_its_plan(client_for, editor, theme):
    response = client_for(editor).post(
        reverse("plans:theme-create", args=[theme.plan.key]),
        {"title": "Another", "key": theme.key, "aim": "", "position": "2"},
    )
    assert response.status_code == 400
    assert "already uses this short name" in response.content.decode()


def test_forms_are_protected_against_cross_site_requests(editor, plan):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("plans:plan-edit", args=[plan.key]), {"title": "x"})
    assert response.status_code == 403


def test_the_plan_history_shows_who_changed_the_plan_and_its_themes(
    client_for, editor, panel_member
):
    plan = PlanFactory(status=PlanStatus.DRAFTING)
    client = client_for(editor)
    client.post(
        reverse("plans:plan-status", args=[plan.key]),
        {"status": "consultation", "date_day": "30", "date_month": "6", "date_year": "2021"},
    )
    client.post(
        reverse("plans:theme-create", args=[plan.key]),
        {"title": "Ethical Policing", "key": "ethical-policing", "aim": "", "position": "1"},
    )
    response = client_for(panel_member).get(reverse("plans:plan-history", args=[plan.key]))
    assert response.status_code == 200
    whats = [(e.what, e.who, e.action) for e in response.context["history"]]
    assert ("Theme: Ethical Policing", str(editor), "Created") in whats
    assert ("Lifecycle step: Consultation", str(editor), "Created") in whats
    status_change = next(e for e in response.context["history"] if e.what == "Plan" and e.changes)
    assert status_change.who == str(editor)
    assert any(c.field == "Status" and c.new == "Consultation" for c in status_change.changes)


def test_editor_edits_the_plan_details(client_for, editor, plan):
    response = client_for(editor).post(
        reverse("plans:plan-edit", args=[plan.key]),
        {
            "title": "Police and Crime Plan 2021-24 (refreshed)",
            "key": plan.key,
            "area": plan.area,
            "elected_on_day": "6",
            "elected_on_month": "5",
            "elected_on_year": "2021",
            "ends_on_day": "31",
            "ends_on_month": "3",
            "ends_on_year": "2024",
            "starts_on_day": "1",
            "starts_on_month": "4",
            "starts_on_year": "2024",
        },
    )
    assert response.status_code == 400  # ends before it starts
    assert "The plan must end after it starts" in response.content.decode()
    response = client_for(editor).post(
        reverse("plans:plan-edit", args=[plan.key]),
        {"title": "Police and Crime Plan 2021-24 (refreshed)", "key": plan.key, "area": plan.area},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title.endswith("(refreshed)")


def test_editor_edits_a_priority(client_for, editor, theme):
    priority = Priority.objects.create(theme=theme, text="Old wording", position=1)
    response = client_for(editor).post(
        reverse("plans:priority-edit", args=[theme.plan.key, theme.key, priority.pk]),
        {"text": "New wording", "position": "1"},
    )
    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.text == "New wording"
    assert priority.history.first().history_user == editor


def test_of_two_editors_recording_the_same_step_the_second_is_refused_as_stale(editor, opcc):
    """Two officers open "Record the next step" of an issued plan and both record a variation:
    the second is refused with what changed, not recorded as a second variation (issue 15:
    optimistic concurrency on every edit form). Each posts back the form as the page served
    it."""
    from django.test import Client

    from tests.factories import UserFactory
    from tests.htmlforms import date_fields, served_form

    plan = PlanFactory(status=PlanStatus.ISSUED)
    other = UserFactory(username="editor2", role=editor.role, organisation=opcc)
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(other)
    url = reverse("plans:plan-status", args=[plan.key])
    first_form = served_form(first.get(url).content.decode(), action="")
    second_form = served_form(second.get(url).content.decode(), action="")
    assert first_form["version"] == second_form["version"] == str(plan.version)
    step = {"status": "varied", **date_fields("date", dt.date.today())}
    first_form.update(step, note="Variation agreed by the Board")
    second_form.update(step, note="The same variation, recorded again")

    assert first.post(url, first_form).status_code == 302
    refused = second.post(url, second_form)

    assert refused.status_code == 400
    body = refused.content.decode()
    assert "There is a problem" in body
    assert "since you opened it" in body
    assert "The same variation, recorded again" in body  # the second officer's words, kept
    assert [c.note for c in plan.status_changes.all()] == ["Variation agreed by the Board"]
    # Saving the form shown again, having seen the change, is a deliberate choice.
    again = served_form(body, action="")
    assert second.post(url, again).status_code == 302
    assert plan.status_changes.count() == 2
