"""Fixtures for the Panel: the secretariat, a Panel of members and a pair of meetings."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from pcplan.core.models import User
from pcplan.panel.models import AgendaItem, Meeting, PanelMember
from tests.factories import UserFactory


@pytest.fixture
def secretariat(db):
    return UserFactory(username="secretariat", role=User.Role.PANEL_SECRETARIAT)


@pytest.fixture
def panel_of_13(db):
    """Eleven councillors and two independent co-opted members, as in seed 002."""
    start = dt.date(2022, 7, 20)
    members = [
        PanelMember.objects.create(name=f"Councillor {n}", kind="councillor", start_date=start)
        for n in range(1, 12)
    ]
    members.append(
        PanelMember.objects.create(
            name="Edward Leigh", kind="independent", office="chair", start_date=start
        )
    )
    members.append(
        PanelMember.objects.create(
            name="Claire George", kind="independent", office="vice-chair", start_date=start
        )
    )
    PanelMember.objects.create(name="Councillor Sub", kind="substitute", start_date=start)
    return members


def future(days: int) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)


@pytest.fixture
def held_meeting(db):
    return Meeting.objects.create(
        date=future(-30), venue="Town Hall", status=Meeting.Status.HELD, minutes_published=True
    )


@pytest.fixture
def next_meeting(db, held_meeting):
    """A coming meeting with a published agenda: one public item and one exempt item."""
    meeting = Meeting.objects.create(
        date=future(20),
        venue="Bourges/Viersen Room - Town Hall",
        status=Meeting.Status.AGENDA_PUBLISHED,
        agenda_published_on=future(5),
    )
    AgendaItem.objects.create(
        meeting=meeting,
        number=1,
        title="Approach to Communications and Engagement",
        presenting_body="OPCC",
        kind=AgendaItem.Kind.STANDARD,
        report_pdf=make_pdf(3, "Public report"),
        report_filename="comms.pdf",
    )
    AgendaItem.objects.create(
        meeting=meeting,
        number=2,
        title="Estates disposal – commercial terms",
        kind=AgendaItem.Kind.STANDARD,
        is_exempt=True,
        report_pdf=make_pdf(2, "Exempt report"),
        report_filename="exempt.pdf",
    )
    return meeting


def make_pdf(pages: int, text: str) -> bytes:
    """A real PDF of `pages` pages, made with WeasyPrint."""
    body = "".join(
        f'<p style="page-break-after: always">{text} page {n + 1}</p>' for n in range(pages - 1)
    )
    pdf: bytes = HTML(
        string=f"<html><body>{body}<p>{text} page {pages}</p></body></html>"
    ).write_pdf()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == pages
    return pdf
