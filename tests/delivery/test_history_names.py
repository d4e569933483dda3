"""History names people and organisations, never their ids (issue 9 item 4: "Published by:
(none) → 2" was shown)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pcplan.core.history import entries_for
from pcplan.core.models import Organisation
from pcplan.delivery.models import Deliverable, Update
from pcplan.plans.history import plan_history
from tests.factories import OrganisationFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


def history_cells(html: str) -> str:
    start = html.index("Audit history")
    return re.sub(r"\s+", " ", html[start:])


def edit_deliverable(client, deliverable, **changes):
    url = reverse("delivery:deliverable-edit", args=[deliverable.plan.key, deliverable.pk])
    form = served_form(client.get(url).content.decode(), action="")
    form.update(changes)
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()


def test_the_history_names_who_published_a_deliverable(client_for, editor, theme):
    editor.first_name, editor.last_name = "Pat", "Editor"
    editor.save()
    client = client_for(editor)
    deliverable = Deliverable.objects.create(
        theme=theme, key="draft", title="Draft", added_on="2021-11-29"
    )
    client.post(reverse("delivery:deliverable-publish", args=[deliverable.pk]), {"published": "on"})
    html = client.get(reverse("delivery:deliverable-detail", args=[deliverable.pk])).content
    cells = history_cells(html.decode())
    assert "Published by: (none) → Pat Editor" in cells
    assert f"→ {editor.pk}<" not in cells


def test_the_history_names_the_lead_and_partner_organisations_and_the_status(
    client_for, editor, constabulary_deliverable, csp
):
    client = client_for(editor)
    OrganisationFactory(key="county-council", name="County Council")
    council = Organisation.objects.get(key="county-council")
    edit_deliverable(
        client,
        constabulary_deliverable,
        lead=str(csp.pk),
        partners=[str(council.pk)],
        status="on-hold",
    )
    html = client.get(
        reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    ).content.decode()
    cells = history_cells(html)
    assert "Lead: Cambridgeshire Constabulary → Safer Peterborough Partnership" in cells
    assert "Partners: (none) → County Council" in cells
    assert "Status: In progress → On hold" in cells


def test_a_deleted_organisation_is_named_as_deleted_not_as_a_bare_number(editor, theme):
    gone = OrganisationFactory(key="gone", name="Gone")
    deliverable = Deliverable.objects.create(
        theme=theme, key="d", title="D", added_on="2021-11-29", lead=gone
    )
    deliverable.lead = None
    deliverable.save()
    gone_pk = gone.pk
    gone.delete()
    entries = entries_for(list(deliverable.history.order_by("history_date")), Deliverable, "D")
    change = next(c for c in entries[-1].changes if c.field == "Lead")
    assert change.old == f"a deleted record (#{gone_pk})"
    assert change.new == "(none)"


def test_the_plan_history_names_who_recorded_a_lifecycle_step(client_for, editor, plan):
    from pcplan.plans.lifecycle import PlanStatus
    from pcplan.plans.models import PlanStatusChange

    change = PlanStatusChange.objects.create(plan=plan, status=PlanStatus.ISSUED, date="2022-03-31")
    change.recorded_by = editor
    change.save()
    entries = [e for e in plan_history(plan) if e.what.startswith("Lifecycle step")]
    recorded = [c for e in entries for c in e.changes if c.field == "Recorded by"]
    assert recorded and recorded[0].new == str(editor)


def test_the_names_are_looked_up_once_whatever_the_number_of_changes(
    editor, constabulary_deliverable, django_assert_max_num_queries
):
    update = Update.objects.create(
        deliverable=constabulary_deliverable, date="2023-03-15", text="Progress."
    )
    for n in range(10):
        update.author_organisation = OrganisationFactory(key=f"org-{n}", name=f"Org {n}")
        update.save()
    records = list(update.history.order_by("history_date"))
    with django_assert_max_num_queries(1):
        entries = entries_for(records, Update, "Update")
    changes = [c.new for e in entries[1:] for c in e.changes if c.field == "Author organisation"]
    assert changes == [f"Org {n}" for n in range(10)]


def test_partners_chosen_on_the_deliverable_form_are_saved(
    client_for, editor, constabulary_deliverable, csp
):
    edit_deliverable(client_for(editor), constabulary_deliverable, partners=[str(csp.pk)])
    assert list(constabulary_deliverable.partners.all()) == [csp]
