"""Staff pages for the Delivery Plan: list and filters, deliverable page, forms, publishing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.core.publishing import set_published
from pcplan.delivery.models import Deliverable, Update
from tests.factories import DeliverableFactory, ThemeFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def list_url(plan, **params):
    from urllib.parse import urlencode

    url = reverse("delivery:deliverable-list", args=[plan.key])
    return f"{url}?{urlencode(params)}" if params else url


def titles(response):
    return [d.title for d in response.context["deliverables"]]


@pytest.fixture
def delivery_plan(plan, constabulary, csp):
    first = ThemeFactory(
        plan=plan, key="communities", title="Putting Communities First", position=1
    )
    second = ThemeFactory(plan=plan, key="victims", title="Supporting Victims", position=2)
    DeliverableFactory(
        theme=first,
        title="Business Engagement",
        lead=constabulary,
        status="in-progress",
        target_start=dt.date(2022, 10, 1),
        target_end=dt.date(2023, 3, 31),
    )
    DeliverableFactory(
        theme=second,
        title="Review of Victim and Witness Hub",
        lead=csp,
        status="rescheduled",
        target_start=dt.date(2023, 4, 1),
        target_end=dt.date(2023, 9, 30),
    )
    DeliverableFactory(
        theme=second,
        title="Victims Provider Forum",
        lead=csp,
        status="completed",
        completed_on=dt.date(2023, 1, 1),
        target_start=dt.date(2022, 10, 1),
        target_end=dt.date(2022, 12, 31),
    )
    return plan


def test_the_list_shows_every_deliverable_of_the_plan(client_for, panel_member, delivery_plan):
    response = client_for(panel_member).get(list_url(delivery_plan))
    assert response.status_code == 200
    assert len(titles(response)) == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "rescheduled"}, ["Review of Victim and Witness Hub"]),
        ({"quarter": "Q2 2023/24"}, ["Review of Victim and Witness Hub"]),
        ({"quarter": "2022/23 Q4"}, ["Business Engagement"]),
        ({"overdue": "on"}, ["Business Engagement"]),
    ],
)
def test_the_list_filters(client_for, panel_member, delivery_plan, params, expected, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: dt.date(2023, 4, 15))
    response = client_for(panel_member).get(list_url(delivery_plan, **params))
    assert titles(response) == expected


def test_the_list_filters_by_theme_and_lead(client_for, panel_member, delivery_plan, csp):
    client = client_for(panel_member)
    victims = delivery_plan.themes.get(key="victims")
    assert len(titles(client.get(list_url(delivery_plan, theme=victims.pk)))) == 2
    assert titles(client.get(list_url(delivery_plan, lead=csp.pk, status="completed"))) == [
        "Victims Provider Forum"
    ]


def test_a_bad_quarter_filter_gets_a_clear_message(client_for, panel_member, delivery_plan):
    response = client_for(panel_member).get(list_url(delivery_plan, quarter="next spring"))
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Enter a quarter such as Q4 2022/23" in page


def test_htmx_filtering_returns_only_the_table(client_for, panel_member, delivery_plan):
    response = client_for(panel_member).get(
        list_url(delivery_plan, status="completed"), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert '<div id="deliverables">' in page
    assert "<html" not in page
    assert "Victims Provider Forum" in page


def test_the_deliverable_page_shows_updates_and_the_audit_history(
    client_for, contributor, editor, constabulary_deliverable
):
    from pcplan.delivery import services

    update = services.post_update(
        contributor, constabulary_deliverable, text="Strategy drafted.", date=dt.date(2023, 3, 1)
    )
    set_published(editor, update, True)
    response = client_for(editor).get(
        reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    )
    page = response.content.decode()
    assert "Strategy drafted." in page
    assert "Audit history" in page
    history = response.context["history"]
    published = [e for e in history if e.reason == "Published"]
    assert published and published[0].who == str(editor)
    assert any(c.field == "Published" and c.new == "Yes" for c in published[0].changes)
    assert any(e.who == str(contributor) and e.action == "Created" for e in history)


def test_contributor_adds_an_update_to_their_organisations_deliverable(
    client_for, contributor, constabulary_deliverable
):
    response = client_for(contributor).post(
        reverse("delivery:update-create", args=[constabulary_deliverable.pk]),
        {"date_day": "1", "date_month": "3", "date_year": "2023", "text": "Needs assessment done."},
    )
    assert response.status_code == 302
    update = Update.objects.get(deliverable=constabulary_deliverable)
    assert update.text == "Needs assessment done."
    assert not update.is_published


def test_contributor_cannot_add_an_update_to_another_organisations_deliverable(
    client_for, contributor, csp_deliverable
):
    client = client_for(contributor)
    url = reverse("delivery:update-create", args=[csp_deliverable.pk])
    assert client.get(url).status_code == 403
    assert (
        client.post(
            url, {"date_day": "1", "date_month": "3", "date_year": "2023", "text": "x"}
        ).status_code
        == 403
    )
    assert not Update.objects.exists()


def test_an_empty_update_is_refused_with_the_govuk_error(
    client_for, contributor, constabulary_deliverable
):
    response = client_for(contributor).post(
        reverse("delivery:update-create", args=[constabulary_deliverable.pk]),
        {"date_day": "", "date_month": "", "date_year": "", "text": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter the update" in page
    assert "Enter a date" in page


def test_editor_publishes_and_unpublishes_an_update(
    client_for, editor, contributor, constabulary_deliverable
):
    from pcplan.delivery import services

    update = services.post_update(
        contributor, constabulary_deliverable, text="Draft", date=dt.date(2023, 3, 1)
    )
    client = client_for(editor)
    client.post(reverse("delivery:update-publish", args=[update.pk]), {"published": "on"})
    update.refresh_from_db()
    assert update.is_published and update.published_by == editor
    client.post(reverse("delivery:update-publish", args=[update.pk]), {})
    update.refresh_from_db()
    assert not update.is_published


def test_contributor_cannot_publish(client_for, contributor, constabulary_deliverable):
    update = UpdateFactory(deliverable=constabulary_deliverable, is_published=False)
    response = client_for(contributor).post(
        reverse("delivery:update-publish", args=[update.pk]), {"published": "on"}
    )
    assert response.status_code == 403
    update.refresh_from_db()
    assert not update.is_published


def test_publishing_needs_post(client_for, editor, published_update):
    assert (
        client_for(editor)
        .get(reverse("delivery:update-publish", args=[published_update.pk]))
        .status_code
        == 405
    )


def test_contributor_edits_their_draft_update(client_for, contributor, constabulary_deliverable):
    from pcplan.delivery import services

    update = services.post_update(
        contributor, constabulary_deliverable, text="Draft", date=dt.date(2023, 3, 1)
    )
    response = client_for(contributor).post(
        reverse("delivery:update-edit", args=[update.pk]),
        {"date_day": "2", "date_month": "3", "date_year": "2023", "text": "Better draft"},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.text, update.date) == ("Better draft", dt.date(2023, 3, 2))


def test_editor_creates_a_deliverable_with_a_target_span(client_for, editor, theme, constabulary):
    response = client_for(editor).post(
        reverse("delivery:deliverable-create", args=[theme.plan.key]),
        {
            "theme": theme.pk,
            "title": "Serious Violence Strategy",
            "key": "serious-violence-strategy",
            "purpose": "",
            "lead": constabulary.pk,
            "status": "in-progress",
            "target": "Q4 2023/24",
            "added_on_day": "29",
            "added_on_month": "11",
            "added_on_year": "2021",
        },
    )
    assert response.status_code == 302, response.content.decode()
    d = Deliverable.objects.get(key="serious-violence-strategy")
    assert (d.target_start, d.target_end) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert not d.is_published
    assert d.history.first().history_user == editor


def test_marking_a_deliverable_completed_records_the_completion_date(
    client_for, editor, constabulary_deliverable
):
    d = constabulary_deliverable
    response = client_for(editor).post(
        reverse("delivery:deliverable-edit", args=[d.theme.plan.key, d.pk]),
        {
            "theme": d.theme.pk,
            "title": d.title,
            "key": d.key,
            "lead": d.lead.pk,
            "status": "completed",
            "target": "",
            "added_on_day": "29",
            "added_on_month": "11",
            "added_on_year": "2021",
            "completed_on_day": "21",
            "completed_on_month": "12",
            "completed_on_year": "2022",
        },
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.status == "completed"
    assert d.completed_on == dt.date(2022, 12, 21)


def test_a_bad_target_period_is_refused_with_the_accepted_forms(client_for, editor, theme):
    response = client_for(editor).post(
        reverse("delivery:deliverable-create", args=[theme.plan.key]),
        {
            "theme": theme.pk,
            "title": "X",
            "key": "x",
            "status": "in-progress",
            "target": "Q5 2022/23",
            "added_on_day": "29",
            "added_on_month": "11",
            "added_on_year": "2021",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "is not a financial-year period" in page
    assert not Deliverable.objects.filter(key="x").exists()


def test_contributor_cannot_edit_a_deliverable(client_for, contributor, constabulary_deliverable):
    d = constabulary_deliverable
    url = reverse("delivery:deliverable-edit", args=[d.theme.plan.key, d.pk])
    assert client_for(contributor).get(url).status_code == 403


def test_editor_publishes_a_deliverable(client_for, editor, theme):
    d = DeliverableFactory(theme=theme, is_published=False)
    client_for(editor).post(
        reverse("delivery:deliverable-publish", args=[d.pk]), {"published": "on"}
    )
    d.refresh_from_db()
    assert d.is_published and d.published_at is not None


def test_editor_adds_a_task_and_marks_it_done(client_for, editor, constabulary_deliverable):
    from pcplan.delivery.models import Task

    d = constabulary_deliverable
    client = client_for(editor)
    response = client.post(
        reverse("delivery:task-create", args=[d.pk]),
        {"title": "Publish the statement of intent", "position": "1"},
    )
    assert response.status_code == 302
    task = Task.objects.get(deliverable=d)
    client.post(reverse("delivery:task-done", args=[d.pk, task.pk]), {"done": "on"})
    task.refresh_from_db()
    assert task.done
    page = client.get(reverse("delivery:deliverable-detail", args=[d.pk])).content.decode()
    assert "1 of 1 tasks completed" in page
    assert task.history.first().history_user == editor


def test_contributor_cannot_change_tasks(client_for, contributor, constabulary_deliverable):
    from pcplan.delivery.models import Task

    task = Task.objects.create(deliverable=constabulary_deliverable, title="Scope", position=1)
    client = client_for(contributor)
    assert (
        client.post(
            reverse("delivery:task-done", args=[constabulary_deliverable.pk, task.pk]),
            {"done": "on"},
        ).status_code
        == 403
    )
    assert (
        client.get(reverse("delivery:task-create", args=[constabulary_deliverable.pk])).status_code
        == 403
    )
    task.refresh_from_db()
    assert not task.done


def test_an_entirely_empty_submission_is_refused_not_shown_again_silently(
    client_for, editor, theme
):
    response = client_for(editor).post(
        reverse("delivery:deliverable-create", args=[theme.plan.key]), {}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
