"""403, 404 and 500 are GOV.UK pages with a way back, with DEBUG off as in production."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from pcplan.core.menu import staff_menu
from pcplan.core.models import User
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def test_a_contributor_sent_to_the_panel_pages_gets_a_styled_403_with_a_way_back(
    client_for, contributor
):
    response = client_for(contributor).get(reverse("panel:staff-home"))
    assert response.status_code == 403
    assert "govuk-template" in response.text
    assert "You cannot see this page – pcplan" in response.text
    assert "The Panel pages are for Panel members and the secretariat." in response.text
    assert f'href="{reverse("core:staff-home")}"' in response.text


def test_an_unknown_address_gets_a_styled_404_with_a_link_to_the_public_home(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found – pcplan" in response.text
    assert 'class="govuk-header' in response.text
    assert f'href="{reverse("public:home")}"' in response.text
    assert reverse("core:staff-home") not in response.text.split("<footer")[0]


def test_a_signed_in_user_on_a_404_is_offered_the_staff_home(client_for, editor):
    response = client_for(editor).get("/staff/plans/no-such-plan/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "Go to your work in the staff pages" in response.text


def test_the_500_page_renders_with_no_request_context():
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert f'href="{reverse("public:home")}"' in html


def test_a_server_error_is_a_styled_500_that_names_the_service(db, settings):
    settings.ROOT_URLCONF = "tests.core.broken_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service – pcplan" in response.text
    assert 'class="govuk-header__link govuk-header__service-name">pcplan<' in response.text
    assert "the database went away" not in response.text


def test_a_lost_connection_under_another_error_is_a_503_as_a_bad_request_s_is(db, settings):
    """One rule for both handlers (core.views._lost_database): the exception in hand, or any
    it was raised from or while handling."""
    settings.ROOT_URLCONF = "tests.core.broken_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/lost-underneath/")
    assert response.status_code == 503
    assert response["Retry-After"]


@pytest.mark.parametrize(
    ("role", "sees_panel"),
    [
        (User.Role.OPCC_EDITOR, False),
        (User.Role.CONTRIBUTOR, False),
        (User.Role.ADMINISTRATOR, True),
        (User.Role.PANEL_MEMBER, True),
        (User.Role.PANEL_SECRETARIAT, True),
    ],
)
def test_the_staff_menu_offers_the_panel_only_to_those_the_panel_pages_let_in(
    client, db, role, sees_panel
):
    user = UserFactory(role=role)
    client.force_login(user)
    home = client.get(reverse("core:staff-home"))
    panel_link = f'href="{reverse("panel:staff-home")}"'
    assert (panel_link in home.text) is sees_panel
    panel = client.get(reverse("panel:staff-home"))
    assert (panel.status_code == 200) is sees_panel


def test_every_menu_item_opens_for_the_user_it_is_shown_to(client, db, opcc):
    for role in User.Role:
        user = UserFactory(role=role, organisation=opcc)
        client.force_login(user)
        for item in staff_menu(user, "/"):
            assert client.get(item.url).status_code == 200, (role, item.url)


def test_updates_asked_of_you_is_offered_only_to_people_with_an_organisation(
    client_for, outsider, contributor
):
    link = f'href="{reverse("reports:my-update-requests")}"'
    assert link not in client_for(outsider).get(reverse("core:staff-home")).text
    assert link in client_for(contributor).get(reverse("core:staff-home")).text


@pytest.mark.parametrize(
    ("role", "sees_profile"),
    [
        (User.Role.ADMINISTRATOR, True),
        (User.Role.OPCC_EDITOR, False),
        (User.Role.CONTRIBUTOR, False),
        (User.Role.PANEL_MEMBER, False),
        (User.Role.PANEL_SECRETARIAT, False),
    ],
)
def test_the_staff_menu_offers_the_office_profile_to_administrators_only(
    client, db, role, sees_profile
):
    client.force_login(UserFactory(role=role))
    home = client.get(reverse("core:staff-home"))
    assert (f'href="{reverse("core:office")}"' in home.text) is sees_profile
