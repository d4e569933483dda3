"""Who may change the Delivery Plan (issue 2: roles; DESIGN.md "Who uses it")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from pcplan.core.publishing import set_published
from pcplan.delivery import permissions, services
from pcplan.delivery.models import Update


@pytest.mark.django_db
def test_contributor_can_update_a_deliverable_their_organisation_leads(
    contributor, constabulary_deliverable
):
    assert permissions.can_post_update(contributor, constabulary_deliverable)


@pytest.mark.django_db
def test_contributor_cannot_update_other_orgs_deliverable(contributor, csp_deliverable):
    assert not permissions.can_post_update(contributor, csp_deliverable)
    with pytest.raises(PermissionDenied):
        services.post_update(
            contributor, csp_deliverable, text="Not ours", date=dt.date(2023, 3, 1)
        )
    assert not Update.objects.exists()


@pytest.mark.django_db
def test_contributor_without_organisation_cannot_update_a_deliverable_without_lead(outsider, theme):
    from tests.factories import DeliverableFactory

    unled = DeliverableFactory(theme=theme, lead=None)
    assert not permissions.can_post_update(outsider, unled)


@pytest.mark.django_db
def test_editors_update_any_deliverable_and_publish(editor, administrator, csp_deliverable):
    for user in (editor, administrator):
        assert permissions.can_post_update(user, csp_deliverable)
        assert permissions.can_publish(user)
        assert permissions.can_edit_delivery_plan(user)


@pytest.mark.django_db
def test_panel_members_read_only(panel_member, constabulary_deliverable):
    assert not permissions.can_post_update(panel_member, constabulary_deliverable)
    assert not permissions.can_publish(panel_member)
    assert not permissions.can_edit_delivery_plan(panel_member)


@pytest.mark.django_db
def test_an_inactive_editor_can_do_nothing(editor, constabulary_deliverable):
    editor.is_active = False
    assert not permissions.can_post_update(editor, constabulary_deliverable)
    assert not permissions.can_publish(editor)


@pytest.mark.django_db
def test_a_contributor_edits_their_own_draft_update_but_not_once_published(
    contributor, editor, constabulary_deliverable
):
    update = services.post_update(
        contributor, constabulary_deliverable, text="Draft", date=dt.date(2023, 3, 1)
    )
    assert permissions.can_edit_update(contributor, update)
    set_published(editor, update, True)
    assert not permissions.can_edit_update(contributor, update)
    assert permissions.can_edit_update(editor, update)


@pytest.mark.django_db
def test_a_contributor_cannot_publish_their_own_update(contributor, constabulary_deliverable):
    update = services.post_update(
        contributor, constabulary_deliverable, text="Draft", date=dt.date(2023, 3, 1)
    )
    with pytest.raises(PermissionDenied):
        set_published(contributor, update, True)
    update.refresh_from_db()
    assert not update.is_published


@pytest.mark.django_db
def test_an_update_is_posted_as_an_unpublished_draft_attributed_to_its_author(
    contributor, constabulary_deliverable
):
    update = services.post_update(
        contributor,
        constabulary_deliverable,
        text="  Strategy drafted.  ",
        date=dt.date(2023, 3, 1),
    )
    update.refresh_from_db()
    assert not update.is_published
    assert update.text == "Strategy drafted."
    assert update.author == contributor
    assert update.author_organisation == contributor.organisation
    assert update.history.get().history_user == contributor
