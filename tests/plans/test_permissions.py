"""One rule per permission, in each app's permissions.py, checked once on the way in; the
pages are given flags from the same functions (issue 9 item 5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from pcplan.delivery import services as delivery_services
from pcplan.delivery.models import Task
from pcplan.plans import permissions as plan_permissions
from pcplan.plans import services as plan_services
from pcplan.plans.models import Theme
from pcplan.plans.permissions import EDITORS_ONLY
from pcplan.reports import permissions as report_permissions
from pcplan.reports import services as report_services

pytestmark = pytest.mark.django_db


def test_editors_and_administrators_keep_the_plan_and_its_reports(editor, administrator):
    for user in (editor, administrator):
        assert plan_permissions.can_edit_plan(user)
        assert report_permissions.can_manage_reports(user)


@pytest.mark.parametrize("who", ["contributor", "panel_member", "outsider"])
def test_nobody_else_keeps_the_plan_or_its_reports(request, who):
    user = request.getfixturevalue(who)
    assert not plan_permissions.can_edit_plan(user)
    assert not report_permissions.can_manage_reports(user)


def test_the_public_and_inactive_editors_keep_nothing(editor):
    assert not plan_permissions.can_edit_plan(AnonymousUser())
    editor.is_active = False
    assert not plan_permissions.can_edit_plan(editor)


def test_every_editors_only_service_gives_the_same_refusal(contributor, plan, theme):
    refusals = []
    attempts = [
        lambda: plan_services.save_by_editor(contributor, Theme(plan=plan, key="x", title="X")),
        lambda: delivery_services.save_task(contributor, Task(title="X")),
        lambda: report_services.request_updates(contributor, plan, due_on=dt.date(2030, 1, 1)),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as refused:
            attempt()
        refusals.append(str(refused.value))
    assert refusals == [str(EDITORS_ONLY)] * len(attempts)
    assert "OPCC" not in str(EDITORS_ONLY)


def test_the_plan_page_offers_changes_and_reports_to_editors_only(
    client_for, editor, panel_member, plan
):
    url = reverse("plans:plan-detail", args=[plan.key])
    editor_page = client_for(editor).get(url).content.decode()
    assert "Edit plan details" in editor_page
    assert reverse("reports:report-list", args=[plan.key]) in editor_page
    reader_page = client_for(panel_member).get(url).content.decode()
    assert "Edit plan details" not in reader_page
    assert reverse("reports:report-list", args=[plan.key]) not in reader_page
    assert "Add a theme" not in reader_page


def test_the_delivery_plan_offers_to_add_a_deliverable_to_editors_only(
    client_for, editor, contributor, plan
):
    url = reverse("delivery:deliverable-list", args=[plan.key])
    assert "Add a deliverable" in client_for(editor).get(url).content.decode()
    assert "Add a deliverable" not in client_for(contributor).get(url).content.decode()


@pytest.mark.parametrize(
    "name", ["plans:plan-edit", "delivery:deliverable-create", "reports:report-generate"]
)
def test_a_contributor_is_refused_at_the_door_of_every_editors_page(
    client_for, contributor, plan, name
):
    assert client_for(contributor).get(reverse(name, args=[plan.key])).status_code == 403


def test_an_unknown_statutory_element_is_not_found(client_for, editor, plan):
    url = reverse("plans:statutory-element-edit", args=[plan.key, "no-such-element"])
    assert client_for(editor).get(url).status_code == 404


def test_a_request_for_updates_is_not_found_by_those_who_may_not_see_it(
    client_for, editor, contributor, plan, constabulary_deliverable
):
    update_round = report_services.request_updates(editor, plan, due_on=dt.date(2030, 1, 1))
    url = reverse("reports:update-round", args=[update_round.pk])
    assert client_for(contributor).get(url).status_code == 404
    assert client_for(editor).get(url).status_code == 200
