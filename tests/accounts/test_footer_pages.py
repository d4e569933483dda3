"""Personal data pages (issue 15): a privacy notice, an accessibility statement, a cookies page
and a "report a problem" contact, linked from the footer of every page and filled from the
office profile, never from code."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.accounts.models import SignInEvent
from pcplan.core.models import Office

FOOTER_PAGES = [
    ("accounts:privacy", "Privacy notice"),
    ("accounts:accessibility", "Accessibility statement"),
    ("accounts:cookies", "Cookies"),
    ("accounts:report-a-problem", "Report a problem"),
]


@pytest.fixture
def office(db):
    return Office.objects.create(
        kind=Office.Kind.MAYOR,
        name="Mayor of Shireland",
        office_name="Shireland Mayor's Office for Policing",
        contact_details="policing@shireland.example, 0100 000 0000",
    )


@pytest.mark.parametrize(("name", "heading"), FOOTER_PAGES)
def test_each_footer_page_names_the_office_and_its_contact(client, office, name, heading):
    response = client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert heading in page
    if name != "accounts:cookies":
        assert "policing@shireland.example, 0100 000 0000" in page
        assert "Shireland Mayor&#x27;s Office for Policing" in page


@pytest.mark.parametrize("name", [name for name, _ in FOOTER_PAGES])
def test_the_footer_links_every_page_to_them(client, editor, name):
    assert reverse(name) in client.get(reverse("public:home")).content.decode()
    client.force_login(editor)
    assert reverse(name) in client.get(reverse("core:staff-home")).content.decode()


def test_the_privacy_notice_gives_the_retention_of_the_sign_in_record(client, db, settings):
    settings.PCPLAN_SIGN_IN_RECORD_DAYS = 90
    assert "kept for 90 days" in client.get(reverse("accounts:privacy")).content.decode()


def test_the_cookies_page_lists_the_cookies_the_service_sets(client, db, settings):
    page = client.get(reverse("accounts:cookies")).content.decode()
    assert settings.SESSION_COOKIE_NAME in page
    assert settings.CSRF_COOKIE_NAME in page
    assert "After 30 minutes without use" in page


def test_without_an_office_profile_the_pages_still_answer(client, db):
    for name, heading in FOOTER_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert heading in response.content.decode()


def test_no_footer_page_shows_anyone_s_sign_ins(client, office, editor):
    SignInEvent.objects.create(
        kind=SignInEvent.Kind.FAILED, username="planted-username", ip_address="192.0.2.77"
    )
    for name, _heading in FOOTER_PAGES:
        page = client.get(reverse(name)).content.decode()
        assert "planted-username" not in page
        assert "192.0.2.77" not in page
    assert client.get(reverse("accounts:people")).status_code == 302
