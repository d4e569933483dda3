"""The decisions register (issue 13 item 1; SI 2011/3050 Schedule para 5): staff record and
publish decisions; the Panel reads every one (terms of reference item 6, seeds 001 and 004);
the public register never shows an exempt part or an unpublished decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from pcplan.transparency import services
from pcplan.transparency.models import Decision
from tests.htmlforms import served_form
from tests.transparency.conftest import SECRET

pytestmark = pytest.mark.django_db


def test_every_public_route_never_shows_the_exempt_part(client, published_decision):
    for url in [
        reverse("transparency:decisions"),
        reverse("transparency:decision", args=[published_decision.pk]),
    ]:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "Disposal of the old police station" in html, url
        assert "SECRET" not in html, url


def test_the_public_decision_page_says_a_part_is_withheld(client, published_decision):
    html = client.get(reverse("transparency:decision", args=[published_decision.pk])).content
    assert b"exempt from publication and is withheld" in html
    assert b"Chief Finance Officer" in html


def test_an_unpublished_decision_is_neither_listed_nor_found(client, draft_decision):
    assert "DRAFT-DECISION" not in client.get(reverse("transparency:decisions")).content.decode()
    response = client.get(reverse("transparency:decision", args=[draft_decision.pk]))
    assert response.status_code == 404


def test_a_panel_member_reads_the_exempt_part_on_the_staff_page(
    client_for, panel_member, published_decision, draft_decision
):
    client = client_for(panel_member)
    listing = client.get(reverse("transparency:staff-decisions")).content.decode()
    assert "DRAFT-DECISION" in listing
    page = client.get(reverse("transparency:staff-decision", args=[published_decision.pk]))
    assert page.status_code == 200
    assert SECRET in page.content.decode()
    assert "Publish on the public register" not in page.content.decode()


def test_a_contributor_may_not_read_the_staff_register(client_for, contributor, published_decision):
    response = client_for(contributor).get(reverse("transparency:staff-decisions"))
    assert response.status_code == 403
    response = client_for(contributor).get(
        reverse("transparency:staff-decision", args=[published_decision.pk])
    )
    assert response.status_code == 403


def test_a_panel_member_may_not_record_or_publish(client_for, panel_member, draft_decision):
    client = client_for(panel_member)
    assert client.get(reverse("transparency:decision-new")).status_code == 403
    response = client.post(
        reverse("transparency:decision-publish", args=[draft_decision.pk]), {"publish": "yes"}
    )
    assert response.status_code == 403
    draft_decision.refresh_from_db()
    assert not draft_decision.is_published


def test_an_editor_records_a_decision_on_the_staff_form(client_for, editor):
    client = client_for(editor)
    page = client.get(reverse("transparency:decision-new"))
    assert page.status_code == 200
    data = served_form(page.content.decode(), action="")
    data.update(
        {
            "number": "2021/045",
            "decided_on_day": "12",
            "decided_on_month": "10",
            "decided_on_year": "2021",
            "title": "Approval of the draft Police and Crime Plan",
            "kind": "plan",
            "summary": "The Board approved the draft plan.",
        }
    )
    response = client.post(reverse("transparency:decision-new"), data)
    decision = Decision.objects.get(number="2021/045")
    assert response.status_code == 302
    assert response["Location"] == reverse("transparency:staff-decision", args=[decision.pk])
    decision.refresh_from_db()
    assert decision.decided_on == dt.date(2021, 10, 12)
    assert not decision.is_published
    assert decision.history.first().history_user == editor


def test_an_exempt_part_without_its_reason_is_refused(client_for, editor):
    client = client_for(editor)
    data = served_form(client.get(reverse("transparency:decision-new")).content.decode(), action="")
    data.update(
        {
            "decided_on_day": "3",
            "decided_on_month": "2",
            "decided_on_year": "2023",
            "title": "Sale",
            "summary": "Sold.",
            "exempt_part": "The price.",
        }
    )
    response = client.post(reverse("transparency:decision-new"), data)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert "Give the reason the exempt part is withheld" in response.content.decode()
    assert not Decision.objects.exists()


def test_an_editor_publishes_and_withdraws_a_decision(client_for, editor, draft_decision):
    client = client_for(editor)
    url = reverse("transparency:decision-publish", args=[draft_decision.pk])
    assert client.post(url, {"publish": "yes"}).status_code == 302
    draft_decision.refresh_from_db()
    assert draft_decision.is_published and draft_decision.published_by == editor
    assert client.get(reverse("transparency:decision", args=[draft_decision.pk])).status_code == 200
    client.post(url, {"publish": "no"})
    draft_decision.refresh_from_db()
    assert not draft_decision.is_published


def test_decision_numbers_are_unique(editor, published_decision):
    with pytest.raises(ValidationError):
        services.record_decision(
            editor,
            number="2023/007",
            decided_on=dt.date(2023, 3, 1),
            title="Another",
            summary="Another.",
        )
    assert Decision.objects.count() == 1


def test_decisions_without_a_number_may_be_many(editor):
    for title in ["One", "Two"]:
        services.record_decision(editor, decided_on=dt.date(2023, 3, 1), title=title, summary=".")
    assert Decision.objects.filter(number="").count() == 2


def test_another_app_records_a_decision_through_the_service_only_as_a_keeper(contributor):
    with pytest.raises(PermissionDenied):
        services.record_decision(
            contributor, decided_on=dt.date(2023, 3, 1), title="Grant award", summary="."
        )
    assert not Decision.objects.exists()


def test_the_staff_menu_offers_decisions_to_the_panel_but_not_to_contributors(
    client_for, panel_member, contributor
):
    url = reverse("transparency:staff-decisions")
    assert url in client_for(panel_member).get(reverse("core:staff-home")).content.decode()
    assert url not in client_for(contributor).get(reverse("core:staff-home")).content.decode()


def test_a_decision_saved_by_someone_else_since_the_form_was_served_is_not_overwritten(
    client_for, editor, administrator, draft_decision
):
    client = client_for(editor)
    url = reverse("transparency:decision-edit", args=[draft_decision.pk])
    data = served_form(client.get(url).content.decode(), action="")
    assert data["title"] == "DRAFT-DECISION not yet published"
    other = Decision.objects.get(pk=draft_decision.pk)
    other.summary = "Changed by the administrator."
    services.save_decision(administrator, other, version=other.version)
    data["summary"] = "My stale summary."
    response = client.post(url, data)
    assert response.status_code == 400
    assert "was changed by" in response.content.decode()
    draft_decision.refresh_from_db()
    assert draft_decision.summary == "Changed by the administrator."
