"""A funded post names the grant award that pays for it (issue 11 item 5): chosen on the
post's form, shown on the body's page and on the award's page; neither is public."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pcplan.grants.models import Award, Fund
from pcplan.partnerships.models import BodyKind, FundedPost
from tests.factories import BodyFactory
from tests.htmlforms import served_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(opcc):
    fund = Fund.objects.create(key="csp-fund", name="Funding to CSPs")
    return Award.objects.create(
        reference="csp-psp-fenland",
        fund=fund,
        recipient=opcc,
        purpose="Problem-solving capacity",
        is_published=True,
    )


def test_a_post_recorded_with_its_award_is_shown_on_both(client_for, editor, award):
    csp = BodyFactory(key="fenland-csp", name="Fenland CSP", kind=BodyKind.CSP)
    client = client_for(editor)
    url = reverse("partnerships:funded-post-new", args=[csp.key])
    data = served_form(client.get(url).content.decode(), action="")
    data.update(
        title="Problem-solving officer",
        funded_from_day="1",
        funded_from_month="4",
        funded_from_year="2022",
        funded_until_day="31",
        funded_until_month="3",
        funded_until_year="2025",
        award=str(award.pk),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    post = FundedPost.objects.get()
    assert post.award == award and post.history.first().award_id == award.pk

    body_page = client.get(reverse("partnerships:staff-body", args=[csp.key])).content.decode()
    assert reverse("grants:award-detail", args=[award.pk]) in body_page
    award_page = client.get(reverse("grants:award-detail", args=[award.pk])).content.decode()
    assert "Problem-solving officer" in award_page
    assert reverse("partnerships:staff-body", args=[csp.key]) in award_page


def test_the_public_award_page_does_not_name_the_post(client, award):
    FundedPost.objects.create(
        title="Problem-solving officer", funded_until=dt.date(2025, 3, 31), award=award
    )
    page = client.get(reverse("grants:public-award", args=[award.reference]))
    assert page.status_code == 200
    assert "Problem-solving officer" not in page.content.decode()


def test_a_post_whose_csp_is_not_known_is_listed_on_the_partnerships_page(client_for, editor):
    FundedPost.objects.create(
        title="Problem-solving post (1 of 4)", funded_until=dt.date(2025, 3, 31)
    )
    page = client_for(editor).get(reverse("partnerships:staff-home")).content.decode()
    assert "Problem-solving post (1 of 4)" in page
