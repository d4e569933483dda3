"""Staff tokens (issue 14): a token lets its holder do through the API exactly what they may
do on the web pages, through the same services; a contributor's token cannot do more."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.api.models import ApiToken
from pcplan.api.tokens import issue_token, revoke_token
from pcplan.delivery.models import Update
from pcplan.transparency.models import Decision
from tests.factories import UpdateFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, raw = issue_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post_update(client, headers, deliverable, text="Strategy agreed with partners."):
    return client.post(
        reverse("api:staff-update-list"),
        {"deliverable": deliverable.pk, "date": "2023-03-20", "text": text},
        content_type="application/json",
        **headers,
    )


def test_only_a_digest_of_the_token_is_kept(editor):
    token, raw = issue_token(editor, "Performance system")
    token.refresh_from_db()
    assert raw not in (token.digest, token.prefix)
    assert raw.startswith(token.prefix)
    assert token.history.first().history_change_reason == "API token made"


def test_a_contributor_adds_an_update_to_a_deliverable_their_organisation_leads(
    client, contributor, constabulary_deliverable
):
    response = post_update(client, bearer(contributor), constabulary_deliverable)
    assert response.status_code == 201, response.content
    update = Update.objects.get(pk=response.json()["id"])
    update.refresh_from_db()
    assert update.author == contributor
    assert update.is_published is False
    assert update.history.first().history_user == contributor


def test_a_contributor_token_cannot_update_another_organisations_deliverable(
    client, contributor, csp_deliverable
):
    response = post_update(client, bearer(contributor), csp_deliverable)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == (
        "You may only add updates to deliverables your organisation leads."
    )
    assert not Update.objects.filter(deliverable=csp_deliverable).exists()


def test_a_contributor_token_cannot_publish_an_update(
    client, contributor, constabulary_deliverable
):
    draft = UpdateFactory(
        deliverable=constabulary_deliverable, author=contributor, is_published=False
    )
    response = client.post(
        reverse("api:staff-update-publish", args=[draft.pk]),
        {"published": True},
        content_type="application/json",
        **bearer(contributor),
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.is_published is False


def test_an_editor_token_publishes_an_update(client, editor, constabulary_deliverable):
    draft = UpdateFactory(deliverable=constabulary_deliverable, is_published=False)
    response = client.post(
        reverse("api:staff-update-publish", args=[draft.pk]),
        {"published": True},
        content_type="application/json",
        **bearer(editor),
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.is_published is True
    assert draft.published_by == editor


def test_a_contributor_edits_their_own_draft_but_a_stale_version_is_refused(
    client, contributor, constabulary_deliverable
):
    headers = bearer(contributor)
    created = post_update(client, headers, constabulary_deliverable).json()
    url = reverse("api:staff-update-detail", args=[created["id"]])
    edited = client.patch(
        url,
        {"text": "Strategy signed.", "version": created["version"]},
        content_type="application/json",
        **headers,
    )
    assert edited.status_code == 200, edited.content
    stale = client.patch(
        url,
        {"text": "Older words.", "version": created["version"]},
        content_type="application/json",
        **headers,
    )
    assert stale.status_code == 409
    update = Update.objects.get(pk=created["id"])
    assert update.text == "Strategy signed."


def test_a_contributor_cannot_edit_a_published_update(client, contributor, published_update):
    response = client.patch(
        reverse("api:staff-update-detail", args=[published_update.pk]),
        {"text": "Rewritten.", "version": published_update.version},
        content_type="application/json",
        **bearer(contributor),
    )
    assert response.status_code == 403
    published_update.refresh_from_db()
    assert published_update.text == "Needs assessment under way."


def test_a_revoked_token_is_refused(client, contributor, constabulary_deliverable):
    token, raw = issue_token(contributor, "old")
    revoke_token(contributor, token)
    response = post_update(
        client, {"HTTP_AUTHORIZATION": f"Bearer {raw}"}, constabulary_deliverable
    )
    assert response.status_code == 401
    assert "revoked" in response.json()["error"]["message"]
    assert not Update.objects.filter(author=contributor).exists()


def test_a_bad_update_is_refused_naming_the_field(client, editor, constabulary_deliverable):
    response = client.post(
        reverse("api:staff-update-list"),
        {"deliverable": constabulary_deliverable.pk, "date": "15/03/2023", "text": ""},
        content_type="application/json",
        **bearer(editor),
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error["fields"]) == {"date", "text"}
    assert not Update.objects.exists()


def test_the_tokens_page_makes_a_token_shown_once_and_revokes_it(client_for, contributor):
    client = client_for(contributor)
    page = client.post(reverse("api:tokens"), {"name": "Force system"})
    assert page.status_code == 200
    token = ApiToken.objects.get(user=contributor)
    assert token.prefix in page.content.decode()
    assert "shown only once" in page.content.decode()
    assert "shown only once" not in client.get(reverse("api:tokens")).content.decode()
    revoked = client.post(reverse("api:token-revoke", args=[token.pk]))
    assert revoked.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_no_one_revokes_another_users_token(client_for, contributor, editor):
    token, _raw = issue_token(editor, "Editor's")
    response = client_for(contributor).post(reverse("api:token-revoke", args=[token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_an_editor_token_changes_a_deliverables_status_and_target(
    client, editor, constabulary_deliverable
):
    response = client.patch(
        reverse("api:staff-deliverable-detail", args=[constabulary_deliverable.pk]),
        {
            "status": "completed",
            "target": "Q1 2023/24",
            "version": constabulary_deliverable.version,
        },
        content_type="application/json",
        **bearer(editor),
    )
    assert response.status_code == 200, response.content
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == "completed"
    assert constabulary_deliverable.completed_on is not None
    assert str(constabulary_deliverable.target) == "Q1 2023/24"
    assert constabulary_deliverable.history.first().history_user == editor


def test_a_contributor_token_cannot_change_even_its_own_deliverable(
    client, contributor, constabulary_deliverable
):
    response = client.patch(
        reverse("api:staff-deliverable-detail", args=[constabulary_deliverable.pk]),
        {"status": "completed", "version": constabulary_deliverable.version},
        content_type="application/json",
        **bearer(contributor),
    )
    assert response.status_code == 403
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.status == "in-progress"


def test_a_bad_target_is_refused_naming_the_field(client, editor, constabulary_deliverable):
    response = client.patch(
        reverse("api:staff-deliverable-detail", args=[constabulary_deliverable.pk]),
        {"target": "next spring", "version": constabulary_deliverable.version},
        content_type="application/json",
        **bearer(editor),
    )
    assert response.status_code == 400
    assert "target" in response.json()["error"]["fields"]
    constabulary_deliverable.refresh_from_db()
    assert constabulary_deliverable.target is None


def test_the_opcc_reads_exempt_parts_of_decisions_with_a_token_and_a_contributor_cannot(
    client, editor, contributor
):
    Decision.objects.create(
        decided_on="2023-02-03",
        title="Estates strategy",
        summary="Agreed.",
        exempt_part="Sale price of the site",
        exemption_reason="Commercial",
        exemption_paragraph="Schedule 12A paragraph 3",
    )
    url = reverse("api:staff-decision-list")
    read = client.get(url, **bearer(editor))
    assert read.status_code == 200
    assert read.json()["results"][0]["exempt_part"] == "Sale price of the site"
    refused = client.get(url, **bearer(contributor))
    assert refused.status_code == 403
    assert "Sale price" not in refused.content.decode()
    assert client.get(url).status_code == 401
