"""The office profile page: administrators keep the profile; everyone else is turned away."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pcplan.core.models import CommunitySafetyPartnership, District, Force, Office
from pcplan.core.office import csp_areas, current_office
from tests.offices.profiles import seeds_office
from tests.offices.served import as_post, served_form

URL = "/staff/office/"


def test_the_page_has_its_url_name():
    assert reverse("core:office") == URL


@pytest.mark.django_db
def test_editors_contributors_and_panel_members_are_refused(
    client_for, editor, contributor, panel_member
):
    for user in (editor, contributor, panel_member):
        assert client_for(user).get(URL).status_code == 403


@pytest.mark.django_db
def test_a_visitor_is_asked_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_an_editor_cannot_post_a_profile_either(client_for, editor, administrator):
    seeds_office()
    page = client_for(administrator).get(URL).content.decode()
    data = as_post(served_form(page)) | {"name": "Changed by an editor"}
    response = client_for(editor).post(URL, data)
    assert response.status_code == 403
    assert current_office().name == "Cambridgeshire Police and Crime Commissioner"


@pytest.mark.django_db
def test_posting_the_page_back_exactly_as_served_saves_it_and_changes_nothing(
    client_for, administrator
):
    seeds_office()
    histories = [m.history.count() for m in (Office, Force, CommunitySafetyPartnership, District)]
    client = client_for(administrator)
    page = client.get(URL).content.decode()

    response = client.post(URL, as_post(served_form(page)))

    assert response.status_code == 302
    assert response["Location"] == URL
    after = [m.history.count() for m in (Office, Force, CommunitySafetyPartnership, District)]
    assert after == histories
    assert current_office().panel_name == "Cambridgeshire Police and Crime Panel"


@pytest.mark.django_db
def test_an_administrator_sets_up_a_new_office_from_an_empty_profile(client_for, administrator):
    client = client_for(administrator)
    data = served_form(client.get(URL).content.decode())
    assert "kind" in data  # the neutral office's kind is offered, pre-selected
    data |= {
        "kind": ["mayor"],
        "name": ["Mayor of Testshire"],
        "holder_title": ["Deputy Mayor for Policing and Crime"],
        "panel_name": ["Testshire Police and Crime Panel"],
        "forces-0-police_uk_id": ["testshire"],
        "forces-0-name": ["Testshire Police"],
        "csps-0-name": ["Northern Community Safety Partnership"],
        "csps-0-districts": ["Northtown\r\nUpper Vale\r\n"],
        "csps-1-name": ["Southern Community Safety Partnership"],
        "csps-1-districts": ["Southport"],
    }

    response = client.post(URL, as_post(data))

    assert response.status_code == 302
    office = current_office()
    assert office.holder == "Deputy Mayor for Policing and Crime"
    assert csp_areas() == {
        "Northern Community Safety Partnership": ["Northtown", "Upper Vale"],
        "Southern Community Safety Partnership": ["Southport"],
    }
    latest = Office.history.first()
    assert latest is not None
    assert latest.history_user == administrator


@pytest.mark.django_db
def test_clearing_a_partnerships_name_removes_it_and_its_districts(client_for, administrator):
    seeds_office()
    client = client_for(administrator)
    data = served_form(client.get(URL).content.decode())
    assert data["csps-0-name"] == ["Cambridge"]
    data["csps-0-name"] = [""]
    data["csps-0-districts"] = [""]

    assert client.post(URL, as_post(data)).status_code == 302

    assert "Cambridge" not in csp_areas()
    assert not District.objects.filter(name="Cambridge").exists()


@pytest.mark.django_db
def test_a_district_in_two_partnerships_is_shown_as_a_problem_beside_the_row(
    client_for, administrator
):
    seeds_office()
    client = client_for(administrator)
    data = served_form(client.get(URL).content.decode())
    data["csps-1-districts"] = ["East Cambridgeshire\r\nCambridge"]

    response = client.post(URL, as_post(data))

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Community Safety Partnership 2: the district &#x27;Cambridge&#x27; is already" in html
    assert csp_areas()["East Cambridgeshire"] == ["East Cambridgeshire"]


@pytest.mark.django_db
def test_a_profile_without_a_force_or_a_name_is_refused(client_for, administrator):
    seeds_office()
    client = client_for(administrator)
    data = served_form(client.get(URL).content.decode())
    data |= {"forces-0-police_uk_id": [""], "forces-0-name": [""], "forces-1-police_uk_id": [""]}
    data |= {"forces-1-name": [""], "name": [""]}

    response = client.post(URL, as_post(data))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter the name of the body" in html
    assert Force.objects.count() == 2


@pytest.mark.django_db
def test_the_page_renders_the_longest_values_the_fields_accept(client_for, administrator):
    seeds_office()
    Office.objects.update(
        name="N" * 200, panel_contact="<script>alert(1)</script>\n" * 40, contact_details="D" * 200
    )
    html = client_for(administrator).get(URL).content.decode()
    assert "N" * 200 in html
    assert "<script>alert(1)</script>" not in html


@pytest.mark.django_db
def test_a_partnerships_organisation_is_kept_when_the_page_is_posted_back(
    client_for, administrator
):
    from pcplan.core.profile import setup_from_text
    from tests.factories import OrganisationFactory
    from tests.offices.profiles import SEEDS_OFFICE

    fenland = OrganisationFactory(key="fenland-csp", name="Fenland CSP")
    setup_from_text(
        SEEDS_OFFICE.replace(
            "{name: Fenland, districts: [Fenland]}",
            "{name: Fenland, organisation: fenland-csp, districts: [Fenland]}",
        ),
        "office.yaml",
    )
    client = client_for(administrator)
    data = served_form(client.get(URL).content.decode())
    assert data["csps-2-organisation"] == ["fenland-csp"]

    assert client.post(URL, as_post(data)).status_code == 302

    assert CommunitySafetyPartnership.objects.get(name="Fenland").organisation == fenland
