"""The links between the Panel's business and the plan's deliverables are in the audit trail:
who linked or unlinked which deliverable, and when, like any other change."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from pcplan.panel import services
from pcplan.panel.models import AgendaItem
from tests.panel.conftest import served_form


def linked(record):
    return {row.deliverable_id for row in record.deliverables.all()}


def test_linking_deliverables_to_an_agenda_item_is_in_its_history(
    client_for, secretariat, next_meeting, constabulary_deliverable, csp_deliverable
):
    client = client_for(secretariat)
    url = reverse("panel:agenda-item-edit", args=[next_meeting.pk, 1])
    data = served_form(client.get(url).content.decode())
    data["deliverables"] = [str(constabulary_deliverable.pk), str(csp_deliverable.pk)]
    assert client.post(url, data).status_code == 302
    item = AgendaItem.objects.get(meeting=next_meeting, number=1)
    latest = item.history.first()
    assert linked(latest) == {constabulary_deliverable.pk, csp_deliverable.pk}
    assert latest.history_user == secretariat

    # The form as served again (its version moved on with the first save).
    data = served_form(client.get(url).content.decode())
    data["deliverables"] = [str(constabulary_deliverable.pk)]
    assert client.post(url, data).status_code == 302
    records = list(item.history.all())
    assert linked(records[0]) == {constabulary_deliverable.pk}
    # The earlier link is still on record after the unlinking.
    assert any(linked(r) == {constabulary_deliverable.pk, csp_deliverable.pk} for r in records)


def test_the_deliverables_of_a_recommendation_are_in_its_history(
    secretariat, held_meeting, constabulary_deliverable
):
    rec = services.make_recommendation(
        secretariat,
        held_meeting,
        text="Report on serious violence",
        made_on=held_meeting.date,
        response_due=held_meeting.date + dt.timedelta(days=56),
        deliverables=[constabulary_deliverable],
    )
    latest = rec.history.first()
    assert linked(latest) == {constabulary_deliverable.pk}
    assert latest.history_user == secretariat
