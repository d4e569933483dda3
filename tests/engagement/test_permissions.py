"""Only the OPCC's editors reach the engagement staff pages, which hold personal data."""

from __future__ import annotations

import pytest

from pcplan.core.menu import staff_menu

pytestmark = pytest.mark.django_db

STAFF_URLS = [
    "/staff/engagement/",
    "/staff/engagement/concerns/",
    "/staff/engagement/concerns/new/",
    "/staff/engagement/output/",
]


@pytest.mark.parametrize("who", ["contributor", "panel_member", "outsider"])
def test_people_other_than_opcc_editors_are_refused(request, client_for, who, concern):
    client = client_for(request.getfixturevalue(who))
    for url in [*STAFF_URLS, f"/staff/engagement/concerns/{concern.pk}/"]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert concern.raiser_name not in response.content.decode()


def test_the_public_is_sent_to_sign_in(client):
    response = client.get("/staff/engagement/concerns/")
    assert response.status_code == 302
    assert "/login" in response["Location"] or "sign-in" in response["Location"]


def test_a_contributor_cannot_publish_a_consultation(client_for, contributor, consultation):
    response = client_for(contributor).post(
        f"/staff/engagement/publish/consultation/{consultation.pk}/", {"published": "1"}
    )
    assert response.status_code == 403
    consultation.refresh_from_db()
    assert not consultation.is_published


def test_an_editor_publishes_a_consultation_and_it_is_audited(client_for, editor, consultation):
    response = client_for(editor).post(
        f"/staff/engagement/publish/consultation/{consultation.pk}/", {"published": "1"}
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.is_published and consultation.published_by == editor
    assert consultation.history.first().history_change_reason == "Published"


def test_the_menu_offers_engagement_to_editors_only(editor, contributor):
    assert "Engagement" in [str(i.label) for i in staff_menu(editor, "/")]
    assert "Engagement" not in [str(i.label) for i in staff_menu(contributor, "/")]


def test_publishing_never_redirects_off_the_site(client_for, editor, consultation):
    response = client_for(editor).post(
        f"/staff/engagement/publish/consultation/{consultation.pk}/",
        {"published": "1", "next": "https://evil.example.com/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/engagement/"
    consultation.refresh_from_db()
    assert consultation.is_published
