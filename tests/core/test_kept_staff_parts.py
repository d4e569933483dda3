"""The main staff pages' bodies kept until anything changes, per user (issue 17,
pcplan.core.fragments): never stale after a change, never another user's, and their forms carry
the session's own CSRF token."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pcplan.core import fragments
from pcplan.core.models import User
from pcplan.delivery.models import Deliverable
from tests.factories import UserFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


def queries(client: Client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_a_kept_page_costs_fewer_queries_and_shows_the_same(client_for, editor, published_update):
    deliverable = published_update.deliverable
    client = client_for(editor)
    url = reverse("delivery:deliverable-detail", args=[deliverable.pk])
    built, first = queries(client, url)
    kept, again = queries(client, url)
    assert kept < built
    assert "Needs assessment under way." in again
    # The same page, bar each form's CSRF token (masked anew on every page).
    assert again.count('name="csrfmiddlewaretoken"') == first.count('name="csrfmiddlewaretoken"')


def test_a_change_shows_on_the_next_request(client_for, editor, constabulary_deliverable):
    client = client_for(editor)
    url = reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    client.get(url)
    assert "Serious Violence Strategy" in client.get(url).content.decode()
    constabulary_deliverable.title = "Violence Reduction Unit"
    constabulary_deliverable.save()
    page = client.get(url).content.decode()
    # The body, kept before the change, is built again: its heading and its audit history.
    assert '<h1 class="govuk-heading-l">Violence Reduction Unit</h1>' in page
    assert "Serious Violence Strategy → Violence Reduction Unit" in page


def test_a_change_to_a_linked_record_shows_on_the_next_request(
    client_for, editor, constabulary_deliverable, csp
):
    """Many-to-many links move the version too: the partners listed on the deliverable."""
    client = client_for(editor)
    url = reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    client.get(url)
    assert csp.name not in client.get(url).content.decode()
    constabulary_deliverable.partners.add(csp)
    assert csp.name in client.get(url).content.decode()


def page_and_edit_link(deliverable: Deliverable) -> tuple[str, str]:
    return (
        reverse("delivery:deliverable-detail", args=[deliverable.pk]),
        reverse("delivery:deliverable-edit", args=[deliverable.theme.plan.key, deliverable.pk]),
    )


def test_a_page_kept_for_one_user_is_never_shown_to_another(
    client_for, editor, panel_member, constabulary_deliverable
):
    """The editor's page has the editor's links (edit, publish); the Panel member, who may
    read the same address, must get a page built for them."""
    url, edit = page_and_edit_link(constabulary_deliverable)
    editors = client_for(editor)
    editors.get(url)
    assert edit in editors.get(url).content.decode()
    readers = Client()
    readers.force_login(panel_member)
    for _ in range(2):
        response = readers.get(url)
        assert response.status_code == 200
        assert edit not in response.content.decode()


def test_a_role_taken_away_shows_on_the_next_request(client_for, editor, constabulary_deliverable):
    url, edit = page_and_edit_link(constabulary_deliverable)
    client = client_for(editor)
    client.get(url)
    assert edit in client.get(url).content.decode()
    editor.role = User.Role.PANEL_MEMBER
    editor.save()
    assert edit not in client.get(url).content.decode()


def test_a_kept_form_posts_with_the_session_s_own_token(editor, constabulary_deliverable):
    """Kept in one session, served in another (the same user on a second browser): the form
    must carry the second session's token, or posting it as served would be refused (403)."""
    url = reverse("delivery:deliverable-detail", args=[constabulary_deliverable.pk])
    publish = reverse("delivery:deliverable-publish", args=[constabulary_deliverable.pk])
    was_published = constabulary_deliverable.is_published
    first = Client(enforce_csrf_checks=True)
    first.force_login(editor)
    first.get(url)
    kept = first.get(url).content.decode()
    second = Client(enforce_csrf_checks=True)
    second.force_login(editor)
    page = second.get(url).content.decode()
    form = served_form(page, action=publish)
    assert form["csrfmiddlewaretoken"]
    # The first session's token is refused in the second: what a kept token would do.
    stale = {
        **form,
        "csrfmiddlewaretoken": served_form(kept, action=publish)["csrfmiddlewaretoken"],
    }
    assert second.post(publish, stale).status_code == 403
    response = second.post(publish, form)
    assert response.status_code == 302
    assert Deliverable.objects.get(pk=constabulary_deliverable.pk).is_published != was_published


def test_nothing_is_kept_for_an_anonymous_visitor_nor_a_post(rf, editor):
    request = rf.get("/staff/")
    request.user = editor
    assert fragments.keepable(request)
    post = rf.post("/staff/")
    post.user = editor
    assert not fragments.keepable(post)
    anonymous = rf.get("/staff/")
    from django.contrib.auth.models import AnonymousUser

    anonymous.user = AnonymousUser()
    assert not fragments.keepable(anonymous)


def test_a_part_whose_token_cannot_be_found_is_not_kept():
    html = '<form><input type="hidden" name="csrfmiddlewaretoken" value="abc"></form>'
    assert not fragments.put("pcplan:fragment:test:1", html, lambda: "x" * 64)
    assert fragments.get("pcplan:fragment:test:1", _request(), lambda: "y" * 64) is None
    token = "t" * 64
    kept = html.replace("abc", token)
    assert fragments.put("pcplan:fragment:test:2", kept, lambda: token)
    served = fragments.get("pcplan:fragment:test:2", _request(), lambda: "n" * 64)
    assert served == html.replace("abc", "n" * 64)


def test_each_day_has_its_own_parts(rf, editor):
    """ "Overdue" and "due in" change with the day, not with a record."""
    request = rf.get("/staff/")
    request.user = editor
    today = fragments.key(request, "t", [], today=dt.date(2026, 1, 1))
    assert fragments.key(request, "t", [], today=dt.date(2026, 1, 2)) != today
    assert fragments.key(request, "t", [], today=dt.date(2026, 1, 1)) == today


def test_a_new_secret_key_reads_none_of_the_parts_kept_under_the_old(rf, editor, settings):
    """Their forms hold a placeholder made from the secret key: under a new key it would never
    be replaced by the session's token."""
    request = rf.get("/staff/")
    request.user = editor
    old = fragments.key(request, "t", [])
    settings.SECRET_KEY = "another-" + settings.SECRET_KEY
    request = rf.get("/staff/")
    request.user = editor
    assert fragments.key(request, "t", []) != old


def _request():
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = UserFactory()
    return request
