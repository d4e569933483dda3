"""Fixtures for the Panel: the secretariat, a Panel of members and a pair of meetings."""

from __future__ import annotations

import datetime as dt
import io
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
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
        report_file=ContentFile(make_pdf(3, "Public report"), name="report.pdf"),
        report_filename="comms.pdf",
    )
    AgendaItem.objects.create(
        meeting=meeting,
        number=2,
        title="Estates disposal – commercial terms",
        kind=AgendaItem.Kind.STANDARD,
        is_exempt=True,
        report_file=ContentFile(make_pdf(2, "Exempt report"), name="report.pdf"),
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


class _FormValues(HTMLParser):
    """The values a browser would send back from the first <form method="post"> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self._in_form = False
        self._textarea: str | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._chosen = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            if kind not in {"submit", "button", "file"}:
                self.values.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name", ""), []
        elif tag == "select":
            self._select, self._first_option, self._chosen = a.get("name", ""), None, False
        elif tag == "option" and self._select is not None:
            if self._first_option is None:
                self._first_option = a.get("value", "")
            if "selected" in a:
                self.values.append((self._select, a.get("value", "")))
                self._chosen = True

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop the one newline that may follow <textarea>.
            self.values.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            # With nothing selected, a browser sends the first option.
            if not self._chosen and self._first_option is not None:
                self.values.append((self._select, self._first_option))
            self._select = None
        elif tag == "form":
            self._in_form = False


def served_form(html: str) -> dict[str, list[str]]:
    """What posting the page's form back unchanged sends, as Django's test client takes it."""
    parser = _FormValues()
    parser.feed(html)
    data: dict[str, list[str]] = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    return data


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded reports go to a temporary MEDIA_ROOT, never the working directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
