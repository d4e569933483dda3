"""Staff pages: a CSP's user applies through the form; officers assess; the editor decides,
publishes and downloads the grant agreement letter; others are turned away."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from pcplan.core.models import Organisation
from pcplan.grants.models import Application, Award, Fund, Source
from pcplan.performance.models import Measure
from tests.factories import DeliverableFactory, ThemeFactory
from tests.grants.conftest import make_award
from tests.htmlforms import date_fields, post_as_served

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_fund(fund):
    fund.opens_on = fund.closes_on = None
    fund.save()
    return fund


def apply_data(amount="4000", **extra):
    data = {
        "title": "Bike marking kits",
        "amount": amount,
        "outcomes_sought": "Fewer cycle thefts.",
        "contact_name": "Pat Applicant",
        "contact_email": "pat@example.org",
    }
    data.update(extra)
    return data


def test_csp_user_applies_through_the_form(client, open_fund, csp_user):
    client.force_login(csp_user)
    response = client.post(reverse("grants:apply", args=[open_fund.key]), apply_data())
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("grants:application-detail", args=[application.pk])
    assert application.organisation == csp_user.organisation
    assert application.amount == Decimal("4000.00")


def test_a_bid_over_the_cap_shows_the_rule_on_the_form_and_saves_nothing(
    client, open_fund, csp_user
):
    client.force_login(csp_user)
    response = client.post(reverse("grants:apply", args=[open_fund.key]), apply_data("5000.01"))
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "largest award per bid is £5,000.00" in text
    assert Application.objects.count() == 0


def test_an_ineligible_organisation_is_refused_on_the_form(client, open_fund, charity_user):
    client.force_login(charity_user)
    response = client.post(reverse("grants:apply", args=[open_fund.key]), apply_data("10"))
    assert response.status_code == 400
    assert "Only these organisations may apply" in response.content.decode()
    assert Application.objects.count() == 0


def test_another_organisation_cannot_read_a_bid(client, open_fund, csp_user, charity_user):
    client.force_login(csp_user)
    client.post(reverse("grants:apply", args=[open_fund.key]), apply_data())
    application = Application.objects.get()
    client.force_login(charity_user)
    response = client.get(reverse("grants:application-detail", args=[application.pk]))
    assert response.status_code == 403
    assert "pat@example.org" not in response.content.decode()


def test_editor_assesses_then_awards_through_the_forms(client, open_fund, csp_user, editor):
    client.force_login(csp_user)
    client.post(reverse("grants:apply", args=[open_fund.key]), apply_data())
    application = Application.objects.get()
    client.force_login(editor)
    response = client.post(
        reverse("grants:application-assess", args=[application.pk]),
        {"assessment": "Meets the criteria.", "recommendation": "award"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("grants:application-decide", args=[application.pk]),
        {
            "decision": "award",
            "decision_number": "2022/050",
            "decision_date_day": "1",
            "decision_date_month": "7",
            "decision_date_year": "2022",
            "decision_maker": "Police and Crime Commissioner",
            "reasons": "Reassurance in the night-time economy.",
            "conditions": "Six-monthly returns.",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.AWARDED
    award = Award.objects.get()
    assert award.decision.number == "2022/050"
    response = client.post(reverse("grants:award-publish", args=[award.pk]), {"publish": "1"})
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.is_published
    assert award.published_by == editor
    # Publishing the award publishes the decision that made it, and each links to the other.
    assert award.decision.is_published
    page = client.get(reverse("grants:public-award", args=[award.reference])).content.decode()
    assert reverse("transparency:decision", args=[award.decision.pk]) in page
    decision_page = client.get(reverse("transparency:decision", args=[award.decision.pk]))
    assert reverse("grants:public-award", args=[award.reference]) in decision_page.content.decode()


def test_a_contributor_cannot_decide_or_publish(client, open_fund, csp, csp_user):
    award = make_award(open_fund, csp, reference="x", published=False)
    client.force_login(csp_user)
    assert (
        client.post(reverse("grants:award-publish", args=[award.pk]), {"publish": "1"}).status_code
        == 403
    )
    award.refresh_from_db()
    assert not award.is_published


def test_grant_agreement_letter_in_pdf_and_word_reads_back(client, office, fund, csp, editor):
    award = make_award(
        fund, csp, reference="scf-22-01", amount="4750.00", conditions="Spend by 31 March 2023."
    )
    client.force_login(editor)
    response = client.get(reverse("grants:award-letter-pdf", args=[award.pk]))
    assert response.status_code == 200
    pdf = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "scf-22-01" in text
    assert "£4,750.00" in text
    assert pdf.metadata.title == "Grant agreement scf-22-01"
    response = client.get(reverse("grants:award-letter-docx", args=[award.pk]))
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    words = "\n".join(p.text for p in doc.paragraphs)
    assert "Spend by 31 March 2023." in words
    assert "£4,750.00" in words
    assert "Testshire" in words


def test_staff_pages_show_funds_bids_and_awards_to_officers(client, fund, csp, editor):
    award = make_award(fund, csp, reference="seen", amount="10.00")
    client.force_login(editor)
    for url in (
        reverse("grants:home"),
        reverse("grants:fund-detail", args=[fund.key]),
        reverse("grants:award-detail", args=[award.pk]),
        reverse("grants:fund-create"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Safer Communities Fund" in client.get(reverse("grants:home")).content.decode()


def test_editor_sets_up_a_fund_and_its_page_shows_budget_committed_and_left(client, editor, csp):
    theme = ThemeFactory(title="Putting Communities First")
    client.force_login(editor)
    response = post_as_served(
        client,
        reverse("grants:fund-create"),
        {
            "name": "Safer Communities Fund",
            "key": "scf",
            "source": Source.COMMISSIONER,
            "purpose": "Small grants for community safety.",
            "themes": [str(theme.pk)],
            "eligible_kinds": [Organisation.Kind.CSP],
            "max_award": "5000",
            **date_fields("opens_on", dt.date(2022, 5, 1)),
            **date_fields("closes_on", dt.date(2023, 3, 31)),
            "budget": "30000",
        },
    )
    assert response.status_code == 302
    fund = Fund.objects.get()
    assert (fund.source, fund.eligible_kinds, fund.max_award, fund.budget) == (
        Source.COMMISSIONER,
        [Organisation.Kind.CSP],
        Decimal("5000.00"),
        Decimal("30000.00"),
    )
    assert (fund.opens_on, fund.closes_on) == (dt.date(2022, 5, 1), dt.date(2023, 3, 31))
    assert list(fund.themes.all()) == [theme]
    assert {h.history_user for h in fund.history.all()} == {editor}
    make_award(fund, csp, reference="scf-1", amount="4999.99")
    page = client.get(reverse("grants:fund-detail", args=["scf"])).content.decode()
    assert "Small grants for community safety." in page
    assert "Community Safety Partnership" in page
    assert "£5,000.00" in page
    assert "1 May 2022 – 31 March 2023" in page
    assert "£30,000.00, £4,999.99, £25,000.01" in page


def test_a_bid_names_its_area_outcomes_deliverables_and_measures_on_the_form(
    client, open_fund, csp_user, csp_area
):
    theme = ThemeFactory()
    open_fund.themes.add(theme)
    deliverable = DeliverableFactory(theme=theme, title="Cycle marking")
    measure = Measure.objects.create(
        key="cycle-theft", name="Cycle theft", unit="n", direction="lower"
    )
    client.force_login(csp_user)
    response = post_as_served(
        client,
        reverse("grants:apply", args=[open_fund.key]),
        apply_data(
            area=str(csp_area.pk),
            deliverables=[str(deliverable.pk)],
            measures=[str(measure.pk)],
        ),
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.area == csp_area
    assert application.outcomes_sought == "Fewer cycle thefts."
    assert list(application.deliverables.all()) == [deliverable]
    assert list(application.measures.all()) == [measure]


def test_a_bid_outside_the_window_is_refused_on_the_form_and_saves_nothing(client, fund, csp_user):
    """The fixture's fund closed for bids on 31 March 2023."""
    client.force_login(csp_user)
    response = post_as_served(client, reverse("grants:apply", args=[fund.key]), apply_data())
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "closed for bids" in text
    assert Application.objects.count() == 0


def test_an_award_keeps_its_terms_from_the_decision_form_and_its_letter_states_them(
    client, office, open_fund, csp_user, editor
):
    client.force_login(csp_user)
    post_as_served(client, reverse("grants:apply", args=[open_fund.key]), apply_data())
    application = Application.objects.get()
    client.force_login(editor)
    response = post_as_served(
        client,
        reverse("grants:application-decide", args=[application.pk]),
        {
            "decision": "award",
            "decision_number": "2022/051",
            **date_fields("decision_date", dt.date(2022, 7, 1)),
            "decision_maker": "Police and Crime Commissioner",
            "reasons": "Meets the criteria.",
            "amount": "3500.50",
            "conditions": "Spend by 31 March 2023.",
            "payment_schedule": "Half on signing, half on the first return.",
            **date_fields("starts_on", dt.date(2022, 8, 1)),
            **date_fields("ends_on", dt.date(2023, 3, 31)),
        },
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert (award.amount, award.conditions, award.payment_schedule) == (
        Decimal("3500.50"),
        "Spend by 31 March 2023.",
        "Half on signing, half on the first return.",
    )
    assert (award.starts_on, award.ends_on) == (dt.date(2022, 8, 1), dt.date(2023, 3, 31))
    doc = Document(
        io.BytesIO(client.get(reverse("grants:award-letter-docx", args=[award.pk])).content)
    )
    words = "\n".join(p.text for p in doc.paragraphs)
    assert "£3,500.50" in words
    assert "Half on signing, half on the first return." in words
    assert "From 1 August 2022 to 31 March 2023." in words
    assert "Spend by 31 March 2023." in words
