"""The Panel's precept vote (PRSRA 2011 Sch 5 para 4), the Commissioner's response (para 5,
SI 2012/2271 reg 5(3)) and the Panel's report in the house format of seed 002."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from pcplan.core.models import Office
from pcplan.panel import services
from pcplan.panel.models import Meeting, Precept, PreceptVote
from pcplan.panel.precept import VetoReason
from tests.panel.test_agenda_pack import assert_tagged


@pytest.fixture
def precept_meeting(db):
    return Meeting.objects.create(date=dt.date(2023, 2, 1), status=Meeting.Status.HELD)


@pytest.fixture
def proposal(precept_meeting):
    return Precept.objects.create(
        financial_year_start=2023,
        notified_on=dt.date(2023, 1, 23),
        meeting=precept_meeting,
        band_d=Decimal("285.57"),
        previous_band_d=Decimal("270.57"),
        signed_by="Edward Leigh",
    )


def votes(members, n_veto, n_against=0):
    result = {m.pk: PreceptVote.Vote.VETO for m in members[:n_veto]}
    result |= {m.pk: PreceptVote.Vote.NO_VETO for m in members[n_veto : n_veto + n_against]}
    return result


def test_nine_of_thirteen_members_veto(secretariat, panel_of_13, proposal):
    services.record_precept_decision(
        secretariat,
        proposal,
        votes=votes(panel_of_13, 9),
        report_date=dt.date(2023, 2, 2),
        veto_reason=VetoReason.TOO_HIGH,
    )
    proposal.refresh_from_db()
    assert proposal.members_at_decision == 13
    assert proposal.outcome == Precept.Outcome.VETO_TOO_HIGH


def test_eight_present_all_voting_to_veto_is_not_a_veto_on_a_panel_of_13(
    secretariat, panel_of_13, proposal
):
    services.record_precept_decision(
        secretariat,
        proposal,
        votes=votes(panel_of_13, 8),
        report_date=dt.date(2023, 2, 2),
        veto_reason=VetoReason.TOO_HIGH,
    )
    proposal.refresh_from_db()
    assert proposal.outcome == Precept.Outcome.NO_VETO
    assert proposal.unanimous  # all eight present agreed, still not two-thirds of members
    assert proposal.votes.filter(vote=PreceptVote.Vote.ABSENT).count() == 5


def test_a_vacancy_reduces_the_membership_so_eight_votes_veto(secretariat, panel_of_13, proposal):
    leaver = panel_of_13[0]
    leaver.end_date = dt.date(2023, 1, 1)
    leaver.save()
    services.record_precept_decision(
        secretariat,
        proposal,
        votes=votes(panel_of_13[1:], 8),
        report_date=dt.date(2023, 2, 2),
        veto_reason=VetoReason.TOO_LOW,
    )
    proposal.refresh_from_db()
    assert proposal.members_at_decision == 12
    assert proposal.outcome == Precept.Outcome.VETO_TOO_LOW


def test_substitutes_and_former_members_may_not_vote(secretariat, panel_of_13, proposal):
    leaver = panel_of_13[0]
    leaver.end_date = dt.date(2023, 1, 1)
    leaver.save()
    with pytest.raises(ValidationError):
        services.record_precept_decision(
            secretariat,
            proposal,
            votes={leaver.pk: PreceptVote.Vote.VETO},
            report_date=dt.date(2023, 2, 2),
        )


def test_after_a_too_high_veto_the_revised_precept_must_be_lower(
    secretariat, panel_of_13, proposal
):
    services.record_precept_decision(
        secretariat,
        proposal,
        votes=votes(panel_of_13, 10),
        report_date=dt.date(2023, 2, 2),
        veto_reason=VetoReason.TOO_HIGH,
    )
    with pytest.raises(ValidationError):
        services.record_precept_response(
            secretariat,
            proposal,
            text="Revised",
            date=dt.date(2023, 2, 10),
            published=True,
            revised_band_d=Decimal("290.00"),
        )
    services.record_precept_response(
        secretariat,
        proposal,
        text="Revised",
        date=dt.date(2023, 2, 10),
        published=True,
        revised_band_d=Decimal("280.00"),
    )
    proposal.refresh_from_db()
    assert proposal.revised_band_d == Decimal("280.00")


def test_the_panel_report_pdf_follows_the_house_format(client, secretariat, panel_of_13, proposal):
    Office.objects.create(panel_name="Cambridgeshire Police and Crime Panel")
    services.record_precept_decision(
        secretariat,
        proposal,
        votes=votes(panel_of_13, 0, 11),
        report_date=dt.date(2023, 2, 2),
    )
    response = client.get(reverse("panel:precept-report", args=[2023]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    ).replace("\n", " ")
    assert "REPORT OF THE CAMBRIDGESHIRE POLICE AND CRIME PANEL" in text
    assert (
        "RECOMMENDATION FOLLOWING CONSIDERATION OF THE REPORT FROM THE POLICE AND CRIME "
        "COMMISSIONER ON THE PRECEPT 2023/24" in text
    )
    assert "Date of Notification: 23 January 2023" in text
    assert "Date of Panel Meeting: 1 February 2023" in text
    assert "Date of Report: 2 February 2023" in text
    assert "unanimously AGREED to NOT exercise its veto power" in text
    assert "Edward Leigh" in text
    assert "£285.57" in text and "£15.00" in text


def test_the_precept_report_is_not_public_before_the_panel_reports(client, proposal):
    assert client.get(reverse("panel:precept-report", args=[2023])).status_code == 404
    assert client.get(reverse("panel:precept", args=[2023])).status_code == 404


def test_an_unpublished_response_is_not_shown(client, secretariat, panel_of_13, proposal):
    services.record_precept_decision(
        secretariat, proposal, votes={}, report_date=dt.date(2023, 2, 2)
    )
    services.record_precept_response(
        secretariat, proposal, text="Dear Edward, draft", date=dt.date(2023, 2, 3), published=False
    )
    assert "Dear Edward" not in client.get(reverse("panel:precept", args=[2023])).content.decode()
    services.record_precept_response(
        secretariat, proposal, text="Dear Edward, final", date=dt.date(2023, 2, 3), published=True
    )
    assert (
        "Dear Edward, final" in client.get(reverse("panel:precept", args=[2023])).content.decode()
    )


def test_the_precept_report_names_the_panel_and_office_holder_of_the_office_profile(
    client, secretariat, panel_of_13, proposal
):
    Office.objects.create(kind=Office.Kind.MAYOR, panel_name="Shire Police and Crime Panel")
    services.record_precept_decision(
        secretariat, proposal, votes=votes(panel_of_13, 0, 11), report_date=dt.date(2023, 2, 2)
    )
    pdf = client.get(reverse("panel:precept-report", args=[2023])).content
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\n", " ")
    assert "REPORT OF THE SHIRE POLICE AND CRIME PANEL" in text
    assert "THE REPORT FROM THE MAYOR ON THE PRECEPT 2023/24" in text
    assert "Cambridgeshire" not in text


def test_the_precept_report_is_a_tagged_pdf_with_title_language_and_page_numbers(
    client, secretariat, panel_of_13, proposal
):
    Office.objects.create(panel_name="Shire Police and Crime Panel")
    services.record_precept_decision(
        secretariat, proposal, votes=votes(panel_of_13, 0, 11), report_date=dt.date(2023, 2, 2)
    )
    pdf = client.get(reverse("panel:precept-report", args=[2023])).content
    reader = assert_tagged(pdf, "Report of the Shire Police and Crime Panel on the precept 2023/24")
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"{number} / {pages}" in page.extract_text()
