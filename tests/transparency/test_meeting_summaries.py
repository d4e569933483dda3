"""Minutes of meetings held in private (issue 13 item 2; SI 2011/3050 Sch. para 5(c): "a copy
of the minutes of ... each meeting which is not a public meeting but at which matters of
significant public interest arising from the exercise of the body's functions are discussed").

An officer writes the minutes for publication of such a meeting and publishes them; they fill
para 5(c) on the specified-information page. The meeting's own minutes, papers and exempt items
appear on no public route: every route the public may ask for is read with them planted."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from pcplan.core.publishing import set_published
from pcplan.panel.models import AgendaItem, Meeting, MinuteItem
from pcplan.partnerships.models import BodyKind, panel_body
from pcplan.transparency import services
from pcplan.transparency.deadlines import Compliance
from pcplan.transparency.models import MeetingSummary
from pcplan.transparency.specified import item_rows
from tests.factories import BodyFactory
from tests.htmlforms import post_as_served, served_form
from tests.partnerships.test_private_meetings_on_no_public_route import public_routes, urls_for

pytestmark = pytest.mark.django_db

EXEMPT = "EXEMPT-WORDS"


def row(key):
    return next(r for r in item_rows(timezone.localdate()) if r.item.key == key)


@pytest.fixture
def private_meeting(db):
    """A meeting of a board the office holds in private, with minutes and papers (one minute
    and one paper exempt) that no public page may show."""
    board = BodyFactory(
        key="chief-officer-group",
        name="Chief Officer Group",
        kind=BodyKind.STRATEGIC_BOARD,
        meetings_public=False,
    )
    held = Meeting.objects.create(
        body=board,
        date=dt.date(2023, 5, 4),
        title=f"{EXEMPT} meeting",
        status=Meeting.Status.HELD,
        minutes_published=True,
    )
    MinuteItem.objects.create(meeting=held, number=1, title=f"{EXEMPT} minute", text=EXEMPT)
    MinuteItem.objects.create(
        meeting=held, number=2, title=f"{EXEMPT} sale", text=EXEMPT, is_exempt=True
    )
    AgendaItem.objects.create(meeting=held, number=1, title=f"{EXEMPT} paper", is_exempt=True)
    return held


@pytest.fixture
def published_summary(editor, private_meeting):
    summary = services.save_meeting_summary(
        editor,
        MeetingSummary(
            meeting=private_meeting,
            title="PUBLIC-SUMMARY Estates strategy",
            summary="The Commissioner and the Chief Constable discussed the estates strategy.",
        ),
    )
    return set_published(editor, summary, True)


def test_an_editor_writes_and_publishes_the_minutes_for_publication(
    client_for, editor, private_meeting
):
    client = client_for(editor)
    response = post_as_served(
        client,
        reverse("transparency:meeting-summary-new"),
        {
            "meeting": str(private_meeting.pk),
            "title": "Estates strategy",
            "summary": "The estates strategy was discussed.",
        },
    )
    assert response.status_code == 302
    summary = MeetingSummary.objects.get(meeting=private_meeting)
    assert not summary.is_published
    assert summary.history.first().history_user == editor
    assert row("private-meeting-minutes").status == Compliance.MISSING

    listing = client.get(reverse("transparency:staff-meeting-summaries")).content.decode()
    publish = reverse("transparency:meeting-summary-publish", args=[summary.pk])
    assert client.post(publish, served_form(listing, action=publish)).status_code == 302
    summary.refresh_from_db()
    assert summary.is_published and summary.published_by == editor

    item = row("private-meeting-minutes")
    assert item.item.paragraph == "5(c)"
    assert item.status == Compliance.PRESENT
    assert item.last_published_on == timezone.localdate()
    page = client.get(reverse("transparency:specified-information")).content.decode()
    assert reverse("transparency:meeting-summary", args=[summary.pk]) in page
    assert "Estates strategy" in page


def test_the_form_offers_only_meetings_the_office_holds_in_private(
    client_for, editor, private_meeting
):
    public = Meeting.objects.create(body=BodyFactory(name="Public board"), date=dt.date(2023, 1, 1))
    panel = Meeting.objects.create(body=panel_body(), date=dt.date(2023, 1, 2))
    csp = BodyFactory(kind=BodyKind.CSP, meetings_public=False)
    csp_meeting = Meeting.objects.create(body=csp, date=dt.date(2023, 1, 3))
    page = client_for(editor).get(reverse("transparency:meeting-summary-new")).content.decode()
    assert f'value="{private_meeting.pk}"' in page
    for other in (public, panel, csp_meeting):
        assert f'value="{other.pk}"' not in page
        with pytest.raises(ValidationError):
            services.save_meeting_summary(
                editor, MeetingSummary(meeting=other, title="T", summary="S")
            )


def test_no_public_route_shows_the_private_meetings_minutes_or_papers(client, published_summary):
    """Every route the public may ask for, each parameter filled with the summary's and the
    meeting's keys: the published summary shows where it belongs; nothing of the meeting's own
    record (its minutes, its papers, its exempt items) shows anywhere; the body appears by name
    only where the partnerships landscape lists private bodies."""
    meeting = published_summary.meeting
    checked = 0
    for route in public_routes():
        pk = published_summary.pk if route.startswith("meeting-summaries/") else meeting.pk
        url = urls_for(route, pk, meeting.body.key)
        response = client.get(url + ("?q=estates" if "search" in route else ""))
        assert response.status_code < 500, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert EXEMPT.encode() not in content, url
        checked += 1
    assert checked > 40 and "meeting-summaries/<int:pk>/" in public_routes()
    page = client.get(reverse("transparency:meeting-summary", args=[published_summary.pk]))
    assert page.status_code == 200
    assert "discussed the estates strategy" in page.content.decode()
    listing = client.get(reverse("transparency:meeting-summaries")).content.decode()
    assert "PUBLIC-SUMMARY Estates strategy" in listing


def test_an_unpublished_summary_is_neither_listed_nor_found(client, editor, published_summary):
    set_published(editor, published_summary, False)
    assert (
        "PUBLIC-SUMMARY"
        not in client.get(reverse("transparency:meeting-summaries")).content.decode()
    )
    response = client.get(reverse("transparency:meeting-summary", args=[published_summary.pk]))
    assert response.status_code == 404
    assert row("private-meeting-minutes").status == Compliance.MISSING
    page = client.get(reverse("transparency:specified-information")).content.decode()
    assert "PUBLIC-SUMMARY" not in page


def test_a_panel_member_reads_the_list_but_may_not_write_or_publish(
    client_for, panel_member, published_summary
):
    client = client_for(panel_member)
    assert client.get(reverse("transparency:staff-meeting-summaries")).status_code == 200
    assert client.get(reverse("transparency:meeting-summary-new")).status_code == 403
    publish = reverse("transparency:meeting-summary-publish", args=[published_summary.pk])
    assert client.post(publish, {"publish": "no"}).status_code == 403
    published_summary.refresh_from_db()
    assert published_summary.is_published
    with pytest.raises(PermissionDenied):
        services.save_meeting_summary(panel_member, published_summary)


def test_the_edit_form_refuses_a_stale_save(client_for, editor, published_summary):
    client = client_for(editor)
    url = reverse("transparency:meeting-summary-edit", args=[published_summary.pk])
    data = served_form(client.get(url).content.decode(), action="")
    services.save_meeting_summary(editor, published_summary)  # someone else saves first
    data.update({"title": "Changed"})
    response = client.post(url, data)
    assert response.status_code == 400
    published_summary.refresh_from_db()
    assert published_summary.title != "Changed"
